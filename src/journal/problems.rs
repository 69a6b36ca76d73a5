//! Validation of a loaded journal: every rule a file must follow, as a list of problems.

use chrono::NaiveDate;

use super::book::Journal;
use super::ids::PartnerId;

impl Journal {
    /// Whether the journal tells its partners apart: exactly two, each with an id of their
    /// own. A file that does not is never opened, as one partner's words would be filed as
    /// the other's (or as a third's).
    pub fn check_partners(&self) -> Result<(), String> {
        if self.partners.len() != 2 {
            return Err(format!(
                "`partners` lists {}; a journal is for exactly two",
                crate::words::count(self.partners.len(), "partner", "partners")
            ));
        }
        if let [first, second] = self.partners.as_slice()
            && first.id == second.id
        {
            return Err(format!(
                "both partners in `partners` have the id {}; each needs an id of their own",
                first.id
            ));
        }
        Ok(())
    }

    /// Checks the rules a loaded file must follow, returning every problem found; `today`
    /// is tonight, the last evening a record may belong to.
    pub fn problems(&self, today: NaiveDate) -> Vec<String> {
        let mut problems = self.day_problems(today);
        if let Err(problem) = self.check_partners() {
            problems.push(problem);
        }
        if let [first, second] = self.partners.as_slice()
            && first.name.to_lowercase() == second.name.to_lowercase()
        {
            problems.push(format!(
                "both partners are called \"{}\" (each laptop renamed one of you apart), so that name cannot tell you apart; give one of you another name in the app's settings",
                crate::journal::text::one_line(&second.name)
            ));
        }
        let known = |id: PartnerId| self.partner(id).is_some();
        let metas = self
            .entries
            .iter()
            .map(|e| ("entry", &e.meta))
            .chain(self.checkins.iter().map(|c| ("check-in", &c.meta)))
            .chain(self.promises.iter().map(|p| ("promise", &p.meta)))
            .chain(self.kind_acts.iter().map(|k| ("kind act", &k.meta)))
            .chain(self.plan_items.iter().map(|p| ("plan item", &p.meta)))
            .chain(self.hard_moments.iter().map(|m| ("hard moment", &m.meta)))
            .chain(self.pauses.iter().map(|p| ("pause", &p.meta)))
            .chain(self.replies.iter().map(|r| ("reply", &r.meta)))
            .chain(self.talks.iter().map(|t| ("talk", &t.meta)));
        let mut seen = std::collections::HashSet::new();
        for (kind, meta) in metas {
            if !known(meta.author) {
                problems.push(format!(
                    "{kind} {} has an unknown author {}",
                    meta.id, meta.author
                ));
            }
            if !seen.insert(meta.id) {
                problems.push(format!("{kind} {} appears more than once", meta.id));
            }
        }
        for c in &self.checkins {
            for (name, rating) in c.ratings() {
                if rating.value() > 10 {
                    problems.push(format!(
                        "check-in {} has {name} {}, outside 0-10",
                        c.meta.id,
                        rating.value()
                    ));
                }
            }
        }
        for p in &self.promises {
            if !known(p.to) {
                problems.push(format!(
                    "promise {} is made to an unknown partner {}",
                    p.meta.id, p.to
                ));
            }
        }
        for k in &self.kind_acts {
            if let Some(doer) = k.done_by.filter(|id| !known(*id)) {
                problems.push(format!(
                    "kind act {} was done by an unknown partner {doer}",
                    k.meta.id
                ));
            }
        }
        for t in &self.talks {
            for side in t.sides.iter().filter(|s| !known(s.partner)) {
                problems.push(format!(
                    "talk {} has a part by an unknown partner {}",
                    t.meta.id, side.partner
                ));
            }
        }
        let mut weeks = std::collections::HashSet::new();
        for t in self.talks.iter().filter(|t| !t.meta.deleted) {
            if !weeks.insert(self.clock().week_of(t.week)) {
                problems.push(format!(
                    "talk {} is a second talk for the week of {}; a week has one",
                    t.meta.id, t.week
                ));
            }
        }
        problems
    }
}

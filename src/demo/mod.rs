//! A deterministic, realistic sample journal for two partners, for demos, tests and benchmarks.

mod evening;
mod moods;
mod phrases;
mod writing;

use chrono::{Duration, NaiveDate};
use fastrand::Rng;
use std::collections::BTreeMap;

use crate::journal::{
    DomainError, IdSource, Journal, NewCheckin, NewEntry, NewPromise, PartnerId, PromiseAction,
    PromiseSize, RecordId, Role, Stage, Visibility,
};
use crate::prompts::{Prompt, PromptLibrary};
use evening::Evening;
use moods::Moods;
use phrases::*;
use writing::{Writer, pick};

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;

/// Which evenings the demo covers, and the seed that makes it reproducible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSpec {
    pub first_evening: NaiveDate,
    pub evenings: u32,
    pub seed: u64,
}

impl DemoSpec {
    /// `evenings` evenings up to and including the one before `today`, so tonight is still free.
    pub fn ending_before(today: NaiveDate, evenings: u32, seed: u64) -> DemoSpec {
        DemoSpec {
            first_evening: today - Duration::days(i64::from(evenings)),
            evenings,
            seed,
        }
    }

    pub fn last_evening(&self) -> NaiveDate {
        self.first_evening + Duration::days(i64::from(self.evenings.max(1)) - 1)
    }
}

/// Generates the demo journal of Alex (repairing) and Sam (hurt).
///
/// Most evenings each writes an entry (60-180 words, some private) and checks in; about
/// three promises a week, most kept and many acknowledged, some broken, renegotiated or
/// withdrawn; kind acts a couple of times a week. Everything goes through the journal's
/// own rules. The same spec always gives the same journal, ids included.
pub fn generate(spec: &DemoSpec) -> Result<Journal, DomainError> {
    let mut rng = Rng::with_seed(spec.seed);
    let start = Evening::new(spec.first_evening, &mut rng).at(19, 0);
    let mut journal = Journal::with_ids(
        IdSource::seeded(spec.seed ^ 0x6d65_6e64),
        ("Alex", Some(Role::Repairing)),
        ("Sam", Some(Role::Hurt)),
        start,
        spec.first_evening,
    )?;
    let prompts = PromptLibrary::built_in();
    let mut couple = Couple {
        partners: [journal.partners[0].id, journal.partners[1].id],
        roles: [Some(Role::Repairing), Some(Role::Hurt)],
        names: ["Alex".to_owned(), "Sam".to_owned()],
        prompts: prompts.prompts(),
        moods: Moods::plan(spec.evenings, &mut rng),
        later: BTreeMap::new(),
        rng,
    };
    for n in 0..spec.evenings {
        let day = spec.first_evening + Duration::days(i64::from(n));
        couple.evening(&mut journal, n, day)?;
    }
    Ok(journal)
}

/// Something planned for a later evening.
enum Later {
    Close {
        promise: RecordId,
        by: PartnerId,
        action: PromiseAction,
        note: Option<String>,
        /// When renegotiated, how many days the new promise gets.
        then_due_in: i64,
    },
    ThankForPromise {
        promise: RecordId,
        by: PartnerId,
    },
    ThankForKindness {
        act: RecordId,
        by: PartnerId,
    },
}

/// The two partners as the generator sees them, and what they planned for later evenings.
struct Couple<'a> {
    partners: [PartnerId; 2],
    roles: [Option<Role>; 2],
    names: [String; 2],
    prompts: &'a [Prompt],
    moods: Moods,
    later: BTreeMap<NaiveDate, Vec<Later>>,
    rng: Rng,
}

impl Couple<'_> {
    /// Evening `n` of the demo, on `day`.
    fn evening(
        &mut self,
        journal: &mut Journal,
        n: u32,
        day: NaiveDate,
    ) -> Result<(), DomainError> {
        let mut evening = Evening::new(day, &mut self.rng);
        self.catch_up(journal, &mut evening)?;
        // Now and then neither of them gets to it; that is part of real life too.
        let quiet = self.rng.f32() < 0.06;
        let mut order = [0, 1];
        self.rng.shuffle(&mut order);
        for who in order {
            if !quiet && self.rng.f32() < 0.85 {
                self.write(journal, who, n, &mut evening)?;
            }
            if !quiet && self.rng.f32() < 0.85 {
                self.check_in(journal, who, n, &mut evening)?;
            }
        }
        if self.rng.f32() < 3.0 / 7.0 {
            self.promise(journal, &mut evening)?;
        }
        if self.rng.f32() < 2.0 / 7.0 {
            self.kindness(journal, &mut evening)?;
        }
        self.catch_up(journal, &mut evening)
    }

    /// Does everything planned for this evening, including what was planned during it.
    fn catch_up(
        &mut self,
        journal: &mut Journal,
        evening: &mut Evening,
    ) -> Result<(), DomainError> {
        while let Some(planned) = self.later.remove(&evening.day) {
            for later in planned {
                self.do_later(journal, later, evening)?;
            }
        }
        Ok(())
    }

    fn write(
        &mut self,
        journal: &mut Journal,
        who: usize,
        n: u32,
        evening: &mut Evening,
    ) -> Result<(), DomainError> {
        let stage = Stage::ALL[self.rng.usize(..Stage::ALL.len())];
        let role = self.roles[who];
        let suited: Vec<&Prompt> = self
            .prompts
            .iter()
            .filter(|p| p.stage == stage && p.suits.fits(role))
            .collect();
        let prompt = suited.get(self.rng.usize(..suited.len().max(1)));
        let writer = Writer {
            stage,
            role,
            other: &self.names[1 - who],
            setback: self.moods.in_setback(n),
        };
        let entry = NewEntry {
            author: self.partners[who],
            day: evening.day,
            stage,
            prompt_id: prompt.map(|p| p.id.clone()),
            prompt: prompt.map(|p| p.text.clone()),
            text: writer.entry(&mut self.rng),
            visibility: if self.rng.f32() < 0.12 {
                Visibility::Private
            } else {
                Visibility::Shared
            },
        };
        journal.add_entry(entry, evening.next(&mut self.rng), evening.day)?;
        Ok(())
    }

    fn check_in(
        &mut self,
        journal: &mut Journal,
        who: usize,
        n: u32,
        evening: &mut Evening,
    ) -> Result<(), DomainError> {
        let [safety, trust, connection] = self.moods.ratings(self.roles[who], n, &mut self.rng);
        let notes = if self.moods.in_setback(n) {
            NOTES_HARDER
        } else {
            NOTES_STEADY
        };
        let checkin = NewCheckin {
            author: self.partners[who],
            day: evening.day,
            safety,
            trust,
            connection,
            note: (self.rng.f32() < 0.2).then(|| pick(&mut self.rng, notes).to_owned()),
            note_visibility: crate::journal::Visibility::Shared,
        };
        journal.upsert_checkin(checkin, evening.next(&mut self.rng), evening.day)?;
        Ok(())
    }

    /// A new promise, mostly from the partner repairing, and how it will end.
    fn promise(&mut self, journal: &mut Journal, evening: &mut Evening) -> Result<(), DomainError> {
        let who = usize::from(self.rng.f32() >= 0.65);
        let (by, to) = (self.partners[who], self.partners[1 - who]);
        let days_given = self.rng.i64(1..=7);
        let due = (self.rng.f32() < 0.75).then(|| evening.day + Duration::days(days_given));
        let new = NewPromise {
            by,
            to,
            text: pick(&mut self.rng, PROMISES).to_owned(),
            made: evening.day,
            due,
            size: (self.rng.f32() < 0.1).then_some(PromiseSize::Big),
        };
        let promise = journal.add_promise(new, evening.next(&mut self.rng), evening.day)?;
        self.plan_ending(promise, by, evening.day, days_given);
        Ok(())
    }

    /// Plans how a promise ends: mostly kept, sometimes broken, renegotiated or withdrawn,
    /// and now and then simply left open.
    fn plan_ending(&mut self, promise: RecordId, by: PartnerId, made: NaiveDate, days: i64) {
        let roll = self.rng.f32();
        let (action, notes, on) = match roll {
            r if r < 0.72 => (PromiseAction::Keep, KEPT_NOTES, self.rng.i64(1..=days)),
            r if r < 0.83 => (PromiseAction::Break, BROKEN_NOTES, days + 1),
            r if r < 0.92 => (
                PromiseAction::Renegotiate {
                    text: None,
                    due: None,
                },
                RENEGOTIATED_NOTES,
                self.rng.i64(1..=days),
            ),
            r if r < 0.98 => (
                PromiseAction::Withdraw,
                WITHDRAWN_NOTES,
                self.rng.i64(1..=days),
            ),
            _ => return,
        };
        let note_chance = if matches!(action, PromiseAction::Keep) {
            0.15
        } else {
            0.7
        };
        let note = (self.rng.f32() < note_chance).then(|| pick(&mut self.rng, notes).to_owned());
        let then_due_in = self.rng.i64(2..=7);
        self.plan(
            made + Duration::days(on),
            Later::Close {
                promise,
                by,
                action,
                note,
                then_due_in,
            },
        );
    }

    fn kindness(
        &mut self,
        journal: &mut Journal,
        evening: &mut Evening,
    ) -> Result<(), DomainError> {
        let who = usize::from(self.rng.bool());
        let text = pick(&mut self.rng, KIND_ACTS);
        let act = journal.add_kind_act(
            self.partners[who],
            text,
            evening.day,
            evening.next(&mut self.rng),
            evening.day,
        )?;
        if self.rng.f32() < 0.6 {
            let by = self.partners[1 - who];
            let on = evening.day + Duration::days(self.rng.i64(0..=1));
            self.plan(on, Later::ThankForKindness { act, by });
        }
        Ok(())
    }

    fn do_later(
        &mut self,
        journal: &mut Journal,
        later: Later,
        evening: &mut Evening,
    ) -> Result<(), DomainError> {
        let now = evening.next(&mut self.rng);
        match later {
            Later::Close {
                promise,
                by,
                action,
                note,
                then_due_in,
            } => {
                let kept = matches!(action, PromiseAction::Keep);
                let action = match action {
                    PromiseAction::Renegotiate { text, .. } => {
                        // A renegotiation changes something: here, a later due day.
                        let old_due = journal
                            .live_promises()
                            .find(|p| p.meta.id == promise)
                            .and_then(|p| p.due);
                        let mut due = evening.day + Duration::days(then_due_in);
                        if Some(due) <= old_due {
                            due = old_due.unwrap_or(due) + Duration::days(1);
                        }
                        PromiseAction::Renegotiate {
                            text,
                            due: Some(due),
                        }
                    }
                    other => other,
                };
                let replacement =
                    journal.change_promise(promise, by, action, note, now, evening.day)?;
                if let Some(new) = replacement {
                    self.plan_ending(new, by, evening.day, then_due_in);
                }
                let receiver = self.partners.into_iter().find(|p| *p != by);
                if let (true, Some(receiver)) = (kept, receiver)
                    && self.rng.f32() < 0.7
                {
                    let on = evening.day + Duration::days(self.rng.i64(0..=1));
                    self.plan(
                        on,
                        Later::ThankForPromise {
                            promise,
                            by: receiver,
                        },
                    );
                }
            }
            Later::ThankForPromise { promise, by } => {
                let note = self.thanks();
                journal.acknowledge_promise(promise, by, note, now)?;
            }
            Later::ThankForKindness { act, by } => {
                let note = self.thanks();
                journal.acknowledge_kind_act(act, by, note, now)?;
            }
        }
        Ok(())
    }

    fn thanks(&mut self) -> Option<String> {
        (self.rng.f32() < 0.5).then(|| pick(&mut self.rng, THANKS).to_owned())
    }

    fn plan(&mut self, day: NaiveDate, later: Later) {
        self.later.entry(day).or_default().push(later);
    }
}

#[cfg(test)]
mod tests;

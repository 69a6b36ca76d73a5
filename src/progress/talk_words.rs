//! The weekly talk's words from the week's figures: starters for appreciations, and the week
//! read together in plain words (counts only, never a percentage or a score, and only what
//! each of you did: nothing that did not happen is listed).

use crate::journal::{Journal, PartnerId, PromiseStatus, Week};
use crate::words::count;

use super::{COMPARISON_WEEKS, Progress};

/// The most starters offered to one partner.
const MOST_STARTERS: usize = 4;

/// Things the other partner did this week that `for_partner` might name: promises they kept,
/// kind acts they did, and times they noticed `for_partner`'s kindness.
pub fn appreciation_starters(
    progress: &Progress,
    journal: &Journal,
    week: Week,
    for_partner: PartnerId,
) -> Vec<String> {
    let mut starters = Vec::new();
    for p in progress.promises_in(week) {
        if p.by != for_partner
            && p.status == PromiseStatus::Kept
            && let Some(promise) = p.promise.get(journal)
        {
            starters.push(format!("kept the promise: {}", promise.text));
        }
    }
    for k in progress.kind_acts_in(week) {
        if k.by != for_partner
            && let Some(act) = k.act.get(journal)
        {
            starters.push(act.text.clone());
        }
    }
    let noticed = progress
        .reciprocity(for_partner, week)
        .acknowledgements_received;
    if noticed > 0 {
        starters.push("noticed what you did for them".to_owned());
    }
    starters.truncate(MOST_STARTERS);
    starters
}

/// The week's figures as sentences, one partner at a time, for the talk's "what went well".
pub fn week_in_words(progress: &Progress, journal: &Journal, week: Week) -> Vec<String> {
    let mut lines = Vec::new();
    for &id in progress.partners() {
        let name = journal.name_of(id);
        let now = progress.evenings_checked_in(id, week);
        let before: u32 = (1..=COMPARISON_WEEKS)
            .map(|n| progress.evenings_checked_in(id, week.weeks_back(n)))
            .sum();
        let usual = f64::from(before) / f64::from(COMPARISON_WEEKS);
        let against = if before == 0 {
            String::new()
        } else {
            format!(" (about {} a week in the four weeks before)", usual.round())
        };
        // What went well: what each of you did, never what did not happen.
        if now > 0 {
            lines.push(format!(
                "{name} checked in on {}{against}.",
                count(now as usize, "evening", "evenings")
            ));
        }
        let r = progress.reciprocity(id, week);
        let mut promises = Vec::new();
        if r.kept > 0 {
            promises.push(format!(
                "kept {}",
                count(r.kept as usize, "promise", "promises")
            ));
        }
        if r.renegotiated > 0 {
            promises.push(format!(
                "renegotiated {}",
                count(r.renegotiated as usize, "promise", "promises")
            ));
        }
        if !promises.is_empty() {
            lines.push(format!("{name} {}.", promises.join(" and ")));
        }
        if let Some(words) = r.kindness_words() {
            lines.push(format!("{name}: {words}."));
        }
        let written = progress.communication(id, week).total_entries();
        if written > 0 {
            lines.push(format!(
                "{name} shared {}.",
                count(written as usize, "entry", "entries")
            ));
        }
    }
    let moments = progress.hard_moments_in(week).len();
    if moments > 0 {
        lines.push(format!(
            "{} shared; the plan is there for the next one.",
            count(moments, "hard moment was", "hard moments were")
        ));
    }
    lines
}

//! Honest communication figures: evenings written, entries per stage, and a week side by side.
//!
//! Only live shared entries count here; private entries are never seen, not even as numbers.
//! A shared entry still closed to both is counted as written, and its words stay closed.

use chrono::NaiveDate;

use super::records::EntryRef;
use crate::journal::Stage;

/// What one partner shared over a week.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Communication {
    /// Evenings with at least one shared entry by this partner, open or still closed.
    pub evenings_written: u32,
    /// Shared entries still closed to both (each opens once the other partner has written
    /// that evening too): counted so no one is told nothing was written, never shown.
    pub waiting_to_open: u32,
    per_stage: [u32; 3],
}

impl Communication {
    pub(super) fn add_entry(&mut self, stage: Stage) {
        self.per_stage[stage_index(stage)] += 1;
    }

    /// Shared entries written for one stage's prompts.
    pub fn entries(&self, stage: Stage) -> u32 {
        self.per_stage[stage_index(stage)]
    }

    /// Shared entries of every stage.
    pub fn total_entries(&self) -> u32 {
        self.per_stage.iter().sum()
    }
}

fn stage_index(stage: Stage) -> usize {
    match stage {
        Stage::Communication => 0,
        Stage::Reciprocity => 1,
        Stage::Healing => 2,
    }
}

/// One evening's shared entries, both partners side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedEvening {
    pub day: NaiveDate,
    /// Each partner's entries of that evening, in the order of `Progress::partners`, oldest first.
    pub by_partner: [Vec<EntryRef>; 2],
}

/// A shared entry as filed by week: whose it is and which evening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SharedEntry {
    pub day: NaiveDate,
    pub slot: usize,
    pub entry: EntryRef,
}

/// Groups a week's shared entries (in journal order) by evening, earliest evening first.
pub(super) fn side_by_side(shared: &[SharedEntry]) -> Vec<SharedEvening> {
    let mut evenings: Vec<SharedEvening> = Vec::new();
    let mut sorted: Vec<&SharedEntry> = shared.iter().collect();
    sorted.sort_by_key(|s| s.day);
    for s in sorted {
        if evenings.last().is_none_or(|last| last.day != s.day) {
            evenings.push(SharedEvening {
                day: s.day,
                by_partner: [Vec::new(), Vec::new()],
            });
        }
        if let Some(evening) = evenings.last_mut() {
            evening.by_partner[s.slot].push(s.entry);
        }
    }
    evenings
}

/// What is said of a partner's shared entries still closed: that they wait, never what
/// they hold.
pub fn waiting_words(name: &str, other: &str, waiting: u32) -> String {
    match waiting {
        1 => format!(
            "One entry of {name}'s opens once {other} has shared an entry on that evening too."
        ),
        n => format!(
            "{n} entries of {name}'s open once {other} has shared an entry on those evenings too."
        ),
    }
}

//! Reciprocity figures: promises made and how they ended, acknowledgements and kind acts.

use std::iter::Sum;
use std::ops::{Add, AddAssign};

use serde::Serialize;

use crate::journal::PromiseStatus;

/// What one partner gave and received over some weeks.
///
/// Each count is dated by its own evening: a promise by the evening it was made, a status
/// change and an acknowledgement by the evening (in the journal's clock) of their time,
/// and a kind act by its day. A renegotiated promise counts once as renegotiated; the
/// promise that replaces it carries it on and is not counted as made again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Reciprocity {
    /// Promises this partner made.
    pub made: u32,
    pub kept: u32,
    pub broken: u32,
    pub renegotiated: u32,
    pub withdrawn: u32,
    /// Times this partner said they noticed the other's kept promise or kind act.
    pub acknowledgements_given: u32,
    /// Times the other partner noticed this partner's kept promise or kind act.
    pub acknowledgements_received: u32,
    /// Of those, times it was one of this partner's kept promises (not a kind act).
    pub promises_noticed: u32,
    /// Kind acts this partner did.
    pub kind_acts: u32,
}

impl Reciprocity {
    /// Counts one status change of a promise this partner made.
    pub(super) fn add_status(&mut self, status: PromiseStatus) {
        match status {
            PromiseStatus::Open => {}
            PromiseStatus::Kept => self.kept += 1,
            PromiseStatus::Broken => self.broken += 1,
            PromiseStatus::Renegotiated => self.renegotiated += 1,
            PromiseStatus::Withdrawn => self.withdrawn += 1,
        }
    }
}

impl Reciprocity {
    /// Kind acts and noticing in plain words, as history: a count of zero is left out rather
    /// than shown as a lack ("2 kind acts · noticed the other once"), and with nothing to
    /// tell there are no words at all.
    pub fn kindness_words(&self) -> Option<String> {
        let times = |n: u32| match n {
            1 => "once".to_owned(),
            2 => "twice".to_owned(),
            n => format!("{n} times"),
        };
        let mut parts = Vec::new();
        if self.kind_acts > 0 {
            let acts = crate::words::count(self.kind_acts as usize, "kind act", "kind acts");
            parts.push(acts);
        }
        if self.acknowledgements_given > 0 {
            parts.push(format!(
                "noticed the other {}",
                times(self.acknowledgements_given)
            ));
        }
        if self.acknowledgements_received > 0 {
            parts.push(format!(
                "was noticed {}",
                times(self.acknowledgements_received)
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

impl AddAssign for Reciprocity {
    fn add_assign(&mut self, other: Reciprocity) {
        self.made += other.made;
        self.kept += other.kept;
        self.broken += other.broken;
        self.renegotiated += other.renegotiated;
        self.withdrawn += other.withdrawn;
        self.acknowledgements_given += other.acknowledgements_given;
        self.acknowledgements_received += other.acknowledgements_received;
        self.promises_noticed += other.promises_noticed;
        self.kind_acts += other.kind_acts;
    }
}

impl Add for Reciprocity {
    type Output = Reciprocity;
    fn add(mut self, other: Reciprocity) -> Reciprocity {
        self += other;
        self
    }
}

impl Sum for Reciprocity {
    fn sum<I: Iterator<Item = Reciprocity>>(iter: I) -> Reciprocity {
        iter.fold(Reciprocity::default(), Add::add)
    }
}

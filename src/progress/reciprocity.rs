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
    /// Kind acts this partner did.
    pub kind_acts: u32,
}

impl Reciprocity {
    /// Kept promises out of those kept or broken, or `None` when none were either.
    ///
    /// Renegotiated and withdrawn promises are left out: changing a promise openly is part
    /// of keeping faith, so it is not counted against anyone.
    pub fn keep_rate(&self) -> Option<f64> {
        let settled = self.kept + self.broken;
        (settled > 0).then(|| f64::from(self.kept) / f64::from(settled))
    }

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

impl AddAssign for Reciprocity {
    fn add_assign(&mut self, other: Reciprocity) {
        self.made += other.made;
        self.kept += other.kept;
        self.broken += other.broken;
        self.renegotiated += other.renegotiated;
        self.withdrawn += other.withdrawn;
        self.acknowledgements_given += other.acknowledgements_given;
        self.acknowledgements_received += other.acknowledgements_received;
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

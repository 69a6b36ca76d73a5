//! What a key did in a dialog: stay, cancel, or submit a change.

use crate::journal::Change;

/// What a key did in a dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Stay,
    Cancel,
    /// The form is filled in: apply this change. The dialog stays open until it is saved.
    Submit(Change),
}

impl Outcome {
    /// Submits a filled-in form, or keeps it open with what to fix first.
    pub fn of(filled: Result<Change, String>, error: &mut Option<String>) -> Outcome {
        match filled {
            Ok(change) => Outcome::Submit(change),
            Err(message) => {
                *error = Some(message);
                Outcome::Stay
            }
        }
    }
}

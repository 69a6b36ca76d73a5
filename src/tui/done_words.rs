//! The kind sentence shown at the bottom of the screen once a change is saved.

use crate::journal::{Change, Journal, PartnerId, PromiseAction};

/// A kind sentence saying the change is saved, for the note at the bottom of the screen.
pub fn done_words(change: &Change, journal: &Journal) -> String {
    let other = |by: PartnerId| {
        journal
            .other_partner(by)
            .map_or_else(|| "your partner".to_owned(), |p| p.name.clone())
    };
    match change {
        Change::AddPromise(new) => format!(
            "Promise made. {} will see it on their evening screen.",
            other(new.by)
        ),
        Change::ChangePromise { action, by, .. } => match action {
            PromiseAction::Keep => format!("Marked kept. {} can say they noticed.", other(*by)),
            PromiseAction::Break => "Marked not kept. Thank you for saying so honestly.".to_owned(),
            PromiseAction::Withdraw => "The promise is withdrawn.".to_owned(),
            PromiseAction::Renegotiate { .. } => {
                "Renegotiated. The new promise is open; the old one stays in the history."
                    .to_owned()
            }
        },
        Change::AcknowledgePromise { by, .. } | Change::AcknowledgeKindAct { by, .. } => {
            format!("{} will see that you noticed.", other(*by))
        }
        Change::AddKindAct { .. } => "Kind act saved.".to_owned(),
        Change::AddEntry(_)
        | Change::EditEntry { .. }
        | Change::SetEntryDeleted { .. }
        | Change::RestoreEntry { .. }
        | Change::Checkin(_) => "Saved.".to_owned(),
    }
}

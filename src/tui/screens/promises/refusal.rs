//! The domain's refusals of a change to a promise or kind act, in the promises screen's kind words.

use super::rows;
use crate::journal::{DomainError, PromiseStatus};

/// The domain's refusal of a change to a promise or kind act, in the screen's own kind words.
/// `other` is the partner who can do what was refused.
pub(super) fn refusal_words(why: &DomainError, other: &str) -> String {
    match why {
        DomainError::NotYourPromise => format!(
            "Only {other} can change this promise; you can say you noticed once it is kept."
        ),
        DomainError::PromiseClosed(status) => format!(
            "This promise is already {}; only open promises change.",
            rows::outcome_words(*status).to_lowercase()
        ),
        DomainError::AckOwnPromise => {
            format!("You made this promise, so {other} is the one to say they noticed.")
        }
        DomainError::AckOwnKindAct => {
            format!("You did this, so {other} is the one to say they noticed.")
        }
        DomainError::AlreadyAcknowledged => "You already said you noticed this one.".to_owned(),
        DomainError::ReceivedAlreadyNoticed => {
            "You wrote this one down as done for you, so it already counts as noticed.".to_owned()
        }
        DomainError::NotYetKept(PromiseStatus::Open) => {
            "This promise is still open; you can say you noticed once it is kept.".to_owned()
        }
        DomainError::NotYetKept(status) => format!(
            "This promise was {}; only kept or renegotiated promises are noticed.",
            rows::outcome_words(*status).to_lowercase()
        ),
        other_reason => other_reason.to_string(),
    }
}

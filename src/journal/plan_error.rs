//! Why the journal refused a change: a rule of the plan for hard moments, a hard moment, a pause, or any other.

use thiserror::Error;

use super::error::DomainError;

/// A rule of the plan, a hard moment or a pause that a change would break. Nothing is
/// changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("The {what} is {chars} characters; keep it to {most} or fewer. Nothing was saved.")]
    TooLong {
        what: &'static str,
        chars: usize,
        most: usize,
    },
    #[error("Only the partner whose plan item this is can change or retire it.")]
    NotYourPlanItem,
    #[error(
        "This is your own plan item, so your partner is the one to agree to it or suggest a change."
    )]
    ReviewOwnPlanItem,
    #[error("This plan item was retired; it can no longer be agreed to or changed.")]
    PlanItemRetired,
    #[error("You already agreed to this plan item as it stands.")]
    AlreadyAgreed,
    #[error(
        "The edit changes nothing: all three parts are the same as before, so nothing was saved."
    )]
    NothingEdited,
    #[error("Only the partner who noted a hard moment can say how it went.")]
    NotYourMoment,
    #[error("\"{0}\" is not a time; give the hour and minute as HH:MM, such as 21:30.")]
    BadTime(String),
    #[error(
        "The hard date {day} is outside the dates mend keeps: give one from {earliest} to {latest}. Nothing was saved."
    )]
    HardDateOutOfRange {
        day: chrono::NaiveDate,
        earliest: chrono::NaiveDate,
        latest: chrono::NaiveDate,
    },
}

impl PlanError {
    /// Whether the error is about what the person typed (exit 2) rather than the journal's
    /// state (exit 1).
    pub fn is_usage(&self) -> bool {
        match self {
            PlanError::Domain(err) => err.is_usage(),
            PlanError::TooLong { .. }
            | PlanError::BadTime(_)
            | PlanError::NothingEdited
            | PlanError::HardDateOutOfRange { .. } => true,
            PlanError::NotYourPlanItem
            | PlanError::ReviewOwnPlanItem
            | PlanError::PlanItemRetired
            | PlanError::AlreadyAgreed
            | PlanError::NotYourMoment => false,
        }
    }
}

/// Checks a short text: not blank, at most `most` characters; surrounding space trimmed.
pub(crate) fn check_words(
    what: &'static str,
    text: &str,
    most: usize,
) -> Result<String, PlanError> {
    let text = super::limits::check_short_text(what, text)?;
    let chars = text.chars().count();
    if chars > most {
        return Err(PlanError::TooLong { what, chars, most });
    }
    Ok(text)
}

/// Like [`check_words`] for a note that may be left out: blank is none.
pub(crate) fn optional_words(
    what: &'static str,
    note: Option<String>,
    most: usize,
) -> Result<Option<String>, PlanError> {
    match note {
        Some(n) if !n.trim().is_empty() => Ok(Some(check_words(what, &n, most)?)),
        _ => Ok(None),
    }
}

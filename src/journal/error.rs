//! Why the journal refused a change, in words a person can act on.

use chrono::NaiveDate;
use thiserror::Error;

use super::ids::{PartnerId, RecordId};
use super::promise_status::PromiseStatus;

/// A rule of the journal that a change would break. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("There is no partner called \"{name}\" in this journal; the partners are {}.", known.join(" and "))]
    UnknownPartner { name: String, known: Vec<String> },
    #[error("The journal names a partner id {0} it does not know.")]
    UnknownPartnerId(PartnerId),
    #[error("Both partners are called \"{0}\"; please give two different names.")]
    SamePartnerNames(String),
    #[error(
        "Both partners are called \"{0}\" now (each laptop renamed one of you apart), so \"{0}\" could be either of you and nothing was done. Give one of you another name in the app's settings, which open from \"who is here\"."
    )]
    NameOfBoth(String),
    #[error("A partner's name cannot be empty.")]
    EmptyName,
    #[error("The name \"{0}…\" is too long; use up to 40 characters.")]
    BadName(String),
    #[error(
        "A partner's name cannot hold control characters (such as Escape, a line break or a tab) or invisible ones (such as a zero-width space); please type the name plainly."
    )]
    NameNotPlain,
    #[error("The day {day} is still ahead; the latest evening you can use is {today}.")]
    FutureDay { day: NaiveDate, today: NaiveDate },
    #[error(
        "The day {day} is before this journal began ({started}); use a day from {started} to tonight."
    )]
    DayBeforeStart { day: NaiveDate, started: NaiveDate },
    #[error("The due day {due} is more than ten years ahead; choose a day up to {latest}.")]
    DueTooFar { due: NaiveDate, latest: NaiveDate },
    #[error("The week {week} is outside this journal, which runs from {first} to {last}.")]
    WeekOutsideJournal {
        week: String,
        first: String,
        last: String,
    },
    #[error("The {0} is empty; nothing was saved.")]
    EmptyText(&'static str),
    #[error("The {what} is {bytes} bytes, over the 1 MiB limit; nothing was saved.")]
    TextTooLong { what: &'static str, bytes: usize },
    #[error("A rating of {0} is outside 0-10.")]
    RatingOutOfRange(i64),
    #[error("That record ({0}) is not in the journal.")]
    UnknownRecord(RecordId),
    #[error("\"{0}\" is not an id; ids are made of the characters 0-9 and a-f.")]
    BadId(String),
    #[error("No record has an id starting with \"{0}\".")]
    NoSuchId(String),
    #[error("More than one record has an id starting with \"{0}\"; type a few more characters.")]
    AmbiguousId(String),
    #[error(
        "Two records in the journal share the id {0}, so mend cannot tell which one you mean. Run `mend check` to see them, then give one a new id in the file or restore a backup."
    )]
    DuplicateId(RecordId),
    #[error("Only the partner who wrote an entry can change it.")]
    NotYourEntry,
    #[error(
        "Only the partner who made a promise can change it, and only the one it was made to can say they noticed it."
    )]
    NotYourPromise,
    #[error("A promise is made to the other partner, not to oneself.")]
    PromiseToSelf,
    #[error("This promise was already closed ({0}); only open promises can change.")]
    PromiseClosed(PromiseStatus),
    #[error(
        "A renegotiated promise needs new words or a new due day; this one has the same of both, so nothing changed."
    )]
    NothingRenegotiated,
    #[error(
        "A contact is one line of up to 120 plain characters, such as \"Our counsellor: 555 0101\"."
    )]
    BadContact,
    #[error("The settings already hold five contacts; remove them with --clear-contacts first.")]
    TooManyContacts,
    #[error("The evening can end at an hour from 0 to 23, not {0}.")]
    BadHour(u8),
    #[error("mend can lock itself after 1 to 240 minutes without a key, not {0}.")]
    BadLockAfter(u16),
    #[error("The due day {due} is before the day the promise was made ({made}).")]
    DueBeforeMade { due: NaiveDate, made: NaiveDate },
    #[error("You made this promise, so your partner is the one to say they noticed it.")]
    AckOwnPromise,
    #[error("This promise is {0}; it can be noticed once it is kept or renegotiated.")]
    NotYetKept(PromiseStatus),
    #[error("You already said you noticed this.")]
    AlreadyAcknowledged,
    #[error("You did this kind act, so your partner is the one to say they noticed it.")]
    AckOwnKindAct,
    #[error(
        "A kindness received is one your partner did for you; something you did yourself is logged as your own kind act."
    )]
    KindnessFromSelf,
    #[error("You wrote this kindness down as done for you, so it already counts as noticed.")]
    ReceivedAlreadyNoticed,
    #[error("This is your own entry; a reply is for your partner's words.")]
    ReplyToOwnEntry,
    #[error(
        "Your partner's words for this evening open once you have written your own (or when the evening ends); you can reply then."
    )]
    ReplyBeforeReveal,
    #[error(
        "This copy belongs to another couple's journal (its partners are not these two), so it cannot be merged into this one."
    )]
    NotTheSameJournal,
    #[error(
        "One copy of this journal is encrypted and the other is not, so they cannot be merged as they are; nothing was changed. To fold them together, decrypt the encrypted one (`mend decrypt`; add `--journal FILE` for a copy that is not your journal), merge them, then encrypt the journal again (`mend encrypt`)."
    )]
    SealedAndPlain,
    #[error(
        "These two copies of the journal were encrypted apart, each with keys of its own, so the words of one cannot be opened with the other's passphrases and they cannot be merged as they are; nothing was changed. To fold them together, decrypt both (`mend decrypt`; add `--journal FILE` for a copy that is not your journal), merge them, then encrypt the journal once (`mend encrypt`)."
    )]
    SealedWithOtherKeys,
    #[error(
        "{0} was changed elsewhere (in another window, or on the other laptop) while this was open, so nothing was saved over it. What you typed here is still on the screen; go back and open it again to see it as it is now."
    )]
    ChangedMeanwhile(&'static str),
}

impl DomainError {
    /// Whether the error is about what the person typed (exit 2) rather than the journal's state (exit 1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            DomainError::UnknownPartner { .. }
                | DomainError::SamePartnerNames(_)
                | DomainError::NameOfBoth(_)
                | DomainError::EmptyName
                | DomainError::BadName(_)
                | DomainError::NameNotPlain
                | DomainError::FutureDay { .. }
                | DomainError::DayBeforeStart { .. }
                | DomainError::DueTooFar { .. }
                | DomainError::WeekOutsideJournal { .. }
                | DomainError::EmptyText(_)
                | DomainError::TextTooLong { .. }
                | DomainError::RatingOutOfRange(_)
                | DomainError::BadId(_)
                | DomainError::NoSuchId(_)
                | DomainError::AmbiguousId(_)
                | DomainError::PromiseToSelf
                | DomainError::KindnessFromSelf
                | DomainError::DueBeforeMade { .. }
                | DomainError::NothingRenegotiated
                | DomainError::BadContact
                | DomainError::TooManyContacts
                | DomainError::BadHour(_)
                | DomainError::BadLockAfter(_)
        )
    }
}

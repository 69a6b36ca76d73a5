//! The journal domain: plain data and its rules, with no I/O and no terminal.
//!
//! Each record kind has two files: the record itself and its own rules (`entry.rs`,
//! `checkin.rs`, `promise.rs`, `kind_act.rs`, `plan_item.rs`, `hard_moment.rs`, `pause.rs`),
//! and the journal's operations on its list (`entries.rs`, `checkins.rs`, `promises.rs`,
//! `kind_acts.rs`, `plan_items.rs`, `hard_moments.rs`, `pauses.rs`), and the partners likewise
//! (`partner.rs`, `partners.rs`). The record lists are fields of `Journal` (`book.rs`), so an
//! operation beside its record would make the two files import each other. This file only declares the modules and names what they offer.

mod answers;
mod book;
mod change;
mod checkin;
mod checkins;
mod clock;
mod day;
mod earlier;
mod entries;
mod entry;
mod error;
mod file_key;
mod hard_moment;
mod hard_moments;
mod ids;
mod kind_act;
mod kind_acts;
mod limits;
mod lookup;
mod merge;
mod meta;
mod moment;
mod partner;
mod partners;
mod pause;
mod pauses;
mod plan_ahead;
mod plan_error;
mod plan_item;
mod plan_items;
mod problems;
mod promise;
mod promise_status;
mod promises;
mod query;
mod range;
mod replies;
mod reply;
mod reveal;
mod sealing;
mod search;
pub mod settings;
mod sight;
pub mod support;
mod talk;
pub mod talk_flow;
mod talks;
pub mod text;
mod wire;

pub use book::{
    DEFAULT_LOCK_AFTER_MINUTES, FORMAT, Journal, LOCK_AFTER_RANGE, PLAIN_VERSION, Settings, VERSION,
};
pub use change::Change;
pub use checkin::{Checkin, Rating, RatingName};
pub use checkins::NewCheckin;
pub use clock::{Clock, Device};
pub use day::{EveningClock, Week, WeekStart, local_time, shift};
pub use entries::{Edited, EntryEdit, NewEntry};
pub use entry::{EarlierVersion, Entry, Stage, Visibility};
pub use error::DomainError;
pub use file_key::file_key;
pub use hard_moment::{HardMoment, MOST_MOMENT_CHARS, MomentOutcome};
pub use ids::{IdSource, PartnerId, RecordId};
pub use kind_act::KindAct;
pub use limits::MAX_TEXT_BYTES;
pub(crate) use limits::check_text;
pub use lookup::resolve_prefix;
pub use merge::MergeReport;
pub use meta::{Extra, Meta, RawJson, Record};
pub use partner::{MAX_NAME_CHARS, Partner, Role, check_name};
pub use pause::{MOST_PAUSE_NOTE_CHARS, Pause, parse_clock_time, pause_ends};
pub use plan_ahead::{HARD_DAYS_AHEAD, HardDayAhead, LOOK_AGAIN_AFTER_DAYS, LookDue};
pub use plan_error::PlanError;
pub use plan_item::{MOST_PLAN_PART_CHARS, PlanItem, PlanParts, PlanReview, ReviewKind};
pub use plan_items::{HardDate, MOST_PLAN_NOTE_CHARS};
pub use promise::{Acknowledgement, Promise, PromiseAction, PromiseSize, StatusChange};
pub use promise_status::PromiseStatus;
pub use promises::NewPromise;
pub use query::Query;
pub use range::MOST_MONTHS_AHEAD;
pub use reply::{MOST_REPLY_CHARS, Reply};
pub use reveal::FirstWritten;
pub use sealing::{
    KeyWrap, MIN_PASSPHRASE_CHARS, Opened, OpensWith, RECOVERY_CODE_WORDS, SEALING_SCHEME, Sealing,
    check_new_passphrase, check_passphrase_is_their_own, recovery_code_next_words,
    recovery_code_words_for,
};
pub use search::{Hit, HitKind, narrow};
pub use sight::{Reader, Reveal, Sight};
pub use talk::{APPRECIATIONS, MOST_TALK_PART_CHARS, Talk, TalkSide, TalkStep};
pub use talks::TalkPart;

#[cfg(test)]
mod tests;

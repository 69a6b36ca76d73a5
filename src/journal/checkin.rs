//! A short daily check-in: safety, trust and connection, each 0-10.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::entry::Visibility;
use super::error::DomainError;
use super::ids::PartnerId;
use super::meta::{Extra, Meta, Record};
use super::moment::Day;
use super::wire::deserialize_keeping_unknown;

/// A rating from 0 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub const MAX: u8 = 10;

    pub fn new(value: u8) -> Result<Self, DomainError> {
        if value > Self::MAX {
            return Err(DomainError::RatingOutOfRange(i64::from(value)));
        }
        Ok(Self(value))
    }

    /// A rating, with anything above 10 brought down to 10.
    pub fn saturating(value: u8) -> Self {
        Self(value.min(Self::MAX))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// Stands in for a rating that is sealed in an encrypted journal and was not opened.
    /// No file and no person can give it (a rating is 0 to 10), and nothing shows it: a
    /// journal holding it is only merged and saved.
    pub const SEALED: Rating = Rating(u8::MAX);

    /// Whether this stands in for a sealed rating.
    pub fn is_sealed(&self) -> bool {
        *self == Self::SEALED
    }
}

impl TryFrom<u8> for Rating {
    type Error = DomainError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.0
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The three things a check-in rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatingName {
    Safety,
    Trust,
    Connection,
}

impl RatingName {
    pub const ALL: [RatingName; 3] = [
        RatingName::Safety,
        RatingName::Trust,
        RatingName::Connection,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RatingName::Safety => "safety",
            RatingName::Trust => "trust",
            RatingName::Connection => "connection",
        }
    }
}

impl fmt::Display for RatingName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One partner's check-in for one evening. The ratings are always shared; the note is shared
/// unless its author keeps it private (see [`Checkin::note_for`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkin {
    #[serde(flatten)]
    pub meta: Meta,
    pub day: NaiveDate,
    #[serde(skip_serializing_if = "Rating::is_sealed")]
    pub safety: Rating,
    #[serde(skip_serializing_if = "Rating::is_sealed")]
    pub trust: Rating,
    #[serde(skip_serializing_if = "Rating::is_sealed")]
    pub connection: Rating,
    /// In an encrypted journal, the three ratings sealed together; the ratings above are then
    /// [`Rating::SEALED`] until the journal is opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sealed_ratings: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who may read the note. Written only when private: a file without it is one from before
    /// notes could be private, when every note was shared.
    #[serde(skip_serializing_if = "note_is_shared")]
    pub note_visibility: Visibility,
    #[serde(flatten)]
    pub extra: Extra,
}

fn note_is_shared(visibility: &Visibility) -> bool {
    *visibility == Visibility::Shared
}

deserialize_keeping_unknown!(Checkin, meta: meta {
    day: NaiveDate [via Day] => required,
    safety: Rating => (default = Rating::SEALED),
    trust: Rating => (default = Rating::SEALED),
    connection: Rating => (default = Rating::SEALED),
    sealed_ratings: Option<String> => default,
    note: Option<String> => default,
    note_visibility: Visibility => (default = Visibility::Shared),
});

impl Checkin {
    pub fn rating(&self, name: RatingName) -> Rating {
        match name {
            RatingName::Safety => self.safety,
            RatingName::Trust => self.trust,
            RatingName::Connection => self.connection,
        }
    }

    /// The note as `viewer` may read it: its author always, the other partner only when it
    /// is shared. Every place that shows a note to someone asks here.
    pub fn note_for(&self, viewer: PartnerId) -> Option<&str> {
        if viewer == self.meta.author {
            self.note.as_deref()
        } else {
            self.shared_note()
        }
    }

    /// The note when it is shared, for what both partners read (the weekly summary).
    pub fn shared_note(&self) -> Option<&str> {
        match self.note_visibility {
            Visibility::Shared => self.note.as_deref(),
            Visibility::Private => None,
        }
    }

    pub fn ratings(&self) -> [(RatingName, Rating); 3] {
        RatingName::ALL.map(|name| (name, self.rating(name)))
    }
}

impl Record for Checkin {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}

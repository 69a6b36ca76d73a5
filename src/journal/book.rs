//! The journal as a whole: its header, the couple's settings, the partners and the record lists.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::checkin::Checkin;
use super::clock::Device;
use super::day::{EveningClock, WeekStart};
use super::entry::Entry;
use super::error::DomainError;
use super::hard_moment::HardMoment;
use super::ids::{IdSource, PartnerId};
use super::kind_act::KindAct;
use super::meta::{Extra, Meta};
use super::moment::Day;
use super::partner::{Partner, Role};
use super::pause::Pause;
use super::plan_item::PlanItem;
use super::promise::Promise;
use super::reply::Reply;
use super::sealing::{Opened, OpenedState, Sealing};
use super::sight::Reveal;
use super::talk::Talk;
use super::wire::deserialize_keeping_unknown;

/// The value of the `format` header field.
pub const FORMAT: &str = "mend-journal";
/// The newest journal format version this build reads and writes: 2 is an encrypted
/// journal, which a mend that reads only version 1 refuses by name.
pub const VERSION: u32 = 2;
/// The version a journal that is not encrypted is written with, so an older mend reads it.
pub const PLAIN_VERSION: u32 = 1;

/// A couple's whole journal: the header, the two partners and every record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Journal {
    pub format: String,
    pub version: u32,
    /// The evening the couple started using mend.
    pub started: NaiveDate,
    pub settings: Settings,
    /// The wrapped keys of an encrypted journal (see `journal::sealing`); absent when the
    /// journal is not encrypted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sealing: Option<Sealing>,
    pub partners: Vec<Partner>,
    pub entries: Vec<Entry>,
    pub checkins: Vec<Checkin>,
    pub promises: Vec<Promise>,
    pub kind_acts: Vec<KindAct>,
    /// The plan for hard moments, hard moments and pauses: left out of the file while empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan_items: Vec<PlanItem>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hard_moments: Vec<HardMoment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    /// Replies to shared entries: left out of the file while empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// The weekly talks, one a week at most: left out of the file while empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub talks: Vec<Talk>,
    #[serde(flatten)]
    pub extra: Extra,
    /// Where new ids come from: neither saved nor compared (see `journal::ids`).
    #[serde(skip)]
    pub(crate) ids: IdSource,
    /// Whose words this copy holds in the open: neither saved nor compared.
    #[serde(skip)]
    pub(crate) opened: OpenedState,
}

deserialize_keeping_unknown!(Journal, unread: ids, unread: opened {
    format: String => required,
    version: u32 => required,
    started: NaiveDate [via Day] => required,
    settings: Settings => default,
    sealing: Option<Sealing> => default,
    partners: Vec<Partner> => required,
    entries: Vec<Entry> => default,
    checkins: Vec<Checkin> => default,
    promises: Vec<Promise> => default,
    kind_acts: Vec<KindAct> => default,
    plan_items: Vec<PlanItem> => default,
    hard_moments: Vec<HardMoment> => default,
    pauses: Vec<Pause> => default,
    replies: Vec<Reply> => default,
    talks: Vec<Talk> => default,
});

/// Choices the couple makes for their journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// The hour (0-23, local time) at which one evening ends and the next day begins.
    pub day_ends_at: u8,
    pub week_starts: WeekStart,
    /// The couple's own people to reach when it is hard (a counsellor, a local helpline),
    /// one line each, shown beside a low safety check-in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub support_contacts: Vec<String>,
    /// When one partner's shared words for an evening open to the other.
    #[serde(skip_serializing_if = "Reveal::is_default")]
    pub reveal: Reveal,
    /// With `reveal` at once, the first evening whose words open at once: a change to at
    /// once waits for the next evening, so no one opens tonight's waiting words early by
    /// changing the setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_once_from: Option<NaiveDate>,
    /// Minutes without a key after which an encrypted journal locks itself in the app
    /// (`None`: the default, [`DEFAULT_LOCK_AFTER_MINUTES`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_after_minutes: Option<u16>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Minutes without a key after which an encrypted journal locks itself, unless chosen.
pub const DEFAULT_LOCK_AFTER_MINUTES: u16 = 15;
/// The shortest and longest wait the couple may choose.
pub const LOCK_AFTER_RANGE: std::ops::RangeInclusive<u16> = 1..=240;

deserialize_keeping_unknown!(Settings {
    day_ends_at: u8 => (default = Settings::default_day_ends_at()),
    week_starts: WeekStart => default,
    support_contacts: Vec<String> => default,
    reveal: Reveal => default,
    at_once_from: Option<NaiveDate> => default,
    lock_after_minutes: Option<u16> => default,
});

impl Settings {
    /// Minutes without a key after which an encrypted journal locks itself.
    pub fn lock_after_minutes(&self) -> u16 {
        self.lock_after_minutes
            .unwrap_or(DEFAULT_LOCK_AFTER_MINUTES)
            .clamp(*LOCK_AFTER_RANGE.start(), *LOCK_AFTER_RANGE.end())
    }

    fn default_day_ends_at() -> u8 {
        4
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            day_ends_at: Self::default_day_ends_at(),
            week_starts: WeekStart::default(),
            support_contacts: Vec::new(),
            reveal: Reveal::default(),
            at_once_from: None,
            lock_after_minutes: None,
            extra: Extra::new(),
        }
    }
}

impl Journal {
    /// A new journal for two partners, started on the evening of `now`.
    pub fn new(
        first: (&str, Option<Role>),
        second: (&str, Option<Role>),
        now: DateTime<Utc>,
        started: NaiveDate,
    ) -> Result<Self, DomainError> {
        Self::with_ids(IdSource::default(), first, second, now, started)
    }

    /// Like [`Journal::new`], with every id (the partners' too) drawn from `ids`.
    pub fn with_ids(
        ids: IdSource,
        first: (&str, Option<Role>),
        second: (&str, Option<Role>),
        now: DateTime<Utc>,
        started: NaiveDate,
    ) -> Result<Self, DomainError> {
        let first = Partner::new(PartnerId(ids.next(now)), first.0, first.1)?;
        let second = Partner::new(PartnerId(ids.next(now)), second.0, second.1)?;
        if first.name.to_lowercase() == second.name.to_lowercase() {
            return Err(DomainError::SamePartnerNames(first.name));
        }
        Ok(Self {
            format: FORMAT.to_owned(),
            version: PLAIN_VERSION,
            started,
            settings: Settings::default(),
            sealing: None,
            partners: vec![first, second],
            entries: Vec::new(),
            checkins: Vec::new(),
            promises: Vec::new(),
            kind_acts: Vec::new(),
            plan_items: Vec::new(),
            hard_moments: Vec::new(),
            pauses: Vec::new(),
            replies: Vec::new(),
            talks: Vec::new(),
            extra: Extra::new(),
            ids,
            opened: OpenedState::default(),
        })
    }

    /// The metadata of a record `author` makes now, with a new id from the journal's source.
    pub(crate) fn new_meta(&self, author: PartnerId, now: DateTime<Utc>) -> Meta {
        Meta::new(self.ids.next(now), author, now, self.ids.device())
    }

    /// Whose words this copy holds in the open (everything, unless it is encrypted).
    pub fn opened(&self) -> Opened {
        self.opened.0
    }

    /// Records whose words this copy holds in the open; the store says so after opening it.
    pub fn set_opened(&mut self, opened: Opened) {
        self.opened = OpenedState(opened);
    }

    /// Whether the parts that only an encrypted journal may leave out are all there: a
    /// check-in's ratings are left out only when they are sealed in an encrypted journal.
    pub fn check_sealed_parts(&self) -> Result<(), String> {
        for checkin in &self.checkins {
            let left_out = checkin.safety.is_sealed()
                || checkin.trust.is_sealed()
                || checkin.connection.is_sealed();
            let sealed = checkin.sealed_ratings.is_some();
            if left_out && !(sealed && self.is_sealed()) {
                return Err(format!(
                    "check-in {} is missing its ratings (safety, trust and connection)",
                    checkin.meta.id
                ));
            }
            if sealed && !self.is_sealed() {
                return Err(format!(
                    "check-in {} holds sealed ratings, but the journal is not encrypted",
                    checkin.meta.id
                ));
            }
        }
        Ok(())
    }

    /// Whether the journal is encrypted.
    pub fn is_sealed(&self) -> bool {
        self.sealing.is_some()
    }

    /// The device this journal's changes are stamped with (see `journal::clock`).
    pub fn device(&self) -> &Device {
        self.ids.device()
    }

    /// Stamps this journal's later changes as made on `device`: the store names this
    /// computer's own id, kept outside any synced folder.
    pub fn set_device(&mut self, device: Device) {
        self.ids = self.ids.clone().with_device(device);
    }

    /// The clock that turns a moment into this couple's evening and week.
    pub fn clock(&self) -> EveningClock {
        EveningClock::new(self.settings.day_ends_at, self.settings.week_starts)
    }

    /// Finds a partner by name, ignoring case and surrounding spaces.
    pub fn partner_named(&self, name: &str) -> Result<&Partner, DomainError> {
        let wanted = name.trim().to_lowercase();
        let mut named = self
            .partners
            .iter()
            .filter(|p| p.name.to_lowercase() == wanted);
        match (named.next(), named.next()) {
            (Some(partner), None) => Ok(partner),
            // A hand-edited file may call both the same: neither is chosen for the other.
            (Some(_), Some(_)) => Err(DomainError::NameOfBoth(name.trim().to_owned())),
            _ => Err(DomainError::UnknownPartner {
                name: name.trim().to_owned(),
                known: self.partners.iter().map(|p| p.name.clone()).collect(),
            }),
        }
    }

    /// The partner with this id, if the journal knows one.
    pub fn partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    /// The partner's display name, or a placeholder for an id this journal does not know.
    pub fn name_of(&self, id: PartnerId) -> &str {
        self.partner(id).map_or("someone", |p| p.name.as_str())
    }

    /// The other partner of the couple.
    pub fn other_partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id != id)
    }

    /// Refuses an id that is not one of the two partners.
    pub(crate) fn require_partner(&self, id: PartnerId) -> Result<(), DomainError> {
        match self.partner(id) {
            Some(_) => Ok(()),
            None => Err(DomainError::UnknownPartnerId(id)),
        }
    }

    /// A copy of the header, settings and partners, with no records (for the merge, which
    /// fills the lists itself).
    pub(crate) fn header_only(&self) -> Journal {
        Journal {
            format: self.format.clone(),
            version: self.version,
            started: self.started,
            settings: self.settings.clone(),
            sealing: self.sealing.clone(),
            partners: self.partners.clone(),
            entries: Vec::new(),
            checkins: Vec::new(),
            promises: Vec::new(),
            kind_acts: Vec::new(),
            plan_items: Vec::new(),
            hard_moments: Vec::new(),
            pauses: Vec::new(),
            replies: Vec::new(),
            talks: Vec::new(),
            extra: self.extra.clone(),
            ids: self.ids.clone(),
            opened: self.opened.clone(),
        }
    }

    /// How many records each list holds, in the file's order: entries, check-ins, promises,
    /// kind acts, plan items, hard moments, pauses, replies and talks.
    pub fn list_lengths(&self) -> [usize; 9] {
        [
            self.entries.len(),
            self.checkins.len(),
            self.promises.len(),
            self.kind_acts.len(),
            self.plan_items.len(),
            self.hard_moments.len(),
            self.pauses.len(),
            self.replies.len(),
            self.talks.len(),
        ]
    }

    /// Puts records in the file's canonical order (by id).
    pub fn normalize(&mut self) {
        self.entries.sort_by_key(|e| e.meta.id);
        self.checkins.sort_by_key(|c| c.meta.id);
        self.promises.sort_by_key(|p| p.meta.id);
        self.kind_acts.sort_by_key(|k| k.meta.id);
        self.plan_items.sort_by_key(|p| p.meta.id);
        self.hard_moments.sort_by_key(|m| m.meta.id);
        self.pauses.sort_by_key(|p| p.meta.id);
        self.replies.sort_by_key(|r| r.meta.id);
        self.talks.sort_by_key(|t| t.meta.id);
    }
}

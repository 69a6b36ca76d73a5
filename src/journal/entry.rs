//! A journal entry: one partner's answer to an evening's prompt.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::clock::Clock;
use super::meta::{Extra, Meta, Record};
use super::moment::{Day, Moment};
use super::wire::deserialize_keeping_unknown;

/// The three parts of rebuilding trust that mend's prompts follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Communication,
    Reciprocity,
    Healing,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Communication, Stage::Reciprocity, Stage::Healing];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Communication => "communication",
            Stage::Reciprocity => "reciprocity",
            Stage::Healing => "healing",
        }
    }

    /// The stage's name as a heading.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Communication => "Honest communication",
            Stage::Reciprocity => "Reciprocity",
            Stage::Healing => "Healing",
        }
    }

    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL
            .into_iter()
            .find(|s| s.as_str() == text.trim().to_lowercase())
    }

    /// The next stage in the evening rotation.
    pub fn next(self) -> Stage {
        match self {
            Stage::Communication => Stage::Reciprocity,
            Stage::Reciprocity => Stage::Healing,
            Stage::Healing => Stage::Communication,
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who may read an entry. An entry whose file lost this field is read as private: a damaged
/// or hand-merged journal must never show someone's private words to their partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Both partners, reviews and exports.
    Shared,
    /// Only its author. Not encrypted: anyone with the file can read it.
    #[default]
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Shared => "shared",
            Visibility::Private => "private",
        }
    }
}

/// One partner's writing for one evening.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub meta: Meta,
    /// The evening this entry belongs to (after midnight still counts as the evening before).
    pub day: NaiveDate,
    pub stage: Stage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    /// The prompt as it was shown, so the entry reads right even if the prompt changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    pub text: String,
    pub visibility: Visibility,
    /// Words this entry held on another computer, changed there while this text was written
    /// here: kept by the merge rather than dropped, oldest first. Left out while empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub earlier_versions: Vec<EarlierVersion>,
    /// For each other computer whose words this text was written over (directly or through
    /// the versions it was written over in turn), the clock of its latest such version:
    /// those versions were seen, not written apart. One clock per device, by device.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub written_over: Vec<Clock>,
    /// The clock of the latest deletion this entry outlived (deleted on one computer, written
    /// again later on another): words older than it stay gone, whichever copy brings them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted_before: Option<Clock>,
    /// When its author last made it shared after it was private: the other partner first
    /// saw it then, so a change is "edited" for them only after that. Left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_since: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Entry, meta: meta {
    day: NaiveDate [via Day] => required,
    stage: Stage => required,
    prompt_id: Option<String> => default,
    prompt: Option<String> => default,
    text: String => required,
    visibility: Visibility => default,
    earlier_versions: Vec<EarlierVersion> => default,
    written_over: Vec<Clock> => default,
    deleted_before: Option<Clock> => default,
    shared_since: Option<DateTime<Utc>> => default,
});

/// An entry's text as another computer last had it, kept when both changed it apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EarlierVersion {
    /// The clock of the change that wrote this text there.
    pub clock: Clock,
    pub updated: DateTime<Utc>,
    pub text: String,
    pub visibility: Visibility,
    /// As the entry's own `written_over`, when this text was written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub written_over: Vec<Clock>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(EarlierVersion {
    clock: Clock => required,
    updated: DateTime<Utc> [via Moment] => required,
    text: String => required,
    visibility: Visibility => default,
    written_over: Vec<Clock> => default,
});

impl Entry {
    /// Before a change on `device`: if the text was last written on another computer, that
    /// version is the one this computer writes over (see `journal::merge`).
    pub(crate) fn note_written_over(&mut self, device: &super::clock::Device) {
        // This computer's own older words, kept as an earlier version when another computer's
        // change won, were written here and are written over again now: a merge would not
        // keep them beside a newer change from the same computer either.
        // What those words were written over, this text is written over too.
        let (own, others): (Vec<EarlierVersion>, Vec<EarlierVersion>) =
            std::mem::take(&mut self.earlier_versions)
                .into_iter()
                .partition(|v| v.clock.device == *device);
        self.earlier_versions = others;
        for clock in own.iter().flat_map(|v| &v.written_over) {
            self.mark_written_over(clock);
        }
        let current = self.meta.clock.clone();
        if current.device == *device {
            return;
        }
        self.mark_written_over(&current);
    }

    /// Notes `clock` among `written_over`: one clock per device, the latest, by device.
    pub(crate) fn mark_written_over(&mut self, clock: &Clock) {
        match self
            .written_over
            .iter_mut()
            .find(|c| c.device == clock.device)
        {
            Some(held) if *held >= *clock => {}
            Some(held) => *held = clock.clone(),
            None => {
                self.written_over.push(clock.clone());
                self.written_over.sort_by(|a, b| a.device.cmp(&b.device));
            }
        }
    }

    /// Whether this text was written over `clock`'s version (see `written_over`).
    pub fn was_written_over(written_over: &[Clock], clock: &Clock) -> bool {
        written_over
            .iter()
            .any(|o| o.device == clock.device && *clock <= *o)
    }

    pub fn is_shared(&self) -> bool {
        self.visibility == Visibility::Shared
    }

    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

impl Record for Entry {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}

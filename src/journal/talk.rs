//! The weekly talk: one record per week, with each partner's parts in their own words.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{PartnerId, RecordId};
use super::meta::{Extra, Meta, Record};
use super::moment::Day;
use super::wire::deserialize_keeping_unknown;

/// The most characters one part of a talk may have: a few lines.
pub const MOST_TALK_PART_CHARS: usize = 600;
/// How many appreciations each partner names.
pub const APPRECIATIONS: usize = 3;

/// The steps of the talk that the couple moves through together, in order. The turns inside
/// a step (who speaks, who listens) follow from what is written; see `talk_flow`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TalkStep {
    Arriving,
    Appreciations,
    WentWell,
    Issue,
    NextWeek,
    Closing,
    Closed,
}

/// One partner's side of the talk: every field holds only their own words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TalkSide {
    pub partner: PartnerId,
    /// "Do you feel safe enough to talk tonight?"; missing until they answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safe: Option<bool>,
    /// Up to three things they appreciated in the other this week (blank ones are "").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub appreciations: Vec<String>,
    /// Their one issue: what they feel and what they need.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// They chose not to bring an issue this week.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub issue_skipped: bool,
    /// They finished writing their issue, so the listener's turn has come.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub issue_done: bool,
    /// What they heard of the other's issue, as the listener.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heard: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub heard_done: bool,
    /// "Yes, that's it": the listener heard them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub understood: bool,
    /// Their one clarification, when the listener had not quite heard it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clarified: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub clarified_done: bool,
    /// What they heard of the other's clarification, as the listener.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heard_again: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub heard_again_done: bool,
    /// Their answer to "What would help you feel cared for this week?"
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cared_for: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cared_for_done: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(TalkSide {
    partner: PartnerId => required,
    safe: Option<bool> => default,
    appreciations: Vec<String> => default,
    issue: Option<String> => default,
    issue_skipped: bool => default,
    issue_done: bool => default,
    heard: Option<String> => default,
    heard_done: bool => default,
    understood: bool => default,
    clarified: Option<String> => default,
    clarified_done: bool => default,
    heard_again: Option<String> => default,
    heard_again_done: bool => default,
    cared_for: Option<String> => default,
    cared_for_done: bool => default,
});

impl TalkSide {
    pub fn new(partner: PartnerId) -> Self {
        Self {
            partner,
            safe: None,
            appreciations: Vec::new(),
            issue: None,
            issue_skipped: false,
            issue_done: false,
            heard: None,
            heard_done: false,
            understood: false,
            clarified: None,
            clarified_done: false,
            heard_again: None,
            heard_again_done: false,
            cared_for: None,
            cared_for_done: false,
            extra: Extra::new(),
        }
    }

    /// The appreciations they wrote, blanks left out.
    pub fn written_appreciations(&self) -> impl Iterator<Item = &str> {
        self.appreciations
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
    }
}

/// A couple's talk about one week (`meta.author` started it). A week has at most one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Talk {
    #[serde(flatten)]
    pub meta: Meta,
    /// The first evening of the week talked about.
    pub week: NaiveDate,
    /// The furthest step the couple moved to together.
    pub reached: TalkStep,
    /// Each partner's side, in the order they took their turns.
    pub sides: Vec<TalkSide>,
    /// Promises made from the talk's "next week" answers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub promises: Vec<RecordId>,
    #[serde(flatten)]
    pub extra: Extra,
}

deserialize_keeping_unknown!(Talk, meta: meta {
    week: NaiveDate [via Day] => required,
    reached: TalkStep => required,
    sides: Vec<TalkSide> => default,
    promises: Vec<RecordId> => default,
});

impl Talk {
    /// The side of this partner, if the talk has one.
    pub fn side(&self, partner: PartnerId) -> Option<&TalkSide> {
        self.sides.iter().find(|s| s.partner == partner)
    }

    /// Whether both partners said they feel safe enough to talk tonight.
    pub fn both_safe(&self) -> bool {
        self.sides.len() == 2 && self.sides.iter().all(|s| s.safe == Some(true))
    }

    /// Whether one partner said no: the talk is appreciations only.
    pub fn appreciations_only(&self) -> bool {
        self.sides.iter().any(|s| s.safe == Some(false))
    }

    pub fn is_closed(&self) -> bool {
        self.reached == TalkStep::Closed
    }
}

impl Record for Talk {
    fn meta(&self) -> &Meta {
        &self.meta
    }
}

//! When an encrypted journal last saw a key, and the unsaved words held while it is locked.

use chrono::{DateTime, FixedOffset};

use std::sync::Arc;

use super::screen::Screen;
use crate::journal::{Journal, PartnerId};
use crate::tui::popups::Popup;

/// When the last key came, and the words on screen held while the journal is locked.
#[derive(Default)]
pub struct Locking {
    /// When the last key came (as of the tick before it): an encrypted journal locks itself
    /// after a while with none.
    pub idle_since: DateTime<FixedOffset>,
    /// Words typed but not saved anywhere (a check-in note, a form, writing whose draft
    /// could not be written) when mend locked itself, one partner's at most once each: kept
    /// in memory, never shown, and given back when that partner opens their evening.
    pub(super) held: Vec<Held>,
    /// Why the journal is being locked, and whether writing on screen was sent to a sealed
    /// draft as it did.
    pub(super) locking_because: Option<(LockReason, bool)>,
    /// Where the words on screen went as the journal locked: what the notice says.
    pub(super) kept: Kept,
    /// The journal as the screens showed it before it was encrypted while open here: they
    /// go on showing it (never the sealed words) while the passphrase is asked where the
    /// partner is, until it opens or they leave.
    pub(super) shown_before_sealing: Option<Arc<Journal>>,
    /// The drafts read from disk were let go as the journal locked: a passphrase reads the
    /// partner's again, and so does opening an evening once it was decrypted meanwhile.
    pub(super) drafts_let_go: bool,
}

/// Where the words typed when the journal locked went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Kept {
    /// Nothing was typed.
    #[default]
    Nothing,
    /// Into a sealed draft on disk.
    Drafted,
    /// Held in memory for the same partner.
    Held,
}

/// Why an encrypted journal is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LockReason {
    /// No key came for the time the couple set.
    Idle,
    /// The partner went back to "who is here": the next one opens their own evening.
    Left,
}

/// One partner's unsaved words, held while the journal is locked.
pub(super) struct Held {
    pub(super) partner: PartnerId,
    pub(super) screen: Option<Screen>,
    pub(super) popups: Vec<Popup>,
}

impl Locking {
    pub fn since(now: DateTime<FixedOffset>) -> Locking {
        Locking {
            idle_since: now,
            held: Vec::new(),
            locking_because: None,
            kept: Kept::Nothing,
            shown_before_sealing: None,
            drafts_let_go: false,
        }
    }
}

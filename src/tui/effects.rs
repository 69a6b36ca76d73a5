//! Events in, effects out: what the app is told, what it asks the loop to do, and the loop's replies.

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::KeyEvent;
use std::sync::Arc;

use super::draft::Draft;
use crate::journal::{Change, Journal, PartnerId};
use age::secrecy::SecretString;

/// Something that happened: a key, a paste, or time passing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Paste(String),
    /// Time passed (so "tonight" moves on after the day's end hour).
    Tick(DateTime<FixedOffset>),
}

/// What the loop must do for the app: everything that touches the disk or the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write a new journal (first run). Answered with [`Reply::Created`].
    Create(Box<Journal>),
    /// Write a new journal sealed with new keys, wrapped for each partner's passphrase.
    /// Answered with [`Reply::CreatedSealed`].
    CreateSealed {
        journal: Box<Journal>,
        passphrases: Vec<(PartnerId, Passphrase)>,
    },
    /// Apply a change to the newest journal on disk and save it. Answered with [`Reply::Saved`].
    Apply(Change),
    SaveDraft(Draft),
    /// Read this partner's draft from disk, to offer it back: after the journal was
    /// decrypted while locked, no passphrase read it. Answered with [`Reply::DraftFound`].
    LoadDraft(PartnerId),
    DeleteDraft(PartnerId),
    RememberPartner(PartnerId),
    /// Open $VISUAL/$EDITOR on this text. Answered with [`Reply::Edited`].
    OpenEditor {
        text: String,
        partner: PartnerId,
    },
    /// Write the weekly summary to a new file. Answered with [`Reply::Exported`].
    Export(Box<ExportRequest>),
    /// Open the encrypted journal with a passphrase: `partner`'s own, or either partner's
    /// for both of you (`None`). Answered with [`Reply::Unlocked`] or [`Reply::NotUnlocked`].
    Unlock {
        partner: Option<PartnerId>,
        passphrase: Passphrase,
    },
    /// Forget the keys and hold the journal sealed again. Answered with [`Reply::Locked`].
    Lock,
    Quit,
}

/// A new journal as the app holds it, sealed and locked, with each partner's recovery code.
pub type SealedJournal = (Arc<Journal>, Vec<(PartnerId, Passphrase)>);

/// A passphrase typed into the app: never shown, never printed, wiped when dropped.
#[derive(Clone)]
pub struct Passphrase(pub SecretString);

impl Passphrase {
    pub fn new(typed: &str) -> Passphrase {
        Passphrase(SecretString::from(typed.to_owned()))
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

/// Two passphrases are the same when they hold the same characters (for the tests of effects).
impl PartialEq for Passphrase {
    fn eq(&self, other: &Self) -> bool {
        use age::secrecy::ExposeSecret;
        self.0.expose_secret() == other.0.expose_secret()
    }
}

/// A weekly summary to write, with the journal and the figures it is made from.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub journal: Arc<Journal>,
    pub progress: Arc<crate::progress::Progress>,
    pub week: crate::journal::Week,
    pub format: crate::export::Format,
}

/// Two requests are the same when they ask for the same week, in the same format, of the very
/// same journal and figures.
impl PartialEq for ExportRequest {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.journal, &other.journal)
            && Arc::ptr_eq(&self.progress, &other.progress)
            && self.week == other.week
            && self.format == other.format
    }
}

/// The loop's answer to an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Created(Result<Arc<Journal>, String>),
    /// The new journal, sealed and locked, with each partner's recovery code to show once.
    CreatedSealed(Result<SealedJournal, String>),
    Saved(Result<Arc<Journal>, String>),
    /// The entry being edited had changed in another window (or on another laptop) since it
    /// was opened: it was left as it is, and this window's text was saved as a new entry.
    SavedBesideChanged(Arc<Journal>),
    /// The change is in the file, but the system could not confirm it reached the disk.
    SavedUnconfirmed(Arc<Journal>, String),
    /// The change was refused or could not be saved; `on_disk` is the journal as it is on
    /// disk now (another window may have changed it), so the screens show the truth.
    NotSaved {
        message: String,
        on_disk: Option<Arc<Journal>>,
    },
    Edited(Result<String, String>),
    /// The draft file now holds this partner's writing as it is on screen.
    DraftKept(PartnerId),
    /// Writing the draft failed: the writing on screen is in no file.
    DraftNotKept(PartnerId, String),
    /// The partner's draft read from disk, if there is one this app may open.
    DraftFound(PartnerId, Option<Draft>),
    /// A draft that is no longer needed could not be removed.
    DraftNotRemoved(String),
    /// The weekly summary was written to this file, or why not.
    Exported(Result<std::path::PathBuf, String>),
    /// Another window or laptop saved the journal: this is it, read and checked. The loop
    /// looks once a second, unasked.
    Arrived(Arc<Journal>),
    /// The journal changed on disk but cannot be read; the last good one stays on screen.
    ArrivedUnreadable(String),
    /// The passphrase opened the journal: this is it, opened for `partner` (or for both of
    /// you, shared words only), with that partner's draft if one was kept.
    Unlocked {
        partner: Option<PartnerId>,
        journal: Arc<Journal>,
        draft: Option<Draft>,
    },
    /// The passphrase did not open the journal; nothing was read or changed.
    NotUnlocked {
        partner: Option<PartnerId>,
        message: String,
    },
    /// The keys are forgotten: the journal as it is held now, sealed.
    Locked(Option<Arc<Journal>>),
}

//! Events in, effects out: what the app is told, what it asks the loop to do, and the loop's replies.

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::KeyEvent;
use std::sync::Arc;

use super::draft::Draft;
use crate::journal::{Change, Journal, PartnerId};

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
    /// Apply a change to the newest journal on disk and save it. Answered with [`Reply::Saved`].
    Apply(Change),
    SaveDraft(Draft),
    DeleteDraft(PartnerId),
    RememberPartner(PartnerId),
    /// Open $VISUAL/$EDITOR on this text. Answered with [`Reply::Edited`].
    OpenEditor {
        text: String,
        partner: PartnerId,
    },
    /// Write the weekly summary to a new file. Answered with [`Reply::Exported`].
    Export(Box<ExportRequest>),
    Quit,
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
    /// A draft that is no longer needed could not be removed.
    DraftNotRemoved(String),
    /// The weekly summary was written to this file, or why not.
    Exported(Result<std::path::PathBuf, String>),
    /// Another window or laptop saved the journal: this is it, read and checked. The loop
    /// looks once a second, unasked.
    Arrived(Arc<Journal>),
    /// The journal changed on disk but cannot be read; the last good one stays on screen.
    ArrivedUnreadable(String),
}

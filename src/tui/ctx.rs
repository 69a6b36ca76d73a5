//! What a screen may read while it handles a key or draws: the journal, who is here, and tonight.

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::sync::Arc;

use super::theme::Theme;
use super::tonight::Tonight;
use crate::journal::{Journal, PartnerId};
use crate::progress::Progress;

/// A read-only view of the session, lent to a screen for one key or one frame.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub journal: Option<&'a Arc<Journal>>,
    /// Where the journal is kept, as the couple is shown it.
    pub journal_path: &'a str,
    /// The journal is a shared folder that a sync engine copies to the other laptop.
    pub on_shared_folder: bool,
    /// Who is here tonight; none on setup, on "who is here" (and its settings) and when both
    /// look back together.
    pub partner: Option<PartnerId>,
    /// The journal is encrypted and none of its words are open yet: it is there, but a popup
    /// is lent no journal until a passphrase opens it.
    pub locked: bool,
    pub now: DateTime<FixedOffset>,
    /// This evening, by the journal's day boundary.
    pub today: NaiveDate,
    pub theme: Theme,
    pub tonight: Option<&'a Tonight>,
    pub progress: Option<&'a Arc<Progress>>,
    /// The window the app was last drawn in, if it has been drawn.
    pub window: Option<ratatui::layout::Rect>,
}

//! What every screen and every popup implements: its keys, its drawing, its bindings and its hooks.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::ctx::Ctx;
use super::draft::Draft;
use super::keys::Hint;
use super::popups::unsaved::Unsaved;
use crate::journal::{Journal, PartnerId, RecordId};
use std::collections::HashMap;

/// A screen owns its state; it reads the session through [`Ctx`] and asks for the rest with an
/// [`Action`].
pub trait View {
    /// Handles one key; returns what the app must do, if anything.
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action>;
    /// Draws the screen's body into `area`. Reads the state; changes nothing.
    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect);
    /// The screen's name in the header; `name` is who is here tonight, or empty.
    fn title(&self, name: &str) -> String;
    /// The keys shown in the hint line and the help, from the screen's table of keys.
    fn bindings(&self) -> Vec<Hint>;
    /// The journal or who is here changed: rebuild what is derived from them.
    fn on_journal_changed(&mut self, _ctx: &Ctx) {}
    /// What this screen sent was not saved, for this reason; returns the words for the notice.
    fn on_save_failed(&mut self, message: &str) -> String {
        format!("Not saved: {message}")
    }
    /// What this screen sent is saved; `before` is the journal as it was shown until then.
    fn on_saved(&mut self, _before: Option<&Journal>, _ctx: &Ctx) -> Option<Action> {
        None
    }
    /// Where writing on this screen that is not saved yet is kept.
    fn unsaved(&self) -> Unsaved {
        Unsaved::Nothing
    }
    /// The writing on screen that is not saved yet, as a draft to keep when mend must stop.
    fn unsaved_draft(&self, _ctx: &Ctx) -> Option<Draft> {
        None
    }
    /// The external editor came back with this text.
    fn on_edited(&mut self, _text: &str, _ctx: &Ctx) -> Option<Action> {
        None
    }
    /// Whether the draft file holds this partner's writing, as the disk reported.
    fn on_draft_kept(&mut self, _partner: PartnerId, _kept: bool) {}
    /// Text pasted into the screen; only screens with a text field take it.
    fn on_paste(&mut self, _text: &str, _ctx: &Ctx) -> Option<Action> {
        None
    }
    /// Whether keys are typed as text here, so `?` is a letter rather than the help.
    fn types_text(&self) -> bool {
        false
    }
    /// A popup over this screen saved a change to `record`: choose it.
    fn follow(&mut self, _record: RecordId) {}
}

/// What a popup reads from the session below it, besides [`Ctx`].
pub struct Below<'a> {
    /// The keys of the screen under the popup, for the help.
    pub bindings: &'a [Hint],
    /// Where the writing on the screen below is kept, for the confirmations' words.
    pub unsaved: Unsaved,
    pub drafts: &'a HashMap<PartnerId, Draft>,
}

/// What a key did in a popup: whether it closes, and what the app must then do.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub close: bool,
    pub action: Option<Action>,
}

impl Answer {
    pub const STAY: Answer = Answer {
        close: false,
        action: None,
    };
    pub const CLOSE: Answer = Answer {
        close: true,
        action: None,
    };

    pub fn close_and(action: Action) -> Answer {
        Answer {
            close: true,
            action: Some(action),
        }
    }

    pub fn stay_and(action: Action) -> Answer {
        Answer {
            close: false,
            action: Some(action),
        }
    }
}

/// Where a popup is centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Over the whole terminal: the questions and the help.
    Screen,
    /// Over the screen's body, between the header and the notice line: the forms.
    Body,
}

/// A popup owns its state, like a screen; the app keeps them in one stack and lends the top
/// one each key.
pub trait PopupView {
    /// Handles one key; says whether the popup closes and what the app must do.
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Answer;
    /// Draws the popup over `area`. Reads the state; changes nothing.
    fn render(&self, ctx: &Ctx, below: &Below, frame: &mut Frame, area: Rect);
    /// The keys the popup lists, from its table; none for a popup that any key closes.
    fn bindings(&self) -> Vec<Hint> {
        Vec::new()
    }
    /// Where the popup is centred.
    fn placement(&self) -> Placement {
        Placement::Screen
    }
    /// Whether Ctrl-C quits while this popup shows (asking first if writing is unsaved);
    /// when not, the popup gets the key like any other.
    fn lets_ctrl_c_quit(&self) -> bool {
        false
    }
    /// Whether keys and pastes are typed as text here.
    fn types_text(&self) -> bool {
        false
    }
    /// Whether words typed here are on the screen only, not saved anywhere yet (so quitting
    /// asks first).
    fn has_typed_words(&self) -> bool {
        false
    }
    /// Text pasted while this popup shows; only popups that type text take it.
    fn on_paste(&mut self, _text: &str) {}
    /// What this popup sent is saved; `None` when it was not waiting for a save.
    fn on_saved(&mut self, _before: Option<&Journal>, _ctx: &Ctx) -> Option<Answer> {
        None
    }
    /// What this popup sent was not saved; the words for the notice, or `None` when it was
    /// not waiting for a save.
    fn on_save_failed(&mut self, _message: &str) -> Option<String> {
        None
    }
}

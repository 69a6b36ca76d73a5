//! What every screen implements: its keys, its drawing, its bindings and its hooks.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::ctx::Ctx;
use super::draft::Draft;
use super::keys::Binding;
use super::popups::unsaved::Unsaved;
use crate::journal::{Journal, PartnerId};

/// A screen owns its state; it reads the session through [`Ctx`] and asks for the rest with an
/// [`Action`].
pub trait View {
    /// Handles one key; returns what the app must do, if anything.
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action>;
    /// Draws the screen's body into `area`. Reads the state; changes nothing.
    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect);
    /// The screen's name in the header; `name` is who is here tonight, or empty.
    fn title(&self, name: &str) -> String;
    /// The keys shown in the hint line and the help overlay.
    fn bindings(&self) -> &'static [Binding];
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
}

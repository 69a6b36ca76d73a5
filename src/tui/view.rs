//! What every screen implements: its keys, its drawing, its bindings and its hooks.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::ctx::Ctx;
use super::keys::Binding;
use crate::journal::Journal;

/// A screen owns its state; it reads the session through [`Ctx`] and asks for the rest with an
/// [`Action`].
pub trait View {
    /// Handles one key; returns what the app must do, if anything.
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action>;
    /// Draws the screen's body into `area`. Reads the state; changes nothing.
    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect);
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
    /// Text pasted into the screen; only screens with a text field take it.
    fn on_paste(&mut self, _text: &str, _ctx: &Ctx) -> Option<Action> {
        None
    }
    /// Whether keys are typed as text here, so `?` is a letter rather than the help.
    fn types_text(&self) -> bool {
        false
    }
}

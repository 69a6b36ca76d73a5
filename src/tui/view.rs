//! What every screen implements: its keys, its drawing, its bindings and its hooks.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::ctx::Ctx;
use super::keys::Binding;

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
    /// What this screen sent was not saved, for this reason.
    fn on_save_failed(&mut self, _message: &str) {}
}

//! "A hard moment, now" on the app's popup stack: its keys, its drawing and its saves.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::{HardMomentPopup, MomentKey, Step};
use crate::journal::Journal;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::{self, Global, Hint};
use crate::tui::view::{Answer, Below, PopupView};

impl PopupView for HardMomentPopup {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Answer {
        if keys::command(keys::GLOBAL, key, true) == Some(Global::Quit) {
            // Ctrl-C closes this window first; pressed again, it quits as everywhere. While a
            // save it sent is under way it stays, so the answer comes back to it.
            return if self.is_saving() {
                Answer::STAY
            } else {
                Answer::CLOSE
            };
        }
        match HardMomentPopup::handle_key(self, key, ctx) {
            MomentKey::Stay => Answer::STAY,
            MomentKey::Close => Answer::CLOSE,
            MomentKey::Save(change) => Answer::stay_and(Action::Apply(change)),
        }
    }

    fn render(&self, ctx: &Ctx, _below: &Below, frame: &mut Frame, area: Rect) {
        HardMomentPopup::render(self, ctx, frame, area);
    }

    fn bindings(&self) -> Vec<Hint> {
        self.hints()
    }

    fn types_text(&self) -> bool {
        true
    }

    fn has_typed_words(&self) -> bool {
        match &self.step {
            Step::Note(form) => !form.text.text().trim().is_empty(),
            Step::Pause(form) => !form.note.text().trim().is_empty(),
            _ => false,
        }
    }

    fn on_paste(&mut self, text: &str) {
        self.paste(text);
    }

    fn on_saved(&mut self, _before: Option<&Journal>, _ctx: &Ctx) -> Option<Answer> {
        let done = HardMomentPopup::on_saved(self)?;
        Some(Answer::stay_and(Action::Tell(done)))
    }

    fn on_save_failed(&mut self, message: &str) -> Option<String> {
        HardMomentPopup::on_save_failed(self, message)
    }
}

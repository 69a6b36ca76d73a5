//! "A hard moment, now" on the app's popup stack: its keys, its drawing and its saves.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::{HardMomentPopup, MomentKey, Said};
use crate::journal::Journal;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::{self, Global, Hint};
use crate::tui::popups::leave_guard::leave_words;
use crate::tui::view::{Answer, Below, PopupView};

impl PopupView for HardMomentPopup {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Answer {
        self.leaving.on_key();
        if keys::command(keys::GLOBAL, key, true) == Some(Global::Quit) {
            // Ctrl-C closes this window first (asking first when words are typed); pressed
            // again, it quits as everywhere. While a save it sent is under way it stays, so
            // the answer comes back to it.
            if self.is_saving() {
                return Answer::STAY;
            }
            if !self
                .leaving
                .may_leave(HardMomentPopup::has_typed_words(self), "Ctrl-C")
            {
                self.said = Some(Said {
                    text: leave_words("Ctrl-C"),
                    problem: true,
                });
                return Answer::STAY;
            }
            return Answer::CLOSE;
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
        HardMomentPopup::has_typed_words(self)
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

//! A form over the promises screen as a popup: it sends its change, stays open with its words
//! while the change is saved, and closes with the kind sentence once it is.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::dialog::Dialog;
use super::leave_guard::{LeaveGuard, leave_words};
use super::outcome::Outcome;
use crate::journal::{Change, Journal};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::done_words::done_words;
use crate::tui::keys::Hint;
use crate::tui::view::{Answer, Below, Placement, PopupView};

/// A promise form, a note form or a record's details, and the change it sent, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct FormPopup {
    pub dialog: Dialog,
    /// A change was sent to be saved; the form closes when it is, and says this.
    pub saving: Option<String>,
    /// The change sent, so that once it is saved the screen can choose the record it changed.
    pub sent: Option<Change>,
    /// Esc with words typed asks before they are let go.
    pub leaving: LeaveGuard,
}

impl FormPopup {
    pub fn new(dialog: Dialog) -> FormPopup {
        FormPopup {
            dialog,
            saving: None,
            sent: None,
            leaving: LeaveGuard::default(),
        }
    }
}

impl PopupView for FormPopup {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Answer {
        let Some(journal) = ctx.journal else {
            return Answer::STAY;
        };
        if self.saving.is_some() {
            return Answer::STAY;
        }
        self.leaving.on_key();
        match self.dialog.on_key(key) {
            Outcome::Stay => Answer::STAY,
            Outcome::Cancel if !self.leaving.may_leave(self.dialog.has_typed_words(), "Esc") => {
                self.dialog.refused(leave_words("Esc"));
                Answer::STAY
            }
            Outcome::Cancel => Answer::CLOSE,
            Outcome::Submit(change) => {
                self.saving = Some(done_words(&change, journal));
                self.sent = Some(change.clone());
                Answer::stay_and(Action::Apply(change))
            }
        }
    }

    fn render(&self, ctx: &Ctx, _below: &Below, frame: &mut Frame, area: Rect) {
        if let Some(journal) = ctx.journal {
            self.dialog
                .draw(journal, *ctx.now.offset(), ctx.theme, frame, area);
        }
    }

    fn bindings(&self) -> Vec<Hint> {
        self.dialog.bindings()
    }

    fn placement(&self) -> Placement {
        Placement::Body
    }

    fn lets_ctrl_c_quit(&self) -> bool {
        true
    }

    fn types_text(&self) -> bool {
        true
    }

    fn has_typed_words(&self) -> bool {
        self.dialog.has_typed_words()
    }

    fn on_paste(&mut self, text: &str) {
        self.dialog.paste(text);
    }

    fn on_saved(&mut self, before: Option<&Journal>, ctx: &Ctx) -> Option<Answer> {
        let words = self.saving.take()?;
        let record = match (self.sent.take(), before, ctx.journal) {
            (Some(change), Some(before), Some(after)) => change.changed_record(before, after),
            _ => None,
        };
        Some(Answer::close_and(Action::Saved { record, words }))
    }

    fn on_save_failed(&mut self, message: &str) -> Option<String> {
        self.saving.take()?;
        let words = format!("Not saved: {message}");
        self.dialog.refused(words.clone());
        Some(words)
    }
}

//! The forms over a screen: a promise, a note, a record's details, the plan's; each answers a key with an [`Outcome`].

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::details::Details;
use super::note_form::NoteForm;
use super::outcome::Outcome;
use super::plan_dialog::PlanDialog;
use super::promise_form::PromiseForm;
use super::reply_form::ReplyForm;
use crate::journal::Journal;
use crate::tui::keys::popups::{NOTE_FORM, PROMISE_FORM};
use crate::tui::keys::{Hint, hints};
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::form_window;
use chrono::FixedOffset;

/// The dialog showing over the promises screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Promise(PromiseForm),
    Note(NoteForm),
    Details(Details),
    /// A plan item's form, an agreement or suggestion, or retiring an item.
    Plan(PlanDialog),
    /// "I read this" on the other partner's entry.
    Reply(ReplyForm),
}

impl Dialog {
    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        match self {
            Dialog::Promise(form) => form.on_key(key),
            Dialog::Note(form) => form.on_key(key),
            Dialog::Reply(form) => form.on_key(key),
            Dialog::Details(_) => Outcome::Cancel,
            Dialog::Plan(dialog) => dialog.on_key(key),
        }
    }

    /// The keys the form lists, from its table; a record's details close on any key.
    pub fn bindings(&self) -> Vec<Hint> {
        match self {
            Dialog::Promise(_) => hints(PROMISE_FORM),
            Dialog::Note(_) | Dialog::Reply(_) => hints(NOTE_FORM),
            Dialog::Plan(dialog) => dialog.bindings(),
            Dialog::Details(_) => Vec::new(),
        }
    }

    /// Whether words the couple typed are in the form, beyond what it opened with.
    pub fn has_typed_words(&self) -> bool {
        let typed =
            |input: &crate::tui::widgets::line_input::LineInput| !input.text().trim().is_empty();
        match self {
            Dialog::Promise(form) => form.has_typed_words(),
            Dialog::Note(form) => typed(&form.input),
            Dialog::Reply(form) => typed(&form.input),
            Dialog::Details(_) => false,
            Dialog::Plan(dialog) => dialog.has_typed_words(),
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self {
            Dialog::Promise(form) => form.paste(text),
            Dialog::Note(form) => form.paste(text),
            Dialog::Reply(form) => form.paste(text),
            Dialog::Details(_) => {}
            Dialog::Plan(dialog) => dialog.paste(text),
        }
    }

    /// Shows why the change was not saved; the form keeps what was typed.
    pub fn refused(&mut self, message: String) {
        match self {
            Dialog::Promise(form) => form.error = Some(message),
            Dialog::Note(form) => form.error = Some(message),
            Dialog::Reply(form) => form.error = Some(message),
            Dialog::Details(_) => {}
            Dialog::Plan(dialog) => {
                // A question (retiring) keeps no words; the notice line says why.
                dialog.refused(message);
            }
        }
    }

    pub fn draw(
        &self,
        journal: &Journal,
        offset: FixedOffset,
        theme: Theme,
        frame: &mut Frame,
        area: Rect,
    ) {
        if let Dialog::Plan(dialog) = self {
            dialog.draw(theme, frame, area);
            return;
        }
        let (title, lines) = match self {
            Dialog::Promise(form) => (form.title(), form.lines(theme)),
            Dialog::Note(form) => (form.title(), form.lines(theme)),
            Dialog::Reply(form) => (form.title(), form.lines(theme)),
            Dialog::Details(details) => (details.title(), details.lines(journal, offset, theme)),
            Dialog::Plan(_) => return,
        };
        form_window(frame, area, &title, lines, theme);
    }
}

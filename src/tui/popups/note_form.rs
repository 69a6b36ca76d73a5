//! A one-line form: an optional note when closing or noticing something, or a kind act's words.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::Line;

use super::outcome::Outcome;
use crate::journal::Change;
use crate::journal::{PartnerId, PromiseAction, RecordId};
use crate::tui::keys::command;
use crate::tui::keys::popups::{NOTE_FORM, NoteFormKey};
use crate::tui::theme::Theme;
use crate::tui::widgets::line_input::LineInput;

/// The longest note or kind act the form takes, in characters.
pub const NOTE_CHARS: usize = 280;

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotePurpose {
    /// The promiser marks an open promise kept, not kept or withdrawn.
    Close { id: RecordId, action: PromiseAction },
    /// The receiver says they noticed a kept promise.
    NoticePromise(RecordId),
    /// The other partner says they noticed a kind act.
    NoticeKindAct(RecordId),
    /// Logging a kind act done this evening; the words are needed.
    NewKindAct { day: NaiveDate },
    /// "You did this for me": logging a kind act `from` did for the one typing, this
    /// evening. The words are needed; saving it counts as noticing it.
    ReceivedKindAct { day: NaiveDate, from: PartnerId },
}

/// The form: what it is for, the subject it is about, and the line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteForm {
    pub purpose: NotePurpose,
    pub by: PartnerId,
    /// The promise or kind act in question, quoted at the top; empty for a new kind act.
    pub subject: String,
    /// The other partner's name, for the explanation.
    pub other: String,
    pub input: LineInput,
    pub error: Option<String>,
}

impl NoteForm {
    pub fn new(purpose: NotePurpose, by: PartnerId, subject: &str, other: &str) -> NoteForm {
        NoteForm {
            purpose,
            by,
            subject: subject.to_owned(),
            other: other.to_owned(),
            input: LineInput::new(NOTE_CHARS),
            error: None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.input.paste(text);
    }

    fn change(&self) -> Result<Change, String> {
        let note = self.input.answer();
        let by = self.by;
        Ok(match &self.purpose {
            NotePurpose::Close { id, action } => Change::ChangePromise {
                id: *id,
                by,
                action: action.clone(),
                note,
            },
            NotePurpose::NoticePromise(id) => Change::AcknowledgePromise { id: *id, by, note },
            NotePurpose::NoticeKindAct(id) => Change::AcknowledgeKindAct { id: *id, by, note },
            NotePurpose::NewKindAct { day } => Change::AddKindAct {
                by,
                day: *day,
                text: note.ok_or("Please write what you did first.")?,
            },
            NotePurpose::ReceivedKindAct { day, from } => Change::ReceiveKindAct {
                by,
                from: *from,
                day: *day,
                text: note.ok_or_else(|| format!("Please write what {} did first.", self.other))?,
            },
        })
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        self.error = None;
        match command(NOTE_FORM, key, true) {
            Some(NoteFormKey::Cancel) => Outcome::Cancel,
            Some(NoteFormKey::Save) => Outcome::of(self.change(), &mut self.error),
            None => {
                self.input.on_key(key);
                Outcome::Stay
            }
        }
    }

    pub fn title(&self) -> String {
        match &self.purpose {
            NotePurpose::Close { action, .. } => match action {
                PromiseAction::Keep => "Kept",
                PromiseAction::Break => "Not kept this time",
                PromiseAction::Withdraw => "Withdraw this promise",
                PromiseAction::Renegotiate { .. } => "Renegotiate",
            }
            .to_owned(),
            NotePurpose::NoticePromise(_) | NotePurpose::NoticeKindAct(_) => "I noticed".to_owned(),
            NotePurpose::NewKindAct { .. } => "A kind act".to_owned(),
            NotePurpose::ReceivedKindAct { .. } => format!("{} did this for me", self.other),
        }
    }

    fn explanation(&self) -> String {
        let other = &self.other;
        match &self.purpose {
            NotePurpose::Close { action, .. } => match action {
                PromiseAction::Keep => format!("{other} will see it and can say they noticed."),
                PromiseAction::Break => "It happens. Saying so plainly is part of rebuilding trust; a note can say what got in the way.".to_owned(),
                PromiseAction::Withdraw => "For a promise that no longer fits. A note can say why.".to_owned(),
                PromiseAction::Renegotiate { .. } => String::new(),
            },
            NotePurpose::NoticePromise(_) | NotePurpose::NoticeKindAct(_) => {
                format!("Let {other} know you saw it. A note can say what it meant to you.")
            }
            NotePurpose::NewKindAct { .. } => {
                format!("Something you did for {other} without being asked, expecting nothing back.")
            }
            NotePurpose::ReceivedKindAct { .. } => format!(
                "Something {other} did for you without being asked. It is saved as {other}'s kind act, and writing it down counts as noticing it."
            ),
        }
    }

    pub fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        if !self.subject.is_empty() {
            lines.push(Line::styled(
                format!("\"{}\"", self.subject),
                theme.prompt(),
            ));
        }
        lines.push(Line::styled(self.explanation(), theme.muted()));
        lines.push(Line::raw(""));
        let label = match self.purpose {
            NotePurpose::NewKindAct { .. } | NotePurpose::ReceivedKindAct { .. } => "What",
            _ => "Note",
        };
        lines.push(self.input.line(label, true, theme));
        lines.push(Line::raw(""));
        if let Some(error) = &self.error {
            lines.push(Line::styled(error.clone(), theme.error()));
        }
        let optional = match self.purpose {
            NotePurpose::NewKindAct { .. } | NotePurpose::ReceivedKindAct { .. } => "",
            _ => " (the note is optional)",
        };
        let keys: Vec<String> = NOTE_FORM
            .iter()
            .map(|b| match b.command {
                Some(NoteFormKey::Save) => format!("{} {}{optional}", b.hint, b.does),
                _ => format!("{} {}", b.hint, b.does),
            })
            .collect();
        lines.push(Line::styled(keys.join(" · "), theme.muted()));
        lines
    }
}

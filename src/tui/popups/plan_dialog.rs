//! The plan's forms over its screen: an item's words, agreeing or suggesting a change, and retiring.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::plan_form::ItemForm;
use crate::journal::{Change, MOST_PLAN_NOTE_CHARS, PartnerId, RecordId, ReviewKind};
use crate::tui::keys::popups::{
    AGREE_FORM, CONFIRM, ConfirmKey, NOTE_FORM, NoteFormKey, PLAN_ITEM_FORM,
};
use crate::tui::keys::{Binding, Hint, command, hints};
use crate::tui::popups::outcome::Outcome;
use crate::tui::theme::Theme;
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::popup::{form_window, key_line, popup};

/// Agreeing to the other partner's item, or suggesting a change, with a short note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewForm {
    pub id: RecordId,
    pub by: PartnerId,
    pub kind: ReviewKind,
    /// What brings the item on, quoted at the top.
    pub subject: String,
    pub owner: String,
    pub note: LineInput,
    pub error: Option<String>,
}

impl ReviewForm {
    pub fn new(id: RecordId, by: PartnerId, kind: ReviewKind, subject: &str, owner: &str) -> Self {
        ReviewForm {
            id,
            by,
            kind,
            subject: subject.to_owned(),
            owner: owner.to_owned(),
            note: LineInput::new(MOST_PLAN_NOTE_CHARS),
            error: None,
        }
    }

    /// The form's keys: Enter agrees, or saves the suggestion.
    pub fn keys(&self) -> &'static [Binding<NoteFormKey>] {
        match self.kind {
            ReviewKind::Agreed => AGREE_FORM,
            _ => NOTE_FORM,
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Outcome {
        self.error = None;
        match command(self.keys(), key, true) {
            Some(NoteFormKey::Cancel) => Outcome::Cancel,
            Some(NoteFormKey::Save) => Outcome::Submit(Change::ReviewPlanItem {
                id: self.id,
                by: self.by,
                kind: self.kind,
                note: self.note.answer(),
            }),
            None => {
                self.note.on_key(key);
                Outcome::Stay
            }
        }
    }

    fn title(&self) -> String {
        match self.kind {
            ReviewKind::Agreed => format!("Agree to {}'s plan item", self.owner),
            _ => "Suggest a change".to_owned(),
        }
    }

    fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let (explanation, label, optional) = match self.kind {
            ReviewKind::Agreed => (
                format!(
                    "You agree to it as it stands. A note can say what it means to you; {} will read it.",
                    self.owner
                ),
                "Note",
                " (the note is optional)",
            ),
            _ => (
                format!(
                    "In a line, what would you change? {} reads it and may edit the item.",
                    self.owner
                ),
                "Suggest",
                "",
            ),
        };
        let mut lines = vec![
            Line::styled(format!("“{}”", self.subject), theme.prompt()),
            Line::styled(explanation, theme.muted()),
            Line::raw(""),
            self.note.line(label, true, theme),
            Line::raw(""),
        ];
        if let Some(error) = &self.error {
            lines.push(Line::styled(error.clone(), theme.error()));
        }
        let keys: Vec<String> = self
            .keys()
            .iter()
            .filter(|b| !b.hint.is_empty())
            .map(|b| match b.command {
                Some(NoteFormKey::Save) => format!("{} {}{optional}", b.hint, b.does),
                _ => format!("{} {}", b.hint, b.does),
            })
            .collect();
        lines.push(Line::styled(keys.join(" · "), theme.muted()));
        lines
    }
}

/// The dialog showing over the plan screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanDialog {
    Item(ItemForm),
    Review(ReviewForm),
    /// Asks before retiring this item of `by`'s.
    Retire {
        id: RecordId,
        by: PartnerId,
        subject: String,
    },
}

impl PlanDialog {
    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        match self {
            PlanDialog::Item(form) => form.on_key(key),
            PlanDialog::Review(form) => form.on_key(key),
            PlanDialog::Retire { id, by, .. } => match command(CONFIRM, key, false) {
                Some(ConfirmKey::Yes) => {
                    Outcome::Submit(Change::RetirePlanItem { id: *id, by: *by })
                }
                Some(ConfirmKey::No) => Outcome::Cancel,
                None => Outcome::Stay,
            },
        }
    }

    /// The keys the dialog lists, from the table it answers with.
    pub fn bindings(&self) -> Vec<Hint> {
        match self {
            PlanDialog::Item(_) => hints(PLAN_ITEM_FORM),
            PlanDialog::Review(form) => hints(form.keys()),
            PlanDialog::Retire { .. } => hints(CONFIRM),
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self {
            PlanDialog::Item(form) => form.paste(text),
            PlanDialog::Review(form) => form.note.paste(text),
            PlanDialog::Retire { .. } => {}
        }
    }

    /// Shows why the change was not saved; the form keeps what was typed.
    pub fn refused(&mut self, message: String) -> bool {
        match self {
            PlanDialog::Item(form) => form.error = Some(message),
            PlanDialog::Review(form) => form.error = Some(message),
            PlanDialog::Retire { .. } => return false,
        }
        true
    }

    /// Whether words the couple typed are in the dialog: a new item's, or an item's words
    /// changed from the ones it opened with.
    pub fn has_typed_words(&self) -> bool {
        match self {
            PlanDialog::Item(form) => form.has_typed_words(),
            PlanDialog::Review(form) => !form.note.text().trim().is_empty(),
            PlanDialog::Retire { .. } => false,
        }
    }

    /// Whether keys are typed as text in the dialog.
    pub fn types_text(&self) -> bool {
        !matches!(self, PlanDialog::Retire { .. })
    }

    pub fn draw(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        match self {
            PlanDialog::Item(form) => {
                form_window(frame, area, &form.title(), form.lines(theme), theme)
            }
            PlanDialog::Review(form) => {
                form_window(frame, area, &form.title(), form.lines(theme), theme)
            }
            PlanDialog::Retire { subject, .. } => {
                let mut lines = vec![
                    Line::styled(format!("“{subject}”"), theme.prompt()),
                    Line::raw("It leaves the plan and stays in its history."),
                    Line::raw("It cannot be brought back; a new item can always be made."),
                    Line::raw(""),
                ];
                // The question's keys, in this question's words.
                for binding in CONFIRM {
                    let words = match binding.command {
                        Some(ConfirmKey::Yes) => "retire it",
                        _ => "keep it",
                    };
                    lines.push(key_line(theme, binding.hint, words));
                }
                popup(frame, area, "Retire this plan item?", lines, theme);
            }
        }
    }
}

//! The plan's forms over its screen: an item's words, agreeing or suggesting a change, and retiring.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::plan_form::ItemForm;
use crate::journal::{Change, MOST_PLAN_NOTE_CHARS, PartnerId, RecordId, ReviewKind};
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

    fn on_key(&mut self, key: KeyEvent) -> Outcome {
        self.error = None;
        match key.code {
            KeyCode::Esc => Outcome::Cancel,
            KeyCode::Enter => Outcome::Submit(Change::ReviewPlanItem {
                id: self.id,
                by: self.by,
                kind: self.kind,
                note: self.note.answer(),
            }),
            _ => {
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
        let (explanation, label, enter) = match self.kind {
            ReviewKind::Agreed => (
                format!(
                    "You agree to it as it stands. A note can say what it means to you; {} will read it.",
                    self.owner
                ),
                "Note",
                "Enter agree (the note is optional)",
            ),
            _ => (
                format!(
                    "In a line, what would you change? {} reads it and may edit the item.",
                    self.owner
                ),
                "Suggest",
                "Enter save",
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
        lines.push(Line::styled(format!("{enter} · Esc cancel"), theme.muted()));
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
            PlanDialog::Retire { id, by, .. } => match key.code {
                KeyCode::Char('y' | 'Y') => {
                    Outcome::Submit(Change::RetirePlanItem { id: *id, by: *by })
                }
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Outcome::Cancel,
                _ => Outcome::Stay,
            },
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
                let lines = vec![
                    Line::styled(format!("“{subject}”"), theme.prompt()),
                    Line::raw("It leaves the plan and stays in its history."),
                    Line::raw("It cannot be brought back; a new item can always be made."),
                    Line::raw(""),
                    key_line(theme, "y", "retire it"),
                    key_line(theme, "n", "keep it"),
                ];
                popup(frame, area, "Retire this plan item?", lines, theme);
            }
        }
    }
}

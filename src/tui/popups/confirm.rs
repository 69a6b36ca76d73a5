//! The yes/no popups: quit, leave the writing, delete an entry, let earlier words go.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::unsaved::Unsaved;
use crate::journal::{Change, Clock, RecordId};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::popups::{CONFIRM, ConfirmKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::theme::Theme;
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, popup};

/// What a confirmation asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    Quit,
    LeaveWriting,
    Delete(RecordId),
    /// Keep the entry's words and let go of its earlier versions shown (by clock).
    LetEarlierGo(RecordId, Vec<Clock>),
}

/// A yes/no question; `y` does it, `n` or Esc does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: Question,
}

impl PopupView for Confirm {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Answer {
        match (command(CONFIRM, key, false), &self.question) {
            (Some(ConfirmKey::Yes), Question::Quit) => Answer::close_and(Action::QuitNow),
            (Some(ConfirmKey::Yes), Question::LeaveWriting) => {
                Answer::close_and(Action::LeaveWriting)
            }
            (Some(ConfirmKey::Yes), Question::Delete(id)) => {
                Answer::close_and(Action::DeleteEntry(*id))
            }
            (Some(ConfirmKey::Yes), Question::LetEarlierGo(id, seen)) => match ctx.partner {
                Some(by) => Answer::close_and(Action::Apply(Change::LetEarlierVersionsGo {
                    id: *id,
                    by,
                    seen: seen.clone(),
                })),
                None => Answer::CLOSE,
            },
            (Some(ConfirmKey::No), _) => Answer::CLOSE,
            (None, _) => Answer::STAY,
        }
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(CONFIRM)
    }

    fn render(&self, ctx: &Ctx, below: &Below, frame: &mut Frame, area: Rect) {
        render(&self.question, below.unsaved, ctx.theme, frame, area);
    }
}

/// Said before letting go of writing that neither the journal nor a draft holds.
const NOT_SAVED_ANYWHERE: &str = "What you typed is not saved anywhere yet. Leave it?";

/// Draws the question, worded by where the unsaved writing is kept.
fn render(question: &Question, unsaved: Unsaved, theme: Theme, frame: &mut Frame, area: Rect) {
    match (question, unsaved) {
        (Question::Quit, Unsaved::OnlyOnScreen) => ask(
            frame,
            area,
            theme,
            "Quit?",
            &[NOT_SAVED_ANYWHERE, "Quitting lets it go."],
            ("quit and let it go", "keep writing"),
        ),
        (Question::Quit, Unsaved::InDraft | Unsaved::Nothing) => ask(
            frame,
            area,
            theme,
            "Quit?",
            &[
                "Your writing is not saved in the journal yet.",
                "It is kept as a draft, and mend will offer it back next time.",
            ],
            ("quit now", "keep writing"),
        ),
        (Question::LeaveWriting, unsaved) => {
            let let_go = "What you wrote since the last save will be let go.";
            let explanation: &[&str] = match unsaved {
                Unsaved::OnlyOnScreen => &[NOT_SAVED_ANYWHERE, let_go],
                Unsaved::InDraft | Unsaved::Nothing => &[let_go],
            };
            ask(
                frame,
                area,
                theme,
                "Leave without saving?",
                explanation,
                ("leave and let it go", "keep writing"),
            )
        }
        (Question::Delete(_), _) => ask(
            frame,
            area,
            theme,
            "Delete this entry?",
            &[
                "Its words will be removed from the journal.",
                "You can bring it back with u until you quit.",
                "Backups made before now still hold it until they rotate out (mend keeps the 10 newest and one a day for two weeks).",
            ],
            ("delete", "keep it"),
        ),
        (Question::LetEarlierGo(..), _) => ask(
            frame,
            area,
            theme,
            "Let the earlier words go?",
            &[
                "They are not in the journal after this. The entry keeps its words as they are now.",
                "Backups made before now still hold them until they rotate out (mend keeps the 10 newest and one a day for two weeks).",
            ],
            ("let them go", "keep them"),
        ),
    }
}

/// A yes/no question: what will happen, then what its keys do, in this question's words.
fn ask(
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
    title: &str,
    explanation: &[&str],
    (yes, no): (&str, &str),
) {
    let mut lines: Vec<Line> = explanation.iter().map(|l| Line::raw(*l)).collect();
    lines.push(Line::raw(""));
    for binding in CONFIRM {
        let words = match binding.command {
            Some(ConfirmKey::Yes) => yes,
            _ => no,
        };
        lines.push(key_line(theme, binding.hint, words));
    }
    popup(frame, area, title, lines, theme);
}

//! The yes/no popups: quit, leave the writing, delete an entry.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::unsaved::Unsaved;
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::{key_line, popup};

/// What a confirmation asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Quit,
    LeaveWriting,
    Delete,
}

/// Said before letting go of writing that neither the journal nor a draft holds.
const NOT_SAVED_ANYWHERE: &str = "This writing is not saved anywhere yet. Leave it?";

/// Draws the question, worded by where the unsaved writing is kept.
pub fn render(question: Question, unsaved: Unsaved, theme: Theme, frame: &mut Frame, area: Rect) {
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
        (Question::Delete, _) => ask(
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
    }
}

/// A yes/no question: what will happen, then what `y` and `n` do.
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
    lines.push(key_line(theme, "y", yes));
    lines.push(key_line(theme, "n", no));
    popup(frame, area, title, lines, theme);
}

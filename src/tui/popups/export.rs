//! The export popup: which format to write a week's summary in.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::export::Format;
use crate::journal::Week;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, popup};

/// Which format to write the summary of this week in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportWeek {
    pub week: Week,
}

impl PopupView for ExportWeek {
    fn handle_key(&mut self, key: KeyEvent, _ctx: &Ctx) -> Answer {
        match format_of(key) {
            Some(format) => Answer::close_and(Action::Export(self.week, format)),
            None if matches!(key.code, KeyCode::Char('n' | 'N') | KeyCode::Esc) => Answer::CLOSE,
            None => Answer::STAY,
        }
    }

    fn render(&self, ctx: &Ctx, _below: &Below, frame: &mut Frame, area: Rect) {
        render(self.week, ctx.theme, frame, area);
    }
}

/// The format a key chooses, if it chooses one.
fn format_of(key: KeyEvent) -> Option<Format> {
    match key.code {
        KeyCode::Char('m' | 'M') | KeyCode::Enter => Some(Format::Markdown),
        KeyCode::Char('j' | 'J') => Some(Format::Json),
        KeyCode::Char('h' | 'H') => Some(Format::Html),
        _ => None,
    }
}

fn render(week: Week, theme: Theme, frame: &mut Frame, area: Rect) {
    let key = |k: &str, what: &str| key_line(theme, k, what);
    popup(
        frame,
        area,
        "Export this week",
        vec![
            Line::raw(format!(
                "A summary of week {week} ({} – {}) to read before your weekly talk, to keep, or to bring to a counsellor.",
                week.start().format("%-d %b"),
                week.end().format("%-d %b %Y")
            )),
            Line::styled(
                "It goes into a new file in the folder mend was started from. Private entries are never in it.",
                theme.muted(),
            ),
            Line::raw(""),
            key("m", "Markdown (reads well as plain text)"),
            key("h", "HTML (one page that prints on A4)"),
            key("j", "JSON (the same figures as data)"),
            key("Esc", "not now"),
        ],
        theme,
    );
}

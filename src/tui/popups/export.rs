//! The export popup: which format to write a week's summary in.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::export::Format;
use crate::journal::Week;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::popups::{EXPORT, ExportKey};
use crate::tui::keys::{Hint, command, hints};
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
        let format = match command(EXPORT, key, false) {
            Some(ExportKey::Markdown) => Format::Markdown,
            Some(ExportKey::Html) => Format::Html,
            Some(ExportKey::Json) => Format::Json,
            Some(ExportKey::NotNow) => return Answer::CLOSE,
            None => return Answer::STAY,
        };
        Answer::close_and(Action::Export(self.week, format))
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(EXPORT)
    }

    fn render(&self, ctx: &Ctx, _below: &Below, frame: &mut Frame, area: Rect) {
        let sealed = ctx.journal.is_some_and(|j| j.is_sealed());
        render(self.week, sealed, ctx.theme, frame, area);
    }
}

fn render(week: Week, sealed: bool, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut lines = vec![
        Line::raw(format!(
            "A summary of week {week} ({} – {}) to read before your weekly talk, to keep, or to bring to a counsellor.",
            week.start().format("%-d %b"),
            week.end().format("%-d %b %Y")
        )),
        Line::styled(
            "It goes into a new file in the folder mend was started from. Private entries are never in it.",
            theme.muted(),
        ),
    ];
    if sealed {
        // The journal is encrypted; what you export is not, because you ask for it.
        lines.push(Line::styled(
            "The journal is encrypted, but this file will not be: anyone who can open it can read it.",
            theme.muted(),
        ));
    }
    lines.push(Line::raw(""));
    lines.extend(EXPORT.iter().map(|b| key_line(theme, b.hint, b.does)));
    popup(frame, area, "Export this week", lines, theme);
}

//! The help popup: the keys of what is showing, and where the journal is kept.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::ctx::Ctx;
use crate::tui::keys::{GLOBAL, Global};
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, popup};

/// The keys of the screen below, from the same bindings as its hint line; any key closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help;

impl PopupView for Help {
    fn handle_key(&mut self, _key: KeyEvent, _ctx: &Ctx) -> Answer {
        Answer::CLOSE
    }

    fn render(&self, ctx: &Ctx, below: &Below, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let key = |k: &str, what: &str| key_line(theme, k, what);
        let mut lines: Vec<Line> = below
            .bindings
            .iter()
            .map(|(k, what)| key(k, what))
            .collect();
        lines.push(Line::raw(""));
        // The global keys besides the help itself, which the screen shows where it works.
        for global in GLOBAL.iter().filter(|g| g.command != Some(Global::Help)) {
            lines.push(key(global.hint, global.does));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            crate::journal::support::NOT_THERAPY,
            theme.muted(),
        ));
        lines.push(Line::styled(
            "Your journal stays on this computer:",
            theme.muted(),
        ));
        lines.push(Line::styled(ctx.journal_path.to_owned(), theme.muted()));
        lines.push(Line::styled("Press any key to close this.", theme.muted()));
        popup(frame, area, "Keys", lines, theme);
    }
}

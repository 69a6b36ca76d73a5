//! The help popup: the keys of what is showing, and where the journal is kept.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::keys::Binding;
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::{key_line, popup};

/// Draws the keys of the screen below, from the same bindings as its hint line.
pub fn render(
    bindings: &[Binding],
    journal_path: &str,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let key = |k: &str, what: &str| key_line(theme, k, what);
    let mut lines: Vec<Line> = bindings.iter().map(|(k, what)| key(k, what)).collect();
    lines.push(Line::raw(""));
    lines.push(key(
        crate::tui::keys::HARD_MOMENT.0,
        "a hard moment, now: a slow breath, your plan, a pause",
    ));
    lines.push(key("Ctrl-C", "quit (asks first if something is unsaved)"));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        crate::journal::support::NOT_THERAPY,
        theme.muted(),
    ));
    lines.push(Line::styled(
        "Your journal stays on this computer:",
        theme.muted(),
    ));
    lines.push(Line::styled(journal_path.to_owned(), theme.muted()));
    lines.push(Line::styled("Press any key to close this.", theme.muted()));
    popup(frame, area, "Keys", lines, theme);
}

//! The key hint line at the bottom of the screen.

use ratatui::text::{Line, Span};

use crate::tui::keys::Hint;
use crate::tui::theme::Theme;

/// As many hints as fit in `width`, in order.
pub fn hint_line(bindings: &[Hint], theme: Theme, width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (index, (key, what)) in bindings.iter().enumerate() {
        let gap = if index == 0 { "" } else { "  " };
        let len = gap.len() + key.chars().count() + what.chars().count() + 1;
        if used + len > usize::from(width) {
            break;
        }
        used += len;
        spans.push(Span::styled(format!("{gap}{key}"), theme.key()));
        spans.push(Span::styled(format!(" {what}"), theme.muted()));
    }
    Line::from(spans)
}

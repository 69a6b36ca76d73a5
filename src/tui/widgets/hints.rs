//! The key hint line at the bottom of the screen.

use ratatui::text::{Line, Span};

use crate::tui::keys::{HARD_MOMENT_HINT, Hint};
use crate::tui::theme::Theme;

/// As many hints as fit in `width`, in order, followed by the key for a hard moment unless one
/// is open already (`hard_moment_open`: the key then does nothing): its room is kept first, so a
/// narrow line drops the screen's last hints, never that one.
pub fn hint_line(
    bindings: &[Hint],
    hard_moment_open: bool,
    theme: Theme,
    width: u16,
) -> Line<'static> {
    let width = usize::from(width);
    let last = (!hard_moment_open).then_some(HARD_MOMENT_HINT);
    let room = |index| last.map_or(0, |hint| hint_len(hint, index));
    let reserved = room(0);
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (index, hint) in bindings.iter().enumerate() {
        let len = hint_len(*hint, index);
        if used + len + room(index + 1) > width.max(reserved) {
            break;
        }
        used += len;
        push(&mut spans, *hint, index, theme);
    }
    if let Some(hint) = last {
        let shown = spans.len() / 2;
        push(&mut spans, hint, shown, theme);
    }
    Line::from(spans)
}

/// The characters a hint takes, with the gap before it unless it comes first.
fn hint_len((key, what): Hint, index: usize) -> usize {
    let gap = if index == 0 { 0 } else { 2 };
    gap + key.chars().count() + what.chars().count() + 1
}

fn push(spans: &mut Vec<Span<'static>>, (key, what): Hint, index: usize, theme: Theme) {
    let gap = if index == 0 { "" } else { "  " };
    spans.push(Span::styled(format!("{gap}{key}"), theme.key()));
    spans.push(Span::styled(format!(" {what}"), theme.muted()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{hints, tables::WRITE};

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn the_hard_moment_key_is_shown_even_when_the_line_is_narrow() {
        let theme = Theme { color: false };
        let write = hints(WRITE);
        for width in [19, 30, 44, 60, 80, 200] {
            let line = text(&hint_line(&write, false, theme, width));
            assert!(line.ends_with("Ctrl-G hard moment"), "{width}: {line}");
            assert!(
                line.chars().count() <= usize::from(width),
                "{width}: {line}"
            );
        }
        let wide = text(&hint_line(&write, false, theme, 200));
        assert!(
            wide.starts_with("Ctrl-S save  Ctrl-T shared/private"),
            "{wide}"
        );
        let narrow = text(&hint_line(&write, false, theme, 44));
        assert!(narrow.starts_with("Ctrl-S save  Ctrl-G"), "{narrow}");
    }

    #[test]
    fn the_hard_moment_key_is_left_out_while_a_hard_moment_is_open() {
        let theme = Theme { color: false };
        let write = hints(WRITE);
        for width in [19, 44, 200] {
            let line = text(&hint_line(&write, true, theme, width));
            assert!(!line.contains("Ctrl-G"), "{width}: {line}");
            assert!(
                line.chars().count() <= usize::from(width),
                "{width}: {line}"
            );
        }
        let wide = text(&hint_line(&write, true, theme, 200));
        assert!(wide.starts_with("Ctrl-S save"), "{wide}");
        assert!(wide.ends_with("Esc back"), "{wide}");
    }
}

//! The key hint line at the bottom of the screen.

use ratatui::text::{Line, Span};

use crate::tui::keys::{Binding, HARD_MOMENT};
use crate::tui::theme::Theme;

/// As many hints as fit in `width`, in order, always followed by the key for a hard moment:
/// its room is kept first, so a narrow line drops the screen's last hints, never that one.
pub fn hint_line(bindings: &[Binding], theme: Theme, width: u16) -> Line<'static> {
    let width = usize::from(width);
    let reserved = hint_len(HARD_MOMENT, 0);
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (index, binding) in bindings.iter().enumerate() {
        let len = hint_len(*binding, index);
        if used + len + hint_len(HARD_MOMENT, index + 1) > width.max(reserved) {
            break;
        }
        used += len;
        push(&mut spans, *binding, index, theme);
    }
    let shown = spans.len() / 2;
    push(&mut spans, HARD_MOMENT, shown, theme);
    Line::from(spans)
}

/// The characters a hint takes, with the gap before it unless it comes first.
fn hint_len((key, what): Binding, index: usize) -> usize {
    let gap = if index == 0 { 0 } else { 2 };
    gap + key.chars().count() + what.chars().count() + 1
}

fn push(spans: &mut Vec<Span<'static>>, (key, what): Binding, index: usize, theme: Theme) {
    let gap = if index == 0 { "" } else { "  " };
    spans.push(Span::styled(format!("{gap}{key}"), theme.key()));
    spans.push(Span::styled(format!(" {what}"), theme.muted()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::WRITE;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn the_hard_moment_key_is_shown_even_when_the_line_is_narrow() {
        let theme = Theme { color: false };
        for width in [19, 30, 44, 60, 80, 200] {
            let line = text(&hint_line(WRITE, theme, width));
            assert!(line.ends_with("Ctrl-G hard moment"), "{width}: {line}");
            assert!(
                line.chars().count() <= usize::from(width),
                "{width}: {line}"
            );
        }
        let wide = text(&hint_line(WRITE, theme, 200));
        assert!(
            wide.starts_with("Ctrl-S save  Ctrl-T shared/private"),
            "{wide}"
        );
        let narrow = text(&hint_line(WRITE, theme, 44));
        assert!(narrow.starts_with("Ctrl-S save  Ctrl-G"), "{narrow}");
    }
}

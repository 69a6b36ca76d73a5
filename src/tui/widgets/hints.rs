//! The key hint line at the bottom of the screen.

use ratatui::text::{Line, Span};

use crate::tui::keys::{HARD_MOMENT_HINT, HELP, Hint};
use crate::tui::theme::Theme;

/// The help key as the hint line shows it.
pub const HELP_HINT: Hint = (HELP.hint, HELP.does);

/// The hint line: the screen's hints in their order (the most important first) as long as
/// they fit whole, then `? help` where `?` opens the help (`help`: it lists every key), then
/// the key for a hard moment unless one is open already (`hard_moment_open`: the key then
/// does nothing). Room for those two is kept first, so a narrow line drops the screen's last
/// hints, never a hint cut in the middle; where even they do not fit, the hard-moment key
/// stays and the help goes.
pub fn hint_line(
    bindings: &[Hint],
    help: bool,
    hard_moment_open: bool,
    theme: Theme,
    width: u16,
) -> Line<'static> {
    let width = usize::from(width);
    let moment = (!hard_moment_open).then_some(HARD_MOMENT_HINT);
    let mut tail: Vec<Hint> = help
        .then_some(HELP_HINT)
        .into_iter()
        .chain(moment)
        .collect();
    if help && moment.is_some() && tail_len(&tail, 0) > width {
        tail.remove(0);
    }
    let mut shown: Vec<Hint> = Vec::new();
    for hint in bindings.iter().filter(|hint| **hint != HELP_HINT) {
        let len = hint_len(*hint, shown.len());
        let used: usize = shown.iter().enumerate().map(|(i, h)| hint_len(*h, i)).sum();
        if used + len + tail_len(&tail, shown.len() + 1) > width {
            break;
        }
        shown.push(*hint);
    }
    let mut spans = Vec::new();
    for (index, hint) in shown.into_iter().chain(tail).enumerate() {
        push(&mut spans, hint, index, theme);
    }
    Line::from(spans)
}

/// The characters `tail` takes when it comes after `before` hints.
fn tail_len(tail: &[Hint], before: usize) -> usize {
    tail.iter()
        .enumerate()
        .map(|(i, hint)| hint_len(*hint, before + i))
        .sum()
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
    use crate::tui::keys::{
        hints,
        tables::{HOME, PROGRESS, WRITE},
    };

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn the_hard_moment_key_is_shown_even_when_the_line_is_narrow() {
        let theme = Theme { color: false };
        let write = hints(WRITE);
        for width in [19, 30, 44, 60, 80, 200] {
            let line = text(&hint_line(&write, false, false, theme, width));
            assert!(line.ends_with("Ctrl-G hard moment"), "{width}: {line}");
            assert!(
                line.chars().count() <= usize::from(width),
                "{width}: {line}"
            );
        }
        let wide = text(&hint_line(&write, false, false, theme, 200));
        assert!(
            wide.starts_with("Ctrl-S save  Ctrl-T shared/private"),
            "{wide}"
        );
        let narrow = text(&hint_line(&write, false, false, theme, 44));
        assert!(narrow.starts_with("Ctrl-S save  Ctrl-G"), "{narrow}");
    }

    #[test]
    fn the_hard_moment_key_is_left_out_while_a_hard_moment_is_open() {
        let theme = Theme { color: false };
        let write = hints(WRITE);
        for width in [19, 44, 200] {
            let line = text(&hint_line(&write, false, true, theme, width));
            assert!(!line.contains("Ctrl-G"), "{width}: {line}");
            assert!(
                line.chars().count() <= usize::from(width),
                "{width}: {line}"
            );
        }
        let wide = text(&hint_line(&write, false, true, theme, 200));
        assert!(wide.starts_with("Ctrl-S save"), "{wide}");
        assert!(wide.ends_with("Esc back"), "{wide}");
    }

    /// Every hint shown is whole, and `? help` then the hard-moment key end the line at
    /// every width where they fit; the hints kept are the table's first.
    #[test]
    fn a_narrow_line_drops_the_last_hints_whole_and_keeps_help_at_its_end() {
        let theme = Theme { color: false };
        for table in [hints(HOME), hints(PROGRESS)] {
            let everything: Vec<String> = table.iter().map(|(k, d)| format!("{k} {d}")).collect();
            for width in 28..=220 {
                let line = text(&hint_line(&table, true, false, theme, width));
                assert!(
                    line.chars().count() <= usize::from(width),
                    "{width}: {line}"
                );
                assert!(
                    line.ends_with("? help  Ctrl-G hard moment"),
                    "{width}: {line}"
                );
                let shown: Vec<&str> = line
                    .trim_end_matches("? help  Ctrl-G hard moment")
                    .split("  ")
                    .filter(|s| !s.is_empty())
                    .collect();
                let first: Vec<&str> = everything
                    .iter()
                    .take(shown.len())
                    .map(String::as_str)
                    .collect();
                assert_eq!(shown, first, "{width}: the first hints, each whole: {line}");
            }
            let wide = text(&hint_line(&table, true, false, theme, 400));
            for hint in &everything {
                assert!(wide.contains(hint.as_str()), "{hint} at 400: {wide}");
            }
        }
    }

    #[test]
    fn at_80_columns_the_evening_and_both_of_us_keep_their_most_important_keys() {
        let theme = Theme { color: false };
        let home = text(&hint_line(&hints(HOME), true, false, theme, 80));
        assert_eq!(
            home,
            "w write  c check in  j journal  o promises  h plan  ? help  Ctrl-G hard moment"
        );
        let progress = text(&hint_line(&hints(PROGRESS), true, false, theme, 80));
        assert_eq!(
            progress,
            "←/→ week  Tab/1-6 section  w weekly talk  p partner  ? help  Ctrl-G hard moment"
        );
    }

    #[test]
    fn where_only_one_fits_the_hard_moment_key_stays_and_the_help_goes() {
        let theme = Theme { color: false };
        let line = text(&hint_line(&hints(HOME), true, false, theme, 22));
        assert_eq!(line, "Ctrl-G hard moment");
        let line = text(&hint_line(&hints(HOME), true, true, theme, 22));
        assert_eq!(line, "w write  ? help");
    }
}

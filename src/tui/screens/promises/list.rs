//! The promises screen's list: the rows that fit, the chosen one marked, long texts clipped.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::rows::{Look, Row};
use crate::tui::theme::Theme;

pub(super) fn draw_rows(
    theme: Theme,
    rows: &[Row],
    selected: usize,
    frame: &mut Frame,
    area: Rect,
) {
    // Only the lines that fit are drawn, so years of promises cost the same as a few.
    let height = usize::from(area.height.max(1));
    let first = selected.saturating_sub(height.saturating_sub(1));
    let width = usize::from(area.width);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(at, row)| {
            let chosen = at == selected && row.item.is_some();
            let (mark, style) = match row.look {
                Look::Heading => return Line::styled(row.text.clone(), theme.heading()),
                Look::Note => return Line::styled(format!("  {}", row.text), theme.muted()),
                Look::Open => ("  • ", theme.muted()),
                Look::Late => ("  • ", theme.gentle()),
                Look::Closed => ("    ", theme.muted()),
                Look::Noticed => ("  ♡ ", theme.done()),
            };
            let detail_style = if row.look == Look::Late {
                theme.gentle()
            } else {
                theme.muted()
            };
            let room = width.saturating_sub(row.detail.chars().count() + 6);
            let text = clip(&row.text, room);
            let gap = width.saturating_sub(4 + text.chars().count() + row.detail.chars().count());
            let mark = if chosen {
                format!("›{}", &mark[1..])
            } else {
                mark.to_owned()
            };
            let line = Line::from(vec![
                Span::styled(mark, style),
                Span::raw(text),
                Span::raw(" ".repeat(gap)),
                Span::styled(row.detail.clone(), detail_style),
            ]);
            if chosen {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// `text` cut to `max` characters, with an ellipsis when it was longer.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

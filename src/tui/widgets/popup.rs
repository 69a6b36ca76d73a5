//! A small centred window over the screen, for questions and help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::theme::Theme;

/// The widest a window gets, so lines stay easy to read.
const MAX_WIDTH: u16 = 76;
/// Forms keep one width while their fields grow and shrink.
const FORM_WIDTH: u16 = 66;

/// Draws `lines` in a bordered window centred in `area`, as large as needed and as fits.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, theme: Theme) {
    let width = lines
        .iter()
        .map(Line::width)
        .max()
        .unwrap_or(0)
        .max(title.chars().count() + 2)
        .saturating_add(4);
    let width = u16::try_from(width).unwrap_or(u16::MAX).min(MAX_WIDTH);
    window(frame, area, title, lines, theme, width);
}

/// Draws a form's `lines` in a window of a steady width, centred in `area`.
pub fn form_window(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, theme: Theme) {
    window(frame, area, title, lines, theme, FORM_WIDTH);
}

fn window(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'_>>,
    theme: Theme,
    width: u16,
) {
    let width = width.min(area.width);
    let inner_width = usize::from(width.saturating_sub(4).max(1));
    let height: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let height = u16::try_from(height + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let window = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, window);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(format!(" {title} "))
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        window,
    );
}

/// A key and what it does, as a line of a popup.
pub fn key_line(theme: Theme, k: &str, what: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{k:>8}  "), theme.key()),
        Span::raw(what.to_owned()),
    ])
}

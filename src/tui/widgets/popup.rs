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
    let width = popup_width(area, title, &lines);
    window(frame, area, title, lines, theme, width);
}

/// [`popup`], with its blank lines left out where the window is too short for them all.
pub fn snug_popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, theme: Theme) {
    let lines = match popup_fits(area, title, &lines) {
        true => lines,
        false => lines.into_iter().filter(|l| l.width() > 0).collect(),
    };
    popup(frame, area, title, lines, theme);
}

/// The columns [`popup`] has for `lines` in `area`, inside its borders and padding.
pub fn popup_inner_width(area: Rect, title: &str, lines: &[Line<'_>]) -> usize {
    inner_width(popup_width(area, title, lines))
}

/// Whether [`popup`] shows every one of `lines` in `area`, wrapped, with none cut off below.
pub fn popup_fits(area: Rect, title: &str, lines: &[Line<'_>]) -> bool {
    window_height(lines, popup_width(area, title, lines)) <= usize::from(area.height)
}

/// Draws a form's `lines` in a window of a steady width, centred in `area`.
pub fn form_window(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, theme: Theme) {
    window(frame, area, title, lines, theme, FORM_WIDTH);
}

/// How wide [`popup`]'s window is: its widest line and its title, within the most and `area`.
fn popup_width(area: Rect, title: &str, lines: &[Line<'_>]) -> u16 {
    let width = lines
        .iter()
        .map(Line::width)
        .max()
        .unwrap_or(0)
        .max(title.chars().count() + 2)
        .saturating_add(4);
    u16::try_from(width)
        .unwrap_or(u16::MAX)
        .min(MAX_WIDTH)
        .min(area.width)
}

/// The columns inside a window `width` wide: less two borders and a space each side.
fn inner_width(width: u16) -> usize {
    usize::from(width.saturating_sub(4).max(1))
}

/// The rows a window `width` wide needs for `lines`, wrapped as it draws them, with its borders.
fn window_height(lines: &[Line<'_>], width: u16) -> usize {
    let columns = u16::try_from(inner_width(width)).unwrap_or(u16::MAX);
    let rows = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: true })
        .line_count(columns);
    rows + 2
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
    let height = u16::try_from(window_height(&lines, width))
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

//! Shared words: both partners' shared entries of the chosen week, one evening per row, side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::View;
use crate::progress::EntryRef;
use crate::progress::waiting_words;

/// Roughly how many lines `text` takes when wrapped to `width` columns.
fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(width)).sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

pub(super) fn draw(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let partners = view.partners();
    let evenings = view.progress.shared_evenings(view.state.week);
    let [names, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let columns = |area: Rect| {
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
            .spacing(2)
            .areas::<2>(area)
    };
    for ((slot, _, name), column) in partners.iter().zip(columns(names)) {
        frame.render_widget(
            Paragraph::new(Line::styled(*name, theme.partner(*slot))),
            column,
        );
    }
    // Shared entries still closed are said to be waiting, so no one reads that nothing was
    // written; what they hold stays closed.
    let waiting: Vec<Line<'static>> = (partners.iter())
        .filter_map(|(_, id, name)| {
            let count = view
                .progress
                .communication(*id, view.state.week)
                .waiting_to_open;
            let other = partners
                .iter()
                .find(|(_, o, _)| o != id)
                .map_or("", |p| p.2);
            (count > 0).then(|| Line::styled(waiting_words(name, other, count), theme.muted()))
        })
        .collect();
    if evenings.is_empty() {
        let said = match waiting.is_empty() {
            true => vec![Line::styled(
                "No shared writing this week. Private entries stay private and never show here.",
                theme.muted(),
            )],
            false => waiting,
        };
        frame.render_widget(
            Paragraph::new([vec![Line::raw("")], said].concat()).wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    let body = match waiting.is_empty() {
        true => body,
        false => {
            let height = wrapped_height(&waiting, body.width).min(body.height);
            let [said, rest] =
                Layout::vertical([Constraint::Length(height + 1), Constraint::Fill(1)]).areas(body);
            frame.render_widget(Paragraph::new(waiting).wrap(Wrap { trim: true }), said);
            rest
        }
    };
    let column_width = columns(body)[0].width;
    let entry_lines = |refs: &[EntryRef]| -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        for entry in refs.iter().filter_map(|r| r.entry(view.journal)) {
            if let Some(prompt) = &entry.prompt {
                lines.push(Line::styled(prompt.clone(), theme.prompt()));
            }
            lines.extend(
                entry
                    .text
                    .lines()
                    .map(|l| Line::raw(crate::tui::widgets::text::expand_tabs(l))),
            );
        }
        if lines.is_empty() {
            lines.push(Line::styled("·", theme.muted()));
        }
        lines
    };
    // One row per evening, from the scrolled-to evening down, as many as fit.
    let mut top = body.y;
    let bottom = body.y.saturating_add(body.height);
    for evening in evenings.iter().skip(usize::from(view.state.scroll)) {
        if top >= bottom {
            break;
        }
        let day_line = Line::styled(evening.day.format("%A %-d %B").to_string(), theme.heading());
        frame.render_widget(
            Paragraph::new(day_line),
            Rect::new(body.x, top, body.width, 1),
        );
        top = top.saturating_add(1);
        let sides = [
            entry_lines(&evening.by_partner[0]),
            entry_lines(&evening.by_partner[1]),
        ];
        let height = sides
            .iter()
            .map(|lines| wrapped_height(lines, column_width))
            .max()
            .unwrap_or(1)
            .min(bottom.saturating_sub(top));
        let row = Rect::new(body.x, top, body.width, height);
        for (lines, column) in sides.into_iter().zip(columns(row)) {
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), column);
        }
        top = top.saturating_add(height).saturating_add(1);
    }
}

//! Reciprocity week by week: each partner's promises kept, renegotiated and not kept, as bars.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::View;
use crate::tui::widgets::outcome_bars::{self, WeekBars};

/// How many weeks each partner's bars cover, ending with the chosen one.
const BAR_WEEKS: usize = 6;

pub(super) fn draw(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let week = view.state.week;
    let partners = view.partners();
    let [charts, notes] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(area);
    let halves = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas::<2>(charts);
    let weeks = view.progress.weeks_ending(week, BAR_WEEKS);
    let tallest = partners
        .iter()
        .flat_map(|(_, id, _)| {
            weeks.iter().map(|w| {
                let r = view.progress.reciprocity(*id, *w);
                r.kept.max(r.renegotiated).max(r.broken)
            })
        })
        .max()
        .unwrap_or(0)
        .max(3);
    for ((slot, id, name), half) in partners.iter().zip(halves) {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(Span::styled(format!(" {name} "), theme.partner(*slot)));
        let inside = block.inner(half);
        frame.render_widget(block, half);
        let bars: Vec<WeekBars> = weeks
            .iter()
            .map(|w| {
                let r = view.progress.reciprocity(*id, *w);
                WeekBars {
                    label: format!("W{:02}", w.start().iso_week().week()),
                    counts: [r.kept, r.renegotiated, r.broken],
                }
            })
            .collect();
        outcome_bars::draw(&bars, tallest, theme, frame.buffer_mut(), inside);
    }
    let mut lines = vec![outcome_bars::legend(theme)];
    if let Some(quiet) = view.quiet_week() {
        lines.push(quiet);
    }
    for (slot, id, name) in &partners {
        let r = view.progress.reciprocity(*id, week);
        if let Some(words) = r.kindness_words() {
            lines.push(Line::from(vec![
                Span::styled(format!("{name}: "), theme.partner(*slot)),
                Span::raw(words),
            ]));
        }
    }
    lines.push(Line::styled(
        "Renegotiating openly never counts against anyone.",
        theme.muted(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), notes);
}

//! Reciprocity week by week: each partner's promises kept, renegotiated and not kept, as bars.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Wrap};

use super::View;

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
        let style = theme.partner(*slot);
        let mut chart = BarChart::default()
            .block(
                Block::new()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(format!(" {name}: kept · renegotiated · not kept ")),
            )
            .bar_width(1)
            .bar_gap(0)
            .group_gap(3)
            .max(u64::from(tallest));
        for w in &weeks {
            let r = view.progress.reciprocity(*id, *w);
            let bars = [
                Bar::new(u64::from(r.kept)).style(style),
                Bar::new(u64::from(r.renegotiated)).style(theme.muted()),
                Bar::new(u64::from(r.broken)).style(theme.gentle()),
            ];
            chart = chart.data(
                BarGroup::new(bars)
                    .label(Line::from(format!("W{:02}", w.start().iso_week().week()))),
            );
        }
        frame.render_widget(chart, half);
    }
    let mut lines = Vec::new();
    if let Some(quiet) = view.quiet_week() {
        lines.push(quiet);
    }
    for (slot, id, name) in &partners {
        let r = view.progress.reciprocity(*id, week);
        let rate = r.keep_rate().map_or_else(
            || "nothing settled".to_owned(),
            |rate| format!("keep rate {:.0}%", rate * 100.0),
        );
        lines.push(Line::from(vec![
            Span::styled(format!("{name}: "), theme.partner(*slot)),
            Span::raw(format!(
                "{rate} · kind acts {} · noticed {} · was noticed {}",
                r.kind_acts, r.acknowledgements_given, r.acknowledgements_received
            )),
        ]));
    }
    lines.push(Line::styled(
        "Renegotiating openly never counts against anyone.",
        theme.muted(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), notes);
}

//! Healing over time: one rating's weekly means for both partners over twelve weeks, as lines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Wrap};

use super::View;

/// How many weeks the chart shows, ending with the chosen one.
pub const CHART_WEEKS: usize = 12;

pub(super) fn draw(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let week = view.state.week;
    let rating = view.state.rating;
    let partners = view.partners();
    let [chart_area, words_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(area);

    let series: Vec<Vec<(f64, f64)>> = partners
        .iter()
        .map(|(_, id, _)| {
            view.progress
                .weekly_means(*id, rating, week, CHART_WEEKS)
                .iter()
                .enumerate()
                .filter_map(|(x, w)| w.mean.map(|mean| (x as f64, mean)))
                .collect()
        })
        .collect();
    let markers = [Marker::Braille, Marker::Dot];
    let datasets: Vec<Dataset> = partners
        .iter()
        .zip(&series)
        .map(|((slot, _, name), points)| {
            Dataset::default()
                .name((*name).to_owned())
                .marker(markers[slot % 2])
                .graph_type(GraphType::Line)
                .style(theme.partner(*slot))
                .data(points)
        })
        .collect();
    let weeks = view.progress.weeks_ending(week, CHART_WEEKS);
    let week_label = |w: Option<&crate::journal::Week>| {
        w.map_or_else(String::new, |w| w.start().format("%-d %b").to_string())
    };
    let x_labels = vec![
        Span::styled(week_label(weeks.first()), theme.muted()),
        Span::styled(week_label(weeks.get(CHART_WEEKS / 2)), theme.muted()),
        Span::styled(week_label(weeks.last()), theme.muted()),
    ];
    let chart = Chart::new(datasets)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(format!(
                    " {} · weekly mean, twelve weeks · r: safety, trust, connection ",
                    capitalised(rating.as_str())
                )),
        )
        .x_axis(
            Axis::default()
                .bounds([0.0, (CHART_WEEKS - 1) as f64])
                .labels(x_labels),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 10.0])
                .labels(["0", "5", "10"].map(|l| Span::styled(l, theme.muted()))),
        );
    frame.render_widget(chart, chart_area);

    let mut words: Vec<Line> = partners
        .iter()
        .map(|(slot, id, name)| {
            let trend = view.progress.healing(*id, week).trend(rating);
            Line::from(vec![
                Span::styled(format!("{name}: "), theme.partner(*slot)),
                Span::raw(trend.describe()),
            ])
        })
        .collect();
    let legend = partners
        .iter()
        .map(|(slot, _, name)| {
            let mark = if slot % 2 == 0 { "⠤⠤" } else { "••" };
            format!("{mark} {name}")
        })
        .collect::<Vec<_>>()
        .join("   ");
    words.push(Line::styled(
        format!("{legend} · one hard evening is one point, not a verdict"),
        theme.muted(),
    ));
    frame.render_widget(Paragraph::new(words).wrap(Wrap { trim: true }), words_area);
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

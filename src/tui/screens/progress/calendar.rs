//! Consistency as a calendar: each evening either of you came, as marks in a grid; never a streak.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;

/// The left column, holding the weekday names.
const LABEL_WIDTH: u16 = 4;
/// Each week takes two marks (one per partner) and a space.
const WEEK_WIDTH: u16 = 3;

pub(super) fn draw(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let chosen = view.state.week;
    let today = view.progress.today();
    let partners = view.partners();
    let week_count = usize::from((area.width.saturating_sub(LABEL_WIDTH) / WEEK_WIDTH).max(1));
    let weeks = view.progress.weeks_ending(chosen, week_count);
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return;
    };
    let days = view.progress.calendar(first.start(), last.end());

    let mut month_row = vec![Span::raw(" ".repeat(usize::from(LABEL_WIDTH)))];
    let ends: Vec<NaiveDate> = weeks.iter().map(|week| week.end()).collect();
    for label in month_labels(&ends) {
        month_row.push(Span::styled(format!("{label:<3}"), theme.muted()));
    }
    let mut lines = vec![Line::from(month_row)];
    for weekday in 0..7 {
        let day_of = |week: &crate::journal::Week| crate::journal::shift(week.start(), weekday);
        let name = weeks
            .first()
            .map(|w| day_of(w).format("%a").to_string())
            .unwrap_or_default();
        let mut spans = vec![Span::styled(format!("{name} "), theme.muted())];
        for (column, week) in weeks.iter().enumerate() {
            let day = day_of(week);
            let marks = days
                .get(column * 7 + usize::try_from(weekday).unwrap_or(0))
                .filter(|d| d.day == day)
                .map(|d| d.by_partner)
                .unwrap_or_default();
            for (slot, mark) in marks.iter().enumerate() {
                let (text, style) = if day > today || day < view.journal.started {
                    (" ", theme.muted())
                } else if mark.any() {
                    ("■", theme.partner(slot))
                } else {
                    ("·", theme.muted())
                };
                let style = if *week == chosen {
                    style.patch(theme.selected())
                } else {
                    style
                };
                spans.push(Span::styled(text, style));
            }
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    // Weeks with a talk, on a row of their own: only when one shows, and never counted.
    let talked = |week: &crate::journal::Week| view.journal.talk_for(*week).is_some();
    let any_talk = weeks.iter().any(talked);
    if any_talk {
        let mut spans = vec![Span::styled("Talk", theme.muted())];
        for week in &weeks {
            let mark = if talked(week) { "◆" } else { " " };
            spans.push(Span::styled(format!("{mark:<2} "), theme.calm()));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    let mut legend = Vec::new();
    for (slot, _, name) in &partners {
        let marks = if *slot == 0 { "■·" } else { "·■" };
        legend.push(Span::styled(marks, theme.partner(*slot)));
        legend.push(Span::raw(format!(" {name}   ")));
    }
    legend.push(Span::styled(
        "·· a quiet evening, which is fine",
        theme.muted(),
    ));
    if any_talk {
        legend.push(Span::styled("   ◆ a week you talked", theme.muted()));
    }
    lines.push(Line::from(legend));
    lines.push(Line::styled(
        "A mark is an evening with a check-in or shared writing. Gaps are part of it.",
        theme.muted(),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "Day {} with mend · {} with a check-in from each of you",
            view.progress.days_together(),
            crate::words::count(view.progress.weeks_both_checked_in(), "week", "weeks")
        ),
        theme.muted(),
    ));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The month's name over each week column (ending on `ends`), where a new month begins; a
/// name waits a column when the last one is just before it, so two never run together
/// ("JunJul").
fn month_labels(ends: &[NaiveDate]) -> Vec<String> {
    let (mut shown_month, mut last_label) = (None, None);
    let mut labels = Vec::with_capacity(ends.len());
    for (column, end) in ends.iter().enumerate() {
        let room = last_label.is_none_or(|at| column >= at + 2);
        if shown_month != Some(end.month()) && room {
            shown_month = Some(end.month());
            last_label = Some(column);
            labels.push(end.format("%b").to_string());
        } else {
            labels.push(String::new());
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_month_names_never_run_together() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        // The first week shown ends on the last day of June, the next in July.
        let ends = [
            day(6, 28),
            day(7, 5),
            day(7, 12),
            day(7, 19),
            day(7, 26),
            day(8, 2),
        ];
        assert_eq!(month_labels(&ends), ["Jun", "", "Jul", "", "", "Aug"]);
    }
}

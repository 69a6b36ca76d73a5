//! The chosen week at a glance: how each partner feels, promises kept and noticed, words shared.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::View;
use crate::journal::Stage;
use crate::tui::widgets::scroll::render_paragraph;
use crate::tui::widgets::text::hanging;
use crate::words::count;

pub(super) fn draw(view: &View, frame: &mut Frame, area: Rect) {
    let scroll = view.state.scroll;
    render_paragraph(paragraph(view, area.width), scroll, frame, area, view.theme);
}

/// The overview, wrapped for a window `width` wide.
pub(super) fn paragraph<'a>(view: &View<'a>, width: u16) -> Paragraph<'a> {
    let theme = view.theme;
    let week = view.state.week;
    let progress = view.progress;
    let mut lines = vec![Line::styled(
        format!(
            "Day {} with mend · {} with a check-in from each of you",
            progress.days_together(),
            count(progress.weeks_both_checked_in(), "week", "weeks")
        ),
        theme.muted(),
    )];
    lines.push(Line::raw(""));
    if let Some(quiet) = view.quiet_week() {
        lines.push(quiet);
        lines.push(Line::raw(""));
    }
    let name_width = view
        .partners()
        .iter()
        .map(|(_, _, name)| name.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let label = |slot: usize, name: &str| {
        Span::styled(format!("  {name:<name_width$}"), theme.partner(slot))
    };
    // A line too long for the window wraps under its first words, not back at the edge.
    let indent = name_width + 2;
    let columns = usize::from(width);

    lines.push(Line::styled(
        "How each of you feels: this week's mean, against the four weeks before",
        theme.heading(),
    ));
    for (slot, id, name) in view.partners() {
        let healing = progress.healing(id, week);
        let words: Vec<String> = healing
            .trends()
            .iter()
            .map(|t| t.describe_briefly())
            .collect();
        lines.extend(hanging(label(slot, name), &words, " · ", indent, columns));
    }
    lines.push(Line::raw(""));

    lines.push(Line::styled("Promises and kindness", theme.heading()));
    for (slot, id, name) in view.partners() {
        let r = progress.reciprocity(id, week);
        // Only what happened: a row of zeros says nothing a partner needs to read.
        let mut figures: Vec<String> = [
            ("made", r.made),
            ("kept", r.kept),
            ("renegotiated", r.renegotiated),
            ("not kept", r.broken),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{what} {n}"))
        .collect();
        if figures.is_empty() {
            figures.push("no promises this week".to_owned());
        }
        lines.extend(hanging(label(slot, name), &figures, ", ", indent, columns));
        if let Some(words) = r.kindness_words() {
            let under = Span::raw(" ".repeat(indent));
            lines.extend(hanging(under, &[words], "", indent, columns));
        }
    }
    lines.push(Line::raw(""));

    lines.push(Line::styled("Words shared", theme.heading()));
    for (slot, id, name) in view.partners() {
        let c = progress.communication(id, week);
        let stages = Stage::ALL
            .iter()
            .map(|s| format!("{} {}", s.as_str(), c.entries(*s)))
            .collect::<Vec<_>>()
            .join(", ");
        let written = [
            format!(
                "wrote on {}",
                count(c.evenings_written as usize, "evening", "evenings")
            ),
            stages,
        ];
        lines.extend(hanging(label(slot, name), &written, " · ", indent, columns));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("The weekly talk", theme.heading()));
    let talk = match view.journal.talk_for(week) {
        Some(t) if t.is_closed() => "You had your weekly talk about this week. w reads it again.",
        Some(_) => "Your talk about this week was paused partway; w carries on where you stopped.",
        None => {
            "No talk about this week yet. Press w when you are both ready; it takes about half an hour."
        }
    };
    lines.extend(hanging(Span::raw("  "), &[talk.to_owned()], "", 2, columns));
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

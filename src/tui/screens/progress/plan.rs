//! The plan for hard moments in the chosen week: the moments shared, the pauses asked for, the plan's changes.
//!
//! Only what its owner shared: a private hard moment is never filed by `Progress`, so it
//! shows here in no way, not even as a count. The words are the weekly summary's.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::View;
use crate::journal::PartnerId;
use crate::progress::{moment_afterword, pause_until, plan_change_words};
use crate::tui::widgets::scroll::render_paragraph;
use crate::tui::widgets::text::expand_tabs;

/// Says that private moments stay out, whatever the week holds.
const PRIVATE_NOTE: &str = "Hard moments noted privately never show here.";

pub(super) fn draw(view: &View, frame: &mut Frame, area: Rect) {
    let scroll = view.state.scroll;
    render_paragraph(paragraph(view), scroll, frame, area, view.theme);
}

/// What the plan section says about the week.
pub(super) fn paragraph<'a>(view: &View<'a>) -> Paragraph<'a> {
    let theme = view.theme;
    let week = view.state.week;
    let progress = view.progress;
    let journal = view.journal;
    let slot_of = |id: PartnerId| progress.partners().iter().position(|p| *p == id);
    let who = |id: PartnerId| {
        Span::styled(
            journal.name_of(id).to_owned(),
            slot_of(id).map_or_else(|| theme.heading(), |slot| theme.partner(slot)),
        )
    };
    let when = |day: chrono::NaiveDate| {
        Span::styled(day.format("%a %-d %b · ").to_string(), theme.muted())
    };
    let mut lines: Vec<Line> = Vec::new();
    if let Some(quiet) = view.quiet_week() {
        lines.push(quiet);
        lines.push(Line::raw(""));
    }
    let moments = progress.hard_moments_in(week);
    let pauses = progress.pauses_in(week);
    let changes = progress.plan_changes_in(week);
    let quiet = !lines.is_empty();
    if !quiet && !progress.has_plan_news(week) {
        lines.push(Line::styled(
            "Nothing from the plan for hard moments this week: no hard moments shared, no pauses asked for, no changes to the plan.",
            theme.muted(),
        ));
    }
    if !moments.is_empty() {
        lines.push(Line::styled("Hard moments shared", theme.heading()));
        for m in moments {
            let Some(moment) = m.moment.get(journal) else {
                continue;
            };
            let item = m.plan_item.and_then(|r| r.get(journal));
            let after = moment_afterword(item.map(|i| i.brings_it_on.as_str()), m.outcome);
            let mut first = vec![when(m.day), who(m.by), Span::raw(" noted a hard moment.")];
            if !after.is_empty() {
                first.push(Span::raw(format!(" {after}")));
            }
            lines.push(Line::from(first));
            lines.extend(
                moment
                    .text
                    .lines()
                    .map(|l| Line::raw(format!("    {}", expand_tabs(l)))),
            );
        }
        lines.push(Line::raw(""));
    }
    if !pauses.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Pauses asked for", theme.heading()),
            Span::styled(" · a request to respect, not a failure", theme.muted()),
        ]));
        for p in pauses {
            let note = p
                .pause
                .get(journal)
                .and_then(|pause| pause.note.as_deref())
                .map_or_else(|| ".".to_owned(), |n| format!(": “{}”", expand_tabs(n)));
            lines.push(Line::from(vec![
                when(p.day),
                who(p.by),
                Span::raw(format!(
                    " asked for a pause at {}, until {}{note}",
                    p.asked_at.format("%H:%M"),
                    pause_until(p.asked_at, p.until)
                )),
            ]));
        }
        lines.push(Line::raw(""));
    }
    if !changes.is_empty() {
        lines.push(Line::styled("The plan", theme.heading()));
        for c in changes {
            let Some(item) = c.item.get(journal) else {
                continue;
            };
            let note = c
                .review
                .and_then(|at| item.reviews.get(at))
                .and_then(|r| r.note.as_deref())
                .map_or_else(|| ".".to_owned(), |n| format!(": “{}”", expand_tabs(n)));
            lines.push(Line::from(vec![
                when(c.day),
                who(c.by),
                Span::raw(plan_change_words(
                    c.change,
                    journal.name_of(c.owner),
                    &expand_tabs(&item.brings_it_on),
                )),
                Span::raw(note),
            ]));
        }
        lines.push(Line::raw(""));
    }
    if lines.last().is_some_and(|l| l.width() > 0) {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(PRIVATE_NOTE, theme.muted()));
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

//! The whole story of one promise or kind act: when it was made, every change, and who noticed.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::text::Line;

use crate::journal::{Acknowledgement, Journal, PromiseSize, RecordId};
use crate::tui::screens::promises::rows::outcome_words;
use crate::tui::theme::Theme;

/// Which record the window tells about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Details {
    Promise(RecordId),
    KindAct(RecordId),
}

fn when(at: DateTime<Utc>, offset: FixedOffset) -> String {
    crate::journal::local_time(at, &offset)
        .format("%a %-d %b %Y, %H:%M")
        .to_string()
}

fn noticed_line(journal: &Journal, ack: &Acknowledgement, offset: FixedOffset) -> String {
    let note = ack
        .note
        .as_deref()
        .map_or_else(String::new, |n| format!(": \"{n}\""));
    format!(
        "♡ {} noticed it on {}{note}",
        journal.name_of(ack.by),
        when(ack.at, offset)
    )
}

impl Details {
    pub fn title(&self) -> String {
        match self {
            Details::Promise(_) => "A promise".to_owned(),
            Details::KindAct(_) => "A kind act".to_owned(),
        }
    }

    pub fn lines(
        &self,
        journal: &Journal,
        offset: FixedOffset,
        theme: Theme,
    ) -> Vec<Line<'static>> {
        match self {
            Details::Promise(id) => promise_lines(journal, *id, offset, theme),
            Details::KindAct(id) => kind_lines(journal, *id, offset, theme),
        }
    }
}

fn promise_lines(
    journal: &Journal,
    id: RecordId,
    offset: FixedOffset,
    theme: Theme,
) -> Vec<Line<'static>> {
    let Some(p) = journal.live_promises().find(|p| p.meta.id == id) else {
        return vec![Line::raw("This promise is no longer in the journal.")];
    };
    let by = format!(
        "{} to {}, made {}",
        journal.name_of(p.by()),
        journal.name_of(p.to),
        p.made.format("%a %-d %b %Y")
    );
    let mut lines = opening(&p.text, by, theme);
    let mut facts = vec![outcome_words(p.status).to_owned()];
    if let Some(due) = p.due {
        facts.push(format!("due {}", due.format("%a %-d %b %Y")));
    }
    if let Some(size) = p.size {
        facts.push(
            match size {
                PromiseSize::Small => "small, everyday",
                PromiseSize::Big => "a bigger commitment",
            }
            .to_owned(),
        );
    }
    lines.push(Line::styled(facts.join(" · "), theme.muted()));
    if let Some(from) = p.renegotiated_from
        && let Some(old) = journal.promises.iter().find(|o| o.meta.id == from)
    {
        lines.push(Line::styled(
            format!("Renegotiated from \"{}\"", old.text),
            theme.muted(),
        ));
    }
    if !p.history.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("What happened", theme.heading()));
    }
    for change in &p.history {
        let note = change
            .note
            .as_deref()
            .map_or_else(String::new, |n| format!(": \"{n}\""));
        lines.push(Line::raw(format!(
            "{}: {} marked it {}{note}",
            when(change.at, offset),
            journal.name_of(change.by),
            outcome_words(change.status).to_lowercase()
        )));
    }
    closing(&mut lines, journal, p.noticed(), offset, theme);
    lines
}

fn kind_lines(
    journal: &Journal,
    id: RecordId,
    offset: FixedOffset,
    theme: Theme,
) -> Vec<Line<'static>> {
    let Some(act) = journal.live_kind_acts().find(|k| k.meta.id == id) else {
        return vec![Line::raw("This kind act is no longer in the journal.")];
    };
    let doer = journal.name_of(act.doer());
    let day = act.day.format("%A %-d %B %Y");
    let by = match act.received_by() {
        Some(receiver) => format!("{doer} did this for {}, {day}", journal.name_of(receiver)),
        None => format!("{doer}, {day}"),
    };
    let mut lines = opening(&act.text, by, theme);
    match &act.acknowledged {
        // The one it was done for wrote it down: that was their noticing.
        Some(ack) if act.received_by() == Some(ack.by) => {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!(
                    "♡ {} wrote it down as done for them on {}",
                    journal.name_of(ack.by),
                    when(ack.at, offset)
                ),
                theme.done(),
            ));
            closing(&mut lines, journal, None, offset, theme);
        }
        ack => closing(&mut lines, journal, ack.as_ref(), offset, theme),
    }
    lines
}

/// The record's words, quoted, and who made it when.
fn opening(text: &str, by: String, theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled(format!("\"{text}\""), theme.prompt()),
        Line::raw(""),
        Line::raw(by),
    ]
}

/// Who noticed it, if anyone did, and how to close the window.
fn closing(
    lines: &mut Vec<Line<'static>>,
    journal: &Journal,
    ack: Option<&Acknowledgement>,
    offset: FixedOffset,
    theme: Theme,
) {
    if let Some(ack) = ack {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            noticed_line(journal, ack, offset),
            theme.done(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Press any key to close this.", theme.muted()));
}

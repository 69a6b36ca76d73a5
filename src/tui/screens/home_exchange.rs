//! The evening screen's lines from the other partner: their words once open, notices, replies.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use ratatui::text::{Line, Span};

use crate::journal::local_time;
use crate::journal::text::{one_line, printable};
use crate::tui::ctx::Ctx;
use crate::tui::exchange::{Exchange, TheirWords};
use crate::tui::tonight::Tonight;
use crate::tui::widgets::text;

/// The most screen rows one of their entries takes on the evening screen; the journal has the rest.
const WORDS_ROWS: usize = 3;
/// The most lines of notices and replies together; the rest are counted.
const MOST_LINES: usize = 3;

/// The other partner's section, or nothing when they have given nothing yet. `width` is the
/// room the lines wrap in.
pub fn exchange_lines(ctx: &Ctx, tonight: &Tonight, width: u16) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let other = one_line(&tonight.other_name).into_owned();
    let exchange: &Exchange = &tonight.exchange;
    let mut lines = Vec::new();
    for words in &exchange.their_words {
        words_lines(&mut lines, ctx, words, width);
    }
    if exchange.waiting {
        lines.push(Line::from(vec![
            Span::styled("  ◇ ", theme.calm()),
            Span::raw(format!(
                "{other} has written tonight. Their words open when you have written yours."
            )),
        ]));
    }
    let mut small: Vec<Line<'static>> = Vec::new();
    for n in &exchange.noticed {
        let mut spans = vec![
            Span::styled("  ♡ ", theme.done()),
            Span::raw(format!("{other} noticed “{}”", one_line(&n.subject))),
        ];
        if let Some(note) = &n.note {
            spans.push(Span::raw(": "));
            spans.push(Span::styled(one_line(note).into_owned(), theme.prompt()));
        }
        small.push(Line::from(spans));
    }
    for r in &exchange.replies {
        small.push(Line::from(vec![
            Span::styled("  ↳ ", theme.calm()),
            Span::raw(format!(
                "{other} replied to what you wrote {}: ",
                day_words(r.entry_day, tonight.day)
            )),
            Span::styled(one_line(&r.words).into_owned(), theme.prompt()),
        ]));
    }
    let more = small.len().saturating_sub(MOST_LINES);
    lines.extend(small.into_iter().take(MOST_LINES));
    if more > 0 {
        lines.push(Line::styled(
            format!("  and {more} more in the journal and on the promises screen"),
            theme.muted(),
        ));
    }
    if lines.is_empty() {
        return lines;
    }
    let heading = if exchange.their_words.is_empty() {
        format!("From {other}")
    } else {
        format!("From {other} tonight")
    };
    lines.insert(0, Line::styled(heading, theme.heading()));
    lines.push(Line::raw(""));
    lines
}

/// One of their entries: the prompt on one line, then its words up to [`WORDS_ROWS`] rows.
fn words_lines(lines: &mut Vec<Line<'static>>, ctx: &Ctx, words: &TheirWords, width: u16) {
    let theme = ctx.theme;
    let room = usize::from(width).saturating_sub(4).max(1);
    if let Some(prompt) = &words.prompt {
        lines.push(Line::styled(
            format!("  {}", text::fit(&one_line(prompt), room).trim_end()),
            theme.muted(),
        ));
    }
    let mut rows = 0;
    let mut cut = false;
    for source in printable(&words.text).lines() {
        let line = text::expand_tabs(source);
        let needs = text::width(&line).div_ceil(room).max(1);
        if rows + needs > WORDS_ROWS {
            let left = WORDS_ROWS - rows;
            if left > 0 {
                let shown: String = line.chars().take(left * room).collect();
                lines.push(Line::raw(format!("  {shown}")));
            }
            cut = true;
            break;
        }
        rows += needs;
        lines.push(Line::raw(format!("  {line}")));
    }
    if cut {
        lines.push(Line::styled(
            "  … the rest is in the journal (j).",
            theme.muted(),
        ));
    }
    if let Some(at) = words.edited {
        lines.push(Line::styled(
            format!("  edited {}", edited_words(at, ctx.now)),
            theme.muted(),
        ));
    }
}

/// "21:40", or "Tue 24 Nov 21:40" when it was another day.
fn edited_words(at: DateTime<Utc>, now: DateTime<FixedOffset>) -> String {
    let local = local_time(at, now.offset());
    if local.date() == now.date_naive() {
        local.format("%H:%M").to_string()
    } else {
        local.format("%a %-d %b %H:%M").to_string()
    }
}

/// "tonight", "yesterday", "on Monday" or "on Mon 16 Nov".
fn day_words(day: NaiveDate, today: NaiveDate) -> String {
    match (today - day).num_days() {
        0 => "tonight".to_owned(),
        1 => "yesterday".to_owned(),
        2..=6 => day.format("on %A").to_string(),
        _ => day.format("on %a %-d %b").to_string(),
    }
}

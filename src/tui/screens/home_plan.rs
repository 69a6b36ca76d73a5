//! The evening screen's lines about the plan: a pause to respect, a hard date ahead, a gentle look.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::text::{Line, Span};

use crate::journal::local_time;
use crate::journal::text::one_line;
use crate::tui::ctx::Ctx;
use crate::tui::tonight::{HardDayLine, LookLine, Tonight};

/// The lines that come first: a pause that still holds, and hard dates in the next few days.
pub fn pause_and_date_lines(ctx: &Ctx, tonight: &Tonight) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let now = ctx.now.to_utc();
    let other = &tonight.other_name;
    let mut lines = Vec::new();
    if let Some(pause) = tonight.their_pause.as_ref().filter(|p| now < p.until) {
        lines.push(Line::from(vec![
            Span::styled("  ◇ ", theme.calm()),
            Span::styled(
                format!(
                    "{other} asked for some time, until {}.",
                    until_words(pause.until, ctx.now)
                ),
                theme.heading(),
            ),
        ]));
        if let Some(note) = &pause.note {
            lines.push(Line::raw(format!("    Their note: “{}”", one_line(note))));
        }
        lines.push(Line::styled(
            "    Letting them have that time is a way of caring for them.",
            theme.muted(),
        ));
    }
    if let Some(pause) = tonight.my_pause.as_ref().filter(|p| now < p.until) {
        lines.push(Line::from(vec![
            Span::styled("  ◇ ", theme.calm()),
            Span::raw(format!(
                "You asked for time until {}. {other} sees it on their evening screen.",
                until_words(pause.until, ctx.now)
            )),
        ]));
    }
    for day in &tonight.hard_days {
        lines.push(Line::from(vec![
            Span::styled("  ◇ ", theme.calm()),
            Span::raw(hard_day_words(day, other)),
        ]));
    }
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines
}

/// When a pause ends, in local time as of `now`: "21:30", "07:00 tomorrow", "07:00 on Friday".
fn until_words(until: DateTime<Utc>, now: DateTime<FixedOffset>) -> String {
    let ends = local_time(until, now.offset());
    let at = ends.format("%H:%M").to_string();
    match (ends.date() - now.date_naive()).num_days() {
        ..=0 => at,
        1 => format!("{at} tomorrow"),
        _ => format!("{at} on {}", ends.format("%A %-d %B")),
    }
}

/// "Thursday is a date you marked as hard. Your plan is here (h)."
fn hard_day_words(day: &HardDayLine, other: &str) -> String {
    let when = match day.days_away {
        0 => "Today".to_owned(),
        1 => "Tomorrow".to_owned(),
        _ => day.day.format("%A").to_string(),
    };
    if day.mine {
        format!("{when} is a date you marked as hard. Your plan is here (h).")
    } else {
        format!("{when} is a date {other} marked as hard. Their plan is here (h).")
    }
}

/// One calm line offering a look at a plan not looked at for a while; never a debt.
pub fn look_line(ctx: &Ctx, tonight: &Tonight) -> Option<Line<'static>> {
    let LookLine { mine, weeks } = tonight.plan_look?;
    let whose = if mine {
        "Your plan".to_owned()
    } else {
        format!("{}'s plan", tonight.other_name)
    };
    Some(Line::styled(
        format!(
            "{whose} was last looked at {weeks} weeks ago; look at it together (h) when it suits you."
        ),
        ctx.theme.muted(),
    ))
}

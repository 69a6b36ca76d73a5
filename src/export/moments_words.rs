//! The summary's "Hard moments and the plan" section in words, for Markdown and HTML alike.
//!
//! The sentences themselves come from `progress::plan_words`, shared with the progress view.

use super::blocks::{Block, Inline, long_day};
use super::moments::{HardMomentsPart, MomentLine, PauseLine, PlanLine};
use crate::progress::{moment_afterword, pause_until, plan_change_words};

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// The section, or nothing at all when the week holds nothing of the plan.
pub fn hard_moments(part: &HardMomentsPart, blocks: &mut Vec<Block>) {
    if part.is_empty() {
        return;
    }
    blocks.push(Block::Heading(2, "Hard moments and the plan".into()));
    if !part.moments.is_empty() {
        blocks.push(Block::Paragraph(vec![text("Hard moments shared:")]));
        blocks.push(Block::List(part.moments.iter().map(moment).collect()));
    }
    if !part.pauses.is_empty() {
        blocks.push(Block::Paragraph(vec![text("Pauses asked for:")]));
        blocks.push(Block::List(part.pauses.iter().map(pause).collect()));
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(
            "A pause is a request to respect, not a failure.".into(),
        )]));
    }
    if !part.plan.is_empty() {
        blocks.push(Block::Paragraph(vec![text("The plan:")]));
        blocks.push(Block::List(part.plan.iter().map(plan).collect()));
    }
}

fn moment(m: &MomentLine) -> Vec<Inline> {
    let mut line = vec![
        text(format!("{}, ", long_day(m.day))),
        Inline::Strong(m.partner.clone()),
        text(" noted a hard moment: “"),
        Inline::Written(m.text.clone()),
    ];
    let after = moment_afterword(m.plan_item.as_deref(), m.outcome);
    if after.is_empty() {
        line.push(text(closing_quote(&m.text)));
    } else {
        line.push(text(format!("” {after}")));
    }
    line
}

/// The closing quote that ends a line after `words`, with a full stop after it unless the
/// words end a sentence themselves.
fn closing_quote(words: &str) -> &'static str {
    match words.trim_end().chars().last() {
        Some('.' | '!' | '?' | '…') => "”",
        _ => "”.",
    }
}

fn pause(p: &PauseLine) -> Vec<Inline> {
    let mut line = vec![
        text(format!("{}, ", long_day(p.day))),
        Inline::Strong(p.partner.clone()),
        text(format!(
            " asked for a pause at {}, until {}",
            p.asked_at.format("%H:%M"),
            pause_until(p.asked_at, p.until)
        )),
    ];
    match &p.note {
        Some(note) => {
            line.push(text(": “"));
            line.push(Inline::Written(note.clone()));
            line.push(text(closing_quote(note)));
        }
        None => line.push(text(".")),
    }
    line
}

fn plan(c: &PlanLine) -> Vec<Inline> {
    let mut line = vec![
        text(format!("{}, ", long_day(c.day))),
        Inline::Strong(c.partner.clone()),
        text(plan_change_words(c.change, &c.owner, &c.brings_it_on)),
    ];
    match &c.note {
        Some(note) => {
            line.push(text(": “"));
            line.push(Inline::Written(note.clone()));
            line.push(text(closing_quote(note)));
        }
        None => line.push(text(".")),
    }
    line
}

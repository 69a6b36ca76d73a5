//! The summary in words, as headings, paragraphs, lists and quotes that Markdown and HTML both render.
//!
//! All the wording lives here, so the two formats always say the same thing; each renderer
//! only knows how to mark up (and escape) a block. The plan for hard moments has its
//! section in `moments_words.rs`, from the same words as the progress view.

use super::summary::{
    EveningEntries, Glance, HelpLine, LookingAhead, PartnerEntries, PartnerReciprocity,
    PromiseLine, Summary, WeekSpan,
};
use crate::journal::PromiseStatus;
use crate::progress::waiting_words;

pub use super::blocks::{Block, Inline, long_day};

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// The whole summary as blocks, in the order.
pub fn document(summary: &Summary) -> Vec<Block> {
    let [first, second] = &summary.partners;
    let mut blocks = vec![
        Block::Heading(
            1,
            format!("{first} and {second}: week {}", summary.week.label),
        ),
        Block::Paragraph(vec![text(span(&summary.week))]),
    ];
    if summary.has_data {
        at_a_glance(summary, &mut blocks);
        reciprocity(summary, &mut blocks);
        communication(summary, &mut blocks);
        healing(summary, &mut blocks);
        super::moments_words::hard_moments(&summary.hard_moments, &mut blocks);
    } else {
        blocks.push(Block::Paragraph(vec![text(
            "Nothing was recorded this week: no check-ins, shared entries, promises or kind acts. \
             Quiet weeks happen, and that is all right. When you are ready, one evening's check-in \
             is a gentle place to begin again.",
        )]));
    }
    super::talk::talk_words(summary.talk.as_ref(), &mut blocks);
    looking_ahead(&summary.looking_ahead, summary.has_data, &mut blocks);
    blocks
}

fn at_a_glance(summary: &Summary, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "At a glance".into()));
    for glance in &summary.at_a_glance {
        blocks.push(Block::Paragraph(vec![
            Inline::Strong(glance.partner.clone()),
            text(evenings_words(glance)),
        ]));
        blocks.push(Block::List(ratings(glance)));
    }
    blocks.push(Block::Paragraph(vec![Inline::Emphasis(
        "Means on the 0-10 scale; the bars show the last eight weeks, this one last, and · marks a week with no check-ins."
            .into(),
    )]));
}

fn ratings(glance: &Glance) -> Vec<Vec<Inline>> {
    glance
        .ratings
        .iter()
        .map(|r| {
            let mean = r
                .this_week
                .map_or_else(|| "not rated this week".to_owned(), |m| format!("{m:.1}"));
            let words = if r.this_week.is_some() {
                format!(", {}", r.in_words)
            } else {
                String::new()
            };
            vec![
                Inline::Strong(crate::journal::text::capitalized(r.rating)),
                text(format!(" {mean}{words} · {}", r.sparkline)),
            ]
        })
        .collect()
}

fn reciprocity(summary: &Summary, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "Reciprocity".into()));
    for (index, part) in summary.reciprocity.iter().enumerate() {
        let other = &summary.partners[1 - index.min(1)];
        blocks.push(Block::Heading(3, part.partner.clone()));
        blocks.push(Block::Paragraph(vec![text(reciprocity_words(part, other))]));
        if !part.promises.is_empty() {
            blocks.push(Block::Paragraph(vec![text("Promises:")]));
            blocks.push(Block::List(
                part.promises
                    .iter()
                    .map(|p| promise_line(p, other))
                    .collect(),
            ));
        }
        if !part.kind_acts.is_empty() {
            blocks.push(Block::Paragraph(vec![text("Kind acts:")]));
            blocks.push(Block::List(
                part.kind_acts
                    .iter()
                    .map(|k| {
                        let noticed = if k.noticed {
                            format!(" ({other} noticed)")
                        } else {
                            String::new()
                        };
                        vec![text(format!("{}: {}{noticed}", long_day(k.day), k.text))]
                    })
                    .collect(),
            ));
        }
    }
}

fn reciprocity_words(part: &PartnerReciprocity, other: &str) -> String {
    let f = &part.figures;
    let mut sentences = vec![match f.made {
        0 => "No new promises this week.".to_owned(),
        1 => "Made 1 promise this week.".to_owned(),
        n => format!("Made {n} promises this week."),
    }];
    let settled: Vec<String> = [
        (f.kept, "kept"),
        (f.broken, "not kept"),
        (f.renegotiated, "renegotiated"),
        (f.withdrawn, "withdrawn"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, word)| format!("{count} {word}"))
    .collect();
    if !settled.is_empty() {
        sentences.push(format!("Closed this week: {}.", settled.join(", ")));
    }
    // What each noticed, as history: a count that is zero is left out, never shown as a lack.
    if f.acknowledgements_received > 0 {
        sentences.push(format!(
            "{other} noticed {} of {}'s kept promises or kind acts.",
            f.acknowledgements_received, part.partner
        ));
    }
    if f.acknowledgements_given > 0 {
        sentences.push(format!(
            "{} noticed {} of {other}'s.",
            part.partner, f.acknowledgements_given
        ));
    }
    sentences.join(" ")
}

fn promise_line(p: &PromiseLine, other: &str) -> Vec<Inline> {
    let mut words = format!("{}: {}", p.text, outcome(p.status));
    if p.status == PromiseStatus::Open
        && let Some(due) = p.due
    {
        words.push_str(&format!(", due {}", long_day(due)));
    }
    if !p.made_this_week {
        words.push_str(&format!(" (made {})", long_day(p.made)));
    }
    if p.noticed {
        words.push_str(&format!("; {other} noticed"));
    }
    vec![text(words)]
}

/// A promise's status in calm words: "not kept" rather than "broken".
pub fn outcome(status: PromiseStatus) -> &'static str {
    match status {
        PromiseStatus::Open => "still open",
        PromiseStatus::Kept => "kept",
        PromiseStatus::Broken => "not kept",
        PromiseStatus::Renegotiated => "renegotiated",
        PromiseStatus::Withdrawn => "withdrawn",
    }
}

fn communication(summary: &Summary, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "Honest communication".into()));
    for partner in &summary.communication {
        blocks.push(Block::Heading(3, partner.partner.clone()));
        shared_entries(partner, blocks);
    }
}

fn shared_entries(partner: &PartnerEntries, blocks: &mut Vec<Block>) {
    if partner.waiting_to_open > 0 {
        blocks.push(Block::Paragraph(vec![text(waiting_words(
            &partner.partner,
            &partner.other,
            partner.waiting_to_open,
        ))]));
    }
    if partner.evenings.is_empty() {
        if partner.waiting_to_open == 0 {
            blocks.push(Block::Paragraph(vec![text("Nothing shared this week.")]));
        }
        return;
    }
    for EveningEntries { day, entries } in &partner.evenings {
        blocks.push(Block::Heading(4, long_day(*day)));
        for entry in entries {
            let about = match &entry.prompt {
                Some(prompt) => format!("{}: {prompt}", entry.stage.title()),
                None => entry.stage.title().to_owned(),
            };
            blocks.push(Block::Lead(vec![Inline::Emphasis(about)]));
            blocks.push(Block::Quote(entry.text.clone()));
        }
    }
}

fn healing(summary: &Summary, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "Healing".into()));
    blocks.push(Block::Paragraph(vec![text(summary.healing.trend)]));
    if summary.healing.notes.is_empty() {
        return;
    }
    blocks.push(Block::Paragraph(vec![text("Check-in notes:")]));
    blocks.push(Block::List(
        summary
            .healing
            .notes
            .iter()
            .map(|n| {
                vec![
                    text(format!("{}, ", long_day(n.day))),
                    Inline::Strong(n.partner.clone()),
                    text(": "),
                    Inline::Written(n.note.clone()),
                ]
            })
            .collect(),
    ));
}

fn looking_ahead(ahead: &LookingAhead, has_data: bool, blocks: &mut Vec<Block>) {
    if !has_data && ahead.promises_due.is_empty() && ahead.what_would_help.is_empty() {
        return;
    }
    blocks.push(Block::Heading(
        2,
        format!("Looking ahead to week {}", ahead.next_week.label),
    ));
    if ahead.promises_due.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "No open promises are due next week.",
        )]));
    } else {
        blocks.push(Block::Paragraph(vec![text("Open promises due next week:")]));
        blocks.push(Block::List(
            ahead
                .promises_due
                .iter()
                .map(|d| {
                    vec![text(format!(
                        "{} to {}: {}, due {}",
                        d.by,
                        d.to,
                        d.text,
                        long_day(d.due)
                    ))]
                })
                .collect(),
        ));
    }
    for HelpLine {
        partner,
        day,
        text: said,
    } in &ahead.what_would_help
    {
        blocks.push(Block::Lead(vec![
            text("What would help next week, as "),
            Inline::Strong(partner.clone()),
            text(format!(" wrote on {}:", long_day(*day))),
        ]));
        blocks.push(Block::Quote(said.clone()));
    }
}

/// "Monday 23 November to Sunday 29 November 2026", with both years when they differ.
fn span(week: &WeekSpan) -> String {
    let (first, last) = (week.first_evening, week.last_evening);
    if first.format("%Y").to_string() == last.format("%Y").to_string() {
        format!("{} to {}", long_day(first), last.format("%A %-d %B %Y"))
    } else {
        format!(
            "{} to {}",
            first.format("%A %-d %B %Y"),
            last.format("%A %-d %B %Y")
        )
    }
}

/// What follows a partner's name: the evenings they checked in and shared writing.
fn evenings_words(glance: &Glance) -> String {
    let evenings = |count: u32| match count {
        1 => "1 evening".to_owned(),
        n => format!("{n} evenings"),
    };
    match (glance.evenings_checked_in, glance.evenings_written) {
        (0, 0) => ": a week with no check-ins and nothing shared in writing.".into(),
        (0, wrote) => format!(
            " shared writing on {}; a week with no check-ins.",
            evenings(wrote)
        ),
        (checked_in, 0) => format!(
            " checked in on {}; nothing shared in writing this week.",
            evenings(checked_in)
        ),
        (checked_in, wrote) => format!(
            " checked in on {} and shared writing on {}.",
            evenings(checked_in),
            evenings(wrote)
        ),
    }
}

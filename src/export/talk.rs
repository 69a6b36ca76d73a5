//! The summary's "The weekly talk" section: the data, and its words for Markdown and HTML.
//!
//! It is there only when the couple had a talk that week. The talk was written together at
//! one screen, so both partners' parts are the couple's to keep.

use chrono::NaiveDate;
use serde::Serialize;

use super::blocks::{Block, Inline, long_day};
use crate::journal::text::printable;
use crate::journal::{Journal, PartnerId, Week};

/// A partner's words or name as the summary shows them (see `summary::words`).
fn words(text: &str) -> String {
    printable(text).into_owned()
}

/// The week's talk, as the summary shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TalkPart {
    /// The couple closed it (otherwise it was paused partway).
    pub closed: bool,
    /// One of them did not feel safe enough, so it was appreciations only.
    pub appreciations_only: bool,
    /// Each partner's parts, in the order they took their turns.
    pub sides: Vec<TalkSideLine>,
    /// Promises made from the talk.
    pub promises: Vec<TalkPromiseLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TalkSideLine {
    pub partner: String,
    pub appreciations: Vec<String>,
    /// Their one issue in their words, with what the other heard; `null` when they had none.
    pub issue: Option<IssueLine>,
    /// "What would help you feel cared for this week?"
    pub cared_for: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IssueLine {
    pub words: String,
    pub heard: Option<String>,
    /// They said "yes, that's it".
    pub understood: bool,
    pub clarified: Option<String>,
    pub heard_again: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TalkPromiseLine {
    pub by: String,
    pub to: String,
    pub text: String,
    pub due: Option<NaiveDate>,
}

/// The week's talk, or `None` when there was none.
pub fn talk(journal: &Journal, week: Week) -> Option<TalkPart> {
    let talk = journal.talk_for(week)?;
    let name = |id: PartnerId| words(journal.name_of(id));
    let side_of = |id: PartnerId| talk.side(id);
    let sides = talk
        .sides
        .iter()
        .map(|side| {
            let listener = talk
                .sides
                .iter()
                .find(|s| s.partner != side.partner)
                .map(|s| s.partner);
            let heard_by = listener.and_then(side_of);
            TalkSideLine {
                partner: name(side.partner),
                appreciations: side.written_appreciations().map(words).collect(),
                issue: side
                    .issue
                    .as_deref()
                    .filter(|_| !side.issue_skipped)
                    .map(|issue| IssueLine {
                        words: words(issue),
                        heard: heard_by.and_then(|l| l.heard.as_deref()).map(words),
                        understood: side.understood,
                        clarified: side.clarified.as_deref().map(words),
                        heard_again: heard_by.and_then(|l| l.heard_again.as_deref()).map(words),
                    }),
                cared_for: side.cared_for.as_deref().map(words),
            }
        })
        .collect();
    let promises = talk
        .promises
        .iter()
        .filter_map(|id| journal.live_promises().find(|p| p.meta.id == *id))
        .map(|p| TalkPromiseLine {
            by: name(p.by()),
            to: name(p.to),
            text: words(&p.text),
            due: p.due,
        })
        .collect();
    Some(TalkPart {
        closed: talk.is_closed(),
        appreciations_only: talk.appreciations_only(),
        sides,
        promises,
    })
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// The section in words, or nothing when there was no talk.
pub fn talk_words(part: Option<&TalkPart>, blocks: &mut Vec<Block>) {
    let Some(part) = part else {
        return;
    };
    blocks.push(Block::Heading(2, "The weekly talk".into()));
    if part.appreciations_only {
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(
            "This week's talk was appreciations only, and that is fine.".into(),
        )]));
    } else if !part.closed {
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(
            "The talk was paused partway; here is what was written.".into(),
        )]));
    }
    for side in &part.sides {
        if !side.appreciations.is_empty() {
            blocks.push(Block::Paragraph(vec![
                Inline::Strong(side.partner.clone()),
                text(" appreciated:"),
            ]));
            blocks.push(Block::List(
                side.appreciations
                    .iter()
                    .map(|a| vec![Inline::Written(a.clone())])
                    .collect(),
            ));
        }
    }
    for side in &part.sides {
        let Some(issue) = &side.issue else {
            continue;
        };
        blocks.push(Block::Paragraph(vec![
            Inline::Strong(side.partner.clone()),
            text(" brought one thing to talk about:"),
        ]));
        blocks.push(Block::Quote(issue.words.clone()));
        let speaker = &side.partner;
        let listener = part
            .sides
            .iter()
            .find(|s| s.partner != side.partner)
            .map_or("The other", |s| s.partner.as_str());
        let mut heard = Vec::new();
        if let Some(h) = &issue.heard {
            heard.push(vec![
                text(format!("{listener} heard: ")),
                Inline::Written(h.clone()),
            ]);
        }
        if let Some(c) = &issue.clarified {
            heard.push(vec![
                text(format!("{speaker} said once more: ")),
                Inline::Written(c.clone()),
            ]);
        }
        if let Some(h) = &issue.heard_again {
            heard.push(vec![
                text(format!("{listener} heard again: ")),
                Inline::Written(h.clone()),
            ]);
        }
        if issue.understood {
            heard.push(vec![text(format!("{speaker}: “Yes, that's it.”"))]);
        }
        if !heard.is_empty() {
            blocks.push(Block::List(heard));
        }
    }
    let answers: Vec<Vec<Inline>> = part
        .sides
        .iter()
        .filter_map(|s| {
            let answer = s.cared_for.as_ref()?;
            Some(vec![
                Inline::Strong(s.partner.clone()),
                text(": "),
                Inline::Written(answer.clone()),
            ])
        })
        .collect();
    if !answers.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "What would help each of you feel cared for this week:",
        )]));
        blocks.push(Block::List(answers));
    }
    if !part.promises.is_empty() {
        blocks.push(Block::Paragraph(vec![text("Promises made from the talk:")]));
        blocks.push(Block::List(
            part.promises
                .iter()
                .map(|p| {
                    let due = p
                        .due
                        .map(|d| format!(", by {}", long_day(d)))
                        .unwrap_or_default();
                    vec![
                        Inline::Strong(p.by.clone()),
                        text(format!(" to {}: ", p.to)),
                        Inline::Written(p.text.clone()),
                        text(due),
                    ]
                })
                .collect(),
        ));
    }
}

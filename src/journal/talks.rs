//! The journal's weekly talks: starting or resuming the week's one talk, and saving its parts.

use chrono::{DateTime, Utc};

use super::book::Journal;
use super::day::Week;
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::meta::{Extra, insert_sorted, live};
use super::plan_error::{PlanError, check_words};
use super::talk::{APPRECIATIONS, MOST_TALK_PART_CHARS, Talk, TalkSide, TalkStep};

/// One part of a talk, written by one partner into their own side (or, for a move to the
/// next step and a promise made from the talk, into the talk they share). Words are saved as
/// they are typed, like a draft; an empty text clears the part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TalkPart {
    /// "Do you feel safe enough to talk tonight?"
    Safe(bool),
    /// One of their three appreciations (`index` 0, 1 or 2).
    Appreciation { index: usize, text: String },
    /// Their one issue, as they are writing it; `done` once they finished.
    Issue { text: String, done: bool },
    /// They will not bring an issue this week.
    SkipIssue,
    /// As the listener: what they heard of the other's issue.
    Heard { text: String, done: bool },
    /// As the speaker: "yes, that's it".
    Understood,
    /// As the speaker: their one clarification.
    Clarify { text: String, done: bool },
    /// As the listener: what they heard of the clarification.
    HeardAgain { text: String, done: bool },
    /// "What would help you feel cared for this week?"
    CaredFor { text: String, done: bool },
    /// Together they move on to this step.
    MoveTo(TalkStep),
    /// A promise made from the talk's answers.
    Promise(RecordId),
}

impl Journal {
    /// Talks that have not been deleted.
    pub fn live_talks(&self) -> impl Iterator<Item = &Talk> {
        live(&self.talks)
    }

    /// The week's talk, if the couple started one.
    pub fn talk_for(&self, week: Week) -> Option<&Talk> {
        self.live_talks().find(|t| week.contains(t.week))
    }

    /// Saves one part of the week's talk, starting it (with `by` taking the first turns)
    /// when there is none yet. A week has one talk: starting again resumes it.
    pub fn save_talk_part(
        &mut self,
        week: Week,
        by: PartnerId,
        part: TalkPart,
        now: DateTime<Utc>,
    ) -> Result<RecordId, PlanError> {
        self.require_partner(by)?;
        let other = self
            .other_partner(by)
            .map(|p| p.id)
            .ok_or(DomainError::UnknownPartnerId(by))?;
        if let TalkPart::Promise(id) = part
            && !self.live_promises().any(|p| p.meta.id == id)
        {
            return Err(DomainError::UnknownRecord(id).into());
        }
        // The part is written into a copy first, so words refused leave the journal as it was.
        let existing = self
            .talks
            .iter()
            .position(|t| !t.meta.deleted && week.contains(t.week));
        let mut talk = match existing {
            Some(at) => self.talks[at].clone(),
            None => Talk {
                meta: self.new_meta(by, now),
                week: week.start(),
                reached: TalkStep::Arriving,
                sides: vec![TalkSide::new(by), TalkSide::new(other)],
                promises: Vec::new(),
                extra: Extra::new(),
            },
        };
        write_part(&mut talk, by, part)?;
        let id = talk.meta.id;
        match existing {
            Some(at) => {
                let device = self.device().clone();
                talk.meta.touch(now, &device);
                self.talks[at] = talk;
            }
            None => insert_sorted(&mut self.talks, talk),
        }
        Ok(id)
    }
}

/// Writes one part into the talk: into `by`'s own side, or the talk's shared fields.
fn write_part(talk: &mut Talk, by: PartnerId, part: TalkPart) -> Result<(), PlanError> {
    match part {
        TalkPart::MoveTo(step) => {
            talk.reached = talk.reached.max(step);
            return Ok(());
        }
        TalkPart::Promise(id) => {
            if !talk.promises.contains(&id) {
                talk.promises.push(id);
            }
            return Ok(());
        }
        _ => {}
    }
    if talk.side(by).is_none() {
        talk.sides.push(TalkSide::new(by));
    }
    let side = talk
        .sides
        .iter_mut()
        .find(|s| s.partner == by)
        .ok_or(DomainError::UnknownPartnerId(by))?;
    match part {
        TalkPart::Safe(safe) => side.safe = Some(safe),
        TalkPart::Appreciation { index, text } => {
            let index = index.min(APPRECIATIONS - 1);
            let text = draft("appreciation", &text)?.unwrap_or_default();
            if side.appreciations.len() <= index {
                side.appreciations.resize(index + 1, String::new());
            }
            side.appreciations[index] = text;
            while side.appreciations.last().is_some_and(String::is_empty) {
                side.appreciations.pop();
            }
        }
        TalkPart::Issue { text, done } => {
            side.issue = draft("issue", &text)?;
            side.issue_done = done && side.issue.is_some();
            side.issue_skipped = false;
        }
        TalkPart::SkipIssue => {
            side.issue_skipped = true;
            side.issue_done = false;
        }
        TalkPart::Heard { text, done } => {
            side.heard = draft("what you heard", &text)?;
            side.heard_done = done && side.heard.is_some();
        }
        TalkPart::Understood => side.understood = true,
        TalkPart::Clarify { text, done } => {
            side.clarified = draft("clarification", &text)?;
            side.clarified_done = done && side.clarified.is_some();
        }
        TalkPart::HeardAgain { text, done } => {
            side.heard_again = draft("what you heard", &text)?;
            side.heard_again_done = done && side.heard_again.is_some();
        }
        TalkPart::CaredFor { text, done } => {
            side.cared_for = draft("answer", &text)?;
            side.cared_for_done = done && side.cared_for.is_some();
        }
        TalkPart::MoveTo(_) | TalkPart::Promise(_) => {}
    }
    Ok(())
}

/// Words being written: `None` while blank, refused when too long.
fn draft(what: &'static str, text: &str) -> Result<Option<String>, PlanError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    check_words(what, text, MOST_TALK_PART_CHARS).map(|_| Some(text.to_owned()))
}

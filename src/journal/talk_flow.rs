//! The weekly talk as a pure state machine: where a talk stands follows from what is saved.
//!
//! Nothing here is kept apart from the record, so a talk closed midway resumes exactly where
//! it stopped: [`step_of`] reads the saved parts, and [`move_on`] says which part moves the
//! couple on from a step they finished together.

use chrono::NaiveDate;

use super::day::shift;
use super::ids::PartnerId;
use super::promises::NewPromise;
use super::talk::{Talk, TalkSide, TalkStep};

/// Whose turn it is within the one issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueTurn {
    /// The speaker writes what they feel and what they need (or skips).
    Speak,
    /// The listener writes what they heard.
    Listen,
    /// The speaker says "yes, that's it" or clarifies once.
    Confirm,
    /// The speaker writes their clarification.
    Clarify,
    /// The listener writes what they heard of the clarification.
    ListenAgain,
}

/// Where a talk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Each says whether they feel safe enough; `asking` is the one yet to answer.
    Arriving {
        asking: PartnerId,
    },
    Appreciations,
    WentWell,
    Issue {
        speaker: PartnerId,
        listener: PartnerId,
        turn: IssueTurn,
    },
    /// Each answers "What would help you feel cared for?"; `answering` is None once both
    /// have, when an answer can become a promise.
    NextWeek {
        answering: Option<PartnerId>,
    },
    Closing,
    Closed,
}

/// Where the talk stands: `first` takes the first turns when it has not started yet.
pub fn step_of(talk: Option<&Talk>, first: PartnerId) -> Step {
    let Some(talk) = talk else {
        return Step::Arriving { asking: first };
    };
    if talk.is_closed() {
        return Step::Closed;
    }
    if let Some(side) = talk.sides.iter().find(|s| s.safe.is_none()) {
        return Step::Arriving {
            asking: side.partner,
        };
    }
    if talk.reached <= TalkStep::Appreciations {
        return Step::Appreciations;
    }
    if talk.appreciations_only() || talk.reached >= TalkStep::Closing {
        return Step::Closing;
    }
    if talk.reached == TalkStep::WentWell {
        return Step::WentWell;
    }
    let [a, b] = match talk.sides.as_slice() {
        [a, b] => [a, b],
        _ => return Step::Closing,
    };
    for (speaker, listener) in [(a, b), (b, a)] {
        if let Some(turn) = issue_turn(speaker, listener) {
            return Step::Issue {
                speaker: speaker.partner,
                listener: listener.partner,
                turn,
            };
        }
    }
    let answering = [a, b]
        .into_iter()
        .find(|s| !s.cared_for_done)
        .map(|s| s.partner);
    Step::NextWeek { answering }
}

/// The turn within `speaker`'s issue, or None when it is talked through or skipped.
fn issue_turn(speaker: &TalkSide, listener: &TalkSide) -> Option<IssueTurn> {
    if speaker.issue_skipped {
        return None;
    }
    if !speaker.issue_done {
        return Some(IssueTurn::Speak);
    }
    if !listener.heard_done {
        return Some(IssueTurn::Listen);
    }
    if speaker.understood {
        return None;
    }
    if speaker.clarified.is_none() && !speaker.clarified_done {
        return Some(IssueTurn::Confirm);
    }
    if !speaker.clarified_done {
        return Some(IssueTurn::Clarify);
    }
    if !listener.heard_again_done {
        return Some(IssueTurn::ListenAgain);
    }
    None
}

/// The step the couple moves to when they finish `step` together, if it is one they finish
/// together (the turns inside a step move on as each part is done).
pub fn move_on(step: Step, talk: Option<&Talk>) -> Option<TalkStep> {
    match step {
        Step::Appreciations if talk.is_some_and(Talk::appreciations_only) => {
            Some(TalkStep::Closing)
        }
        Step::Appreciations => Some(TalkStep::WentWell),
        Step::WentWell => Some(TalkStep::Issue),
        Step::NextWeek { answering: None } => Some(TalkStep::Closing),
        Step::Closing => Some(TalkStep::Closed),
        _ => None,
    }
}

/// The promise form's first words when `by` turns the other's answer into a promise to them:
/// their words, due on the last evening of the coming seven.
pub fn promise_from_answer(talk: &Talk, by: PartnerId, today: NaiveDate) -> Option<NewPromise> {
    let answer = talk.sides.iter().find(|s| s.partner != by)?;
    let text = answer.cared_for.as_deref()?.trim();
    if text.is_empty() {
        return None;
    }
    Some(NewPromise {
        by,
        to: answer.partner,
        text: text.to_owned(),
        made: today,
        due: Some(shift(today, 6)),
        size: None,
    })
}

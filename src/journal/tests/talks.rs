//! The weekly talk: its flow as a state machine, each part saved in its author's side.

use super::fixture::*;
use crate::journal::talk_flow::{IssueTurn, Step, move_on, promise_from_answer, step_of};
use crate::journal::*;

fn week() -> Week {
    Week::iso_containing(day(2026, 11, 18))
}

fn say(j: &mut Journal, by: PartnerId, part: TalkPart) {
    Change::SaveTalkPart {
        week: week(),
        by,
        part,
    }
    .apply(j, now(), today())
    .unwrap();
}

fn step(j: &Journal, first: PartnerId) -> Step {
    step_of(j.talk_for(week()), first)
}

/// Moves on together from the step the talk is at.
fn next(j: &mut Journal, by: PartnerId) {
    let at = step(j, by);
    let to = move_on(at, j.talk_for(week())).expect("a step finished together");
    say(j, by, TalkPart::MoveTo(to));
}

fn text(t: &str, done: bool) -> (String, bool) {
    (t.to_owned(), done)
}

/// Both safe, three appreciations each, and on to what went well.
fn arrived(j: &mut Journal, a: PartnerId, s: PartnerId) {
    say(j, a, TalkPart::Safe(true));
    say(j, s, TalkPart::Safe(true));
    for (i, words) in ["dinner", "the call", "the walk"].iter().enumerate() {
        let text = (*words).to_owned();
        say(
            j,
            a,
            TalkPart::Appreciation {
                index: i,
                text: text.clone(),
            },
        );
        say(j, s, TalkPart::Appreciation { index: i, text });
    }
    next(j, a);
    assert_eq!(step(j, a), Step::WentWell);
    next(j, a);
}

#[test]
fn a_talk_not_started_asks_the_first_partner_if_they_feel_safe() {
    let (j, a, _) = couple();
    assert_eq!(step(&j, a), Step::Arriving { asking: a });
    assert!(j.talk_for(week()).is_none());
}

#[test]
fn both_safe_goes_through_appreciations_and_what_went_well_to_the_issue() {
    let (mut j, a, s) = couple();
    say(&mut j, a, TalkPart::Safe(true));
    assert_eq!(step(&j, a), Step::Arriving { asking: s });
    say(&mut j, s, TalkPart::Safe(true));
    assert_eq!(step(&j, a), Step::Appreciations);
    arrived(&mut j, a, s);
    assert_eq!(
        step(&j, a),
        Step::Issue {
            speaker: a,
            listener: s,
            turn: IssueTurn::Speak
        }
    );
    let talk = j.talk_for(week()).unwrap();
    assert_eq!(
        talk.side(s).unwrap().appreciations,
        ["dinner", "the call", "the walk"]
    );
    assert_eq!(talk.week, week().start());
}

#[test]
fn one_not_safe_makes_it_appreciations_only() {
    let (mut j, a, s) = couple();
    say(&mut j, a, TalkPart::Safe(true));
    say(&mut j, s, TalkPart::Safe(false));
    assert_eq!(step(&j, a), Step::Appreciations);
    say(
        &mut j,
        s,
        TalkPart::Appreciation {
            index: 0,
            text: "you listened".into(),
        },
    );
    next(&mut j, a);
    // Straight from appreciations to the closing: no figures, no issue, no promises.
    assert_eq!(step(&j, a), Step::Closing);
    next(&mut j, a);
    assert_eq!(step(&j, a), Step::Closed);
    assert!(j.talk_for(week()).unwrap().appreciations_only());
}

#[test]
fn skipping_the_issue_passes_the_turn_and_then_on_to_next_week() {
    let (mut j, a, s) = couple();
    arrived(&mut j, a, s);
    say(&mut j, a, TalkPart::SkipIssue);
    assert_eq!(
        step(&j, a),
        Step::Issue {
            speaker: s,
            listener: a,
            turn: IssueTurn::Speak
        }
    );
    say(&mut j, s, TalkPart::SkipIssue);
    assert_eq!(step(&j, a), Step::NextWeek { answering: Some(a) });
}

#[test]
fn the_listener_writes_what_they_heard_and_the_speaker_confirms_or_clarifies_once() {
    let (mut j, a, s) = couple();
    arrived(&mut j, a, s);
    let (t, d) = text("I feel alone when you're late. I need a text.", true);
    say(&mut j, a, TalkPart::Issue { text: t, done: d });
    assert_eq!(
        step(&j, a),
        Step::Issue {
            speaker: a,
            listener: s,
            turn: IssueTurn::Listen
        }
    );
    // Half-written words are kept, and the turn stays with the listener.
    say(
        &mut j,
        s,
        TalkPart::Heard {
            text: "You feel alo".into(),
            done: false,
        },
    );
    assert_eq!(
        step(&j, a),
        Step::Issue {
            speaker: a,
            listener: s,
            turn: IssueTurn::Listen
        }
    );
    say(
        &mut j,
        s,
        TalkPart::Heard {
            text: "You feel alone.".into(),
            done: true,
        },
    );
    assert_eq!(
        step(&j, a),
        Step::Issue {
            speaker: a,
            listener: s,
            turn: IssueTurn::Confirm
        }
    );
    say(
        &mut j,
        a,
        TalkPart::Clarify {
            text: "Alone and forgotten.".into(),
            done: true,
        },
    );
    assert_eq!(
        step(&j, a),
        Step::Issue {
            speaker: a,
            listener: s,
            turn: IssueTurn::ListenAgain
        }
    );
    say(
        &mut j,
        s,
        TalkPart::HeardAgain {
            text: "Forgotten, too.".into(),
            done: true,
        },
    );
    // The roles switch.
    assert_eq!(
        step(&j, a),
        Step::Issue {
            speaker: s,
            listener: a,
            turn: IssueTurn::Speak
        }
    );
    say(
        &mut j,
        s,
        TalkPart::Issue {
            text: "I need rest.".into(),
            done: true,
        },
    );
    say(
        &mut j,
        a,
        TalkPart::Heard {
            text: "You need rest.".into(),
            done: true,
        },
    );
    say(&mut j, s, TalkPart::Understood);
    assert_eq!(step(&j, a), Step::NextWeek { answering: Some(a) });
    // Each partner's words are in their own side.
    let talk = j.talk_for(week()).unwrap();
    assert_eq!(
        talk.side(s).unwrap().heard.as_deref(),
        Some("You feel alone.")
    );
    assert_eq!(talk.side(a).unwrap().heard, Some("You need rest.".into()));
    assert!(talk.side(s).unwrap().understood);
}

#[test]
fn an_answer_becomes_a_promise_due_this_coming_week() {
    let (mut j, a, s) = couple();
    arrived(&mut j, a, s);
    say(&mut j, a, TalkPart::SkipIssue);
    say(&mut j, s, TalkPart::SkipIssue);
    say(
        &mut j,
        a,
        TalkPart::CaredFor {
            text: "A walk on Sunday".into(),
            done: true,
        },
    );
    assert_eq!(step(&j, a), Step::NextWeek { answering: Some(s) });
    say(
        &mut j,
        s,
        TalkPart::CaredFor {
            text: "Dinner together".into(),
            done: true,
        },
    );
    assert_eq!(step(&j, a), Step::NextWeek { answering: None });
    // Sam turns Alex's answer into a promise to Alex.
    let talk = j.talk_for(week()).unwrap();
    let new = promise_from_answer(talk, s, today()).unwrap();
    assert_eq!(
        (new.by, new.to, new.text.as_str()),
        (s, a, "A walk on Sunday")
    );
    let due = new.due.unwrap();
    assert!(due > today() && due <= shift(today(), 7), "{due}");
    let id = j.add_promise(new, now(), today()).unwrap();
    say(&mut j, s, TalkPart::Promise(id));
    assert_eq!(j.talk_for(week()).unwrap().promises, [id]);
    next(&mut j, a);
    assert_eq!(step(&j, a), Step::Closing);
    next(&mut j, a);
    assert_eq!(step(&j, a), Step::Closed);
}

#[test]
fn a_half_done_talk_resumes_where_it_stopped_and_a_week_has_one_talk() {
    let (mut j, a, s) = couple();
    arrived(&mut j, a, s);
    say(
        &mut j,
        a,
        TalkPart::Issue {
            text: "I feel tir".into(),
            done: false,
        },
    );
    // The journal saved and read back, as a window closed midway and opened again.
    let saved = serde_json::to_string(&j).unwrap();
    let mut back: Journal = serde_json::from_str(&saved).unwrap();
    assert_eq!(back, j);
    // Starting again, from either partner, resumes the same talk at the same turn.
    assert_eq!(
        step_of(back.talk_for(week()), s),
        Step::Issue {
            speaker: a,
            listener: s,
            turn: IssueTurn::Speak
        }
    );
    assert_eq!(
        back.talk_for(week())
            .unwrap()
            .side(a)
            .unwrap()
            .issue
            .as_deref(),
        Some("I feel tir")
    );
    say(&mut back, s, TalkPart::Safe(true));
    assert_eq!(back.live_talks().count(), 1);
    assert!(back.problems(today()).is_empty());
}

#[test]
fn a_part_that_is_too_long_is_refused_and_nothing_changes() {
    let (mut j, a, _) = couple();
    let before = j.clone();
    let err = Change::SaveTalkPart {
        week: week(),
        by: a,
        part: TalkPart::CaredFor {
            text: "x".repeat(MOST_TALK_PART_CHARS + 1),
            done: false,
        },
    }
    .apply(&mut j, now(), today());
    assert!(err.is_err());
    assert_eq!(j, before, "nothing is written, not even an empty talk");
}

#[test]
fn two_live_talks_for_one_week_are_a_problem() {
    let (mut j, a, _) = couple();
    say(&mut j, a, TalkPart::Safe(true));
    let mut second = j.talks[0].clone();
    second.meta.id = uuid::Uuid::now_v7();
    j.talks.push(second);
    let problems = j.problems(today());
    assert!(
        problems.iter().any(|p| p.contains("a week has one")),
        "{problems:?}"
    );
}

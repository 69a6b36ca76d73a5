//! Property test: any journal saves and loads back equal, and unknown fields survive a load and a save.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use mend::journal::{
    Journal, NewCheckin, NewEntry, NewPromise, PromiseAction, PromiseSize, Rating, Role, Stage,
    Visibility,
};
use mend::store::{RealFs, load, save};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::path::Path;

fn base_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Free text: arbitrary unicode, plus emoji, CJK, quotes, backslashes and newlines. Never blank.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 .,!?'\"\\\\\n\r\t😀🌱❤️🧡漢字日本語한국어éüßΩ\u{200d}\u{2028}]{1,60}",
        Just("\"quoted\" and \\backslash\\ and \u{2028} and \u{0}".to_owned()),
        Just("🧡🌙 我们今晚谈了很多。\n\n\t— \"终于\" {\"json\": [1, 2]}".to_owned()),
    ]
    .prop_map(|s| {
        if s.trim().is_empty() {
            format!("x{s}")
        } else {
            s
        }
    })
}

/// A partner name, made distinct from the other one by its last character.
fn name(suffix: char) -> impl Strategy<Value = String> {
    "[\\p{L}\\p{N}😀 '-]{0,15}".prop_map(move |s| format!("{s}{suffix}"))
}

fn role() -> impl Strategy<Value = Option<Role>> {
    prop::option::of(prop::sample::select(Role::ALL.to_vec()))
}

#[derive(Debug, Clone)]
enum Op {
    Entry {
        second: bool,
        back: u8,
        stage: Stage,
        private: bool,
        prompt: Option<(String, String)>,
        text: String,
    },
    Checkin {
        second: bool,
        back: u8,
        ratings: [u8; 3],
        note: Option<String>,
        private: bool,
    },
    Promise {
        second: bool,
        text: String,
        due: Option<u8>,
        size: Option<PromiseSize>,
    },
    Change {
        pick: usize,
        action: u8,
        note: Option<String>,
        text: Option<String>,
        due: Option<u8>,
    },
    AckPromise {
        pick: usize,
        note: Option<String>,
    },
    Kind {
        second: bool,
        back: u8,
        text: String,
    },
    AckKind {
        pick: usize,
        note: Option<String>,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (
            any::<bool>(),
            0u8..60,
            prop::sample::select(Stage::ALL.to_vec()),
            any::<bool>(),
            prop::option::of(("[a-z0-9.-]{1,20}", text())),
            text(),
        )
            .prop_map(|(second, back, stage, private, prompt, text)| Op::Entry {
                second,
                back,
                stage,
                private,
                prompt,
                text,
            }),
        2 => (
            any::<bool>(),
            0u8..10,
            [0u8..=10, 0u8..=10, 0u8..=10],
            prop::option::of(text()),
            any::<bool>(),
        )
            .prop_map(|(second, back, ratings, note, private)| Op::Checkin {
                second,
                back,
                ratings,
                note,
                private,
            }),
        2 => (
            any::<bool>(),
            text(),
            prop::option::of(0u8..30),
            prop::option::of(prop::sample::select(vec![PromiseSize::Small, PromiseSize::Big])),
        )
            .prop_map(|(second, text, due, size)| Op::Promise {
                second,
                text,
                due,
                size,
            }),
        2 => (
            any::<usize>(),
            0u8..4,
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(0u8..30),
        )
            .prop_map(|(pick, action, note, text, due)| Op::Change {
                pick,
                action,
                note,
                text,
                due,
            }),
        1 => (any::<usize>(), prop::option::of(text()))
            .prop_map(|(pick, note)| Op::AckPromise { pick, note }),
        2 => (any::<bool>(), 0u8..60, text())
            .prop_map(|(second, back, text)| Op::Kind { second, back, text }),
        1 => (any::<usize>(), prop::option::of(text()))
            .prop_map(|(pick, note)| Op::AckKind { pick, note }),
    ]
}

/// Builds a journal through the library's own API. Changes the rules refuse are skipped.
fn build(names: (String, String), roles: (Option<Role>, Option<Role>), ops: &[Op]) -> Journal {
    let started = today() - Duration::days(90);
    let mut j = Journal::new(
        (&names.0, roles.0),
        (&names.1, roles.1),
        base_now() - Duration::days(90),
        started,
    )
    .expect("distinct valid names");
    let ids = [j.partners[0].id, j.partners[1].id];
    let who = |second: bool| ids[usize::from(second)];
    let day = |back: u8| today() - Duration::days(i64::from(back));
    for (i, op) in ops.iter().cloned().enumerate() {
        let now = base_now() + Duration::milliseconds(i64::try_from(i).unwrap() * 1_337);
        let _ = match op {
            Op::Entry {
                second,
                back,
                stage,
                private,
                prompt,
                text,
            } => j
                .add_entry(
                    NewEntry {
                        author: who(second),
                        day: day(back),
                        stage,
                        prompt_id: prompt.as_ref().map(|p| p.0.clone()),
                        prompt: prompt.map(|p| p.1),
                        text,
                        visibility: if private {
                            Visibility::Private
                        } else {
                            Visibility::Shared
                        },
                    },
                    now,
                    today(),
                )
                .map(drop),
            Op::Checkin {
                second,
                back,
                ratings,
                note,
                private,
            } => j
                .upsert_checkin(
                    NewCheckin {
                        author: who(second),
                        day: day(back),
                        safety: Rating::new(ratings[0]).unwrap(),
                        trust: Rating::new(ratings[1]).unwrap(),
                        connection: Rating::new(ratings[2]).unwrap(),
                        note,
                        note_visibility: if private {
                            Visibility::Private
                        } else {
                            Visibility::Shared
                        },
                    },
                    now,
                    today(),
                )
                .map(drop),
            Op::Promise {
                second,
                text,
                due,
                size,
            } => j
                .add_promise(
                    NewPromise {
                        by: who(second),
                        to: who(!second),
                        text,
                        made: today(),
                        due: due.map(|d| today() + Duration::days(i64::from(d))),
                        size,
                    },
                    now,
                    today(),
                )
                .map(drop),
            Op::Change {
                pick,
                action,
                note,
                text,
                due,
            } if !j.promises.is_empty() => {
                let p = &j.promises[pick % j.promises.len()];
                let (id, by) = (p.meta.id, p.by());
                let action = match action {
                    0 => PromiseAction::Keep,
                    1 => PromiseAction::Break,
                    2 => PromiseAction::Withdraw,
                    _ => PromiseAction::Renegotiate {
                        text,
                        due: due.map(|d| today() + Duration::days(i64::from(d))),
                    },
                };
                j.change_promise(id, by, action, note, now, today())
                    .map(drop)
            }
            Op::AckPromise { pick, note } if !j.promises.is_empty() => {
                let p = &j.promises[pick % j.promises.len()];
                let (id, to) = (p.meta.id, p.to);
                j.acknowledge_promise(id, to, note, now)
            }
            Op::Kind { second, back, text } => j
                .add_kind_act(who(second), &text, day(back), now, today())
                .map(drop),
            Op::AckKind { pick, note } if !j.kind_acts.is_empty() => {
                let k = &j.kind_acts[pick % j.kind_acts.len()];
                let (id, author) = (k.meta.id, k.meta.author);
                let other = if author == ids[0] { ids[1] } else { ids[0] };
                j.acknowledge_kind_act(id, other, note, now)
            }
            _ => Ok(()),
        };
    }
    j
}

/// Any JSON value, nested a little, with floats, big integers and awkward strings.
mod properties;

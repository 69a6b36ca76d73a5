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
        2 => (any::<bool>(), 0u8..10, [0u8..=10, 0u8..=10, 0u8..=10], prop::option::of(text()))
            .prop_map(|(second, back, ratings, note)| Op::Checkin {
                second,
                back,
                ratings,
                note,
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
            } => j
                .upsert_checkin(
                    NewCheckin {
                        author: who(second),
                        day: day(back),
                        safety: Rating::new(ratings[0]).unwrap(),
                        trust: Rating::new(ratings[1]).unwrap(),
                        connection: Rating::new(ratings[2]).unwrap(),
                        note,
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
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_A-Z0-9 ]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Where an unknown field goes.
#[derive(Debug, Clone, Copy)]
enum Place {
    Top,
    Settings,
    Partner(usize),
    Record(&'static str, usize),
    /// In a promise's history item.
    History(usize, usize),
    /// In a promise's or kind act's acknowledgement.
    Ack(&'static str, usize),
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        Just(Place::Top),
        Just(Place::Settings),
        (0usize..2).prop_map(Place::Partner),
        (
            prop::sample::select(vec!["entries", "checkins", "promises", "kind_acts"]),
            any::<usize>()
        )
            .prop_map(|(list, i)| Place::Record(list, i)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Place::History(i, j)),
        (
            prop::sample::select(vec!["promises", "kind_acts"]),
            any::<usize>()
        )
            .prop_map(|(list, i)| Place::Ack(list, i)),
    ]
}

/// Unknown fields: names no version of mend uses (they start with `x_`), any values.
fn unknowns() -> impl Strategy<Value = Vec<(Place, String, Value)>> {
    prop::collection::vec((place(), "x_[a-z0-9_]{1,10}", json_value()), 1..8)
}

/// Puts each unknown field into the journal's JSON (records that do not exist are skipped).
fn inject(doc: &mut Value, fields: &[(Place, String, Value)]) {
    for (place, key, value) in fields {
        let target: Option<&mut Map<String, Value>> = match *place {
            Place::Top => doc.as_object_mut(),
            Place::Settings => doc["settings"].as_object_mut(),
            Place::Partner(i) => doc["partners"][i].as_object_mut(),
            Place::Record(list, i) => pick(&mut doc[list], i),
            Place::History(i, j) => pick(&mut doc["promises"], i)
                .and_then(|p| p.get_mut("history"))
                .and_then(|h| pick(h, j)),
            Place::Ack(list, i) => pick(&mut doc[list], i)
                .and_then(|r| r.get_mut("acknowledged"))
                .and_then(Value::as_object_mut),
        };
        if let Some(object) = target {
            object.insert(key.clone(), value.clone());
        }
    }
}

/// The `i`th object of a JSON array (wrapping around), if the array has any.
fn pick(list: &mut Value, i: usize) -> Option<&mut Map<String, Value>> {
    let items = list.as_array_mut()?;
    let n = items.len();
    if n == 0 {
        return None;
    }
    items[i % n].as_object_mut()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_journal_saves_and_loads_back_equal(
        names in (name('1'), name('2')),
        roles in (role(), role()),
        ops in prop::collection::vec(op(), 0..30),
    ) {
        let journal = build(names, roles, &ops);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        save(&path, &journal, &RealFs).unwrap();
        let loaded = load(&path).unwrap().expect("the file is there");
        prop_assert_eq!(&loaded, &journal);
        // Saving what was loaded gives the same bytes: a stable order.
        let first = std::fs::read(&path).unwrap();
        save(&path, &loaded, &RealFs).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), first);
    }

    #[test]
    fn unknown_fields_survive_a_load_and_a_save(
        names in (name('1'), name('2')),
        roles in (role(), role()),
        ops in prop::collection::vec(op(), 1..30),
        fields in unknowns(),
    ) {
        let journal = build(names, roles, &ops);
        let mut doc = serde_json::to_value(&journal).unwrap();
        inject(&mut doc, &fields);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();

        let loaded = load(&path).unwrap().expect("the file is there");
        save(&path, &loaded, &RealFs).unwrap();
        // The saved file is the same document, unknown fields and all.
        let saved = read_json(&path);
        prop_assert_eq!(&saved, &doc);
        let again = load(&path).unwrap().expect("the file is there");
        prop_assert_eq!(&again, &loaded);
        // And the top-level unknown fields are reachable through the API (the last one wins).
        let mut top = Map::new();
        for (place, key, value) in &fields {
            if let Place::Top = place {
                top.insert(key.clone(), value.clone());
            }
        }
        for (key, value) in &top {
            let kept = again.extra.get(key).map(|raw| raw.to_value().unwrap());
            prop_assert_eq!(kept.as_ref(), Some(value));
        }
    }
}

/// A journal with a kept, acknowledged promise and an acknowledged kind act, for the nested-field test below.
fn journal_with_kept_promise() -> Journal {
    let mut j = Journal::new(("Alice", None), ("Bob", None), base_now(), today()).unwrap();
    let (a, b) = (j.partners[0].id, j.partners[1].id);
    let id = j
        .add_promise(
            NewPromise {
                by: a,
                to: b,
                text: "Call".into(),
                made: today(),
                due: None,
                size: None,
            },
            base_now(),
            today(),
        )
        .unwrap();
    j.change_promise(id, a, PromiseAction::Keep, None, base_now(), today())
        .unwrap();
    j.acknowledge_promise(id, b, None, base_now()).unwrap();
    let act = j
        .add_kind_act(b, "Tea", today(), base_now(), today())
        .unwrap();
    j.acknowledge_kind_act(act, a, None, base_now()).unwrap();
    j
}

#[test]
fn unknown_fields_nested_in_records_survive_a_load_and_a_save() {
    let journal = journal_with_kept_promise();
    let mut doc = serde_json::to_value(&journal).unwrap();
    doc["promises"][0]["history"][0]["x_mood"] = Value::from("relieved");
    doc["promises"][0]["acknowledged"]["x_hug"] = Value::from(true);
    doc["kind_acts"][0]["acknowledged"]["x_smile"] = Value::from(1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    let loaded = load(&path).unwrap().unwrap();
    save(&path, &loaded, &RealFs).unwrap();
    assert_eq!(read_json(&path), doc);
}

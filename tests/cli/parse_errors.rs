//! A journal that cannot be read is named by file, line, column and field, never by the value that was wrong.
//!
//! Hand edits put distinctive words where mend cannot use them; none reaches the message.

use crate::kit::{Mend, stderr};
use serde_json::{Value, json};

/// A journal with one record of each kind, made through the binary.
fn journal() -> (Mend, Value) {
    let m = Mend::with_journal();
    m.write("alice", "hi");
    m.ok(
        &[
            "checkin",
            "--as",
            "bob",
            "--safety",
            "1",
            "--trust",
            "2",
            "--connection",
            "3",
        ],
        "",
    );
    m.ok(
        &["promise", "add", "--by", "alice", "--to", "bob", "call"],
        "",
    );
    m.ok(&["kind", "add", "--by", "bob", "tea"], "");
    let value = m.journal_json();
    (m, value)
}

/// Each hand edit puts a distinctive word where mend cannot use it.
fn edits() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        (
            "/entries/0/stage",
            "field `entries[0].stage`",
            json!("It is late, but I wanted MARIGOLD"),
        ),
        (
            "/entries/0/visibility",
            "field `entries[0].visibility`",
            json!("PEACHBLOSSOM"),
        ),
        (
            "/entries/0/text",
            "field `entries[0].text`",
            json!(987_654_321),
        ),
        (
            "/entries/0/created",
            "field `entries[0].created`",
            json!("TANGERINE dawn"),
        ),
        (
            "/entries/0/day",
            "field `entries[0].day`",
            json!("CANDLE 2026-13-45"),
        ),
        (
            "/entries/0/id",
            "field `entries[0].id`",
            json!("ZEPHYRNOTANID"),
        ),
        (
            "/checkins/0/safety",
            "field `checkins[0].safety`",
            json!("LIGHTHOUSE"),
        ),
        (
            "/promises/0/status",
            "field `promises[0].status`",
            json!("OBSIDIAN kept"),
        ),
        (
            "/promises/0/due",
            "field `promises[0].due`",
            json!("WILLOW"),
        ),
        (
            "/promises/0/size",
            "field `promises[0].size`",
            json!({"QUARTZ": "huge"}),
        ),
        (
            "/kind_acts/0/acknowledged",
            "field `kind_acts[0].acknowledged`",
            json!("SAFFRON"),
        ),
        (
            "/partners/0/role",
            "field `partners[0].role`",
            json!("GLACIER"),
        ),
    ]
}

/// The distinctive words of a value, as they would appear quoted.
fn words(value: &Value) -> Vec<String> {
    value
        .to_string()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 5 && w.chars().any(|c| c.is_ascii_uppercase()) || w.len() >= 9)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_bad_value_is_named_by_its_field_and_never_quoted() {
    let (m, good) = journal();
    for (pointer, field, bad) in edits() {
        let mut edited = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        edited
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("{pointer}"))
            .insert(key.to_owned(), bad.clone());
        m.put_journal(serde_json::to_string_pretty(&edited).unwrap());
        for args in [&["log"][..], &["check"], &["export"]] {
            let out = m.run(args, "");
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{pointer} {args:?}: {err}");
            assert!(
                err.contains(m.journal.to_str().unwrap()),
                "{pointer}: {err}"
            );
            assert!(err.contains("at line "), "{pointer}: {err}");
            assert!(err.contains(", column "), "{pointer}: {err}");
            assert!(err.contains(field), "{pointer}: {err}");
            let upper = err.to_uppercase();
            for word in words(&bad) {
                assert!(
                    !upper.contains(&word.to_uppercase()),
                    "{pointer}: the message quotes {word:?}: {err}"
                );
            }
        }
    }
}

//! `mend checkin`: one check-in per partner and evening, replaced when given again.

use crate::kit::{Mend, TODAY};
use serde_json::{Value, json};

#[test]
fn checkin_adds_then_replaces_that_partners_checkin_for_the_day() {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    m.ok(
        &[
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "3",
            "--trust",
            "4",
            "--connection",
            "5",
        ],
        "",
    );
    let first = m.journal_json()["checkins"][0].clone();
    assert_eq!(first["day"], TODAY);
    assert_eq!(
        (&first["safety"], &first["trust"], &first["connection"]),
        (&json!(3), &json!(4), &json!(5))
    );
    assert_eq!(first["author"], m.partner_id("Alice").as_str());
    assert!(first.get("note").is_none());

    let out = m.ok(
        &[
            "checkin",
            "--as",
            "alice",
            "--safety",
            "0",
            "--trust",
            "10",
            "--connection",
            "7",
            "--note-stdin",
        ],
        "A calmer evening.\n",
    );
    assert!(out.contains("Updated"), "{out}");
    let j = m.journal_json();
    let list = j["checkins"].as_array().unwrap();
    assert_eq!(list.len(), 1, "replaced, not added");
    assert_eq!(list[0]["id"], first["id"]);
    assert_eq!(
        (
            &list[0]["safety"],
            &list[0]["trust"],
            &list[0]["connection"]
        ),
        (&json!(0), &json!(10), &json!(7))
    );
    assert_eq!(list[0]["note"], "A calmer evening.");
    assert_eq!(list[0]["rev"], 2);

    m.ok(
        &[
            "checkin",
            "--as",
            "Bob",
            "--safety",
            "6",
            "--trust",
            "6",
            "--connection",
            "6",
        ],
        "",
    );
    m.ok(
        &[
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--day",
            "2026-11-24",
        ],
        "",
    );
    let j = m.journal_json();
    let list = j["checkins"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    let alice = m.partner_id("Alice");
    let days: Vec<&Value> = list
        .iter()
        .filter(|c| c["author"] == alice.as_str())
        .map(|c| &c["day"])
        .collect();
    assert_eq!(days.len(), 2);
    assert!(days.contains(&&json!("2026-11-24")) && days.contains(&&json!(TODAY)));
}

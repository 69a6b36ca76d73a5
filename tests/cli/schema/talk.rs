//! A journal holding a weekly talk written through the TUI matches the schema, and a talk's
//! unknown fields (a newer mend's) are kept through a save.

use super::*;
use chrono::{FixedOffset, TimeZone};

/// A whole talk about 2026-W48, typed on Monday 30 November.
fn journal_with_a_talk() -> mend::journal::Journal {
    let mut h = tui_support::Harness::new(Some(tui_support::lived_in_journal()));
    h.app.now = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 30, 21, 0, 0)
        .unwrap();
    h.keys("<Down><Down><Enter>wyy");
    h.keys("Dinner<Enter>The call<Enter>The walk<Enter>Tea<Enter><Enter><Enter><Enter>");
    h.keys("I feel tired. I need rest.<Enter>I heard you need rest.<Enter>c");
    h.keys("And quiet.<Enter>Rest and quiet.<Enter><Enter>");
    h.keys("A walk<Enter>Dinner<Enter>1<Enter><Enter><Enter>");
    h.saved.clone().expect("saved")
}

#[test]
fn a_journal_with_a_talk_matches_the_schema() {
    let journal = journal_with_a_talk();
    let talk = &journal.talks[0];
    assert!(talk.is_closed(), "{talk:#?}");
    assert_eq!(talk.promises.len(), 1);
    assert_eq!(
        talk.sides[0].clarified.as_deref(),
        Some("And quiet."),
        "{talk:#?}"
    );
    let bytes = mend::store::to_bytes(&journal).expect("the journal serializes");
    let value: Value = serde_json::from_slice(&bytes).expect("the file is JSON");
    assert_valid(&value, "a journal with a weekly talk");
}

#[test]
fn the_schema_refuses_a_talk_with_an_unknown_step_and_a_talk_keeps_unknown_fields() {
    let journal = journal_with_a_talk();
    let bytes = mend::store::to_bytes(&journal).unwrap();
    let mut value: Value = serde_json::from_slice(&bytes).unwrap();
    let mut wrong = value.clone();
    wrong["talks"][0]["reached"] = json!("somewhere");
    assert_rejected_at(&wrong, "/talks/0/reached", "a talk at an unknown step");
    value["talks"][0]["mood"] = json!({"from": "a newer mend"});
    value["talks"][0]["sides"][1]["tone"] = json!(3);
    assert_valid(&value, "a talk with fields this mend does not know");
    let read: mend::journal::Journal = serde_json::from_value(value).unwrap();
    let again: Value = serde_json::from_slice(&mend::store::to_bytes(&read).unwrap()).unwrap();
    assert_eq!(again["talks"][0]["mood"], json!({"from": "a newer mend"}));
    assert_eq!(again["talks"][0]["sides"][1]["tone"], json!(3));
}

//! `mend write`: an entry from standard input, its evening, its size and its author.

use crate::helpers::*;
use crate::kit::{Mend, TODAY};

#[test]
fn write_saves_the_entry_from_stdin() {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    let text = "Tonight I listened.\nIt was hard — but \"good\" 🌱 我们在努力。";
    let out = m.ok(
        &["write", "--as", "Alice", "--stage", "communication"],
        format!("{text}\n\n"),
    );
    assert!(out.contains("Alice"), "{out}");
    m.ok(
        &[
            "write",
            "--as",
            "Bob",
            "--stage",
            "healing",
            "--private",
            "--day",
            "2026-11-20",
        ],
        "Private thoughts",
    );
    let j = m.journal_json();
    let entries = j["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let alice = entries
        .iter()
        .find(|e| e["stage"] == "communication")
        .unwrap();
    assert_eq!(
        alice["text"], text,
        "text kept as written, trailing blank lines dropped"
    );
    assert_eq!(alice["author"], m.partner_id("Alice").as_str());
    assert_eq!(alice["day"], TODAY);
    assert_eq!(alice["visibility"], "shared");
    assert_eq!(alice["rev"], 1);
    assert_eq!(alice["deleted"], false);
    let bob = entries.iter().find(|e| e["stage"] == "healing").unwrap();
    assert_eq!(bob["text"], "Private thoughts");
    assert_eq!(bob["author"], m.partner_id("Bob").as_str());
    assert_eq!(bob["day"], "2026-11-20");
    assert_eq!(bob["visibility"], "private");
    m.ok(
        &["write", "--as", "alice", "--stage", "reciprocity"],
        "third",
    );
    let j = m.journal_json();
    let third = j["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "third")
        .unwrap()
        .clone();
    assert_eq!(third["stage"], "reciprocity");
}

#[test]
fn write_after_midnight_belongs_to_the_evening_before() {
    let m = Mend::with_journal();
    let mut cmd = assert_cmd::Command::from_std(m.std_command());
    cmd.env("MEND_NOW", "2026-11-26T00:40:00+00:00")
        .args(["write", "--as", "Alice", "--stage", "reciprocity"])
        .write_stdin("late")
        .assert()
        .success();
    assert_eq!(m.journal_json()["entries"][0]["day"], TODAY);
}

#[test]
fn an_entry_of_exactly_one_mib_is_accepted() {
    let m = Mend::with_journal();
    let text = "a".repeat(1024 * 1024);
    m.ok(&["write", "--as", "Alice", "--stage", "healing"], &text);
    assert_eq!(
        m.journal_json()["entries"][0]["text"]
            .as_str()
            .unwrap()
            .len(),
        1024 * 1024
    );
}

#[test]
fn names_match_case_insensitively() {
    let m = Mend::with_journal();
    m.ok(
        &["write", "--as", "aLiCe", "--stage", "communication"],
        "one",
    );
    m.ok(
        &[
            "checkin",
            "--as",
            "BOB",
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
        &["promise", "add", "--by", "bob", "--to", "ALICE", "Call"],
        "",
    );
    m.ok(&["kind", "add", "--by", "alice", "Tea"], "");
    m.ok(
        &["write", "--as", "ALICE", "--stage", "healing", "--private"],
        "secret",
    );
    let j = m.journal_json();
    let (alice, bob) = (m.partner_id("Alice"), m.partner_id("Bob"));
    assert_eq!(j["entries"][0]["author"], alice.as_str());
    assert_eq!(j["checkins"][0]["author"], bob.as_str());
    assert_eq!(j["promises"][0]["author"], bob.as_str());
    assert_eq!(j["promises"][0]["to"], alice.as_str());
    assert_eq!(j["kind_acts"][0]["author"], alice.as_str());
    assert!(log_texts(&m, &["--as", "alice"]).contains(&"secret".to_owned()));
}

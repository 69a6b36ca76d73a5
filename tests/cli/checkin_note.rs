//! `mend checkin` on an evening that already has a note: kept unless `--clear-note` asks.

use crate::kit::{Mend, TODAY, stderr};

fn note_of_today(m: &Mend) -> Option<String> {
    let journal = m.journal_json();
    let checkins = journal["checkins"].as_array().expect("checkins");
    let live: Vec<_> = checkins
        .iter()
        .filter(|c| c["day"] == TODAY && c["deleted"] != true)
        .collect();
    assert_eq!(live.len(), 1, "one check-in tonight: {checkins:#?}");
    live[0]["note"].as_str().map(str::to_owned)
}

const CHECKIN: [&str; 8] = [
    "checkin",
    "--as",
    "alice",
    "--safety",
    "4",
    "--trust",
    "3",
    "--connection",
];

fn checkin(m: &Mend, connection: &str, extra: &[&str], stdin: &str) -> String {
    let mut args: Vec<&str> = CHECKIN.to_vec();
    args.push(connection);
    args.extend_from_slice(extra);
    m.ok(&args, stdin)
}

#[test]
fn checking_in_again_without_a_note_keeps_the_evenings_note() {
    let m = Mend::with_journal();
    checkin(&m, "5", &["--note-stdin"], "A long talk on the stairs.");
    assert_eq!(
        note_of_today(&m).as_deref(),
        Some("A long talk on the stairs.")
    );

    let said = checkin(&m, "6", &[], "");
    assert!(
        said.contains("note from earlier that evening is kept"),
        "{said}"
    );
    assert!(!said.contains("stairs"), "the note is never quoted: {said}");
    assert_eq!(
        note_of_today(&m).as_deref(),
        Some("A long talk on the stairs.")
    );
    let journal = m.journal_json();
    assert_eq!(
        journal["checkins"][0]["connection"], 6,
        "the scales changed"
    );

    checkin(&m, "6", &["--note-stdin"], "Better after dinner.");
    assert_eq!(note_of_today(&m).as_deref(), Some("Better after dinner."));
}

#[test]
fn clear_note_removes_it_and_cannot_be_given_with_a_new_note() {
    let m = Mend::with_journal();
    checkin(&m, "5", &["--note-stdin"], "A long talk on the stairs.");
    let said = checkin(&m, "5", &["--clear-note"], "");
    assert!(!said.contains("kept"), "{said}");
    assert_eq!(note_of_today(&m), None);

    let mut args: Vec<&str> = CHECKIN.to_vec();
    args.extend_from_slice(&["5", "--clear-note", "--note-stdin"]);
    let out = m.run(&args, "new words");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

fn visibility_of_today(m: &Mend) -> String {
    let journal = m.journal_json();
    let found = journal["checkins"]
        .as_array()
        .expect("checkins")
        .iter()
        .find(|c| c["day"] == TODAY)
        .map(|c| c["note_visibility"].as_str().unwrap_or("shared").to_owned());
    found.expect("a check-in tonight")
}

#[test]
fn a_private_note_is_said_private_in_true_words_and_kept_out_of_the_summary() {
    let m = Mend::with_journal();
    let said = checkin(
        &m,
        "5",
        &["--note-stdin", "--private-note"],
        "SECRET only mine tonight.",
    );
    assert!(
        said.contains("The note is private: hidden from your partner's screens and from the summary; not locked or encrypted."),
        "{said}"
    );
    assert!(
        said.contains("sees these ratings"),
        "the ratings stay shared: {said}"
    );
    assert!(!said.contains("SECRET"), "the note is never quoted: {said}");
    assert_eq!(visibility_of_today(&m), "private");
    for format in ["md", "html", "json"] {
        let summary = m.ok(&["export", "--week", "2026-W48", "--format", format], "");
        assert!(!summary.contains("SECRET"), "{format}: {summary}");
    }
}

#[test]
fn a_kept_note_keeps_its_privacy_and_shared_note_shares_it() {
    let m = Mend::with_journal();
    checkin(&m, "5", &["--note-stdin", "--private-note"], "Only mine.");
    let said = checkin(&m, "6", &[], "");
    assert!(said.contains("The note is private"), "{said}");
    assert_eq!(visibility_of_today(&m), "private");

    let said = checkin(&m, "6", &["--note-stdin"], "New words, still mine.");
    assert!(said.contains("The note is private"), "{said}");
    assert_eq!(
        visibility_of_today(&m),
        "private",
        "a new note keeps the choice"
    );
    let said = checkin(&m, "6", &["--shared-note"], "");
    assert!(said.contains("The note is shared"), "{said}");
    assert_eq!(visibility_of_today(&m), "shared");
    let summary = m.ok(&["export", "--week", "2026-W48"], "");
    assert!(summary.contains("New words, still mine."), "{summary}");
}

#[test]
fn a_new_note_is_shared_unless_asked_and_the_flags_cannot_be_mixed() {
    let m = Mend::with_journal();
    let said = checkin(&m, "5", &["--note-stdin"], "Shared words.");
    assert!(said.contains("The note is shared"), "{said}");
    assert_eq!(visibility_of_today(&m), "shared");

    let before = m.journal_json();
    let mut args: Vec<&str> = CHECKIN.to_vec();
    args.extend_from_slice(&["5", "--private-note", "--shared-note"]);
    let out = m.run(&args, "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(m.journal_json(), before, "nothing written");
}

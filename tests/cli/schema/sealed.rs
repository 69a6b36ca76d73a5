//! An encrypted journal written by the binary matches the schema, and no word in it is
//! readable: every value at a place that holds words is a sealed token.

use super::*;
use std::path::PathBuf;

const TOKEN: &str = "mend-sealed:";

/// Words written after the journal was encrypted, each through the CLI's standard input.
const WRITTEN_SEALED: [&str; 7] = [
    "Written behind the lock.",
    "A private note under lock.",
    "Seen, and thank you.",
    "Noticed the flowers.",
    "Kept it, on time.",
    "A private moment under lock.",
    "Back after a walk.",
];

/// Runs `mend ARGS` with `MEND_PASSPHRASE_FILE` naming `pass`; it must succeed.
#[track_caller]
fn ok_as(s: &Mend, pass: &PathBuf, args: &[&str], stdin: &str) -> String {
    let mut cmd = s.std_command();
    cmd.env("MEND_PASSPHRASE_FILE", pass);
    let out = assert_cmd::Command::from_std(cmd)
        .args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run mend");
    assert!(
        out.status.success(),
        "mend {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The journal of `fill`, encrypted, then written to through every kind of record.
fn encrypted_journal() -> &'static (Value, Vec<u8>) {
    static JOURNAL: OnceLock<(Value, Vec<u8>)> = OnceLock::new();
    JOURNAL.get_or_init(|| {
        let s = Mend::new();
        fill(&s);
        let file = |name: &str, text: &str| {
            let path = s.dir.path().join(name);
            std::fs::write(&path, text).expect("write a passphrase file");
            path
        };
        let both = file("both", "Alex: an oak by the gate\nSam: rain on the roof\n");
        let (alex, sam) = (
            file("alex", "an oak by the gate\n"),
            file("sam", "rain on the roof\n"),
        );
        ok_as(&s, &both, &["encrypt"], "");
        let [entry, note, ack, kind, kept, moment, pause] = WRITTEN_SEALED;
        ok_as(
            &s,
            &alex,
            &["write", "--as", "alex", "--stage", "healing"],
            entry,
        );
        let mut checkin = vec!["checkin", "--as", "sam", "--note-stdin", "--private-note"];
        checkin.extend(["--safety", "7", "--trust", "6", "--connection", "8"]);
        ok_as(&s, &sam, &checkin, note);
        // Made with Sam's passphrase alone, though it names Alex.
        let promise = ["promise", "add", "--by", "sam", "--to", "alex"];
        ok_as(
            &s,
            &sam,
            &[&promise[..], &["Cook", "on", "Friday"]].concat(),
            "",
        );
        let list = ok_as(&s, &sam, &["promise", "list", "--json"], "");
        let cook =
            crate::kit::id_with_text(&serde_json::from_str(&list).unwrap(), "Cook on Friday");
        ok_as(&s, &sam, &["promise", "keep", &cook, "--note-stdin"], kept);
        ok_as(
            &s,
            &alex,
            &["promise", "ack", &cook, "--as", "alex", "--note-stdin"],
            ack,
        );
        ok_as(
            &s,
            &alex,
            &["kind", "add", "--by", "alex", "Brought", "flowers"],
            "",
        );
        let list = ok_as(&s, &sam, &["kind", "list", "--json"], "");
        let flowers =
            crate::kit::id_with_text(&serde_json::from_str(&list).unwrap(), "Brought flowers");
        ok_as(
            &s,
            &sam,
            &["kind", "ack", &flowers, "--as", "sam", "--note-stdin"],
            kind,
        );
        ok_as(&s, &alex, &["moment", "--as", "alex"], moment);
        ok_as(
            &s,
            &alex,
            &["pause", "--as", "alex", "--until", "23:00", "--note-stdin"],
            pause,
        );
        (s.journal_json(), s.journal_bytes())
    })
}

/// Every value at a place that holds words, by its path in the file: the places
/// `store::seal` seals, found without its help.
fn word_places(journal: &Value) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    let mut at = |path: String, value: &Value| {
        if !value.is_null() {
            found.push((path, value.clone()));
        }
    };
    let list = |name: &str| journal[name].as_array().cloned().unwrap_or_default();
    let fields: [(&str, &[&str]); 8] = [
        ("entries", &["text", "prompt", "prompt_id"]),
        ("checkins", &["sealed_ratings", "note"]),
        ("promises", &["text"]),
        ("kind_acts", &["text"]),
        ("plan_items", &["brings_it_on", "helps_me", "i_ask_of_you"]),
        ("hard_moments", &["text"]),
        ("pauses", &["note"]),
        ("replies", &["text"]),
    ];
    for (name, words) in fields {
        for (n, record) in list(name).iter().enumerate() {
            if record["deleted"] == true {
                continue;
            }
            for field in words {
                at(format!("/{name}/{n}/{field}"), &record[*field]);
            }
            at(
                format!("/{name}/{n}/acknowledged/note"),
                &record["acknowledged"]["note"],
            );
            for (inner, key) in [
                ("history", "note"),
                ("reviews", "note"),
                ("earlier_versions", "text"),
            ] {
                for (i, step) in record[inner]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
                    at(format!("/{name}/{n}/{inner}/{i}/{key}"), &step[key]);
                }
            }
        }
    }
    found
}

#[test]
fn an_encrypted_journal_written_by_the_binary_matches_the_schema_and_shows_no_words() {
    let (journal, bytes) = encrypted_journal();
    assert_valid(journal, "the encrypted journal written by mend");
    assert_eq!(journal["version"], 2);
    let wraps = journal["sealing"]["wraps"]
        .as_array()
        .expect("wrapped keys");
    assert_eq!(wraps.len(), 4, "a passphrase and a code for each partner");

    let places = word_places(journal);
    for (path, value) in &places {
        assert!(
            value.as_str().is_some_and(|v| v.starts_with(TOKEN)),
            "{path} is readable: {value}"
        );
    }
    // Every kind of place was there to look at, so the check means something.
    for needed in [
        "/entries/",
        "/text",
        "/checkins/",
        "/sealed_ratings",
        "/promises/",
        "/history/",
        "/acknowledged/note",
        "/kind_acts/",
        "/plan_items/",
        "/reviews/",
        "/hard_moments/",
        "/pauses/",
        "/replies/",
    ] {
        assert!(
            places.iter().any(|(path, _)| path.contains(needed)),
            "no sealed {needed} in the journal: {places:?}"
        );
    }
    for checkin in records(journal, "checkins") {
        for rating in ["safety", "trust", "connection"] {
            assert!(
                checkin.get(rating).is_none(),
                "a rating in the clear: {checkin}"
            );
        }
    }
    assert!(
        records(journal, "checkins")
            .iter()
            .any(|c| c["note_visibility"] == "private")
    );
    assert!(
        records(journal, "hard_moments")
            .iter()
            .any(|m| m["visibility"] == "private")
    );
    // And no word written, before or after the lock, is anywhere in the bytes.
    let file = String::from_utf8_lossy(bytes);
    for words in WRITTEN_SEALED.iter().chain(&[
        "I was late again tonight",
        "Something only for me.",
        "A quieter evening.",
        "Tired, and kept to myself.",
        "Call if I am late",
        "Walk together on Sunday",
        "a busy week",
        "Made tea",
        "Fixed the gate",
        "Tell me who it is from",
        "I could call first",
        "The song came on.",
        "A hard walk home.",
        "Back soon",
        "Thank you",
    ]) {
        assert!(!file.contains(words), "{words:?} is readable in the file");
    }
}

#[test]
fn the_schema_refuses_a_sealed_checkin_without_its_ratings_and_a_plain_header_at_version_2() {
    let (journal, _) = encrypted_journal();
    let mut bare = journal.clone();
    bare["checkins"][0]
        .as_object_mut()
        .unwrap()
        .remove("sealed_ratings");
    assert_rejected_at(&bare, "/checkins/0", "a check-in with no ratings at all");
    let mut plain_ratings = journal.clone();
    plain_ratings["checkins"][0]["sealed_ratings"] = json!("5 4 6");
    assert_rejected_at(
        &plain_ratings,
        "/checkins/0/sealed_ratings",
        "ratings that are not sealed",
    );
    let mut version = journal.clone();
    version["version"] = json!(1);
    assert_rejected_at(&version, "/version", "an encrypted journal at version 1");
    let mut opens = journal.clone();
    opens["sealing"]["wraps"][0]["opens_with"] = json!("fingerprint");
    assert_rejected_at(
        &opens,
        "/sealing/wraps/0/opens_with",
        "a key wrapped for an unknown secret",
    );
    let mut scheme = journal.clone();
    scheme["sealing"]["scheme"] = json!("rot13");
    assert_rejected_at(&scheme, "/sealing/scheme", "an unknown scheme");
}

/// The record fields that stay in the clear in an encrypted journal (README, "What stays
/// visible"): ids, authors, times, clocks, kinds and choices. Any other string is words.
const CLEAR: [&str; 32] = [
    "id",
    "author",
    "created",
    "updated",
    "device",
    "day",
    "stage",
    "visibility",
    "note_visibility",
    "status",
    "at",
    "by",
    "to",
    "made",
    "due",
    "size",
    "renegotiated_from",
    "replaced_by",
    "done_by",
    "plan_item",
    "outcome",
    "outcome_at",
    "until",
    "hard_date",
    "last_looked_at",
    "words_from",
    "retired_at",
    "kind",
    "entry",
    "week",
    "reached",
    "partner",
];

/// Every string under `value` whose field is not one of `CLEAR`, with its path.
fn strings_outside_the_clear(path: &str, key: &str, value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(text) if !CLEAR.contains(&key) && !text.starts_with(TOKEN) => {
            found.push(format!("{path}: {text}"));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings_outside_the_clear(&format!("{path}/{i}"), key, item, found);
            }
        }
        Value::Object(fields) => {
            for (name, item) in fields {
                strings_outside_the_clear(&format!("{path}/{name}"), name, item, found);
            }
        }
        _ => {}
    }
}

/// A field added later that holds words but is missing from `store::seal`'s places would be
/// written unsealed: no string in any record is readable unless it is known metadata.
#[test]
fn every_string_in_an_encrypted_journals_records_is_sealed_or_known_metadata() {
    let (journal, _) = encrypted_journal();
    let mut found = Vec::new();
    for list in [
        "entries",
        "checkins",
        "promises",
        "kind_acts",
        "plan_items",
        "hard_moments",
        "pauses",
        "replies",
        "talks",
    ] {
        strings_outside_the_clear(&format!("/{list}"), list, &journal[list], &mut found);
    }
    assert!(found.is_empty(), "readable strings in records: {found:#?}");
}

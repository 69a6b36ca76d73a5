//! Checks journals written by the `mend` binary against assets/journal.schema.json, and the schema itself.

use crate::kit::Mend;
use crate::kit::tui as tui_support;

use serde_json::{Value, json};
use std::sync::OnceLock;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/journal.schema.json");

/// A journal built by running the binary through every kind of record and change.
fn built_journal() -> &'static Value {
    static JOURNAL: OnceLock<Value> = OnceLock::new();
    JOURNAL.get_or_init(|| {
        let s = Mend::new();
        fill(&s);
        s.journal_json()
    })
}

/// Makes a journal in `s` by running the binary through every kind of record and change.
fn fill(s: &Mend) {
    s.ok(
        &[
            "init",
            "--partner",
            "Alex",
            "--partner",
            "Sam",
            "--roles",
            "repairing,hurt",
        ],
        "",
    );
    s.ok(
        &["write", "--as", "alex", "--stage", "communication"],
        "I was late again tonight, and I did not call.\nI am sorry.\n",
    );
    s.ok(
        &["write", "--as", "sam", "--stage", "healing", "--private"],
        "Something only for me.\n",
    );
    s.ok(
        &[
            "checkin",
            "--as",
            "sam",
            "--safety",
            "5",
            "--trust",
            "4",
            "--connection",
            "6",
            "--note-stdin",
        ],
        "A quieter evening.\n",
    );
    s.ok(
        &[
            "checkin",
            "--as",
            "alex",
            "--safety",
            "6",
            "--trust",
            "6",
            "--connection",
            "5",
            "--note-stdin",
            "--private-note",
        ],
        "Tired, and kept to myself.\n",
    );
    s.ok(&["settings", "--role", "sam=both"], "");

    s.ok(
        &[
            "promise",
            "add",
            "--by",
            "alex",
            "--to",
            "sam",
            "--due",
            "2026-11-30",
            "Call",
            "if",
            "I",
            "am",
            "late",
        ],
        "",
    );
    let call = s.id_with_text(&["promise", "list", "--json"], "Call if I am late");
    s.ok(&["promise", "keep", &call, "--note", "done"], "");
    s.ok(&["promise", "ack", &call, "--as", "sam"], "");

    s.ok(
        &[
            "promise", "add", "--by", "sam", "--to", "alex", "--big", "Walk", "together",
        ],
        "",
    );
    let walk = s.id_with_text(&["promise", "list", "--json"], "Walk together");
    s.ok(
        &[
            "promise",
            "renegotiate",
            &walk,
            "--text",
            "Walk together on Sunday",
            "--due",
            "2026-11-29",
            "--note",
            "a busy week",
        ],
        "",
    );

    s.ok(
        &["settings", "--add-contact"],
        "Our counsellor, Dr. Rivera: 555 0101",
    );
    s.ok(&["kind", "add", "--by", "sam", "Made", "tea"], "");
    let tea = s.id_with_text(&["kind", "list", "--json"], "Made tea");
    s.ok(&["kind", "ack", &tea, "--as", "alex"], "");
    s.ok(&["kind", "received", "--as", "alex"], "Fixed the gate");

    plan_for_hard_moments(s);
    reply_to_an_entry(s);
}

/// Sam answers Alex's shared entry once both have written.
fn reply_to_an_entry(s: &Mend) {
    s.ok(
        &["write", "--as", "alex", "--stage", "communication"],
        "Tonight I listened",
    );
    s.ok(
        &["write", "--as", "sam", "--stage", "communication"],
        "I felt listened to",
    );
    let id = s.id_with_text(&["log", "--json", "--as", "alex"], "Tonight I listened");
    s.ok(&["reply", &id, "--as", "sam"], "Thank you\n");
}

/// A plan item agreed to, edited and looked at again, a retired one, a private and a shared
/// hard moment (one looked back on), and a pause.
fn plan_for_hard_moments(s: &Mend) {
    let plan = |s: &Mend| s.json(&["plan", "list", "--json"]);
    s.ok(
        &[
            "plan",
            "add",
            "--as",
            "sam",
            "--date",
            "2026-03-14",
            "--yearly",
        ],
        "A late message\nA walk\nTell me who it is from\n",
    );
    let item = plan(s)[0]["id"].as_str().expect("an id").to_owned();
    s.ok(
        &["plan", "agree", &item, "--as", "alex", "--note-stdin"],
        "Yes",
    );
    s.ok(
        &["plan", "edit", &item, "--as", "sam"],
        "A late message\nA walk and tea\nTell me who it is from\n",
    );
    s.ok(
        &["plan", "suggest", &item, "--as", "alex"],
        "I could call first",
    );
    s.ok(
        &["plan", "add", "--as", "alex"],
        "Sunday\nA run\nGive me an hour\n",
    );
    // Alex's plan holds this one item only: ids made within one second sort by chance.
    let sunday = s.json(&["plan", "list", "--as", "alex", "--json"])[0]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    s.ok(&["plan", "retire", &sunday, "--as", "alex"], "");
    s.ok(
        &["moment", "--as", "sam", "--plan", &item],
        "The song came on.",
    );
    s.ok(&["moment", "--as", "alex", "--shared"], "A hard walk home.");
    let moments = s.journal_json()["hard_moments"].clone();
    let shared = crate::kit::id_with_text(&moments, "A hard walk home.");
    s.ok(
        &["moment", "outcome", &shared, "--as", "alex", "partly"],
        "",
    );
    s.ok(
        &["pause", "--as", "sam", "--until", "22:30", "--note-stdin"],
        "Back soon",
    );
}

fn schema() -> Value {
    let text = std::fs::read_to_string(SCHEMA_PATH).expect("read assets/journal.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// A validator for the journal schema that also checks `format` (uuid, date, date-time).
fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .unwrap_or_else(|err| panic!("the schema does not compile: {err}"))
}

/// Every error the schema finds in `instance`, as "instance path: message".
fn schema_errors(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|err| format!("{}: {err}", err.instance_path()))
        .collect()
}

fn assert_valid(instance: &Value, what: &str) {
    let errors = schema_errors(instance);
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n  {}\n\nthe journal:\n{instance:#}",
        errors.join("\n  ")
    );
}

/// Asserts the schema rejects `instance`, with at least one error at `path`.
fn assert_rejected_at(instance: &Value, path: &str, what: &str) {
    let errors = schema_errors(instance);
    assert!(
        !errors.is_empty(),
        "the schema accepted a journal with {what}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("{path}: "))),
        "the schema rejected a journal with {what}, but not at {path}:\n  {}",
        errors.join("\n  ")
    );
}

fn records<'a>(journal: &'a Value, list: &str) -> &'a Vec<Value> {
    journal[list]
        .as_array()
        .unwrap_or_else(|| panic!("{list} is an array"))
}

#[test]
fn journal_written_by_the_binary_matches_the_schema() {
    let journal = built_journal();

    // The journal really holds every kind of record and change, so the check means something.
    let entries = records(journal, "entries");
    assert_eq!(entries.len(), 4, "{journal:#}");
    assert!(entries.iter().any(|e| e["visibility"] == "private"));
    assert!(entries.iter().any(|e| e["stage"] == "communication"));
    let checkins = records(journal, "checkins");
    assert_eq!(checkins.len(), 2);
    assert!(
        checkins
            .iter()
            .any(|c| c["safety"] == 5 && c["note"] == "A quieter evening.")
    );
    assert!(checkins.iter().any(|c| c["note_visibility"] == "private"));
    let promises = records(journal, "promises");
    assert_eq!(promises.len(), 3, "{journal:#}");
    let kept = promises.iter().find(|p| p["status"] == "kept").unwrap();
    assert_eq!(kept["history"][0]["note"], "done");
    assert!(kept["acknowledged"].is_object());
    let old = promises
        .iter()
        .find(|p| p["status"] == "renegotiated")
        .unwrap();
    let new = promises
        .iter()
        .find(|p| p["renegotiated_from"] == old["id"])
        .unwrap();
    assert_eq!(old["replaced_by"], new["id"]);
    assert_eq!(new["text"], "Walk together on Sunday");
    assert_eq!(new["status"], "open");
    let acts = records(journal, "kind_acts");
    assert_eq!(acts.len(), 2);
    assert!(acts.iter().all(|k| k["acknowledged"].is_object()));
    assert!(
        acts.iter()
            .any(|k| k["done_by"].is_string() && k["text"] == "Fixed the gate")
    );
    assert_eq!(journal["partners"][0]["role"], "repairing");
    assert_eq!(journal["partners"][1]["role"], "both");
    assert!(journal["partners"][1]["role_updated"].is_string());
    let plan = records(journal, "plan_items");
    assert_eq!(plan.len(), 2, "{journal:#}");
    assert!(plan.iter().any(|p| p["retired_at"].is_string()));
    assert!(
        plan.iter()
            .any(|p| p["yearly"] == true && p["reviews"].as_array().is_some_and(|r| r.len() == 3))
    );
    let moments = records(journal, "hard_moments");
    assert_eq!(moments.len(), 2);
    assert!(
        moments
            .iter()
            .any(|m| m["visibility"] == "private" && m["plan_item"].is_string())
    );
    assert!(moments.iter().any(|m| m["outcome"] == "partly"));
    assert_eq!(records(journal, "pauses")[0]["note"], "Back soon");
    assert_eq!(records(journal, "replies")[0]["text"], "Thank you");

    assert_valid(journal, "the journal written by mend");
}

#[test]
fn freshly_initialised_journal_matches_the_schema() {
    let s = Mend::new();
    s.ok(&["init", "--partner", "Alex", "--partner", "Sam"], "");
    assert_valid(
        &s.journal_json(),
        "a new journal with no records and no roles",
    );
}

mod checks;
mod sealed;
mod talk;

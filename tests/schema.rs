//! Checks journals written by the `mend` binary against assets/journal.schema.json, and the schema itself.

#[path = "support/tui.rs"]
mod tui_support;

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tempfile::TempDir;

const NOW: &str = "2026-11-25T21:00:00+00:00";
const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/journal.schema.json");

/// A temp folder holding one journal, with every place mend might touch kept inside it.
struct Sandbox {
    dir: TempDir,
    journal: PathBuf,
}

impl Sandbox {
    fn new() -> Self {
        let dir = TempDir::new().expect("create a temp folder");
        let journal = dir.path().join("journal.json");
        Self { dir, journal }
    }

    fn home(&self) -> &Path {
        self.dir.path()
    }

    fn mend(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("mend").expect("the mend binary is built");
        cmd.arg("--journal")
            .arg(&self.journal)
            .args(args)
            .env("MEND_NOW", NOW)
            .env("HOME", self.home())
            .env("XDG_STATE_HOME", self.home().join("state"))
            .env("XDG_DATA_HOME", self.home().join("data"))
            .env("XDG_CONFIG_HOME", self.home().join("config"))
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .env_remove("MEND_JOURNAL");
        cmd
    }

    /// Runs mend with empty stdin, expecting success, and returns what it printed.
    fn run(&self, args: &[&str]) -> String {
        self.run_with_stdin(args, "")
    }

    /// Runs mend with `stdin`, expecting success, and returns what it printed.
    fn run_with_stdin(&self, args: &[&str], stdin: &str) -> String {
        let assert = self.mend(args).write_stdin(stdin).assert();
        let output = assert.get_output();
        assert!(
            output.status.success(),
            "mend {args:?} failed ({}):\nstdout: {}\nstderr: {}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout.clone()).expect("mend prints UTF-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|err| panic!("mend {args:?} printed bad JSON ({err}): {out}"))
    }

    /// The id of the listed item (from `promise list --json` or `kind list --json`) with this text.
    fn id_with_text(&self, list_args: &[&str], text: &str) -> String {
        let list = self.json(list_args);
        let items = list.as_array().expect("the list is a JSON array");
        let item = items
            .iter()
            .find(|item| item["text"] == text)
            .unwrap_or_else(|| panic!("nothing with text {text:?} in {list:#}"));
        item["id"].as_str().expect("the id is a string").to_owned()
    }

    fn file(&self) -> Value {
        let text = std::fs::read_to_string(&self.journal).expect("read the journal file");
        serde_json::from_str(&text).expect("the journal file is JSON")
    }
}

/// A journal built by running the binary through every kind of record and change.
fn built_journal() -> &'static Value {
    static JOURNAL: OnceLock<Value> = OnceLock::new();
    JOURNAL.get_or_init(|| {
        let s = Sandbox::new();
        s.run(&[
            "init",
            "--partner",
            "Alex",
            "--partner",
            "Sam",
            "--roles",
            "repairing,hurt",
        ]);
        s.run_with_stdin(
            &["write", "--as", "alex", "--stage", "communication"],
            "I was late again tonight, and I did not call.\nI am sorry.\n",
        );
        s.run_with_stdin(
            &["write", "--as", "sam", "--stage", "healing", "--private"],
            "Something only for me.\n",
        );
        s.run_with_stdin(
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

        s.run(&[
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
        ]);
        let call = s.id_with_text(&["promise", "list", "--json"], "Call if I am late");
        s.run(&["promise", "keep", &call, "--note", "done"]);
        s.run(&["promise", "ack", &call, "--as", "sam"]);

        s.run(&[
            "promise", "add", "--by", "sam", "--to", "alex", "--big", "Walk", "together",
        ]);
        let walk = s.id_with_text(&["promise", "list", "--json"], "Walk together");
        s.run(&[
            "promise",
            "renegotiate",
            &walk,
            "--text",
            "Walk together on Sunday",
            "--due",
            "2026-11-29",
            "--note",
            "a busy week",
        ]);

        s.run(&["kind", "add", "--by", "sam", "Made", "tea"]);
        let tea = s.id_with_text(&["kind", "list", "--json"], "Made tea");
        s.run(&["kind", "ack", &tea, "--as", "alex"]);

        s.file()
    })
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
    assert_eq!(entries.len(), 2, "{journal:#}");
    assert!(entries.iter().any(|e| e["visibility"] == "private"));
    assert!(entries.iter().any(|e| e["stage"] == "communication"));
    let checkins = records(journal, "checkins");
    assert_eq!(checkins.len(), 1);
    assert_eq!(checkins[0]["safety"], 5);
    assert_eq!(checkins[0]["note"], "A quieter evening.");
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
    assert_eq!(acts.len(), 1);
    assert!(acts[0]["acknowledged"].is_object());
    assert_eq!(journal["partners"][0]["role"], "repairing");

    assert_valid(journal, "the journal written by mend");
}

#[test]
fn freshly_initialised_journal_matches_the_schema() {
    let s = Sandbox::new();
    s.run(&["init", "--partner", "Alex", "--partner", "Sam"]);
    assert_valid(&s.file(), "a new journal with no records and no roles");
}

#[test]
fn schema_rejects_broken_journals() {
    let good = built_journal();
    assert_valid(good, "the unchanged journal");

    let mut rating = good.clone();
    rating["checkins"][0]["safety"] = json!(11);
    assert_rejected_at(&rating, "/checkins/0/safety", "a rating of 11");

    let mut negative = good.clone();
    negative["checkins"][0]["trust"] = json!(-1);
    assert_rejected_at(&negative, "/checkins/0/trust", "a rating of -1");

    let mut three = good.clone();
    let third = json!({"id": "01a21482-1880-7000-8000-000000000003", "name": "Kim"});
    three["partners"].as_array_mut().unwrap().push(third);
    assert_rejected_at(&three, "/partners", "three partners");

    let mut one = good.clone();
    one["partners"].as_array_mut().unwrap().pop();
    assert_rejected_at(&one, "/partners", "one partner");

    let mut version = good.clone();
    version["version"] = json!(2);
    assert_rejected_at(&version, "/version", "version 2");

    let mut format = good.clone();
    format["format"] = json!("jrnl");
    assert_rejected_at(&format, "/format", "another format");

    let mut no_text = good.clone();
    no_text["entries"][0]
        .as_object_mut()
        .unwrap()
        .remove("text")
        .expect("the entry had a text");
    assert_rejected_at(&no_text, "/entries/0", "an entry without text");

    let mut stage = good.clone();
    stage["entries"][0]["stage"] = json!("denial");
    assert_rejected_at(&stage, "/entries/0/stage", "an unknown stage");

    let mut status = good.clone();
    status["promises"][0]["status"] = json!("forgotten");
    assert_rejected_at(&status, "/promises/0/status", "an unknown status");

    let mut day = good.clone();
    day["entries"][0]["day"] = json!("2026-13-40");
    assert_rejected_at(&day, "/entries/0/day", "an impossible date");

    let mut id = good.clone();
    id["kind_acts"][0]["id"] = json!("tea-1");
    assert_rejected_at(&id, "/kind_acts/0/id", "an id that is not a UUID");

    let mut no_rev = good.clone();
    no_rev["promises"][0].as_object_mut().unwrap().remove("rev");
    assert_rejected_at(&no_rev, "/promises/0", "a record without rev");
}

#[test]
fn schema_accepts_unknown_fields_and_missing_defaults() {
    let mut journal = built_journal().clone();
    journal["written_by"] = json!("a newer mend");
    journal["settings"]["theme"] = json!("dusk");
    journal["partners"][0]["pronouns"] = json!("they");
    journal["entries"][0]["mood"] = json!("tired");
    journal["checkins"][0]["sleep"] = json!(7);
    journal["promises"][0]["reminder"] = json!({"at": "20:00"});
    journal["kind_acts"][0]["photo"] = json!(null);
    assert_valid(&journal, "a journal with unknown fields");

    // Fields with serde defaults may be left out.
    let object = journal.as_object_mut().unwrap();
    for optional in ["settings", "entries", "checkins", "promises", "kind_acts"] {
        object.remove(optional);
    }
    assert_valid(&journal, "a journal with only the required fields");
}

/// Calls `visit` on every JSON object in `value`, with its JSON pointer.
fn walk(
    value: &Value,
    pointer: &str,
    visit: &mut dyn FnMut(&str, &serde_json::Map<String, Value>),
) {
    match value {
        Value::Object(map) => {
            visit(pointer, map);
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                walk(child, &format!("{pointer}/{key}"), visit);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{pointer}/{i}"), visit);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_is_valid_and_every_property_is_described() {
    let schema = schema();
    if let Err(err) = jsonschema::meta::validate(&schema) {
        panic!(
            "the schema breaks its meta-schema at {}: {err}",
            err.instance_path()
        );
    }
    jsonschema::validator_for(&schema).expect("the schema compiles");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["$id"], "https://mend.invalid/journal.schema.json");
    assert!(schema["title"].is_string());

    let described = |s: &Value| {
        s["description"]
            .as_str()
            .is_some_and(|d| !d.trim().is_empty())
    };
    assert!(described(&schema), "the schema itself needs a description");
    let mut missing = Vec::new();
    let mut closed = Vec::new();
    walk(&schema, "", &mut |pointer, map| {
        for keyword in ["properties", "$defs"] {
            if let Some(Value::Object(children)) = map.get(keyword) {
                for (name, child) in children {
                    if !described(child) {
                        missing.push(format!("{pointer}/{keyword}/{name}"));
                    }
                }
            }
        }
        if map.get("additionalProperties") == Some(&Value::Bool(false))
            || map.contains_key("unevaluatedProperties")
        {
            closed.push(pointer.to_owned());
        }
    });
    assert!(
        missing.is_empty(),
        "these have no description:\n  {}",
        missing.join("\n  ")
    );
    assert!(
        closed.is_empty(),
        "unknown fields must survive, but these places refuse them:\n  {}",
        closed.join("\n  ")
    );

    // The top level asks for exactly what serde requires on load.
    assert_eq!(
        schema["required"],
        json!(["format", "version", "started", "partners"])
    );
    assert_eq!(schema["properties"]["format"]["const"], "mend-journal");
    assert_eq!(schema["properties"]["version"]["const"], 1);
}

#[test]
fn a_demo_journal_matches_the_schema() {
    let s = Sandbox::new();
    let demo = s.home().join("demo.json");
    s.run(&["demo", "--weeks", "6", "--output", demo.to_str().unwrap()]);
    let text = std::fs::read_to_string(&demo).expect("the demo journal was written");
    let journal: Value = serde_json::from_str(&text).expect("the demo journal is JSON");
    assert!(
        records(&journal, "entries").len() > 20,
        "a demo with records"
    );
    assert!(!records(&journal, "promises").is_empty());
    assert_valid(&journal, "the demo journal");
}

/// A journal the TUI made and changed (set up, an entry written then deleted, another
/// written, a check-in), as the store writes it.
#[test]
fn a_journal_written_by_the_tui_with_a_tombstone_matches_the_schema() {
    let mut h = tui_support::Harness::new(None);
    h.keys("Alex<Tab><Right><Tab>Sam<Tab><Right><Enter>");
    h.keys("<Enter>wA first evening, soon taken back.<C-s>");
    h.keys("j").keys("d").keys("y").keys("<Esc>");
    h.keys("wA second evening.<C-s>");
    h.keys("c7<Down>6<Down>5<Enter>");
    let journal = h.saved.clone().expect("the TUI created a journal");
    let tombstones = journal.entries.iter().filter(|e| e.meta.deleted).count();
    assert_eq!(tombstones, 1, "one deleted entry: {:#?}", journal.entries);
    assert_eq!(journal.live_entries().count(), 1);
    assert_eq!(journal.checkins.len(), 1);
    let bytes = mend::store::to_bytes(&journal).expect("the journal serializes");
    let value: Value = serde_json::from_slice(&bytes).expect("the file is JSON");
    assert_valid(&value, "a journal written by the TUI, with a tombstone");
}

/// A tombstoned entry, as the binary leaves it after a TUI deletion and a later CLI save.
#[test]
fn a_journal_with_tombstones_saved_by_the_binary_matches_the_schema() {
    let s = Sandbox::new();
    s.run(&["init", "--partner", "Alex", "--partner", "Sam"]);
    s.run_with_stdin(
        &["write", "--as", "Alex", "--stage", "healing"],
        "Taken back.",
    );
    let mut file = s.file();
    file["entries"][0]["deleted"] = json!(true);
    file["entries"][0]["rev"] = json!(2);
    std::fs::write(&s.journal, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    s.run_with_stdin(
        &["write", "--as", "Sam", "--stage", "healing"],
        "Still here.",
    );
    let journal = s.file();
    assert_eq!(records(&journal, "entries").len(), 2);
    assert!(
        records(&journal, "entries")
            .iter()
            .any(|e| e["deleted"] == true)
    );
    assert_valid(&journal, "a journal with a tombstone");
}

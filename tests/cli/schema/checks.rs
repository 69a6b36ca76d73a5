//! The schema refuses broken journals, accepts unknown fields and matches every real journal.

use super::*;

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

    let mut doer = good.clone();
    doer["kind_acts"][1]["done_by"] = json!("sam");
    assert_rejected_at(
        &doer,
        "/kind_acts/1/done_by",
        "a doer that is not a partner id",
    );

    let mut no_rev = good.clone();
    no_rev["promises"][0].as_object_mut().unwrap().remove("rev");
    assert_rejected_at(&no_rev, "/promises/0", "a record without rev");

    let mut outcome = good.clone();
    outcome["hard_moments"][0]["outcome"] = json!("fine");
    assert_rejected_at(&outcome, "/hard_moments/0/outcome", "an unknown outcome");

    let mut no_parts = good.clone();
    no_parts["plan_items"][0]
        .as_object_mut()
        .unwrap()
        .remove("helps_me");
    assert_rejected_at(&no_parts, "/plan_items/0", "a plan item without what helps");

    let mut until = good.clone();
    until["pauses"][0]["until"] = json!("21:30");
    assert_rejected_at(&until, "/pauses/0/until", "a pause until a bare time");
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
    journal["plan_items"][0]["colour"] = json!("blue");
    let reviewed = usize::from(records(&journal, "plan_items")[0]["reviews"] == json!([]));
    journal["plan_items"][reviewed]["reviews"][0]["mood"] = json!("warm");
    journal["hard_moments"][0]["breaths"] = json!(4);
    journal["pauses"][0]["kept"] = json!(true);
    assert_valid(&journal, "a journal with unknown fields");

    // Fields with serde defaults may be left out.
    let object = journal.as_object_mut().unwrap();
    for optional in [
        "settings",
        "entries",
        "checkins",
        "promises",
        "kind_acts",
        "plan_items",
        "hard_moments",
        "pauses",
        "replies",
    ] {
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
    assert_eq!(schema["properties"]["version"]["enum"], json!([1, 2]));
    assert_eq!(schema["then"]["properties"]["version"]["const"], 2);
    assert_eq!(schema["else"]["properties"]["version"]["const"], 1);
}

#[test]
fn a_demo_journal_matches_the_schema() {
    let s = Mend::new();
    let demo = s.dir.path().join("demo.json");
    s.ok(
        &["demo", "--weeks", "6", "--output", demo.to_str().unwrap()],
        "",
    );
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
    h.keys("Alex<Tab><Right><Tab>Sam<Tab><Right><Enter>n");
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
    let s = Mend::new();
    s.ok(&["init", "--partner", "Alex", "--partner", "Sam"], "");
    s.ok(
        &["write", "--as", "Alex", "--stage", "healing"],
        "Taken back.",
    );
    let mut file = s.journal_json();
    file["entries"][0]["deleted"] = json!(true);
    file["entries"][0]["rev"] = json!(2);
    std::fs::write(&s.journal, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    s.ok(
        &["write", "--as", "Sam", "--stage", "healing"],
        "Still here.",
    );
    let journal = s.journal_json();
    assert_eq!(records(&journal, "entries").len(), 2);
    assert!(
        records(&journal, "entries")
            .iter()
            .any(|e| e["deleted"] == true)
    );
    assert_valid(&journal, "a journal with a tombstone");
}

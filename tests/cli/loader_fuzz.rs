//! Feeds the loader random bytes and damaged journals: it never panics and always says what is wrong.
//!
//! cargo-fuzz is not installed here, so this is proptest over arbitrary bytes and over
//! mutations of a small valid journal, plus exhaustive truncations, removed fields and
//! values of the wrong type.

use mend::store::{LoadError, parse};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::OnceLock;

use crate::mutation::{apply, mutation};

/// Bytes inserted into a journal: JSON's own.
const JSON_BYTES: &[u8] = b"{}[]\":,0123456789-.eE \ntfnul\\\xff";

/// The name every parse reports; only used in messages.
const PATH: &str = "/home/sam/journals/our journal.json";

/// A small journal with one record of every kind, made by the real binary.
fn small_journal() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let m = crate::kit::Mend::with_journal();
        m.write("Alice", "first words");
        let ratings = ["--safety", "3", "--trust", "4", "--connection", "5"];
        let mut checkin = vec!["checkin", "--as", "Bob", "--note-stdin"];
        checkin.extend(ratings);
        m.ok(&checkin, "calm");
        m.ok(
            &[
                "promise", "add", "--by", "Bob", "--to", "Alice", "Call", "if", "late",
            ],
            "",
        );
        m.ok(&["kind", "add", "--by", "Alice", "Made", "tea"], "");
        m.journal_bytes()
    })
}

fn small_journal_json() -> Value {
    serde_json::from_slice(small_journal()).expect("the small journal is JSON")
}

/// Checks what every refusal must do, and returns its message.
///
/// The message names the file, fits on one line and stays short; a parse error names the
/// line and column, which lie inside the bytes given.
#[track_caller]
fn check_refusal(err: &LoadError, bytes: &[u8]) -> String {
    let message = err.to_string();
    assert!(message.contains(PATH), "names the file: {message}");
    assert!(!message.contains('\n'), "one line: {message}");
    assert!(message.len() < 600, "short: {message}");
    if let LoadError::Parse { line, column, .. } = err {
        let lines = bytes.split(|b| *b == b'\n').count();
        assert!(
            *line >= 1 && *line <= lines,
            "line {line} of {lines}: {message}"
        );
        assert!(
            message.contains(&format!("line {line}, column {column}")),
            "{message}"
        );
    }
    message
}

/// Every path to a value inside `value`: object keys and array indexes.
fn paths(value: &Value) -> Vec<Vec<String>> {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    };
    let mut found = Vec::new();
    for (key, child) in children {
        found.push(vec![key.clone()]);
        found.extend(paths(child).into_iter().map(|mut rest| {
            rest.insert(0, key.clone());
            rest
        }));
    }
    found
}

/// The value holding the last step of `path`.
fn parent_of<'a>(root: &'a mut Value, path: &[String]) -> &'a mut Value {
    path[..path.len() - 1]
        .iter()
        .fold(root, |node, key| match key.parse::<usize>() {
            Ok(index) if node.is_array() => &mut node[index],
            _ => &mut node[key.as_str()],
        })
}

fn pretty(value: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("serializes")
}

#[test]
fn the_small_journal_itself_loads() {
    let journal = parse(Path::new(PATH), small_journal()).expect("valid");
    assert_eq!(journal.entries.len(), 1);
    assert_eq!(journal.checkins.len(), 1);
    assert_eq!(journal.promises.len(), 1);
    assert_eq!(journal.kind_acts.len(), 1);
}

#[test]
fn every_truncation_is_refused_with_the_place_it_stops() {
    let bytes = small_journal();
    let end = bytes.trim_ascii_end().len();
    for cut in 0..end {
        let prefix = &bytes[..cut];
        let err = parse(Path::new(PATH), prefix).expect_err("a cut journal is refused");
        let message = check_refusal(&err, prefix);
        if prefix.trim_ascii().is_empty() {
            assert!(matches!(err, LoadError::Empty { .. }), "{cut}: {message}");
        } else {
            assert!(matches!(err, LoadError::Parse { .. }), "{cut}: {message}");
            assert!(
                message.contains("EOF"),
                "says it ends early at {cut}: {message}"
            );
        }
    }
}

#[test]
fn a_missing_field_is_named_unless_it_has_a_default() {
    let original = small_journal_json();
    let mut refused = Vec::new();
    for path in paths(&original).into_iter().filter(|p| {
        // Removing an array item is not removing a field.
        p.last().is_some_and(|k| k.parse::<usize>().is_err())
    }) {
        let mut damaged = original.clone();
        let field = path.last().expect("not empty").clone();
        parent_of(&mut damaged, &path)
            .as_object_mut()
            .expect("a field's parent is an object")
            .remove(&field);
        let bytes = pretty(&damaged);
        if let Err(err) = parse(Path::new(PATH), &bytes) {
            let message = check_refusal(&err, &bytes);
            let named = if field == "format" {
                "\"format\" is missing".to_owned()
            } else if ["safety", "trust", "connection"].contains(&field.as_str()) {
                // Left out only where sealed in an encrypted journal (see `journal::checkin`).
                "is missing its ratings".to_owned()
            } else {
                format!("missing field `{field}`")
            };
            assert!(message.contains(&named), "{path:?}: {message}");
            refused.push(path.join("."));
        }
    }
    // The header, the partners and what lets two copies merge (DESIGN.md) are required.
    for required in ["format", "version", "started", "partners", "partners.0.id"] {
        assert!(
            refused.contains(&required.to_owned()),
            "{required}: {refused:?}"
        );
    }
    for kind in ["entries", "checkins", "promises", "kind_acts"] {
        for field in ["id", "author", "created", "updated", "rev"] {
            let path = format!("{kind}.0.{field}");
            assert!(refused.contains(&path), "{path}: {refused:?}");
        }
    }
}

#[test]
fn a_value_of_the_wrong_type_is_refused_at_its_place() {
    let original = small_journal_json();
    for path in paths(&original) {
        let mut damaged = original.clone();
        let key = path.last().expect("not empty");
        let parent = parent_of(&mut damaged, &path);
        let slot = match key.parse::<usize>() {
            Ok(index) if parent.is_array() => &mut parent[index],
            _ => &mut parent[key.as_str()],
        };
        *slot = match slot {
            Value::String(_) => json!(7),
            Value::Number(_) | Value::Bool(_) => json!("seven"),
            Value::Array(_) => json!({"seven": 7}),
            Value::Object(_) => json!([7]),
            Value::Null => json!([]),
        };
        let bytes = pretty(&damaged);
        let err = parse(Path::new(PATH), &bytes)
            .expect_err(&format!("{path:?} of the wrong type is refused"));
        let message = check_refusal(&err, &bytes);
        assert!(
            matches!(err, LoadError::Parse { .. } | LoadError::NotAJournal { .. }),
            "{path:?}: {message}"
        );
    }
}

#[test]
fn a_huge_wrong_value_is_named_briefly() {
    let huge_text = "not a stage ".repeat(100_000);
    for (field, value, says) in [
        (
            "format",
            json!(vec!["not a journal"; 100_000]),
            "[\"not a journal\",",
        ),
        (
            "stage",
            json!(huge_text),
            // Named by its field, never quoted: it could be a partner's words.
            "the field `entries[0].stage` has an unknown value",
        ),
        ("started", json!(huge_text), "invalid characters"),
    ] {
        let mut journal = small_journal_json();
        match field {
            "stage" => journal["entries"][0][field] = value,
            _ => journal[field] = value,
        }
        let bytes = pretty(&journal);
        let err = parse(Path::new(PATH), &bytes).expect_err("refused");
        let message = check_refusal(&err, &bytes);
        assert!(
            message.contains(says),
            "{field}: says what it found: {message}"
        );
    }
}

/// Characters that make random bytes look like JSON, so the parser goes deeper.
fn jsonish_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop::sample::select(b"{}[]\":,0123456789-. \nabcdefmnorstuvjl\\".to_vec()),
        0..400,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic_and_name_the_file(
        bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..2048), jsonish_bytes()]
    ) {
        if let Err(err) = parse(Path::new(PATH), &bytes) {
            check_refusal(&err, &bytes);
        }
    }

    #[test]
    fn a_damaged_journal_loads_or_is_refused_with_a_reason(
        changes in prop::collection::vec(mutation(JSON_BYTES), 1..6)
    ) {
        let mut bytes = small_journal().to_vec();
        for change in &changes {
            apply(&mut bytes, change);
        }
        match parse(Path::new(PATH), &bytes) {
            // Some damage is harmless (white space, a letter inside a text).
            Ok(journal) => {
                mend::store::to_bytes(&journal).expect("what loads can be saved");
            }
            Err(err) => {
                check_refusal(&err, &bytes);
            }
        }
    }

    #[test]
    fn a_newer_version_is_refused_naming_both_versions(version in 3u64..) {
        let mut journal = small_journal_json();
        journal["version"] = json!(version);
        let bytes = pretty(&journal);
        let err = parse(Path::new(PATH), &bytes).expect_err("refused");
        let message = check_refusal(&err, &bytes);
        prop_assert!(matches!(err, LoadError::TooNew { .. }), "{}", message);
        prop_assert!(message.contains(&format!("version {version},")), "{}", message);
        prop_assert!(message.contains("(version 2)"), "{}", message);
    }
}

#[test]
fn a_version_that_is_not_a_whole_number_is_refused_at_its_place() {
    for version in [json!(-1), json!(1.5), json!("2"), json!(null), json!(1e40)] {
        let mut journal = small_journal_json();
        journal["version"] = version.clone();
        let bytes = pretty(&journal);
        let err = parse(Path::new(PATH), &bytes).expect_err("refused");
        let message = check_refusal(&err, &bytes);
        assert!(
            matches!(err, LoadError::Parse { .. }),
            "{version}: {message}"
        );
    }
}

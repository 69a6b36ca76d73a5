//! Deleting an entry removes its words from the journal file; undo in the same session brings them back.
//!
//! The tombstone keeps only the id and the metadata, and still matches the schema.

use crate::kit::tui::{ALEX, Harness, lived_in_journal, now};
use mend::journal::Journal;
use mend::store::Store;

/// Alex's newest entry: the first row of the journal list.
const WORDS: &str = "I kept the Tuesday call.";

fn bytes(journal: &Journal) -> String {
    serde_json::to_string_pretty(journal).unwrap()
}

#[test]
fn deleting_in_the_tui_leaves_no_words_behind_and_undo_brings_them_back() {
    let mut h = Harness::new(Some(lived_in_journal()));
    assert!(bytes(h.saved.as_ref().unwrap()).contains(WORDS));
    h.keys("<Enter>j");
    assert!(
        h.render(80, 24).contains(WORDS),
        "the entry is listed first"
    );
    h.keys("dy");
    let saved = h.saved.clone().unwrap();
    let text = bytes(&saved);
    assert!(!text.contains(WORDS), "the words are gone from the journal");
    let tombstone = saved
        .entries
        .iter()
        .find(|e| e.meta.deleted)
        .expect("a tombstone stays for merging");
    assert_eq!(tombstone.meta.author, ALEX);
    assert_eq!(tombstone.prompt, None, "the prompt is content too");
    h.keys("u");
    assert!(
        bytes(h.saved.as_ref().unwrap()).contains(WORDS),
        "undo in the same session puts the words back"
    );
}

#[test]
fn a_deleted_entry_is_absent_from_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let mut store = Store::new(&path, None);
    store.create(lived_in_journal()).unwrap();
    let at = now().to_utc();
    store
        .update(|j| {
            let id = j
                .live_entries()
                .find(|e| e.text == WORDS)
                .expect("the entry")
                .meta
                .id;
            Ok(j.set_entry_deleted(id, ALEX, true, at)?)
        })
        .unwrap();
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(!file.contains(WORDS), "{file}");
    assert!(file.contains("\"deleted\": true"), "{file}");
    // The tombstone, its text empty, still matches the journal's schema; a live entry
    // with an empty text does not.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/journal.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let mut journal: serde_json::Value = serde_json::from_str(&file).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&journal)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let tombstone = journal["entries"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["deleted"] == true)
        .unwrap();
    tombstone["deleted"] = false.into();
    assert!(
        !validator.is_valid(&journal),
        "a live entry needs its words"
    );
}

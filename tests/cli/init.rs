//! `mend init`: a private journal for two partners, and the partners it refuses.

use crate::helpers::*;
use crate::kit::{Mend, TODAY, mode};
use serde_json::json;

#[test]
fn init_creates_a_private_journal_for_two_partners() {
    let m = Mend::new();
    let out = m.ok(
        &[
            "init",
            "--partner",
            "Alice",
            "--partner",
            "Bob",
            "--roles",
            "hurt,repairing",
        ],
        "",
    );
    assert!(out.contains("Alice") && out.contains("Bob"), "{out}");
    assert!(out.contains(&m.journal.display().to_string()), "{out}");
    let j = m.journal_json();
    assert_eq!(j["format"], "mend-journal");
    assert_eq!(j["version"], 1);
    assert_eq!(j["started"], TODAY);
    let partners = j["partners"].as_array().unwrap();
    assert_eq!(partners.len(), 2);
    assert_eq!(partners[0]["name"], "Alice");
    assert_eq!(partners[0]["role"], "hurt");
    assert_eq!(partners[1]["name"], "Bob");
    assert_eq!(partners[1]["role"], "repairing");
    assert_ne!(partners[0]["id"], partners[1]["id"]);
    for list in ["entries", "checkins", "promises", "kind_acts"] {
        assert_eq!(j[list], json!([]), "{list}");
    }
    assert_eq!(mode(&m.journal), 0o600);
    assert_eq!(mode(&m.journal_dir()), 0o700, "a new folder is private");
    assert!(m.backups().is_empty(), "nothing to back up yet");
}

#[test]
fn init_twice_refuses_and_leaves_the_file_unchanged() {
    let m = Mend::with_journal();
    let err = refused(
        &m,
        &["init", "--partner", "Carol", "--partner", "Dan"],
        "",
        1,
        &[&m.journal.display().to_string(), "already exists"],
    );
    assert!(err.contains("not overwrite"), "{err}");
    assert_eq!(m.partner_id("Alice").len(), 36);
}

#[test]
fn init_refuses_bad_partners_without_creating_a_file() {
    let m = Mend::new();
    refused(
        &m,
        &["init", "--partner", "Alice"],
        "",
        2,
        &["two partners"],
    );
    refused(
        &m,
        &["init", "--partner", "Alice", "--partner", "ALICE"],
        "",
        2,
        &["Alice"],
    );
    refused(
        &m,
        &[
            "init",
            "--partner",
            "Alice",
            "--partner",
            "Bob",
            "--roles",
            "hurt,villain",
        ],
        "",
        2,
        &["villain"],
    );
    assert!(!m.journal.exists());
}

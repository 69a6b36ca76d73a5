//! `mend demo --output`: a sample journal written through the binary, safely and reproducibly.

use crate::kit::{Mend, mode, stderr, stdout};
use std::path::PathBuf;

/// A demo file path beside the harness's journal (which `mend demo` must never touch).
fn output(m: &Mend, name: &str) -> PathBuf {
    m.dir.path().join(name)
}

fn demo(m: &Mend, out: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let path = out.to_str().unwrap();
    let mut args = vec!["demo", "--output", path];
    args.extend_from_slice(extra);
    m.run(&args, "")
}

fn as_json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn count(journal: &serde_json::Value, list: &str) -> usize {
    journal[list].as_array().map_or(0, Vec::len)
}

#[test]
fn it_writes_a_journal_that_mend_check_accepts_and_leaves_the_real_one_alone() {
    let m = Mend::new();
    let out = output(&m, "demo.json");
    let written = demo(&m, &out, &[]);
    assert!(written.status.success(), "{}", stderr(&written));
    assert!(stdout(&written).contains("Alex and Sam"));

    let checked = m
        .command_without_journal()
        .args(["--journal", out.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert!(checked.status.success(), "{}", stdout(&checked));
    assert!(stdout(&checked).contains("No problems found."));
    assert!(!m.journal.exists(), "the harness's own journal was created");
}

#[test]
fn the_same_seed_and_evening_give_the_same_bytes() {
    let m = Mend::new();
    let [a, b, c] = ["a.json", "b.json", "c.json"].map(|name| output(&m, name));
    for (path, seed) in [(&a, "42"), (&b, "42"), (&c, "43")] {
        let written = demo(&m, path, &["--weeks", "3", "--seed", seed]);
        assert!(written.status.success(), "{}", stderr(&written));
    }
    let bytes = |path| std::fs::read(path).unwrap();
    assert_eq!(bytes(&a), bytes(&b));
    assert_ne!(bytes(&a), bytes(&c));
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let m = Mend::new();
    let out = output(&m, "notes.json");
    std::fs::write(&out, b"my own notes, not a journal\n").unwrap();
    let refused = demo(&m, &out, &[]);
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(message.contains(out.to_str().unwrap()), "{message}");
    assert!(message.contains("never overwrites"), "{message}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"my own notes, not a journal\n"
    );
}

#[cfg(unix)]
#[test]
fn the_file_is_readable_only_by_its_owner() {
    let m = Mend::new();
    let out = output(&m, "private.json");
    assert!(demo(&m, &out, &["--weeks", "1"]).status.success());
    assert_eq!(mode(&out), 0o600);
}

#[test]
fn weeks_and_years_set_how_far_back_it_reaches() {
    let m = Mend::new();
    // MEND_NOW is the evening of 2026-11-25; the demo fills the evenings before it.
    for (name, extra, started, evenings) in [
        ("default.json", &[][..], "2026-09-02", 84),
        ("two-weeks.json", &["--weeks", "2"][..], "2026-11-11", 14),
        ("one-year.json", &["--years", "1"][..], "2025-11-25", 365),
    ] {
        let out = output(&m, name);
        let written = demo(&m, &out, extra);
        assert!(written.status.success(), "{}", stderr(&written));
        let journal = as_json(&out);
        assert_eq!(journal["started"], started, "{name}");
        let entries = count(&journal, "entries");
        let checkins = count(&journal, "checkins");
        // Two partners, most evenings each (some skipped), never more than one a night each.
        for (what, n) in [("entries", entries), ("check-ins", checkins)] {
            assert!(n > evenings && n <= 2 * evenings, "{name}: {n} {what}");
        }
        let promises = count(&journal, "promises");
        assert!(promises * 7 >= evenings, "{name}: {promises} promises");
        let last_day = journal["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["day"].as_str())
            .max()
            .unwrap()
            .to_owned();
        assert_eq!(last_day, "2026-11-24", "{name}: tonight is left free");
    }
}

#[test]
fn bad_values_are_refused_as_usage_mistakes_and_nothing_is_written() {
    let m = Mend::new();
    let out = output(&m, "never.json");
    for extra in [
        &["--weeks", "0"][..],
        &["--weeks", "-3"],
        &["--weeks", "many"],
        &["--years", "0"],
        &["--years", "51"],
        &["--seed", "-1"],
        &["--weeks", "2", "--years", "1"],
    ] {
        let refused = demo(&m, &out, extra);
        assert_eq!(
            refused.status.code(),
            Some(2),
            "{extra:?}: {}",
            stderr(&refused)
        );
        assert!(!out.exists(), "{extra:?} wrote a file");
    }
    // Without --output the demo opens on screen, which needs a terminal: here there is none.
    let without_terminal = m.run(&["demo"], "");
    assert_eq!(without_terminal.status.code(), Some(1));
    assert!(
        stderr(&without_terminal).contains("terminal"),
        "{}",
        stderr(&without_terminal)
    );
}

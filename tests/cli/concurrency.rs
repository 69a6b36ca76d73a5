//! Tests that two processes writing the same journal at the same time lose nothing (2 x 200 entries).

use crate::kit::Mend;
use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};
use std::time::Instant;

const PER_WRITER: usize = 200;

/// Runs `mend write` `PER_WRITER` times, one process after another, with unique texts.
fn writer(m: &Mend, name: &'static str, author: &'static str, start: &Barrier) -> Vec<String> {
    start.wait();
    let mut failures = Vec::new();
    for i in 0..PER_WRITER {
        let text = format!("{name}-{i:03}");
        let mut cmd = m.std_command();
        cmd.args(["write", "--as", author, "--stage", "communication"]);
        let out = crate::kit::spawn_with_stdin(cmd, &text)
            .wait_with_output()
            .unwrap();
        if !out.status.success() {
            failures.push(format!(
                "{text}: {} {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    failures
}

#[test]
fn two_processes_each_adding_200_entries_end_with_all_400() {
    let m = Arc::new(Mend::with_journal());
    let start = Arc::new(Barrier::new(2));
    let began = Instant::now();
    let handles: Vec<_> = [("first", "Alice"), ("second", "bob")]
        .into_iter()
        .map(|(name, author)| {
            let (m, start) = (Arc::clone(&m), Arc::clone(&start));
            std::thread::spawn(move || writer(&m, name, author, &start))
        })
        .collect();
    let failures: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    eprintln!("400 writes took {:?}", began.elapsed());
    assert!(failures.is_empty(), "failed writes: {failures:#?}");

    let log = m.json(&["log", "--json"]);
    let texts: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 2 * PER_WRITER, "every entry is in the log");
    let unique: BTreeSet<&str> = texts.iter().copied().collect();
    let expected: BTreeSet<String> = ["first", "second"]
        .iter()
        .flat_map(|name| (0..PER_WRITER).map(move |i| format!("{name}-{i:03}")))
        .collect();
    assert_eq!(
        unique,
        expected.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        "each text exactly once"
    );

    // The file itself holds 400 distinct records and passes the check.
    let j = m.journal_json();
    let ids: BTreeSet<&str> = j["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2 * PER_WRITER);
    m.ok(&["check"], "");
    // No temp files were left behind.
    assert_eq!(m.journal_dir_names(), ["journal.json", "journal.json.lock"]);
}

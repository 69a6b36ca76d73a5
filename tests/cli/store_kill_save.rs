//! Kills `mend write` in the middle of writing the journal (at a pause test builds take there):
//! the journal always parses with every acknowledged entry, and the next save clears the temp files.

use crate::kit::{Mend, stderr};
use std::path::Path;
use std::time::{Duration, Instant};

const ROUNDS: usize = 12;

/// Entry texts in the journal, read by the library's loader, which must always succeed.
fn entry_texts(m: &Mend) -> Vec<String> {
    let journal = mend::store::load(&m.journal)
        .unwrap_or_else(|e| panic!("the journal must always load: {e}"))
        .expect("the journal exists");
    journal.entries.into_iter().map(|e| e.text).collect()
}

fn temp_files(m: &Mend) -> Vec<String> {
    m.journal_dir_names()
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Waits up to ten seconds for `flag` to appear; false if the process ended first.
pub fn wait_for(flag: &Path, child: &mut std::process::Child) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if flag.exists() {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

#[test]
fn killing_a_write_mid_save_keeps_every_acknowledged_entry() {
    let m = Mend::with_journal();
    let flags = m.dir.path().join("paused");
    std::fs::create_dir(&flags).unwrap();
    // A journal of some size, so that half of it is a broken file if written in place.
    for n in 0..5 {
        m.write(
            "Alice",
            &format!("acknowledged {n} {}", "words ".repeat(200)),
        );
    }
    let mut acknowledged = entry_texts(&m);
    let mut killed_mid_save = 0;
    for round in 0..ROUNDS {
        let text = format!("round {round}");
        let journal_flag = flags.join("journal.json");
        let _ = std::fs::remove_file(&journal_flag);
        let mut cmd = m.std_command();
        cmd.args(["write", "--as", "Bob", "--stage", "healing"])
            .env(mend::store::PAUSE_MID_WRITE, &flags);
        let mut child = crate::kit::spawn_with_stdin(cmd, &text);
        // Every other round is killed half-way through writing the journal.
        if round % 2 == 0 && wait_for(&journal_flag, &mut child) {
            child.kill().unwrap();
            child.wait().unwrap();
            killed_mid_save += 1;
        } else {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
            acknowledged.push(text);
        }
        let texts = entry_texts(&m);
        for saved in &acknowledged {
            assert!(texts.contains(saved), "round {round}: lost {saved:?}");
        }
        if round % 2 == 0 {
            assert!(
                !temp_files(&m).is_empty(),
                "the kill left its half-written temp file"
            );
        }
    }
    assert!(
        killed_mid_save >= ROUNDS / 2 - 1,
        "only {killed_mid_save} kills landed mid-save"
    );
    m.write("Alice", "A save with nothing in its way.");
    assert_eq!(
        temp_files(&m),
        Vec::<String>::new(),
        "the next save cleared the temp files"
    );
    eprintln!("{killed_mid_save} of {ROUNDS} rounds killed mid-save");
}

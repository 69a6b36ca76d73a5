//! Kills `mend write` with SIGKILL at random moments: the journal always parses, no saved entry is lost.
//!
//! Rounds: `MEND_KILL_ROUNDS` (default 30, so `cargo test` stays quick); the full
//! run is `MEND_KILL_ROUNDS=200 cargo test --test cli kill:: -- --nocapture`. The kill delays
//! come from a seeded generator: `MEND_KILL_SEED` (default 7) replays a run exactly.

use crate::kit::{Mend, spawn_with_stdin, stderr};
use std::process::Child;
use std::time::Instant;

const STAGES: [&str; 3] = ["communication", "reciprocity", "healing"];
const AUTHORS: [&str; 2] = ["Alice", "Bob"];

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{name} must be a number"))
        })
        .unwrap_or(default)
}

/// Starts `mend write` with `text` on its standard input, already sent and closed.
fn start_write(m: &Mend, author: &str, stage: &str, text: &str) -> Child {
    let mut cmd = m.std_command();
    cmd.args(["write", "--as", author, "--stage", stage]);
    // A write killed before it reads its input fails to take it; that is part of the test.
    spawn_with_stdin(cmd, text)
}

/// Temp files the save makes beside the journal (`.journal.json.<pid>.<n>.tmp`).
fn temp_files(m: &Mend) -> Vec<String> {
    m.journal_dir_names()
        .into_iter()
        .filter(|n| n.starts_with(".journal.json.") && n.ends_with(".tmp"))
        .collect()
}

/// The text of every entry in the journal, read through the library's loader.
fn entry_texts(m: &Mend) -> Vec<String> {
    let journal = mend::store::load(&m.journal)
        .unwrap_or_else(|e| panic!("the journal must always load: {e}"))
        .expect("the journal exists");
    journal.entries.into_iter().map(|e| e.text).collect()
}

#[test]
fn killing_writes_at_random_moments_never_breaks_the_journal_or_loses_a_saved_entry() {
    let rounds = env_number("MEND_KILL_ROUNDS", 30);
    let seed = env_number("MEND_KILL_SEED", 7);
    let mut rng = fastrand::Rng::with_seed(seed);
    let m = Mend::with_journal();
    // A large journal makes each save take long enough for kills to land inside it.
    m.write("Alice", &"a long evening of honest words ".repeat(30_000));

    // How long one whole write takes here, so kill delays cover its whole life.
    let started = Instant::now();
    m.write("Bob", "timing");
    let typical = started.elapsed();

    let mut saved: Vec<String> = vec!["timing".to_owned()];
    let (mut killed, mut left_temps, mut cleaned) = (0, 0, 0);
    for round in 0..rounds {
        let marker = format!("kill-test seed {seed} round {round}");
        let author = AUTHORS[rng.usize(..AUTHORS.len())];
        let stage = STAGES[rng.usize(..STAGES.len())];
        let delay = typical.mul_f64(rng.f64() * 1.5);
        let stale = temp_files(&m);

        let mut child = start_write(&m, author, stage, &marker);
        std::thread::sleep(delay);
        // SIGKILL; if the write finished first this does nothing and it exits 0 below.
        let _ = child.kill();
        let out = child.wait_with_output().expect("wait for mend");
        let temps = temp_files(&m);
        cleaned += usize::from(stale.iter().any(|t| !temps.contains(t)));
        if out.status.success() {
            saved.push(marker.clone());
            assert!(
                temps.is_empty(),
                "round {round}: a finished write leaves no temp file, not even stale ones: {temps:?}"
            );
        } else {
            assert_eq!(
                out.status.code(),
                None,
                "round {round}: only a kill may stop a write: {}",
                stderr(&out)
            );
            killed += 1;
            left_temps += usize::from(temps.iter().any(|t| !stale.contains(t)));
            // Each save removes the stale ones under the lock first, so they never pile up.
            assert!(temps.len() <= 1, "round {round}: {temps:?}");
        }

        let check = m.run(&["check"], "");
        assert_eq!(
            check.status.code(),
            Some(0),
            "round {round} (killed after {delay:?}): {}",
            stderr(&check)
        );
        let texts = entry_texts(&m);
        for marker in &saved {
            assert!(
                texts.contains(marker),
                "round {round}: {marker:?} was saved (exit 0) but is gone"
            );
        }
    }
    eprintln!(
        "kill test, seed {seed}: {rounds} rounds, a write takes about {typical:?}; \
         {killed} killed, {} finished; {left_temps} kills left a temp file; \
         {cleaned} later writes (finished or killed) removed a stale one",
        rounds - killed
    );
    assert!(
        killed > 0 || rounds < 10,
        "no kill landed: the delays are off"
    );
}

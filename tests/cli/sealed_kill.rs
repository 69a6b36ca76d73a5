//! The kill tests on an encrypted journal: `mend write` killed in the middle of writing the
//! sealed journal, or at a random moment, leaves the old or the new sealed version, each one
//! opening with the passphrase and holding every entry a finished write saved.

use crate::kit::{spawn_with_stdin, stderr};
use crate::sealed_kit::{ALICE, BOB, Locked, open_file};
use crate::store_kill_save::wait_for;
use std::path::Path;
use std::time::Instant;

/// The entry texts of the journal as Alice's passphrase opens it; it must always open.
fn texts(locked: &Locked, round: usize) -> Vec<String> {
    let journal = open_file(&locked.m.journal, &[("Alice", ALICE)])
        .unwrap_or_else(|e| panic!("round {round}: the journal must always open: {e}"));
    assert!(journal.is_sealed(), "round {round}: still encrypted");
    journal.entries.iter().map(|e| e.text.clone()).collect()
}

fn temp_files(locked: &Locked) -> Vec<String> {
    locked
        .m
        .journal_dir_names()
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Starts `mend write --as Alice` with Alice's passphrase and `text` on its input.
fn start_write(locked: &Locked, text: &str, pause_in: Option<&Path>) -> std::process::Child {
    let mut cmd = locked.m.std_command();
    cmd.args(["write", "--as", "Alice", "--stage", "healing"])
        .env("MEND_PASSPHRASE_FILE", &locked.alice);
    if let Some(flags) = pause_in {
        cmd.env(mend::store::PAUSE_MID_WRITE, flags);
    }
    spawn_with_stdin(cmd, text)
}

/// A journal large enough that half of it written in place would be a broken file.
fn large() -> Locked {
    let locked = Locked::small();
    for n in 0..5 {
        let words = format!("acknowledged {n} {}", "words ".repeat(200));
        locked.ok(
            &locked.alice,
            &["write", "--as", "Alice", "--stage", "healing"],
            &words,
        );
    }
    locked
}

#[test]
fn killing_a_write_mid_save_leaves_the_old_sealed_journal_whole() {
    let locked = large();
    let flags = locked.m.dir.path().join("paused");
    std::fs::create_dir(&flags).unwrap();
    let mut acknowledged = texts(&locked, 0);
    let mut killed = 0;
    for round in 0..8 {
        let text = format!("round {round}");
        let flag = flags.join("journal.json");
        let _ = std::fs::remove_file(&flag);
        let before = locked.m.journal_bytes();
        let mut child = start_write(&locked, &text, Some(&flags));
        if round % 2 == 0 && wait_for(&flag, &mut child) {
            child.kill().unwrap();
            child.wait().unwrap();
            killed += 1;
            assert_eq!(
                locked.m.journal_bytes(),
                before,
                "round {round}: the old sealed version, byte for byte"
            );
            assert!(
                !temp_files(&locked).is_empty(),
                "the half-written temp file"
            );
        } else {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
            acknowledged.push(text);
        }
        let now = texts(&locked, round);
        for saved in &acknowledged {
            assert!(now.contains(saved), "round {round}: lost {saved:?}");
        }
        // Bob's passphrase opens the same version too.
        open_file(&locked.m.journal, &[("Bob", BOB)])
            .unwrap_or_else(|e| panic!("round {round}: Bob's passphrase: {e}"));
    }
    assert!(killed >= 3, "only {killed} kills landed mid-save");
    locked.ok(
        &locked.bob,
        &["write", "--as", "Bob", "--stage", "healing"],
        "a save with nothing in its way",
    );
    assert_eq!(
        temp_files(&locked),
        Vec::<String>::new(),
        "temp files cleared"
    );
}

#[test]
fn killing_writes_at_random_moments_never_breaks_the_sealed_journal() {
    let locked = large();
    let started = Instant::now();
    locked.ok(
        &locked.alice,
        &["write", "--as", "Alice", "--stage", "healing"],
        "timing",
    );
    let typical = started.elapsed();
    let mut rng = fastrand::Rng::with_seed(18);
    let mut saved = vec!["timing".to_owned()];
    let mut killed = 0;
    for round in 0..16 {
        let marker = format!("sealed kill round {round}");
        let delay = typical.mul_f64(rng.f64() * 1.5);
        let mut child = start_write(&locked, &marker, None);
        std::thread::sleep(delay);
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            saved.push(marker);
        } else {
            assert_eq!(
                out.status.code(),
                None,
                "only a kill stops it: {}",
                stderr(&out)
            );
            killed += 1;
        }
        let check = locked.run(&locked.bob, &["check"], "");
        assert!(check.status.success(), "round {round}: {}", stderr(&check));
        let now = texts(&locked, round);
        for marker in &saved {
            assert!(now.contains(marker), "round {round}: {marker:?} is gone");
        }
    }
    assert!(killed > 0, "no kill landed");
}

//! An encrypted journal on two laptops: shared and joined without a passphrase, each laptop
//! unlocking with its own partner's, and no word readable in the shared folder.

use crate::kit::Mend;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs `mend ARGS` on a laptop (no `--journal`: the laptop's config decides), with the
/// passphrase file `secret` when given.
fn on(laptop: &Mend, secret: Option<&Path>, args: &[&str], stdin: &str) -> Output {
    let mut cmd = laptop.command_without_journal();
    if let Some(secret) = secret {
        cmd.env("MEND_PASSPHRASE_FILE", secret);
    }
    cmd.args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run mend")
}

#[track_caller]
fn ok(laptop: &Mend, secret: Option<&Path>, args: &[&str], stdin: &str) -> String {
    let out = on(laptop, secret, args, stdin);
    assert!(
        out.status.success(),
        "mend {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn secret(laptop: &Mend, name: &str, text: &str) -> PathBuf {
    let path = laptop.dir.path().join(name);
    std::fs::write(&path, text).expect("secret file");
    path
}

/// Every byte of every file under `dir`.
fn bytes_under(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                all.extend(std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    all
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn an_encrypted_journal_is_shared_and_joined_sealed_and_each_laptop_opens_its_own() {
    let (alices, bobs) = (Mend::new(), Mend::new());
    let folder = alices.dir.path().join("Sync").join("mend");
    let folder_arg = folder.display().to_string();
    ok(
        &alices,
        None,
        &["init", "--partner", "Alice", "--partner", "Bob"],
        "",
    );
    ok(
        &alices,
        None,
        &["write", "--as", "alice", "--stage", "healing", "--private"],
        "alice alone at the window",
    );
    ok(
        &alices,
        None,
        &["write", "--as", "alice", "--stage", "healing"],
        "alice says hello",
    );
    let both = secret(
        &alices,
        "both",
        "Alice: alice passphrase one\nBob: bob passphrase two\n",
    );
    ok(&alices, Some(&both), &["encrypt"], "");
    // Sharing and joining move sealed words only, so they ask for no passphrase.
    ok(&alices, None, &["share", &folder_arg], "");
    ok(&bobs, None, &["join", &folder_arg, "--as", "bob"], "");
    let bob = secret(&bobs, "bob", "bob passphrase two\n");
    ok(
        &bobs,
        Some(&bob),
        &["write", "--as", "bob", "--stage", "healing"],
        "bob by the harbour",
    );
    for word in [
        "alice alone at the window",
        "bob by the harbour",
        "alice passphrase one",
        "bob passphrase two",
    ] {
        assert!(
            !holds(&bytes_under(&folder), word),
            "{word:?} readable in the shared folder"
        );
        assert!(
            !holds(&bytes_under(&bobs.state_home()), word),
            "{word:?} readable on Bob's laptop"
        );
    }
    let alice = secret(&alices, "alice", "alice passphrase one\n");
    let seen = ok(&alices, Some(&alice), &["log", "--as", "alice"], "");
    assert!(
        seen.contains("alice alone at the window") && seen.contains("bob by the harbour"),
        "{seen}"
    );
    let refused = on(&bobs, Some(&bob), &["log", "--as", "alice"], "");
    assert_eq!(refused.status.code(), Some(2));
    let bob_sees = ok(&bobs, Some(&bob), &["log"], "");
    assert!(
        bob_sees.contains("bob by the harbour") && !bob_sees.contains("alice alone"),
        "{bob_sees}"
    );
}

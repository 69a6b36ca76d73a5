//! An encrypted journal on two laptops: shared and joined without a passphrase, each laptop
//! unlocking with its own partner's, and no word readable in the shared folder.

use crate::kit::Mend;
pub use crate::kit::files::{files_under, holding};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs `mend ARGS` on a laptop (no `--journal`: the laptop's config decides), with the
/// passphrase file `secret` when given (also as the new passphrases, for `mend encrypt`).
pub fn on(laptop: &Mend, secret: Option<&Path>, args: &[&str], stdin: &str) -> Output {
    let mut cmd = laptop.command_without_journal();
    if let Some(secret) = secret {
        cmd.env("MEND_PASSPHRASE_FILE", secret);
        cmd.env("MEND_NEW_PASSPHRASE_FILE", secret);
    }
    cmd.args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run mend")
}

/// As `on`, and it must succeed.
#[track_caller]
pub fn ok_out(laptop: &Mend, secret: Option<&Path>, args: &[&str], stdin: &str) -> Output {
    let out = on(laptop, secret, args, stdin);
    assert!(
        out.status.success(),
        "mend {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// As `ok_out`; its standard output.
#[track_caller]
pub fn ok(laptop: &Mend, secret: Option<&Path>, args: &[&str], stdin: &str) -> String {
    String::from_utf8_lossy(&ok_out(laptop, secret, args, stdin).stdout).into_owned()
}

/// A passphrase file (0600) on `laptop` holding `text`.
pub fn secret(laptop: &Mend, name: &str, text: &str) -> PathBuf {
    let path = laptop.dir.path().join(name);
    std::fs::write(&path, text).expect("secret file");
    crate::kit::set_private(&path);
    path
}

/// Every byte of every file under `dir`.
fn bytes_under(dir: &Path) -> Vec<u8> {
    files_under(dir)
        .into_iter()
        .flat_map(|(_, bytes)| bytes)
        .collect()
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Alice's and Bob's laptops, Alice's holding a new plain journal with a private entry of
/// hers, and the folder they will share (not made yet).
pub fn alices_journal() -> (Mend, Mend, PathBuf) {
    let (alices, bobs) = (Mend::new(), Mend::new());
    let folder = alices.dir.path().join("Sync").join("mend");
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
    (alices, bobs, folder)
}

#[test]
fn an_encrypted_journal_is_shared_and_joined_sealed_and_each_laptop_opens_its_own() {
    let (alices, bobs, folder) = alices_journal();
    let folder_arg = folder.display().to_string();
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
    let said = ok(&alices, None, &["share", &folder_arg], "");
    assert!(!said.contains("not encrypted"), "{said}");
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
    assert_eq!(refused.status.code(), Some(1));
    let bob_sees = ok(&bobs, Some(&bob), &["log"], "");
    assert!(
        bob_sees.contains("bob by the harbour") && !bob_sees.contains("alice alone"),
        "{bob_sees}"
    );
}

//! Two laptops sharing a journal through a real git repository: a bare repository and two
//! clones, each laptop with its own HOME and XDG folders. Both write through mend, commit,
//! pull and push; the conflict git reports in the journal file is resolved with
//! `mend merge` on the other side's version, and both laptops end with every record.

use crate::kit::{Mend, stderr, stdout};
use std::path::Path;
use std::process::Command;

/// Runs git in `dir` with the laptop's own HOME and no system configuration.
pub(crate) fn git(m: &Mend, dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args([
            "-c",
            "user.name=Laptop",
            "-c",
            "user.email=laptop@example.org",
        ])
        .args(["-c", "init.defaultBranch=main", "-c", "pull.rebase=false"])
        .args(args)
        .current_dir(dir)
        .env("HOME", m.home())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("XDG_CONFIG_HOME", m.config_home())
        .output()
        .expect("run git")
}

#[track_caller]
pub(crate) fn git_ok(m: &Mend, dir: &Path, args: &[&str]) -> String {
    let out = git(m, dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed: {}{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// A laptop whose journal is `journal.json` in its clone of `remote`.
fn laptop(remote: &Path) -> Mend {
    let mut m = Mend::new();
    std::fs::create_dir_all(m.home()).unwrap();
    let clone = m.dir.path().join("clone");
    git_ok(
        &m,
        m.dir.path(),
        &["clone", "-q", remote.to_str().unwrap(), "clone"],
    );
    m.journal = clone.join("journal.json");
    m
}

fn commit(m: &Mend, message: &str) {
    let dir = m.journal_dir();
    git_ok(m, &dir, &["add", "journal.json"]);
    git_ok(m, &dir, &["commit", "-q", "-m", message]);
}

/// Pulls; when git stops on the journal, keeps this laptop's version, folds the other
/// side's version in with `mend merge` and commits the merge.
fn pull_and_merge(m: &Mend) -> bool {
    let dir = m.journal_dir();
    let pulled = git(
        m,
        &dir,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    if pulled.status.success() {
        return false;
    }
    let theirs = git_ok(m, &dir, &["show", ":3:journal.json"]);
    let theirs_file = m.dir.path().join("theirs.json");
    std::fs::write(&theirs_file, theirs).unwrap();
    git_ok(m, &dir, &["checkout", "--ours", "journal.json"]);
    m.ok(&["merge", theirs_file.to_str().unwrap()], "");
    commit(m, "merge the other laptop's journal");
    true
}

#[test]
fn two_laptops_through_git_keep_every_record_both_wrote() {
    let root = tempfile::tempdir().unwrap();
    let remote = root.path().join("remote.git");
    let first = Mend::new();
    std::fs::create_dir_all(first.home()).unwrap();
    git_ok(&first, root.path(), &["init", "-q", "--bare", "remote.git"]);

    let alex = laptop(&remote);
    alex.init();
    alex.ok(
        &[
            "promise",
            "add",
            "--by",
            "Bob",
            "--to",
            "Alice",
            "Call at lunch",
        ],
        "",
    );
    commit(&alex, "a new journal");
    git_ok(
        &alex,
        &alex.journal_dir(),
        &["push", "-q", "origin", "HEAD:main"],
    );
    let sam = laptop(&remote);
    let promise = alex.id_with_text(&["promise", "list", "--json"], "Call at lunch");

    // Apart: Bob keeps the promise on one laptop; Alice writes on the other.
    alex.ok(&["promise", "keep", &promise], "");
    alex.write("Bob", "Bob wrote on the first laptop");
    commit(&alex, "bob's evening");
    sam.write("Alice", "Alice wrote on the second laptop");
    commit(&sam, "alice's evening");
    git_ok(
        &sam,
        &sam.journal_dir(),
        &["push", "-q", "origin", "HEAD:main"],
    );
    assert!(
        pull_and_merge(&alex),
        "both changed the journal, so git stops on it"
    );
    git_ok(
        &alex,
        &alex.journal_dir(),
        &["push", "-q", "origin", "HEAD:main"],
    );

    // Apart again, the other way round: Alice notices the kept promise and edits nothing
    // else, while Bob writes again.
    pull_and_merge(&sam);
    sam.ok(&["promise", "notice", &promise, "--as", "Alice"], "");
    commit(&sam, "alice noticed");
    alex.write("Bob", "Bob again");
    commit(&alex, "bob again");
    git_ok(
        &alex,
        &alex.journal_dir(),
        &["push", "-q", "origin", "HEAD:main"],
    );
    pull_and_merge(&sam);
    git_ok(
        &sam,
        &sam.journal_dir(),
        &["push", "-q", "origin", "HEAD:main"],
    );
    pull_and_merge(&alex);

    assert_eq!(
        alex.journal_bytes(),
        sam.journal_bytes(),
        "both laptops agree"
    );
    for m in [&alex, &sam] {
        let text = String::from_utf8(m.journal_bytes()).unwrap();
        assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
        for words in [
            "Bob wrote on the first laptop",
            "Alice wrote on the second laptop",
            "Bob again",
        ] {
            assert!(text.contains(words), "{words} is missing");
        }
        let p = crate::helpers::promise_with_text(m, "Call at lunch");
        assert_eq!(p["status"], "kept");
        assert!(!p["acknowledged"].is_null(), "Alice's notice is kept: {p}");
        m.ok(&["check"], "");
    }
}

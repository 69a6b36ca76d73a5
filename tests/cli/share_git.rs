//! Two laptops sharing a folder that is a git repository: each laptop writes only its own
//! file there, so pulls and pushes in any order never stop on a conflict, and both laptops
//! end with every record either wrote.

use crate::kit::Mend;
use crate::merge_git::{git, git_ok};
use crate::share::{ok, seen_by_alice, write};
use std::path::{Path, PathBuf};

/// The laptop's clone of `remote`, in its own sandbox.
fn clone(laptop: &Mend, remote: &Path) -> PathBuf {
    std::fs::create_dir_all(laptop.home()).unwrap();
    git_ok(
        laptop,
        laptop.dir.path(),
        &["clone", "-q", remote.to_str().unwrap(), "clone"],
    );
    laptop.dir.path().join("clone")
}

/// Commits whatever the laptop's mend wrote in the shared folder.
fn commit(laptop: &Mend, repo: &Path, message: &str) {
    git_ok(laptop, repo, &["add", "-A", "mend"]);
    git_ok(laptop, repo, &["commit", "-q", "-m", message]);
}

/// Pulls, and says whether git stopped on a conflict.
fn pull_stops(laptop: &Mend, repo: &Path) -> bool {
    let out = git(
        laptop,
        repo,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    !out.status.success()
}

fn push(laptop: &Mend, repo: &Path) {
    git_ok(laptop, repo, &["push", "-q", "origin", "HEAD:main"]);
}

#[test]
fn a_shared_folder_in_git_never_conflicts_and_both_laptops_keep_everything() {
    let root = tempfile::tempdir().unwrap();
    let alice = Mend::with_journal();
    git_ok(&alice, root.path(), &["init", "-q", "--bare", "remote.git"]);
    let remote = root.path().join("remote.git");

    // Alice's laptop shares its journal into its clone, and pushes it.
    let alice_repo = clone(&alice, &remote);
    alice.write("Alice", "Before sharing");
    let folder = alice_repo.join("mend");
    alice.ok(&["share", folder.to_str().unwrap()], "");
    commit(&alice, &alice_repo, "share the journal");
    push(&alice, &alice_repo);

    // Bob's laptop clones and joins the folder as it arrived there.
    let bob = Mend::new();
    let bob_repo = clone(&bob, &remote);
    let bob_folder = bob_repo.join("mend");
    ok(
        &bob,
        &["join", bob_folder.to_str().unwrap(), "--as", "Bob"],
        "",
    );

    // Both write apart, then meet in both orders.
    for round in 0..2 {
        write(&alice, "Alice", &format!("Alice, round {round}"));
        commit(&alice, &alice_repo, "alice's evening");
        write(&bob, "Bob", &format!("Bob, round {round}"));
        commit(&bob, &bob_repo, "bob's evening");
        let (first, first_repo, second, second_repo) = if round == 0 {
            (&alice, &alice_repo, &bob, &bob_repo)
        } else {
            (&bob, &bob_repo, &alice, &alice_repo)
        };
        push(first, first_repo);
        assert!(
            !pull_stops(second, second_repo),
            "each laptop writes only its own file, so git merges without asking"
        );
        push(second, second_repo);
        assert!(!pull_stops(first, first_repo));
    }

    for laptop in [&alice, &bob] {
        let log = seen_by_alice(laptop);
        for words in [
            "Before sharing",
            "Alice, round 0",
            "Bob, round 0",
            "Alice, round 1",
            "Bob, round 1",
        ] {
            assert!(log.contains(words), "{words} is missing: {log}");
        }
        ok(laptop, &["check"], "");
    }
    for repo in [&alice_repo, &bob_repo] {
        for file in std::fs::read_dir(repo.join("mend")).unwrap().flatten() {
            let text = std::fs::read_to_string(file.path()).unwrap();
            assert!(!text.contains("<<<<<<<"), "{}", file.path().display());
        }
    }
}

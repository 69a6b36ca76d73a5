//! Encryption turned on for a journal two laptops already share: `mend encrypt` on one laptop
//! seals every laptop's file in the folder, and the other laptop opens it with its own
//! partner's passphrase, losing nothing it wrote before.

use crate::encryption_shared::{alices_journal, files_under, holding, ok, ok_out, on, secret};
use crate::kit::Mend;
use std::path::{Path, PathBuf};

/// Alice's and Bob's laptops sharing one plain journal, each having written in it.
fn two_laptops_sharing() -> (Mend, Mend, PathBuf) {
    let (alices, bobs, folder) = alices_journal();
    let folder_arg = folder.display().to_string();
    ok(&alices, None, &["share", &folder_arg], "");
    ok(&bobs, None, &["join", &folder_arg, "--as", "bob"], "");
    ok(
        &bobs,
        None,
        &["write", "--as", "bob", "--stage", "healing"],
        "bob by the harbour",
    );
    // A second run backs up Bob's file (Alice's words in it) before it saves.
    ok(
        &bobs,
        None,
        &["write", "--as", "bob", "--stage", "healing"],
        "bob at the lighthouse",
    );
    (alices, bobs, folder)
}

/// Alice encrypts the journal the two laptops share; Bob's file in the folder (its path
/// and its bytes) as it was just before, unencrypted.
fn encrypted_on_alices_laptop(alices: &Mend, folder: &Path) -> (PathBuf, Vec<u8>) {
    let bobs_file = files_under(folder)
        .into_iter()
        .find(|(_, bytes)| String::from_utf8_lossy(bytes).contains("bob at the lighthouse"))
        .expect("Bob's file in the folder");
    let both = secret(
        alices,
        "both",
        "Alice: alice passphrase one\nBob: bob passphrase two\n",
    );
    ok(alices, Some(&both), &["encrypt"], "");
    bobs_file
}

/// Bob writes an entry on his laptop with his passphrase file `bob`.
fn bob_writes_after_the_change(bobs: &Mend, bob: &Path) {
    ok(
        bobs,
        Some(bob),
        &["write", "--as", "bob", "--stage", "healing"],
        "bob after the change",
    );
}

/// No file under any of `places` (each a folder and what to call it) holds any of `words`.
#[track_caller]
fn readable_in_none(places: &[(&Path, &str)], words: &[&str]) {
    for (dir, name) in places {
        for words in words {
            assert_eq!(
                holding(dir, words),
                Vec::<PathBuf>::new(),
                "{words:?} readable in {name}"
            );
        }
    }
}

#[test]
fn encrypting_a_shared_journal_seals_every_laptops_file_and_the_other_laptop_opens_it_with_its_own_passphrase()
 {
    let (alices, bobs, folder) = two_laptops_sharing();
    let both = secret(
        &alices,
        "both",
        "Alice: alice passphrase one\nBob: bob passphrase two\n",
    );
    let said = ok(&alices, Some(&both), &["encrypt"], "");
    assert!(
        said.contains("The other laptop's file in the shared folder is sealed now too"),
        "{said}"
    );
    for words in ["alice alone at the window", "bob by the harbour"] {
        assert_eq!(
            holding(&folder, words),
            Vec::<PathBuf>::new(),
            "{words:?} readable in the folder"
        );
    }
    // Bob's laptop: the first time it reads the journal, its backups from before (which
    // hold Alice's words unsealed) go; a passphrase opens it, and his next save seals his copy.
    let backups = bobs.state_home().join("mend").join("backups");
    assert!(
        !holding(&backups, "alice alone at the window").is_empty(),
        "Bob's backup from before holds Alice's words unsealed"
    );
    let bob = secret(&bobs, "bob", "bob passphrase two\n");
    let refused = on(&bobs, None, &["log", "--as", "bob"], "");
    assert!(!refused.status.success(), "needs Bob's passphrase");
    let told = String::from_utf8_lossy(&refused.stderr);
    assert!(told.contains("passphrase"), "{told}");
    assert!(
        told.contains("earlier backups on this laptop held the words unsealed"),
        "{told}"
    );
    assert_eq!(
        holding(&backups, "alice alone at the window"),
        Vec::<PathBuf>::new(),
        "removed on Bob's laptop as soon as it read the encrypted journal"
    );
    let read = ok_out(&bobs, Some(&bob), &["log", "--as", "bob"], "");
    let seen = String::from_utf8_lossy(&read.stdout).into_owned();
    assert!(seen.contains("bob by the harbour"), "{seen}");
    assert!(
        !seen.contains("alice alone"),
        "Alice's private words stay hers: {seen}"
    );
    let stderr = String::from_utf8_lossy(&on(&bobs, Some(&bob), &["log"], "").stderr).into_owned();
    assert!(!stderr.contains("Skipped"), "nothing skipped: {stderr}");
    bob_writes_after_the_change(&bobs, &bob);
    let kept = bobs.state_home().join("mend").join("shared");
    let words = ["bob by the harbour", "bob after the change"];
    readable_in_none(
        &[(&kept, "Bob's kept copy"), (&folder, "the folder")],
        &words,
    );
    let alice = secret(&alices, "alice", "alice passphrase one\n");
    let seen = ok(&alices, Some(&alice), &["log", "--as", "alice"], "");
    assert!(
        seen.contains("bob after the change") && seen.contains("alice alone at the window"),
        "{seen}"
    );
    ok(&bobs, Some(&bob), &["check"], "");
}

#[test]
fn words_the_other_laptop_wrote_unsealed_just_before_it_learned_of_the_encryption_are_kept_not_lost()
 {
    let (alices, bobs, _folder) = two_laptops_sharing();
    // Bob's laptop saved an entry the shared folder never carried before Alice encrypted:
    // it is only in his laptop's kept copy, unsealed.
    let kept_dir = bobs.state_home().join("mend").join("shared");
    let kept = files_under(&kept_dir)
        .into_iter()
        .map(|(path, _)| path)
        .find(|path| path.extension().is_some_and(|e| e == "json"))
        .expect("Bob's kept copy");
    let scratch = bobs.dir.path().join("scratch.json");
    std::fs::copy(&kept, &scratch).expect("copy");
    let mut cmd = bobs.command_without_journal();
    cmd.args([
        "--journal",
        &scratch.display().to_string(),
        "write",
        "--as",
        "bob",
        "--stage",
        "healing",
    ])
    .write_stdin("bob on the last ferry");
    assert!(cmd.output().expect("run").status.success());
    std::fs::copy(&scratch, &kept).expect("put back");
    let both = secret(
        &alices,
        "both",
        "Alice: alice passphrase one\nBob: bob passphrase two\n",
    );
    ok(&alices, Some(&both), &["encrypt"], "");
    let bob = secret(&bobs, "bob", "bob passphrase two\n");
    let read = ok_out(&bobs, Some(&bob), &["log", "--as", "bob"], "");
    let told = String::from_utf8_lossy(&read.stderr);
    assert!(
        told.contains("holds changes from before the journal was encrypted"),
        "{told}"
    );
    let wrote = ok_out(
        &bobs,
        Some(&bob),
        &["write", "--as", "bob", "--stage", "healing"],
        "bob after the change",
    );
    let told = String::from_utf8_lossy(&wrote.stderr);
    assert!(told.contains("mend kept it"), "{told}");
    // The unsealed entry is kept whole on Bob's laptop, and nowhere else.
    let aside = holding(&bobs.state_home(), "bob on the last ferry");
    assert!(
        aside.iter().any(|p| p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("before-encryption-"))),
        "{aside:?}"
    );
    assert_eq!(
        holding(&kept_dir, "bob after the change"),
        Vec::<PathBuf>::new()
    );
}

#[test]
fn an_unencrypted_conflict_copy_that_arrives_after_encryption_leaves_the_folder_and_is_kept_on_this_laptop()
 {
    let (alices, bobs, folder) = two_laptops_sharing();
    // Bob's laptop file as it was before Alice encrypted: a sync engine that delivers it
    // late makes a conflict copy of it beside the sealed one.
    let bobs_file = encrypted_on_alices_laptop(&alices, &folder);
    let name = bobs_file.0.file_stem().expect("a name").to_string_lossy();
    let copy = folder.join(format!("{name}.sync-conflict-20261130-210000-ABCDEF7.json"));
    std::fs::write(&copy, &bobs_file.1).expect("the late copy");
    assert!(!holding(&folder, "bob at the lighthouse").is_empty());
    let alice = secret(&alices, "alice", "alice passphrase one\n");
    let wrote = ok_out(
        &alices,
        Some(&alice),
        &["write", "--as", "alice", "--stage", "healing"],
        "alice after the change",
    );
    let told = String::from_utf8_lossy(&wrote.stderr);
    assert!(
        told.contains(&copy.display().to_string())
            && told.contains("took it out of the shared folder"),
        "the removal is told, naming the copy: {told}"
    );
    // Kept on this laptop, readable only here: a merge keeps more than clocks show.
    let aside = holding(&alices.state_home(), "bob at the lighthouse");
    assert!(
        aside.iter().any(|p| p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("before-encryption-"))),
        "{aside:?}"
    );
    assert!(told.contains("before-encryption-"), "says where: {told}");
    for words in ["bob at the lighthouse", "alice alone at the window"] {
        assert_eq!(
            holding(&folder, words),
            Vec::<PathBuf>::new(),
            "{words:?} readable in the folder"
        );
    }
    // Nothing was lost: every word in the copy is in the encrypted journal.
    let seen = ok(&alices, Some(&alice), &["log"], "");
    assert!(seen.contains("bob at the lighthouse"), "{seen}");
    let bob = secret(&bobs, "bob", "bob passphrase two\n");
    ok(&bobs, Some(&bob), &["check"], "");
}

#[test]
fn an_own_file_put_back_unencrypted_by_the_sync_engine_is_never_copied_into_the_backups() {
    let (alices, bobs, folder) = two_laptops_sharing();
    let bobs_file = encrypted_on_alices_laptop(&alices, &folder);
    // The sync engine puts Bob's file back as it was before, unencrypted.
    std::fs::write(&bobs_file.0, &bobs_file.1).expect("the older version back");
    let bob = secret(&bobs, "bob", "bob passphrase two\n");
    ok(&bobs, Some(&bob), &["log", "--as", "bob"], "");
    bob_writes_after_the_change(&bobs, &bob);
    let backups = bobs.state_home().join("mend").join("backups");
    let words = ["bob at the lighthouse", "alice alone at the window"];
    readable_in_none(
        &[(&backups, "Bob's backups"), (&folder, "the folder")],
        &words,
    );
    let seen = ok(&bobs, Some(&bob), &["log", "--as", "bob"], "");
    assert!(
        seen.contains("bob at the lighthouse"),
        "nothing lost: {seen}"
    );
}

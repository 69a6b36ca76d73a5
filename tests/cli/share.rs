//! `mend share` and `mend join`: two laptops (two sandboxes, each its own HOME, XDG folders
//! and device id) sharing one folder on disk, as a sync engine would keep it.

use crate::kit::{Mend, mode, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs `mend ARGS` on a laptop as its owner would: no `--journal`, so the config decides.
pub(crate) fn on(laptop: &Mend, args: &[&str], stdin: &str) -> Output {
    laptop
        .command_without_journal()
        .args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run mend")
}

#[track_caller]
pub(crate) fn ok(laptop: &Mend, args: &[&str], stdin: &str) -> String {
    let out = on(laptop, args, stdin);
    assert!(
        out.status.success(),
        "mend {args:?} failed: {}\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

pub(crate) fn write(laptop: &Mend, author: &str, text: &str) {
    ok(
        laptop,
        &["write", "--as", author, "--stage", "communication"],
        text,
    );
}

/// Everything Alice may read, private entries included.
pub(crate) fn seen_by_alice(laptop: &Mend) -> String {
    ok(laptop, &["log", "--as", "Alice"], "")
}

/// The laptops' own files in the folder, sorted.
fn device_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// The file the laptop writes, as `mend path` names it.
fn own_file(laptop: &Mend) -> PathBuf {
    let out = ok(laptop, &["path"], "");
    let line = out
        .lines()
        .find_map(|l| l.strip_prefix("this laptop writes "))
        .unwrap_or_else(|| panic!("no own file in {out}"));
    PathBuf::from(line.trim())
}

/// Alice's laptop shares its journal in a folder; Bob's laptop joins it as Bob's.
fn shared_pair() -> (Mend, Mend, tempfile::TempDir, PathBuf) {
    let alice = Mend::with_journal();
    let sync = tempfile::tempdir().unwrap();
    let folder = sync.path().join("mend");
    let out = alice.ok(&["share", folder.to_str().unwrap()], "");
    assert!(out.contains("mend join"), "{out}");
    let bob = Mend::new();
    ok(&bob, &["join", folder.to_str().unwrap(), "--as", "bob"], "");
    (alice, bob, sync, folder)
}

#[test]
fn share_then_join_and_both_laptops_see_what_both_wrote() {
    let alice = Mend::with_journal();
    alice.write("Alice", "Before sharing");
    let old = alice.journal_bytes();
    let sync = tempfile::tempdir().unwrap();
    let folder = sync.path().join("mend");
    let out = alice.ok(&["share", folder.to_str().unwrap()], "");
    assert!(
        out.contains(&format!("mend join {} --as", folder.display())),
        "share says what to run on the other laptop: {out}"
    );
    assert!(
        out.contains(
            "It is not encrypted: whoever runs the sync engine's servers can read everything in it"
        ),
        "sharing a plain journal says who can read it: {out}"
    );
    assert_eq!(alice.journal_bytes(), old, "the old file stays as a backup");
    assert_eq!(mode(&folder), 0o700);
    let config = alice.config_home().join("mend").join("shared.json");
    assert!(config.exists(), "the folder is remembered outside it");
    assert!(!config.starts_with(&folder));

    let bob = Mend::new();
    let joined = ok(&bob, &["join", folder.to_str().unwrap(), "--as", "bob"], "");
    assert!(joined.contains("Bob's"), "{joined}");
    write(&bob, "Bob", "Written on Bob's laptop");
    write(&alice, "Alice", "Written on Alice's laptop");

    for laptop in [&alice, &bob] {
        let log = seen_by_alice(laptop);
        for text in [
            "Before sharing",
            "Written on Bob's laptop",
            "Written on Alice's laptop",
        ] {
            assert!(log.contains(text), "{text} missing from {log}");
        }
    }
    let files = device_files(&folder);
    assert_eq!(files.len(), 2, "one file a laptop, nothing else: {files:?}");
    assert_ne!(own_file(&alice), own_file(&bob));
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    let check = ok(&alice, &["check"], "");
    assert!(check.contains("2 laptop file(s)"), "{check}");
    assert!(check.contains("(this laptop)"), "{check}");
}

#[test]
fn join_refuses_an_unknown_name_and_a_folder_without_a_journal() {
    let (_alice, _bob, _sync, folder) = shared_pair();
    let carol = Mend::new();
    let out = on(
        &carol,
        &["join", folder.to_str().unwrap(), "--as", "Carol"],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("Carol"), "{}", stderr(&out));
    assert!(
        !carol
            .config_home()
            .join("mend")
            .join("shared.json")
            .exists(),
        "nothing remembered"
    );
    assert_eq!(device_files(&folder).len(), 2, "no third laptop's file");

    let empty = tempfile::tempdir().unwrap();
    let out = on(
        &carol,
        &["join", empty.path().to_str().unwrap(), "--as", "Alice"],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("holds no journal"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn share_refuses_another_couples_folder_and_a_file() {
    let (_alice, _bob, _sync, folder) = shared_pair();
    let other = Mend::with_journal();
    let before = device_files(&folder);
    let out = other.run(&["share", folder.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the journal of another couple (Alice and Bob)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(device_files(&folder), before, "nothing written");
    assert!(
        !other
            .config_home()
            .join("mend")
            .join("shared.json")
            .exists()
    );

    let out = other.run(&["share", other.journal.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a file"), "{}", stderr(&out));
}

#[test]
fn a_truncated_laptop_file_is_skipped_with_a_warning_and_nothing_is_lost() {
    let (alice, bob, _sync, folder) = shared_pair();
    write(&bob, "Bob", "Bob's first evening");
    write(&alice, "Alice", "Alice's words");
    let bobs = own_file(&bob);
    assert!(bobs.starts_with(&folder));
    let bytes = std::fs::read(&bobs).unwrap();
    std::fs::write(&bobs, &bytes[..bytes.len() / 2]).unwrap();

    let out = on(&alice, &["log", "--as", "Alice"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let name = bobs.file_name().unwrap().to_str().unwrap();
    assert!(
        stderr(&out).contains(name),
        "the warning names it: {}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("Alice's words"));
    let check = on(&alice, &["check"], "");
    assert_eq!(check.status.code(), Some(1), "a skipped file is a problem");
    assert!(stdout(&check).contains(name), "{}", stdout(&check));

    // Bob's laptop kept its own copy: its next save puts everything back.
    write(&bob, "Bob", "Bob's second evening");
    let log = seen_by_alice(&alice);
    for text in [
        "Bob's first evening",
        "Bob's second evening",
        "Alice's words",
    ] {
        assert!(log.contains(text), "{text} missing from {log}");
    }
}

#[test]
fn a_syncthing_conflict_copy_is_merged_then_moved_aside() {
    let (alice, bob, _sync, folder) = shared_pair();
    write(&bob, "Bob", "Kept in both");
    let bobs = own_file(&bob);
    let before = std::fs::read(&bobs).unwrap();
    write(&bob, "Bob", "Only in the conflict copy");
    // The engine turned Bob's newer version into a conflict copy and kept the older one.
    let stem = bobs.file_stem().unwrap().to_str().unwrap();
    let copy = folder.join(format!("{stem}.sync-conflict-20261125-210000-ABCDEF7.json"));
    std::fs::rename(&bobs, &copy).unwrap();
    std::fs::write(&bobs, &before).unwrap();

    let log = ok(&alice, &["log", "--as", "Bob"], "");
    assert!(log.contains("Only in the conflict copy"), "{log}");
    assert!(copy.exists(), "only read until something is saved");
    let check = ok(&alice, &["check"], "");
    assert!(
        check.contains(copy.file_name().unwrap().to_str().unwrap())
            && check.contains("a conflict copy: merged in already"),
        "check lists the conflict copy: {check}"
    );
    write(&alice, "Alice", "A later evening");
    assert!(!copy.exists(), "moved aside after the save");
    let aside = folder
        .join("conflicts-merged")
        .join(copy.file_name().unwrap());
    assert!(aside.exists(), "never deleted");
    let alices = std::fs::read_to_string(own_file(&alice)).unwrap();
    assert!(alices.contains("Only in the conflict copy"), "{alices}");
}

/// It said "merged in already" of a copy it had skipped as damaged.
#[test]
fn check_never_says_a_damaged_conflict_copy_was_merged() {
    let (alice, bob, _sync, folder) = shared_pair();
    write(&bob, "Bob", "Kept in both");
    let bobs = own_file(&bob);
    let stem = bobs.file_stem().unwrap().to_str().unwrap();
    let copy = folder.join(format!("{stem}.sync-conflict-20261125-210000-ABCDEF7.json"));
    let bytes = std::fs::read(&bobs).unwrap();
    std::fs::write(&copy, &bytes[..300]).unwrap();
    let out = on(&alice, &["check"], "");
    let said = String::from_utf8_lossy(&out.stdout);
    let name = copy.file_name().unwrap().to_str().unwrap();
    assert!(
        said.contains(&format!(
            "{name}  a conflict copy: not merged (see the problem below); left as it is"
        )),
        "{said}"
    );
    assert!(!said.contains("merged in already"), "{said}");
    assert_ne!(
        out.status.code(),
        Some(0),
        "a skipped copy is a problem: {said}"
    );
}

#[test]
fn a_shared_file_rolled_back_by_the_engine_loses_nothing() {
    let (alice, bob, _sync, _folder) = shared_pair();
    write(&bob, "Bob", "First");
    let bobs = own_file(&bob);
    let older = std::fs::read(&bobs).unwrap();
    write(&bob, "Bob", "Second, later rolled back");
    std::fs::write(&bobs, &older).unwrap();

    let log = ok(&bob, &["log", "--as", "Bob"], "");
    assert!(log.contains("Second, later rolled back"), "{log}");
    write(&bob, "Bob", "Third");
    write(&alice, "Alice", "Alice too");
    let log = seen_by_alice(&alice);
    for text in ["First", "Second, later rolled back", "Third", "Alice too"] {
        assert!(log.contains(text), "{text} missing from {log}");
    }
}

#[test]
fn path_shows_the_shared_folder_and_this_laptops_file() {
    let (alice, _bob, _sync, folder) = shared_pair();
    let out = ok(&alice, &["path"], "");
    assert!(out.contains(&folder.display().to_string()), "{out}");
    assert!(own_file(&alice).starts_with(&folder));
}

#[test]
fn mend_journal_may_name_the_shared_folder() {
    let (alice, _bob, _sync, folder) = shared_pair();
    write(&alice, "Alice", "In the folder");
    let carol = Mend::new();
    let out = carol
        .command_without_journal()
        .env("MEND_JOURNAL", &folder)
        .args(["log", "--as", "Alice"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("In the folder"), "{}", stdout(&out));
}

#[test]
fn an_open_store_sees_the_other_laptops_save() {
    use mend::store::{Freshness, Store};
    let (alice, bob, _sync, folder) = shared_pair();
    let backups = alice.state_home().join("mend").join("backups");
    let mut store = Store::with_backups(&folder, &backups, chrono::Utc::now);
    store.load().unwrap().expect("a journal");
    assert_eq!(store.look_for_changes(), Freshness::Same);

    write(&bob, "Bob", "Arrived from Bob's laptop");
    let Freshness::Newer(journal) = store.look_for_changes() else {
        panic!("Bob's save is seen");
    };
    let texts: Vec<_> = journal.live_entries().map(|e| e.text.clone()).collect();
    assert!(
        texts.iter().any(|t| t == "Arrived from Bob's laptop"),
        "{texts:?}"
    );
    assert_eq!(store.look_for_changes(), Freshness::Same, "read once");

    let bobs = own_file(&bob);
    let bytes = std::fs::read(&bobs).unwrap();
    std::fs::write(&bobs, &bytes[..bytes.len() / 2]).unwrap();
    let Freshness::Unreadable(words) = store.look_for_changes() else {
        panic!("a half-delivered file is reported");
    };
    assert!(
        words.contains(bobs.file_name().unwrap().to_str().unwrap()),
        "{words}"
    );
    let journal = store.journal().expect("the journal stays");
    assert!(
        journal
            .live_entries()
            .any(|e| e.text == "Arrived from Bob's laptop")
    );
    assert_eq!(store.look_for_changes(), Freshness::Same, "said once");
    assert_eq!(
        store.real_path(),
        own_file(&alice),
        "only its own file is written"
    );
}

#[test]
fn join_says_where_the_journal_this_laptop_had_before_is_and_how_to_fold_it_in() {
    let alice = Mend::with_journal();
    let sync = tempfile::tempdir().unwrap();
    let folder = sync.path().join("mend");
    alice.ok(&["share", folder.to_str().unwrap()], "");

    let bob = Mend::new();
    ok(
        &bob,
        &["init", "--partner", "Alice", "--partner", "Bob"],
        "",
    );
    let before = bob.data_home().join("mend").join("journal.json");
    assert!(before.is_file(), "a journal of its own before joining");
    let old = std::fs::read(&before).unwrap();
    let joined = ok(&bob, &["join", folder.to_str().unwrap(), "--as", "Bob"], "");
    assert!(
        joined.contains("is left as it was")
            && joined.contains(&format!("mend merge {}", before.display())),
        "{joined}"
    );
    assert_eq!(std::fs::read(&before).unwrap(), old, "and it is untouched");

    // A laptop with no journal of its own hears nothing about one.
    let carol = Mend::new();
    let joined = ok(
        &carol,
        &["join", folder.to_str().unwrap(), "--as", "Alice"],
        "",
    );
    assert!(!joined.contains("left as it was"), "{joined}");
}

#[cfg(unix)]
#[test]
fn the_other_laptops_file_left_readable_by_a_pull_is_made_private_again() {
    use std::os::unix::fs::PermissionsExt;
    let alice = Mend::with_journal();
    let sync = tempfile::tempdir().unwrap();
    let folder = sync.path().join("mend");
    alice.ok(&["share", folder.to_str().unwrap()], "");
    let bob = Mend::new();
    ok(&bob, &["join", folder.to_str().unwrap(), "--as", "bob"], "");
    write(&bob, "Bob", "Written on Bob's laptop");
    // As a git pull leaves it: the other laptop's file readable by everyone.
    let bobs = own_file(&bob);
    std::fs::set_permissions(&bobs, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = on(&alice, &["check"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&bobs), 0o600);
    assert!(
        stderr(&out).contains(&format!(
            "The journal {} could be read by others",
            bobs.display()
        )),
        "{}",
        stderr(&out)
    );
}

/// A folder or a link named like a laptop's file was set to 0600 (a folder then could not be
/// entered; a link's target outside the folder was changed), and mend said it had made the
/// "journal" private, then that it had skipped it.
#[cfg(unix)]
#[test]
fn a_folder_or_a_link_named_like_a_laptops_file_keeps_its_mode_and_what_it_points_to() {
    use std::os::unix::fs::PermissionsExt;
    let (alice, _bob, _sync, folder) = shared_pair();
    let odd = folder.join("journal.0123456789abcdef.json");
    std::fs::create_dir(&odd).unwrap();
    std::fs::set_permissions(&odd, std::fs::Permissions::from_mode(0o755)).unwrap();
    let photos = alice.dir.path().join("photos");
    std::fs::create_dir(&photos).unwrap();
    std::fs::set_permissions(&photos, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink(&photos, folder.join("journal.fedcba9876543210.json")).unwrap();
    let out = on(&alice, &["log"], "");
    assert_eq!(mode(&odd), 0o755, "{}", stderr(&out));
    assert_eq!(mode(&photos), 0o755, "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("made it private again"),
        "{}",
        stderr(&out)
    );
}

/// Google Drive names its copy `journal (1).json`; it was left unread before.
#[test]
fn a_google_drive_conflict_copy_in_the_shared_folder_is_read_and_listed() {
    let (alice, bob, _sync, folder) = shared_pair();
    write(&bob, "Bob", "Kept in both");
    let bobs = own_file(&bob);
    let before = std::fs::read(&bobs).unwrap();
    write(&bob, "Bob", "Only in the Drive copy");
    let stem = bobs.file_stem().unwrap().to_str().unwrap();
    let copy = folder.join(format!("{stem} (1).json"));
    std::fs::rename(&bobs, &copy).unwrap();
    std::fs::write(&bobs, &before).unwrap();

    let log = ok(&alice, &["log", "--as", "Bob"], "");
    assert!(log.contains("Only in the Drive copy"), "{log}");
    let check = ok(&alice, &["check"], "");
    assert!(
        check.contains(copy.file_name().unwrap().to_str().unwrap())
            && check.contains("a conflict copy: merged in already"),
        "{check}"
    );
}

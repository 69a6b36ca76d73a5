//! `mend encrypt` leaves no word unsealed that mend kept under another path to the same
//! journal: backups and editor files are kept by the path the journal was opened with (a
//! link, the path before `mend share`), and each of those is found too.

use crate::encryption_shared::{alices_journal, holding, ok, secret};
use crate::kit::Mend;
use crate::sealed_kit::{ALICE, BOB, secret_file};
use std::path::Path;
use std::process::Output;

/// `mend --journal JOURNAL ARGS`, with the passphrase file `secret` when given.
fn at(m: &Mend, journal: &Path, secret: Option<&Path>, args: &[&str], stdin: &str) -> Output {
    let mut cmd = m.command_without_journal();
    if let Some(secret) = secret {
        cmd.env("MEND_PASSPHRASE_FILE", secret);
    }
    let out = cmd
        .arg("--journal")
        .arg(journal)
        .args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run mend");
    assert!(
        out.status.success(),
        "mend {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn encrypting_through_a_link_removes_the_unsealed_backups_made_by_the_real_path() {
    let m = Mend::with_journal();
    let real = m.journal.clone();
    let words = "the letter I never sent";
    let write = ["write", "--as", "Alice", "--stage", "healing", "--private"];
    at(&m, &real, None, &write, words);
    // The next save backs the journal up under the real path's folder, words and all.
    m.write("Bob", "a shared evening walk");
    assert!(!holding(&m.state_home(), words).is_empty(), "backed up");
    let link = m.dir.path().join("journal-link.json");
    std::os::unix::fs::symlink(&real, &link).expect("a link to the journal");

    // Another couple's backup in the same place stays.
    let other = Mend::with_journal();
    other.write("Alice", "another couple's words");
    other.write("Bob", "saved twice, so backed up");
    let theirs = other.backups();
    assert!(!theirs.is_empty());
    let kept_apart = m.backups_root().join("another-journal");
    std::fs::create_dir_all(&kept_apart).expect("a backup folder");
    let their_copy = kept_apart.join(theirs[0].file_name().expect("a name"));
    std::fs::copy(&theirs[0], &their_copy).expect("copy their backup");

    let both = secret_file(&m, "both", &format!("Alice: {ALICE}\nBob: {BOB}\n"));
    let said = at(&m, &link, Some(&both), &["encrypt"], "");
    let said = String::from_utf8_lossy(&said.stdout);
    assert_eq!(
        holding(&m.state_home(), words),
        Vec::<std::path::PathBuf>::new(),
        "{said}"
    );
    assert!(said.contains("earlier backup"), "{said}");
    assert!(
        their_copy.exists(),
        "another couple's backup is not theirs to remove"
    );
}

#[test]
fn encrypting_after_sharing_removes_the_unsealed_backups_from_before_the_share() {
    let (alices, _bobs, folder) = alices_journal();
    ok(
        &alices,
        None,
        &["write", "--as", "alice", "--stage", "healing"],
        "a second evening",
    );
    ok(&alices, None, &["share", &folder.display().to_string()], "");
    let both = secret(
        &alices,
        "both",
        "Alice: alice passphrase one\nBob: bob passphrase two\n",
    );
    let said = ok(&alices, Some(&both), &["encrypt"], "");
    let words = "alice alone at the window";
    let plain = holding(&alices.state_home(), words);
    assert!(plain.is_empty(), "{said}\nstill unsealed in {plain:?}");

    // The journal file used before the folder, left as it was by `mend share`, is sealed
    // too, with the same passphrases.
    let before = alices.data_home().join("mend").join("journal.json");
    assert!(before.is_file(), "{}", before.display());
    let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&before.display().to_string()), "{said}");
    assert!(holding(&alices.data_home(), words).is_empty(), "{said}");
    let alice = secret(&alices, "alice", "alice passphrase one\n");
    let log = at(
        &alices,
        &before,
        Some(&alice),
        &["log", "--as", "alice"],
        "",
    );
    assert!(String::from_utf8_lossy(&log.stdout).contains(words));
}

#[test]
fn encrypt_names_a_file_kept_from_an_editor_under_another_path_and_no_one_elses() {
    let m = Mend::with_journal();
    let alice = m.partner_id("Alice");
    let drafts = m.state_home().join("mend").join("drafts");
    let elsewhere = drafts.join("journal-0123456789abcdef");
    std::fs::create_dir_all(&elsewhere).expect("a drafts folder");
    let ours = elsewhere.join(format!("moment.{alice}.x1.md"));
    std::fs::write(&ours, "kept when opened by a link").expect("a kept file");
    let theirs = elsewhere.join("moment.01a21482-1880-7000-8000-00000000000f.x2.md");
    std::fs::write(&theirs, "another couple's").expect("a kept file");
    let both = secret_file(&m, "both", &format!("Alice: {ALICE}\nBob: {BOB}\n"));
    let said = at(&m, &m.journal, Some(&both), &["encrypt"], "");
    let said = String::from_utf8_lossy(&said.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(said.contains(&ours.display().to_string()), "{said}");
    assert!(!said.contains(&theirs.display().to_string()), "{said}");
}

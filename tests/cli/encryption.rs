//! `mend encrypt`, `decrypt` and `passphrase`: no word reaches the disk unsealed, each partner's
//! private words open with their own passphrase only, and nothing is lost on the way.

use crate::kit::Mend;
use std::path::PathBuf;
use std::process::Output;

pub const ALICE: &str = "lantern by the window";
pub const BOB: &str = "green kettle morning";

/// A 0600 file holding `text`, for MEND_PASSPHRASE_FILE and its kin.
pub fn secret_file(m: &Mend, name: &str, text: &str) -> PathBuf {
    let path = m.dir.path().join(name);
    std::fs::write(&path, text).expect("write secret file");
    path
}

/// Runs `mend ARGS` with the given secret files named in the environment.
pub fn run_with(m: &Mend, files: &[(&str, &PathBuf)], args: &[&str], stdin: &str) -> Output {
    let mut cmd = m.std_command();
    for (variable, path) in files {
        cmd.env(variable, path);
    }
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run mend")
}

#[track_caller]
fn ok_with(m: &Mend, files: &[(&str, &PathBuf)], args: &[&str], stdin: &str) -> String {
    let out = run_with(m, files, args, stdin);
    assert!(
        out.status.success(),
        "mend {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every file mend keeps: the journal and its folder, backups and drafts.
fn every_kept_byte(m: &Mend) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![m.journal_dir(), m.state_home(), m.data_home()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                found.push((path, bytes));
            }
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// Private and shared words of both partners: Alice's private entry, Bob's shared one and
/// Bob's check-in with a private note.
fn write_words(m: &Mend) {
    m.ok(
        &["write", "--as", "alice", "--stage", "healing", "--private"],
        "my secret fear of the dark",
    );
    m.write("Bob", "we walked along the quiet river");
    m.ok(
        &[
            "checkin",
            "--as",
            "bob",
            "--safety",
            "3",
            "--trust",
            "4",
            "--connection",
            "5",
            "--note-stdin",
            "--private-note",
        ],
        "a note only for bob",
    );
}

/// A journal with private and shared words of both partners, encrypted; returns each
/// partner's passphrase file and what `mend encrypt` printed.
pub fn encrypted(m: &Mend) -> (PathBuf, PathBuf, String) {
    write_words(m);
    let both = secret_file(m, "both", &format!("Alice: {ALICE}\nBob: {BOB}\n"));
    let printed = ok_with(m, &[("MEND_PASSPHRASE_FILE", &both)], &["encrypt"], "");
    let alice = secret_file(m, "alice", &format!("{ALICE}\n"));
    let bob = secret_file(m, "bob", &format!("{BOB}\n"));
    (alice, bob, printed)
}

#[test]
fn every_word_written_is_absent_from_the_journal_its_backups_and_drafts() {
    let m = Mend::with_journal();
    let (alice, _, printed) = encrypted(&m);
    assert!(printed.contains("encrypted now"), "{printed}");
    let pass = [("MEND_PASSPHRASE_FILE", &alice)];
    ok_with(
        &m,
        &pass,
        &["write", "--as", "alice", "--stage", "communication"],
        "written after the lock turned",
    );
    let words = [
        "my secret fear of the dark",
        "we walked along the quiet river",
        "a note only for bob",
        "written after the lock turned",
        ALICE,
        BOB,
    ];
    let kept = every_kept_byte(&m);
    assert!(
        kept.len() >= 2,
        "the journal and at least one backup: {kept:?}"
    );
    for (path, bytes) in &kept {
        for word in words {
            assert!(
                !contains(bytes, word),
                "{word:?} is readable in {}",
                path.display()
            );
        }
    }
    let journal = m.journal_json();
    assert_eq!(journal["version"], 2, "an older mend refuses it by name");
    assert!(
        journal["checkins"][0].get("safety").is_none(),
        "ratings are sealed"
    );
    // And the words are all there for those who may read them.
    let log = ok_with(&m, &pass, &["log", "--as", "alice"], "");
    assert!(
        log.contains("my secret fear of the dark") && log.contains("written after the lock turned"),
        "{log}"
    );
    assert!(log.contains("we walked along the quiet river"), "{log}");
}

#[test]
fn bobs_passphrase_never_opens_alices_private_words() {
    let m = Mend::with_journal();
    let (_, bob, _) = encrypted(&m);
    let pass = [("MEND_PASSPHRASE_FILE", &bob)];
    let as_alice = run_with(&m, &pass, &["log", "--as", "alice"], "");
    assert_eq!(as_alice.status.code(), Some(1));
    let said = String::from_utf8_lossy(&as_alice.stderr);
    assert!(
        said.contains("Alice may only be chosen with Alice's own passphrase"),
        "{said}"
    );
    for args in [
        &["log", "--as", "bob"][..],
        &["log"][..],
        &["log", "--as", "bob", "--json"][..],
        &["export", "--to", "-"][..],
        &["check"][..],
    ] {
        let out = run_with(&m, &pass, args, "");
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        assert!(!contains(&all, "my secret fear of the dark"), "{args:?}");
        assert!(
            !contains(&all, "mend-sealed:"),
            "{args:?} shows a sealed token"
        );
    }
    let checked = ok_with(&m, &pass, &["check"], "");
    assert!(
        checked.contains("Encrypted: every word is sealed; Alice has a passphrase and a recovery code, Bob has a passphrase and a recovery code."),
        "{checked}"
    );
    let bobs = ok_with(&m, &pass, &["log", "--as", "bob"], "");
    assert!(bobs.contains("we walked along the quiet river"), "{bobs}");
}

#[test]
fn a_wrong_passphrase_writes_nothing_and_says_so_kindly() {
    let m = Mend::with_journal();
    encrypted(&m);
    let before = every_kept_byte(&m);
    let wrong = secret_file(&m, "wrong", "lantern by the windows\n");
    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &wrong)],
        &["write", "--as", "alice", "--stage", "healing"],
        "words that must not land",
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("does not open this journal, so nothing was read or changed"),
        "{said}"
    );
    assert!(
        !said.contains("lantern"),
        "the passphrase is never echoed: {said}"
    );
    assert_eq!(every_kept_byte(&m), before);
    // Without a passphrase at all, and no terminal: told how to give one.
    let out = m.run(&["log"], "");
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MEND_PASSPHRASE_FILE"));
}

#[test]
fn the_recovery_code_sets_a_new_passphrase_and_every_word_is_kept() {
    let m = Mend::with_journal();
    let (alice, _, printed) = encrypted(&m);
    let code = printed
        .lines()
        .find_map(|l| l.trim().strip_prefix("Alice: "))
        .expect("Alice's recovery code is printed")
        .to_owned();
    let code_file = secret_file(&m, "code", &code.to_lowercase().replace('-', " "));
    let new = secret_file(&m, "new", "a brand new passphrase\n");
    let said = ok_with(
        &m,
        &[
            ("MEND_RECOVERY_FILE", &code_file),
            ("MEND_NEW_PASSPHRASE_FILE", &new),
        ],
        &["passphrase", "recover", "--as", "alice"],
        "",
    );
    assert!(said.contains("Every word is kept"), "{said}");
    let old = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &alice)],
        &["log", "--as", "alice"],
        "",
    );
    assert!(
        !old.status.success(),
        "the old passphrase no longer opens it"
    );
    let log = ok_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &new)],
        &["log", "--as", "alice"],
        "",
    );
    assert!(log.contains("my secret fear of the dark"), "{log}");
    // And a passphrase changed with the old one keeps everything too.
    let newer = secret_file(&m, "newer", "another new passphrase\n");
    ok_with(
        &m,
        &[
            ("MEND_PASSPHRASE_FILE", &new),
            ("MEND_NEW_PASSPHRASE_FILE", &newer),
        ],
        &["passphrase", "change", "--as", "alice"],
        "",
    );
    let log = ok_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &newer)],
        &["log", "--as", "alice"],
        "",
    );
    assert!(
        log.contains("my secret fear of the dark") && log.contains("quiet river"),
        "{log}"
    );
}

#[test]
fn encrypt_then_decrypt_gives_back_the_same_records() {
    let m = Mend::with_journal();
    write_words(&m);
    let before = m.journal_json();
    let both = secret_file(&m, "both", &format!("Alice: {ALICE}\nBob: {BOB}\n"));
    let pass = [("MEND_PASSPHRASE_FILE", &both)];
    ok_with(&m, &pass, &["encrypt"], "");
    let refused = run_with(&m, &pass, &["decrypt"], "");
    assert!(!refused.status.success(), "decrypt asks first");
    assert!(m.journal_json().get("sealing").is_some());
    ok_with(&m, &pass, &["decrypt", "--yes"], "");
    let after = m.journal_json();
    for list in ["entries", "checkins", "partners"] {
        assert_eq!(after[list], before[list], "{list} are as they were");
    }
    assert_eq!(after["version"], 1);
    assert!(after.get("sealing").is_none());
}

#[test]
fn a_tampered_sealed_field_is_refused_naming_the_record() {
    let m = Mend::with_journal();
    let (alice, _, _) = encrypted(&m);
    let mut journal = m.journal_json();
    let entry = &mut journal["entries"][0];
    let id = entry["id"].as_str().unwrap().to_owned();
    let text = entry["text"].as_str().unwrap().to_owned();
    let mut chars: Vec<char> = text.chars().collect();
    let at = chars.len() - 5;
    chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
    entry["text"] = serde_json::Value::String(chars.into_iter().collect());
    std::fs::write(&m.journal, serde_json::to_vec_pretty(&journal).unwrap()).unwrap();
    let before = m.journal_bytes();
    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &alice)],
        &["log", "--as", "alice"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&id) && said.contains("changed outside mend"),
        "{said}"
    );
    assert!(!said.contains("panicked"), "{said}");
    assert_eq!(m.journal_bytes(), before, "nothing written");
}

#[test]
fn two_encrypted_copies_merge_without_any_key() {
    let m = Mend::with_journal();
    let (alice, bob, _) = encrypted(&m);
    let copy = m.dir.path().join("copy.json");
    std::fs::copy(&m.journal, &copy).unwrap();
    ok_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &alice)],
        &["write", "--as", "alice", "--stage", "healing"],
        "written on this copy",
    );
    // The other copy gets Bob's words, then is merged back with no passphrase given.
    let other = Mend::new();
    std::fs::create_dir_all(other.journal_dir()).unwrap();
    std::fs::copy(&copy, &other.journal).unwrap();
    ok_with(
        &other,
        &[("MEND_PASSPHRASE_FILE", &bob)],
        &["write", "--as", "bob", "--stage", "healing"],
        "written on the other copy",
    );
    let merged = m.ok(&["merge", &other.journal.display().to_string()], "");
    assert!(merged.contains("1"), "{merged}");
    let log = ok_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &bob)],
        &["log", "--as", "bob"],
        "",
    );
    assert!(log.contains("written on the other copy"), "{log}");
    let log = ok_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &alice)],
        &["log", "--as", "alice"],
        "",
    );
    assert!(
        log.contains("written on this copy") && log.contains("my secret fear"),
        "{log}"
    );
}

#[test]
fn a_plain_copy_is_never_folded_into_an_encrypted_journal() {
    let m = Mend::with_journal();
    m.write("Bob", "words from before the lock");
    let plain = m.dir.path().join("plain-copy.json");
    std::fs::copy(&m.journal, &plain).unwrap();
    encrypted(&m);
    let before = m.journal_bytes();
    let out = m.run(&["merge", &plain.display().to_string()], "");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("one copy of this journal is encrypted and the other is not")
            || said.contains("One copy of this journal is encrypted and the other is not"),
        "{said}"
    );
    assert_eq!(m.journal_bytes(), before, "nothing written");
}

#[test]
fn a_short_passphrase_is_refused_and_nothing_is_encrypted() {
    let m = Mend::with_journal();
    m.write("Bob", "words that stay plain");
    let before = m.journal_bytes();
    let short = secret_file(&m, "short", "Alice: tiny\nBob: green kettle morning\n");
    let out = run_with(&m, &[("MEND_PASSPHRASE_FILE", &short)], &["encrypt"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 8 characters"));
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn an_export_of_an_encrypted_journal_says_it_is_not_encrypted() {
    let m = Mend::with_journal();
    let (alice, _, _) = encrypted(&m);
    let out_file = m.dir.path().join("week.md");
    let said = ok_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &alice)],
        &[
            "export",
            "--week",
            "2026-W48",
            "--output",
            &out_file.display().to_string(),
        ],
        "",
    );
    assert!(said.contains("The summary is not encrypted"), "{said}");
    let written = std::fs::read_to_string(&out_file).unwrap_or_default();
    // The sealed ratings are opened for the summary.
    assert!(written.contains("**Safety** 3.0"), "{written}");
    // To standard output, the note goes to standard error and the summary stays whole.
    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &alice)],
        &["export", "--week", "2026-W48"],
        "",
    );
    assert!(out.status.success());
    let told = String::from_utf8_lossy(&out.stderr);
    assert!(told.contains("not encrypted"), "{told}");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(!summary.contains("not encrypted"), "{summary}");
    assert!(summary.contains("**Safety** 3.0"), "{summary}");
}

#[test]
fn a_draft_kept_before_encrypting_is_sealed_by_encrypt() {
    let m = Mend::with_journal();
    let alice_id = m.journal_json()["partners"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let paths = m.ok(&["path"], "");
    let drafts = paths
        .lines()
        .find_map(|l| l.strip_prefix("drafts"))
        .map(|rest| PathBuf::from(rest.trim()))
        .expect("mend path names the drafts folder");
    std::fs::create_dir_all(&drafts).unwrap();
    let draft = serde_json::json!({
        "partner": alice_id, "day": "2026-11-25", "stage": "healing", "prompt_id": null,
        "prompt": null, "text": "half a sentence about the garden", "visibility": "private",
        "editing": null, "seen_rev": 0, "updated": "2026-11-25T20:00:00Z"
    });
    let file = drafts.join(format!("{alice_id}.json"));
    std::fs::write(&file, serde_json::to_vec(&draft).unwrap()).unwrap();
    let kept = drafts.join(format!("{alice_id}.20261125-200000.md"));
    std::fs::write(&kept, "words an editor kept").unwrap();
    let both = secret_file(&m, "both", &format!("Alice: {ALICE}\nBob: {BOB}\n"));
    let said = ok_with(&m, &[("MEND_PASSPHRASE_FILE", &both)], &["encrypt"], "");
    assert!(said.contains("sealed now too"), "{said}");
    assert!(
        said.contains(&format!("is still a plain file: {}", kept.display())),
        "a plain file mend cannot seal is named, never said sealed: {said}"
    );
    let bytes = std::fs::read(&file).expect("the draft is still there, sealed");
    assert!(!contains(&bytes, "garden"), "the draft's words are sealed");
    assert!(contains(&bytes, "mend-sealed:"));
    // And decrypting gives it back as it was, for the app to offer again.
    ok_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &both)],
        &["decrypt", "--yes"],
        "",
    );
    let back: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).expect("a plain draft again");
    assert_eq!(back["text"], "half a sentence about the garden");
}

#[test]
fn a_partner_name_with_a_control_character_never_reaches_the_terminal_raw() {
    let m = Mend::with_journal();
    let mut journal = m.journal_json();
    journal["partners"][0]["name"] = serde_json::Value::String("Al\u{1b}[2Jice".to_owned());
    std::fs::write(&m.journal, serde_json::to_vec_pretty(&journal).unwrap()).unwrap();
    let both = secret_file(
        &m,
        "both",
        &format!("Al\u{1b}[2Jice: {ALICE}\nBob: {BOB}\n"),
    );
    let out = run_with(&m, &[("MEND_PASSPHRASE_FILE", &both)], &["encrypt"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
    assert!(
        !printed.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&printed)
    );
    assert!(String::from_utf8_lossy(&printed).contains("Al�[2Jice: "));
    let wrong = secret_file(&m, "bob", &format!("{BOB}\n"));
    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &wrong)],
        &["log", "--as", "Al\u{1b}[2Jice"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !out.stderr.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Words that begin like a sealed token were written unsealed, and the journal then no
/// longer opened.
#[test]
fn private_words_that_begin_like_a_sealed_token_are_sealed_and_read_back() {
    let m = Mend::new();
    m.init();
    let (alice, _bob, _) = encrypted(&m);
    let words = "mend-sealed:my very secret words";
    let alices = [("MEND_PASSPHRASE_FILE", &alice)];
    let write = ["write", "--as", "alice", "--stage", "healing", "--private"];
    ok_with(&m, &alices, &write, words);
    for (path, bytes) in every_kept_byte(&m) {
        assert!(
            !contains(&bytes, "very secret"),
            "{} holds the words unsealed",
            path.display()
        );
    }
    let log = ok_with(&m, &alices, &["log", "--as", "alice"], "");
    assert!(log.contains(words), "{log}");
}

//! `mend merge FILE...` and the conflict copies `mend check` lists: two laptops simulated
//! by two sandboxes (each its own HOME and state folder, so each its own device id).

use crate::kit::{Mend, mode, stderr, stdout};
use std::path::PathBuf;

/// Alex's laptop with a journal, and Sam's laptop holding a copy of it.
fn two_laptops() -> (Mend, Mend) {
    let alex = Mend::with_journal();
    let sam = Mend::new();
    sam.put_journal(alex.journal_bytes());
    (alex, sam)
}

/// Puts `from`'s journal beside `to`'s under `name`, as a sync engine would.
fn deliver(from: &Mend, to: &Mend, name: &str) -> PathBuf {
    let path = to.journal_dir().join(name);
    std::fs::write(&path, from.journal_bytes()).unwrap();
    path
}

fn texts(m: &Mend) -> String {
    m.ok(&["log", "--as", "Alice"], "")
}

#[test]
fn a_syncthing_conflict_copy_is_listed_by_check_and_folded_in_by_merge() {
    let (alex, sam) = two_laptops();
    alex.write("Alice", "Written on Alice's laptop");
    sam.write("Bob", "Written on Bob's laptop");
    sam.write("Bob", "And a second one");
    let name = "journal.sync-conflict-20261125-210000-ABCDEF7.json";
    let copy = deliver(&sam, &alex, name);
    let copy_bytes = std::fs::read(&copy).unwrap();

    let check = alex.run(&["check"], "");
    assert_eq!(
        check.status.code(),
        Some(1),
        "a conflict copy is a problem to fix"
    );
    let listed = stdout(&check);
    assert!(
        listed.contains(name) && listed.contains("Syncthing"),
        "{listed}"
    );
    assert!(listed.contains("mend merge"), "{listed}");

    let out = alex.ok(&["merge", copy.to_str().unwrap()], "");
    assert!(out.contains("2 entries added"), "{out}");
    assert!(out.contains("nothing was lost"), "{out}");
    let log = texts(&alex);
    for text in [
        "Written on Alice's laptop",
        "Written on Bob's laptop",
        "And a second one",
    ] {
        assert!(log.contains(text), "{text} missing from {log}");
    }
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        copy_bytes,
        "the copy is only read"
    );
    assert_eq!(mode(&alex.journal), 0o600);

    let again = alex.ok(&["merge", copy.to_str().unwrap()], "");
    assert!(
        again.contains("nothing this journal did not have"),
        "{again}"
    );
}

#[test]
fn the_merge_check_suggests_for_a_dropbox_copy_runs_as_it_is_pasted() {
    let (alex, sam) = two_laptops();
    sam.write("Bob", "Written on Bob's laptop");
    let copy = deliver(
        &sam,
        &alex,
        "journal (Sam's conflicted copy 2026-11-25).json",
    );
    let listed = stdout(&alex.run(&["check"], ""));
    let suggested = listed
        .split('`')
        .find(|part| part.starts_with("mend merge "))
        .unwrap_or_else(|| panic!("a merge command in {listed}"));
    // As a shell reads it back: the copy's path whole, spaces and apostrophe included.
    let words = shlex::split(suggested).unwrap_or_default();
    assert_eq!(words.len(), 3, "{suggested}");
    assert_eq!(PathBuf::from(&words[2]), copy);
    let out = alex.ok(&["merge", &words[2]], "");
    assert!(out.contains("1 entry added"), "{out}");
}

#[test]
fn merging_both_ways_gives_both_laptops_the_same_journal() {
    let (alex, sam) = two_laptops();
    alex.write("Alice", "Alice's evening");
    sam.write("Bob", "Bob's evening");
    let to_alex = deliver(&sam, &alex, "from-sam.json");
    let to_sam = deliver(&alex, &sam, "from-alex.json");
    alex.ok(&["merge", to_alex.to_str().unwrap()], "");
    sam.ok(&["merge", to_sam.to_str().unwrap()], "");
    assert_eq!(alex.journal_bytes(), sam.journal_bytes());
}

#[test]
fn an_entry_changed_on_both_laptops_keeps_the_other_text() {
    let alex = Mend::with_journal();
    alex.write("Alice", "The first words");
    let sam = Mend::new();
    sam.put_journal(alex.journal_bytes());
    // Edit the entry in each laptop's file through the library's own rules.
    for (m, text, device) in [
        (&alex, "Changed on one", "one"),
        (&sam, "Changed on two", "two"),
    ] {
        let mut j: mend::journal::Journal = serde_json::from_slice(&m.journal_bytes()).unwrap();
        j.set_device(mend::journal::Device(device.into()));
        let by = j.partners[0].id;
        let id = j.entries[0].meta.id;
        j.edit_entry(
            id,
            by,
            text,
            mend::journal::Visibility::Shared,
            chrono::Utc::now(),
        )
        .unwrap();
        m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    }
    let copy = deliver(&sam, &alex, "journal 2.json");
    let out = alex.ok(&["merge", copy.to_str().unwrap()], "");
    assert!(out.contains("both texts kept"), "{out}");
    let entry = &alex.journal_json()["entries"][0];
    let mut both = vec![
        entry["text"].as_str().unwrap().to_owned(),
        entry["earlier_versions"][0]["text"]
            .as_str()
            .unwrap()
            .to_owned(),
    ];
    both.sort();
    assert_eq!(both, ["Changed on one", "Changed on two"]);
    assert_matches_schema(&alex.journal_json());
    assert!(copy.exists(), "mend merge never removes the copy");
    std::fs::remove_file(&copy).unwrap();
    let check = alex.ok(&["check"], "");
    assert!(
        check.contains("1 entry also keeps words written on another computer"),
        "{check}"
    );
    assert!(
        !check.contains("Changed on"),
        "check never quotes an entry: {check}"
    );
}

/// The merged journal, clocks and earlier versions included, is one the schema describes.
fn assert_matches_schema(journal: &serde_json::Value) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/journal.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(journal)
        .map(|err| format!("{}: {err}", err.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(journal["entries"][0]["clock"]["device"].is_string());
}

#[test]
fn a_broken_copy_is_skipped_with_a_warning_naming_it_and_nothing_is_written() {
    let (alex, sam) = two_laptops();
    sam.write("Bob", "Bob's words");
    let bytes = sam.journal_bytes();
    let truncated = alex.journal_dir().join("truncated.json");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let marked = alex.journal_dir().join("marked.json");
    std::fs::write(
        &marked,
        b"{\n<<<<<<< HEAD\n\"a\": 1\n=======\n\"a\": 2\n>>>>>>> theirs\n}\n",
    )
    .unwrap();
    let newer = alex.journal_dir().join("newer.json");
    let mut json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    json["version"] = 99.into();
    std::fs::write(&newer, serde_json::to_vec(&json).unwrap()).unwrap();
    let before = alex.journal_bytes();

    for (file, needle) in [
        (&truncated, "could not be read"),
        (&marked, "git conflict markers"),
        (&newer, "version 99"),
    ] {
        let out = alex.run(&["merge", file.to_str().unwrap()], "");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains(file.to_str().unwrap()) && err.contains(needle),
            "{err}"
        );
        assert_eq!(alex.journal_bytes(), before, "nothing merged in part");
        assert!(file.exists());
    }

    let good = deliver(&sam, &alex, "good.json");
    let out = alex.run(
        &["merge", truncated.to_str().unwrap(), good.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "one copy was skipped");
    assert!(stdout(&out).contains("1 entry added"), "{}", stdout(&out));
    let log = alex.ok(&["log", "--as", "Bob"], "");
    assert!(
        log.contains("Bob's words"),
        "the good copy is merged: {log}"
    );
}

#[test]
fn another_couples_journal_is_refused() {
    let alex = Mend::with_journal();
    let other = Mend::with_journal();
    let copy = deliver(&other, &alex, "other.json");
    let before = alex.journal_bytes();
    let out = alex.run(&["merge", copy.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("another couple"), "{}", stderr(&out));
    assert_eq!(alex.journal_bytes(), before);
}

#[test]
fn a_name_both_partners_hold_after_a_merge_acts_as_neither() {
    let (alex, sam) = two_laptops();
    alex.ok(&["partner", "rename", "alice", "Jo"], "");
    sam.ok(&["partner", "rename", "bob", "jo"], "");
    let copy = deliver(
        &sam,
        &alex,
        "journal.sync-conflict-20261125-210000-ABCDEF7.json",
    );
    alex.ok(&["merge", copy.to_str().unwrap()], "");
    // Each laptop's rename is kept (the merge joins each partner's name on its own), so
    // "jo" is now both: it must choose neither rather than the first.
    let before = alex.journal_bytes();
    let out = alex.run(
        &["write", "--as", "jo", "--stage", "healing"],
        "whose words?",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("Both partners are called \"jo\" now"),
        "{said}"
    );
    assert!(said.contains("nothing was done"), "{said}");
    assert_eq!(alex.journal_bytes(), before, "nothing written under either");
    let check = alex.run(&["check"], "");
    assert_eq!(check.status.code(), Some(1), "a problem to fix");
    assert!(
        stdout(&check).contains("both partners are called"),
        "{}",
        stdout(&check)
    );
}

/// `mend merge PATH`, killed after five seconds: its exit code (None if it had to be killed)
/// and what it said on standard error.
#[cfg(unix)]
fn merge_within_five_seconds(m: &Mend, path: &str) -> (Option<i32>, String) {
    use std::process::Stdio;
    let mut child = m
        .std_command()
        .args(["merge", path])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run mend merge");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while std::time::Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            let out = child.wait_with_output().expect("its output");
            return (
                status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    (None, String::new())
}

/// A named pipe waited for a writer for ever, and /dev/zero was read without end.
#[cfg(unix)]
#[test]
fn merging_a_named_pipe_or_a_device_is_refused_at_once_by_name() {
    let m = Mend::with_journal();
    m.write("alice", "hello");
    let before = m.journal_bytes();
    let fifo = m.dir.path().join("copy.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for path in [fifo.display().to_string(), "/dev/zero".to_owned()] {
        let (code, said) = merge_within_five_seconds(&m, &path);
        assert!(code.is_some(), "mend merge {path} did not finish");
        assert_eq!(code, Some(1), "{said}");
        assert!(said.contains(&path), "{said}");
        assert_eq!(m.journal_bytes(), before);
    }
}

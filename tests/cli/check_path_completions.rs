//! `mend check`, `mend path` and `mend completions`.

use crate::helpers::*;
use crate::kit::{Mend, mode, stderr, stdout};
use serde_json::json;

#[test]
fn check_reports_counts_and_fails_on_problems() {
    let m = Mend::with_journal();
    m.write("Alice", "one");
    m.ok(
        &["write", "--as", "Bob", "--stage", "healing", "--private"],
        "two",
    );
    m.ok(
        &[
            "checkin",
            "--as",
            "Bob",
            "--safety",
            "5",
            "--trust",
            "5",
            "--connection",
            "5",
        ],
        "",
    );
    make_promise(&m, "Promise");
    m.ok(&["kind", "add", "--by", "Alice", "Tea"], "");
    let out = m.ok(&["check"], "");
    assert!(out.contains(&m.journal.display().to_string()), "{out}");
    assert!(out.contains("Alice and Bob"), "{out}");
    assert!(
        out.contains("2 entries (1 private), 1 check-in, 1 promise (1 open), 1 kind act."),
        "{out}"
    );
    assert!(out.contains("No problems"), "{out}");

    // A file others can read (after a `git checkout`, say) is made private again, with a note.
    std::fs::set_permissions(
        &m.journal,
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let before = m.journal_bytes();
    let out = m.run(&["check"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("(mode 644)"), "{}", stderr(&out));
    assert!(stderr(&out).contains(&m.journal.display().to_string()));
    assert_eq!(mode(&m.journal), 0o600, "only the mode changed");
    assert_eq!(m.journal_bytes(), before);

    // A record by someone who is not a partner is a problem.
    let mut j = m.journal_json();
    j["entries"][0]["author"] = json!("01900000-0000-7000-8000-000000000000");
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    std::fs::set_permissions(
        &m.journal,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    let before = m.journal_bytes();
    let out = m.run(&["check"], "");
    assert_ne!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("unknown author"), "{}", stdout(&out));
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn path_shows_the_journal_and_a_backup_folder_in_the_state_directory() {
    let m = Mend::new();
    let out = m.ok(&["path"], "");
    assert!(out.contains(&m.journal.display().to_string()), "{out}");
    let backups = mend::store::Backups::for_journal(&m.backups_root(), &m.journal);
    assert!(out.contains(&backups.dir().display().to_string()), "{out}");
    assert!(!m.journal.exists(), "path creates nothing");

    // Without --journal, the journal lives in the data directory.
    let out = m.command_without_journal().arg("path").output().unwrap();
    assert!(out.status.success());
    let default = m.data_home().join("mend").join("journal.json");
    assert!(
        stdout(&out).contains(&default.display().to_string()),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(&m.backups_root().display().to_string()));

    // MEND_JOURNAL set to nothing is not set (found by a review helper: every command
    // stopped with "a value is required for '--journal <PATH>'").
    let out = m
        .command_without_journal()
        .env("MEND_JOURNAL", "")
        .arg("path")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&default.display().to_string()),
        "{}",
        stdout(&out)
    );
}

#[test]
fn completions_for_each_shell() {
    let m = Mend::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = m.ok(&["completions", shell], "");
        assert!(out.contains("mend"), "{shell}");
        assert!(
            out.contains("checkin") && out.contains("promise"),
            "{shell}"
        );
    }
    refused(&m, &["completions", "tcsh"], "", 2, &["tcsh"]);
}

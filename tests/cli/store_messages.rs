//! The exact words of the loader's refusals: where, what, and punctuation said once.

use crate::kit::{Mend, stderr};

#[test]
fn a_rating_out_of_range_in_the_file_is_named_with_one_period() {
    let m = Mend::with_journal();
    let mut json = m.journal_json();
    let alice = m.partner_id("Alice");
    json["checkins"] = serde_json::json!([{
        "id": "01930000-0000-7000-8000-000000000011",
        "author": alice,
        "created": "2026-11-24T20:00:00Z",
        "updated": "2026-11-24T20:00:00Z",
        "rev": 1,
        "day": "2026-11-24",
        "safety": 11, "trust": 3, "connection": 3
    }]);
    m.put_journal(serde_json::to_vec(&json).unwrap());
    let out = m.run(&["check"], "");
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    let (_, after_path) = message.split_once(" could not be read at ").unwrap();
    assert!(
        after_path.ends_with(
            ": A rating of 11 is outside 0-10. It was left as it is; fix that spot or restore a backup.\n"
        ),
        "{message}"
    );
}

/// A promise copied by hand keeps its id twice: `check` names it, and closing it says why
/// it cannot be chosen rather than asking for more characters that would never help.
#[test]
fn a_duplicated_promise_id_is_named_by_check_and_when_closing() {
    let m = Mend::with_journal();
    m.ok(
        &["promise", "add", "--by", "Bob", "--to", "Alice", "Call"],
        "",
    );
    let mut json = m.journal_json();
    let promise = json["promises"][0].clone();
    let id = promise["id"].as_str().unwrap().to_owned();
    json["promises"].as_array_mut().unwrap().push(promise);
    m.put_journal(serde_json::to_vec_pretty(&json).unwrap());
    crate::kit::set_private(&m.journal);
    let before = m.journal_bytes();

    let out = m.run(&["check"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        crate::kit::stdout(&out)
            .contains(&format!("Problem: promise {id} appears more than once.")),
        "{}",
        crate::kit::stdout(&out)
    );
    let prefix = id.replace('-', "");
    for wanted in [&prefix[..8], prefix.as_str()] {
        let out = m.run(&["promise", "keep", wanted], "");
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(
            stderr(&out).trim(),
            format!(
                "mend: Two records in the journal share the id {id}, so mend cannot tell which one you mean. Run `mend check` to see them, then give one a new id in the file or restore a backup."
            )
        );
    }
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn a_note_about_the_journal_reaches_the_terminal_without_control_characters() {
    use std::os::unix::fs::PermissionsExt;
    let m = Mend::new();
    let folder = m.dir.path().join("odd\u{1b}[2Jname");
    std::fs::create_dir_all(&folder).unwrap();
    let journal = folder.join("journal.json");
    let run = |args: &[&str]| {
        m.command_without_journal()
            .arg("--journal")
            .arg(&journal)
            .args(args)
            .output()
            .expect("run mend")
    };
    let init = run(&["init", "--partner", "Alice", "--partner", "Bob"]);
    assert!(init.status.success(), "{}", stderr(&init));
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o644)).unwrap();
    // The 0644 journal is made private again, and the note says so, naming the file.
    let out = run(&["kind", "add", "--by", "alice", "Tea"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("note:"), "a note was written: {err}");
    assert!(
        !err.contains('\u{1b}'),
        "no escape character reaches the terminal: {err:?}"
    );
}

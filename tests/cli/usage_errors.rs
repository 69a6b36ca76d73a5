//! Bad input that is a usage error (exit 2): refused whole, the journal untouched.

use crate::helpers::*;
use crate::kit::{Mend, TODAY, stderr};
use serde_json::json;

#[test]
fn unknown_partner_is_refused() {
    let m = Mend::with_journal();
    let id = make_promise(&m, "P");
    m.ok(&["kind", "add", "--by", "Alice", "Tea"], "");
    let kind = m.json(&["kind", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for args in [
        vec!["write", "--as", "Carol", "--stage", "healing"],
        vec![
            "checkin",
            "--as",
            "Carol",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
        ],
        vec!["promise", "add", "--by", "Carol", "--to", "Alice", "Hi"],
        vec!["promise", "add", "--by", "Alice", "--to", "Carol", "Hi"],
        vec!["promise", "ack", &id, "--as", "Carol"],
        vec!["kind", "add", "--by", "Carol", "Tea"],
        vec!["kind", "ack", &kind, "--as", "Carol"],
        vec!["log", "--as", "Carol"],
    ] {
        let err = refused(&m, &args, "some text", 2, &["\"Carol\""]);
        assert!(err.contains("Alice and Bob"), "{err}");
    }
}

#[test]
fn a_promise_to_oneself_is_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["promise", "add", "--by", "Alice", "--to", "alice", "Hi"],
        "",
        2,
        &["oneself"],
    );
}

#[test]
fn ratings_outside_0_to_10_are_refused() {
    let m = Mend::with_journal();
    for (flag, value) in [
        ("--safety", "11"),
        ("--trust", "11"),
        ("--connection", "11"),
        ("--safety", "-1"),
        ("--trust", "ten"),
    ] {
        let mut args = vec!["checkin", "--as", "Alice"];
        for other in ["--safety", "--trust", "--connection"] {
            args.push(other);
            args.push(if other == flag { value } else { "5" });
        }
        refused(&m, &args, "", 2, &[value, flag]);
    }
    assert_eq!(m.journal_json()["checkins"], json!([]));
}

#[test]
fn a_day_in_the_future_is_refused() {
    let m = Mend::with_journal();
    for args in [
        vec![
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "2026-11-26",
        ],
        vec![
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--day",
            "2026-11-26",
        ],
        vec!["kind", "add", "--by", "Alice", "--day", "2026-11-26", "Tea"],
    ] {
        refused(&m, &args, "text", 2, &["2026-11-26", TODAY]);
    }
    // Just after midnight it is still the evening of the 25th, so the 26th is still ahead.
    let before = m.journal_bytes();
    let out = assert_cmd::Command::from_std(m.std_command())
        .env("MEND_NOW", "2026-11-26T01:00:00+00:00")
        .args([
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "2026-11-26",
        ])
        .write_stdin("text")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    let m = Mend::with_journal();
    for args in [
        vec![
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "2026-02-30",
        ],
        vec![
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--day",
            "2026-02-30",
        ],
        vec![
            "promise",
            "add",
            "--by",
            "Alice",
            "--to",
            "Bob",
            "--due",
            "2026-02-30",
            "Hi",
        ],
        vec!["kind", "add", "--by", "Alice", "--day", "2026-02-30", "Tea"],
        vec![
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "25/11/2026",
        ],
    ] {
        let value = args[args
            .iter()
            .position(|a| *a == "--day" || *a == "--due")
            .unwrap()
            + 1];
        refused(&m, &args, "text", 2, &[value]);
    }
}

#[test]
fn a_bad_week_is_refused() {
    let m = Mend::with_journal();
    m.write("Alice", "one");
    for week in ["2026-W54", "2026-W00", "2026-48", "W48", "2026-W4"] {
        refused(
            &m,
            &["log", "--week", week],
            "",
            2,
            &[&format!("\"{week}\"")],
        );
    }
}

#[test]
fn a_bad_stage_is_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["write", "--as", "Alice", "--stage", "forgiveness"],
        "text",
        2,
        &["forgiveness", "communication"],
    );
}

#[test]
fn an_empty_entry_is_refused() {
    let m = Mend::with_journal();
    for stdin in ["", "   \n\t\n  "] {
        refused(
            &m,
            &["write", "--as", "Alice", "--stage", "healing"],
            stdin,
            2,
            &["entry", "empty"],
        );
    }
}

#[test]
fn an_entry_over_one_mib_is_refused() {
    let m = Mend::with_journal();
    let text = "a".repeat(1024 * 1024 + 1);
    refused(
        &m,
        &["write", "--as", "Alice", "--stage", "healing"],
        &text,
        2,
        &["entry", "1 MiB"],
    );
    let note = "n".repeat(1024 * 1024 + 1);
    refused(
        &m,
        &[
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--note-stdin",
        ],
        &note,
        2,
        &["note", "1 MiB"],
    );
}

#[test]
fn unknown_and_malformed_ids_are_refused() {
    let m = Mend::with_journal();
    make_promise(&m, "P");
    m.ok(&["kind", "add", "--by", "Alice", "Tea"], "");
    for verb in ["keep", "break", "withdraw", "renegotiate"] {
        refused(&m, &["promise", verb, "ffff"], "", 2, &["\"ffff\""]);
    }
    refused(
        &m,
        &["promise", "ack", "ffff", "--as", "Alice"],
        "",
        2,
        &["\"ffff\""],
    );
    refused(
        &m,
        &["kind", "ack", "ffff", "--as", "Bob"],
        "",
        2,
        &["\"ffff\""],
    );
    refused(&m, &["promise", "keep", "xyz"], "", 2, &["\"xyz\""]);
    refused(&m, &["promise", "keep", ""], "", 2, &[]);
}

#[test]
fn a_due_day_before_the_promise_is_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &[
            "promise",
            "add",
            "--by",
            "Alice",
            "--to",
            "Bob",
            "--due",
            "2026-11-01",
            "Hi",
        ],
        "",
        2,
        &["2026-11-01"],
    );
}

#[test]
fn a_missing_flag_is_named_with_the_usage_line_help_gives_never_journal_as_if_required() {
    let m = Mend::with_journal();
    for (args, missing, usage) in [
        (
            &["passphrase", "recover"][..],
            "--as <NAME>",
            "Usage: mend passphrase recover [OPTIONS] --as <NAME>\n",
        ),
        (
            &["pause", "--as", "Alice"][..],
            "--until <HH:MM>",
            "Usage: mend pause [OPTIONS] --as <NAME> --until <HH:MM>\n",
        ),
    ] {
        // Given with --journal, as every test command is.
        let err = refused(&m, args, "", 2, &[missing, usage]);
        assert!(!err.contains("<PATH>"), "{err}");
        // And given with MEND_JOURNAL.
        let out = m
            .command_without_journal()
            .env("MEND_JOURNAL", &m.journal)
            .args(args)
            .output()
            .expect("run mend");
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains(missing) && err.contains(usage), "{err}");
        assert!(!err.contains("<PATH>"), "{err}");
    }
}

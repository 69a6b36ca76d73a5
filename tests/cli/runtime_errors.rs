//! Bad input found at run time (exit 1): refused whole, the journal untouched.

use crate::helpers::*;
use crate::kit::{Mend, TODAY, stderr};
use serde_json::{Value, json};
use std::path::Path;

#[test]
fn closing_an_already_closed_promise_is_refused() {
    let m = Mend::with_journal();
    let id = make_promise(&m, "Once");
    m.ok(&["promise", "keep", &id], "");
    for verb in ["keep", "not-kept", "break", "withdraw", "renegotiate"] {
        refused(
            &m,
            &["promise", verb, &id],
            "",
            1,
            &["already closed (kept)"],
        );
    }
    let id = make_promise(&m, "Twice");
    m.ok(&["promise", "withdraw", &id], "");
    refused(
        &m,
        &["promise", "keep", &id],
        "",
        1,
        &["already closed (withdrawn)"],
    );
}

#[test]
fn acknowledging_ones_own_promise_is_refused() {
    let m = Mend::with_journal();
    let id = make_promise(&m, "Mine");
    refused(
        &m,
        &["promise", "ack", &id, "--as", "Alice"],
        "",
        1,
        &["open"],
    );
    m.ok(&["promise", "keep", &id], "");
    refused(
        &m,
        &["promise", "ack", &id, "--as", "bob"],
        "",
        1,
        &["You made this promise"],
    );
    m.ok(&["promise", "ack", &id, "--as", "Alice"], "");
    refused(
        &m,
        &["promise", "ack", &id, "--as", "Alice"],
        "",
        1,
        &["already said you noticed"],
    );
}

/// The commands a broken journal must refuse, including ones that would save.
fn every_command_refuses(m: &Mend, needles: &[&str]) {
    for args in [
        vec!["write", "--as", "Alice", "--stage", "healing"],
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
        ],
        vec!["promise", "add", "--by", "Alice", "--to", "Bob", "Hi"],
        vec!["promise", "list"],
        vec!["kind", "add", "--by", "Alice", "Tea"],
        vec!["kind", "list"],
        vec!["log"],
        vec!["check"],
    ] {
        refused(m, &args, "text", 1, needles);
    }
}

#[test]
fn a_journal_that_fails_to_parse_is_named_with_line_and_column_and_never_overwritten() {
    let m = Mend::with_journal();
    m.write("Alice", "precious");
    let good = String::from_utf8(m.journal_bytes()).unwrap();
    let broken = good.replacen("\"version\": 1,", "\"version\": 1,,", 1);
    assert_ne!(broken, good);
    m.put_journal(&broken);
    let err = serde_json::from_str::<Value>(&broken).unwrap_err();
    assert_eq!(err.line(), 3);
    let place = format!("line {}, column {}", err.line(), err.column());
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, &place]);
    refused(
        &m,
        &["init", "--partner", "A", "--partner", "B"],
        "",
        1,
        &[&path],
    );

    // Valid JSON of the wrong shape is a parse error too, with its place.
    let wrong = good.replacen(&format!("\"started\": \"{TODAY}\""), "\"started\": 5", 1);
    assert_ne!(wrong, good);
    m.put_journal(&wrong);
    let line = wrong
        .lines()
        .position(|l| l.contains("\"started\": 5"))
        .unwrap()
        + 1;
    let err = refused(
        &m,
        &["log"],
        "",
        1,
        &[&path, &format!("line {line}, column")],
    );
    assert!(err.contains("fix that spot or restore a backup"), "{err}");

    m.put_journal("  \n");
    refused(
        &m,
        &["write", "--as", "Alice", "--stage", "healing"],
        "x",
        1,
        &[&path, "empty"],
    );
}

#[test]
fn a_journal_from_a_newer_version_is_refused_naming_both_versions() {
    let m = Mend::with_journal();
    let mut j = m.journal_json();
    j["version"] = json!(3);
    j["something_new"] = json!({"from": "the future"});
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, "version 3", "version 2"]);
}

#[test]
fn a_file_that_is_not_a_mend_journal_is_refused() {
    let m = Mend::with_journal();
    let mut j = m.journal_json();
    j["format"] = json!("jrnl-journal");
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, "jrnl-journal", "mend-journal"]);

    j.as_object_mut().unwrap().remove("format");
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    every_command_refuses(&m, &[&path, "not a mend journal"]);

    m.put_journal(r#"{"notes": ["a", "b"]}"#);
    every_command_refuses(&m, &[&path, "not a mend journal"]);
}

#[test]
fn a_missing_journal_says_how_to_create_one_and_creates_nothing() {
    let m = Mend::new();
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, "mend init"]);
    refused(
        &m,
        &["promise", "keep", "0123"],
        "",
        1,
        &[&path, "mend init"],
    );
    assert!(!m.journal.exists());
    assert!(!m.journal_dir().exists(), "not even its folder");
    assert!(!m.backups_root().exists());

    // The same with the default journal location.
    let out = m
        .command_without_journal()
        .args(["write", "--as", "Alice", "--stage", "healing"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let default = m.data_home().join("mend").join("journal.json");
    assert!(
        stderr(&out).contains(&default.display().to_string()),
        "{}",
        stderr(&out)
    );
    assert!(!Path::new(&default).exists());
}

#[test]
fn empty_promise_and_kind_texts_are_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["promise", "add", "--by", "Alice", "--to", "Bob", "  "],
        "",
        2,
        &["promise", "empty"],
    );
    refused(
        &m,
        &["kind", "add", "--by", "Alice", " "],
        "",
        2,
        &["kind act", "empty"],
    );
}

#[test]
fn a_bad_mend_now_is_a_usage_error() {
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    let out = assert_cmd::Command::from_std(m.std_command())
        .env("MEND_NOW", "tomorrow evening")
        .args(["write", "--as", "Alice", "--stage", "healing"])
        .write_stdin("text")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tomorrow evening"),
        "{}",
        stderr(&out)
    );
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn a_reader_that_stops_early_ends_mend_quietly() {
    use std::io::Read;
    let m = Mend::new();
    std::fs::create_dir_all(m.journal.parent().unwrap()).unwrap();
    let path = m.journal.to_str().unwrap();
    m.ok(&["demo", "--output", path, "--years", "10"], "");
    // Each listing is far larger than a pipe holds, so mend is still writing when the
    // reader goes away (as with `mend log | head -1`).
    for args in [&["log", "--as", "Alex"][..], &["promise", "list"]] {
        let whole = m.ok(args, "");
        assert!(
            whole.len() > 128 * 1024,
            "mend {args:?} printed only {} bytes",
            whole.len()
        );
        let mut child = m
            .std_command()
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "mend {args:?}: {}: {stderr}",
            out.status
        );
        assert!(stderr.is_empty(), "mend {args:?} said: {stderr}");
    }
}

/// A journal path that is not valid UTF-8 (a Linux file name may hold any bytes) is read
/// like any other: no panic, a plain message and exit code 1 when there is no journal there.
#[cfg(unix)]
#[test]
fn a_journal_path_that_is_not_utf8_is_named_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let m = Mend::new();
    let folder = m.dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    let out = m
        .command_without_journal()
        .arg("--journal")
        .arg(folder.join("journal.json"))
        .args(["log", "--as", "Alice"])
        .output()
        .expect("run mend");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("There is no journal at"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

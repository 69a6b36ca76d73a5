//! `mend write` at a terminal with `$EDITOR`: what was typed survives every failure (an editor
//! that fails, a refused argument, a failed save, a killed terminal), in a private file in the
//! drafts folder that the next `mend write` opens again.
#![cfg(unix)]

use crate::kit::pty::Session;
use crate::kit::{Mend, mode};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TEXT: &str = "Words I must not lose, written in my editor.";

/// What a run in a pseudo-terminal gave: its exit code (None when killed) and its output.
pub struct Ran {
    pub code: Option<u32>,
    pub output: String,
}

/// Runs `sh -c "PREFIX exec mend --journal J ARGS"` in a pty (so standard input is a terminal
/// and mend opens `editor`). When `kill_when` holds, the run is killed with SIGKILL.
pub fn in_pty(
    m: &Mend,
    prefix: &str,
    args: &[&str],
    editor: &Path,
    kill_when: &dyn Fn() -> bool,
) -> Ran {
    let mut cmd = m.pty_command_after(prefix, args);
    cmd.env("EDITOR", editor);
    let mut session = Session::spawn_sized(cmd, 24, 200);
    let deadline = Instant::now() + Duration::from_secs(60);
    let code = loop {
        if session.check_exit() {
            break session.exit.as_ref().map(|status| status.exit_code());
        }
        if kill_when() {
            session.kill_hard();
            break None;
        }
        assert!(Instant::now() < deadline, "mend did not finish");
        session.pump(Duration::from_millis(20));
    };
    session.read_for(Duration::from_millis(200));
    let output = String::from_utf8_lossy(&session.raw).replace("\r\n", "\n");
    Ran { code, output }
}

pub fn never() -> bool {
    false
}

/// An executable editor script in the test's folder.
pub fn editor(m: &Mend, name: &str, body: &str) -> PathBuf {
    let path = m.dir.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("editor script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

/// Every file kept from the editor under `$XDG_STATE_HOME/mend/drafts`.
pub fn kept_files(m: &Mend) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![m.state_home().join("mend").join("drafts")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
    }
    found
}

fn entries(m: &Mend) -> Vec<String> {
    m.journal_json()["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["text"].as_str().expect("text").to_owned())
        .collect()
}

const WRITE: [&str; 5] = ["write", "--as", "Alice", "--stage", "healing"];

/// The kept file is named in the output, holds the text, is private, and the next
/// `mend write` (with an editor that changes nothing) saves it and removes it.
fn assert_kept_and_offered_back(m: &Mend, output: &str) {
    let kept = kept_files(m);
    assert_eq!(kept.len(), 1, "one kept file: {kept:?}\n{output}");
    let path = &kept[0];
    assert_eq!(std::fs::read_to_string(path).unwrap(), TEXT);
    assert_eq!(mode(path), 0o600, "the kept file is private");
    assert_eq!(mode(path.parent().unwrap()), 0o700, "its folder is private");
    let flat = output.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&path.display().to_string()),
        "says where: {output}"
    );
    assert!(!output.contains(TEXT), "never quotes the words: {output}");

    let unchanged = editor(m, "unchanged.sh", "exit 0");
    let again = in_pty(m, "", &WRITE, &unchanged, &never);
    assert_eq!(again.code, Some(0), "{}", again.output);
    eprintln!("OUT2<<{}>>", again.output);
    assert!(
        again.output.contains("kept from before"),
        "{}",
        again.output
    );
    assert_eq!(entries(m), [TEXT]);
    assert!(kept_files(m).is_empty(), "saved, so no longer kept");
}

#[test]
fn an_editor_that_fails_keeps_the_text() {
    let m = Mend::with_journal();
    let failing = editor(&m, "fails.sh", &format!("printf '{TEXT}' > \"$1\"\nexit 1"));
    let ran = in_pty(&m, "", &WRITE, &failing, &never);
    eprintln!("OUT1<<{}>>", ran.output);
    assert_eq!(ran.code, Some(1), "{}", ran.output);
    assert!(
        ran.output.contains("did not finish cleanly"),
        "{}",
        ran.output
    );
    assert!(entries(&m).is_empty());
    assert_kept_and_offered_back(&m, &ran.output);
}

#[test]
fn a_refused_day_is_said_before_the_editor_opens() {
    let m = Mend::with_journal();
    let opened = m.dir.path().join("editor-opened");
    let marking = editor(
        &m,
        "marks.sh",
        &format!("touch '{}'\nprintf '{TEXT}' > \"$1\"", opened.display()),
    );
    let mut args = WRITE.to_vec();
    args.extend(["--day", "2026-12-24"]);
    let ran = in_pty(&m, "", &args, &marking, &never);
    assert_eq!(ran.code, Some(2), "{}", ran.output);
    assert!(ran.output.contains("2026-12-24"), "{}", ran.output);
    assert!(!opened.exists(), "the editor never opened");
    assert!(kept_files(&m).is_empty());
}

#[test]
fn a_failed_save_keeps_the_text() {
    let m = Mend::with_journal();
    // A journal bigger than the file size limit below, so writing the new one fails (EFBIG).
    m.write("Bob", &"a long evening entry ".repeat(500));
    let before = m.journal_bytes();
    let writing = editor(&m, "writes.sh", &format!("printf '{TEXT}' > \"$1\""));
    let ran = in_pty(&m, "trap '' XFSZ; ulimit -f 4;", &WRITE, &writing, &never);
    assert_eq!(ran.code, Some(1), "{}", ran.output);
    eprintln!("OUT3<<{}>>", ran.output);
    assert!(ran.output.contains("not changed"), "{}", ran.output);
    assert_eq!(m.journal_bytes(), before, "the journal is untouched");
    let kept = kept_files(&m);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), TEXT);
    let again = in_pty(&m, "", &WRITE, &editor(&m, "same.sh", "exit 0"), &never);
    assert_eq!(again.code, Some(0), "{}", again.output);
    let saved = entries(&m);
    assert_eq!(saved.len(), 2);
    assert!(saved.iter().any(|t| t == TEXT), "the kept text is saved");
    assert!(kept_files(&m).is_empty());
}

#[test]
fn editor_files_are_private_whatever_the_umask() {
    let m = Mend::with_journal();
    let seen = m.dir.path().join("modes");
    let recording = editor(
        &m,
        "records.sh",
        &format!(
            "stat -c '%a' \"$(dirname \"$1\")\" \"$1\" > '{}'\nprintf '{TEXT}' > \"$1\"",
            seen.display()
        ),
    );
    let ran = in_pty(&m, "umask 000;", &WRITE, &recording, &never);
    assert_eq!(ran.code, Some(0), "{}", ran.output);
    let modes = std::fs::read_to_string(&seen).expect("the editor ran");
    assert_eq!(modes.split_whitespace().collect::<Vec<_>>(), ["700", "600"]);
    assert_eq!(entries(&m), [TEXT]);
    assert!(kept_files(&m).is_empty(), "removed once saved");
}

#[test]
fn a_terminal_killed_while_the_editor_is_open_leaves_the_text_to_be_offered_back() {
    let m = Mend::with_journal();
    let written = m.dir.path().join("written");
    let slow = editor(
        &m,
        "slow.sh",
        &format!(
            "printf '{TEXT}' > \"$1\"\ntouch '{}'\nsleep 5",
            written.display()
        ),
    );
    let ran = in_pty(&m, "", &WRITE, &slow, &|| written.exists());
    assert_eq!(ran.code, None, "killed: {}", ran.output);
    let kept = kept_files(&m);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        kept[0].starts_with(m.state_home()),
        "kept where drafts live, not in /tmp: {}",
        kept[0].display()
    );
    let again = in_pty(&m, "", &WRITE, &editor(&m, "same.sh", "exit 0"), &never);
    assert_eq!(again.code, Some(0), "{}", again.output);
    assert!(
        again.output.contains("kept from before"),
        "{}",
        again.output
    );
    assert_eq!(entries(&m), [TEXT]);
}

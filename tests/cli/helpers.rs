//! What many command tests share: a refusal checked whole, promises found by text, log texts.

use crate::kit::{Mend, stderr, stdout};
use serde_json::Value;

/// Runs a command that must be refused: checks the exit code, that standard error names
/// each of `needles`, that nothing was printed on standard output, and that neither the
/// journal (present or absent) nor the backups changed. Returns standard error.
#[track_caller]
pub fn refused(
    m: &Mend,
    args: &[&str],
    stdin: impl AsRef<[u8]>,
    code: i32,
    needles: &[&str],
) -> String {
    let before = m.journal_bytes_if_any();
    let backups_before = m.backups();
    let out = m.run(args, stdin);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "mend {args:?}: expected exit code {code}, got {}; stderr: {err}",
        out.status
    );
    for needle in needles {
        assert!(
            err.contains(needle),
            "stderr of mend {args:?} should mention {needle:?}, but is: {err}"
        );
    }
    assert!(
        out.stdout.is_empty(),
        "mend {args:?} printed on stdout: {}",
        stdout(&out)
    );
    if err.starts_with("mend: ") {
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "mend {args:?}: the error should be one line: {err}"
        );
    }
    assert!(
        m.journal_bytes_if_any() == before,
        "mend {args:?} changed the journal {}",
        m.journal.display()
    );
    assert_eq!(m.backups(), backups_before, "mend {args:?} made a backup");
    err
}

/// `promise list --json`.
pub fn promises(m: &Mend) -> Vec<Value> {
    m.json(&["promise", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

/// The promise with this text, from `promise list --json`.
pub fn promise_with_text(m: &Mend, text: &str) -> Value {
    promises(m)
        .into_iter()
        .find(|p| p["text"] == text)
        .unwrap_or_else(|| panic!("no promise {text:?}"))
}

/// Makes a promise from Bob to Alice and returns its full id.
pub fn make_promise(m: &Mend, text: &str) -> String {
    m.ok(
        &["promise", "add", "--by", "Bob", "--to", "Alice", text],
        "",
    );
    promise_with_text(m, text)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The first `n` characters of an id without dashes.
pub fn prefix(id: &str, n: usize) -> String {
    id.replace('-', "")[..n].to_owned()
}

pub fn log_texts(m: &Mend, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["log", "--json"];
    args.extend_from_slice(extra);
    m.json(&args)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_owned())
        .collect()
}

//! The loader fuzz on encrypted journals: damaged bytes are refused naming the file (never a
//! panic, never written over) or load and open, and a changed byte inside any sealed token
//! is refused naming its record. Unlocking is part of the load, as it is for every command.

use crate::mutation::{Mutation, apply, mutation};
use crate::sealed_kit::{ALICE, Locked, TOKEN, open_both, open_file, tokens};
use mend::journal::Visibility;
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

/// Bytes inserted into an encrypted journal: JSON's and base64's.
const SEALED_BYTES: &[u8] = b"{}[]\":,0123456789+/=AZaz \n\\\xff";

/// The small encrypted journal's bytes (made once).
fn sealed_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| Locked::small().m.journal_bytes())
}

/// A refusal names the file (the library leaves naming it to whoever unlocks; the CLI
/// test below checks it does), stays on one line and never quotes a passphrase.
#[track_caller]
fn check_refusal(message: &str, path: &Path) {
    assert!(
        message.contains(&path.display().to_string()) || message.starts_with("unlock: "),
        "names the file: {message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
    assert!(!message.contains(ALICE), "never the passphrase: {message}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_damaged_encrypted_journal_loads_and_opens_or_is_refused_naming_the_file(
        changes in prop::collection::vec(mutation(SEALED_BYTES), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        let mut bytes = sealed_bytes().to_vec();
        for change in &changes {
            apply(&mut bytes, change);
        }
        std::fs::write(&path, &bytes).unwrap();
        match open_file(&path, &[("Alice", ALICE)]) {
            // Harmless damage (white space, an unknown field's name, a clock's digit).
            Ok(journal) => {
                prop_assert!(journal.is_sealed());
                // Alice is the first partner, whatever the damage did to her name.
                let alice = journal.partners[0].id;
                for entry in &journal.entries {
                    let readable = entry.visibility == Visibility::Shared || entry.meta.author == alice;
                    prop_assert!(!readable || !entry.text.starts_with(TOKEN), "{:?}", entry);
                }
            }
            Err(message) => check_refusal(&message, &path),
        }
        prop_assert_eq!(std::fs::read(&path).unwrap(), bytes, "loading wrote nothing");
    }
}

/// Seeded damage through the real binary: a command that reads and one that writes, with
/// the passphrase. Each either works or is refused naming the file; a refusal writes nothing.
#[test]
fn the_binary_refuses_a_damaged_encrypted_journal_naming_it_and_writes_nothing() {
    let locked = Locked::small();
    let journal = locked.m.journal.display().to_string();
    let mut rng = fastrand::Rng::with_seed(18);
    let (mut refused, mut worked) = (0, 0);
    for round in 0..24 {
        let mut bytes = sealed_bytes().to_vec();
        let change = match rng.u8(..4) {
            0 => Mutation::Flip {
                at: rng.usize(..),
                bit: rng.u8(..8),
            },
            1 => Mutation::Insert {
                at: rng.usize(..),
                byte: b"{}\":,A+/"[rng.usize(..8)],
            },
            2 => Mutation::Delete { at: rng.usize(..) },
            _ => Mutation::Truncate { at: rng.usize(..) },
        };
        apply(&mut bytes, &change);
        for args in [
            &["log", "--as", "Alice"][..],
            &["write", "--as", "Alice", "--stage", "healing"][..],
        ] {
            locked.m.put_journal(&bytes);
            let out = locked.run(&locked.alice, args, "words after the damage");
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(!said.contains("panicked"), "{round} {change:?}: {said}");
            if out.status.success() {
                worked += 1;
                open_file(&locked.m.journal, &[("Alice", ALICE)])
                    .unwrap_or_else(|e| panic!("{round} {change:?}: what worked opens: {e}"));
            } else {
                refused += 1;
                assert!(said.contains(&journal), "{round} {change:?}: {said}");
                assert_eq!(locked.m.journal_bytes(), bytes, "{round}: written over");
            }
        }
    }
    assert!(
        refused > 0 && worked > 0,
        "{refused} refused, {worked} worked"
    );
}

/// `bytes` with the base64 character at `at` changed to another one.
fn changed_at(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut changed = bytes.to_vec();
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    changed
}

#[test]
fn a_changed_byte_inside_any_token_is_refused_naming_its_record() {
    let bytes = sealed_bytes();
    let value: Value = serde_json::from_slice(bytes).unwrap();
    let mut found = Vec::new();
    tokens(&value, "", &mut found);
    assert!(found.len() >= 6, "{found:?}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let text = std::str::from_utf8(bytes).unwrap();
    for (place, token) in &found {
        let start = text.find(token.as_str()).expect("the token is in the file");
        // The record is the object the place is in: entries/0/..., checkins/1/...
        let mut parts = place.split('/').skip(1);
        let (list, n) = (parts.next().unwrap(), parts.next().unwrap());
        let id = value[list][n.parse::<usize>().unwrap()]["id"]
            .as_str()
            .unwrap();
        for at in [TOKEN.len(), token.len() / 2, token.len() - 2] {
            std::fs::write(&path, changed_at(bytes, start + at)).unwrap();
            let message = open_both(&path).expect_err(&format!("{place} changed at {at}"));
            check_refusal(&message, &path);
            assert!(
                message.contains(id) && message.contains("changed outside mend"),
                "{place} at {at}: {message}"
            );
        }
        // A token's prefix changed is words that are not sealed: refused by record too.
        std::fs::write(&path, changed_at(bytes, start + 1)).unwrap();
        let message = open_both(&path).expect_err(place);
        assert!(
            message.contains(id) && message.contains("not sealed"),
            "{message}"
        );
    }
}

#[test]
fn a_token_moved_to_another_record_is_refused_naming_the_record() {
    let mut value: Value = serde_json::from_slice(sealed_bytes()).unwrap();
    let entries = value["entries"].as_array_mut().unwrap();
    let (first, second) = (entries[0]["text"].clone(), entries[1]["text"].clone());
    entries[0]["text"] = second;
    entries[1]["text"] = first;
    let id = entries[0]["id"].as_str().unwrap().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let message = open_both(&path).expect_err("moved words are refused");
    assert!(message.contains(&id), "{message}");
}

//! Merging encrypted copies: two laptops' copies changed apart merge without a passphrase
//! into one that opens with either passphrase and holds every record; merging again changes
//! nothing; and unchanged words keep their tokens, so a re-sealed copy never doubles history.

use crate::kit::Mend;
use crate::sealed_kit::{ALICE, BOB, Locked, TOKEN, open_both, open_file, tokens};
use age::secrecy::SecretString;
use mend::journal::{OpensWith, Visibility};
use mend::store::seal::Sealer;
use mend::store::{parse, to_bytes};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The ids of every record in a journal file, by list.
fn ids(journal: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for list in [
        "entries",
        "checkins",
        "promises",
        "kind_acts",
        "hard_moments",
        "pauses",
    ] {
        for record in journal[list].as_array().into_iter().flatten() {
            found.insert(format!("{list}/{}", record["id"].as_str().unwrap()));
        }
    }
    found
}

/// A second laptop holding a copy of `locked`'s journal, with the same passphrase files.
fn second_laptop(locked: &Locked) -> Locked {
    let m = Mend::new();
    m.put_journal(locked.m.journal_bytes());
    let copy = |name: &str| {
        let path = m.dir.path().join(name);
        std::fs::copy(locked.m.dir.path().join(name), &path).unwrap();
        path
    };
    let (alice, bob) = (copy("alice"), copy("bob"));
    Locked { m, alice, bob }
}

fn merge(into: &Locked, from: &Path) -> String {
    // No passphrase: merging needs no key.
    into.m.ok(&["merge", &from.display().to_string()], "")
}

#[test]
fn two_laptops_encrypted_copies_merge_without_a_key_into_one_that_either_passphrase_opens() {
    let a = Locked::small();
    let list = a.ok(&a.bob, &["promise", "list", "--json"], "");
    let call = crate::kit::id_with_text(&serde_json::from_str(&list).unwrap(), "Call if late");
    a.ok(
        &a.bob,
        &["promise", "keep", &call, "--note-stdin"],
        "rang at six",
    );
    a.ok(
        &a.alice,
        &["promise", "ack", &call, "--as", "Alice", "--note-stdin"],
        "thank you",
    );
    let b = second_laptop(&a);
    // Changed apart: each save re-seals the whole journal on its own laptop.
    let write = ["write", "--stage", "healing", "--as"];
    a.ok(
        &a.alice,
        &[&write[..], &["Alice"]].concat(),
        "written on laptop A",
    );
    a.ok(
        &a.alice,
        &["moment", "--as", "Alice"],
        "a private moment on A",
    );
    b.ok(
        &b.bob,
        &[&write[..], &["Bob"]].concat(),
        "written on laptop B",
    );
    let mut checkin = vec!["checkin", "--as", "Bob", "--note-stdin"];
    checkin.extend(["--safety", "6", "--trust", "6", "--connection", "7"]);
    b.ok(&b.bob, &checkin, "a calmer day on B");
    let every = &ids(&a.m.journal_json()) | &ids(&b.m.journal_json());

    merge(&a, &b.m.journal);
    let merged = a.m.journal_json();
    assert_eq!(ids(&merged), every, "every record of both copies");
    let promise = merged["promises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == call.as_str())
        .unwrap();
    assert_eq!(promise["history"].as_array().unwrap().len(), 1, "{promise}");
    assert!(
        promise["acknowledged"]["note"]
            .as_str()
            .unwrap()
            .starts_with(TOKEN)
    );

    // Merging the same copy again changes nothing, byte for byte.
    let once = a.m.journal_bytes();
    merge(&a, &b.m.journal);
    assert_eq!(a.m.journal_bytes(), once, "a second merge is a no-op");

    // Either passphrase opens it; together they read every word of both laptops.
    let as_alice = open_file(&a.m.journal, &[("Alice", ALICE)]).unwrap();
    let as_bob = open_file(&a.m.journal, &[("Bob", BOB)]).unwrap();
    let shared = |j: &mend::journal::Journal| -> Vec<String> {
        j.entries
            .iter()
            .filter(|e| e.visibility == Visibility::Shared)
            .map(|e| e.text.clone())
            .collect()
    };
    assert_eq!(shared(&as_alice), shared(&as_bob));
    let all = open_both(&a.m.journal).unwrap();
    let texts: Vec<&str> = all.entries.iter().map(|e| e.text.as_str()).collect();
    for words in [
        "written on laptop A",
        "written on laptop B",
        "a fear kept to myself",
    ] {
        assert!(texts.contains(&words), "{words:?} in {texts:?}");
    }
    assert!(
        all.hard_moments
            .iter()
            .any(|m| m.text == "a private moment on A")
    );
    assert!(
        all.checkins
            .iter()
            .any(|c| c.note.as_deref() == Some("a calmer day on B"))
    );
    let kept = all
        .promises
        .iter()
        .find(|p| p.meta.id.to_string() == call)
        .unwrap();
    assert_eq!(kept.history.len(), 1);
    assert_eq!(kept.history[0].note.as_deref(), Some("rang at six"));

    // The other way round gives the same records, and it too opens.
    merge(&b, &a.m.journal);
    assert_eq!(ids(&b.m.journal_json()), every);
    let b_all = open_both(&b.m.journal).unwrap();
    assert_eq!(b_all.entries.len(), all.entries.len());
    b.ok(&b.alice, &["log", "--as", "Alice"], "");
}

/// A journal's bytes opened with Alice's passphrase and sealed again, as a save does.
fn resealed(bytes: &[u8], change: impl FnOnce(&mut mend::journal::Journal)) -> Vec<u8> {
    let path = Path::new("journal.json");
    let mut journal = parse(path, bytes).unwrap();
    let alice = journal.partner_named("Alice").unwrap().id;
    let sealing = journal.sealing.clone().unwrap();
    let secret = SecretString::from(ALICE.to_owned());
    let mut sealer =
        Sealer::unlock(&sealing, alice, "Alice", &secret, OpensWith::Passphrase).unwrap();
    sealer.open(&mut journal).unwrap();
    let first = to_bytes(&sealer.seal(&journal).unwrap()).unwrap();
    let again = to_bytes(&sealer.seal(&journal).unwrap()).unwrap();
    assert_eq!(
        first, again,
        "sealing the same words twice gives the same bytes"
    );
    change(&mut journal);
    to_bytes(&sealer.seal(&journal).unwrap()).unwrap()
}

fn token_map(bytes: &[u8]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    tokens(&serde_json::from_slice(bytes).unwrap(), "", &mut found);
    found
}

#[test]
fn unchanged_words_keep_their_tokens_and_a_changed_entry_changes_only_its_own() {
    let locked = Locked::small();
    let bytes = locked.m.journal_bytes();
    assert_eq!(
        resealed(&bytes, |_| {}),
        bytes,
        "an unchanged journal saved again is the same file, byte for byte"
    );
    let before = token_map(&bytes);
    let journal: Value = serde_json::from_slice(&bytes).unwrap();
    let shared = journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["visibility"] == "shared")
        .expect("Bob's shared entry");
    let after = token_map(&resealed(&bytes, |journal| {
        let entry = &journal.entries[shared];
        let (id, by) = (entry.meta.id, entry.meta.author);
        journal
            .edit_entry(
                id,
                by,
                "we walked by the sea",
                Visibility::Shared,
                chrono::Utc::now(),
            )
            .unwrap();
    }));
    assert_eq!(before.len(), after.len());
    let changed: Vec<&str> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.0.as_str())
        .collect();
    assert_eq!(
        changed,
        [format!("/entries/{shared}/text")],
        "only that entry's words"
    );
}

#[test]
fn a_copy_sealed_with_other_keys_is_refused_naming_it_and_the_journal_keeps_opening() {
    let a = Locked::small();
    // A copy kept from the first encryption; then the journal is decrypted and encrypted
    // again, with new keys.
    let old = a.m.dir.path().join("old.json");
    std::fs::copy(&a.m.journal, &old).unwrap();
    let both = a.m.dir.path().join("both");
    a.ok(&both, &["decrypt", "--yes"], "");
    a.ok(&both, &["encrypt"], "");
    let before = a.m.journal_bytes();
    let first = serde_json::from_slice::<Value>(&std::fs::read(&old).unwrap()).unwrap();
    let now = a.m.journal_json();
    assert_ne!(
        first["sealing"]["keys_id"], now["sealing"]["keys_id"],
        "new keys, a new id"
    );

    let out = a.run(&a.alice, &["merge", &old.display().to_string()], "");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("old.json"), "names the copy: {said}");
    assert!(said.contains("encrypted apart"), "{said}");
    assert_eq!(a.m.journal_bytes(), before, "nothing written");
    assert!(open_file(&a.m.journal, &[("Alice", ALICE)]).is_ok());
}

#[test]
fn copies_of_one_encryption_keep_one_keys_id_through_saves_and_a_new_passphrase() {
    let a = Locked::small();
    let id = a.m.journal_json()["sealing"]["keys_id"].clone();
    assert!(id.as_str().is_some_and(|id| id.len() == 32), "{id}");
    a.ok(
        &a.alice,
        &["write", "--as", "Alice", "--stage", "healing"],
        "later words",
    );
    assert_eq!(a.m.journal_json()["sealing"]["keys_id"], id);
    let newer = crate::sealed_kit::secret_file(&a.m, "newer", "a passphrase of her own\n");
    let mut cmd = a.m.std_command();
    cmd.env("MEND_PASSPHRASE_FILE", &a.alice)
        .env("MEND_NEW_PASSPHRASE_FILE", &newer);
    let out = assert_cmd::Command::from_std(cmd)
        .args(["passphrase", "change", "--as", "Alice"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        a.m.journal_json()["sealing"]["keys_id"],
        id,
        "the same keys"
    );
    let b = second_laptop(&a);
    b.ok(
        &b.bob,
        &["write", "--as", "Bob", "--stage", "healing"],
        "on laptop B",
    );
    merge(&a, &b.m.journal);
    assert_eq!(a.m.journal_json()["sealing"]["keys_id"], id);
    let both = [("Alice", "a passphrase of her own"), ("Bob", BOB)];
    let merged = open_file(&a.m.journal, &both).unwrap();
    let texts: Vec<&str> = merged.entries.iter().map(|e| e.text.as_str()).collect();
    assert!(
        texts.contains(&"later words") && texts.contains(&"on laptop B"),
        "{texts:?}"
    );
}

//! Gathering a shared folder once the journal is encrypted: a plain file from before is let
//! go only when the encrypted journal holds all it holds, words a merge would keep included;
//! otherwise it is left in place with a warning naming it.

use age::secrecy::SecretString;
use chrono::{DateTime, TimeDelta, Utc};
use std::path::{Path, PathBuf};

use super::seal::Sealer;
use super::shared::Listing;
use super::{gather, to_bytes};
use crate::journal::{
    Clock, Device, Journal, NewEntry, NewPromise, OpensWith, PromiseAction, Stage, Visibility,
};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::<Utc>::UNIX_EPOCH + TimeDelta::days(20_000) + TimeDelta::seconds(seconds)
}

/// Alex's and Sam's journal with one shared entry of Alex's.
fn journal() -> Journal {
    let Ok(mut journal) = Journal::new(("Alex", None), ("Sam", None), at(0), at(0).date_naive())
    else {
        panic!("a new journal");
    };
    let entry = NewEntry {
        author: journal.partners[0].id,
        day: at(0).date_naive(),
        stage: Stage::Healing,
        prompt_id: None,
        prompt: None,
        text: "first words".into(),
        visibility: Visibility::Shared,
    };
    if let Err(err) = journal.add_entry(entry, at(0), at(0).date_naive()) {
        panic!("{err}");
    }
    journal
}

fn on(journal: &Journal, device: &str) -> Journal {
    let mut copy = journal.clone();
    copy.set_device(Device(device.to_owned()));
    copy
}

/// `journal` encrypted (as `mend encrypt` does on laptop B) and sealed; with Alex's secret.
fn encrypted(mut journal: Journal) -> Journal {
    let (alex, sam) = (journal.partners[0].id, journal.partners[1].id);
    let secret = |s: &str| SecretString::from(s.to_owned());
    let clock = Clock::start(at(30), journal.device());
    let (mut sealer, sealing, _) =
        Sealer::create(&[(alex, secret("alex")), (sam, secret("sam"))], &clock);
    journal.sealing = Some(sealing);
    match sealer.seal(&journal) {
        Ok(sealed) => sealed,
        Err(err) => panic!("sealing: {err}"),
    }
}

fn opened_as_alex(mut journal: Journal) -> Journal {
    let Some(sealing) = journal.sealing.clone() else {
        panic!("an encrypted journal");
    };
    let alex = journal.partners[0].id;
    let secret = SecretString::from("alex".to_owned());
    let opened = Sealer::unlock(&sealing, alex, "Alex", &secret, OpensWith::Passphrase)
        .map_err(|err| err.to_string())
        .and_then(|mut sealer| sealer.open(&mut journal).map_err(|err| err.to_string()));
    if let Err(err) = opened {
        panic!("opening: {err}");
    }
    journal
}

/// A shared folder holding laptop A's plain file (this laptop's own) and laptop B's
/// encrypted one; gathered from A.
fn gathered(folder: &Path, plain_a: &Journal, sealed_b: &Journal) -> (super::Gathered, PathBuf) {
    let own = folder.join("journal.aaaaaaaaaaaaaaaa.json");
    let put = |path: &Path, journal: &Journal| match to_bytes(journal) {
        Ok(bytes) => std::fs::write(path, bytes).is_ok(),
        Err(err) => panic!("{err}"),
    };
    assert!(put(&own, plain_a));
    assert!(put(&folder.join("journal.bbbbbbbbbbbbbbbb.json"), sealed_b));
    let kept = folder.join("kept.json");
    (gather(&own, &kept, &Listing::of(folder)), own)
}

#[test]
fn an_entry_written_apart_before_encryption_keeps_the_plain_file_in_place_with_a_warning() {
    let base = journal();
    let (alex, id) = (base.partners[0].id, base.entries[0].meta.id);
    let (mut a, mut b) = (on(&base, "laptop-a"), on(&base, "laptop-b"));
    let edits = [
        (&mut a, "written on A, offline", 10),
        (&mut b, "written on B", 20),
    ];
    for (copy, words, when) in edits {
        if let Err(err) = copy.edit_entry(id, alex, words, Visibility::Shared, at(when)) {
            panic!("{err}");
        }
    }
    let folder = tempfile::tempdir().expect("a folder");
    let (found, own) = gathered(folder.path(), &a, &encrypted(b));
    assert_eq!(found.plain_left, vec![own.clone()], "{:?}", found.warnings);
    assert!(!found.encrypted_since);
    let named = found
        .warnings
        .iter()
        .any(|w| w.contains("aaaaaaaaaaaaaaaa"));
    assert!(named, "{:?}", found.warnings);
    let Some(journal) = found.journal else {
        panic!("the encrypted journal is gathered");
    };
    assert_eq!(opened_as_alex(journal).entries[0].text, "written on B");
}

#[test]
fn a_promise_step_taken_apart_before_encryption_keeps_the_plain_file_in_place() {
    let mut base = journal();
    let (alex, sam) = (base.partners[0].id, base.partners[1].id);
    let today = at(0).date_naive();
    let new = NewPromise {
        by: alex,
        to: sam,
        text: "walk on sunday".into(),
        made: today,
        due: None,
        size: None,
    };
    let id = match base.add_promise(new, at(1), today) {
        Ok(id) => id,
        Err(err) => panic!("{err}"),
    };
    let (mut a, mut b) = (on(&base, "laptop-a"), on(&base, "laptop-b"));
    let note = |words: &str| Some(words.to_owned());
    let kept = a.change_promise(id, alex, PromiseAction::Keep, note("on A"), at(10), today);
    let withdrawn = b.change_promise(id, alex, PromiseAction::Withdraw, None, at(20), today);
    if let (Err(err), _) | (_, Err(err)) = (kept, withdrawn) {
        panic!("{err}");
    }
    let folder = tempfile::tempdir().expect("a folder");
    let (found, own) = gathered(folder.path(), &a, &encrypted(b));
    assert_eq!(found.plain_left, vec![own], "{:?}", found.warnings);
}

#[test]
fn a_plain_file_the_encrypted_journal_holds_all_of_is_let_go() {
    let base = journal();
    let (alex, id) = (base.partners[0].id, base.entries[0].meta.id);
    let a = on(&base, "laptop-a");
    let mut b = on(&base, "laptop-b");
    if let Err(err) = b.edit_entry(id, alex, "written on B", Visibility::Shared, at(20)) {
        panic!("{err}");
    }
    let folder = tempfile::tempdir().expect("a folder");
    let (found, _) = gathered(folder.path(), &a, &encrypted(b));
    assert!(found.encrypted_since, "{:?}", found.warnings);
    assert!(found.plain_left.is_empty() && found.warnings.is_empty());
}

//! Saving an encrypted journal from the bytes kept record by record: every record equal to
//! one kept is copied, every other one is sealed and written out, and the file is always the
//! one sealing the whole journal writes.

use crate::kit::fixtures::{make, now, tonight_entry};
use age::secrecy::SecretString;
use mend::cli::DemoLength;
use mend::journal::{Clock, Journal, OpensWith, PromiseStatus, RawJson, Visibility};
use mend::store::seal::{PreparedCopy, Sealer, wipe_if_last};
use mend::store::{Store, parse, to_bytes};
use std::path::Path;
use std::sync::Arc;

/// A one-year demo journal (every kind of record) encrypted, as its file; and the keys.
fn encrypted() -> (Vec<u8>, Sealer) {
    let mut journal = make(DemoLength::Years(1)).journal;
    let partners: Vec<_> = journal.partners.iter().map(|p| p.id).collect();
    let secret = |s: &str| SecretString::from(s.to_owned());
    let passphrases = [
        (partners[0], secret("alex's own")),
        (partners[1], secret("sam's own")),
    ];
    let clock = Clock::start(now().to_utc(), journal.device());
    let (mut maker, sealing, _codes) = Sealer::create(&passphrases, &clock);
    journal.sealing = Some(sealing);
    // A field mend does not know, in the header and in a record, is written back as it was.
    let unknown = |json: &str| serde_json::from_str::<RawJson>(json).expect("a JSON value");
    journal
        .extra
        .insert("from_a_newer_mend".into(), unknown("[1.0, 2]"));
    journal.promises[0]
        .extra
        .insert("colour".into(), unknown("\"blue\""));
    let sealed = maker.seal(&journal).expect("sealing the demo journal");
    (to_bytes(&sealed).expect("serializing"), maker)
}

/// `file` read and opened with Alex's keys as the app opens it after a passphrase: the
/// records written out while the passphrase was checked, handed to the keys.
fn opened_as_alex(file: &[u8], maker: &Sealer) -> (Arc<Journal>, Sealer) {
    let mut journal = parse(Path::new("journal.json"), file).expect("the file parses");
    let prepared = PreparedCopy::of(&journal).expect("writing the records out");
    let alex = journal.partners[0].id;
    let mut sealer = Sealer::from_keys(alex, maker.keys_of(alex).expect("Alex's keys"));
    sealer.open(&mut journal).expect("Alex's keys open it");
    let journal = Arc::new(journal);
    sealer.keep_copy(prepared, &journal);
    (journal, sealer)
}

fn records(journal: &Journal) -> usize {
    journal.list_lengths().iter().sum()
}

/// Both partners' keys together, as `mend decrypt` holds them.
fn both_keys(maker: &Sealer, journal: &Journal) -> Sealer {
    let keys = |n: usize| {
        let partner = journal.partners[n].id;
        Sealer::from_keys(partner, maker.keys_of(partner).expect("keys"))
    };
    let mut both = keys(0);
    both.join(keys(1));
    both
}

/// The words of `file`, as both partners' keys open them together.
fn reopened(file: &[u8], maker: &Sealer, journal: &Journal) -> Journal {
    let mut read = parse(Path::new("journal.json"), file).expect("the saved file parses");
    both_keys(maker, journal)
        .open(&mut read)
        .expect("the saved file opens");
    read
}

/// Where the `nth` shared entry is: words Alex's keys open and seal.
fn shared_entry(journal: &Journal, nth: usize) -> usize {
    let shared = journal.entries.iter().enumerate();
    let mut shared = shared.filter(|(_, e)| e.visibility == Visibility::Shared);
    shared
        .nth(nth)
        .map(|(at, _)| at)
        .expect("enough shared entries")
}

#[test]
fn an_unchanged_journal_is_saved_as_the_very_bytes_it_was_read_from() {
    let (file, maker) = encrypted();
    let (journal, mut sealer) = opened_as_alex(&file, &maker);
    assert!(journal.plan_items.len() + journal.hard_moments.len() + journal.pauses.len() > 0);
    assert_eq!(
        sealer.kept_records(),
        records(&journal),
        "every record's bytes are kept"
    );
    let saved = sealer.seal_to_bytes(&journal).expect("saving");
    assert!(saved[..] == file[..], "the same file, byte for byte");
}

#[test]
fn records_changed_added_or_deleted_are_sealed_anew_and_the_file_is_what_sealing_it_all_writes() {
    let (file, maker) = encrypted();
    let (journal, mut sealer) = opened_as_alex(&file, &maker);
    let mut changed = Journal::clone(&journal);
    let (alex, at) = (changed.partners[0].id, now().to_utc());
    changed
        .add_entry(tonight_entry(&changed), at, now().date_naive())
        .expect("a new entry");
    let alexs: Vec<_> = changed
        .entries
        .iter()
        .filter(|e| e.meta.author == alex && !e.meta.deleted)
        .map(|e| e.meta.id)
        .collect();
    changed
        .edit_entry(alexs[3], alex, "written again", Visibility::Private, at)
        .expect("an edit");
    changed
        .set_entry_deleted(alexs[7], alex, true, at)
        .expect("a deletion");
    // Sealing the whole journal first makes the tokens of the new words, which the save
    // then reuses: so the two files can be compared byte for byte.
    let whole = to_bytes(&sealer.seal(&changed).expect("sealing it all")).expect("serializing");
    let saved = sealer
        .seal_to_bytes(&Arc::new(changed.clone()))
        .expect("saving");
    assert!(
        saved[..] == whole[..],
        "the file sealing the whole journal writes"
    );
    assert_eq!(
        reopened(&saved, &maker, &changed).entries.len(),
        changed.entries.len()
    );
    let edited = reopened(&saved, &maker, &changed);
    let edited = edited
        .entries
        .iter()
        .find(|e| e.meta.id == alexs[3])
        .expect("the edited entry");
    assert_eq!(edited.text, "written again");
}

#[test]
fn a_record_changed_without_its_clock_moving_is_still_sealed_anew() {
    let (file, maker) = encrypted();
    let (journal, mut sealer) = opened_as_alex(&file, &maker);
    let mut changed = Journal::clone(&journal);
    let at = shared_entry(&changed, 10);
    let (entry, promise) = (
        changed.entries[at].meta.clone(),
        changed.promises[2].meta.clone(),
    );
    changed.entries[at].text.push_str(" And one more line.");
    changed.promises[2].status = PromiseStatus::Kept;
    assert_eq!(
        (&changed.entries[at].meta, &changed.promises[2].meta),
        (&entry, &promise)
    );
    let saved = sealer
        .seal_to_bytes(&Arc::new(changed.clone()))
        .expect("saving");
    let read = reopened(&saved, &maker, &changed);
    assert!(read.entries[at].text.ends_with(" And one more line."));
    assert_eq!(
        read.promises[2].status,
        PromiseStatus::Kept,
        "never shown kept when it was not, nor the other way"
    );
    // And a second save, from the bytes the first one kept, changes nothing back.
    let again = sealer
        .seal_to_bytes(&Arc::new(changed))
        .expect("saving again");
    assert!(again[..] == saved[..]);
}

/// A store on `file`, written to a folder of its own, with the journal read (sealed).
fn store_on(file: &[u8]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("journal.json");
    std::fs::write(&path, file).expect("writing the journal");
    let mut store = Store::new(&path, None);
    store.load().expect("reading it sealed");
    (dir, store)
}

/// Alex's passphrase checked (scrypt) while the store writes the records out, as the app
/// and the commands unlock; Alex's keys.
fn unlock_as_alex(store: &mut Store) -> Sealer {
    let journal = store.journal().expect("a journal held");
    let sealing = journal.sealing.clone().expect("encrypted");
    let alex = journal.partners[0].id;
    let secret = SecretString::from("alex's own".to_owned());
    let checked = store
        .while_unlocking(|| Sealer::unlock(&sealing, alex, "Alex", &secret, OpensWith::Passphrase));
    checked.expect("Alex's passphrase opens it")
}

#[test]
fn the_records_are_written_out_while_the_passphrase_is_checked_and_the_first_save_keeps_them() {
    let (file, maker) = encrypted();
    let (_dir, mut store) = store_on(&file);
    let sealer = unlock_as_alex(&mut store);
    store.unlock(sealer).expect("it opens");
    let held = store.journal().expect("opened");
    let kept = store.sealer().map(Sealer::kept_records);
    assert_eq!(
        kept,
        Some(records(held)),
        "every record's bytes, for the first save"
    );
    let tonight = tonight_entry(held);
    store
        .update(|j| Ok(j.add_entry(tonight, now().to_utc(), now().date_naive())?))
        .expect("saving an entry");
    let saved = std::fs::read(store.path()).expect("the saved file");
    let held = store.journal().expect("held");
    let mut read = parse(Path::new("journal.json"), &saved).expect("the saved file parses");
    let alex = held.partners[0].id;
    let mut alexs = Sealer::from_keys(alex, maker.keys_of(alex).expect("Alex's keys"));
    alexs.open(&mut read).expect("Alex's keys open it");
    assert!(
        read == *held,
        "the file holds the journal as Alex's keys open it"
    );
    assert!(
        read.entries
            .iter()
            .any(|e| e.text.starts_with("A quiet evening."))
    );
}

#[test]
fn records_written_out_for_a_journal_read_again_before_it_opened_are_let_go() {
    let (file, maker) = encrypted();
    let (_dir, mut store) = store_on(&file);
    let sealer = unlock_as_alex(&mut store);
    // Another process saved meanwhile: the journal read again is not the one written out.
    let mut elsewhere = reopened(&file, &maker, store.journal().expect("held"));
    let (one, two) = (shared_entry(&elsewhere, 1), shared_entry(&elsewhere, 2));
    elsewhere.entries[one].text = "changed in another window".into();
    let mut both = both_keys(&maker, &elsewhere);
    let sealed = to_bytes(&both.seal(&elsewhere).expect("sealing")).expect("serializing");
    std::fs::write(store.path(), sealed).expect("the other save");
    store.load().expect("read again");
    store.unlock(sealer).expect("it opens");
    assert_eq!(store.sealer().map(Sealer::kept_records), Some(0));
    store
        .update(|j| {
            j.entries[two].text.push_str(" (and here)");
            Ok(())
        })
        .expect("saving");
    let saved = std::fs::read(store.path()).expect("the saved file");
    let read = reopened(&saved, &maker, store.journal().expect("held"));
    assert_eq!(read.entries[one].text, "changed in another window");
    assert!(read.entries[two].text.ends_with(" (and here)"));
}

#[test]
fn locking_or_quitting_lets_go_of_the_journal_the_bytes_were_kept_for_so_its_words_are_wiped() {
    let (file, _maker) = encrypted();
    for quitting in [false, true] {
        let (_dir, mut store) = store_on(&file);
        let sealer = unlock_as_alex(&mut store);
        store.unlock(sealer).expect("it opens");
        let tonight = tonight_entry(store.journal().expect("opened"));
        store
            .update(|j| Ok(j.add_entry(tonight, now().to_utc(), now().date_naive())?))
            .expect("saving an entry");
        assert!(store.sealer().is_some_and(|s| s.kept_records() > 0));
        // The app holds the journal it shows; the store and the keys let go of theirs.
        let shown = store.shared().expect("the journal shown");
        match quitting {
            true => store.let_go(),
            false => drop(store.lock_keys().expect("locking")),
        }
        assert!(
            wipe_if_last(shown),
            "the app's is the last reference, so its words are wiped (quitting: {quitting})"
        );
    }
}

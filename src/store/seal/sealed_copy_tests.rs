//! The file written record by record is byte for byte the file `to_bytes` writes whole, with
//! every list empty or full and fields mend does not know.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::test_journal::journal_with_words;
use super::token::DataKey;
use super::tokens::Tokens;
use super::{PreparedCopy, Sealer};
use crate::journal::{Journal, NewEntry, RawJson, Sealing, Stage, TalkPart, Visibility, Week};
use crate::store::to_bytes;

/// Keys for both of `journal`'s partners, made up on the spot (no passphrase).
fn sealer_for(journal: &Journal) -> Sealer {
    Sealer {
        couple: DataKey::random(),
        private: journal
            .partners
            .iter()
            .map(|p| (p.id, DataKey::random()))
            .collect::<BTreeMap<_, _>>(),
        tokens: Tokens::default(),
        copy: None,
    }
}

fn encrypted(mut journal: Journal) -> Journal {
    journal.sealing = Some(Sealing::new());
    journal
}

/// The file `seal_to_bytes` writes for `journal` is the one `to_bytes` writes for it sealed
/// whole; and from the bytes it kept, the next save writes it again.
fn written_alike(journal: Journal) {
    let journal = Arc::new(encrypted(journal));
    let mut sealer = sealer_for(&journal);
    let whole = match sealer.seal(&journal).map(|sealed| to_bytes(&sealed)) {
        Ok(Ok(bytes)) => bytes,
        other => panic!("sealing it whole: {other:?}"),
    };
    let pieces = match sealer.seal_to_bytes(&journal) {
        Ok(bytes) => bytes,
        Err(err) => panic!("sealing it record by record: {err}"),
    };
    assert_eq!(
        String::from_utf8_lossy(&pieces),
        String::from_utf8_lossy(&whole)
    );
    let records: usize = journal.list_lengths().iter().sum();
    assert_eq!(sealer.kept_records(), records);
    let again = match sealer.seal_to_bytes(&journal) {
        Ok(bytes) => bytes,
        Err(err) => panic!("saving again from the bytes kept: {err}"),
    };
    assert!(again == pieces, "the same file again");
}

#[test]
fn a_journal_with_empty_lists_is_written_as_to_bytes_writes_it() {
    // No promises and no kind acts (written as `[]`), none of the lists left out while empty.
    written_alike(journal_with_words(&["we walked", "a fear kept to myself"]));
    written_alike(journal_with_words(&[]));
}

#[test]
fn a_journal_with_replies_a_talk_and_unknown_fields_is_written_as_to_bytes_writes_it() {
    let mut journal = journal_with_words(&["we walked", "a fear kept to myself"]);
    let (alex, sam) = (journal.partners[0].id, journal.partners[1].id);
    let now = journal.entries[0].meta.created;
    let today = journal.entries[0].day;
    let entry = journal.entries[0].meta.id;
    // Sam writes too, so Alex's entry shows and can be answered.
    let sams = NewEntry {
        author: sam,
        day: today,
        stage: Stage::Communication,
        prompt_id: None,
        prompt: None,
        text: "mine".into(),
        visibility: Visibility::Shared,
    };
    let written = journal.add_entry(sams, now, today);
    assert!(written.is_ok(), "Sam's entry: {written:?}");
    let reply = journal.reply_to_entry(entry, sam, Some("thank you".into()), now, today);
    assert!(reply.is_ok(), "a reply: {reply:?}");
    let week = Week::iso_containing(today);
    let part = TalkPart::Appreciation {
        index: 0,
        text: "the tea".into(),
    };
    let talk = journal.save_talk_part(week, alex, part, now);
    assert!(talk.is_ok(), "a talk: {talk:?}");
    let unknown = |json: &str| match serde_json::from_str::<RawJson>(json) {
        Ok(raw) => raw,
        Err(err) => panic!("{json}: {err}"),
    };
    journal
        .extra
        .insert("later".into(), unknown("{\"a\": [1.0]}"));
    journal.entries[1]
        .extra
        .insert("mood".into(), unknown("12345678901234567890"));
    written_alike(journal);
}

#[test]
fn the_records_of_a_sealed_journal_as_read_are_written_as_a_save_writes_them() {
    let journal = Arc::new(encrypted(journal_with_words(&["we walked", "tea"])));
    let mut sealer = sealer_for(&journal);
    let sealed = match sealer.seal(&journal) {
        Ok(sealed) => sealed,
        Err(err) => panic!("sealing: {err}"),
    };
    let prepared = match PreparedCopy::of(&sealed) {
        Ok(prepared) => prepared,
        Err(err) => panic!("writing the records out: {err}"),
    };
    sealer.keep_copy(prepared, &journal);
    assert_eq!(sealer.kept_records(), 3);
    let saved = match sealer.seal_to_bytes(&journal) {
        Ok(bytes) => bytes,
        Err(err) => panic!("saving: {err}"),
    };
    let whole = match to_bytes(&sealed) {
        Ok(bytes) => bytes,
        Err(err) => panic!("writing it whole: {err}"),
    };
    assert!(*saved == whole, "copied, the same bytes as sealing it all");
}

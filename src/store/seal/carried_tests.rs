//! Words a merge carries from one place to another while sealed: an entry's text written
//! apart on two laptops becomes an earlier version, and must open there.

use age::secrecy::SecretString;
use std::sync::Arc;

use super::places::{KeyName, Place};
use super::test_journal::journal_with_words;
use super::{SealError, Sealer, token};
use crate::journal::{Clock, Device, Journal, PartnerId, Visibility};

/// Alex's journal encrypted, as two laptops hold it, with Alex's first entry edited on each
/// (laptop B later). Returns both sealed copies and the keys.
fn edited_apart() -> (Journal, Journal, Sealer, PartnerId) {
    let journal = journal_with_words(&["first words"]);
    let (alex, sam) = (journal.partners[0].id, journal.partners[1].id);
    let clock = Clock::start(chrono::Utc::now(), journal.device());
    let secret = |s: &str| SecretString::from(s.to_owned());
    let (mut sealer, sealing, _) =
        Sealer::create(&[(alex, secret("a")), (sam, secret("b"))], &clock);
    let mut a = journal;
    a.sealing = Some(sealing);
    let id = a.entries[0].meta.id;
    let mut b = a.clone();
    a.set_device(Device("laptop-a".into()));
    b.set_device(Device("laptop-b".into()));
    let at = chrono::Utc::now();
    let later = at + chrono::TimeDelta::seconds(5);
    let edits = [(&mut a, "edited on A", at), (&mut b, "edited on B", later)];
    for (copy, words, when) in edits {
        if let Err(err) = copy.edit_entry(id, alex, words, Visibility::Shared, when) {
            panic!("editing on one laptop: {err}");
        }
    }
    let seal = |sealer: &mut Sealer, j: &Journal| match sealer.seal(j) {
        Ok(sealed) => sealed,
        Err(err) => panic!("sealing one laptop's copy: {err}"),
    };
    let (a, b) = (seal(&mut sealer, &a), seal(&mut sealer, &b));
    (a, b, sealer, alex)
}

fn opened(sealer: &Sealer, alex: PartnerId, mut journal: Journal) -> Result<Journal, SealError> {
    let Some(keys) = sealer.keys_of(alex) else {
        panic!("Alex's keys are held");
    };
    Sealer::from_keys(alex, keys).open(&mut journal)?;
    Ok(journal)
}

#[test]
fn an_entry_edited_apart_on_two_laptops_opens_after_the_merge_with_both_versions() {
    let (a, b, sealer, alex) = edited_apart();
    let (merged, _) = a.merge(&b);
    let entry = &merged.entries[0];
    assert_eq!(entry.earlier_versions.len(), 1, "laptop A's words kept");
    let open = match opened(&sealer, alex, merged.clone()) {
        Ok(open) => open,
        Err(err) => panic!("the merged copy must open: {err}"),
    };
    assert_eq!(open.entries[0].text, "edited on B");
    assert_eq!(open.entries[0].earlier_versions[0].text, "edited on A");
    // Sealed again (as the next save does) it opens again, unchanged byte for byte.
    let Some(keys) = sealer.keys_of(alex) else {
        panic!("Alex's keys are held");
    };
    let mut again = Sealer::from_keys(alex, keys);
    let mut reopened = merged.clone();
    if let Err(err) = again.open(&mut reopened) {
        panic!("opening: {err}");
    }
    match again.seal(&reopened) {
        Ok(resealed) => assert_eq!(resealed, merged, "unchanged words keep their tokens"),
        Err(err) => panic!("sealing the opened merge: {err}"),
    }
}

#[test]
fn an_earlier_versions_words_cannot_be_moved_into_the_entrys_own_text() {
    let (a, b, sealer, alex) = edited_apart();
    let (mut merged, _) = a.merge(&b);
    let entry = &mut merged.entries[0];
    entry.text = entry.earlier_versions[0].text.clone();
    let id = entry.meta.id;
    assert_eq!(
        opened(&sealer, alex, merged).err(),
        Some(SealError::Damaged {
            record: id,
            field: "text".to_owned()
        })
    );
}

#[test]
fn an_earlier_version_sealed_under_its_own_field_name_still_opens() {
    // Before, an earlier version made while the journal was plain, then encrypted, was bound
    // as `earlier_versions.text`; such files must keep opening.
    let (a, b, sealer, alex) = edited_apart();
    let (mut merged, _) = a.merge(&b);
    let Some(keys) = sealer.keys_of(alex) else {
        panic!("Alex's keys are held");
    };
    let entry = &mut merged.entries[0];
    let version = &mut entry.earlier_versions[0];
    let clock = &version.clock;
    let older = Place {
        record: entry.meta.id,
        field: "earlier_versions.text".into(),
        stamp: Arc::from(format!(
            "{}.{}.{}",
            clock.wall_ms, clock.counter, clock.device
        )),
        key: KeyName::Couple,
        bound_as: None,
    };
    version.text = token::seal(&keys.couple, &older.binding(), "sealed the older way");
    match opened(&sealer, alex, merged) {
        Ok(open) => assert_eq!(
            open.entries[0].earlier_versions[0].text,
            "sealed the older way"
        ),
        Err(err) => panic!("an older file's earlier version must open: {err}"),
    }
}

#[test]
fn a_plan_item_edited_on_one_laptop_and_agreed_to_on_the_other_opens_after_the_merge() {
    use crate::journal::{PlanParts, ReviewKind};
    let mut journal = journal_with_words(&["first words"]);
    let (alex, sam) = (journal.partners[0].id, journal.partners[1].id);
    let parts = |helps: &str| PlanParts {
        brings_it_on: "A late message".into(),
        helps_me: helps.into(),
        i_ask_of_you: "Tell me who it is from".into(),
    };
    let now = chrono::Utc::now();
    let Ok(id) = journal.add_plan_item(sam, parts("A walk"), None, now) else {
        panic!("adding a plan item");
    };
    let clock = Clock::start(now, journal.device());
    let secret = |s: &str| SecretString::from(s.to_owned());
    let (mut sealer, sealing, _) =
        Sealer::create(&[(alex, secret("a")), (sam, secret("b"))], &clock);
    journal.sealing = Some(sealing);
    let (mut sams, mut alexs) = (journal.clone(), journal);
    sams.set_device(Device("laptop-s".into()));
    alexs.set_device(Device("laptop-a".into()));
    let later = now + chrono::TimeDelta::seconds(5);
    if let Err(err) = sams.edit_plan_item(id, sam, parts("A walk, then tea"), later) {
        panic!("editing: {err}");
    }
    let note = Some("yes, and I will bring the tea".to_owned());
    let agreed = alexs.review_plan_item(id, alex, ReviewKind::Agreed, note, later);
    assert!(agreed.is_ok(), "{agreed:?}");
    let seal = |sealer: &mut Sealer, j: &Journal| match sealer.seal(j) {
        Ok(sealed) => sealed,
        Err(err) => panic!("sealing one laptop's copy: {err}"),
    };
    let (sams, alexs) = (seal(&mut sealer, &sams), seal(&mut sealer, &alexs));
    let (merged, _) = sams.merge(&alexs);
    match opened(&sealer, alex, merged) {
        Ok(open) => {
            let item = &open.plan_items[0];
            assert_eq!(item.helps_me, "A walk, then tea");
            let notes: Vec<_> = item
                .reviews
                .iter()
                .filter_map(|r| r.note.as_deref())
                .collect();
            assert_eq!(notes, ["yes, and I will bring the tea"]);
        }
        Err(err) => panic!("the merged copy must open: {err}"),
    }
}

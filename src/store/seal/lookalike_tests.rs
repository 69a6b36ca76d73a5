//! Words someone wrote that begin like a sealed token are sealed like any other words, and a
//! token this copy never opened is written back as it was.

use age::secrecy::SecretString;

use super::test_journal::journal_with_words;
use super::{Sealer, TOKEN_PREFIX};
use crate::journal::{Clock, Journal, Opened};
use crate::store::to_bytes;

fn contains(bytes: &[u8], words: &str) -> bool {
    bytes.windows(words.len()).any(|w| w == words.as_bytes())
}

/// The journal encrypted with new keys for both partners, and the keys.
fn encrypted(journal: &Journal) -> (Journal, Sealer) {
    let (alex, sam) = (journal.partners[0].id, journal.partners[1].id);
    let clock = Clock::start(chrono::Utc::now(), journal.device());
    let secret = |s: &str| SecretString::from(s.to_owned());
    let (mut sealer, sealing, _) =
        Sealer::create(&[(alex, secret("a")), (sam, secret("b"))], &clock);
    let mut plain = journal.clone();
    plain.sealing = Some(sealing);
    match sealer.seal(&plain) {
        Ok(sealed) => (sealed, sealer),
        Err(err) => panic!("sealing: {err}"),
    }
}

#[test]
fn words_that_begin_like_a_token_are_sealed_and_open_again() {
    let looks_sealed = format!("{TOKEN_PREFIX}{}", "QUJD".repeat(20));
    let spaced = format!("{TOKEN_PREFIX}my very secret words");
    let journal = journal_with_words(&[&spaced, &looks_sealed]);
    let (sealed, sealer) = encrypted(&journal);
    let bytes = match to_bytes(&sealed) {
        Ok(bytes) => bytes,
        Err(err) => panic!("serializing: {err}"),
    };
    for words in [&spaced, &looks_sealed] {
        assert!(!contains(&bytes, words), "{words} is in the file unsealed");
    }
    let alex = journal.partners[0].id;
    let Some(keys) = sealer.keys_of(alex) else {
        panic!("Alex's keys are held");
    };
    let mut opened = sealed;
    if let Err(err) = Sealer::from_keys(alex, keys).open(&mut opened) {
        panic!("the journal must open: {err}");
    }
    let texts: Vec<_> = opened.entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, [spaced.as_str(), looks_sealed.as_str()]);
}

#[test]
fn what_both_of_you_see_keeps_each_private_token_as_it_was() {
    let journal = journal_with_words(&["our shared words", "alex's own words"]);
    let (sealed, sealer) = encrypted(&journal);
    let alex = journal.partners[0].id;
    let Some(keys) = sealer.keys_of(alex) else {
        panic!("Alex's keys are held");
    };
    let mut both = Sealer::from_keys(alex, keys).shared_only();
    let mut seen = sealed.clone();
    if let Err(err) = both.open(&mut seen) {
        panic!("the shared words must open: {err}");
    }
    assert_eq!(seen.opened(), Opened::SharedOnly);
    assert_eq!(seen.entries[0].text, "our shared words");
    let resealed = match both.seal(&seen) {
        Ok(resealed) => resealed,
        Err(err) => panic!("sealing what both of you see: {err}"),
    };
    assert_eq!(resealed.entries[1].text, sealed.entries[1].text);
    assert_eq!(
        resealed.checkins[0].note, sealed.checkins[0].note,
        "Sam's private note"
    );
}

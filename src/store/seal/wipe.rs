//! Wiping an opened journal's words from memory before it is let go.

use std::sync::Arc;

use super::places::each_place;
use crate::journal::{Journal, Rating};

/// Overwrites every word `journal` holds in its sealed places with zeros before it is let go,
/// so an opened journal leaves no words behind in freed memory when mend locks or quits.
/// (Copies a screen made of a few words are beyond its reach.)
pub fn wipe_words(journal: &mut Journal) {
    let wiped = each_place(journal, &mut |_, words| {
        zeroize::Zeroize::zeroize(words);
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(()) = wiped;
    for checkin in &mut journal.checkins {
        (checkin.safety, checkin.trust, checkin.connection) =
            (Rating::SEALED, Rating::SEALED, Rating::SEALED);
        if let Some(ratings) = &mut checkin.sealed_ratings {
            zeroize::Zeroize::zeroize(ratings);
        }
    }
}

/// A copy of `journal` with every word blank and every rating sealed: what is left to
/// compare of a plain copy and an encrypted one (or two copies sealed apart), whose words
/// never compare equal.
pub fn words_blanked(journal: &Journal) -> Journal {
    let mut blank = journal.clone();
    wipe_words(&mut blank);
    for checkin in &mut blank.checkins {
        checkin.sealed_ratings = None;
    }
    blank
}

/// Lets go of one reference to an encrypted journal, wiping its words ([`wipe_words`]) when it
/// was the last one; returns whether it wiped. The app calls it when it locks and when it
/// quits, once the store and the app have both let go of the opened journal. Where another
/// reference is still held, nothing is wiped and the holder keeps its words whole; a plain
/// journal is simply dropped.
///
/// What this wipes is the journal's own words. It does not reach words copied out of it: a
/// screen's state (an entry being read, a form's text, a search's hits), entries deleted this
/// session and kept to bring back, words held for their writer while the journal is locked,
/// nor the earlier versions of the journal let go after each save or reload.
pub fn wipe_if_last(journal: Arc<Journal>) -> bool {
    wiped_if_last(journal).is_some()
}

/// The journal, wiped, when `journal` was the last reference to an encrypted journal.
fn wiped_if_last(journal: Arc<Journal>) -> Option<Journal> {
    if !journal.is_sealed() {
        return None;
    }
    let mut journal = Arc::try_unwrap(journal).ok()?;
    wipe_words(&mut journal);
    Some(journal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Sealing;
    use crate::store::seal::test_journal::journal_with_words;

    const WORDS: [&str; 2] = ["the bridge at dusk", "what I never said"];

    /// The same journal, as an encrypted one holds it once opened.
    fn sealed_journal_with_words() -> Journal {
        let mut journal = journal_with_words(&WORDS);
        journal.sealing = Some(Sealing::new());
        journal
    }

    /// The places that still hold words.
    fn words_left(journal: &mut Journal) -> Vec<String> {
        let mut left = Vec::new();
        let _ = each_place(journal, &mut |place, words| {
            if !words.is_empty() {
                left.push(place.field.to_string());
            }
            Ok::<(), ()>(())
        });
        left
    }

    fn texts(journal: &Journal) -> Vec<&str> {
        journal.entries.iter().map(|e| e.text.as_str()).collect()
    }

    #[test]
    fn wiping_leaves_no_words_in_any_sealed_place() {
        let mut journal = journal_with_words(&WORDS);
        wipe_words(&mut journal);
        assert_eq!(words_left(&mut journal), Vec::<String>::new());
        assert_eq!(journal.entries.len(), 2, "the records themselves stay");
    }

    #[test]
    fn the_last_reference_to_an_opened_journal_is_wiped_as_it_goes() {
        let journal = Arc::new(sealed_journal_with_words());
        let Some(mut wiped) = wiped_if_last(journal) else {
            panic!("the last reference is wiped");
        };
        assert_eq!(words_left(&mut wiped), Vec::<String>::new());
        assert!(wipe_if_last(Arc::new(sealed_journal_with_words())));
    }

    #[test]
    fn a_journal_still_held_elsewhere_keeps_its_words() {
        let journal = Arc::new(sealed_journal_with_words());
        let still_held = Arc::clone(&journal);
        assert!(wiped_if_last(journal).is_none(), "not the last reference");
        assert_eq!(texts(&still_held), WORDS, "the holder's words are whole");
        assert_eq!(
            Arc::strong_count(&still_held),
            1,
            "only the holder's is left"
        );
        assert!(!wipe_if_last(Arc::clone(&still_held)));
        assert_eq!(texts(&still_held), WORDS);
        // Then the holder lets go, and it is the last.
        assert!(wipe_if_last(still_held));
    }

    #[test]
    fn a_plain_journal_is_let_go_unwiped() {
        assert!(wiped_if_last(Arc::new(journal_with_words(&WORDS))).is_none());
    }
}

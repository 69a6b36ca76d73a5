//! The tokens an unlocked journal has opened or made, kept so words that have not changed
//! are written back with the same bytes.
//!
//! They are kept in the order the journal's places were met, which is the order the next
//! save meets them in: a save walks the list beside the journal and finds each place's token
//! next to the one before, in memory it reads in order. A place met out of that order (a new
//! record, a merge) is found through an index by the place's hash, built when first needed,
//! so opening a journal costs no hashing of places at all.

use std::hash::BuildHasher;

use foldhash::quality::RandomState;
use hashbrown::HashTable;

use super::places::Place;

/// A token at a place, with the fingerprint of the words it holds.
#[derive(Debug)]
pub(super) struct Known {
    pub place: Place,
    pub print: u64,
    pub token: String,
}

/// Every token opened or made since the journal was unlocked, in the order they were met.
/// Places and words are hashed with foldhash, seeded afresh for each unlocked journal.
#[derive(Default)]
pub(super) struct Tokens {
    hasher: RandomState,
    known: Vec<Known>,
    /// Where each place's newest token is in `known`, by the place's hash: for the first
    /// `indexed` of them.
    index: HashTable<usize>,
    indexed: usize,
}

/// Where a save walking the places in order expects the next one's token: just after the
/// last one it found.
#[derive(Default)]
pub(super) struct Cursor(Option<usize>);

impl Tokens {
    /// A fingerprint of `words`, to tell whether they changed since their token was made.
    pub fn fingerprint(&self, words: &str) -> u64 {
        self.hasher.hash_one(words)
    }

    /// The token at `place`, if it holds these same `words`. Looks next to where `cursor`
    /// says the last place was found, then in the index ([`Tokens::index_all`] first).
    pub fn reusable(&self, cursor: &mut Cursor, place: &Place, words: &str) -> Option<&str> {
        let print = self.fingerprint(words);
        let next = cursor.0.map_or(0, |at| at + 1);
        if let Some(known) = self.known.get(next)
            && known.place == *place
        {
            cursor.0 = Some(next);
            if known.print == print {
                return Some(known.token.as_str());
            }
        }
        // Out of order, or a newer token kept for this place further on.
        let at = self.position(place)?;
        cursor.0 = Some(at);
        let known = &self.known[at];
        (known.print == print).then_some(known.token.as_str())
    }

    /// Where the newest token at `place` is, through the index.
    fn position(&self, place: &Place) -> Option<usize> {
        let hash = self.hasher.hash_one(place);
        let known = &self.known;
        self.index
            .find(hash, |&at| known[at].place == *place)
            .copied()
    }

    /// Brings the index up to date with every token kept, so [`Tokens::reusable`] finds any
    /// place; a place kept twice is found at its newer token.
    pub fn index_all(&mut self) {
        let (hasher, known) = (&self.hasher, &self.known);
        let rehash = |at: &usize| hasher.hash_one(&known[*at].place);
        self.index.reserve(known.len() - self.indexed, rehash);
        for (at, new) in known.iter().enumerate().skip(self.indexed) {
            let hash = hasher.hash_one(&new.place);
            match self.index.find_mut(hash, |&i| known[i].place == new.place) {
                Some(before) => *before = at,
                None => {
                    self.index.insert_unique(hash, at, rehash);
                }
            }
        }
        self.indexed = known.len();
    }

    /// Keeps `found`, after every token kept before; at a place kept before, the newer
    /// token is the one found from then on.
    pub fn remember(&mut self, mut found: Vec<Known>) {
        if self.known.is_empty() {
            self.known = found;
        } else {
            self.known.append(&mut found);
        }
    }

    /// How many places have a token.
    #[cfg(test)]
    pub fn len(&mut self) -> usize {
        self.index_all();
        self.index.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::RecordId;
    use crate::store::seal::KeyName;
    use std::sync::Arc;

    fn place(field: &'static str, stamp: &str) -> Place {
        Place {
            record: RecordId::nil(),
            field: field.into(),
            stamp: Arc::from(stamp),
            key: KeyName::Couple,
            bound_as: None,
        }
    }

    fn known(tokens: &Tokens, place: Place, words: &str, token: &str) -> Known {
        Known {
            print: tokens.fingerprint(words),
            place,
            token: token.to_owned(),
        }
    }

    #[test]
    fn a_token_is_reused_only_for_the_same_words_in_the_same_place() {
        let mut tokens = Tokens::default();
        let text = place("text", "1.0.a");
        tokens.remember(vec![known(&tokens, text.clone(), "we walked", "t1")]);
        tokens.index_all();
        let reuse = |tokens: &Tokens, place: &Place, words: &str| {
            tokens
                .reusable(&mut Cursor::default(), place, words)
                .map(str::to_owned)
        };
        assert_eq!(reuse(&tokens, &text, "we walked").as_deref(), Some("t1"));
        assert_eq!(reuse(&tokens, &text, "we walked home"), None);
        let later = place("text", "2.0.a");
        assert_eq!(reuse(&tokens, &later, "we walked"), None);
        tokens.remember(vec![known(&tokens, text.clone(), "we walked home", "t2")]);
        tokens.index_all();
        assert_eq!(
            reuse(&tokens, &text, "we walked home").as_deref(),
            Some("t2"),
            "the newer token, though the older one is met first in order"
        );
        assert_eq!(
            reuse(&tokens, &text, "we walked").as_deref(),
            Some("t1"),
            "the older token still holds those words in that place"
        );
        assert_eq!(tokens.len(), 1, "a place is indexed once");
    }

    #[test]
    fn places_met_in_order_are_found_beside_each_other_and_out_of_order_through_the_index() {
        let mut tokens = Tokens::default();
        let places: Vec<Place> = (0..5).map(|n| place("text", &format!("{n}.0.a"))).collect();
        let found = places
            .iter()
            .enumerate()
            .map(|(n, p)| known(&tokens, p.clone(), &format!("words {n}"), &format!("t{n}")))
            .collect();
        tokens.remember(found);
        tokens.index_all();
        let mut cursor = Cursor::default();
        for n in [0, 1, 3, 4, 2] {
            assert_eq!(
                tokens.reusable(&mut cursor, &places[n], &format!("words {n}")),
                Some(format!("t{n}").as_str())
            );
        }
        let new = place("text", "9.0.a");
        assert_eq!(tokens.reusable(&mut cursor, &new, "words 9"), None);
        assert_eq!(
            tokens.reusable(&mut cursor, &places[3], "words 3"),
            Some("t3"),
            "a place that has no token leaves the cursor where it was"
        );
    }
}

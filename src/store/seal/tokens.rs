//! The tokens an unlocked journal has opened or made, found by their place, so words that
//! have not changed are written back with the same bytes.
//!
//! A place's hash is worked out once, on whichever thread meets the place, and kept beside
//! it: filling the table after a journal is opened then costs no second pass over the places.

use std::hash::BuildHasher;

use foldhash::quality::RandomState;
use hashbrown::HashTable;

use super::places::Place;

/// A token at a place, with the fingerprint of the words it holds and the place's hash.
#[derive(Debug)]
pub(super) struct Known {
    pub hash: u64,
    pub place: Place,
    pub print: u64,
    pub token: String,
}

/// Every token opened or made since the journal was unlocked. Places and words are hashed
/// with foldhash, seeded afresh for each unlocked journal.
#[derive(Default)]
pub(super) struct Tokens {
    hasher: RandomState,
    table: HashTable<Known>,
}

impl Tokens {
    /// The hash `place` is found by.
    pub fn hash(&self, place: &Place) -> u64 {
        self.hasher.hash_one(place)
    }

    /// A fingerprint of `words`, to tell whether they changed since their token was made.
    pub fn fingerprint(&self, words: &str) -> u64 {
        self.hasher.hash_one(words)
    }

    /// The token at `place` (whose hash is `hash`), if it holds these same `words`.
    pub fn reusable(&self, hash: u64, place: &Place, words: &str) -> Option<&str> {
        self.table
            .find(hash, |known| known.place == *place)
            .filter(|known| known.print == self.fingerprint(words))
            .map(|known| known.token.as_str())
    }

    /// Keeps `found`, each replacing any token known before at its place.
    pub fn remember(&mut self, found: Vec<Known>) {
        let hasher = &self.hasher;
        self.table
            .reserve(found.len(), |known| hasher.hash_one(&known.place));
        for known in found {
            match self.table.find_mut(known.hash, |k| k.place == known.place) {
                Some(before) => *before = known,
                None => {
                    self.table
                        .insert_unique(known.hash, known, |k| hasher.hash_one(&k.place));
                }
            }
        }
    }

    /// How many tokens are known.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.table.len()
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
            hash: tokens.hash(&place),
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
        let hash = tokens.hash(&text);
        assert_eq!(tokens.reusable(hash, &text, "we walked"), Some("t1"));
        assert_eq!(tokens.reusable(hash, &text, "we walked home"), None);
        let later = place("text", "2.0.a");
        assert_eq!(
            tokens.reusable(tokens.hash(&later), &later, "we walked"),
            None
        );
        tokens.remember(vec![known(&tokens, text.clone(), "we walked home", "t2")]);
        assert_eq!(tokens.reusable(hash, &text, "we walked home"), Some("t2"));
        assert_eq!(tokens.reusable(hash, &text, "we walked"), None);
        assert_eq!(tokens.len(), 1, "a place holds one token");
    }
}

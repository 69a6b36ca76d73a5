//! Sealing a journal for saving: every place gets a token, reusing the token of words that
//! have not changed since they were opened or last sealed, on several threads when many.

use zeroize::Zeroize;

use super::parallel::in_parts;
use super::places::{KeyName, Place, each_place};
use super::token;
use super::tokens::{Cursor, Known};
use super::{SEALED_VERSION, SealError, Sealer};
use crate::journal::{Journal, Opened, Rating};

impl Sealer {
    /// A copy of `journal` with every place sealed: words unchanged since they were opened
    /// keep their token; changed or new words get a new one.
    pub fn seal(&mut self, journal: &Journal) -> Result<Journal, SealError> {
        let mut sealed = journal.clone();
        for checkin in &mut sealed.checkins {
            if checkin.safety.is_sealed() {
                continue;
            }
            let ratings = format!(
                "{} {} {}",
                checkin.safety, checkin.trust, checkin.connection
            );
            checkin.sealed_ratings = Some(ratings);
            (checkin.safety, checkin.trust, checkin.connection) =
                (Rating::SEALED, Rating::SEALED, Rating::SEALED);
        }
        let mut places = Vec::new();
        let opened = sealed.opened();
        each_place(&mut sealed, &mut |place, words| {
            if !left_sealed(opened, &place, words) {
                places.push((place, words));
            }
            Ok::<(), SealError>(())
        })?;
        self.tokens.index_all();
        let made = in_parts(&mut places, |part| self.seal_part(part))?;
        drop(places);
        // Remembered, so the next save writes the same token for the same words.
        self.tokens.remember(made);
        sealed.version = sealed.version.max(SEALED_VERSION);
        if let Some(sealing) = &mut sealed.sealing {
            // Said in every copy these keys seal, so a copy sealed with others is not merged.
            sealing.keys_id = Some(self.keys_id());
        }
        Ok(sealed)
    }

    /// Puts a token at each of `places`; returns the new ones made.
    fn seal_part(&self, places: &mut [(Place, &mut String)]) -> Result<Vec<Known>, SealError> {
        let (mut binding, mut cursor) = (Vec::new(), Cursor::default());
        let mut made = Vec::new();
        for (place, words) in places.iter_mut() {
            let token = match self.tokens.reusable(&mut cursor, place, words) {
                Some(token) => token.to_owned(),
                None => {
                    let key = self.key(place.key).ok_or_else(|| SealError::KeyNotHeld {
                        record: place.record,
                        field: place.field.to_string(),
                    })?;
                    place.bind_into(&mut binding);
                    let token = token::seal(key, &binding, words);
                    made.push(Known {
                        place: place.clone(),
                        print: self.tokens.fingerprint(words),
                        token: token.clone(),
                    });
                    token
                }
            };
            words.zeroize();
            **words = token;
        }
        Ok(made)
    }
}

/// Whether the words at `place` are a token this copy never opened, to be written as they
/// are: never in a place the copy holds open, where they are what someone wrote, even words
/// that begin like a token; elsewhere only a well-formed token.
fn left_sealed(opened: Opened, place: &Place, words: &str) -> bool {
    let held_open = match place.key {
        KeyName::Couple => opened.shared_words(),
        KeyName::Private(partner) => opened.private_words_of(partner),
    };
    !held_open && token::is_well_formed(words)
}

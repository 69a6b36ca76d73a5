//! Opening every sealed place of a journal: on several threads when there are many, as
//! most of the time goes to the cipher, field by field.

use std::collections::BTreeMap;

use super::parallel::in_parts;
use super::places::{KeyName, Place};
use super::token::{self, Unopened};
use super::tokens::Known;
use super::{SealError, Sealer, not_sealed};
use crate::journal::PartnerId;

impl Sealer {
    /// Opens `places`, on as many threads as there are cores when there are many; the first
    /// damaged place in journal order is the one named. Returns the tokens it opened.
    pub(super) fn open_places(
        &self,
        places: &mut [(Place, &mut String)],
    ) -> Result<Vec<Known>, SealError> {
        in_parts(places, |part| self.open_part(part))
    }

    /// Opens each place in `places` with the key it needs, if this sealer holds it.
    fn open_part(&self, places: &mut [(Place, &mut String)]) -> Result<Vec<Known>, SealError> {
        let (mut binding, mut scratch) = (Vec::new(), Vec::new());
        let couple = self.couple.cipher();
        let private: BTreeMap<PartnerId, _> =
            self.private.iter().map(|(p, k)| (*p, k.cipher())).collect();
        let mut found = Vec::with_capacity(places.len());
        for (place, words) in places.iter_mut() {
            let cipher = match place.key {
                KeyName::Couple => Some(&couple),
                KeyName::Private(partner) => private.get(&partner),
            };
            let Some(cipher) = cipher else {
                match token::is_token(words) {
                    true => continue,
                    false => return Err(not_sealed(place)),
                }
            };
            place.bind_into(&mut binding);
            let mut opened = token::open_reusing(cipher, &binding, words, &mut scratch);
            if opened == Err(Unopened::Damaged) && place.older_binding_into(&mut binding) {
                opened = token::open_reusing(cipher, &binding, words, &mut scratch);
            }
            match opened {
                Ok(plain) => {
                    let print = self.tokens.fingerprint(&plain);
                    let token = std::mem::replace(&mut **words, plain);
                    found.push(Known {
                        place: place.clone(),
                        print,
                        token,
                    });
                }
                Err(Unopened::NotSealed) => return Err(not_sealed(place)),
                Err(Unopened::Damaged) => {
                    return Err(SealError::Damaged {
                        record: place.record,
                        field: place.field.to_string(),
                    });
                }
            }
        }
        Ok(found)
    }
}

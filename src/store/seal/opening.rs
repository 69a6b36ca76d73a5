//! Opening every sealed place of a journal: on several threads when there are many, as
//! most of the time goes to the cipher, field by field.

use std::collections::BTreeMap;

use super::places::{KeyName, Place};
use super::token::{self, Unopened};
use super::{SealError, Sealer, fingerprint, not_sealed};
use crate::journal::PartnerId;

/// What opening found at each place: the place, the words' fingerprint and the token.
pub(super) type Opening = Vec<(Place, u64, String)>;

/// Below this many places a journal is opened on one thread: starting more costs more.
const PLACES_PER_THREAD: usize = 2048;

impl Sealer {
    /// Opens `places`, on as many threads as there are cores when there are many (most of
    /// the time goes to the cipher, field by field); the first damaged place in journal
    /// order is the one named.
    pub(super) fn open_places(
        &self,
        places: &mut [(Place, &mut String)],
    ) -> Result<Opening, SealError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let part = places.len().div_ceil(threads).max(PLACES_PER_THREAD);
        if places.len() <= part {
            return self.open_part(places);
        }
        let parts: Vec<Result<Opening, SealError>> = std::thread::scope(|scope| {
            let running: Vec<_> = places
                .chunks_mut(part)
                .map(|chunk| scope.spawn(|| self.open_part(chunk)))
                .collect();
            running
                .into_iter()
                .map(|thread| match thread.join() {
                    Ok(result) => result,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        let mut found = Vec::with_capacity(places.len());
        for part in parts {
            found.append(&mut part?);
        }
        Ok(found)
    }

    /// Opens each place in `places` with the key it needs, if this sealer holds it.
    fn open_part(&self, places: &mut [(Place, &mut String)]) -> Result<Opening, SealError> {
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
            match token::open_reusing(cipher, &binding, words, &mut scratch) {
                Ok(plain) => {
                    let print = fingerprint(&plain);
                    let token = std::mem::replace(&mut **words, plain);
                    found.push((place.clone(), print, token));
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

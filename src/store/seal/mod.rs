//! Encryption at rest: unlocking the keys, sealing every field that holds words, opening them.
//!
//! The journal's metadata (ids, authors, kinds, visibility, times, clocks, deletions) stays
//! in the clear so two copies merge without a key (`Journal::merge` never looks inside a
//! token). Words are sealed field by field (`token.rs`) in the places `places.rs` lists,
//! with the couple's key or, for private words, their author's own key (`keys.rs`).

#[cfg(test)]
mod carried_tests;
mod file_writer;
mod kept_bytes;
mod keys;
#[cfg(test)]
mod lookalike_tests;
mod opening;
mod parallel;
mod places;
mod sealed_copy;
#[cfg(test)]
mod sealed_copy_tests;
mod sealing;
#[cfg(test)]
mod test_journal;
mod token;
mod tokens;
mod wipe;

pub use kept_bytes::PreparedCopy;
pub use keys::{
    PartnerKeys, Unwrapped, WORK_FACTOR, keys_id, new_recovery_code, normalized_code, unwrap, wrap,
};
pub use places::{KeyName, Place};
pub use token::{DataKey, TOKEN_PREFIX, is_token};
pub use wipe::{wipe_if_last, wipe_words, words_blanked};

use age::secrecy::SecretString;
use std::collections::BTreeMap;

use crate::journal::{
    Clock, Journal, KeyWrap, Opened, OpensWith, PartnerId, Rating, RecordId, Sealing,
};
use places::each_place;
use tokens::Tokens;

/// The journal format version of an encrypted journal: a mend that reads only version 1
/// refuses it by name instead of showing sealed words.
pub const SEALED_VERSION: u32 = 2;

/// Why a journal's bytes could not be made.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Sealing(#[from] SealError),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// Why an encrypted journal could not be opened or sealed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error(
        "the sealed words in record {record} ({field}) were changed outside mend, or belong to another record, so they cannot be opened"
    )]
    Damaged { record: RecordId, field: String },
    #[error(
        "record {record} ({field}) holds words that are not sealed, though the journal is encrypted; mend will not mix plain words into an encrypted journal"
    )]
    NotSealed { record: RecordId, field: String },
    #[error("record {record} ({field}) needs a key this unlocked journal does not hold")]
    KeyNotHeld { record: RecordId, field: String },
}

/// Why a secret did not unlock the journal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnlockError {
    #[error("that passphrase does not open this journal for {0}")]
    WrongSecret(String),
    #[error("that recovery code does not open this journal for {0}")]
    WrongCode(String),
    #[error("{0} has no key in this journal for that kind of secret")]
    NoKeyFor(String),
    #[error("{0}'s wrapped key in this journal is damaged")]
    Damaged(String),
}

/// The keys an unlocked journal holds, and the tokens it has opened (reused when the words
/// at their place have not changed, so an unchanged field is written back byte for byte).
pub struct Sealer {
    couple: DataKey,
    private: BTreeMap<PartnerId, DataKey>,
    tokens: Tokens,
    /// The file bytes of the last save (or of the journal as read), record by record, so the
    /// next save writes out only what changed (`sealed_copy.rs`).
    copy: Option<kept_bytes::SealedCopy>,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sealer(private keys of {} partners)", self.private.len())
    }
}

impl Sealer {
    /// New keys for `partners`, wrapped for each one's passphrase and a new recovery code.
    /// Returns the keys, the header to put in the journal and each partner's recovery code.
    pub fn create(
        passphrases: &[(PartnerId, SecretString)],
        changed: &Clock,
    ) -> (Sealer, Sealing, Vec<(PartnerId, SecretString)>) {
        let couple = DataKey::random();
        let mut sealer = Sealer {
            couple: couple.clone(),
            private: BTreeMap::new(),
            tokens: Tokens::default(),
            copy: None,
        };
        let mut sealing = Sealing::new();
        sealing.keys_id = Some(keys_id(&couple));
        let mut codes = Vec::new();
        for (partner, passphrase) in passphrases {
            let private = DataKey::random();
            sealer.private.insert(*partner, private.clone());
            let keys = PartnerKeys {
                couple: couple.clone(),
                private,
            };
            let code = new_recovery_code();
            for (secret, opens_with) in [
                (passphrase, OpensWith::Passphrase),
                (&code, OpensWith::RecoveryCode),
            ] {
                sealing.replace(KeyWrap {
                    partner: *partner,
                    opens_with,
                    wrapped: wrap(&keys, secret),
                    changed: changed.clone(),
                    extra: Default::default(),
                });
            }
            codes.push((*partner, code));
        }
        (sealer, sealing, codes)
    }

    /// The keys `secret` opens for `partner` in `sealing`.
    pub fn unlock(
        sealing: &Sealing,
        partner: PartnerId,
        name: &str,
        secret: &SecretString,
        opens_with: OpensWith,
    ) -> Result<Sealer, UnlockError> {
        let wrap = sealing
            .wrap_for(partner, opens_with)
            .ok_or_else(|| UnlockError::NoKeyFor(name.to_owned()))?;
        let keys = unwrap(&wrap.wrapped, secret).map_err(|err| match err {
            Unwrapped::WrongSecret if opens_with == OpensWith::RecoveryCode => {
                UnlockError::WrongCode(name.to_owned())
            }
            Unwrapped::WrongSecret => UnlockError::WrongSecret(name.to_owned()),
            Unwrapped::Damaged => UnlockError::Damaged(name.to_owned()),
        })?;
        Ok(Sealer::from_keys(partner, keys))
    }

    /// A sealer holding `keys`, `partner`'s, as unlocking with their secret gives: no
    /// token opened yet. For keys already unwrapped ([`Sealer::keys_of`]).
    pub fn from_keys(partner: PartnerId, keys: PartnerKeys) -> Sealer {
        Sealer {
            couple: keys.couple,
            private: BTreeMap::from([(partner, keys.private)]),
            tokens: Tokens::default(),
            copy: None,
        }
    }

    /// The id of these keys, as the journal's header names them (`Sealing::keys_id`).
    pub fn keys_id(&self) -> String {
        keys_id(&self.couple)
    }

    /// These keys without any partner's own: what "both of you" opens, shared words only.
    pub fn shared_only(mut self) -> Sealer {
        // The private keys are wiped as they drop.
        self.private.clear();
        self
    }

    /// Adds the keys `other` holds (the other partner's, for `mend decrypt`).
    pub fn join(&mut self, mut other: Sealer) {
        self.private.append(&mut other.private);
    }

    /// The keys a partner's secret opens, to wrap them again for a new secret.
    pub fn keys_of(&self, partner: PartnerId) -> Option<PartnerKeys> {
        Some(PartnerKeys {
            couple: self.couple.clone(),
            private: self.private.get(&partner)?.clone(),
        })
    }

    /// The key `partner`'s drafts of unsaved writing are sealed with: their own.
    pub fn drafts_of(&self, partner: PartnerId) -> Option<DraftSealer> {
        Some(DraftSealer {
            partner,
            key: self.private.get(&partner)?.clone(),
        })
    }

    /// What a journal opened with these keys holds in the open.
    pub fn opens(&self, journal: &Journal) -> Opened {
        let all = journal
            .partners
            .iter()
            .all(|p| self.private.contains_key(&p.id));
        match self.private.keys().next() {
            _ if all => Opened::Everything,
            Some(&partner) if self.private.len() == 1 => Opened::SharedAndPrivateOf(partner),
            _ => Opened::SharedOnly,
        }
    }

    fn key(&self, name: KeyName) -> Option<&DataKey> {
        match name {
            KeyName::Couple => Some(&self.couple),
            KeyName::Private(partner) => self.private.get(&partner),
        }
    }

    /// Opens every sealed place in `journal` this sealer holds the key for; the others
    /// stay sealed, and the journal says whose words it holds (`Journal::opened`).
    pub fn open(&mut self, journal: &mut Journal) -> Result<(), SealError> {
        let opened = self.opens(journal);
        let mut places = Vec::new();
        each_place(journal, &mut |place, words| {
            places.push((place, words));
            Ok::<(), SealError>(())
        })?;
        let found = self.open_places(&mut places)?;
        drop(places);
        self.tokens.remember(found);
        for checkin in &mut journal.checkins {
            let damaged = || SealError::Damaged {
                record: checkin.meta.id,
                field: "ratings".to_owned(),
            };
            match checkin.sealed_ratings.take() {
                Some(ratings) if token::is_token(&ratings) => {
                    checkin.sealed_ratings = Some(ratings);
                }
                Some(ratings) => {
                    let [safety, trust, connection] = read_ratings(&ratings).ok_or_else(damaged)?;
                    (checkin.safety, checkin.trust, checkin.connection) =
                        (safety, trust, connection);
                }
                None => return Err(not_sealed_field(checkin.meta.id, "ratings")),
            }
        }
        journal.set_opened(opened);
        Ok(())
    }
}

/// Seals and opens one partner's drafts of unsaved writing with that partner's own key.
#[derive(Clone, Debug)]
pub struct DraftSealer {
    partner: PartnerId,
    key: DataKey,
}

impl DraftSealer {
    fn binding(&self) -> Vec<u8> {
        format!("mend-seal-1\u{0}draft\u{0}{}", self.partner).into_bytes()
    }

    /// `words` (a draft as the app writes it) sealed into a token.
    pub fn seal(&self, words: &str) -> String {
        token::seal(&self.key, &self.binding(), words)
    }

    /// The words in a token this partner's drafts were sealed into, or `None` if it is not
    /// one (another partner's, or changed).
    pub fn open(&self, sealed: &str) -> Option<zeroize::Zeroizing<String>> {
        token::open(&self.key, &self.binding(), sealed).ok()
    }
}

/// Whether every place in `journal` is sealed, so it can be saved as it is without a key
/// (a merge of sealed copies, say).
pub fn all_sealed(journal: &Journal) -> bool {
    let mut copy = journal.clone();
    let ratings = copy
        .checkins
        .iter()
        .all(|c| c.safety.is_sealed() && c.sealed_ratings.as_deref().is_some_and(is_token));
    ratings
        && each_place(&mut copy, &mut |_, words| match is_token(words) {
            true => Ok(()),
            false => Err(()),
        })
        .is_ok()
}

fn not_sealed(place: &Place) -> SealError {
    not_sealed_field(place.record, &place.field)
}

fn not_sealed_field(record: RecordId, field: &str) -> SealError {
    SealError::NotSealed {
        record,
        field: field.to_owned(),
    }
}

/// Three ratings as sealed: "safety trust connection".
fn read_ratings(text: &str) -> Option<[Rating; 3]> {
    let mut parts = text
        .split(' ')
        .map(|n| n.parse::<u8>().ok().and_then(|n| Rating::new(n).ok()));
    let ratings = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(ratings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealer_for(partners: &[PartnerId]) -> Sealer {
        Sealer {
            couple: DataKey::random(),
            private: partners.iter().map(|p| (*p, DataKey::random())).collect(),
            tokens: Tokens::default(),
            copy: None,
        }
    }

    #[test]
    fn a_draft_opens_only_for_its_own_partner() {
        let (alex, sam) = (
            PartnerId(uuid::Uuid::now_v7()),
            PartnerId(uuid::Uuid::now_v7()),
        );
        let sealer = sealer_for(&[alex, sam]);
        let (Some(alexs), Some(sams)) = (sealer.drafts_of(alex), sealer.drafts_of(sam)) else {
            panic!("both partners' keys are held");
        };
        let sealed = alexs.seal("half a thought");
        assert!(!sealed.contains("thought"));
        assert_eq!(
            alexs.open(&sealed).as_deref().map(String::as_str),
            Some("half a thought")
        );
        assert_eq!(sams.open(&sealed), None);
    }
}

//! The couple's key and each partner's private key, and their wrapped copies made with age.
//!
//! Each partner's passphrase, and each partner's recovery code, opens one age file (scrypt)
//! holding two keys: the couple's and that partner's own. One secret therefore costs one
//! scrypt run to unlock. The work factor is pinned, so a slow laptop opens what a fast one
//! made, and a wrapped copy asking for more work than that is refused rather than run.

use age::secrecy::SecretString;
use base64_simd::STANDARD;
use zeroize::Zeroizing;

use super::token::DataKey;

/// scrypt's work factor (N = 2^18): about 0.65 s to unlock on the development machine.
pub const WORK_FACTOR: u8 = 18;

/// The work factor this build uses: [`WORK_FACTOR`], except in a debug build whose tests ask
/// for a smaller one with `MEND_TEST_WORK_FACTOR` (a release build never reads it).
pub fn work_factor() -> u8 {
    #[cfg(debug_assertions)]
    if let Some(asked) = std::env::var("MEND_TEST_WORK_FACTOR")
        .ok()
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=WORK_FACTOR).contains(n))
    {
        return asked;
    }
    WORK_FACTOR
}

/// The keys one secret opens: the couple's and its partner's own.
#[derive(Clone, Debug)]
pub struct PartnerKeys {
    pub couple: DataKey,
    pub private: DataKey,
}

/// The id of the keys `couple` belongs to, for the journal's header (`Sealing::keys_id`):
/// 16 bytes of HKDF-SHA256 from the couple's key under a label of its own, in hex. The same
/// keys give the same id on every laptop; it tells nothing of the key.
pub fn keys_id(couple: &DataKey) -> String {
    let mut id = [0u8; 16];
    let derived =
        hkdf::Hkdf::<sha2::Sha256>::new(None, couple.as_bytes()).expand(b"mend keys id 1", &mut id);
    // 16 bytes is far below HKDF-SHA256's limit of 8160.
    debug_assert!(derived.is_ok());
    id.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why wrapped keys did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unwrapped {
    /// Not the secret these keys were wrapped with.
    WrongSecret,
    /// The wrapped copy is damaged, or asks for more work than mend ever uses.
    Damaged,
}

/// `keys` wrapped for `secret`, as base64 text for the journal's header.
pub fn wrap(keys: &PartnerKeys, secret: &SecretString) -> String {
    wrap_with(keys, secret, work_factor())
}

/// [`wrap`] with scrypt's work factor `log_n`.
fn wrap_with(keys: &PartnerKeys, secret: &SecretString, log_n: u8) -> String {
    let mut recipient = age::scrypt::Recipient::new(secret.clone());
    recipient.set_work_factor(log_n);
    let mut both = Zeroizing::new([0u8; 64]);
    both[..32].copy_from_slice(keys.couple.as_bytes());
    both[32..].copy_from_slice(keys.private.as_bytes());
    // age fails to encrypt only when writing to memory fails, which it cannot.
    let wrapped = match age::encrypt(&recipient, both.as_ref()) {
        Ok(wrapped) => wrapped,
        Err(err) => unreachable!("age could not encrypt to memory: {err}"),
    };
    STANDARD.encode_to_string(wrapped)
}

/// The keys in `wrapped`, if `secret` opens them.
pub fn unwrap(wrapped: &str, secret: &SecretString) -> Result<PartnerKeys, Unwrapped> {
    let bytes = STANDARD
        .decode_to_vec(wrapped)
        .map_err(|_| Unwrapped::Damaged)?;
    let mut identity = age::scrypt::Identity::new(secret.clone());
    identity.set_max_work_factor(WORK_FACTOR);
    let both = Zeroizing::new(match age::decrypt(&identity, &bytes) {
        Ok(both) => both,
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(Unwrapped::WrongSecret);
        }
        Err(_) => return Err(Unwrapped::Damaged),
    });
    if both.len() != 64 {
        return Err(Unwrapped::Damaged);
    }
    let key = |range: std::ops::Range<usize>| {
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(&both[range]);
        let key = DataKey::from_bytes(&bytes);
        zeroize::Zeroize::zeroize(&mut bytes);
        key
    };
    Ok(PartnerKeys {
        couple: key(0..32),
        private: key(32..64),
    })
}

/// The letters a recovery code is made of: no 0/O, 1/I/L, so it reads back without doubt.
const CODE_LETTERS: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A new recovery code: 25 letters in five groups (about 124 bits).
pub fn new_recovery_code() -> SecretString {
    use chacha20poly1305::aead::rand_core::RngCore;
    let mut code = String::with_capacity(29);
    let mut rng = chacha20poly1305::aead::OsRng;
    let mut count = 0;
    while count < 25 {
        let byte = (rng.next_u32() & 0xff) as u8;
        // Take only bytes below a multiple of the alphabet's size, so every letter is as likely.
        let limit = 256 - 256 % CODE_LETTERS.len();
        if usize::from(byte) >= limit {
            continue;
        }
        if count > 0 && count % 5 == 0 {
            code.push('-');
        }
        code.push(char::from(
            CODE_LETTERS[usize::from(byte) % CODE_LETTERS.len()],
        ));
        count += 1;
    }
    SecretString::from(code)
}

/// A recovery code as typed: case, spaces and dashes do not matter.
pub fn normalized_code(typed: &str) -> SecretString {
    let code: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .chunks(5)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-");
    SecretString::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    fn keys() -> PartnerKeys {
        PartnerKeys {
            couple: DataKey::random(),
            private: DataKey::random(),
        }
    }

    #[test]
    fn a_wrapped_copy_opens_with_its_secret_only() {
        let keys = keys();
        let wrapped = wrap_with(&keys, &SecretString::from("river stone".to_owned()), 10);
        let opened = unwrap(&wrapped, &SecretString::from("river stone".to_owned()));
        let opened = opened.expect("the right passphrase opens the keys");
        assert_eq!(opened.couple.as_bytes(), keys.couple.as_bytes());
        assert_eq!(opened.private.as_bytes(), keys.private.as_bytes());
        assert_eq!(
            unwrap(&wrapped, &SecretString::from("river stones".to_owned())).err(),
            Some(Unwrapped::WrongSecret)
        );
        assert_eq!(
            unwrap("not base64!", &SecretString::from("x".to_owned())).err(),
            Some(Unwrapped::Damaged)
        );
    }

    #[test]
    fn a_recovery_code_reads_back_however_it_is_typed() {
        let code = new_recovery_code();
        let text = code.expose_secret();
        assert_eq!(text.len(), 29);
        assert!(
            text.chars()
                .all(|c| c == '-' || CODE_LETTERS.contains(&(c as u8)))
        );
        let typed = text.to_lowercase().replace('-', " ");
        assert_eq!(normalized_code(&typed).expose_secret(), text);
        assert_ne!(new_recovery_code().expose_secret(), text);
    }
}

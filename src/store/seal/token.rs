//! One field's words sealed with XChaCha20-Poly1305 into a token, and opened again.
//!
//! A token is `mend-sealed:` and the base64 of a random 24-byte nonce followed by the
//! ciphertext and its tag. The place's binding is the associated data, so a token opens only
//! where it was sealed.

use base64_simd::STANDARD_NO_PAD;
use chacha20poly1305::aead::{Aead, AeadCore, AeadInPlace, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

/// What every token begins with.
pub const TOKEN_PREFIX: &str = "mend-sealed:";

const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;

/// A 256-bit key that seals and opens words; wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// A new random key.
    pub fn random() -> DataKey {
        let key = XChaCha20Poly1305::generate_key(&mut OsRng);
        let mut bytes = Zeroizing::new([0u8; 32]);
        bytes.copy_from_slice(&key);
        DataKey(bytes)
    }

    pub fn from_bytes(bytes: &[u8; 32]) -> DataKey {
        DataKey(Zeroizing::new(*bytes))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub(super) fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(self.0.as_ref()))
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

/// Why a token did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unopened {
    /// The text is not a token at all.
    NotSealed,
    /// The token was changed, or belongs to another place or another key.
    Damaged,
}

/// Whether `text` is a sealed token.
pub fn is_token(text: &str) -> bool {
    text.starts_with(TOKEN_PREFIX)
}

/// Whether `text` has a token's shape: the prefix, then base64 of at least a nonce and a tag.
/// Words someone wrote that begin with the prefix are not one (see `sealing.rs`).
pub fn is_well_formed(text: &str) -> bool {
    let Some(encoded) = text.strip_prefix(TOKEN_PREFIX) else {
        return false;
    };
    let shortest = (4 * (NONCE_BYTES + TAG_BYTES)).div_ceil(3);
    encoded.len() >= shortest
        && encoded.len() % 4 != 1
        && encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// `words` sealed with `key`, bound to `binding`.
pub fn seal(key: &DataKey, binding: &[u8], words: &str) -> String {
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let payload = Payload {
        msg: words.as_bytes(),
        aad: binding,
    };
    // Encryption fails only for a message longer than 256 GiB; a journal is far smaller.
    let sealed = match key.cipher().encrypt(&nonce, payload) {
        Ok(sealed) => sealed,
        Err(_) => unreachable!("a field is far below XChaCha20-Poly1305's length limit"),
    };
    let mut bytes = Vec::with_capacity(NONCE_BYTES + sealed.len());
    bytes.extend_from_slice(&nonce);
    bytes.extend_from_slice(&sealed);
    let mut token = String::with_capacity(TOKEN_PREFIX.len() + bytes.len() * 4 / 3 + 4);
    token.push_str(TOKEN_PREFIX);
    STANDARD_NO_PAD.encode_append(&bytes, &mut token);
    token
}

/// The words in `token`, if it was sealed with `key` for `binding` and never changed.
pub fn open(key: &DataKey, binding: &[u8], token: &str) -> Result<Zeroizing<String>, Unopened> {
    let encoded = token
        .strip_prefix(TOKEN_PREFIX)
        .ok_or(Unopened::NotSealed)?;
    let bytes = STANDARD_NO_PAD
        .decode_to_vec(encoded)
        .map_err(|_| Unopened::Damaged)?;
    if bytes.len() < NONCE_BYTES {
        return Err(Unopened::Damaged);
    }
    let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
    let payload = Payload {
        msg: sealed,
        aad: binding,
    };
    let words = key
        .cipher()
        .decrypt(XNonce::from_slice(nonce), payload)
        .map_err(|_| Unopened::Damaged)?;
    String::from_utf8(words)
        .map(Zeroizing::new)
        .map_err(|_| Unopened::Damaged)
}

/// [`open`] for many tokens in a row: `scratch` holds each token's bytes while they are
/// opened in place (one copy of the words is made, for the journal) and is wiped after.
pub fn open_reusing(
    cipher: &XChaCha20Poly1305,
    binding: &[u8],
    token: &str,
    scratch: &mut Vec<u8>,
) -> Result<String, Unopened> {
    let encoded = token
        .strip_prefix(TOKEN_PREFIX)
        .ok_or(Unopened::NotSealed)?;
    scratch.clear();
    let opened = open_in(cipher, binding, encoded, scratch);
    zeroize::Zeroize::zeroize(&mut scratch[..]);
    scratch.clear();
    opened
}

fn open_in(
    cipher: &XChaCha20Poly1305,
    binding: &[u8],
    encoded: &str,
    bytes: &mut Vec<u8>,
) -> Result<String, Unopened> {
    STANDARD_NO_PAD
        .decode_append(encoded, bytes)
        .map_err(|_| Unopened::Damaged)?;
    if bytes.len() < NONCE_BYTES + TAG_BYTES {
        return Err(Unopened::Damaged);
    }
    let (nonce, rest) = bytes.split_at_mut(NONCE_BYTES);
    let (sealed, tag) = rest.split_at_mut(rest.len() - TAG_BYTES);
    cipher
        .decrypt_in_place_detached(
            XNonce::from_slice(nonce),
            binding,
            sealed,
            chacha20poly1305::Tag::from_slice(tag),
        )
        .map_err(|_| Unopened::Damaged)?;
    std::str::from_utf8(sealed)
        .map(str::to_owned)
        .map_err(|_| Unopened::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_open_only_with_their_key_and_in_their_place() {
        let key = DataKey::random();
        let token = seal(&key, b"entry 1 text", "I felt heard tonight");
        assert!(is_token(&token));
        assert!(!token.contains("heard"));
        assert_eq!(
            open(&key, b"entry 1 text", &token)
                .as_deref()
                .map(String::as_str),
            Ok("I felt heard tonight")
        );
        assert_eq!(open(&key, b"entry 2 text", &token), Err(Unopened::Damaged));
        assert_eq!(
            open(&DataKey::random(), b"entry 1 text", &token),
            Err(Unopened::Damaged)
        );
        let mut changed = token.clone().into_bytes();
        let last = changed.len() - 3;
        changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap_or_default();
        assert_eq!(
            open(&key, b"entry 1 text", &changed),
            Err(Unopened::Damaged)
        );
        assert_eq!(open(&key, b"x", "plain words"), Err(Unopened::NotSealed));
    }

    #[test]
    fn a_token_has_its_shape_and_words_that_begin_like_one_do_not() {
        let key = DataKey::random();
        for words in ["", "we walked"] {
            let token = seal(&key, b"entry 1 text", words);
            assert!(is_well_formed(&token), "{token}");
            assert!(!is_well_formed(&format!("{token} and more")));
        }
        let shortest = format!("{TOKEN_PREFIX}{}", "A".repeat(54));
        assert!(is_well_formed(&shortest));
        for words in [
            format!("{TOKEN_PREFIX}my very secret words"),
            format!("{TOKEN_PREFIX}{}", "A".repeat(53)),
            format!("{TOKEN_PREFIX}{}=", "A".repeat(54)),
            "mend-sealed".to_owned(),
            String::new(),
        ] {
            assert!(!is_well_formed(&words), "{words}");
        }
    }

    #[test]
    fn opening_many_in_a_row_agrees_with_opening_one() {
        let key = DataKey::random();
        let mut scratch = Vec::new();
        for words in ["", "é", &"long words ".repeat(500)] {
            let token = seal(&key, b"entry 1 text", words);
            let one = open(&key, b"entry 1 text", &token).map(|w| w.to_string());
            let many = open_reusing(&key.cipher(), b"entry 1 text", &token, &mut scratch);
            assert_eq!(many.as_deref(), Ok(words));
            assert_eq!(one, many);
            assert!(scratch.is_empty());
            let wrong = open_reusing(&key.cipher(), b"entry 2 text", &token, &mut scratch);
            assert_eq!(wrong, Err(Unopened::Damaged));
        }
        let short = format!("{TOKEN_PREFIX}AAAA");
        assert_eq!(
            open_reusing(&key.cipher(), b"x", &short, &mut scratch),
            Err(Unopened::Damaged)
        );
        assert_eq!(
            open_reusing(&key.cipher(), b"x", "plain", &mut scratch),
            Err(Unopened::NotSealed)
        );
    }

    #[test]
    fn the_same_words_seal_differently_each_time() {
        let key = DataKey::random();
        assert_ne!(seal(&key, b"p", "same"), seal(&key, b"p", "same"));
    }
}

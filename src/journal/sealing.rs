//! The header of an encrypted journal: which keys exist and the wrapped copies that open them.
//!
//! The journal domain never sees a key or a passphrase. It holds the wrapped keys as opaque
//! text, so two copies merge without any key, and it knows whose private words a loaded copy
//! holds in the open (`Opened`), so no rule ever shows sealed words as if they were words.

use serde::{Deserialize, Serialize};

use super::clock::Clock;
use super::ids::PartnerId;
use super::meta::Extra;

/// What a recovery code is for and what losing it means, said wherever codes are shown.
/// How to keep a recovery code, and what losing it with the passphrase means.
macro_rules! keep_the_code {
    () => {
        "It is shown only now. Keep it somewhere safe and apart from this laptop (on paper, say): with it you can set a new passphrase. If both your passphrase and your code are lost, your private words cannot be opened again by anyone, mend included."
    };
}

pub const RECOVERY_CODE_WORDS: &str =
    concat!("Each of you has a recovery code. ", keep_the_code!());

/// What one partner is told as their own recovery code is shown to them alone.
pub fn recovery_code_words_for(name: &str) -> String {
    format!(
        concat!("{name}, this is your recovery code. ", keep_the_code!()),
        name = name
    )
}

/// What the others are asked before `name`'s recovery code shows: it opens `name`'s
/// private words, so it is for them alone.
pub fn recovery_code_next_words(name: &str, others: &[&str]) -> String {
    let first = format!(
        "{name}'s recovery code is next. It can open {name}'s private words, so it is for {name} alone."
    );
    match others {
        [] => first,
        others => format!(
            "{first} {}, please look away for a moment.",
            others.join(" and ")
        ),
    }
}

/// The fewest characters a new passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Why a new passphrase is refused, if it is: not typed the same twice, or too short.
pub fn check_new_passphrase(first: &str, again: &str) -> Result<(), &'static str> {
    if first != again {
        return Err("The two passphrases were not the same.");
    }
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err("A passphrase needs at least 8 characters. A few plain words make a good one.");
    }
    Ok(())
}

/// Whether a new passphrase is free to choose: not the one another partner has chosen, since
/// either of them would then open the other's private words.
pub fn check_passphrase_is_their_own(new: &str, others: &[&str]) -> Result<(), &'static str> {
    match others.contains(&new) {
        true => Err(
            "Each of you needs your own passphrase: with the same one, either of you could open the other's private words.",
        ),
        false => Ok(()),
    }
}

/// The value of `sealing.scheme` this build writes and reads.
pub const SEALING_SCHEME: &str = "mend-seal-1";

/// What an encrypted journal's header holds: the scheme and every wrapped key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sealing {
    pub scheme: String,
    /// Which keys seal this journal's words: the same on every copy sealed with the same
    /// keys, and different on a copy encrypted apart (or encrypted again), whose words no
    /// key of this one opens. Worked out from the couple's key (it reveals nothing of it);
    /// missing in a copy written before mend kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys_id: Option<String>,
    /// One wrapped copy of the keys per partner and secret (passphrase or recovery code).
    pub wraps: Vec<KeyWrap>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Which secret opens a wrapped copy of the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpensWith {
    Passphrase,
    RecoveryCode,
}

/// The couple's key and one partner's private key, wrapped for one of that partner's secrets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyWrap {
    pub partner: PartnerId,
    pub opens_with: OpensWith,
    /// The wrapped keys: an age file (scrypt), base64.
    pub wrapped: String,
    /// When this copy was made; of two copies for one partner and secret the later is kept,
    /// so a passphrase changed on one laptop reaches the other.
    pub changed: Clock,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whose words a loaded journal holds in the open. Not saved and not compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Opened {
    /// A journal that is not encrypted, or one opened with every key.
    #[default]
    Everything,
    /// The shared words and the private words of this partner only.
    SharedAndPrivateOf(PartnerId),
    /// The shared words only.
    SharedOnly,
    /// Nothing: a locked journal, read only to merge it or to show the partners' names.
    Nothing,
}

impl Opened {
    /// Whether `partner`'s private words are readable in this copy.
    pub fn private_words_of(self, partner: PartnerId) -> bool {
        match self {
            Opened::Everything => true,
            Opened::SharedAndPrivateOf(who) => who == partner,
            Opened::SharedOnly | Opened::Nothing => false,
        }
    }

    /// What a journal joined from a copy opened as `self` and one opened as `other` holds in
    /// the open: only what both held.
    pub fn least(self, other: Opened) -> Opened {
        match (self, other) {
            (a, b) if a == b => a,
            (Opened::Everything, b) => b,
            (a, Opened::Everything) => a,
            (Opened::Nothing, _) | (_, Opened::Nothing) => Opened::Nothing,
            _ => Opened::SharedOnly,
        }
    }

    /// Whether the words both partners share are readable in this copy.
    pub fn shared_words(self) -> bool {
        self != Opened::Nothing
    }
}

impl Sealing {
    /// A header with no wrapped keys yet.
    pub fn new() -> Self {
        Self {
            scheme: SEALING_SCHEME.to_owned(),
            keys_id: None,
            wraps: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// The wrapped copy for `partner`'s `secret`, if there is one.
    pub fn wrap_for(&self, partner: PartnerId, secret: OpensWith) -> Option<&KeyWrap> {
        self.wraps
            .iter()
            .find(|w| w.partner == partner && w.opens_with == secret)
    }

    /// Puts `wrap` in place of the copy for the same partner and secret.
    pub fn replace(&mut self, wrap: KeyWrap) {
        self.wraps
            .retain(|w| !(w.partner == wrap.partner && w.opens_with == wrap.opens_with));
        self.wraps.push(wrap);
        self.wraps.sort_by_key(|w| (w.partner, w.opens_with));
    }

    /// Whether this header and `other` are known to seal with different keys (a copy
    /// without an id may be either).
    pub fn seals_apart_from(&self, other: &Sealing) -> bool {
        matches!((&self.keys_id, &other.keys_id), (Some(a), Some(b)) if a != b)
    }

    /// Both headers joined: for each partner and secret the later copy (by clock) is kept.
    pub fn join(&self, other: &Sealing) -> Sealing {
        let mut joined = self.clone();
        if joined.keys_id.is_none() {
            joined.keys_id.clone_from(&other.keys_id);
        }
        for wrap in &other.wraps {
            match joined.wrap_for(wrap.partner, wrap.opens_with) {
                Some(held) if held.changed >= wrap.changed => {}
                _ => joined.replace(wrap.clone()),
            }
        }
        joined
    }
}

impl Default for Sealing {
    fn default() -> Self {
        Self::new()
    }
}

/// [`Opened`] as a journal holds it: two copies of one journal are equal whoever opened them.
#[derive(Debug, Clone, Default)]
pub struct OpenedState(pub Opened);

impl PartialEq for OpenedState {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

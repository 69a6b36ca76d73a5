//! Ids: what a record and a partner are called, and the source every new id comes from.
//!
//! The source travels with the journal as a field that is neither saved nor compared
//! (`Journal::ids`), rather than as a parameter of every operation: every operation that
//! makes a record already has the journal, so no call site changes, a clone made by the
//! store for a safe update keeps drawing from the same sequence, and only the two places
//! that care say which source they want: the demo passes a seeded one to
//! `Journal::with_ids`, and every other journal (new or loaded) uses the process's own.

use chrono::{DateTime, Utc};
use fastrand::Rng;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use uuid::Uuid;

use super::clock::Device;

/// A record's id: a UUIDv7, so ids sort by the time they were made.
pub type RecordId = Uuid;

/// A partner's id: stable even if they change the name they go by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerId(pub Uuid);

impl fmt::Display for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where new ids come from, and the id of the device that makes the changes (for the
/// records' clocks). Cloning shares the sequence; any two sources compare equal, so a
/// journal's equality is about its contents only.
#[derive(Clone)]
pub struct IdSource {
    /// `None` for the process-wide sequence with system randomness.
    seeded: Option<Arc<Mutex<Sequence>>>,
    device: Device,
}

impl Default for IdSource {
    fn default() -> Self {
        IdSource {
            seeded: None,
            device: IdSource::placeholder_device(),
        }
    }
}

/// The sequence every journal of this process shares unless it was given a seeded one.
static PROCESS: Mutex<Sequence> = Mutex::new(Sequence::new(None));

impl IdSource {
    /// Ids drawn from `seed` alone: the same calls give the same ids on every run.
    pub fn seeded(seed: u64) -> IdSource {
        IdSource {
            seeded: Some(Arc::new(Mutex::new(Sequence::new(Some(Rng::with_seed(
                seed,
            )))))),
            device: IdSource::placeholder_device(),
        }
    }

    /// The device a journal's changes are stamped with until the store names the real one.
    pub fn placeholder_device() -> Device {
        Device("local".to_owned())
    }

    /// The same source, stamping changes as made on `device`.
    pub fn with_device(mut self, device: Device) -> IdSource {
        self.device = device;
        self
    }

    /// The device changes are stamped with.
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// A fresh UUIDv7 whose time part is `now`. Ids made in one millisecond (a fixed
    /// `MEND_NOW` makes them all in one) still sort in the order they were made.
    pub fn next(&self, now: DateTime<Utc>) -> Uuid {
        let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
        match &self.seeded {
            Some(sequence) => lock(sequence).next(millis),
            None => lock(&PROCESS).next(millis),
        }
    }
}

/// The sequence, even if a thread panicked while holding it: its state is always whole.
fn lock(sequence: &Mutex<Sequence>) -> std::sync::MutexGuard<'_, Sequence> {
    sequence.lock().unwrap_or_else(PoisonError::into_inner)
}

impl PartialEq for IdSource {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for IdSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.seeded {
            Some(_) => "IdSource::Seeded",
            None => "IdSource::Process",
        })
    }
}

/// Version 7 ids with a 42-bit counter after the millisecond (RFC 9562, method 1): the
/// counter starts at a random value in each new millisecond and counts up within it.
struct Sequence {
    /// Seeded by the demo; for the process's own sequence, seeded at first use.
    rng: Option<Rng>,
    /// The millisecond of the last id, `None` before the first.
    last_millis: Option<u64>,
    counter: u64,
}

/// The counter's bits; a new millisecond seeds it below half, so it cannot overflow.
const COUNTER_BITS: u32 = 42;

impl Sequence {
    const fn new(rng: Option<Rng>) -> Sequence {
        Sequence {
            rng,
            last_millis: None,
            counter: 0,
        }
    }

    fn next(&mut self, millis: u64) -> Uuid {
        let random = self.random_bytes();
        if self.last_millis == Some(millis) && self.counter + 1 < 1 << COUNTER_BITS {
            self.counter += 1;
        } else {
            let seed = u64::from_be_bytes([
                0, 0, random[10], random[11], random[12], random[13], random[14], random[15],
            ]);
            self.counter = seed & ((1 << (COUNTER_BITS - 1)) - 1);
            self.last_millis = Some(millis);
        }
        let c = self.counter;
        // The builder overwrites the top four bits of byte 0 (version) and the top two of
        // byte 2 (variant); the counter fills the bits below them, highest first.
        let bytes = [
            ((c >> 38) & 0x0f) as u8,
            (c >> 30) as u8,
            ((c >> 24) & 0x3f) as u8,
            (c >> 16) as u8,
            (c >> 8) as u8,
            c as u8,
            random[0],
            random[1],
            random[2],
            random[3],
        ];
        uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid()
    }

    fn random_bytes(&mut self) -> [u8; 16] {
        let rng = self
            .rng
            .get_or_insert_with(|| Rng::with_seed(system_seed()));
        let mut bytes = [0; 16];
        rng.fill(&mut bytes);
        bytes
    }
}

/// 62 bits from the operating system's randomness (through `uuid`), to seed the process's
/// sequence once.
fn system_seed() -> u64 {
    let random = Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, 0, 0));
    let bytes = random.as_bytes();
    u64::from_be_bytes([
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15],
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(second: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, second).unwrap()
    }

    #[test]
    fn ids_made_in_one_millisecond_sort_in_the_order_they_were_made() {
        for source in [IdSource::default(), IdSource::seeded(7)] {
            let ids: Vec<Uuid> = (0..1000).map(|_| source.next(at(0))).collect();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "{source:?}");
            assert!(ids.iter().all(|id| id.get_version_num() == 7));
        }
    }

    #[test]
    fn the_time_part_is_the_moment_given_even_going_back() {
        let source = IdSource::default();
        let later = source.next(at(30));
        let earlier = source.next(at(10));
        assert!(earlier < later);
        let millis = |id: Uuid| id.get_timestamp().map(|t| t.to_unix().0);
        assert_eq!(millis(earlier), Some(at(10).timestamp() as u64));
    }

    #[test]
    fn a_seed_gives_the_same_ids_every_time_and_another_seed_others() {
        let run = |seed| {
            let source = IdSource::seeded(seed);
            [at(0), at(0), at(5)].map(|now| source.next(now))
        };
        assert_eq!(run(1), run(1));
        assert_ne!(run(1), run(2));
    }

    #[test]
    fn a_clone_shares_the_sequence_and_sources_never_make_journals_differ() {
        let source = IdSource::seeded(3);
        let copy = source.clone();
        let first = source.next(at(0));
        assert!(copy.next(at(0)) > first);
        assert_eq!(IdSource::seeded(1), IdSource::default());
    }
}

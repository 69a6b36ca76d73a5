//! The laptops, clocks and changes the merge tests share.

use super::fixture::*;
use crate::journal::*;
use chrono::{DateTime, Duration, Utc};

/// A copy of `j` as another computer holds it: its changes are stamped with `device`.
pub fn laptop(j: &Journal, device: &str) -> Journal {
    let mut copy = j.clone();
    copy.set_device(Device(device.to_owned()));
    copy
}

/// `minutes` after the fixture's now.
pub fn later(minutes: i64) -> DateTime<Utc> {
    now() + Duration::minutes(minutes)
}

pub fn write(j: &mut Journal, by: PartnerId, text: &str, at: DateTime<Utc>) -> RecordId {
    j.add_entry(
        NewEntry {
            author: by,
            day: today(),
            stage: Stage::Communication,
            prompt_id: None,
            prompt: None,
            text: text.into(),
            visibility: Visibility::Shared,
        },
        at,
        today(),
    )
    .unwrap()
}

pub fn check_in(j: &mut Journal, by: PartnerId, safety: u8, at: DateTime<Utc>) -> RecordId {
    j.upsert_checkin(
        NewCheckin {
            author: by,
            day: today(),
            safety: Rating::new(safety).unwrap(),
            trust: Rating::new(5).unwrap(),
            connection: Rating::new(5).unwrap(),
            note: Some("tired".into()),
            note_visibility: Visibility::Shared,
        },
        at,
        today(),
    )
    .unwrap()
    .0
}

/// The journal as it would be written to its file.
pub fn bytes(j: &Journal) -> Vec<u8> {
    serde_json::to_vec(j).unwrap()
}

pub fn merged(a: &Journal, b: &Journal) -> Journal {
    a.merge(b).0
}

pub fn entry(j: &Journal, id: RecordId) -> &Entry {
    j.entries.iter().find(|e| e.meta.id == id).unwrap()
}

pub fn promise_in(j: &Journal, id: RecordId) -> &Promise {
    j.promises.iter().find(|p| p.meta.id == id).unwrap()
}

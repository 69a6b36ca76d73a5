//! The couple and the moments the journal's unit tests share.

use crate::journal::*;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn today() -> NaiveDate {
    day(2026, 11, 25)
}

pub fn couple() -> (Journal, PartnerId, PartnerId) {
    let j = Journal::new(
        ("Alex", Some(Role::Repairing)),
        ("Sam", Some(Role::Hurt)),
        now(),
        today(),
    )
    .unwrap();
    let (a, s) = (j.partners[0].id, j.partners[1].id);
    (j, a, s)
}

pub fn promise(j: &mut Journal, by: PartnerId, to: PartnerId) -> RecordId {
    j.add_promise(
        NewPromise {
            by,
            to,
            text: "Call if I'm late".into(),
            made: today(),
            due: None,
            size: None,
        },
        now(),
        today(),
    )
    .unwrap()
}

//! The small journal the progress tests compute by hand, and helpers to build it.

use crate::journal::*;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A moment in UTC.
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// The evening the figures are computed for: Monday 5 January 2026, in week 2026-W02.
pub fn today() -> NaiveDate {
    day(2026, 1, 5)
}

fn week(label: &str) -> Week {
    Week::parse_iso(label).unwrap()
}

pub fn w49() -> Week {
    week("2025-W49")
}
pub fn w50() -> Week {
    week("2025-W50")
}
pub fn w51() -> Week {
    week("2025-W51")
}
pub fn w52() -> Week {
    week("2025-W52")
}
pub fn w01() -> Week {
    week("2026-W01")
}
pub fn w02() -> Week {
    week("2026-W02")
}

pub fn alex(j: &Journal) -> PartnerId {
    j.partners[0].id
}

pub fn sam(j: &Journal) -> PartnerId {
    j.partners[1].id
}

/// A journal under construction, giving each record its own creation time so ids keep the
/// order records were added in.
pub struct Builder {
    pub j: Journal,
    minutes: i64,
}

impl Builder {
    fn now(&mut self) -> DateTime<Utc> {
        self.minutes += 1;
        at(2025, 12, 1, 20, 0) + Duration::minutes(self.minutes)
    }

    pub fn checkin(&mut self, who: PartnerId, on: NaiveDate, [s, t, c]: [u8; 3]) -> RecordId {
        let now = self.now();
        let new = NewCheckin {
            author: who,
            day: on,
            safety: Rating::new(s).unwrap(),
            trust: Rating::new(t).unwrap(),
            connection: Rating::new(c).unwrap(),
            note: None,
            note_visibility: crate::journal::Visibility::Shared,
        };
        self.j.upsert_checkin(new, now, today()).unwrap().0
    }

    /// Writes a shared entry.
    pub fn share(&mut self, who: PartnerId, on: NaiveDate, stage: Stage, text: &str) -> RecordId {
        self.write(who, on, stage, text, Visibility::Shared)
    }

    pub fn write(
        &mut self,
        who: PartnerId,
        on: NaiveDate,
        stage: Stage,
        text: &str,
        visibility: Visibility,
    ) -> RecordId {
        let now = self.now();
        let new = NewEntry {
            author: who,
            day: on,
            stage,
            prompt_id: None,
            prompt: Some("What did you notice tonight?".into()),
            text: text.into(),
            visibility,
        };
        self.j.add_entry(new, now, today()).unwrap()
    }

    pub fn promise(&mut self, by: PartnerId, to: PartnerId, made: NaiveDate) -> RecordId {
        let now = self.now();
        let new = NewPromise {
            by,
            to,
            text: "Call if I'm late".into(),
            made,
            due: None,
            size: None,
        };
        self.j.add_promise(new, now, today()).unwrap()
    }

    /// Changes a promise's status at `when`, on the evening `when` falls in (read in UTC).
    pub fn change(
        &mut self,
        id: RecordId,
        action: PromiseAction,
        when: DateTime<Utc>,
    ) -> Option<RecordId> {
        let promise = self.j.promises.iter().find(|p| p.meta.id == id);
        let by = promise.unwrap().by();
        let on = self.j.clock().evening_at(when, &Utc);
        let changed = self.j.change_promise(id, by, action, None, when, on);
        changed.unwrap()
    }

    pub fn kind_act(&mut self, by: PartnerId, on: NaiveDate) -> RecordId {
        let now = self.now();
        self.j
            .add_kind_act(by, "Made tea", on, now, today())
            .unwrap()
    }
}

/// Alex and Sam, started Monday 1 December 2025, with nothing recorded yet.
pub fn empty() -> Builder {
    let j = Journal::new(
        ("Alex", None),
        ("Sam", None),
        at(2025, 12, 1, 20, 0),
        day(2025, 12, 1),
    )
    .unwrap();
    Builder { j, minutes: 0 }
}

/// The journal every figure in the tests is worked out from by hand.
pub fn fixture() -> Journal {
    let mut b = empty();
    let (a, s) = (alex(&b.j), sam(&b.j));

    // Alex's check-ins [safety, trust, connection]: four in the weeks before W01 ...
    b.checkin(a, day(2025, 12, 2), [3, 8, 6]); // W49
    b.checkin(a, day(2025, 12, 16), [6, 7, 7]); // W51
    b.checkin(a, day(2025, 12, 18), [5, 6, 7]); // W51
    b.checkin(a, day(2025, 12, 23), [6, 7, 6]); // W52
    // ... two in W01, and one deleted.
    b.checkin(a, day(2025, 12, 30), [7, 6, 6]);
    b.checkin(a, day(2026, 1, 2), [7, 5, 7]);
    let gone = b.checkin(a, day(2026, 1, 3), [0, 0, 0]);
    tombstone(&mut b.j.checkins, gone, |c| &mut c.meta);
    // Sam's only check-in: W01 is Sam's first week with check-ins.
    b.checkin(s, day(2025, 12, 31), [4, 4, 4]);

    // Entries in W01.
    b.share(a, day(2025, 12, 30), Stage::Communication, "A1");
    b.share(a, day(2025, 12, 30), Stage::Healing, "A2");
    b.share(s, day(2025, 12, 30), Stage::Communication, "S1");
    b.write(
        s,
        day(2025, 12, 31),
        Stage::Healing,
        "S-private",
        Visibility::Private,
    );
    let deleted = b.share(a, day(2026, 1, 3), Stage::Reciprocity, "A3");
    b.j.set_entry_deleted(deleted, a, true, at(2026, 1, 3, 22, 0))
        .unwrap();
    b.share(a, day(2026, 1, 4), Stage::Reciprocity, "A4");
    b.share(s, day(2026, 1, 4), Stage::Healing, "S2");

    // Promises. P1: kept at 01:30 on 31 Dec (30 Dec's evening), noticed by Sam at 01:30 on
    // 5 Jan (4 Jan's evening, still W01).
    let p1 = b.promise(a, s, day(2025, 12, 29));
    b.change(p1, PromiseAction::Keep, at(2025, 12, 31, 1, 30));
    b.j.acknowledge_promise(p1, s, None, at(2026, 1, 5, 1, 30))
        .unwrap();
    // P2: broken on 1 Jan.
    let p2 = b.promise(a, s, day(2025, 12, 29));
    b.change(p2, PromiseAction::Break, at(2026, 1, 1, 20, 0));
    // P3: made in W52, renegotiated on 30 Dec into P4, which was kept on 2 Jan.
    let p3 = b.promise(a, s, day(2025, 12, 24));
    let renegotiate = PromiseAction::Renegotiate {
        text: Some("Call before eight".into()),
        due: None,
    };
    let p4 = b.change(p3, renegotiate, at(2025, 12, 30, 21, 0));
    b.change(p4.unwrap(), PromiseAction::Keep, at(2026, 1, 2, 21, 0));
    // P5: Sam's, withdrawn on 2 Jan.
    let p5 = b.promise(s, a, day(2026, 1, 1));
    b.change(p5, PromiseAction::Withdraw, at(2026, 1, 2, 10, 0));
    // P6: kept, then deleted.
    let p6 = b.promise(a, s, day(2025, 12, 29));
    b.change(p6, PromiseAction::Keep, at(2025, 12, 30, 20, 0));
    tombstone(&mut b.j.promises, p6, |p| &mut p.meta);
    // P7: kept at 02:00 on Monday 29 Dec, which is Sunday 28 Dec's evening (W52).
    let p7 = b.promise(a, s, day(2025, 12, 28));
    b.change(p7, PromiseAction::Keep, at(2025, 12, 29, 2, 0));

    // Kind acts. K1: Sam's, noticed by Alex at 01:30 on 3 Jan (2 Jan's evening). K2: Alex's,
    // noticed by Sam at noon on 5 Jan (W02). K3: deleted.
    let k1 = b.kind_act(s, day(2026, 1, 2));
    b.j.acknowledge_kind_act(k1, a, None, at(2026, 1, 3, 1, 30))
        .unwrap();
    let k2 = b.kind_act(a, day(2026, 1, 4));
    b.j.acknowledge_kind_act(k2, s, None, at(2026, 1, 5, 12, 0))
        .unwrap();
    let k3 = b.kind_act(s, day(2026, 1, 1));
    tombstone(&mut b.j.kind_acts, k3, |k| &mut k.meta);

    b.j
}

/// Marks a record deleted directly, as a merge from the other laptop would.
fn tombstone<T: Record>(records: &mut [T], id: RecordId, meta: fn(&mut T) -> &mut Meta) {
    let record = records.iter_mut().find(|r| r.id() == id).unwrap();
    meta(record).deleted = true;
}

/// Whether a mean is there and equals `expected`, to within rounding.
pub fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < 1e-9)
}

/// Asserts a mean is there and equals `expected`, to within rounding.
pub fn assert_mean(actual: Option<f64>, expected: f64) {
    assert!(
        close(actual, expected),
        "expected {expected}, got {actual:?}"
    );
}

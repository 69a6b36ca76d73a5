//! Reading dates and timestamps from the file. The exact forms mend writes are read by hand,
//! which is many times faster than chrono's general parsers (a ten-year journal holds some
//! 45,000 of them); anything else goes to chrono's strict RFC 3339 parser, then its relaxed
//! one, so every file that loaded before still loads, to the same values.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A timestamp as read from the file, in UTC.
pub struct Moment(pub DateTime<Utc>);

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(MomentVisitor).map(Moment)
    }
}

impl From<Moment> for DateTime<Utc> {
    fn from(moment: Moment) -> Self {
        moment.0
    }
}

struct MomentVisitor;

impl Visitor<'_> for MomentVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date and time, like 2026-11-25T21:30:00Z")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Self::Value, E> {
        if let Some(at) = utc_as_written(text) {
            return Ok(at);
        }
        DateTime::parse_from_rfc3339(text)
            .or_else(|_| text.parse::<DateTime<chrono::FixedOffset>>())
            .map(|at| at.with_timezone(&Utc))
            .map_err(E::custom)
    }
}

/// An evening (`YYYY-MM-DD`) as read from the file.
pub struct Day(pub NaiveDate);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DayVisitor).map(Day)
    }
}

impl From<Day> for NaiveDate {
    fn from(day: Day) -> Self {
        day.0
    }
}

/// An evening that may be missing or `null`, as read from the file.
pub struct MaybeDay(pub Option<NaiveDate>);

impl<'de> Deserialize<'de> for MaybeDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<Day>::deserialize(deserializer).map(|day| MaybeDay(day.map(NaiveDate::from)))
    }
}

impl From<MaybeDay> for Option<NaiveDate> {
    fn from(day: MaybeDay) -> Self {
        day.0
    }
}

struct DayVisitor;

impl Visitor<'_> for DayVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date like 2026-11-25")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Self::Value, E> {
        match day_as_written(text) {
            Some(day) => Ok(day),
            None => text.parse().map_err(E::custom),
        }
    }
}

/// `YYYY-MM-DD`, or `None` for any other form (or a date that does not exist).
fn day_as_written(text: &str) -> Option<NaiveDate> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() else {
        return None;
    };
    let year = number(&[y1, y2, y3, y4])?;
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        number(&[m1, m2])?,
        number(&[d1, d2])?,
    )
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, what chrono writes for a UTC time, or `None` for any
/// other form (an offset, a leap second, a value out of range), left to chrono.
fn utc_as_written(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    let (date, rest) = (text.get(..10)?, bytes.get(10..)?);
    let [b'T', h1, h2, b':', m1, m2, b':', s1, s2, ref tail @ ..] = *rest else {
        return None;
    };
    let nanos = match tail {
        [b'Z'] => 0,
        [b'.', fraction @ .., b'Z'] if (1..=9).contains(&fraction.len()) => {
            number(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(
        number(&[h1, h2])?,
        number(&[m1, m2])?,
        number(&[s1, s2])?,
        nanos,
    )?;
    Some(day_as_written(date)?.and_time(time).and_utc())
}

/// The value of a run of ASCII digits (at most nine), or `None` if any byte is not one.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, &digit| {
        digit
            .is_ascii_digit()
            .then(|| value * 10 + u32::from(digit - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::{Day, MaybeDay, Moment};
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};
    use proptest::prelude::*;

    fn read(text: &str) -> Result<DateTime<Utc>, serde_json::Error> {
        serde_json::from_str::<Moment>(&format!(r#""{text}""#)).map(|moment| moment.0)
    }

    fn read_day(text: &str) -> Result<NaiveDate, serde_json::Error> {
        serde_json::from_str::<Day>(&format!(r#""{text}""#)).map(|day| day.0)
    }

    /// What chrono's own deserializer makes of a timestamp, the behaviour mend keeps.
    fn chrono_reads(text: &str) -> Option<DateTime<Utc>> {
        serde_json::from_str(&format!(r#""{text}""#)).ok()
    }

    #[test]
    fn reads_what_mend_writes_and_what_chrono_reads() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 21, 30, 0).unwrap();
        let written = serde_json::to_value(at).unwrap();
        assert_eq!(read(written.as_str().unwrap()).unwrap(), at);
        assert_eq!(read("2026-11-25T22:30:00+01:00").unwrap(), at);
        // The relaxed forms chrono's own deserializer accepts still load.
        assert_eq!(read("2026-11-25 21:30:00Z").unwrap(), at);
        assert_eq!(read("2026-11-25T21:30:00 +00:00").unwrap(), at);
        // A leap second and the lowercase forms are left to chrono, and read as it reads them.
        for text in [
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2026-11-25t21:30:00z",
            "2026-11-25T21:30:00.1234567891Z",
        ] {
            assert_eq!(read(text).ok(), chrono_reads(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        let err = read("yesterday evening").unwrap_err().to_string();
        assert!(err.contains("input contains invalid characters"), "{err}");
        for text in [
            "2026-13-25T21:30:00Z",
            "2026-02-30T21:30:00Z",
            "2026-11-25T24:00:00Z",
            "2026-11-25T21:30:00.Z",
            "2026-11-25T21:30:00",
            "2026-11-25T21:30Z",
            "2026-11-2５T21:30:00Z",
        ] {
            assert!(read(text).is_err(), "{text}");
        }
    }

    #[test]
    fn reads_days_as_chrono_does() {
        assert_eq!(
            read_day("2026-11-25").unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
        );
        for text in [
            "2024-02-29",
            "2026-02-29",
            "2026-00-10",
            "2026-1-5",
            "+2026-11-25",
            "20261125",
            "2026-11-25 ",
            "２026-11-25",
            "",
        ] {
            let chrono_s = text.parse::<NaiveDate>().ok();
            assert_eq!(read_day(text).ok(), chrono_s, "{text}");
        }
        let err = read_day("someday").unwrap_err().to_string();
        assert!(err.contains("input contains invalid characters"), "{err}");
    }

    #[test]
    fn a_missing_due_day_may_be_null() {
        let read = |text: &str| serde_json::from_str::<MaybeDay>(text).map(|day| day.0);
        assert_eq!(read("null").unwrap(), None);
        assert_eq!(
            read(r#""2026-11-25""#).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 25)
        );
        assert!(read(r#""next week""#).is_err());
    }

    proptest! {
        /// Every timestamp in the form mend writes reads the same as chrono reads it.
        #[test]
        fn written_times_read_as_chrono_reads_them(
            seconds in -62_000_000_000i64..253_000_000_000,
            nanos in 0u32..1_000_000_000,
            digits in prop::sample::select(vec![0usize, 1, 3, 6, 9]),
        ) {
            let at = DateTime::from_timestamp(seconds, nanos).unwrap();
            let mut text = at.format("%Y-%m-%dT%H:%M:%S").to_string();
            if digits > 0 {
                text.push('.');
                text.push_str(&format!("{:09}", at.timestamp_subsec_nanos())[..digits]);
            }
            text.push('Z');
            prop_assert_eq!(read(&text).ok(), chrono_reads(&text));
        }

        /// So does every day, in range or not.
        #[test]
        fn written_days_read_as_chrono_reads_them(
            year in 0u32..10_000, month in 0u32..14, day in 0u32..33,
        ) {
            let text = format!("{year:04}-{month:02}-{day:02}");
            prop_assert_eq!(read_day(&text).ok(), text.parse::<NaiveDate>().ok());
        }
    }
}

//! Reading timestamps from the file: chrono's strict RFC 3339 parser first (what mend writes,
//! and several times faster), then its relaxed one, so every file that loaded before still does.

use chrono::{DateTime, Utc};
use serde::Deserializer;
use std::fmt;

/// Deserializes an RFC 3339 timestamp into UTC, for `#[serde(deserialize_with)]`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    deserializer.deserialize_str(MomentVisitor)
}

struct MomentVisitor;

impl serde::de::Visitor<'_> for MomentVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date and time, like 2026-11-25T21:30:00Z")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        DateTime::parse_from_rfc3339(text)
            .or_else(|_| text.parse::<DateTime<chrono::FixedOffset>>())
            .map(|at| at.with_timezone(&Utc))
            .map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeZone, Utc};
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct At {
        #[serde(deserialize_with = "super::deserialize")]
        at: DateTime<Utc>,
    }

    fn read(text: &str) -> Result<DateTime<Utc>, serde_json::Error> {
        serde_json::from_str::<At>(&format!(r#"{{"at": "{text}"}}"#)).map(|a| a.at)
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
        for text in ["2026-11-25T21:30:00Z", "2026-11-25T21:30:00.123456789Z"] {
            let ours = read(text).unwrap();
            let chrono_s: DateTime<Utc> = serde_json::from_str(&format!(r#""{text}""#)).unwrap();
            assert_eq!(ours, chrono_s);
        }
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        let err = read("yesterday evening").unwrap_err().to_string();
        assert!(err.contains("input contains invalid characters"), "{err}");
        assert!(read("2026-13-25T21:30:00Z").is_err());
    }
}

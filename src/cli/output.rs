//! Small helpers for printing records: dates, short ids and names.

use chrono::NaiveDate;

use crate::journal::RecordId;

/// A day as people read it: "Wed 25 Nov 2026".
pub fn human_day(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

/// The shortest prefix (at least 8 characters) that tells each id apart from the others.
pub fn short_ids(ids: &[RecordId]) -> usize {
    let texts: Vec<String> = ids.iter().map(|id| id.simple().to_string()).collect();
    let mut sorted = texts.clone();
    sorted.sort();
    let shared = sorted
        .windows(2)
        .map(|pair| {
            pair[0]
                .bytes()
                .zip(pair[1].bytes())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    (shared + 1).clamp(8, 32)
}

/// The first `len` characters of an id, without dashes.
pub fn short(id: RecordId, len: usize) -> String {
    id.simple().to_string()[..len.min(32)].to_owned()
}

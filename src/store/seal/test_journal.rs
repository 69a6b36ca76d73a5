//! What the encryption unit tests share: a small journal holding words.

use crate::journal::{Journal, NewCheckin, NewEntry, Rating, Role, Stage, Visibility};

/// Alex's and Sam's journal with an entry of Alex's for each of `words` (shared, then private
/// in turn) and a check-in of Sam's with a private note.
pub fn journal_with_words(words: &[&str]) -> Journal {
    let now = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH + chrono::TimeDelta::days(20_000);
    let today = now.date_naive();
    let Ok(mut journal) = Journal::new(
        ("Alex", Some(Role::Repairing)),
        ("Sam", Some(Role::Hurt)),
        now,
        today,
    ) else {
        panic!("a new journal for two");
    };
    let (alex, sam) = (journal.partners[0].id, journal.partners[1].id);
    for (n, text) in words.iter().enumerate() {
        let entry = NewEntry {
            author: alex,
            day: today,
            stage: Stage::Communication,
            prompt_id: None,
            prompt: Some("What stayed with you?".into()),
            text: (*text).into(),
            visibility: [Visibility::Shared, Visibility::Private][n % 2],
        };
        if let Err(err) = journal.add_entry(entry, now, today) {
            panic!("adding an entry: {err}");
        }
    }
    let rating = |n| Rating::new(n).unwrap_or(Rating::SEALED);
    let checkin = NewCheckin {
        author: sam,
        day: today,
        safety: rating(3),
        trust: rating(4),
        connection: rating(5),
        note: Some("a slow evening".into()),
        note_visibility: Visibility::Private,
    };
    if let Err(err) = journal.upsert_checkin(checkin, now, today) {
        panic!("adding a check-in: {err}");
    }
    journal
}

//! Wiping an opened journal's words from memory before it is let go.

use super::places::each_place;
use crate::journal::{Journal, Rating};

/// Overwrites every word `journal` holds in its sealed places with zeros before it is let go,
/// so an opened journal leaves no words behind in freed memory when mend locks or quits.
/// (Copies a screen made of a few words are beyond its reach.)
pub fn wipe_words(journal: &mut Journal) {
    let wiped = each_place(journal, &mut |_, words| {
        zeroize::Zeroize::zeroize(words);
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(()) = wiped;
    for checkin in &mut journal.checkins {
        (checkin.safety, checkin.trust, checkin.connection) =
            (Rating::SEALED, Rating::SEALED, Rating::SEALED);
        if let Some(ratings) = &mut checkin.sealed_ratings {
            zeroize::Zeroize::zeroize(ratings);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wiping_leaves_no_words_in_any_sealed_place() {
        use crate::journal::{NewEntry, Role, Stage, Visibility};
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
        let alex = journal.partners[0].id;
        for (text, visibility) in [
            ("the bridge at dusk", Visibility::Shared),
            ("what I never said", Visibility::Private),
        ] {
            let entry = NewEntry {
                author: alex,
                day: today,
                stage: Stage::Communication,
                prompt_id: None,
                prompt: Some("What stayed with you?".into()),
                text: text.into(),
                visibility,
            };
            if let Err(err) = journal.add_entry(entry, now, today) {
                panic!("adding an entry: {err}");
            }
        }
        wipe_words(&mut journal);
        let mut left = Vec::new();
        let _ = each_place(&mut journal, &mut |place, words| {
            if !words.is_empty() {
                left.push(place.field.to_string());
            }
            Ok::<(), ()>(())
        });
        assert_eq!(left, Vec::<String>::new(), "places still holding words");
        assert_eq!(journal.entries.len(), 2, "the records themselves stay");
    }
}

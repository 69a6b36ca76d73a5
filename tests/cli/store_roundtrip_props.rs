//! A property: any journal of entries, edits, tombstones and check-ins, under any settings,
//! loads back from its file as it was saved, and its evenings follow its `day_ends_at`.

use chrono::{Duration, NaiveDate, TimeZone, Timelike, Utc};
use mend::journal::{Journal, NewCheckin, NewEntry, Rating, Stage, Visibility, WeekStart};
use mend::store::{RealFs, load, save};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Write {
        by: usize,
        day: i64,
        text: String,
        private: bool,
    },
    Edit {
        which: usize,
        text: String,
    },
    Delete {
        which: usize,
    },
    Restore {
        which: usize,
    },
    CheckIn {
        by: usize,
        day: i64,
        rating: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let text = "[a-z \n]{1,20}[a-z]";
    prop_oneof![
        (0..2usize, 0..25i64, text, any::<bool>()).prop_map(|(by, day, text, private)| Op::Write {
            by,
            day,
            text,
            private
        }),
        (0..8usize, text).prop_map(|(which, text)| Op::Edit { which, text }),
        (0..8usize).prop_map(|which| Op::Delete { which }),
        (0..8usize).prop_map(|which| Op::Restore { which }),
        (0..2usize, 0..25i64, 0..=10u8).prop_map(|(by, day, rating)| Op::CheckIn {
            by,
            day,
            rating
        }),
    ]
}

fn started() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// Builds the journal, applying each operation the domain accepts, at one minute apart.
fn build(day_ends_at: u8, sunday: bool, ops: &[Op]) -> Journal {
    let first = Utc.with_ymd_and_hms(2026, 11, 1, 20, 0, 0).unwrap();
    let mut j = Journal::new(("Alex", None), ("Sam", None), first, started()).unwrap();
    j.settings.day_ends_at = day_ends_at;
    j.settings.week_starts = if sunday {
        WeekStart::Sunday
    } else {
        WeekStart::Monday
    };
    let today = started() + Duration::days(24);
    let ids: Vec<_> = j.partners.iter().map(|p| p.id).collect();
    for (n, op) in ops.iter().enumerate() {
        let now = first + Duration::minutes(i64::try_from(n).unwrap());
        let entry = |j: &Journal, which: usize| {
            (!j.entries.is_empty()).then(|| {
                let e = &j.entries[which % j.entries.len()];
                (e.meta.id, e.meta.author, e.visibility)
            })
        };
        match op {
            Op::Write {
                by,
                day,
                text,
                private,
            } => {
                let new = NewEntry {
                    author: ids[*by],
                    day: started() + Duration::days(*day),
                    stage: Stage::Healing,
                    prompt_id: None,
                    prompt: None,
                    text: text.clone(),
                    visibility: if *private {
                        Visibility::Private
                    } else {
                        Visibility::Shared
                    },
                };
                j.add_entry(new, now, today).unwrap();
            }
            Op::Edit { which, text } => {
                if let Some((id, author, visibility)) = entry(&j, *which) {
                    let _ = j.edit_entry(id, author, text, visibility, now);
                }
            }
            Op::Delete { which } => {
                if let Some((id, author, _)) = entry(&j, *which) {
                    j.set_entry_deleted(id, author, true, now).unwrap();
                }
            }
            Op::Restore { which } => {
                // A deleted entry keeps no words, so un-deleting it is refused; a live one
                // is un-deleted as it is.
                if let Some((id, author, _)) = entry(&j, *which) {
                    let _ = j.set_entry_deleted(id, author, false, now);
                }
            }
            Op::CheckIn { by, day, rating } => {
                let rating = Rating::new(*rating).unwrap();
                let new = NewCheckin {
                    author: ids[*by],
                    day: started() + Duration::days(*day),
                    safety: rating,
                    trust: rating,
                    connection: rating,
                    note: None,
                    note_visibility: mend::journal::Visibility::Shared,
                };
                j.upsert_checkin(new, now, today).unwrap();
            }
        }
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_journal_loads_back_as_saved_and_its_evenings_follow_its_day_end(
        day_ends_at in 0..=23u8,
        sunday in any::<bool>(),
        ops in proptest::collection::vec(op(), 0..24),
        minutes in 0..(24 * 60u32),
    ) {
        let journal = build(day_ends_at, sunday, &ops);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        save(&path, &journal, &RealFs).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        prop_assert_eq!(&loaded, &journal);
        let deleted = journal.entries.iter().filter(|e| e.meta.deleted).count();
        prop_assert_eq!(loaded.live_entries().count(), journal.entries.len() - deleted);

        // The evening of a moment, by the loaded journal's clock, against the rule itself.
        let local = started().and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(i64::from(minutes));
        let expected = if local.hour() < u32::from(day_ends_at) {
            local.date() - Duration::days(1)
        } else {
            local.date()
        };
        prop_assert_eq!(loaded.clock().evening_of(local), expected);
        let week = loaded.clock().week_of(expected);
        let first_day = if sunday { chrono::Weekday::Sun } else { chrono::Weekday::Mon };
        prop_assert_eq!(chrono::Datelike::weekday(&week.start()), first_day);
        prop_assert!(week.contains(expected));
    }
}

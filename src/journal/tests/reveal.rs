//! The reveal: a partner's shared words for an evening open once the other has written too.

use super::fixture::*;
use super::merge_support::later;
use crate::journal::*;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

/// 20:00 UTC on 25 November, seen from a laptop two hours east of UTC.
fn at(hours_after: i64) -> DateTime<FixedOffset> {
    (now() + Duration::hours(hours_after)).with_timezone(&FixedOffset::east_opt(7200).unwrap())
}

fn write(
    j: &mut Journal,
    by: PartnerId,
    day: NaiveDate,
    visibility: Visibility,
    when: DateTime<Utc>,
) -> RecordId {
    j.add_entry(
        NewEntry {
            author: by,
            day,
            stage: Stage::Communication,
            prompt_id: None,
            prompt: None,
            text: "What I felt tonight".into(),
            visibility,
        },
        when,
        day.max(today()),
    )
    .unwrap()
}

fn entry(j: &Journal, id: RecordId) -> Entry {
    j.entries.iter().find(|e| e.meta.id == id).unwrap().clone()
}

#[test]
fn tonights_words_wait_until_the_reader_writes_and_never_for_the_author() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, today(), Visibility::Shared, now());
    let e = entry(&j, alex);
    assert_eq!(j.sight(&e, Reader::Partner(s), at(1)), Sight::Waiting);
    assert_eq!(j.sight(&e, Reader::Both, at(1)), Sight::Waiting);
    assert_eq!(
        j.sight(&e, Reader::Partner(a), at(1)),
        Sight::Open { edited: None }
    );
    assert_eq!(j.waiting_authors(Reader::Partner(s), at(1)), vec![a]);
    assert!(j.waiting_authors(Reader::Partner(a), at(1)).is_empty());

    // Sam writes privately: it is their own answer, so Alex's words open to Sam. Both at one
    // screen still wait, or the private entry's existence would show there.
    let half_hour = now() + Duration::minutes(30);
    write(&mut j, s, today(), Visibility::Private, half_hour);
    assert_eq!(
        j.sight(&e, Reader::Partner(s), at(1)),
        Sight::Open { edited: None }
    );
    assert_eq!(j.sight(&e, Reader::Both, at(1)), Sight::Waiting);
    // A shared entry from Sam opens them to both.
    write(
        &mut j,
        s,
        today(),
        Visibility::Shared,
        half_hour + Duration::minutes(10),
    );
    assert_eq!(
        j.sight(&e, Reader::Both, at(1)),
        Sight::Open { edited: None }
    );
    assert!(j.waiting_authors(Reader::Partner(s), at(1)).is_empty());
}

#[test]
fn the_evening_boundary_opens_everything_at_the_hour_the_evening_ends() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, today(), Visibility::Shared, now());
    let e = entry(&j, alex);
    // The evening of the 25th ends at 04:00 local (02:00 UTC on the 26th).
    let before_end = (Utc.with_ymd_and_hms(2026, 11, 26, 1, 59, 0).unwrap())
        .with_timezone(&FixedOffset::east_opt(7200).unwrap());
    let after_end = before_end + Duration::minutes(2);
    assert_eq!(j.sight(&e, Reader::Partner(s), before_end), Sight::Waiting);
    assert_eq!(
        j.sight(&e, Reader::Partner(s), after_end),
        Sight::Open { edited: None }
    );
    j.settings.day_ends_at = 6;
    assert_eq!(j.sight(&e, Reader::Partner(s), after_end), Sight::Waiting);
}

#[test]
fn an_edit_after_the_reveal_is_marked_with_its_time_and_one_before_is_not() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, today(), Visibility::Shared, now());
    let before_reveal = now() + Duration::minutes(10);
    j.edit_entry(
        alex,
        a,
        "What I felt, said better",
        Visibility::Shared,
        before_reveal,
    )
    .unwrap();
    write(
        &mut j,
        s,
        today(),
        Visibility::Shared,
        now() + Duration::minutes(20),
    );
    let e = entry(&j, alex);
    assert_eq!(
        j.sight(&e, Reader::Partner(s), at(1)),
        Sight::Open { edited: None }
    );

    let after_reveal = now() + Duration::minutes(40);
    j.edit_entry(
        alex,
        a,
        "And one more line",
        Visibility::Shared,
        after_reveal,
    )
    .unwrap();
    let e = entry(&j, alex);
    assert_eq!(
        j.sight(&e, Reader::Partner(s), at(1)),
        Sight::Open {
            edited: Some(after_reveal)
        }
    );
    // Its author is never told their own entry was edited.
    assert_eq!(
        j.sight(&e, Reader::Partner(a), at(1)),
        Sight::Open { edited: None }
    );
}

#[test]
fn an_edit_on_a_later_evening_is_marked_when_the_reader_never_wrote() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, today(), Visibility::Shared, now());
    let same_evening = now() + Duration::hours(1);
    j.edit_entry(alex, a, "Said better", Visibility::Shared, same_evening)
        .unwrap();
    let e = entry(&j, alex);
    assert_eq!(
        j.sight(&e, Reader::Partner(s), at(30)),
        Sight::Open { edited: None }
    );
    let next_day = now() + Duration::hours(26);
    j.edit_entry(alex, a, "Said again", Visibility::Shared, next_day)
        .unwrap();
    let e = entry(&j, alex);
    assert_eq!(
        j.sight(&e, Reader::Partner(s), at(30)),
        Sight::Open {
            edited: Some(next_day)
        }
    );
}

#[test]
fn the_setting_turned_off_opens_at_once() {
    let (mut j, a, s) = couple();
    j.settings.reveal = Reveal::AtOnce;
    let alex = write(&mut j, a, today(), Visibility::Shared, now());
    let e = entry(&j, alex);
    assert_eq!(
        j.sight(&e, Reader::Partner(s), at(1)),
        Sight::Open { edited: None }
    );
    assert_eq!(
        j.sight(&e, Reader::Both, at(1)),
        Sight::Open { edited: None }
    );
}

#[test]
fn choosing_at_once_tonight_never_opens_tonights_waiting_words() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, today(), Visibility::Shared, now());
    let e = entry(&j, alex);
    assert_eq!(j.sight(&e, Reader::Partner(s), at(1)), Sight::Waiting);
    // Sam changes the setting tonight: Alex's words for tonight still wait for Sam's.
    assert!(j.set_reveal(Reveal::AtOnce, today()));
    assert!(j.at_once_from_tomorrow(today()));
    assert_eq!(j.sight(&e, Reader::Partner(s), at(1)), Sight::Waiting);
    assert!(!j.can_read(&e, Reader::Both, today()));
    // From the next evening on, words open as soon as they are saved.
    let tomorrow = today().succ_opt().unwrap();
    let next = write(
        &mut j,
        a,
        tomorrow,
        Visibility::Shared,
        now() + Duration::hours(24),
    );
    assert!(j.can_read(&entry(&j, next), Reader::Partner(s), tomorrow));
    assert!(!j.at_once_from_tomorrow(tomorrow));
    // Back to waiting: at once, for tonight too (it only closes).
    assert!(j.set_reveal(Reveal::AfterBoth, tomorrow));
    assert_eq!(j.settings.at_once_from, None);
    assert!(!j.can_read(&entry(&j, next), Reader::Partner(s), tomorrow));
}

#[test]
fn private_entries_are_never_revealed_or_waited_for() {
    let (mut j, a, s) = couple();
    let private = write(&mut j, a, today(), Visibility::Private, now());
    write(
        &mut j,
        s,
        today(),
        Visibility::Shared,
        now() + Duration::minutes(5),
    );
    let e = entry(&j, private);
    for reveal in [Reveal::AfterBoth, Reveal::AtOnce] {
        j.settings.reveal = reveal;
        for when in [at(1), at(48)] {
            assert_eq!(j.sight(&e, Reader::Partner(s), when), Sight::Hidden);
            assert_eq!(j.sight(&e, Reader::Both, when), Sight::Hidden);
        }
    }
    j.settings.reveal = Reveal::AfterBoth;
    assert!(
        j.waiting_authors(Reader::Partner(s), at(1)).is_empty(),
        "a private entry is not even mentioned as written"
    );
}

#[test]
fn the_setting_reads_and_writes_its_words() {
    assert_eq!(Reveal::parse("At_Once"), Some(Reveal::AtOnce));
    assert_eq!(Reveal::parse(" after-both "), Some(Reveal::AfterBoth));
    assert_eq!(Reveal::parse("never"), None);
    let (mut j, _, _) = couple();
    let plain = serde_json::to_value(&j).unwrap();
    assert!(
        plain["settings"].get("reveal").is_none(),
        "the default is left out of the file"
    );
    j.settings.reveal = Reveal::AtOnce;
    let text = serde_json::to_string(&j).unwrap();
    assert!(text.contains("\"reveal\":\"at_once\""), "{text}");
    let back: Journal = serde_json::from_str(&text).unwrap();
    assert_eq!(back.settings.reveal, Reveal::AtOnce);
}

#[test]
fn seeing_many_entries_at_once_agrees_with_seeing_each_alone() {
    let (mut j, a, s) = couple();
    let yesterday = today().pred_opt().unwrap();
    j.started = yesterday;
    let earlier = now() - Duration::hours(20);
    write(&mut j, a, yesterday, Visibility::Shared, earlier);
    write(
        &mut j,
        s,
        yesterday,
        Visibility::Private,
        earlier + Duration::hours(1),
    );
    let edited = write(&mut j, a, today(), Visibility::Shared, now());
    write(
        &mut j,
        s,
        today(),
        Visibility::Private,
        now() + Duration::minutes(10),
    );
    write(
        &mut j,
        s,
        today(),
        Visibility::Shared,
        now() + Duration::minutes(20),
    );
    write(
        &mut j,
        a,
        today(),
        Visibility::Private,
        now() + Duration::minutes(30),
    );
    j.edit_entry(
        edited,
        a,
        "Changed later",
        Visibility::Shared,
        now() + Duration::minutes(40),
    )
    .unwrap();
    for reveal in [Reveal::AfterBoth, Reveal::AtOnce] {
        j.settings.reveal = reveal;
        let first = j.first_written();
        for reader in [Reader::Partner(a), Reader::Partner(s), Reader::Both] {
            for when in [at(-1), at(1), at(12)] {
                for e in &j.entries {
                    assert_eq!(
                        j.sight_with(&first, e, reader, when),
                        j.sight(e, reader, when),
                        "{reveal:?} {reader:?} {when} {}",
                        e.text
                    );
                }
            }
        }
    }
}

#[test]
fn an_entry_made_shared_later_is_not_marked_edited_for_the_reader_who_first_sees_it_then() {
    let (mut j, a, s) = couple();
    let entry = |author, visibility, n: i64| NewEntry {
        author,
        day: today(),
        stage: Stage::Communication,
        prompt_id: None,
        prompt: None,
        text: format!("words {n}"),
        visibility,
    };
    let id = j
        .add_entry(entry(a, Visibility::Private, 0), later(0), today())
        .unwrap();
    j.add_entry(entry(s, Visibility::Shared, 1), later(10), today())
        .unwrap();
    let now = later(30).with_timezone(&chrono::FixedOffset::east_opt(0).unwrap());
    let sight = |j: &Journal| {
        let e = j.entries.iter().find(|e| e.meta.id == id).unwrap().clone();
        j.sight(&e, Reader::Partner(s), now)
    };
    j.edit_entry(id, a, "words 0", Visibility::Shared, later(20))
        .unwrap();
    assert_eq!(
        sight(&j),
        Sight::Open { edited: None },
        "first seen as it is"
    );
    j.edit_entry(id, a, "words 0, and more", Visibility::Shared, later(25))
        .unwrap();
    assert_eq!(
        sight(&j),
        Sight::Open {
            edited: Some(later(25))
        },
        "changed after it showed"
    );
}

//! Replies: only the other partner answers, only a shared entry, and only once it has opened.

use super::fixture::*;
use crate::journal::*;
use chrono::{Duration, NaiveDate};

fn write(j: &mut Journal, by: PartnerId, visibility: Visibility, minutes: i64) -> RecordId {
    j.add_entry(
        NewEntry {
            author: by,
            day: today(),
            stage: Stage::Communication,
            prompt_id: None,
            prompt: None,
            text: "What I felt tonight".into(),
            visibility,
        },
        now() + Duration::minutes(minutes),
        today(),
    )
    .unwrap()
}

fn tomorrow() -> NaiveDate {
    today() + Duration::days(1)
}

#[test]
fn only_the_other_partner_replies_to_a_shared_entry_once_it_has_opened() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, Visibility::Shared, 0);
    assert_eq!(
        j.reply_to_entry(alex, a, Some("Me".into()), now(), today()),
        Err(PlanError::Domain(DomainError::ReplyToOwnEntry))
    );
    assert_eq!(
        j.reply_to_entry(alex, s, None, now(), today()),
        Err(PlanError::Domain(DomainError::ReplyBeforeReveal)),
        "Sam has not written tonight, so Alex's words have not opened to Sam"
    );
    write(&mut j, s, Visibility::Shared, 5);
    let id = j
        .reply_to_entry(alex, s, Some("I felt that too".into()), now(), today())
        .unwrap();
    let replies = j.replies_to(alex);
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].meta.id, id);
    assert_eq!(replies[0].meta.author, s);
    assert_eq!(replies[0].words(), "I felt that too");
    assert!(j.replies.iter().all(|r| r.entry == alex));
}

#[test]
fn a_private_entry_cannot_be_answered_and_is_not_said_to_exist() {
    let (mut j, a, s) = couple();
    let private = write(&mut j, a, Visibility::Private, 0);
    assert_eq!(
        j.reply_to_entry(private, s, None, now(), tomorrow()),
        Err(PlanError::Domain(DomainError::UnknownRecord(private)))
    );
    assert_eq!(
        j.known_entry_by_prefix(&private.to_string(), s),
        Err(DomainError::NoSuchId(private.to_string()))
    );
    assert!(j.replies.is_empty());
}

#[test]
fn answering_again_replaces_the_words_and_no_words_says_i_read_this() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, Visibility::Shared, 0);
    // The evening is over: the words are open even though Sam never wrote.
    let first = j.reply_to_entry(alex, s, None, now(), tomorrow()).unwrap();
    assert_eq!(j.replies_to(alex)[0].words(), "I read this.");
    let later = now() + Duration::hours(1);
    let again = j
        .reply_to_entry(alex, s, Some("  Thank you.  ".into()), later, tomorrow())
        .unwrap();
    assert_eq!(first, again);
    let replies = j.replies_to(alex);
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].words(), "Thank you.");
    assert_eq!(replies[0].meta.updated, later);
    assert_eq!(replies[0].meta.rev, 2);
}

#[test]
fn a_long_reply_is_refused_and_nothing_is_kept() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, Visibility::Shared, 0);
    let long = "x".repeat(MOST_REPLY_CHARS + 1);
    assert!(matches!(
        j.reply_to_entry(alex, s, Some(long), now(), tomorrow()),
        Err(PlanError::TooLong { what: "reply", .. })
    ));
    assert!(j.replies.is_empty());
}

#[test]
fn a_reply_keeps_unknown_fields_through_the_file() {
    let (mut j, a, s) = couple();
    let alex = write(&mut j, a, Visibility::Shared, 0);
    j.reply_to_entry(alex, s, None, now(), tomorrow()).unwrap();
    let mut value = serde_json::to_value(&j).unwrap();
    value["replies"][0]["mood"] = serde_json::json!("warm");
    let back: Journal = serde_json::from_value(value).unwrap();
    let again = serde_json::to_value(&back).unwrap();
    assert_eq!(again["replies"][0]["mood"], "warm");
    assert_eq!(again["replies"][0]["entry"], alex.to_string());
    assert!(again["replies"][0].get("text").is_none());
}

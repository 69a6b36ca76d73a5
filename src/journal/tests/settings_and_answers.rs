//! Journal rules: renaming a partner, the couple's settings as changes, and a prompt's last answer.

use super::fixture::*;
use crate::journal::*;

#[test]
fn a_partner_can_be_renamed_and_the_change_is_stamped_for_the_merge() {
    let (mut j, a, s) = couple();
    let later = now() + chrono::Duration::hours(1);
    assert_eq!(j.rename_partner(a, "  Alexandra ", later), Ok(true));
    let alex = j.partner(a).unwrap();
    assert_eq!(
        (alex.name.as_str(), alex.name_updated),
        ("Alexandra", Some(later))
    );
    assert_eq!(j.partner(s).unwrap().name, "Sam", "only Alex's");
    assert_eq!(j.partner_named("alexandra").unwrap().id, a);
    assert_eq!(
        j.rename_partner(a, "Alexandra", now()),
        Ok(false),
        "no change"
    );
    assert_eq!(
        j.partner(a).unwrap().name_updated,
        Some(later),
        "the stamp never goes back"
    );
    // A change of case is a change of name, and allowed.
    assert_eq!(j.rename_partner(a, "ALEXANDRA", later), Ok(true));
}

#[test]
fn a_rename_keeps_every_record_with_its_partner() {
    let (mut j, a, s) = couple();
    let id = promise(&mut j, a, s);
    j.rename_partner(a, "Lex", now()).unwrap();
    let kept = j.live_promises().find(|p| p.meta.id == id).unwrap();
    assert_eq!((kept.by(), j.name_of(kept.by())), (a, "Lex"));
}

#[test]
fn a_rename_refuses_bad_names_and_the_other_partners_name_and_changes_nothing() {
    let (mut j, a, s) = couple();
    let before = j.clone();
    let refusals = [
        ("   ", DomainError::EmptyName),
        ("Al\u{1b}[2Jex", DomainError::NameNotPlain),
        ("Al\nex", DomainError::NameNotPlain),
        (
            &"x".repeat(MAX_NAME_CHARS + 1),
            DomainError::BadName("x".repeat(MAX_NAME_CHARS)),
        ),
        (" sAM ", DomainError::SamePartnerNames("sAM".into())),
    ];
    for (name, refusal) in refusals {
        assert_eq!(j.rename_partner(a, name, now()), Err(refusal), "{name:?}");
    }
    let stranger = PartnerId(uuid::Uuid::from_u128(7));
    assert_eq!(
        j.rename_partner(stranger, "Jo", now()),
        Err(DomainError::UnknownPartnerId(stranger))
    );
    assert_eq!(j, before, "nothing changed");
    assert_eq!(j.partner(s).unwrap().name_updated, None);
}

#[test]
fn settings_change_as_values_and_a_bad_hour_is_refused() {
    let (mut j, a, _) = couple();
    let apply = |j: &mut Journal, change: Change| change.apply(j, now(), today());
    apply(&mut j, Change::SetDayEndsAt { hour: 2 }).unwrap();
    apply(
        &mut j,
        Change::SetWeekStart {
            week_starts: WeekStart::Sunday,
        },
    )
    .unwrap();
    apply(
        &mut j,
        Change::SetReveal {
            reveal: Reveal::AtOnce,
        },
    )
    .unwrap();
    apply(
        &mut j,
        Change::RenamePartner {
            partner: a,
            name: "Lex".into(),
        },
    )
    .unwrap();
    assert_eq!(j.settings.day_ends_at, 2);
    assert_eq!(j.settings.week_starts, WeekStart::Sunday);
    assert_eq!(j.settings.reveal, Reveal::AtOnce);
    assert_eq!(j.name_of(a), "Lex");
    // Sunday 29 November 2026 now begins a week.
    assert_eq!(
        j.clock().week_of(day(2026, 11, 29)).start(),
        day(2026, 11, 29)
    );

    let before = j.clone();
    let refused = apply(&mut j, Change::SetDayEndsAt { hour: 24 }).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "The evening can end at an hour from 0 to 23, not 24."
    );
    let refused = apply(
        &mut j,
        Change::RenamePartner {
            partner: a,
            name: "".into(),
        },
    )
    .unwrap_err();
    assert_eq!(refused.to_string(), "A partner's name cannot be empty.");
    assert_eq!(j, before, "a refused change changes nothing");
}

fn started_earlier() -> Journal {
    let (mut j, _, _) = couple();
    j.started = day(2026, 11, 1);
    j
}

fn answer(
    j: &mut Journal,
    by: PartnerId,
    d: u32,
    prompt: &str,
    visibility: Visibility,
) -> RecordId {
    let new = NewEntry {
        author: by,
        day: day(2026, 11, d),
        stage: Stage::Communication,
        prompt_id: Some(prompt.into()),
        prompt: Some("A prompt".into()),
        text: format!("On the {d}th"),
        visibility,
    };
    j.add_entry(new, now(), today()).unwrap()
}

#[test]
fn the_last_answer_is_the_partners_own_latest_before_tonight() {
    let mut j = started_earlier();
    let (a, s) = (j.partners[0].id, j.partners[1].id);
    assert_eq!(j.last_answer(a, "c-1", today()), None, "never answered");
    answer(&mut j, a, 3, "c-1", Visibility::Shared);
    let private = answer(&mut j, a, 10, "c-1", Visibility::Private);
    answer(&mut j, a, 12, "c-2", Visibility::Shared);
    answer(&mut j, s, 20, "c-1", Visibility::Shared);
    answer(&mut j, a, 25, "c-1", Visibility::Shared);
    let last = j.last_answer(a, "c-1", today()).map(|e| e.meta.id);
    assert_eq!(last, Some(private), "own private answers count for oneself");
    let sams = j.last_answer(s, "c-1", today()).map(|e| e.day);
    assert_eq!(sams, Some(day(2026, 11, 20)), "only Sam's own");
    j.set_entry_deleted(private, a, true, now()).unwrap();
    let last = j.last_answer(a, "c-1", today()).map(|e| e.day);
    assert_eq!(last, Some(day(2026, 11, 3)), "a deleted answer is gone");
}

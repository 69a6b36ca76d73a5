//! Tests of the prompt library and tonight's pick.

use super::*;
use crate::journal::{NewEntry, Visibility};
use chrono::{TimeZone, Utc};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn couple(role: Option<Role>) -> (Journal, PartnerId) {
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 20, 0, 0).unwrap();
    let j = Journal::new(("Alex", role), ("Sam", None), now, day(1)).unwrap();
    let id = j.partners[0].id;
    (j, id)
}

#[test]
fn the_built_in_library_has_twenty_prompts_per_stage_with_unique_ids() {
    let library = PromptLibrary::built_in();
    for stage in Stage::ALL {
        let count = library
            .prompts()
            .iter()
            .filter(|p| p.stage == stage)
            .count();
        assert!(count >= 20, "{stage} has only {count} prompts");
        assert!(!library.purpose(stage).is_empty());
        for suits in [Suits::Anyone, Suits::Hurt, Suits::Repairing] {
            assert!(
                library
                    .prompts()
                    .iter()
                    .any(|p| p.stage == stage && p.suits == suits)
            );
        }
    }
    let ids: HashSet<_> = library.prompts().iter().map(|p| &p.id).collect();
    assert_eq!(ids.len(), library.prompts().len());
    assert!(library.get("healing-what-would-help-next-week").is_some());
}

#[test]
fn the_pick_is_the_same_all_evening_and_changes_between_evenings() {
    let library = PromptLibrary::built_in();
    let (j, alex) = couple(None);
    let first = library.pick(&j, alex, day(20), Stage::Healing, 0).unwrap();
    let again = library.pick(&j, alex, day(20), Stage::Healing, 0).unwrap();
    assert_eq!(first, again);
    let week: HashSet<_> = (14..=20)
        .map(|d| {
            library
                .pick(&j, alex, day(d), Stage::Healing, 0)
                .unwrap()
                .prompt
                .id
                .clone()
        })
        .collect();
    assert!(
        week.len() > 1,
        "a week of evenings offers more than one prompt"
    );
    let other = library.pick(&j, alex, day(20), Stage::Healing, 1).unwrap();
    assert_ne!(
        first.prompt.id, other.prompt.id,
        "asking for another prompt gives another"
    );
}

#[test]
fn roles_are_respected_when_set() {
    let library = PromptLibrary::built_in();
    for (role, allowed) in [
        (None, vec![Suits::Anyone]),
        (Some(Role::Hurt), vec![Suits::Anyone, Suits::Hurt]),
        (Some(Role::Repairing), vec![Suits::Anyone, Suits::Repairing]),
    ] {
        let (j, alex) = couple(role);
        for d in 1..=28 {
            for stage in Stage::ALL {
                for another in 0..3 {
                    let pick = library.pick(&j, alex, day(d), stage, another).unwrap();
                    assert!(
                        allowed.contains(&pick.prompt.suits),
                        "{role:?} got {:?}",
                        pick.prompt.suits
                    );
                }
            }
        }
    }
}

#[test]
fn a_prompt_answered_in_the_last_thirty_days_rests() {
    let library = PromptLibrary::built_in();
    let (mut j, alex) = couple(None);
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap();
    // Alex answers tonight's prompt on the 5th; it must not come back before the 5th + 30.
    let first = library
        .pick(&j, alex, day(5), Stage::Communication, 0)
        .unwrap()
        .prompt
        .clone();
    j.add_entry(
        NewEntry {
            author: alex,
            day: day(5),
            stage: Stage::Communication,
            prompt_id: Some(first.id.clone()),
            prompt: Some(first.text.clone()),
            text: "answer".into(),
            visibility: Visibility::Shared,
        },
        now,
        day(25),
    )
    .unwrap();
    for d in 6..=30 {
        for another in 0..5 {
            let pick = library
                .pick(&j, alex, day(d), Stage::Communication, another)
                .unwrap();
            assert_ne!(pick.prompt.id, first.id, "offered again on the {d}th");
        }
    }
}

#[test]
fn the_suggested_stage_rotates_and_favours_the_stage_given_least_time() {
    let (mut j, alex) = couple(None);
    let stages: HashSet<_> = (1..=3)
        .map(|d| PromptLibrary::suggested_stage(&j, alex, day(d)))
        .collect();
    assert_eq!(
        stages.len(),
        3,
        "three evenings with no writing visit all three stages"
    );
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap();
    for (d, stage) in [
        (10, Stage::Communication),
        (11, Stage::Reciprocity),
        (12, Stage::Communication),
    ] {
        let new = NewEntry {
            author: alex,
            day: day(d),
            stage,
            prompt_id: None,
            prompt: None,
            text: "x".into(),
            visibility: Visibility::Shared,
        };
        j.add_entry(new, now, day(25)).unwrap();
    }
    assert_eq!(
        PromptLibrary::suggested_stage(&j, alex, day(13)),
        Stage::Healing
    );
}

#[test]
fn own_prompts_are_added_and_a_mistake_names_the_line() {
    let mut library = PromptLibrary::built_in();
    let before = library.prompts().len();
    let own = r#"{"prompts": [{"id": "own-1", "stage": "healing", "suits": "anyone", "text": "What felt lighter today?"}]}"#;
    assert_eq!(library.add_own(own, "prompts.json"), Ok(1));
    assert_eq!(library.prompts().len(), before + 1);
    let broken = "{\"prompts\": [\n  {\"id\": \"x\",\n   \"stage\": \"nope\"}\n]}";
    let err = library.add_own(broken, "/home/a/prompts.json").unwrap_err();
    assert!(err.contains("/home/a/prompts.json"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert_eq!(
        library.prompts().len(),
        before + 1,
        "nothing added from a broken file"
    );
}

/// Every prompt `partner` could be offered over the evenings `days`, in any stage.
fn offered(
    library: &PromptLibrary,
    j: &Journal,
    partner: PartnerId,
    days: std::ops::RangeInclusive<u32>,
) -> HashSet<String> {
    let mut ids = HashSet::new();
    for d in days {
        for stage in Stage::ALL {
            for another in 0..40 {
                if let Some(pick) = library.pick(j, partner, day(d), stage, another) {
                    ids.insert(pick.prompt.id.clone());
                }
            }
        }
    }
    ids
}

#[test]
fn no_prompt_asks_a_hurt_partner_to_share_the_blame_or_owe_anything() {
    let library = PromptLibrary::built_in();
    for role in [None, Some(Role::Hurt)] {
        let (j, alex) = couple(role);
        let ids = offered(&library, &j, alex, 1..=28);
        for repairing_only in ["communication-why-trust-broke", "reciprocity-own-my-part"] {
            assert!(
                !ids.contains(repairing_only),
                "{role:?} was offered {repairing_only}"
            );
        }
    }
    let lower = |p: &Prompt| p.text.to_lowercase();
    for p in library.prompts() {
        for wounding in [
            "as gently as you can",
            "calmly",
            "your own part",
            "mistake",
            " owe ",
            "have you told them",
            "responsibility for your share",
        ] {
            assert!(!lower(p).contains(wounding), "{} says {wounding:?}", p.id);
        }
        assert!(
            p.text.matches('?').count() <= 2,
            "{} stacks more than two questions",
            p.id
        );
    }
}

#[test]
fn prompts_that_look_back_on_the_week_wait_for_a_week_to_look_back_on() {
    let library = PromptLibrary::built_in();
    let looks_back = [
        "communication-appreciation-this-week",
        "communication-what-went-well",
        "reciprocity-dependable-moment",
        "healing-week-in-review",
    ];
    let (j, alex) = couple(None);
    let first_week = offered(&library, &j, alex, 1..=7);
    let second_week = offered(&library, &j, alex, 8..=14);
    for id in looks_back {
        assert!(!first_week.contains(id), "{id} in the first week");
        assert!(second_week.contains(id), "{id} from the second week on");
    }
    // Words asked of a first week are about what is ahead, or about tonight.
    for id in &first_week {
        let Some(prompt) = library.get(id) else {
            panic!("{id} is in the library");
        };
        let text = prompt.text.to_lowercase();
        for looking_back in [
            "did this week",
            "this week as a whole",
            "moment this week",
            "went well",
        ] {
            assert!(!text.contains(looking_back), "{id}: {}", prompt.text);
        }
    }
}

#[test]
fn prompts_about_a_trend_wait_until_there_is_one() {
    let library = PromptLibrary::built_in();
    let (mut j, alex) = couple(None);
    let early = offered(&library, &j, alex, 1..=14);
    assert!(!early.contains("healing-compare-to-a-month-ago"));
    assert!(!early.contains("healing-checkin-trend"));
    let later = offered(&library, &j, alex, 29..=30);
    assert!(
        later.contains("healing-compare-to-a-month-ago"),
        "four weeks in, a month ago exists"
    );
    assert!(
        !later.contains("healing-checkin-trend"),
        "no check-ins yet, so no trend"
    );
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap();
    let rating = crate::journal::Rating::new(5).unwrap();
    for d in [2, 9, 16] {
        let checkin = crate::journal::NewCheckin {
            author: alex,
            day: day(d),
            safety: rating,
            trust: rating,
            connection: rating,
            note: None,
            note_visibility: crate::journal::Visibility::Shared,
        };
        j.upsert_checkin(checkin, now, day(25)).unwrap();
    }
    assert!(!offered(&library, &j, alex, 20..=20).contains("healing-checkin-trend"));
    assert!(offered(&library, &j, alex, 23..=24).contains("healing-checkin-trend"));
}

#[test]
fn new_prompts_cover_what_couples_meet_in_recovery() {
    let library = PromptLibrary::built_in();
    for id in [
        "reciprocity-repairing-third-party-boundary",
        "communication-hurt-third-party-boundary",
        "reciprocity-repairing-openness-offer",
        "reciprocity-hurt-openness-for-now",
        "healing-repairing-hard-dates-and-reminders",
        "communication-nights-apart",
        "healing-hurt-not-your-fault",
        "healing-hurt-urge-to-check",
        "healing-sleep-and-body",
        "communication-curious-about-you-now",
        "reciprocity-something-light-together",
        "healing-building-something-new",
    ] {
        assert!(library.get(id).is_some(), "{id} missing");
    }
}

#[test]
fn own_prompts_may_say_what_history_they_need() {
    let mut library = PromptLibrary::built_in();
    let own = r#"{"prompts": [{"id": "own-trend", "stage": "healing", "suits": "anyone",
        "text": "How did this month go?", "needs": {"weeks_of_journal": 4}}]}"#;
    assert_eq!(library.add_own(own, "prompts.json"), Ok(1));
    let needs = library.get("own-trend").unwrap().needs;
    assert_eq!(needs.weeks_of_journal, 4);
}

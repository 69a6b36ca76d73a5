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

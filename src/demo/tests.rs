//! Tests of the demo journal: reproducible, and shaped like a real couple's evenings.

use super::*;
use crate::journal::{PromiseStatus, Rating};
use chrono::Timelike;

fn spec(weeks: u32, seed: u64) -> DemoSpec {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    DemoSpec::ending_before(today, weeks * 7, seed)
}

fn average(ratings: impl Iterator<Item = Rating>) -> f64 {
    let values: Vec<f64> = ratings.map(|r| f64::from(r.value())).collect();
    values.iter().sum::<f64>() / values.len() as f64
}

#[test]
fn the_same_seed_gives_the_same_journal_and_another_seed_a_different_one() {
    let first = generate(&spec(12, 7)).unwrap();
    let again = generate(&spec(12, 7)).unwrap();
    let other = generate(&spec(12, 8)).unwrap();
    assert_eq!(first, again);
    assert_ne!(first.partners[0].id, other.partners[0].id);
    assert_ne!(first.entries[0].text, other.entries[0].text);
}

#[test]
fn it_follows_every_rule_and_covers_exactly_the_evenings_asked_for() {
    let spec = spec(12, 1);
    let journal = generate(&spec).unwrap();
    assert_eq!(
        journal.problems(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
        Vec::<String>::new()
    );
    assert_eq!(journal.started, spec.first_evening);
    assert_eq!(
        spec.last_evening(),
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    );
    let days = journal.entries.iter().map(|e| e.day);
    assert!(
        days.clone()
            .all(|d| d >= spec.first_evening && d <= spec.last_evening())
    );
    assert_eq!(days.max(), Some(spec.last_evening()));
    for entry in &journal.entries {
        let at = entry.meta.created;
        assert_eq!(at.date_naive(), entry.day);
        assert!((20..=23).contains(&at.hour()), "written at {at}");
    }
}

#[test]
fn most_evenings_have_writing_and_check_ins_but_not_all() {
    let journal = generate(&spec(12, 2)).unwrap();
    let evenings = 84.0;
    for partner in &journal.partners {
        let written = journal
            .live_entries()
            .filter(|e| e.meta.author == partner.id)
            .count();
        let checked = journal
            .live_checkins()
            .filter(|c| c.meta.author == partner.id)
            .count();
        for count in [written, checked] {
            let share = count as f64 / evenings;
            assert!(
                (0.6..0.97).contains(&share),
                "{} on {share:.2} of evenings",
                partner.name
            );
        }
    }
}

#[test]
fn entries_are_varied_in_stage_length_and_visibility() {
    let journal = generate(&spec(12, 3)).unwrap();
    let entries: Vec<_> = journal.live_entries().collect();
    for stage in Stage::ALL {
        assert!(
            entries.iter().filter(|e| e.stage == stage).count() >= 20,
            "{stage}"
        );
    }
    assert!(entries.iter().all(|e| (60..=180).contains(&e.word_count())));
    let private = entries.iter().filter(|e| !e.is_shared()).count();
    assert!(
        private > 0 && private * 4 < entries.len(),
        "{private} private"
    );
    let texts: std::collections::HashSet<_> = entries.iter().map(|e| &e.text).collect();
    assert_eq!(texts.len(), entries.len());
    let with_prompt = entries
        .iter()
        .filter(|e| e.prompt_id.is_some() && e.prompt.is_some());
    assert_eq!(with_prompt.count(), entries.len());
}

#[test]
fn check_ins_climb_slowly_with_a_harder_stretch() {
    let journal = generate(&spec(12, 4)).unwrap();
    let sam = journal.partner_named("Sam").unwrap().id;
    let first = journal.started;
    let trust_in = |from: i64, to: i64| {
        average(
            journal
                .live_checkins()
                .filter(|c| c.meta.author == sam)
                .filter(|c| (c.day - first).num_days() >= from && (c.day - first).num_days() < to)
                .map(|c| c.trust),
        )
    };
    let (start, end) = (trust_in(0, 14), trust_in(70, 84));
    assert!(end > start + 1.0, "trust from {start:.1} to {end:.1}");
    let weekly: Vec<f64> = (0..12).map(|w| trust_in(w * 7, w * 7 + 7)).collect();
    let dips = weekly.windows(2).filter(|w| w[1] < w[0] - 0.5).count();
    assert!(dips >= 1, "no harder week in {weekly:?}");
    assert!(journal.live_checkins().any(|c| c.note.is_some()));
}

#[test]
fn about_three_promises_a_week_end_in_every_way_and_kept_ones_are_noticed() {
    let journal = generate(&spec(52, 5)).unwrap();
    let promises: Vec<_> = journal.live_promises().collect();
    let first_made = promises
        .iter()
        .filter(|p| p.renegotiated_from.is_none())
        .count();
    assert!(
        (120..=200).contains(&first_made),
        "{first_made} promises in a year"
    );
    let count = |status| promises.iter().filter(|p| p.status == status).count();
    let kept = count(PromiseStatus::Kept);
    assert!(
        kept * 2 > promises.len(),
        "{kept} of {} kept",
        promises.len()
    );
    for status in [
        PromiseStatus::Broken,
        PromiseStatus::Renegotiated,
        PromiseStatus::Withdrawn,
        PromiseStatus::Open,
    ] {
        assert!(count(status) > 0, "no {status} promise");
    }
    let noticed = promises.iter().filter(|p| p.acknowledged.is_some()).count();
    assert!(
        noticed * 2 > kept,
        "{noticed} of {kept} kept promises noticed"
    );
    let alex = journal.partner_named("Alex").unwrap().id;
    let by_alex = promises.iter().filter(|p| p.by() == alex).count();
    assert!(
        by_alex * 2 > promises.len(),
        "the partner repairing makes most promises"
    );
}

#[test]
fn kind_acts_come_a_couple_of_times_a_week_and_some_are_noticed() {
    let journal = generate(&spec(52, 6)).unwrap();
    let acts = journal.live_kind_acts().count();
    assert!((70..=150).contains(&acts), "{acts} kind acts in a year");
    let noticed = journal
        .live_kind_acts()
        .filter(|k| k.acknowledged.is_some())
        .count();
    assert!(
        noticed > acts / 3 && noticed < acts,
        "{noticed} of {acts} noticed"
    );
}

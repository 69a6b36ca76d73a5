//! Progress tests: other settings, edge cases, the records behind a week, and a week in words.

use super::fixture::*;
use crate::journal::*;
use crate::progress::*;
use chrono::{NaiveDate, Utc};

// ---- other settings and edge cases ----

#[test]
fn a_sunday_week_start_moves_sunday_into_the_next_week() {
    let mut j = fixture();
    j.settings.week_starts = WeekStart::Sunday;
    let p = Progress::compute(&j, today(), &Utc);
    let new_year = p.week_of(day(2025, 12, 31));
    let next = p.week_of(day(2026, 1, 4));
    assert_eq!(new_year.start(), day(2025, 12, 28));
    assert_eq!(next.start(), day(2026, 1, 4));
    assert_eq!(p.communication(alex(&j), new_year).evenings_written, 1);
    assert_eq!(p.communication(alex(&j), next).evenings_written, 1);
    // P7 kept on Sunday 28 December's evening now falls in the week of the new year.
    assert_eq!(p.reciprocity(alex(&j), new_year).kept, 3);
    assert_eq!(p.reciprocity(sam(&j), next).acknowledgements_given, 2);
}

#[test]
fn private_entries_never_count_anywhere() {
    let mut b = empty();
    let a = alex(&b.j);
    b.write(
        a,
        day(2026, 1, 2),
        Stage::Healing,
        "secret",
        Visibility::Private,
    );
    let j = b.j;
    let p = Progress::compute(&j, today(), &Utc);
    let week = p.week_of(day(2026, 1, 2));
    assert!(!p.has_data(week));
    assert_eq!(p.weeks_with_data().count(), 0);
    assert_eq!(p.communication(a, week), Communication::default());
    assert!(p.shared_evenings(week).is_empty());
    assert!(!p.calendar(day(2026, 1, 2), day(2026, 1, 2))[0].by_partner[0].any());
}

#[test]
fn an_empty_journal_has_calm_empty_figures() {
    let j = empty().j;
    let p = Progress::compute(&j, today(), &Utc);
    let week = p.this_week();
    assert!(!p.has_data(week));
    assert_eq!(p.weeks_both_checked_in(), 0);
    assert_eq!(p.days_together(), 36);
    let h = p.healing(alex(&j), week);
    assert_eq!(h.this_week.mean(RatingName::Trust), None);
    assert_eq!(
        h.trend(RatingName::Trust).describe(),
        "trust: no check-in yet this week"
    );
    assert_eq!(p.reciprocity(sam(&j), week).kept, 0);
    assert!(p.shared_evenings(week).is_empty());
    let spark = sparkline(
        p.weekly_means(alex(&j), RatingName::Safety, week, SPARKLINE_WEEKS)
            .iter()
            .map(|m| m.mean),
    );
    assert_eq!(spark, "········");
}

// ---- the records behind a week ----

#[test]
fn evenings_checked_in_count_each_evening_once() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    // Dec 30 and Jan 2; the Jan 3 check-in was deleted.
    assert_eq!(p.evenings_checked_in(alex(&j), w01()), 2);
    assert_eq!(p.evenings_checked_in(sam(&j), w01()), 1);
    assert_eq!(p.evenings_checked_in(sam(&j), w52()), 0);
    assert_eq!(
        p.evenings_checked_in(alex(&j), w01()),
        p.healing(alex(&j), w01()).this_week.count,
        "one check-in per evening, as upsert keeps it"
    );
}

#[test]
fn a_weeks_promises_are_the_ones_its_figures_count_as_they_stood_that_week() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let listed = |week: Week| -> Vec<(String, bool, PromiseStatus, bool)> {
        p.promises_in(week)
            .iter()
            .map(|w| {
                let promise = w.promise.get(&j).unwrap();
                let who = j.name_of(w.by).to_owned();
                let label = format!("{who}: {}", promise.text);
                (label, w.made_this_week, w.status, w.noticed)
            })
            .collect()
    };
    let call = "Alex: Call if I'm late".to_owned();
    assert_eq!(
        listed(w01()),
        [
            // P1: kept, and noticed by Sam on 4 January's evening.
            (call.clone(), true, PromiseStatus::Kept, true),
            // P2: broken.
            (call.clone(), true, PromiseStatus::Broken, false),
            // P3: made in W52, renegotiated this week.
            (call.clone(), false, PromiseStatus::Renegotiated, false),
            // P5: Sam's, withdrawn.
            (
                "Sam: Call if I'm late".to_owned(),
                true,
                PromiseStatus::Withdrawn,
                false
            ),
            // P4, the renegotiated promise, created last so last by id.
            (
                "Alex: Call before eight".to_owned(),
                true,
                PromiseStatus::Kept,
                false
            ),
        ]
    );
    let alex_made = p
        .promises_in(w01())
        .iter()
        .filter(|w| w.by == alex(&j) && w.made_this_week)
        .count();
    assert_eq!(
        alex_made, 3,
        "P1, P2 and P4 were created this week, though only two are new promises"
    );
    assert_eq!(
        listed(w52()),
        [
            // P3 was still open on W52's last evening.
            (call.clone(), true, PromiseStatus::Open, false),
            // P7, kept at 02:00 on Monday: Sunday's evening.
            (call, true, PromiseStatus::Kept, false),
        ]
    );
    assert!(p.promises_in(w50()).is_empty());
}

#[test]
fn a_weeks_kind_acts_say_whether_they_were_noticed_by_its_end() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let acts: Vec<(String, NaiveDate, bool)> = p
        .kind_acts_in(w01())
        .iter()
        .map(|k| (j.name_of(k.by).to_owned(), k.day, k.noticed))
        .collect();
    assert_eq!(
        acts,
        [
            // K1, noticed on 2 January's evening.
            ("Sam".to_owned(), day(2026, 1, 2), true),
            // K2, noticed at noon on 5 January, in W02.
            ("Alex".to_owned(), day(2026, 1, 4), false),
        ],
        "the deleted K3 is not listed"
    );
    assert_eq!(
        p.kind_acts_in(w01()).len() as u32,
        p.reciprocity(alex(&j), w01()).kind_acts + p.reciprocity(sam(&j), w01()).kind_acts
    );
}

#[test]
fn open_promises_due_are_those_still_open_on_the_evening_asked() {
    let mut b = empty();
    let (a, s) = (alex(&b.j), sam(&b.j));
    let promise = |b: &mut Builder, text: &str, made: NaiveDate, due: NaiveDate| {
        let new = NewPromise {
            by: a,
            to: s,
            text: text.into(),
            made,
            due: Some(due),
            size: None,
        };
        b.j.add_promise(new, at(2025, 12, 1, 20, 0), today())
            .unwrap()
    };
    let sunday = day(2025, 12, 28);
    promise(&mut b, "due Friday", day(2025, 12, 22), day(2026, 1, 2));
    promise(&mut b, "due Monday", day(2025, 12, 22), day(2025, 12, 29));
    let kept_early = promise(&mut b, "kept before", day(2025, 12, 22), day(2025, 12, 30));
    b.change(kept_early, PromiseAction::Keep, at(2025, 12, 27, 20, 0));
    let kept_later = promise(&mut b, "kept after", day(2025, 12, 22), day(2025, 12, 31));
    b.change(kept_later, PromiseAction::Keep, at(2025, 12, 30, 20, 0));
    promise(&mut b, "made later", day(2025, 12, 29), day(2025, 12, 31));
    promise(&mut b, "due later", day(2025, 12, 22), day(2026, 1, 5));
    let j = b.j;
    let p = Progress::compute(&j, today(), &Utc);
    let texts: Vec<&str> = p
        .open_promises_due(w01(), sunday)
        .iter()
        .map(|r| r.get(&j).unwrap().text.as_str())
        .collect();
    assert_eq!(texts, ["due Monday", "kept after", "due Friday"]);
}

#[test]
fn a_change_in_words_leaves_out_the_name_and_the_mean() {
    let trend =
        |this_week: Option<f64>, before: Option<f64>, checked_in_before: bool| RatingTrend {
            name: RatingName::Safety,
            this_week,
            last_four_weeks: before,
            checked_in_before,
        };
    let cases = [
        (
            trend(Some(6.8), Some(6.0), true),
            "up 0.8 from the last four weeks",
        ),
        (
            trend(Some(5.0), Some(6.0), true),
            "down 1.0 from the last four weeks",
        ),
        (
            trend(Some(6.1), Some(6.0), true),
            "about the same as the last four weeks",
        ),
        (
            trend(Some(6.0), None, false),
            "the first week with check-ins",
        ),
        (
            trend(Some(6.0), None, true),
            "nothing from the four weeks before to compare",
        ),
        (trend(None, Some(6.0), true), "no check-in this week"),
    ];
    for (t, words) in cases {
        assert_eq!(t.change_in_words(), words, "{t:?}");
        if t.this_week.is_some() {
            assert!(t.describe().ends_with(words), "{}", t.describe());
        }
    }
}

#[test]
fn a_weeks_line_follows_what_moved_without_blame() {
    let trend = |this_week: Option<f64>, before: Option<f64>| RatingTrend {
        name: RatingName::Trust,
        this_week,
        last_four_weeks: before,
        checked_in_before: before.is_some(),
    };
    let same = trend(Some(6.0), Some(6.1));
    let up = trend(Some(7.0), Some(6.0));
    let down = trend(Some(5.0), Some(6.0));
    let none = trend(None, Some(6.0));
    let first = trend(Some(5.0), None);
    let line = |trends: &[RatingTrend]| describe_week(trends);
    assert!(line(&[none, none]).contains("a week with no check-ins"));
    assert!(line(&[first, none]).contains("start the trend"));
    assert!(line(&[same, none, first]).contains("much as they did"));
    assert!(line(&[same, up]).contains("rose"));
    assert!(!line(&[same, up]).contains("dipped"));
    assert!(line(&[down, same]).contains("dipped"));
    assert!(!line(&[down, same]).contains("rose"));
    assert!(line(&[down, up]).contains("rose and some dipped"));
    for l in [line(&[down]), line(&[down, up]), line(&[none])] {
        for unkind in ["fail", "miss", "streak", "blame you", "worse"] {
            assert!(!l.to_lowercase().contains(unkind), "{l}");
        }
    }
}

#[test]
fn a_kindness_received_counts_as_the_doers_kind_act_noticed_by_the_receiver() {
    let mut b = empty();
    let (a, s) = (alex(&b.j), sam(&b.j));
    // Sam writes down, on 2 January's evening, that Alex did something kind for them.
    b.j.add_kind_act_received(
        s,
        a,
        "Soup",
        day(2026, 1, 2),
        at(2026, 1, 2, 21, 0),
        today(),
    )
    .unwrap();
    let p = Progress::compute(&b.j, today(), &Utc);
    let (alex_week, sam_week) = (p.reciprocity(a, w01()), p.reciprocity(s, w01()));
    assert_eq!(
        (alex_week.kind_acts, alex_week.acknowledgements_received),
        (1, 1),
        "Alex's kind act, noticed"
    );
    assert_eq!(
        (sam_week.kind_acts, sam_week.acknowledgements_given),
        (0, 1),
        "Sam did not do it; Sam noticed it"
    );
    let listed: Vec<(PartnerId, bool)> = p
        .kind_acts_in(w01())
        .iter()
        .map(|k| (k.by, k.noticed))
        .collect();
    assert_eq!(listed, [(a, true)]);
}

#[test]
fn tonights_shared_words_wait_until_both_have_written() {
    let mut b = empty();
    let (a, s) = (alex(&b.j), sam(&b.j));
    b.share(a, today(), Stage::Communication, "Alex tonight");
    let week = Progress::compute(&b.j, today(), &Utc).this_week();
    let waiting = Progress::compute(&b.j, today(), &Utc);
    assert!(
        waiting.shared_evenings(week).is_empty(),
        "Alex's words are not shown before Sam has written"
    );
    // Counted as written, and as waiting, so no one is told nothing was written.
    assert_eq!(waiting.communication(a, week).total_entries(), 1);
    assert_eq!(waiting.communication(a, week).waiting_to_open, 1);
    // A private entry of Sam's opens nothing: two reading together count only shared ones.
    b.write(s, today(), Stage::Healing, "Sam alone", Visibility::Private);
    let still = Progress::compute(&b.j, today(), &Utc);
    assert!(still.shared_evenings(week).is_empty());
    b.share(s, today(), Stage::Healing, "Sam tonight");
    let both = Progress::compute(&b.j, today(), &Utc);
    assert_eq!(both.communication(a, week).total_entries(), 1);
    assert_eq!(both.communication(s, week).total_entries(), 1);
    // The next evening, one partner's words alone are shown too: nothing waits for ever.
    let mut late = empty();
    late.share(alex(&late.j), today(), Stage::Communication, "Alex alone");
    let next = Progress::compute(&late.j, today().succ_opt().unwrap(), &Utc);
    assert_eq!(next.communication(alex(&late.j), week).total_entries(), 1);
    // With the reveal turned off, they show at once.
    late.j.settings.reveal = Reveal::AtOnce;
    let at_once = Progress::compute(&late.j, today(), &Utc);
    assert_eq!(
        at_once.communication(alex(&late.j), week).total_entries(),
        1
    );
}

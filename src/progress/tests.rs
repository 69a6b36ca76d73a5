//! Unit tests of the progress figures against values worked out by hand on a small journal.
//!
//! The journal (Monday weeks, evenings end at 04:00, started Monday 2025-12-01, today Monday
//! 2026-01-05) spans the turn of the year: ISO week 2026-W01 runs from Monday 2025-12-29
//! to Sunday 2026-01-04. Stored times are read in UTC unless a test says otherwise.

use super::*;
use crate::journal::{
    Journal, NewCheckin, NewEntry, NewPromise, PromiseAction, Rating, RecordId, Stage, Visibility,
    WeekStart,
};
use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};

mod fixture;
use fixture::*;

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < 1e-9)
}

fn assert_mean(actual: Option<f64>, expected: f64) {
    assert!(
        close(actual, expected),
        "expected {expected}, got {actual:?}"
    );
}

// ---- weeks and the evening's day ----

#[test]
fn the_week_of_new_year_runs_from_december_into_january() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    assert_eq!(p.week_of(day(2025, 12, 29)), w01());
    assert_eq!(p.week_of(day(2026, 1, 4)), w01());
    assert_eq!(w01().to_string(), "2026-W01");
    assert_eq!(p.this_week().to_string(), "2026-W02");
}

#[test]
fn a_status_change_at_half_past_one_counts_for_the_evening_before() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    // P7 was kept at 02:00 on Monday 29 December: that is still Sunday's evening, in W52.
    assert_eq!(p.reciprocity(alex(&j), w52()).kept, 1);
    // Sam noticed P1 at 01:30 on Monday 5 January: that is Sunday's evening, in W01.
    assert_eq!(p.reciprocity(sam(&j), w01()).acknowledgements_given, 1);
    assert_eq!(p.reciprocity(sam(&j), w02()).acknowledgements_given, 1);
}

#[test]
fn stored_times_are_read_in_the_zone_given() {
    let j = fixture();
    let plus_five = FixedOffset::east_opt(5 * 3600).unwrap();
    let p = Progress::compute(&j, today(), &plus_five);
    // Sam's 01:30 UTC acknowledgement of P1 is 06:30 on 5 January at +05:00: week W02.
    assert_eq!(p.reciprocity(sam(&j), w01()).acknowledgements_given, 0);
    assert_eq!(p.reciprocity(sam(&j), w02()).acknowledgements_given, 2);
}

// ---- healing ----

#[test]
fn this_weeks_means_and_the_pooled_four_weeks_before() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let h = p.healing(alex(&j), w01());
    assert_eq!(h.this_week.count, 2, "the deleted check-in does not count");
    assert_mean(h.this_week.mean(RatingName::Safety), 7.0);
    assert_mean(h.this_week.mean(RatingName::Trust), 5.5);
    assert_mean(h.this_week.mean(RatingName::Connection), 6.5);
    assert_eq!(h.last_four_weeks.count, 4);
    assert_mean(h.last_four_weeks.mean(RatingName::Safety), 5.0);
    // Pooled over the four check-ins (28 / 4), not the mean of weekly means (7.17).
    assert_mean(h.last_four_weeks.mean(RatingName::Trust), 7.0);
    assert_mean(h.last_four_weeks.mean(RatingName::Connection), 6.5);
    assert_mean(h.trend(RatingName::Safety).change(), 2.0);
    assert_mean(h.trend(RatingName::Trust).change(), -1.5);
    assert_mean(h.trend(RatingName::Connection).change(), 0.0);
}

#[test]
fn a_second_check_in_for_one_evening_counts_once() {
    let mut j = fixture();
    let mut twin = j.checkin_for(alex(&j), day(2025, 12, 30)).unwrap().clone();
    twin.meta.id = RecordId::max(); // sorts after every other id
    twin.trust = Rating::new(0).unwrap();
    j.checkins.push(twin);
    let h = Progress::compute(&j, today(), &Utc).healing(alex(&j), w01());
    assert_eq!(h.this_week.count, 2);
    assert_mean(h.this_week.mean(RatingName::Trust), 5.5);
}

#[test]
fn trends_are_told_in_plain_words() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let words: Vec<String> = p
        .healing(alex(&j), w01())
        .trends()
        .iter()
        .map(RatingTrend::describe)
        .collect();
    assert_eq!(
        words,
        [
            "safety up 2.0 from the last four weeks",
            "trust down 1.5 from the last four weeks",
            "connection about the same as the last four weeks",
        ]
    );
    let sam_first = p.healing(sam(&j), w01()).trend(RatingName::Trust);
    assert_eq!(
        sam_first.describe(),
        "trust 4.0 this week, the first week with check-ins"
    );
    let alex_quiet = p.healing(alex(&j), w50()).trend(RatingName::Safety);
    assert_eq!(alex_quiet.describe(), "safety: no check-in yet this week");
}

#[test]
fn a_change_under_a_quarter_point_is_about_the_same() {
    let trend = |now: f64, before: f64| RatingTrend {
        name: RatingName::Trust,
        this_week: Some(now),
        last_four_weeks: Some(before),
        checked_in_before: true,
    };
    let cases = [
        (6.2, "trust about the same as the last four weeks"),
        (5.8, "trust about the same as the last four weeks"),
        (6.3, "trust up 0.3 from the last four weeks"),
        (4.8, "trust down 1.2 from the last four weeks"),
    ];
    for (this_week, words) in cases {
        assert_eq!(
            trend(this_week, 6.0).describe(),
            words,
            "{this_week} against 6.0"
        );
    }
}

#[test]
fn the_brief_words_give_the_mean_and_the_change() {
    let trend = |now: Option<f64>, before: Option<f64>, earlier: bool| RatingTrend {
        name: RatingName::Safety,
        this_week: now,
        last_four_weeks: before,
        checked_in_before: earlier,
    };
    let cases = [
        (trend(Some(6.5), Some(5.7), true), "safety 6.5 (up 0.8)"),
        (trend(Some(5.0), Some(6.2), true), "safety 5.0 (down 1.2)"),
        (
            trend(Some(6.1), Some(6.0), true),
            "safety 6.1 (about the same)",
        ),
        (trend(Some(4.0), None, false), "safety 4.0 (first week)"),
        (
            trend(Some(4.0), None, true),
            "safety 4.0 (nothing to compare)",
        ),
        (trend(None, Some(6.0), true), "safety –"),
    ];
    for (trend, words) in cases {
        assert_eq!(trend.describe_briefly(), words);
    }
}

#[test]
fn a_return_after_quiet_weeks_is_not_called_the_first_week() {
    let trend = RatingTrend {
        name: RatingName::Connection,
        this_week: Some(6.0),
        last_four_weeks: None,
        checked_in_before: true,
    };
    assert_eq!(
        trend.describe(),
        "connection 6.0 this week, with nothing from the four weeks before to compare"
    );
}

#[test]
fn weekly_means_leave_weeks_without_check_ins_empty() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let means = p.weekly_means(alex(&j), RatingName::Trust, w01(), 4);
    let weeks: Vec<Week> = means.iter().map(|m| m.week).collect();
    assert_eq!(weeks, [w50(), w51(), w52(), w01()]);
    assert_eq!(means[0].mean, None);
    assert_mean(means[1].mean, 6.5);
    assert_mean(means[2].mean, 7.0);
    assert_mean(means[3].mean, 5.5);
    let chart = p.weekly_means(alex(&j), RatingName::Trust, p.this_week(), CHART_WEEKS);
    assert_eq!(chart.len(), 12);
    assert_eq!(chart.last().map(|m| m.week), Some(w02()));
    assert_eq!(
        sparkline(means.iter().map(|m| m.mean)),
        "·▆▆▅",
        "6.5 and 7.0 round to the sixth bar, 5.5 to the fifth"
    );
}

#[test]
fn a_sparkline_spans_the_whole_scale() {
    let line = sparkline([
        Some(0.0),
        Some(10.0),
        None,
        Some(5.0),
        Some(1.5),
        Some(12.0),
    ]);
    assert_eq!(line, "▁█·▅▂█");
    assert_eq!(sparkline([]), "");
}

// ---- reciprocity ----

#[test]
fn a_week_of_promises_kind_acts_and_acknowledgements() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let alex_week = p.reciprocity(alex(&j), w01());
    assert_eq!(
        alex_week,
        Reciprocity {
            // P1 and P2. P4 carries on the renegotiated P3, made the week before, so it is
            // not a new promise; the deleted P6 does not count.
            made: 2,
            kept: 2,
            broken: 1,
            renegotiated: 1,
            withdrawn: 0,
            acknowledgements_given: 1,
            acknowledgements_received: 1,
            kind_acts: 1,
        }
    );
    assert_mean(alex_week.keep_rate(), 2.0 / 3.0);
    let sam_week = p.reciprocity(sam(&j), w01());
    assert_eq!(
        sam_week,
        Reciprocity {
            made: 1,
            withdrawn: 1,
            acknowledgements_given: 1,
            acknowledgements_received: 1,
            kind_acts: 1,
            ..Reciprocity::default()
        },
        "the deleted kind act K3 does not count"
    );
    assert_eq!(
        sam_week.keep_rate(),
        None,
        "a withdrawn promise is not counted against anyone"
    );
    assert_eq!(p.reciprocity(alex(&j), w02()).acknowledgements_received, 1);
}

#[test]
fn reciprocity_sums_over_a_range_of_weeks() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let alex = alex(&j);
    let both = p.reciprocity_between(alex, w52(), w01());
    assert_eq!(
        both,
        p.reciprocity(alex, w52()) + p.reciprocity(alex, w01())
    );
    assert_eq!(
        (both.made, both.kept, both.broken),
        (4, 3, 1),
        "P1, P2, P3 and P7: the renegotiated P4 is not made again"
    );
    assert_mean(both.keep_rate(), 0.75);
    let last_four = p.reciprocity_between(alex, p.weeks_before(w02(), 4), w01());
    assert_eq!(last_four, both, "W50-W01 holds nothing more than W52-W01");
    assert_eq!(
        p.reciprocity_between(alex, w01(), w52()),
        Reciprocity::default()
    );
}

// ---- honest communication ----

#[test]
fn evenings_written_and_entries_per_stage_count_only_live_shared_entries() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let alex_week = p.communication(alex(&j), w01());
    // Dec 30 (two entries) and Jan 4; Jan 3's entry was deleted.
    assert_eq!(alex_week.evenings_written, 2);
    assert_eq!(alex_week.entries(Stage::Communication), 1);
    assert_eq!(alex_week.entries(Stage::Reciprocity), 1);
    assert_eq!(alex_week.entries(Stage::Healing), 1);
    let sam_week = p.communication(sam(&j), w01());
    // Dec 30 and Jan 4; Dec 31's private entry is not seen.
    assert_eq!(sam_week.evenings_written, 2);
    assert_eq!(sam_week.entries(Stage::Healing), 1);
    assert_eq!(sam_week.total_entries(), 2);
}

#[test]
fn a_week_side_by_side_pairs_each_evenings_shared_entries() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let texts = |refs: &[EntryRef]| -> Vec<String> {
        refs.iter()
            .map(|r| r.get(&j).unwrap().text.clone())
            .collect()
    };
    let rows: Vec<(NaiveDate, Vec<String>, Vec<String>)> = p
        .shared_evenings(w01())
        .iter()
        .map(|e| (e.day, texts(&e.by_partner[0]), texts(&e.by_partner[1])))
        .collect();
    assert_eq!(
        rows,
        [
            (
                day(2025, 12, 30),
                vec!["A1".to_owned(), "A2".to_owned()],
                vec!["S1".to_owned()]
            ),
            (
                day(2026, 1, 4),
                vec!["A4".to_owned()],
                vec!["S2".to_owned()]
            ),
        ]
    );
    assert_eq!(p.partners(), [alex(&j), sam(&j)]);
}

#[test]
fn an_entry_ref_still_finds_its_entry_after_the_journal_grows() {
    let mut j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let first = p.shared_evenings(w01())[0].by_partner[0][0];
    j.entries.insert(0, j.entries[first.index].clone());
    j.entries[0].meta.id = RecordId::nil();
    assert_eq!(first.entry(&j).map(|e| e.text.as_str()), Some("A1"));
}

// ---- calendar and the overview ----

#[test]
fn the_calendar_marks_check_ins_and_shared_writing_per_evening() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let marks: Vec<(bool, bool, bool, bool)> = p
        .calendar(day(2025, 12, 30), day(2026, 1, 4))
        .iter()
        .map(|d| {
            let [a, s] = d.by_partner;
            (a.checked_in, a.wrote, s.checked_in, s.wrote)
        })
        .collect();
    assert_eq!(
        marks,
        [
            (true, true, false, true),    // Dec 30
            (false, false, true, false),  // Dec 31: Sam's entry was private
            (false, false, false, false), // Jan 1
            (true, false, false, false),  // Jan 2
            (false, false, false, false), // Jan 3: both of Alex's records deleted
            (false, true, false, true),   // Jan 4
        ]
    );
    assert!(p.calendar(day(2026, 1, 4), day(2026, 1, 3)).is_empty());
}

#[test]
fn days_together_count_the_first_evening_as_day_one() {
    let j = fixture();
    assert_eq!(Progress::compute(&j, today(), &Utc).days_together(), 36);
    assert_eq!(
        Progress::compute(&j, day(2025, 12, 1), &Utc).days_together(),
        1
    );
    assert_eq!(
        Progress::compute(&j, day(2025, 11, 20), &Utc).days_together(),
        0
    );
}

#[test]
fn weeks_are_counted_only_when_each_partner_checked_in() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    assert_eq!(p.weeks_both_checked_in(), 1, "only W01 has Sam's check-in");
}

#[test]
fn weeks_with_data_skip_the_quiet_ones() {
    let j = fixture();
    let p = Progress::compute(&j, today(), &Utc);
    let weeks: Vec<Week> = p.weeks_with_data().collect();
    assert_eq!(weeks, [w49(), w51(), w52(), w01(), w02()]);
    assert!(!p.has_data(w50()));
    assert!(
        p.has_data(w02()),
        "Sam's acknowledgement of K2 lands in W02"
    );
}

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
    assert_eq!(p.reciprocity(sam(&j), week).keep_rate(), None);
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

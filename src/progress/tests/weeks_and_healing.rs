//! Progress tests: the evening's day, weeks, and healing: rating means and their trends.

use super::fixture::*;
use crate::journal::*;
use crate::progress::*;
use chrono::{FixedOffset, Utc};

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

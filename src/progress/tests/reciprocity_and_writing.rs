//! Progress tests: reciprocity, honest communication, the calendar and the overview figures.

use super::fixture::*;
use crate::journal::*;
use crate::progress::*;
use chrono::{NaiveDate, Utc};

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
            promises_noticed: 1,
            kind_acts: 1,
        }
    );
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
        (sam_week.kept, sam_week.broken),
        (0, 0),
        "a withdrawn promise is neither kept nor not kept"
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

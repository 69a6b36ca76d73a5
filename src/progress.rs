//! Every weekly figure of a journal, worked out once per change; the progress view and export read it.
//!
//! `Progress::compute` walks the journal once and files every live record under its evening
//! and week; each question after that ("how was trust this week?", "what did Sam give over the
//! last four weeks?") is a lookup. Deleted records never count, and private entries and
//! private hard moments are never seen at all: not in any count, the calendar, or the
//! side-by-side week.
//!
//! Days and weeks follow the journal's own clock (`Journal::clock`): a promise kept or a kind
//! act noticed at 01:30 belongs to the evening before, and weeks start on the couple's chosen day.
//! Per-partner arrays (`[T; 2]`) are in the order of `Progress::partners`, the journal's order.
//!
//! Where each figure comes from:
//! - healing: `healing` (a week against the four before, with `RatingTrend::describe`),
//!   `weekly_means` for the chart and, through `sparkline`, the export;
//! - reciprocity: `reciprocity` for a week, `reciprocity_between` for a range of weeks;
//! - honest communication: `communication` (evenings written, entries per stage) and
//!   `shared_evenings` (a week side by side, as `EntryRef`s into the journal);
//! - consistency: `calendar`, one mark per partner per evening (no streaks);
//! - the plan for hard moments: `hard_moments_in` (only the ones their owner shared),
//!   `pauses_in` (asked for; mend never says one was kept) and `plan_changes_in`;
//! - the whole journal: `days_together`, `weeks_both_checked_in`, `has_data`, `weeks_with_data`.

mod calendar;
mod communication;
mod filing;
mod filing_plan;
mod hard_moments;
mod healing;
mod plan_words;
mod reciprocity;
mod records;
pub mod talk_words;
mod words;

pub use calendar::{CalendarDay, DayMark};
pub use communication::{Communication, SharedEvening, waiting_words};
pub use hard_moments::{PlanChange, WeekMoment, WeekPause, WeekPlanChange};
pub use healing::{COMPARISON_WEEKS, CheckinTotals, Healing, RatingTrend, WeekMean};
pub use plan_words::{moment_afterword, pause_until, plan_change_words};
pub use reciprocity::Reciprocity;
pub use records::{EntryRef, Listed, RecordRef, WeekKindAct, WeekPromise};
pub use words::{
    ABOUT_THE_SAME, SPARK_BARS, SPARK_NO_DATA, change_in_words, describe_trend,
    describe_trend_briefly, describe_week, sparkline,
};

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::journal::{EveningClock, Journal, PartnerId, Promise, RatingName, Week};
use communication::SharedEntry;
use records::DuePromise;

/// Weeks of the progress view's chart.
pub const CHART_WEEKS: usize = 12;
/// Weeks of the export's sparkline.
pub const SPARKLINE_WEEKS: usize = 8;

/// One partner's figures for one week.
#[derive(Debug, Clone, Default)]
struct PartnerWeek {
    checkins: CheckinTotals,
    reciprocity: Reciprocity,
    communication: Communication,
}

/// Everything filed under one week.
#[derive(Debug, Clone, Default)]
struct WeekFigures {
    by_partner: [PartnerWeek; 2],
    /// Live shared entries, in journal order.
    shared: Vec<SharedEntry>,
    /// Live promises made or changed this week, in journal order.
    promises: Vec<WeekPromise>,
    /// Live kind acts done this week, in journal order.
    kind_acts: Vec<WeekKindAct>,
    /// Live hard moments their owner shared (never a private one), by evening.
    moments: Vec<WeekMoment>,
    /// Live pauses asked for this week, in the order asked.
    pauses: Vec<WeekPause>,
    /// Plan items made, agreed to, changed or retired this week, in order.
    plan_changes: Vec<WeekPlanChange>,
}

/// The figures of a whole journal as of one evening.
#[derive(Debug, Clone)]
pub struct Progress {
    clock: EveningClock,
    today: NaiveDate,
    started: NaiveDate,
    partners: Vec<PartnerId>,
    /// Only weeks with something in them.
    weeks: BTreeMap<Week, WeekFigures>,
    /// Only evenings with something marked.
    days: HashMap<NaiveDate, [DayMark; 2]>,
    first_checkin_week: [Option<Week>; 2],
    /// Live promises with a due day, in journal order.
    due: Vec<DuePromise>,
}

impl Progress {
    /// Works out every figure of `journal` as of the evening `today`.
    ///
    /// Times stored in UTC (status changes, acknowledgements) are read as local time in
    /// `zone` before finding their evening: pass `chrono::Local` in the app (or the offset
    /// `MEND_NOW` fixes), and `Utc` or a fixed offset in tests.
    pub fn compute<Tz: TimeZone>(journal: &Journal, today: NaiveDate, zone: &Tz) -> Progress {
        let clock = journal.clock();
        let mut progress = Progress {
            clock,
            today,
            started: journal.started,
            partners: journal.partners.iter().take(2).map(|p| p.id).collect(),
            weeks: BTreeMap::new(),
            days: HashMap::new(),
            first_checkin_week: [None, None],
            due: Vec::new(),
        };
        let evening = |at: DateTime<Utc>| clock.evening_at(at, zone);
        progress.file_shared_entries(journal);
        progress.file_checkins(journal);
        progress.file_promises(journal, evening);
        progress.file_kind_acts(journal, evening);
        progress.file_hard_moments(journal, evening);
        progress.file_pauses(journal, evening, |at| crate::journal::local_time(at, zone));
        progress.file_plan_items(journal, evening);
        progress.count_evenings_written();
        progress
    }

    /// The two partners, in the order every `[T; 2]` here follows.
    pub fn partners(&self) -> &[PartnerId] {
        &self.partners
    }

    /// The evening the figures were computed for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The week holding `today`.
    pub fn this_week(&self) -> Week {
        self.clock.week_of(self.today)
    }

    /// The week holding an evening, by the journal's week start.
    pub fn week_of(&self, day: NaiveDate) -> Week {
        self.clock.week_of(day)
    }

    /// The week `count` weeks before `week` (0 gives `week` itself).
    pub fn weeks_before(&self, week: Week, count: u32) -> Week {
        self.clock.week_of(week.weeks_back(count).start())
    }

    /// `count` weeks ending with `last`, oldest first.
    pub fn weeks_ending(&self, last: Week, count: usize) -> Vec<Week> {
        let mut weeks: Vec<Week> = std::iter::successors(Some(last), |w| Some(w.previous()))
            .take(count)
            .collect();
        weeks.reverse();
        weeks
    }

    /// Evenings since the couple started, counting the first evening as day 1 (as the home
    /// screen does); 0 if `today` is before the start.
    pub fn days_together(&self) -> i64 {
        ((self.today - self.started).num_days() + 1).max(0)
    }

    /// Weeks in which each of the two partners checked in at least once.
    pub fn weeks_both_checked_in(&self) -> usize {
        self.weeks
            .values()
            .filter(|w| w.by_partner.iter().all(|p| p.checkins.count > 0))
            .count()
    }

    /// Whether anything at all was recorded in `week` (private entries and hard moments aside), so a view can
    /// say "nothing yet this week".
    pub fn has_data(&self, week: Week) -> bool {
        self.weeks.contains_key(&week)
    }

    /// Every week with something recorded, oldest first.
    pub fn weeks_with_data(&self) -> impl Iterator<Item = Week> + '_ {
        self.weeks.keys().copied()
    }

    /// A partner's check-ins in `week` next to the four weeks before.
    pub fn healing(&self, partner: PartnerId, week: Week) -> Healing {
        let slot = self.slot(partner);
        let totals = |w: &WeekFigures| slot.map(|s| w.by_partner[s].checkins);
        let this_week = self.weeks.get(&week).and_then(totals).unwrap_or_default();
        let first = self.weeks_before(week, healing::COMPARISON_WEEKS);
        let mut last_four_weeks = CheckinTotals::default();
        for figures in self.weeks.range(first..week).filter_map(|(_, w)| totals(w)) {
            last_four_weeks.merge(&figures);
        }
        let checked_in_before = slot
            .and_then(|s| self.first_checkin_week[s])
            .is_some_and(|first| first < week);
        Healing {
            week,
            this_week,
            last_four_weeks,
            checked_in_before,
        }
    }

    /// A partner's weekly mean of one rating for `count` weeks ending with `last`, oldest
    /// first: `CHART_WEEKS` for the chart, `SPARKLINE_WEEKS` for the export.
    pub fn weekly_means(
        &self,
        partner: PartnerId,
        name: RatingName,
        last: Week,
        count: usize,
    ) -> Vec<WeekMean> {
        self.weeks_ending(last, count)
            .into_iter()
            .map(|week| WeekMean {
                week,
                mean: self
                    .partner_week(partner, week)
                    .and_then(|p| p.checkins.mean(name)),
            })
            .collect()
    }

    /// What a partner gave and received in one week.
    pub fn reciprocity(&self, partner: PartnerId, week: Week) -> Reciprocity {
        self.partner_week(partner, week)
            .map(|p| p.reciprocity)
            .unwrap_or_default()
    }

    /// What a partner gave and received from week `first` to week `last`, both included.
    ///
    /// The four weeks before `week` are `weeks_before(week, 4)` to `weeks_before(week, 1)`.
    pub fn reciprocity_between(&self, partner: PartnerId, first: Week, last: Week) -> Reciprocity {
        let Some(slot) = self.slot(partner) else {
            return Reciprocity::default();
        };
        if first > last {
            return Reciprocity::default();
        }
        self.weeks
            .range(first..=last)
            .map(|(_, w)| w.by_partner[slot].reciprocity)
            .sum()
    }

    /// Evenings of `week` on which a partner checked in (two check-ins on one evening, as a
    /// merge of two copies can leave, count once).
    pub fn evenings_checked_in(&self, partner: PartnerId, week: Week) -> u32 {
        let Some(slot) = self.slot(partner) else {
            return 0;
        };
        let checked_in = week
            .days()
            .filter(|day| {
                self.days
                    .get(day)
                    .is_some_and(|marks| marks[slot].checked_in)
            })
            .count();
        // At most seven evenings.
        u32::try_from(checked_in).unwrap_or(7)
    }

    /// The promises behind `reciprocity(_, week)`: each one made or changed in `week`, as it
    /// stood on the week's last evening, in journal order.
    pub fn promises_in(&self, week: Week) -> &[WeekPromise] {
        self.weeks.get(&week).map_or(&[], |w| &w.promises)
    }

    /// The kind acts behind `reciprocity(_, week)`, in journal order.
    pub fn kind_acts_in(&self, week: Week) -> &[WeekKindAct] {
        self.weeks.get(&week).map_or(&[], |w| &w.kind_acts)
    }

    /// The hard moments noted in `week` that their owner shared, by evening. A private
    /// moment is never here, nor counted anywhere.
    pub fn hard_moments_in(&self, week: Week) -> &[WeekMoment] {
        self.weeks.get(&week).map_or(&[], |w| &w.moments)
    }

    /// The pauses asked for in `week`, in the order asked.
    pub fn pauses_in(&self, week: Week) -> &[WeekPause] {
        self.weeks.get(&week).map_or(&[], |w| &w.pauses)
    }

    /// The plan items made, agreed to, changed or retired in `week`, in order.
    pub fn plan_changes_in(&self, week: Week) -> &[WeekPlanChange] {
        self.weeks.get(&week).map_or(&[], |w| &w.plan_changes)
    }

    /// Whether `week` holds anything from the plan for hard moments to show.
    pub fn has_plan_news(&self, week: Week) -> bool {
        !(self.hard_moments_in(week).is_empty()
            && self.pauses_in(week).is_empty()
            && self.plan_changes_in(week).is_empty())
    }

    /// Promises due in `week` that were still open on the evening `open_on`, soonest due first
    /// (journal order between promises due the same day).
    pub fn open_promises_due(&self, week: Week, open_on: NaiveDate) -> Vec<RecordRef<Promise>> {
        let mut due: Vec<&DuePromise> = self
            .due
            .iter()
            .filter(|d| d.made <= open_on && d.closed.is_none_or(|closed| closed > open_on))
            .filter(|d| week.contains(d.due))
            .collect();
        due.sort_by_key(|d| d.due);
        due.into_iter().map(|d| d.promise).collect()
    }

    /// What a partner shared in one week.
    pub fn communication(&self, partner: PartnerId, week: Week) -> Communication {
        self.partner_week(partner, week)
            .map(|p| p.communication)
            .unwrap_or_default()
    }

    /// The week's shared entries by evening, both partners side by side; evenings without a
    /// shared entry are left out.
    pub fn shared_evenings(&self, week: Week) -> Vec<SharedEvening> {
        self.weeks
            .get(&week)
            .map(|w| communication::side_by_side(&w.shared))
            .unwrap_or_default()
    }

    /// Every evening from `first` to `last` (both included), with what each partner did.
    pub fn calendar(&self, first: NaiveDate, last: NaiveDate) -> Vec<CalendarDay> {
        first
            .iter_days()
            .take_while(|day| *day <= last)
            .map(|day| CalendarDay {
                day,
                by_partner: self.days.get(&day).copied().unwrap_or_default(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;

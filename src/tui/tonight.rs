//! Tonight at a glance for one partner: figures derived when the journal changes, not per frame.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};

use super::exchange::Exchange;
use crate::journal::{Journal, PartnerId, Promise, PromiseStatus, RecordId, Stage, Visibility};
use crate::prompts::PromptLibrary;
use crate::tui::screens::promises::rows::due_words;

/// What the home screen shows, worked out once each time the journal or the choice changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Tonight {
    pub day: NaiveDate,
    pub name: String,
    pub other_name: String,
    pub stage: Stage,
    pub purpose: String,
    pub prompt_id: Option<String>,
    pub prompt: Option<String>,
    /// This partner's own last answer to tonight's prompt on an earlier evening: the entry
    /// and its evening.
    pub last_answer: Option<(RecordId, NaiveDate)>,
    /// How many entries this partner wrote this evening.
    pub written: usize,
    /// This evening's check-in: safety, trust, connection.
    pub checkin: Option<[u8; 3]>,
    pub checkin_note: Option<String>,
    /// This evening's check-in note is kept private.
    pub checkin_note_private: bool,
    /// Open promises this partner made: text, due day, overdue.
    pub my_promises: Vec<PromiseLine>,
    /// Open promises made to this partner.
    pub their_promises: Vec<PromiseLine>,
    /// Kept promises made to this partner that wait for them to say they noticed.
    pub to_notice: Vec<PromiseLine>,
    /// Evenings since the couple started, counting the first as day 1.
    pub day_number: i64,
    /// The pause the other partner asked for, if one holds now: a request to respect.
    pub their_pause: Option<PauseLine>,
    /// The pause this partner asked for, if one holds now.
    pub my_pause: Option<PauseLine>,
    /// Dates marked as hard in the next few days, soonest first, one per day and owner.
    pub hard_days: Vec<HardDayLine>,
    /// A plan not looked at for more than four weeks: this partner's, else the other's.
    pub plan_look: Option<LookLine>,
    /// The other partner's side of the evening: their words once open, what they noticed,
    /// their replies.
    pub exchange: Exchange,
}

/// A pause that holds until `until`; the screen words the time, and stops showing the pause
/// once that moment passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseLine {
    pub until: DateTime<Utc>,
    pub note: Option<String>,
}

/// A date marked as hard, `days_away` from tonight (0 is today).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HardDayLine {
    pub day: NaiveDate,
    pub days_away: i64,
    /// Marked by this partner, rather than by the other.
    pub mine: bool,
}

/// A plan last looked at `weeks` ago.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookLine {
    pub mine: bool,
    pub weeks: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseLine {
    pub text: String,
    /// When it is due, in the same words as the promises screen ("due Sunday", "was due
    /// Mon 23 Nov; still open").
    pub due: Option<String>,
    pub overdue: bool,
}

impl PromiseLine {
    fn of(p: &Promise, today: NaiveDate) -> PromiseLine {
        PromiseLine {
            text: p.text.clone(),
            due: p.due.map(|due| due_words(due, today)),
            overdue: p.is_overdue(today),
        }
    }
}

impl Tonight {
    /// Works out tonight for `partner` at `now`, with the stage they chose (or the suggested
    /// one).
    pub fn compute(
        journal: &Journal,
        library: &PromptLibrary,
        partner: PartnerId,
        now: DateTime<FixedOffset>,
        today: NaiveDate,
        stage: Option<Stage>,
        another: usize,
    ) -> Tonight {
        let stage =
            stage.unwrap_or_else(|| PromptLibrary::suggested_stage(journal, partner, today));
        let pick = library.pick(journal, partner, today, stage, another);
        let written = journal
            .live_entries()
            .filter(|e| e.meta.author == partner && e.day == today)
            .count();
        let checkin = journal.checkin_for(partner, today);
        let mut my_promises = Vec::new();
        let mut their_promises = Vec::new();
        let mut to_notice = Vec::new();
        let mut promises: Vec<&Promise> = journal.live_promises().collect();
        promises.sort_by_key(|p| (p.due.is_none(), p.due, p.made));
        for p in promises {
            if p.status.is_open() && p.by() == partner {
                my_promises.push(PromiseLine::of(p, today));
            } else if p.status.is_open() && p.to == partner {
                their_promises.push(PromiseLine::of(p, today));
            } else if p.to == partner
                && p.status == PromiseStatus::Kept
                && p.check_can_acknowledge(partner).is_ok()
            {
                // Only a promise that was kept is shown as kept; a renegotiated one carries
                // on as the open promise that replaced it.
                to_notice.push(PromiseLine::of(p, today));
            }
        }
        Tonight {
            day: today,
            name: journal.name_of(partner).to_owned(),
            other_name: journal
                .other_partner(partner)
                .map_or_else(|| "your partner".to_owned(), |p| p.name.clone()),
            stage,
            purpose: library.purpose(stage).to_owned(),
            prompt_id: pick.as_ref().map(|p| p.prompt.id.clone()),
            last_answer: pick
                .as_ref()
                .and_then(|p| journal.last_answer(partner, &p.prompt.id, today))
                .map(|e| (e.meta.id, e.day)),
            prompt: pick.map(|p| p.prompt.text.clone()),
            written,
            checkin: checkin.map(|c| [c.safety.value(), c.trust.value(), c.connection.value()]),
            checkin_note: checkin.and_then(|c| c.note_for(partner)).map(str::to_owned),
            checkin_note_private: checkin.is_some_and(|c| c.note_visibility == Visibility::Private),
            my_promises,
            their_promises,
            to_notice,
            day_number: (today - journal.started).num_days() + 1,
            their_pause: pause_of(journal, journal.other_partner(partner).map(|p| p.id), now),
            my_pause: pause_of(journal, Some(partner), now),
            hard_days: hard_days(journal, partner, today),
            plan_look: plan_look(journal, partner, now.with_timezone(&Utc)),
            exchange: Exchange::compute(journal, partner, now, today),
        }
    }
}

/// The pause `by` asked for that holds now and ends last, if any.
fn pause_of(
    journal: &Journal,
    by: Option<PartnerId>,
    now: DateTime<FixedOffset>,
) -> Option<PauseLine> {
    let pause = journal
        .active_pauses(now.with_timezone(&Utc))
        .into_iter()
        .filter(|p| Some(p.meta.author) == by)
        .max_by_key(|p| p.until)?;
    Some(PauseLine {
        until: pause.until,
        note: pause.note.clone(),
    })
}

/// The hard dates ahead, one line for each day and owner, this partner's first on a day; at
/// most three, so the evening stays calm.
fn hard_days(journal: &Journal, partner: PartnerId, today: NaiveDate) -> Vec<HardDayLine> {
    let mut lines: Vec<HardDayLine> = journal
        .hard_days_ahead(today)
        .into_iter()
        .map(|h| HardDayLine {
            day: h.day,
            days_away: h.days_away,
            mine: h.owner == partner,
        })
        .collect();
    lines.sort_by_key(|l| (l.day, !l.mine));
    lines.dedup();
    lines.truncate(3);
    lines
}

/// The gentle look to offer: at this partner's plan first, else at the other's.
fn plan_look(journal: &Journal, partner: PartnerId, now: DateTime<Utc>) -> Option<LookLine> {
    let due = journal.plan_looks_due(now);
    let mine = due.iter().find(|d| d.owner == partner);
    mine.or(due.first()).map(|d| LookLine {
        mine: d.owner == partner,
        weeks: d.weeks,
    })
}

/// A friendly greeting for the time of day.
pub fn greeting(time: NaiveTime) -> &'static str {
    use chrono::Timelike;
    match time.hour() {
        4..=11 => "Good morning",
        12..=17 => "Good afternoon",
        _ => "Good evening",
    }
}

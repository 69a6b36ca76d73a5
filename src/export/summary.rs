//! The weekly summary as plain data, every figure read from `Progress`, for the three formats to render.
//!
//! Private entries and private hard moments never reach it: its entries come from
//! `Progress::shared_evenings` and its moments from `Progress::hard_moments_in`, which never
//! see them, and nothing here counts entries or moments on its own.

use chrono::NaiveDate;
use serde::Serialize;

use super::moments::{HardMomentsPart, hard_moments};
use super::talk::{TalkPart, talk};
use crate::journal::text::printable;
use crate::journal::{Journal, PartnerId, PromiseStatus, RatingName, Stage, Week};
use crate::progress::{Progress, Reciprocity, SPARKLINE_WEEKS, describe_week, sparkline};

/// The built-in prompt whose answers the summary lists under "looking ahead".
pub const WHAT_WOULD_HELP_PROMPT: &str = "healing-what-would-help-next-week";

/// One week's summary, in the order it is read.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub week: WeekSpan,
    /// The two partners' names, in the journal's order; every per-partner list follows it.
    pub partners: [String; 2],
    /// Whether anything at all was recorded this week (private entries and moments aside).
    pub has_data: bool,
    pub at_a_glance: Vec<Glance>,
    pub reciprocity: Vec<PartnerReciprocity>,
    pub communication: Vec<PartnerEntries>,
    pub healing: HealingPart,
    /// Hard moments shared, pauses asked for and the plan's changes (never a private moment).
    pub hard_moments: HardMomentsPart,
    pub looking_ahead: LookingAhead,
    /// The week's talk: left out when the couple had none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub talk: Option<TalkPart>,
}

/// A week's label and its first and last evenings.
#[derive(Debug, Clone, Serialize)]
pub struct WeekSpan {
    /// The ISO week, like `2026-W48`.
    pub label: String,
    pub first_evening: NaiveDate,
    pub last_evening: NaiveDate,
}

impl WeekSpan {
    fn of(week: Week) -> WeekSpan {
        WeekSpan {
            label: week.to_string(),
            first_evening: week.start(),
            last_evening: week.end(),
        }
    }
}

/// One partner's week at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct Glance {
    pub partner: String,
    pub evenings_checked_in: u32,
    /// Evenings with at least one shared entry.
    pub evenings_written: u32,
    /// Safety, trust and connection, in that order.
    pub ratings: Vec<RatingLine>,
}

/// One rating of one partner: this week, the four weeks before, and the last eight weeks.
#[derive(Debug, Clone, Serialize)]
pub struct RatingLine {
    pub rating: &'static str,
    /// This week's mean, `null` without a check-in.
    pub this_week: Option<f64>,
    /// The mean of every check-in in the four weeks before.
    pub last_four_weeks: Option<f64>,
    /// `this_week - last_four_weeks`, when both exist.
    pub change: Option<f64>,
    /// The change in words, like "up 0.8 from the last four weeks".
    pub in_words: String,
    /// Weekly means of the last eight weeks (this one last), one bar a week.
    pub sparkline: String,
    pub last_eight_weeks: Vec<Option<f64>>,
}

/// One partner's promises and kind acts of the week.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerReciprocity {
    pub partner: String,
    /// The counts of the progress view: promises made this week, and status changes,
    /// acknowledgements and kind acts dated this week.
    pub figures: Reciprocity,
    /// Promises made or changed this week, as they stood on its last evening.
    pub promises: Vec<PromiseLine>,
    pub kind_acts: Vec<KindActLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PromiseLine {
    pub text: String,
    pub made: NaiveDate,
    pub made_this_week: bool,
    pub due: Option<NaiveDate>,
    /// `open`, `kept`, `broken`, `renegotiated` or `withdrawn`, on the week's last evening.
    pub status: PromiseStatus,
    /// The other partner said they noticed it (by the week's last evening).
    pub noticed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindActLine {
    pub day: NaiveDate,
    pub text: String,
    pub noticed: bool,
}

/// One partner's shared entries of the week, by evening.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerEntries {
    pub partner: String,
    pub evenings: Vec<EveningEntries>,
    /// Shared entries still closed (until the other partner writes that evening too).
    #[serde(skip_serializing_if = "is_zero")]
    pub waiting_to_open: u32,
    /// The other partner, whom those entries wait for.
    #[serde(skip)]
    pub other: String,
}

fn is_zero(count: &u32) -> bool {
    *count == 0
}

#[derive(Debug, Clone, Serialize)]
pub struct EveningEntries {
    pub day: NaiveDate,
    pub entries: Vec<EntryLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryLine {
    pub stage: Stage,
    /// The prompt as it was shown, when the entry answered one.
    pub prompt: Option<String>,
    pub text: String,
}

/// Check-in notes and a gentle line on how the ratings moved.
#[derive(Debug, Clone, Serialize)]
pub struct HealingPart {
    pub notes: Vec<NoteLine>,
    pub trend: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteLine {
    pub day: NaiveDate,
    pub partner: String,
    pub note: String,
}

/// What is coming: promises due next week, and what each partner said would help.
#[derive(Debug, Clone, Serialize)]
pub struct LookingAhead {
    pub next_week: WeekSpan,
    /// Promises still open on this week's last evening and due next week.
    pub promises_due: Vec<DueLine>,
    pub what_would_help: Vec<HelpLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DueLine {
    pub by: String,
    pub to: String,
    pub text: String,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct HelpLine {
    pub partner: String,
    pub day: NaiveDate,
    pub text: String,
}

/// A partner's words or name as every format of the summary shows them: [`printable`],
/// so no control character reaches Markdown, HTML or JSON, and a carriage return is a line
/// break the renderers escape like any other.
pub(super) fn words(text: &str) -> String {
    printable(text).into_owned()
}

impl Summary {
    /// The summary of `week`, from `progress` (computed from this same `journal`).
    pub fn build(journal: &Journal, progress: &Progress, week: Week) -> Summary {
        let partners: Vec<PartnerId> = progress.partners().to_vec();
        let name = |id: PartnerId| words(journal.name_of(id));
        let partner_names =
            [0, 1].map(|slot| partners.get(slot).map_or_else(String::new, |id| name(*id)));
        Summary {
            week: WeekSpan::of(week),
            partners: partner_names,
            has_data: progress.has_data(week),
            at_a_glance: partners
                .iter()
                .map(|&p| glance(journal, progress, p, week))
                .collect(),
            reciprocity: partners
                .iter()
                .map(|&p| partner_reciprocity(journal, progress, p, week))
                .collect(),
            communication: communication(journal, progress, &partners, week),
            healing: HealingPart {
                notes: notes(journal, progress, week),
                trend: describe_week(
                    &partners
                        .iter()
                        .flat_map(|&p| progress.healing(p, week).trends())
                        .collect::<Vec<_>>(),
                ),
            },
            hard_moments: hard_moments(journal, progress, week),
            looking_ahead: looking_ahead(journal, progress, week),
            talk: talk(journal, week),
        }
    }
}

fn glance(journal: &Journal, progress: &Progress, partner: PartnerId, week: Week) -> Glance {
    let healing = progress.healing(partner, week);
    let ratings = RatingName::ALL
        .into_iter()
        .map(|rating| {
            let trend = healing.trend(rating);
            let means: Vec<Option<f64>> = progress
                .weekly_means(partner, rating, week, SPARKLINE_WEEKS)
                .iter()
                .map(|m| m.mean)
                .collect();
            RatingLine {
                rating: rating.as_str(),
                this_week: trend.this_week,
                last_four_weeks: trend.last_four_weeks,
                change: trend.change(),
                in_words: trend.change_in_words(),
                sparkline: sparkline(means.iter().copied()),
                last_eight_weeks: means,
            }
        })
        .collect();
    Glance {
        partner: words(journal.name_of(partner)),
        evenings_checked_in: progress.evenings_checked_in(partner, week),
        evenings_written: progress.communication(partner, week).evenings_written,
        ratings,
    }
}

fn partner_reciprocity(
    journal: &Journal,
    progress: &Progress,
    partner: PartnerId,
    week: Week,
) -> PartnerReciprocity {
    let figures = progress.reciprocity(partner, week);
    let promises = progress
        .promises_in(week)
        .iter()
        .filter(|w| w.by == partner)
        .filter_map(|w| {
            let promise = w.promise.get(journal)?;
            Some(PromiseLine {
                text: words(&promise.text),
                made: promise.made,
                made_this_week: w.made_this_week,
                due: promise.due,
                status: w.status,
                noticed: w.noticed,
            })
        })
        .collect();
    let mut kind_acts: Vec<KindActLine> = progress
        .kind_acts_in(week)
        .iter()
        .filter(|k| k.by == partner)
        .filter_map(|k| {
            Some(KindActLine {
                day: k.day,
                text: words(&k.act.get(journal)?.text),
                noticed: k.noticed,
            })
        })
        .collect();
    kind_acts.sort_by_key(|k| k.day);
    PartnerReciprocity {
        partner: words(journal.name_of(partner)),
        figures,
        promises,
        kind_acts,
    }
}

fn communication(
    journal: &Journal,
    progress: &Progress,
    partners: &[PartnerId],
    week: Week,
) -> Vec<PartnerEntries> {
    let evenings = progress.shared_evenings(week);
    partners
        .iter()
        .enumerate()
        .map(|(slot, &partner)| PartnerEntries {
            partner: words(journal.name_of(partner)),
            waiting_to_open: progress.communication(partner, week).waiting_to_open,
            other: (partners.iter())
                .find(|p| **p != partner)
                .map_or_else(String::new, |other| words(journal.name_of(*other))),
            evenings: evenings
                .iter()
                .filter_map(|evening| {
                    let entries: Vec<EntryLine> = evening.by_partner[slot]
                        .iter()
                        .filter_map(|r| r.get(journal))
                        .map(|e| EntryLine {
                            stage: e.stage,
                            prompt: e.prompt.as_deref().map(words),
                            text: words(&e.text),
                        })
                        .collect();
                    (!entries.is_empty()).then_some(EveningEntries {
                        day: evening.day,
                        entries,
                    })
                })
                .collect(),
        })
        .collect()
}

/// The week's shared check-in notes, by evening, in the partners' order within an evening.
/// A private note is left out: the summary is read by both.
fn notes(journal: &Journal, progress: &Progress, week: Week) -> Vec<NoteLine> {
    let slot = |id: PartnerId| progress.partners().iter().position(|p| *p == id);
    let mut notes: Vec<(NaiveDate, usize, NoteLine)> = journal
        .live_checkins()
        .filter(|c| week.contains(c.day))
        .filter_map(|c| {
            let note = c.shared_note()?;
            Some((
                c.day,
                slot(c.meta.author)?,
                NoteLine {
                    day: c.day,
                    partner: words(journal.name_of(c.meta.author)),
                    note: words(note),
                },
            ))
        })
        .collect();
    notes.sort_by_key(|(day, slot, _)| (*day, *slot));
    notes.into_iter().map(|(_, _, line)| line).collect()
}

fn looking_ahead(journal: &Journal, progress: &Progress, week: Week) -> LookingAhead {
    let next = week.next();
    let promises_due = progress
        .open_promises_due(next, week.end())
        .iter()
        .filter_map(|r| r.get(journal))
        .filter_map(|p| {
            Some(DueLine {
                by: words(journal.name_of(p.by())),
                to: words(journal.name_of(p.to)),
                text: words(&p.text),
                due: p.due?,
            })
        })
        .collect();
    let what_would_help = progress
        .shared_evenings(week)
        .iter()
        .flat_map(|evening| evening.by_partner.iter().flatten())
        .filter_map(|r| r.get(journal))
        .filter(|e| e.prompt_id.as_deref() == Some(WHAT_WOULD_HELP_PROMPT))
        .map(|e| HelpLine {
            partner: words(journal.name_of(e.meta.author)),
            day: e.day,
            text: words(&e.text),
        })
        .collect();
    LookingAhead {
        next_week: WeekSpan::of(next),
        promises_due,
        what_would_help,
    }
}

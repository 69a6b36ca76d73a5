//! The prompt library (built in, plus the couple's own) and the pick for tonight.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

use crate::journal::{Journal, PartnerId, Role, Stage};

/// The built-in prompts, compiled into the binary.
pub const BUILT_IN: &str = include_str!("../assets/prompts.json");

/// How long a prompt a partner answered rests before it is offered to them again.
pub const REST_DAYS: i64 = 30;

/// Who a prompt is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Suits {
    Anyone,
    Hurt,
    Repairing,
}

impl Suits {
    /// Whether a partner with this role (or none given) should be offered the prompt.
    pub fn fits(self, role: Option<Role>) -> bool {
        matches!(
            (self, role),
            (Suits::Anyone, _)
                | (_, Some(Role::Both))
                | (Suits::Hurt, Some(Role::Hurt))
                | (Suits::Repairing, Some(Role::Repairing))
        )
    }
}

/// One guided prompt.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Prompt {
    pub id: String,
    pub stage: Stage,
    pub suits: Suits,
    pub text: String,
    /// What must be behind the partner before the prompt can be answered at all.
    #[serde(default)]
    pub needs: Needs,
}

/// How much history a prompt needs: one that asks about a trend is not offered before
/// there is one to look at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Needs {
    /// Weeks since the journal's first evening.
    #[serde(default)]
    pub weeks_of_journal: u32,
    /// Weeks since this partner's first check-in.
    #[serde(default)]
    pub weeks_of_checkins: u32,
}

impl Needs {
    /// Whether `partner`'s history in `journal` on the evening `today` is long enough.
    pub fn met(self, journal: &Journal, partner: PartnerId, today: NaiveDate) -> bool {
        let weeks_since = |day: NaiveDate| (today - day).num_days() / 7;
        let journal_ok = weeks_since(journal.started) >= i64::from(self.weeks_of_journal);
        let checkins_ok = self.weeks_of_checkins == 0
            || journal
                .live_checkins()
                .filter(|c| c.meta.author == partner)
                .map(|c| c.day)
                .min()
                .is_some_and(|first| weeks_since(first) >= i64::from(self.weeks_of_checkins));
        journal_ok && checkins_ok
    }
}

#[derive(Deserialize)]
struct PromptFile {
    #[serde(default)]
    stages: BTreeMap<Stage, String>,
    prompts: Vec<Prompt>,
}

/// Every prompt mend can offer, and each stage's one-line purpose.
#[derive(Debug, Clone)]
pub struct PromptLibrary {
    prompts: Vec<Prompt>,
    purposes: BTreeMap<Stage, String>,
}

/// Tonight's prompt for one partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick<'a> {
    pub prompt: &'a Prompt,
    pub stage: Stage,
}

impl PromptLibrary {
    /// The built-in library.
    pub fn built_in() -> PromptLibrary {
        let file: PromptFile = match serde_json::from_str(BUILT_IN) {
            Ok(file) => file,
            // The built-in file is tested; an empty library is the safe fallback.
            Err(_) => PromptFile {
                stages: BTreeMap::new(),
                prompts: Vec::new(),
            },
        };
        PromptLibrary {
            prompts: file.prompts,
            purposes: file.stages,
        }
    }

    /// Adds the couple's own prompts from the text of their prompts file.
    /// On a mistake, nothing is added and the message names the line and column.
    pub fn add_own(&mut self, text: &str, source: &str) -> Result<usize, String> {
        let file: PromptFile = serde_json::from_str(text).map_err(|err| {
            format!(
                "Your prompts file {source} has a mistake at line {}, column {} ({}); using the built-in prompts only.",
                err.line(),
                err.column(),
                err.to_string()
                    .rsplit_once(" at line ")
                    .map_or(err.to_string(), |(m, _)| m.to_owned())
            )
        })?;
        let known: HashSet<String> = self.prompts.iter().map(|p| p.id.clone()).collect();
        let added: Vec<Prompt> = file
            .prompts
            .into_iter()
            .filter(|p| !p.text.trim().is_empty() && !known.contains(&p.id))
            .collect();
        let count = added.len();
        self.prompts.extend(added);
        Ok(count)
    }

    pub fn prompts(&self) -> &[Prompt] {
        &self.prompts
    }

    pub fn get(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// The stage's purpose in one line.
    pub fn purpose(&self, stage: Stage) -> &str {
        self.purposes.get(&stage).map_or("", String::as_str)
    }

    /// The stage mend suggests tonight: the one this partner has given the least time to
    /// lately, with ties broken by a rotation through the days. Tonight's own writing does
    /// not change it, so the suggestion holds all evening.
    pub fn suggested_stage(journal: &Journal, partner: PartnerId, today: NaiveDate) -> Stage {
        let since = today - Duration::days(14);
        let mut counts: BTreeMap<Stage, usize> = Stage::ALL.iter().map(|s| (*s, 0)).collect();
        for entry in journal.live_entries() {
            if entry.meta.author == partner && entry.day >= since && entry.day < today {
                *counts.entry(entry.stage).or_default() += 1;
            }
        }
        let rotation = usize::try_from(today.num_days_from_ce().rem_euclid(3)).unwrap_or(0);
        let rotated = |stage: Stage| {
            let index = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
            (index + 3 - rotation) % 3
        };
        Stage::ALL
            .into_iter()
            .min_by_key(|stage| (counts[stage], rotated(*stage)))
            .unwrap_or(Stage::Communication)
    }

    /// Tonight's prompt in `stage` for a partner: the same all evening, suited to their role
    /// and to how much history they have, and not one they answered in the last 30 days
    /// (unless every one was). `another` steps
    /// to the next choice when the partner asks for a different prompt.
    pub fn pick(
        &self,
        journal: &Journal,
        partner: PartnerId,
        today: NaiveDate,
        stage: Stage,
        another: usize,
    ) -> Option<Pick<'_>> {
        let role = journal.partner(partner).and_then(|p| p.role);
        let since = today - Duration::days(REST_DAYS);
        let answered: HashSet<&str> = journal
            .live_entries()
            .filter(|e| e.meta.author == partner && e.day >= since && e.day < today)
            .filter_map(|e| e.prompt_id.as_deref())
            .collect();
        let suited: Vec<&Prompt> = self
            .prompts
            .iter()
            .filter(|p| {
                p.stage == stage && p.suits.fits(role) && p.needs.met(journal, partner, today)
            })
            .collect();
        let fresh: Vec<&Prompt> = suited
            .iter()
            .copied()
            .filter(|p| !answered.contains(p.id.as_str()))
            .collect();
        let choices = if fresh.is_empty() { suited } else { fresh };
        if choices.is_empty() {
            return None;
        }
        let seed = seed(partner, today, stage);
        let index = (seed as usize).wrapping_add(another) % choices.len();
        Some(Pick {
            prompt: choices[index],
            stage,
        })
    }
}

/// A stable number from the partner, the evening and the stage.
fn seed(partner: PartnerId, day: NaiveDate, stage: Stage) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(partner.0.as_bytes());
    feed(&day.num_days_from_ce().to_le_bytes());
    feed(stage.as_str().as_bytes());
    hash
}

#[cfg(test)]
mod tests;

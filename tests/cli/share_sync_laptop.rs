//! One laptop of the simulated pair, saving through the store the CLI and the TUI use, and
//! the ledger of every record a save said was saved, checked against a journal at the end.

use anyhow::anyhow;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mend::journal::{
    Checkin, Journal, NewCheckin, NewEntry, NewPromise, PartnerId, PromiseAction, Rating, RecordId,
    Stage, Visibility,
};
use mend::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::kit::Mend;

/// What one laptop saves at one step of a schedule.
#[derive(Debug, Clone, Copy)]
pub(crate) enum What {
    Entry,
    CheckIn(u8),
    Promise,
    /// The `.0`th open promise of the partner writing, kept or broken.
    Keep(usize),
    Break(usize),
    /// The `.0`th kept promise made to the partner writing, noticed.
    Notice(usize),
}

pub(crate) struct Laptop {
    pub mend: Mend,
    pub folder: PathBuf,
    /// The app, left open for the whole schedule, or `None`: each save opens the store anew,
    /// as a `mend` command does.
    pub open: Option<Store>,
    /// Seconds this laptop's clock is ahead of the other's (or behind, if negative).
    pub skew: i64,
}

/// The evening every step happens on.
pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

impl Laptop {
    pub fn new(mend: Mend, folder: PathBuf, keep_open: bool, skew: i64) -> Laptop {
        let mut laptop = Laptop {
            mend,
            folder,
            open: None,
            skew,
        };
        if keep_open {
            let mut store = laptop.store();
            store.load().expect("the app opens");
            laptop.open = Some(store);
        }
        laptop
    }

    /// The store on the shared folder, as `mend` opens it from its config.
    pub fn store(&self) -> Store {
        Store::with_backups(&self.folder, &self.mend.backups_root(), Utc::now)
    }

    /// The time on this laptop at step `step` of the schedule.
    pub fn now(&self, step: usize) -> DateTime<Utc> {
        let seconds = i64::try_from(step).unwrap() * 20 + self.skew;
        Utc.with_ymd_and_hms(2026, 11, 25, 21, 30, 0).unwrap() + chrono::Duration::seconds(seconds)
    }

    /// The open app looks at the folder, as it does once a second.
    pub fn look(&mut self) {
        if let Some(store) = &mut self.open {
            store.look_for_changes();
        }
    }

    /// Saves `what` written by `who` with these words; the journal as saved, if it was.
    pub fn save(
        &mut self,
        who: PartnerId,
        what: What,
        words: &str,
        now: DateTime<Utc>,
    ) -> Option<Arc<Journal>> {
        let mut fresh;
        let store = match &mut self.open {
            Some(store) => store,
            None => {
                fresh = self.store();
                fresh.load().expect("loads");
                &mut fresh
            }
        };
        let saved = store.update(|j| change(j, who, what, words, now));
        store.take_notices();
        saved.ok().map(|()| store.shared().expect("a journal"))
    }
}

fn change(
    j: &mut Journal,
    who: PartnerId,
    what: What,
    words: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let other = j.other_partner(who).expect("two partners").id;
    let words = words.to_owned();
    match what {
        What::Entry => {
            let new = NewEntry {
                author: who,
                day: today(),
                stage: Stage::Communication,
                prompt_id: None,
                prompt: None,
                text: words,
                visibility: Visibility::Shared,
            };
            j.add_entry(new, now, today())?;
        }
        What::CheckIn(rating) => {
            let rating = Rating::saturating(rating);
            let new = NewCheckin {
                author: who,
                day: today(),
                safety: rating,
                trust: rating,
                connection: rating,
                note: Some(words),
                note_visibility: Visibility::Shared,
            };
            j.upsert_checkin(new, now, today())?;
        }
        What::Promise => {
            let new = NewPromise {
                by: who,
                to: other,
                text: words,
                made: today(),
                due: None,
                size: None,
            };
            j.add_promise(new, now, today())?;
        }
        What::Keep(pick) | What::Break(pick) => {
            let open: Vec<RecordId> = j
                .live_promises()
                .filter(|p| p.meta.author == who && p.status.is_open())
                .map(|p| p.meta.id)
                .collect();
            let id = *open
                .get(pick % open.len().max(1))
                .ok_or_else(|| anyhow!("none open"))?;
            let action = if matches!(what, What::Keep(_)) {
                PromiseAction::Keep
            } else {
                PromiseAction::Break
            };
            j.change_promise(id, who, action, Some(words), now, today())?;
        }
        What::Notice(pick) => {
            let kept: Vec<RecordId> = j
                .live_promises()
                .filter(|p| p.to == who && p.check_can_acknowledge(who).is_ok())
                .map(|p| p.meta.id)
                .collect();
            let id = *kept
                .get(pick % kept.len().max(1))
                .ok_or_else(|| anyhow!("none kept"))?;
            j.acknowledge_promise(id, who, Some(words), now)?;
        }
    }
    Ok(())
}

/// Every record a save said was saved, as it was saved.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    entries: BTreeMap<RecordId, String>,
    /// Every version of every check-in saved, by partner and evening.
    checkins: BTreeMap<(PartnerId, NaiveDate), Vec<Checkin>>,
    /// Each promise and the notes of the steps saved on it.
    promises: BTreeMap<RecordId, BTreeSet<String>>,
    noticed: BTreeSet<RecordId>,
    pub saves: usize,
}

impl Ledger {
    /// Notes what the save of `words` put in `journal`; false if it holds nothing with them
    /// (a save said done that saved nothing).
    pub fn saved(&mut self, journal: &Journal, words: &str) -> bool {
        self.saves += 1;
        let mut found = false;
        for e in journal.entries.iter().filter(|e| e.text == words) {
            self.entries.insert(e.meta.id, words.to_owned());
            found = true;
        }
        for c in journal
            .checkins
            .iter()
            .filter(|c| c.note.as_deref() == Some(words))
        {
            self.checkins
                .entry((c.meta.author, c.day))
                .or_default()
                .push(c.clone());
            found = true;
        }
        for p in &journal.promises {
            if p.text == words {
                self.promises.entry(p.meta.id).or_default();
                found = true;
            }
            if p.history.iter().any(|s| s.note.as_deref() == Some(words)) {
                self.promises
                    .entry(p.meta.id)
                    .or_default()
                    .insert(words.to_owned());
                found = true;
            }
            if p.acknowledged
                .as_ref()
                .is_some_and(|a| a.note.as_deref() == Some(words))
            {
                self.noticed.insert(p.meta.id);
                found = true;
            }
        }
        found
    }

    /// Where `journal` lacks something saved, in words for the failure message.
    pub fn missing_from(&self, journal: &Journal) -> Vec<String> {
        let mut missing = Vec::new();
        for (id, text) in &self.entries {
            if !journal
                .live_entries()
                .any(|e| e.meta.id == *id && e.text == *text)
            {
                missing.push(format!("entry {text:?}"));
            }
        }
        for (key, versions) in &self.checkins {
            for v in versions {
                if !journal.checkins.iter().any(|c| c.meta.id == v.meta.id) {
                    missing.push(format!("check-in {:?}", v.note));
                }
            }
            let newest = versions
                .iter()
                .max_by(|x, y| x.meta.clock.cmp(&y.meta.clock))
                .unwrap();
            let live = journal.checkin_for(key.0, key.1);
            let same = live.is_some_and(|c| c.meta.id == newest.meta.id && c.note == newest.note);
            if !same {
                missing.push(format!(
                    "the newest check-in {:?}, showing {:?}",
                    newest.note,
                    live.map(|c| &c.note)
                ));
            }
        }
        for (id, notes) in &self.promises {
            let Some(p) = journal.promises.iter().find(|p| p.meta.id == *id) else {
                missing.push(format!("promise {id}"));
                continue;
            };
            for note in notes {
                if !p.history.iter().any(|s| s.note.as_deref() == Some(note)) {
                    missing.push(format!("promise step {note:?}"));
                }
            }
            if self.noticed.contains(id) && p.acknowledged.is_none() {
                missing.push(format!("the notice of promise {:?}", p.text));
            }
        }
        missing
    }
}

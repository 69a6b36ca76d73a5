//! The TUI never panics at any size, on any keys or on a resize, and never loses or changes a
//! saved record behind the user's back.

use crate::harness as tui_support;

use mend::journal::Change;
use mend::journal::{PromiseStatus, Rating, RecordId};
use mend::tui::app::{Popup, Screen};
use mend::tui::effects::{Effect, Event};
use mend::tui::popups::confirm::{Confirm, Question};
use serde_json::Value;
use std::collections::BTreeMap;
use tui_support::{Harness, lived_in_journal, parse_keys};

/// Key sequences that visit every screen and overlay.
const TOURS: &[&str] = &[
    "",
    "<Enter>",
    "<Enter>w some words",
    "<Enter>c",
    "<Enter>c<PgUp><PgUp>",
    ",",
    ",<C-u>sam<Enter>",
    ",<Down><Down><Down><Down><Down><Down>",
    "<Enter>j",
    "<Enter>j<Enter>",
    "<Enter>?",
    "<Enter>wtext<Esc>",
    "<Down><Down><Enter>",
    "<Down><Down><Enter>2",
    "<Down><Down><Enter>3",
    "<Down><Down><Enter>4<Left>",
    "<Down><Down><Enter>5",
    "<Enter>o",
    "<Enter>o<Tab>",
    "<Enter>on",
    "<Enter>onwords<Tab><Right><Right><Right><Right>",
    "<Enter>ok",
    "<Enter>or",
    "<Enter>o<End><Enter>",
    "<Enter>o<Tab>n",
];

#[test]
fn every_screen_draws_at_every_size_from_1x1_to_120x40() {
    for tour in TOURS {
        let mut h = Harness::new(Some(lived_in_journal()));
        h.keys(tour);
        for width in 1..=120 {
            for height in 1..=40 {
                h.render(width, height);
            }
        }
    }
    let setup = Harness::new(None);
    for width in 1..=120 {
        for height in 1..=40 {
            setup.render(width, height);
        }
    }
}

/// Single keys, pressed at random between the longer actions. Quitting keys are rare: a
/// sequence that quits is opened again on the same journal and drafts, as a person would.
const KEYS: &[&str] = &[
    "<Enter>", "<Esc>", "<Tab>", "<Up>", "<Down>", "<Left>", "<Right>", "<BS>", "<C-s>", "<C-t>",
    "<C-e>", "w", "c", "j", "s", "n", "p", "y", "d", "u", "e", "f", "r", "?", "1", "0", "7", "a",
    " ", "é", "日", "o", "k", "b", "x", "<Home>", "<End>", "2", "3", "\t",
];
const QUIT_KEYS: &[&str] = &["q", "<C-c>", "<C-q>"];
const WORDS: &[&str] = &[
    "tonight", "we", "talked", "slowly", "merci", "ça", "va", "日本", "walk", "tea", "late",
    "sorry", "kept", "again", "🌱", "listened",
];

/// What one step of a sequence does.
#[derive(Debug, Clone)]
enum Step {
    Key(&'static str),
    /// Write an entry as the partner in `slot` and save it with Ctrl-S.
    Write {
        slot: u8,
        text: String,
        private: bool,
    },
    /// Check in as the partner in `slot` with these values and note.
    Checkin {
        slot: u8,
        values: [u8; 3],
        note: String,
    },
    /// Make a promise to the other partner, `due` quick choices to the right.
    Promise {
        slot: u8,
        text: String,
        due: u8,
    },
    /// Open the promises screen and press a few keys there (keep, not kept, renegotiate…).
    Promises {
        slot: u8,
        keys: Vec<&'static str>,
    },
    /// Open the journal and press a few keys there (read, edit, delete, undo…).
    Journal {
        slot: u8,
        keys: Vec<&'static str>,
    },
}

fn words(rng: &mut fastrand::Rng, most: usize) -> String {
    let n = rng.usize(1..=most);
    (0..n)
        .map(|_| WORDS[rng.usize(..WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn step(rng: &mut fastrand::Rng) -> Step {
    let slot = rng.u8(0..2);
    match rng.u32(0..100) {
        0..=24 => Step::Key(KEYS[rng.usize(..KEYS.len())]),
        25 => Step::Key(QUIT_KEYS[rng.usize(..QUIT_KEYS.len())]),
        26..=45 => Step::Write {
            slot,
            text: words(rng, 12),
            private: rng.bool(),
        },
        46..=60 => Step::Checkin {
            slot,
            values: [rng.u8(0..=10), rng.u8(0..=10), rng.u8(0..=10)],
            note: if rng.bool() {
                words(rng, 6)
            } else {
                String::new()
            },
        },
        61..=75 => Step::Promise {
            slot,
            text: words(rng, 5),
            due: rng.u8(0..4),
        },
        76..=88 => Step::Promises {
            slot,
            keys: (0..rng.usize(1..6))
                .map(|_| {
                    [
                        "<Down>", "<Up>", "k", "x", "r", "b", "a", "<Enter>", "<Tab>", "y",
                        "<End>", "<Right>", "later",
                    ][rng.usize(..13)]
                })
                .collect(),
        },
        _ => Step::Journal {
            slot,
            keys: (0..rng.usize(1..6))
                .map(|_| {
                    [
                        "<Down>", "<Enter>", "e", "d", "y", "u", "f", "s", "<Esc>", " more",
                        "<C-s>",
                    ][rng.usize(..11)]
                })
                .collect(),
        },
    }
}

/// A record as compared: everything but the bookkeeping a save updates on every change.
fn comparable(record: &impl serde::Serialize) -> serde_json::Value {
    let mut value = serde_json::to_value(record).expect("a record serializes");
    if let Some(fields) = value.as_object_mut() {
        for bookkeeping in ["updated", "rev", "clock", "hlc"] {
            fields.remove(bookkeeping);
        }
    }
    value
}

/// Every record on "disk", by kind and id.
fn records(journal: &mend::journal::Journal) -> BTreeMap<(&'static str, RecordId), Value> {
    let mut all = BTreeMap::new();
    for e in &journal.entries {
        all.insert(("entry", e.meta.id), comparable(e));
    }
    for c in &journal.checkins {
        all.insert(("check-in", c.meta.id), comparable(c));
    }
    for p in &journal.promises {
        all.insert(("promise", p.meta.id), comparable(p));
    }
    for k in &journal.kind_acts {
        all.insert(("kind act", k.meta.id), comparable(k));
    }
    all
}

/// A running app over the harness, with every change the screens asked for written down.
struct Session {
    h: Harness,
    size: (u16, u16),
    /// The changes asked for since the last check.
    asked: Vec<Change>,
    log: Vec<String>,
}

impl Session {
    fn press(&mut self, keys: &str) {
        for key in parse_keys(keys) {
            if !self.h.app.running {
                self.reopen();
            }
            let effects = self.h.app.update(Event::Key(key));
            self.asked.extend(effects.iter().filter_map(|e| match e {
                Effect::Apply(change) => Some(change.clone()),
                _ => None,
            }));
            self.h.run(effects);
        }
        self.h.render(self.size.0, self.size.1);
    }

    /// Starts mend again on the journal and drafts as they are on "disk".
    fn reopen(&mut self) {
        let mut again = Harness::new(self.h.saved.clone());
        again.drafts = self.h.drafts.clone();
        again.app.drafts = self.h.drafts.clone();
        self.h = again;
        self.log.push("(opened again)".to_owned());
    }

    /// Brings the app to the home screen of the partner in `slot`, with keys only.
    fn home_of(&mut self, slot: u8) {
        let partner = self.h.saved.as_ref().unwrap().partners[usize::from(slot)].id;
        for _ in 0..12 {
            if !self.h.app.running {
                self.reopen();
            }
            let key = match (self.h.app.popup(), &self.h.app.screen) {
                (
                    Some(Popup::Confirm(Confirm {
                        question: Question::LeaveWriting,
                    })),
                    _,
                ) => "y",
                (
                    Some(Popup::Confirm(Confirm {
                        question: Question::Quit,
                    })),
                    _,
                ) => "n",
                (Some(_), _) => "<Esc>",
                (None, Screen::Who { .. }) => {
                    if slot == 0 {
                        "1<Enter>"
                    } else {
                        "2<Enter>"
                    }
                }
                (None, Screen::Home(_)) if self.h.app.partner == Some(partner) => return,
                (None, Screen::Home(_)) => "p",
                (None, _) => "<Esc>",
            };
            self.press(key);
        }
        panic!("could not get home; log: {:?}", self.log);
    }

    /// Checks every record on disk against the last look: none lost, and none changed unless
    /// one of the changes asked for names it; then takes the new look.
    fn check(&mut self, before: &BTreeMap<(&'static str, RecordId), Value>) {
        let journal = self.h.saved.clone().expect("a journal on disk");
        let after = records(&journal);
        for (key, old) in before {
            let new = after
                .get(key)
                .unwrap_or_else(|| panic!("{key:?} was lost; log: {:?}", self.log));
            if new == old {
                continue;
            }
            let (kind, id) = *key;
            let explained = self.asked.iter().any(|change| match change {
                Change::EditEntry(mend::journal::EntryEdit {
                    id: target,
                    text,
                    visibility,
                    ..
                }) => {
                    *target == id
                        // Text is kept as written, less trailing white space.
                        && new["text"] == text.trim_end()
                        && new["visibility"] == serde_json::to_value(visibility).unwrap()
                }
                Change::SetEntryDeleted {
                    id: target,
                    deleted,
                    ..
                } => *target == id && new["deleted"].as_bool().unwrap_or(false) == *deleted,
                Change::RestoreEntry {
                    id: target, text, ..
                } => {
                    *target == id
                        && new["deleted"].as_bool() == Some(false)
                        && new["text"] == text.as_str()
                }
                Change::Checkin { checkin: c, .. } => {
                    kind == "check-in"
                        && new["author"] == c.author.to_string()
                        && new["day"] == c.day.to_string()
                        && new["safety"] == serde_json::to_value(c.safety).unwrap()
                        && new["trust"] == serde_json::to_value(c.trust).unwrap()
                        && new["connection"] == serde_json::to_value(c.connection).unwrap()
                }
                Change::ChangePromise {
                    id: target, action, ..
                } => {
                    *target == id && new["status"] == serde_json::to_value(action.status()).unwrap()
                }
                Change::AcknowledgePromise { id: target, .. }
                | Change::AcknowledgeKindAct { id: target, .. } => *target == id,
                _ => false,
            });
            assert!(
                explained,
                "{kind} {id} changed without being asked:\nwas {old:#}\nnow {new:#}\nasked {:?}\nlog: {:?}",
                self.asked, self.log
            );
        }
        self.asked.clear();
    }
}

/// How far the sequences got, for the report.
#[derive(Debug, Default)]
struct Reach {
    sequences: usize,
    saved_an_entry: usize,
    made_a_promise: usize,
    checked_in: usize,
    closed_a_promise: usize,
    reopened: usize,
}

/// Runs one sequence from `seed`; returns what it reached.
fn run_sequence(seed: u64, reach: &mut Reach) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut s = Session {
        h: Harness::new(Some(lived_in_journal())),
        size: (rng.u16(1..130), rng.u16(1..45)),
        asked: Vec::new(),
        log: Vec::new(),
    };
    let start = records(s.h.saved.as_ref().unwrap());
    let mut last = start.clone();
    for _ in 0..rng.usize(1..120) {
        if rng.u8(0..5) == 0 {
            s.size = (rng.u16(1..130), rng.u16(1..45));
        }
        let step = step(&mut rng);
        s.log.push(format!("{step:?} at {:?}", s.size));
        match step.clone() {
            Step::Key(key) => s.press(key),
            Step::Write {
                slot,
                text,
                private,
            } => {
                s.home_of(slot);
                s.press("w");
                if matches!(s.h.app.popup(), Some(Popup::RestoreDraft(_))) {
                    s.press("r");
                }
                s.press(&text);
                if private {
                    s.press("<C-t>");
                }
                let Screen::Write(write) = &s.h.app.screen else {
                    panic!("not writing; log: {:?}", s.log);
                };
                let on_screen = (write.text(), write.visibility, write.day, write.editing);
                let partner = s.h.app.partner;
                s.press("<C-s>");
                // What was on screen when Ctrl-S was pressed is what is on disk.
                let journal = s.h.saved.clone().unwrap();
                let (text, visibility, day, editing) = on_screen;
                let saved = journal.entries.iter().any(|e| {
                    e.text == text.trim_end()
                        && e.visibility == visibility
                        && e.day == day
                        && Some(e.meta.author) == partner
                        && editing.is_none_or(|id| id == e.meta.id)
                        && !e.meta.deleted
                });
                assert!(
                    saved,
                    "the text on screen is not on disk: {text:?}; log: {:?}",
                    s.log
                );
            }
            Step::Checkin { slot, values, note } => {
                s.home_of(slot);
                s.press("c");
                for value in values {
                    s.press(&format!("{value}<Down>"));
                }
                // Clear a note kept from earlier tonight, then type this one.
                if let Screen::Checkin(form) = &s.h.app.screen {
                    s.press(&"<BS>".repeat(form.note.chars().count()));
                }
                s.press(&note);
                let partner = s.h.app.partner.unwrap();
                s.press("<Enter>");
                let journal = s.h.saved.clone().unwrap();
                let today = journal.clock().evening_of(s.h.app.now.naive_local());
                let checkin = journal
                    .checkins
                    .iter()
                    .find(|c| c.meta.author == partner && c.day == today && !c.meta.deleted)
                    .unwrap_or_else(|| panic!("no check-in on disk; log: {:?}", s.log));
                let shown = serde_json::to_value(values.map(Rating::saturating)).unwrap();
                let saved =
                    serde_json::to_value([checkin.safety, checkin.trust, checkin.connection])
                        .unwrap();
                assert_eq!(saved, shown, "log: {:?}", s.log);
                assert_eq!(
                    checkin.note.as_deref().unwrap_or(""),
                    note.trim(),
                    "log: {:?}",
                    s.log
                );
            }
            Step::Promise { slot, text, due } => {
                s.home_of(slot);
                s.press("on");
                s.press(&text);
                s.press("<Tab>");
                s.press(&"<Right>".repeat(usize::from(due)));
                let partner = s.h.app.partner.unwrap();
                let before: Vec<RecordId> =
                    s.h.saved
                        .as_ref()
                        .unwrap()
                        .promises
                        .iter()
                        .map(|p| p.meta.id)
                        .collect();
                s.press("<Enter>");
                let journal = s.h.saved.clone().unwrap();
                let made: Vec<_> = journal
                    .promises
                    .iter()
                    .filter(|p| !before.contains(&p.meta.id))
                    .collect();
                assert!(
                    made.iter().any(|p| p.text == text
                        && p.meta.author == partner
                        && p.to != partner
                        && p.status == PromiseStatus::Open),
                    "the promise typed is not on disk: {made:?}; log: {:?}",
                    s.log
                );
            }
            Step::Promises { slot, keys } => {
                s.home_of(slot);
                s.press("o");
                for key in keys {
                    s.press(key);
                }
            }
            Step::Journal { slot, keys } => {
                s.home_of(slot);
                s.press("j");
                for key in keys {
                    s.press(key);
                }
            }
        }
        s.check(&last);
        last = records(s.h.saved.as_ref().unwrap());
    }
    let journal = s.h.saved.as_ref().unwrap();
    let new = |kind: &str| {
        last.keys()
            .filter(|(k, id)| *k == kind && !start.contains_key(&(*k, *id)))
            .count()
    };
    reach.sequences += 1;
    reach.saved_an_entry += usize::from(new("entry") > 0);
    reach.made_a_promise += usize::from(new("promise") > 0);
    reach.checked_in += usize::from(new("check-in") > 0);
    reach.closed_a_promise += usize::from(
        journal
            .promises
            .iter()
            .any(|p| !p.status.is_open() && !start.contains_key(&("promise", p.meta.id))),
    );
    reach.reopened += usize::from(s.log.iter().any(|l| l == "(opened again)"));
}

/// Random sequences that go deep: most steps write, check in or make and close promises, the
/// window is resized between keys, quitting opens mend again, and after every step each
/// record on disk is compared whole with the one before (nothing lost, nothing changed that
/// was not asked for) and what was on screen at a save with what was saved.
#[test]
fn random_sequences_write_promise_and_check_in_and_lose_nothing() {
    let cases: u64 = std::env::var("MEND_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128);
    let mut reach = Reach::default();
    for seed in 0..cases {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_sequence(seed, &mut reach)
        }));
        if let Err(panic) = result {
            eprintln!("sequence with seed {seed} failed");
            std::panic::resume_unwind(panic);
        }
    }
    eprintln!("TUI fuzz reach: {reach:?}");
    let most = reach.sequences * 3 / 4;
    assert!(reach.saved_an_entry >= most, "{reach:?}");
    assert!(reach.made_a_promise >= most, "{reach:?}");
    assert!(reach.checked_in >= most, "{reach:?}");
}

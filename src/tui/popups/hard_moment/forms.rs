//! The three things to do in a hard moment: ask for a pause, note the moment, say how one went.

use chrono::{DateTime, Duration, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::journal::{
    Change, HardMoment, MOST_MOMENT_CHARS, MOST_PAUSE_NOTE_CHARS, MomentOutcome, PartnerId,
    PlanItem, Visibility, parse_clock_time, pause_ends,
};
use crate::tui::widgets::line_input::LineInput;

/// What a key did: nothing more, close (a form goes back; the popup closes), or save a change.
#[derive(Debug, Clone, PartialEq)]
pub enum MomentKey {
    Stay,
    Close,
    Save(Change),
}

/// Asking for a pause: the time to come back (an hour from now unless changed) and a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseForm {
    pub until: LineInput,
    pub note: LineInput,
    /// The note has the focus rather than the time.
    pub on_note: bool,
    /// Why the time typed cannot be used.
    pub error: Option<String>,
}

impl PauseForm {
    pub fn new(now: DateTime<FixedOffset>) -> PauseForm {
        let in_an_hour = (now + Duration::hours(1)).format("%H:%M").to_string();
        PauseForm {
            until: LineInput::with_text(5, &in_an_hour),
            note: LineInput::new(MOST_PAUSE_NOTE_CHARS),
            on_note: false,
            error: None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.focused().paste(text);
    }

    fn focused(&mut self) -> &mut LineInput {
        if self.on_note {
            &mut self.note
        } else {
            &mut self.until
        }
    }

    /// Whether the time typed has passed today, so the pause would hold until tomorrow.
    pub fn is_tomorrow(&self, now: DateTime<FixedOffset>) -> bool {
        parse_clock_time(self.until.text()).is_ok_and(|at| {
            let ends = pause_ends(now, at).with_timezone(now.offset());
            ends.date_naive() != now.date_naive()
        })
    }

    /// `None` while typing; a change to save on Enter; `Close` to go back.
    pub fn on_key(
        &mut self,
        key: KeyEvent,
        by: PartnerId,
        now: DateTime<FixedOffset>,
    ) -> Option<MomentKey> {
        self.error = None;
        match key.code {
            KeyCode::Esc => return Some(MomentKey::Close),
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down => {
                self.on_note = !self.on_note;
            }
            KeyCode::Enter => match parse_clock_time(self.until.text()) {
                Ok(at) => {
                    return Some(MomentKey::Save(Change::AskForPause {
                        by,
                        until: pause_ends(now, at),
                        note: self.note.answer(),
                    }));
                }
                Err(why) => self.error = Some(why.to_string()),
            },
            _ => {
                self.focused().on_key(key);
            }
        }
        None
    }
}

/// Noting the moment: a line or two, private unless shared, met with a plan item or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteForm {
    pub text: LineInput,
    pub shared: bool,
    /// Which of the partner's plan items it was met with, by its place in the plan.
    pub item: Option<usize>,
}

impl Default for NoteForm {
    fn default() -> NoteForm {
        NoteForm {
            text: LineInput::new(MOST_MOMENT_CHARS),
            shared: false,
            item: None,
        }
    }
}

impl NoteForm {
    pub fn paste(&mut self, text: &str) {
        self.text.paste(text);
    }

    pub fn visibility(&self) -> Visibility {
        if self.shared {
            Visibility::Shared
        } else {
            Visibility::Private
        }
    }

    /// `None` while typing; a change to save on Enter; `Close` to go back.
    pub fn on_key(
        &mut self,
        key: KeyEvent,
        by: PartnerId,
        items: &[&PlanItem],
    ) -> Option<MomentKey> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Some(MomentKey::Close),
            KeyCode::Char('t' | 'T') if ctrl => self.shared = !self.shared,
            KeyCode::Right | KeyCode::Down if !items.is_empty() => {
                self.item = match self.item {
                    None => Some(0),
                    Some(i) if i + 1 < items.len() => Some(i + 1),
                    Some(_) => None,
                };
            }
            KeyCode::Left | KeyCode::Up if !items.is_empty() => {
                self.item = match self.item {
                    None => Some(items.len() - 1),
                    Some(0) => None,
                    Some(i) => Some(i - 1),
                };
            }
            KeyCode::Enter => {
                return Some(MomentKey::Save(Change::AddHardMoment {
                    by,
                    text: self.text.text().to_owned(),
                    plan_item: self.item.and_then(|i| items.get(i)).map(|p| p.meta.id),
                    visibility: self.visibility(),
                }));
            }
            _ => {
                self.text.on_key(key);
            }
        }
        None
    }
}

/// Saying how an earlier moment went: which one is chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LookBack {
    pub row: usize,
}

/// The three answers, with their keys, in the order shown.
pub const OUTCOMES: [(char, MomentOutcome, &str); 3] = [
    ('1', MomentOutcome::Helped, "helped"),
    ('2', MomentOutcome::Partly, "partly"),
    ('3', MomentOutcome::NotThisTime, "not this time"),
];

impl LookBack {
    /// `None` while choosing; a change to save on 1, 2 or 3; `Close` to go back.
    pub fn on_key(
        &mut self,
        key: KeyEvent,
        by: PartnerId,
        moments: &[&HardMoment],
    ) -> Option<MomentKey> {
        if moments.is_empty() {
            return Some(MomentKey::Close);
        }
        self.row = self.row.min(moments.len() - 1);
        match key.code {
            KeyCode::Esc => return Some(MomentKey::Close),
            KeyCode::Up => self.row = (self.row + moments.len() - 1) % moments.len(),
            KeyCode::Down | KeyCode::Tab => self.row = (self.row + 1) % moments.len(),
            KeyCode::Char(c) => {
                let outcome = OUTCOMES.iter().find(|(k, _, _)| *k == c)?.1;
                return Some(MomentKey::Save(Change::SetMomentOutcome {
                    id: moments[self.row].meta.id,
                    by,
                    outcome,
                }));
            }
            _ => {}
        }
        None
    }
}

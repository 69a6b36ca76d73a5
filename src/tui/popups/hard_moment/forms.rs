//! The three things to do in a hard moment: ask for a pause, note the moment, say how one went.

use chrono::{DateTime, Duration, FixedOffset};
use ratatui::crossterm::event::KeyEvent;

use crate::journal::{
    Change, HardMoment, MOST_MOMENT_CHARS, MOST_PAUSE_NOTE_CHARS, PartnerId, PlanItem, Visibility,
    parse_clock_time, pause_ends,
};
use crate::tui::keys::hard_moment::{
    LOOK_BACK, LookBackKey, MomentNoteKey, PAUSE, PauseKey, note_table,
};
use crate::tui::keys::{Binding, command};
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
        match command(PAUSE, key, true) {
            Some(PauseKey::Back) => return Some(MomentKey::Close),
            Some(PauseKey::Switch) => self.on_note = !self.on_note,
            Some(PauseKey::Ask) => match parse_clock_time(self.until.text()) {
                Ok(at) => {
                    return Some(MomentKey::Save(Change::AskForPause {
                        by,
                        until: pause_ends(now, at),
                        note: self.note.answer(),
                    }));
                }
                Err(why) => self.error = Some(why.to_string()),
            },
            None => {
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
    /// The partner has a plan, so the arrows choose what the moment met; kept up to date on
    /// every key, so the keys listed are the keys that work.
    pub has_plan: bool,
}

impl NoteForm {
    pub fn new(has_plan: bool) -> NoteForm {
        NoteForm {
            text: LineInput::new(MOST_MOMENT_CHARS),
            shared: false,
            item: None,
            has_plan,
        }
    }

    /// The form's keys as things stand: which visibility Ctrl-T offers, and the plan's arrows.
    pub fn keys(&self) -> &'static [Binding<MomentNoteKey>] {
        note_table(self.shared, self.has_plan)
    }

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
        self.has_plan = !items.is_empty();
        match command(self.keys(), key, true) {
            Some(MomentNoteKey::Back) => return Some(MomentKey::Close),
            Some(MomentNoteKey::Share) => self.shared = !self.shared,
            Some(MomentNoteKey::ItemOn) => {
                self.item = match self.item {
                    None => Some(0),
                    Some(i) if i + 1 < items.len() => Some(i + 1),
                    Some(_) => None,
                };
            }
            Some(MomentNoteKey::ItemBack) => {
                self.item = match self.item {
                    None => Some(items.len() - 1),
                    Some(0) => None,
                    Some(i) => Some(i - 1),
                };
            }
            Some(MomentNoteKey::Save) => {
                return Some(MomentKey::Save(Change::AddHardMoment {
                    by,
                    text: self.text.text().to_owned(),
                    plan_item: self.item.and_then(|i| items.get(i)).map(|p| p.meta.id),
                    visibility: self.visibility(),
                }));
            }
            None => {
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
        match command(LOOK_BACK, key, false) {
            Some(LookBackKey::Back) => return Some(MomentKey::Close),
            Some(LookBackKey::Up) => self.row = (self.row + moments.len() - 1) % moments.len(),
            Some(LookBackKey::Down) => self.row = (self.row + 1) % moments.len(),
            Some(LookBackKey::Went(outcome)) => {
                return Some(MomentKey::Save(Change::SetMomentOutcome {
                    id: moments[self.row].meta.id,
                    by,
                    outcome,
                }));
            }
            None => {}
        }
        None
    }
}

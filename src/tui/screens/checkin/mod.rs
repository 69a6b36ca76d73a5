//! The evening check-in: three ratings from 0 to 10 and a note, for tonight or an earlier evening.

mod draw;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use crate::journal::Change;
use crate::journal::{Clock, Journal, NewCheckin, PartnerId, Rating, Visibility};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{CHECKIN, CheckinKey};
use crate::tui::keys::{Hint, command, hints, typed_char};
use crate::tui::popups::leave_guard::LeaveGuard;
use crate::tui::popups::unsaved::Unsaved;
use crate::tui::view::View;
use crate::tui::widgets::line_input::{Overflow, add_fitting};
use chrono::{Duration, NaiveDate};

/// The longest check-in note, in characters.
pub const NOTE_CHARS: usize = 280;

/// The check-in form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinForm {
    /// The evening this check-in is for: tonight, or an earlier one.
    pub day: NaiveDate,
    /// Tonight, as the form last knew it, for the title.
    tonight: NaiveDate,
    pub values: [u8; 3],
    pub note: String,
    /// The note as saved in the journal, to tell whether the one on screen is new writing.
    saved_note: String,
    /// The ratings as the form opened with them, to tell whether they were changed.
    saved_values: [u8; 3],
    /// Moving to another evening with changed ratings asks first; the same key again moves.
    moving: LeaveGuard,
    /// Who may read the note (Ctrl-T changes it); the ratings are always shared.
    pub note_visibility: Visibility,
    /// 0-2 the scales, 3 the note.
    pub focus: usize,
    /// Replacing this evening's check-in, saved before.
    pub replacing: bool,
    /// The last key was the digit 1, so a 0 next makes 10.
    one_typed: bool,
    /// What did not fit in the note at its last paste or key: said beside it until the
    /// next change.
    pub note_overflow: Overflow,
    /// The clock of the evening's check-in when the form opened, none when there was none,
    /// so a check-in saved elsewhere meanwhile is never written over.
    pub seen: Option<Clock>,
}

impl CheckinForm {
    /// The form for `author`'s check-in on the evening `day`, as saved (or a fresh one): their
    /// own note, private or shared as they chose. `tonight` is this evening.
    pub fn for_evening(
        journal: &Journal,
        author: PartnerId,
        day: NaiveDate,
        tonight: NaiveDate,
    ) -> CheckinForm {
        let saved = journal.checkin_for(author, day);
        let values = saved.map(|c| [c.safety.value(), c.trust.value(), c.connection.value()]);
        let note = saved.and_then(|c| c.note_for(author)).map(str::to_owned);
        let private = saved.is_some_and(|c| c.note_visibility == Visibility::Private);
        CheckinForm {
            seen: saved.map(|c| c.meta.clock.clone()),
            ..CheckinForm::new(day, values, note)
        }
        .with_note_private(private)
        .tonight(tonight)
    }

    pub fn new(day: NaiveDate, existing: Option<[u8; 3]>, note: Option<String>) -> CheckinForm {
        let note = note.unwrap_or_default();
        let values = existing.unwrap_or([5, 5, 5]);
        CheckinForm {
            day,
            tonight: day,
            values,
            saved_values: values,
            moving: LeaveGuard::default(),
            saved_note: note.clone(),
            note,
            note_visibility: Visibility::Shared,
            focus: 0,
            replacing: existing.is_some(),
            one_typed: false,
            note_overflow: Overflow::None,
            seen: None,
        }
    }

    fn tonight(mut self, tonight: NaiveDate) -> CheckinForm {
        self.tonight = tonight;
        self
    }

    /// Whether this is an evening before tonight.
    pub fn is_earlier(&self) -> bool {
        self.day < self.tonight
    }

    /// The same form on the evening `by` days away (negative: earlier), from the journal's
    /// first evening up to tonight; what is on screen is kept unless it can go unasked.
    fn move_evening(&mut self, by: i64, ctx: &Ctx) -> Option<Action> {
        let (journal, partner) = (ctx.journal?, ctx.partner?);
        let day = self.day + Duration::days(by);
        if day < journal.started {
            return Some(Action::Tell(
                "This is the evening you started; there is none before it.".to_owned(),
            ));
        }
        if day > ctx.today {
            return Some(Action::Tell(
                "This is tonight; later evenings have not come yet.".to_owned(),
            ));
        }
        if self.note_changed() {
            return Some(Action::Warn(
                "The note on screen is not saved: Enter saves it, or clear it, before moving to another evening.".to_owned(),
            ));
        }
        // Earlier and later each ask for themselves: the key that asked is the one that moves.
        let (key, keys) = if by < 0 {
            ("earlier", "PgUp")
        } else {
            ("later", "PgDn")
        };
        if !self.moving.may_leave(self.values != self.saved_values, key) {
            return Some(Action::Warn(format!(
                "The ratings on screen are not saved: Enter saves them, or {keys} again moves to the {key} evening without them."
            )));
        }
        *self = CheckinForm {
            focus: self.focus,
            ..CheckinForm::for_evening(journal, partner, day, ctx.today)
        };
        None
    }

    /// The form for an evening whose saved note is private (or not).
    pub fn with_note_private(mut self, private: bool) -> CheckinForm {
        if private {
            self.note_visibility = Visibility::Private;
        }
        self
    }

    fn toggle_note_visibility(&mut self) {
        self.note_visibility = match self.note_visibility {
            Visibility::Shared => Visibility::Private,
            Visibility::Private => Visibility::Shared,
        };
    }

    /// Whether the note on screen differs from the one in the journal.
    pub fn note_changed(&self) -> bool {
        self.note.trim() != self.saved_note.trim()
    }

    pub fn paste(&mut self, text: &str) {
        if self.focus == 3 {
            self.note_overflow = Overflow::of_paste(add_fitting(&mut self.note, NOTE_CHARS, text));
        }
    }

    fn set(&mut self, value: u8) {
        if let Some(slot) = self.values.get_mut(self.focus) {
            *slot = value.min(Rating::MAX);
        }
    }
}

impl View for CheckinForm {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let partner = ctx.partner?;
        let form = self;
        form.tonight = ctx.today;
        let day = form.day;
        let one_typed = std::mem::take(&mut form.one_typed);
        form.moving.on_key();
        let save = |form: &CheckinForm| {
            let note = Some(form.note.clone()).filter(|n| !n.trim().is_empty());
            Some(Action::Apply(Change::Checkin {
                seen: form.seen.clone(),
                checkin: NewCheckin {
                    author: partner,
                    day,
                    safety: Rating::saturating(form.values[0]),
                    trust: Rating::saturating(form.values[1]),
                    connection: Rating::saturating(form.values[2]),
                    note,
                    note_visibility: form.note_visibility,
                },
            }))
        };
        let typing = form.focus == 3;
        match command(CHECKIN, key, typing) {
            Some(CheckinKey::Back) if form.note_changed() => return Some(Action::ConfirmLeave),
            Some(CheckinKey::Back) => return Some(Action::GoHome),
            Some(CheckinKey::Save) => return save(form),
            Some(CheckinKey::Previous) => form.focus = (form.focus + 3) % 4,
            Some(CheckinKey::Next) => form.focus = (form.focus + 1) % 4,
            Some(CheckinKey::NoteVisibility) => form.toggle_note_visibility(),
            Some(CheckinKey::EarlierEvening) => return form.move_evening(-1, ctx),
            Some(CheckinKey::LaterEvening) => return form.move_evening(1, ctx),
            // The ratings' keys do nothing on the note; its characters are text.
            Some(CheckinKey::Lower | CheckinKey::Raise | CheckinKey::Digit) if typing => {}
            Some(CheckinKey::Lower) => {
                let value = form.values[form.focus].saturating_sub(1);
                form.set(value);
            }
            Some(CheckinKey::Raise) => {
                let value = form.values[form.focus].saturating_add(1);
                form.set(value);
            }
            Some(CheckinKey::Digit) => {
                if let KeyCode::Char(c @ '0'..='9') = key.code {
                    let digit = c as u8 - b'0';
                    if digit == 0 && one_typed {
                        form.set(10);
                    } else {
                        form.set(digit);
                        form.one_typed = digit == 1;
                    }
                }
            }
            None if typing => match (key.code, typed_char(key)) {
                (KeyCode::Backspace, _) => {
                    form.note.pop();
                    form.note_overflow = Overflow::None;
                }
                (_, Some(c)) if form.note.chars().count() < NOTE_CHARS => {
                    form.note.push(c);
                    form.note_overflow = Overflow::None;
                }
                (_, Some(_)) => form.note_overflow = Overflow::Full,
                _ => {}
            },
            None => {}
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw::draw(ctx, self, frame, area);
    }

    fn title(&self, name: &str) -> String {
        if self.is_earlier() {
            format!("Check-in · {name} · {}", self.day.format("%a %-d %b"))
        } else {
            format!("Check-in · {name}")
        }
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(CHECKIN)
    }

    fn on_paste(&mut self, text: &str, _ctx: &Ctx) -> Option<Action> {
        self.paste(text);
        None
    }

    fn types_text(&self) -> bool {
        true
    }

    /// Check-in notes have no draft.
    fn unsaved(&self) -> Unsaved {
        if self.note_changed() {
            Unsaved::OnlyOnScreen
        } else {
            Unsaved::Nothing
        }
    }

    /// Tonight's check-in goes back to the evening; an earlier one stays, saved, to move on.
    fn on_saved(&mut self, _before: Option<&Journal>, ctx: &Ctx) -> Option<Action> {
        if !self.is_earlier() {
            return Some(Action::CheckedIn);
        }
        if let (Some(journal), Some(partner)) = (ctx.journal, ctx.partner) {
            *self = CheckinForm {
                focus: self.focus,
                ..CheckinForm::for_evening(journal, partner, self.day, ctx.today)
            };
        }
        Some(Action::Tell(format!(
            "The check-in for {} is saved.",
            self.day.format("%A %-d %B")
        )))
    }
}

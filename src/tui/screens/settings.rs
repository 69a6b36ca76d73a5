//! Settings for both partners: names, roles, when the evening ends, the week's first day, the reveal.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::journal::settings::LOCK_AFTER_CHOICES;
use crate::journal::{Change, Journal, MAX_NAME_CHARS, Reveal, Role, WeekStart};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::done_words::done_words;
use crate::tui::keys::tables::{SETTINGS, SettingsKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::view::View;
use crate::tui::widgets::line_input::LineInput;

mod draw;
use draw::draw;

/// One line of the settings, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// The name of the first or second partner.
    Name(usize),
    Role(usize),
    DayEnds,
    WeekStarts,
    Reveal,
    /// Minutes without a key before an encrypted journal locks itself.
    LockAfter,
}

/// The lines of an encrypted journal's settings: the same, and when mend locks itself.
const SEALED_ROWS: [Row; 8] = [
    Row::Name(0),
    Row::Name(1),
    Row::Role(0),
    Row::Role(1),
    Row::DayEnds,
    Row::WeekStarts,
    Row::Reveal,
    Row::LockAfter,
];

const ROWS: [Row; 7] = [
    Row::Name(0),
    Row::Name(1),
    Row::Role(0),
    Row::Role(1),
    Row::DayEnds,
    Row::WeekStarts,
    Row::Reveal,
];

/// The settings screen: the names as typed, which line has the focus, and the change sent.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsScreen {
    names: [LineInput; 2],
    /// The names as the journal holds them, to tell a name being typed from a saved one.
    saved_names: [String; 2],
    pub focus: usize,
    /// The change sent to be saved, for the words that say it is.
    sent: Option<Change>,
    /// Whether the journal is encrypted, so the screen has a line for locking.
    sealed: bool,
}

impl SettingsScreen {
    pub fn new(journal: &Journal) -> SettingsScreen {
        let saved_names = partner_names(journal);
        SettingsScreen {
            names: saved_names
                .clone()
                .map(|name| LineInput::with_text(MAX_NAME_CHARS, &name)),
            saved_names,
            focus: 0,
            sent: None,
            sealed: journal.is_sealed(),
        }
    }

    fn rows(&self) -> &'static [Row] {
        match self.sealed {
            true => &SEALED_ROWS,
            false => &ROWS,
        }
    }

    fn row(&self) -> Row {
        let rows = self.rows();
        rows[self.focus.min(rows.len() - 1)]
    }

    /// Whether a name on screen differs from the journal's.
    pub fn name_changed(&self) -> bool {
        (0..2).any(|i| self.names[i].text().trim() != self.saved_names[i])
    }

    /// The change a ←/→ (`step` -1 or 1) makes on the focused line, if it is a choice.
    fn choose(&self, journal: &Journal, step: isize) -> Option<Change> {
        let settings = &journal.settings;
        Some(match self.row() {
            Row::Name(_) => return None,
            Row::Role(slot) => {
                let partner = journal.partners.get(slot)?;
                Change::SetRole {
                    partner: partner.id,
                    role: Role::cycle(partner.role, step),
                }
            }
            Row::DayEnds => Change::SetDayEndsAt {
                hour: u8::try_from((isize::from(settings.day_ends_at) + step).rem_euclid(24))
                    .unwrap_or(0),
            },
            Row::WeekStarts => Change::SetWeekStart {
                week_starts: match settings.week_starts {
                    WeekStart::Monday => WeekStart::Sunday,
                    WeekStart::Sunday => WeekStart::Monday,
                },
            },
            Row::Reveal => Change::SetReveal {
                reveal: match settings.reveal {
                    Reveal::AfterBoth => Reveal::AtOnce,
                    Reveal::AtOnce => Reveal::AfterBoth,
                },
            },
            Row::LockAfter => {
                let now = settings.lock_after_minutes();
                let at = LOCK_AFTER_CHOICES
                    .iter()
                    .position(|m| *m >= now)
                    .unwrap_or(LOCK_AFTER_CHOICES.len() - 1);
                let next = (at as isize + step).clamp(0, LOCK_AFTER_CHOICES.len() as isize - 1);
                let minutes = LOCK_AFTER_CHOICES[next.unsigned_abs()];
                if minutes == now {
                    return None;
                }
                Change::SetLockAfter { minutes }
            }
        })
    }

    fn send(&mut self, change: Change) -> Option<Action> {
        self.sent = Some(change.clone());
        Some(Action::Apply(change))
    }
}

fn partner_names(journal: &Journal) -> [String; 2] {
    [0, 1].map(|i| {
        journal
            .partners
            .get(i)
            .map_or_else(String::new, |p| p.name.clone())
    })
}

impl View for SettingsScreen {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let journal = ctx.journal?;
        let typing = matches!(self.row(), Row::Name(_));
        match command(SETTINGS, key, typing) {
            Some(SettingsKey::Back) if self.name_changed() => {
                self.names = self
                    .saved_names
                    .clone()
                    .map(|name| LineInput::with_text(MAX_NAME_CHARS, &name));
                return Some(Action::Tell(
                    "The name is as it was; nothing was changed. Esc again goes back.".to_owned(),
                ));
            }
            Some(SettingsKey::Back) => return Some(Action::ChooseWho),
            Some(SettingsKey::Previous) => {
                let rows = self.rows().len();
                self.focus = (self.focus + rows - 1) % rows;
            }
            Some(SettingsKey::Next) => self.focus = (self.focus + 1) % self.rows().len(),
            Some(SettingsKey::Lower) => return self.choose(journal, -1).and_then(|c| self.send(c)),
            Some(SettingsKey::Raise) => return self.choose(journal, 1).and_then(|c| self.send(c)),
            Some(SettingsKey::Save) => {
                if let Row::Name(slot) = self.row() {
                    let partner = journal.partners.get(slot)?;
                    let name = self.names[slot].text().trim().to_owned();
                    if name == partner.name {
                        return Some(Action::Tell(format!(
                            "{} is already the name; type a new one, then Enter.",
                            partner.name
                        )));
                    }
                    return self.send(Change::RenamePartner {
                        partner: partner.id,
                        name,
                    });
                }
            }
            None => {
                if let Row::Name(slot) = self.row() {
                    self.names[slot].on_key(key);
                }
            }
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self, frame, area);
    }

    fn title(&self, _name: &str) -> String {
        "Settings, for both of you".to_owned()
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(SETTINGS)
    }

    fn types_text(&self) -> bool {
        matches!(self.row(), Row::Name(_))
    }

    fn on_paste(&mut self, text: &str, _ctx: &Ctx) -> Option<Action> {
        if let Row::Name(slot) = self.row() {
            self.names[slot].paste(text);
        }
        None
    }

    /// A name typed here follows the journal only where it was not being changed.
    fn on_journal_changed(&mut self, ctx: &Ctx) {
        let Some(journal) = ctx.journal else {
            return;
        };
        self.sealed = journal.is_sealed();
        let saved = partner_names(journal);
        for (i, name) in saved.iter().enumerate() {
            if self.names[i].text().trim() == self.saved_names[i] {
                self.names[i] = LineInput::with_text(MAX_NAME_CHARS, name);
            }
        }
        self.saved_names = saved;
    }

    fn on_saved(&mut self, _before: Option<&Journal>, ctx: &Ctx) -> Option<Action> {
        let (change, journal) = (self.sent.take()?, ctx.journal?);
        if let Change::RenamePartner { partner, .. } = &change
            && let Some(slot) = journal.partners.iter().position(|p| p.id == *partner)
        {
            self.names[slot] = LineInput::with_text(MAX_NAME_CHARS, journal.name_of(*partner));
            self.saved_names[slot] = journal.name_of(*partner).to_owned();
        }
        Some(Action::Tell(done_words(&change, journal)))
    }

    /// The domain's refusal, worded as what was not changed; a typed name stays on screen.
    fn on_save_failed(&mut self, message: &str) -> String {
        match self.sent.take() {
            Some(Change::RenamePartner { .. }) => format!("The name was not changed. {message}"),
            _ => format!("Nothing was changed. {message}"),
        }
    }
}

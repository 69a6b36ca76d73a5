//! "A hard moment, now": a slow breath, this partner's plan, then a pause, a note or a look back.

mod breath;
mod draw;
mod forms;
mod view;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::journal::{HardMoment, Journal, PartnerId, PlanItem};
use crate::tui::ctx::Ctx;
use crate::tui::done_words::done_words;
use crate::tui::keys::hard_moment::{
    BREATHE, BREATHE_BEFORE_SETUP, BreatheKey, CHOICES, ChoiceKey, LOOK_BACK, ListKey, ONLY_CLOSE,
    PAUSE, PLAN_NOW, WHOSE,
};
use crate::tui::keys::{self, Hint, command, hints};
pub use breath::{Breath, Phase};
pub use forms::{LookBack, MomentKey, NoteForm, PauseForm};

use super::leave_guard::{LeaveGuard, leave_words};

/// Whether `key` is the one that opens "a hard moment, now" (from the global table).
pub fn is_open_key(key: &KeyEvent) -> bool {
    keys::command(keys::GLOBAL, *key, true) == Some(keys::Global::HardMoment)
}

/// The most earlier moments offered for saying how they went.
const MOST_TO_LOOK_BACK: usize = 5;

/// Where the popup is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A slow breathing count, stepped through with a key.
    Breathe,
    /// No one is chosen yet: whose moment is it? The row chosen.
    Who(usize),
    /// This partner's plan, read-only.
    Plan,
    /// What they can do now; the row chosen.
    Choices(usize),
    Pause(PauseForm),
    Note(NoteForm),
    LookBack(LookBack),
}

/// The popup's state: it lives apart from the screen below, which stays as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HardMomentPopup {
    pub step: Step,
    pub breath: Breath,
    /// Whose moment it is: the partner here, or the one chosen after breathing.
    pub who: Option<PartnerId>,
    /// There is a journal, so there is a plan to go on to; kept up to date on every key, so
    /// the keys listed are the keys that work.
    has_journal: bool,
    /// The kind words to show once the change sent is saved; `Some` while it is saving.
    saving: Option<String>,
    /// The last thing said inside the popup: a save done, or why not.
    pub said: Option<Said>,
    /// Leaving a note or a pause with words typed asks before they are let go.
    pub leaving: LeaveGuard,
}

/// A line at the top of the popup after a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub text: String,
    pub problem: bool,
}

/// One of the choices, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Pause,
    Note,
    LookBack,
}

/// Whether someone may act in `journal` here: any journal that is not encrypted, and an
/// encrypted one opened with a partner's own passphrase. Opened for both of you (either
/// passphrase, shared words only), no one may note a moment or ask for a pause in a
/// partner's name: the breaths are offered, and the way to the plan.
pub fn can_act(journal: &Journal) -> bool {
    !journal.is_sealed()
        || journal
            .partners
            .iter()
            .any(|p| journal.opened().private_words_of(p.id))
}

impl HardMomentPopup {
    /// Opens on the breathing step, for the partner here (if any).
    pub fn new(ctx: &Ctx) -> HardMomentPopup {
        HardMomentPopup {
            step: Step::Breathe,
            breath: Breath::default(),
            who: ctx.partner,
            has_journal: ctx.journal.is_some_and(|j| can_act(j)),
            saving: None,
            said: None,
            leaving: LeaveGuard::default(),
        }
    }

    /// Whether words typed in a note or a pause's note are on the screen only.
    pub fn has_typed_words(&self) -> bool {
        match &self.step {
            Step::Note(form) => !form.text.text().trim().is_empty(),
            Step::Pause(form) => !form.note.text().trim().is_empty(),
            _ => false,
        }
    }

    /// Whether a change it sent is waiting for the save's answer.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// The change is saved: back to the choices, saying so. Returns the kind words.
    pub fn on_saved(&mut self) -> Option<String> {
        let done = self.saving.take()?;
        self.step = Step::Choices(0);
        self.said = Some(Said {
            text: done.clone(),
            problem: false,
        });
        Some(done)
    }

    /// The change was refused or not saved: the form stays with its words, and says why.
    pub fn on_save_failed(&mut self, message: &str) -> Option<String> {
        self.saving.take()?;
        let words = format!("Not saved: {message}");
        self.said = Some(Said {
            text: words.clone(),
            problem: true,
        });
        Some(words)
    }

    /// Text pasted while a form is open goes into its field.
    pub fn paste(&mut self, text: &str) {
        match &mut self.step {
            Step::Pause(form) => form.paste(text),
            Step::Note(form) => form.paste(text),
            _ => {}
        }
    }

    /// The keys this step lists and answers to, as the hint lines show them.
    pub fn hints(&self) -> Vec<Hint> {
        match (&self.step, self.has_journal, self.who) {
            (Step::Breathe, true, _) => hints(BREATHE),
            (Step::Breathe, false, _) => hints(BREATHE_BEFORE_SETUP),
            (Step::Who(_), true, _) => hints(WHOSE),
            (Step::Plan, true, Some(_)) => hints(PLAN_NOW),
            (Step::Choices(_), true, Some(_)) => hints(CHOICES),
            (Step::Pause(_), true, Some(_)) => hints(PAUSE),
            (Step::Note(form), true, Some(_)) => hints(form.keys()),
            (Step::LookBack(_), true, Some(_)) => hints(LOOK_BACK),
            _ => hints(ONLY_CLOSE),
        }
    }

    /// Handles one key.
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> MomentKey {
        if self.is_saving() || is_open_key(&key) {
            return MomentKey::Stay;
        }
        let journal = ctx.journal.map(|j| j.as_ref()).filter(|j| can_act(j));
        self.has_journal = journal.is_some();
        match (&mut self.step, journal, self.who) {
            (Step::Breathe, _, _) => self.breathe_key(key, journal),
            (Step::Who(row), Some(journal), _) => {
                let rows = journal.partners.len().max(1);
                match command(WHOSE, key, false) {
                    Some(ListKey::Up) => *row = (*row + rows - 1) % rows,
                    Some(ListKey::Down) => *row = (*row + 1) % rows,
                    Some(ListKey::GoOn) => {
                        self.who = journal.partners.get(*row).map(|p| p.id);
                        self.step = Step::Plan;
                    }
                    Some(ListKey::Close) => return MomentKey::Close,
                    None => {}
                }
                MomentKey::Stay
            }
            (Step::Plan, _, _) => match command(PLAN_NOW, key, false) {
                Some(ListKey::GoOn) => {
                    self.step = Step::Choices(0);
                    MomentKey::Stay
                }
                Some(ListKey::Close) => MomentKey::Close,
                _ => MomentKey::Stay,
            },
            (Step::Choices(_), Some(journal), Some(who)) => {
                self.choices_key(key, ctx, journal, who)
            }
            (Step::Pause(form), Some(_), Some(who)) => {
                let answer = form.on_key(key, who, ctx.now);
                self.after_form(answer, journal)
            }
            (Step::Note(form), Some(journal), Some(who)) => {
                let items = plan_items(journal, who);
                let answer = form.on_key(key, who, &items);
                self.after_form(answer, Some(journal))
            }
            (Step::LookBack(look), Some(journal), Some(who)) => {
                let moments = to_look_back(journal, who);
                let answer = look.on_key(key, who, &moments);
                self.after_form(answer, Some(journal))
            }
            _ => match command(ONLY_CLOSE, key, false) {
                Some(ListKey::Close) => MomentKey::Close,
                _ => MomentKey::Stay,
            },
        }
    }

    fn breathe_key(&mut self, key: KeyEvent, journal: Option<&Journal>) -> MomentKey {
        // The same table the step lists its keys from.
        let table = if self.has_journal {
            BREATHE
        } else {
            BREATHE_BEFORE_SETUP
        };
        match command(table, key, false) {
            Some(BreatheKey::Next) => self.breath.step(),
            Some(BreatheKey::GoOn) => {
                self.step = match (journal, self.who) {
                    (None, _) => return MomentKey::Close,
                    (Some(_), Some(_)) => Step::Plan,
                    (Some(_), None) => Step::Who(0),
                };
            }
            Some(BreatheKey::Close) => return MomentKey::Close,
            None => {}
        }
        MomentKey::Stay
    }

    fn choices_key(
        &mut self,
        key: KeyEvent,
        ctx: &Ctx,
        journal: &Journal,
        who: PartnerId,
    ) -> MomentKey {
        let choices = choices(journal, who);
        let Step::Choices(row) = &mut self.step else {
            return MomentKey::Stay;
        };
        let picked = match command(CHOICES, key, false) {
            Some(ChoiceKey::Up) => {
                *row = (*row + choices.len() - 1) % choices.len();
                None
            }
            Some(ChoiceKey::Down) => {
                *row = (*row + 1) % choices.len();
                None
            }
            Some(ChoiceKey::Choose) => choices.get(*row).copied(),
            Some(ChoiceKey::Pause) => Some(Choice::Pause),
            Some(ChoiceKey::Note) => Some(Choice::Note),
            Some(ChoiceKey::LookBack) if choices.contains(&Choice::LookBack) => {
                Some(Choice::LookBack)
            }
            Some(ChoiceKey::BackToPlan) => {
                self.step = Step::Plan;
                None
            }
            Some(ChoiceKey::Close) => return MomentKey::Close,
            Some(ChoiceKey::LookBack) | None => None,
        };
        if let Some(choice) = picked {
            self.said = None;
            self.step = match choice {
                Choice::Pause => Step::Pause(PauseForm::new(ctx.now)),
                Choice::Note => Step::Note(NoteForm::new(!plan_items(journal, who).is_empty())),
                Choice::LookBack => Step::LookBack(LookBack::default()),
            };
        }
        MomentKey::Stay
    }

    /// A form answered: back to the choices, or a change to save, with its kind words ready.
    fn after_form(&mut self, answer: Option<MomentKey>, journal: Option<&Journal>) -> MomentKey {
        match answer {
            None => MomentKey::Stay,
            Some(MomentKey::Close) if !self.leaving.may_leave(self.has_typed_words(), "Esc") => {
                self.said = Some(Said {
                    text: leave_words("Esc"),
                    problem: true,
                });
                MomentKey::Stay
            }
            Some(MomentKey::Close) => {
                self.said = None;
                self.step = Step::Choices(0);
                MomentKey::Stay
            }
            Some(MomentKey::Save(change)) => {
                self.said = None;
                self.saving = Some(journal.map_or_else(
                    || "Saved.".to_owned(),
                    |journal| done_words(&change, journal),
                ));
                MomentKey::Save(change)
            }
            Some(MomentKey::Stay) => MomentKey::Stay,
        }
    }

    /// Draws the popup over `area`. Reads the state; changes nothing.
    pub fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw::render(self, ctx, frame, area);
    }
}

/// The partner's live plan items that are not retired, oldest first.
pub fn plan_items(journal: &Journal, who: PartnerId) -> Vec<&PlanItem> {
    journal
        .live_plan_items()
        .filter(|p| p.owner() == who && !p.is_retired())
        .collect()
}

/// The partner's own recent moments that have no outcome yet, newest first.
pub fn to_look_back(journal: &Journal, who: PartnerId) -> Vec<&HardMoment> {
    let mut moments: Vec<&HardMoment> = journal
        .live_hard_moments()
        .filter(|m| m.meta.author == who && m.outcome.is_none())
        .collect();
    moments.sort_by_key(|m| std::cmp::Reverse(m.meta.created));
    moments.truncate(MOST_TO_LOOK_BACK);
    moments
}

/// The choices open to the partner now: saying how an earlier moment went only when one waits.
pub fn choices(journal: &Journal, who: PartnerId) -> Vec<Choice> {
    let mut choices = vec![Choice::Pause, Choice::Note];
    if !to_look_back(journal, who).is_empty() {
        choices.push(Choice::LookBack);
    }
    choices
}

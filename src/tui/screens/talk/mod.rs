//! The weekly talk, guided: six steps at one screen, every part saved as it is written.

mod draw;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use crate::journal::talk_flow::{IssueTurn, Step, move_on, promise_from_answer, step_of};
use crate::journal::{
    APPRECIATIONS, Change, Journal, MOST_TALK_PART_CHARS, PartnerId, RecordId, Talk, TalkPart, Week,
};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{TALK, TalkKey};
use crate::tui::keys::{Hint, command};
use crate::tui::popups::dialog::Dialog;
use crate::tui::popups::promise_form::{DueChoice, PROMISE_CHARS, PromiseForm};
use crate::tui::widgets::line_input::LineInput;

/// The part being written on screen, and by whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Appreciation(PartnerId, usize),
    Issue(PartnerId),
    Heard(PartnerId),
    Clarify(PartnerId),
    HeardAgain(PartnerId),
    CaredFor(PartnerId),
}

impl Field {
    pub fn by(self) -> PartnerId {
        match self {
            Field::Appreciation(p, _)
            | Field::Issue(p)
            | Field::Heard(p)
            | Field::Clarify(p)
            | Field::HeardAgain(p)
            | Field::CaredFor(p) => p,
        }
    }

    /// The part that saves `text` in this field.
    fn part(self, text: String, done: bool) -> TalkPart {
        match self {
            Field::Appreciation(_, index) => TalkPart::Appreciation { index, text },
            Field::Issue(_) => TalkPart::Issue { text, done },
            Field::Heard(_) => TalkPart::Heard { text, done },
            Field::Clarify(_) => TalkPart::Clarify { text, done },
            Field::HeardAgain(_) => TalkPart::HeardAgain { text, done },
            Field::CaredFor(_) => TalkPart::CaredFor { text, done },
        }
    }

    /// The words saved in this field.
    fn saved(self, talk: Option<&Talk>) -> String {
        let side = talk.and_then(|t| t.side(self.by()));
        let text = side.and_then(|s| match self {
            Field::Appreciation(_, i) => s.appreciations.get(i).cloned(),
            Field::Issue(_) => s.issue.clone(),
            Field::Heard(_) => s.heard.clone(),
            Field::Clarify(_) => s.clarified.clone(),
            Field::HeardAgain(_) => s.heard_again.clone(),
            Field::CaredFor(_) => s.cared_for.clone(),
        });
        text.unwrap_or_default()
    }
}

/// The talk screen: the week, where the talk stands, and the words being written.
#[derive(Debug, Clone, PartialEq)]
pub struct TalkScreen {
    pub week: Week,
    /// Where the talk stood when the journal last changed.
    pub step: Step,
    pub field: Option<Field>,
    pub input: LineInput,
    /// The appreciation with the focus: the first partner's three, then the other's.
    pub focus: usize,
    /// The speaker chose to clarify, and has not written yet.
    pub clarifying: bool,
    /// A promise made from the talk, to note in the talk once it is saved.
    linking: Option<RecordId>,
    /// A save is on its way, or the last one failed (with its words).
    pub saving: bool,
    pub error: Option<String>,
}

impl TalkScreen {
    pub fn new(week: Week) -> TalkScreen {
        TalkScreen {
            week,
            step: Step::Closed,
            field: None,
            input: LineInput::new(MOST_TALK_PART_CHARS),
            focus: 0,
            clarifying: false,
            linking: None,
            saving: false,
            error: None,
        }
    }

    /// The two partners in the order of their turns: the talk's, or the journal's before it starts.
    pub fn order(journal: &Journal, talk: Option<&Talk>) -> Vec<PartnerId> {
        match talk {
            Some(t) if t.sides.len() == 2 => t.sides.iter().map(|s| s.partner).collect(),
            _ => journal.partners.iter().map(|p| p.id).collect(),
        }
    }

    /// Reads where the talk stands, and loads the words of the part now being written.
    fn sync(&mut self, journal: &Journal) {
        let talk = journal.talk_for(self.week);
        let order = Self::order(journal, talk);
        let Some(first) = order.first().copied() else {
            return;
        };
        self.step = step_of(talk, first);
        if !matches!(
            self.step,
            Step::Issue {
                turn: IssueTurn::Confirm,
                ..
            }
        ) {
            self.clarifying = false;
        }
        let field = match self.step {
            Step::Appreciations => order
                .get(self.focus / APPRECIATIONS)
                .map(|p| Field::Appreciation(*p, self.focus % APPRECIATIONS)),
            Step::Issue {
                speaker,
                listener,
                turn,
            } => match turn {
                IssueTurn::Speak => Some(Field::Issue(speaker)),
                IssueTurn::Listen => Some(Field::Heard(listener)),
                IssueTurn::Confirm if self.clarifying => Some(Field::Clarify(speaker)),
                IssueTurn::Confirm => None,
                IssueTurn::Clarify => Some(Field::Clarify(speaker)),
                IssueTurn::ListenAgain => Some(Field::HeardAgain(listener)),
            },
            Step::NextWeek { answering } => answering.map(Field::CaredFor),
            _ => None,
        };
        if field != self.field {
            self.field = field;
            let saved = field.map(|f| f.saved(talk)).unwrap_or_default();
            self.input = LineInput::with_text(MOST_TALK_PART_CHARS, &saved);
        }
    }

    fn save(&mut self, by: PartnerId, part: TalkPart) -> Option<Action> {
        self.saving = true;
        self.error = None;
        Some(Action::Apply(Change::SaveTalkPart {
            week: self.week,
            by,
            part,
        }))
    }

    /// Enter: this part is done, or the step is finished together.
    fn done(&mut self, journal: &Journal) -> Option<Action> {
        let talk = journal.talk_for(self.week);
        if let Step::Appreciations = self.step
            && self.focus + 1 < 2 * APPRECIATIONS
        {
            self.focus += 1;
            self.sync(journal);
            return None;
        }
        if let Some(field) = self.field
            && !matches!(field, Field::Appreciation(..))
        {
            let text = self.input.text().to_owned();
            if text.trim().is_empty() {
                return match field {
                    Field::Issue(by) => self.save(by, TalkPart::SkipIssue),
                    _ => Some(Action::Tell(
                        "Write it in your own words first; there is no hurry.".to_owned(),
                    )),
                };
            }
            return self.save(field.by(), field.part(text, true));
        }
        let to = move_on(self.step, talk)?;
        let by = Self::order(journal, talk).first().copied()?;
        self.save(by, TalkPart::MoveTo(to))
    }

    /// The promise form, filled in with the answer of the partner in turn `which`.
    fn promise_form(&self, ctx: &Ctx, journal: &Journal, which: usize) -> Option<Action> {
        let talk = journal.talk_for(self.week)?;
        let answered = talk.sides.get(which)?.partner;
        let by = journal.other_partner(answered)?.id;
        let new = promise_from_answer(talk, by, ctx.today)?;
        let this_week = journal.clock().week_of(ctx.today);
        let mut form = PromiseForm::new(
            by,
            answered,
            journal.name_of(answered),
            ctx.today,
            this_week.end(),
        );
        form.text = LineInput::with_text(PROMISE_CHARS, &new.text);
        if let Some(due) = new.due {
            form.due = DueChoice::ADate;
            form.date = LineInput::with_text(10, &due.format("%Y-%m-%d").to_string());
        }
        Some(Action::OpenForm(Box::new(Dialog::Promise(form))))
    }
}

impl crate::tui::view::View for TalkScreen {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let journal = ctx.journal?.clone();
        self.sync(&journal);
        let typing = self.field.is_some();
        let Some(cmd) = command(TALK, key, typing) else {
            let field = self.field?;
            if !self.input.on_key(key) {
                return None;
            }
            let text = self.input.text().to_owned();
            return self.save(field.by(), field.part(text, false));
        };
        match (cmd, self.step) {
            (TalkKey::Back, _) => return Some(Action::LeaveTalk(self.week)),
            (TalkKey::Done, _) => return self.done(&journal),
            (TalkKey::Yes | TalkKey::No, Step::Arriving { asking }) => {
                return self.save(asking, TalkPart::Safe(cmd == TalkKey::Yes));
            }
            (
                TalkKey::Yes,
                Step::Issue {
                    speaker,
                    turn: IssueTurn::Confirm,
                    ..
                },
            ) if !self.clarifying => return self.save(speaker, TalkPart::Understood),
            (
                TalkKey::Clarify,
                Step::Issue {
                    turn: IssueTurn::Confirm,
                    ..
                },
            ) => {
                self.clarifying = true;
                self.sync(&journal);
            }
            (TalkKey::Promise, Step::NextWeek { answering: None }) => {
                let which = match key.code {
                    KeyCode::Char('2') => 1,
                    _ => 0,
                };
                return self.promise_form(ctx, &journal, which);
            }
            (TalkKey::NextField, Step::Appreciations) => {
                self.focus = (self.focus + 1).min(2 * APPRECIATIONS - 1);
                self.sync(&journal);
            }
            (TalkKey::PreviousField, Step::Appreciations) => {
                self.focus = self.focus.saturating_sub(1);
                self.sync(&journal);
            }
            _ => {}
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw::draw(ctx, self, frame, area);
    }

    fn title(&self, _name: &str) -> String {
        "The weekly talk".to_owned()
    }

    fn bindings(&self) -> Vec<Hint> {
        let wanted = |cmd: TalkKey| match cmd {
            TalkKey::Done | TalkKey::Back => true,
            TalkKey::Yes => matches!(
                self.step,
                Step::Arriving { .. }
                    | Step::Issue {
                        turn: IssueTurn::Confirm,
                        ..
                    }
            ),
            TalkKey::No => matches!(self.step, Step::Arriving { .. }),
            TalkKey::Clarify => matches!(
                self.step,
                Step::Issue {
                    turn: IssueTurn::Confirm,
                    ..
                }
            ),
            TalkKey::Promise => self.step == Step::NextWeek { answering: None },
            TalkKey::NextField | TalkKey::PreviousField => self.step == Step::Appreciations,
        };
        TALK.iter()
            .filter(|b| !b.hint.is_empty() && b.command.is_none_or(wanted))
            .map(|b| (b.hint, b.does))
            .collect()
    }

    fn on_journal_changed(&mut self, ctx: &Ctx) {
        if let Some(journal) = ctx.journal {
            self.sync(journal);
        }
    }

    fn on_saved(&mut self, _before: Option<&Journal>, ctx: &Ctx) -> Option<Action> {
        self.saving = false;
        if let Some(journal) = ctx.journal {
            self.sync(journal);
        }
        let id = self.linking.take()?;
        let by = ctx.journal?.live_promises().find(|p| p.meta.id == id)?.by();
        self.save(by, TalkPart::Promise(id))
    }

    fn on_save_failed(&mut self, message: &str) -> String {
        self.saving = false;
        let words = format!("Not saved: {message}");
        self.error = Some(words.clone());
        words
    }

    fn on_paste(&mut self, text: &str, _ctx: &Ctx) -> Option<Action> {
        let field = self.field?;
        self.input.paste(text);
        let text = self.input.text().to_owned();
        self.save(field.by(), field.part(text, false))
    }

    fn types_text(&self) -> bool {
        self.field.is_some()
    }

    /// A promise was just made from the talk's answers: note it in the talk.
    fn follow(&mut self, record: RecordId) {
        if self.step == (Step::NextWeek { answering: None }) {
            self.linking = Some(record);
        }
    }
}

//! Making a promise, or renegotiating one: the words, the due day (with quick choices) and the size.

use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::{Line, Span};

use super::outcome::Outcome;
use crate::journal::Change;
use crate::journal::{NewPromise, PartnerId, PromiseAction, PromiseSize, RecordId};
use crate::tui::keys::popups::{PROMISE_FORM, PromiseFormKey};
use crate::tui::keys::{command, hints};
use crate::tui::theme::Theme;
use crate::tui::widgets::line_input::LineInput;

/// The longest promise the form takes, in characters.
pub const PROMISE_CHARS: usize = 200;

/// When a promise is due, as the quick choices offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueChoice {
    NoDay,
    Tonight,
    Tomorrow,
    ThisWeek,
    ADate,
}

impl DueChoice {
    const ALL: [DueChoice; 5] = [
        DueChoice::NoDay,
        DueChoice::Tonight,
        DueChoice::Tomorrow,
        DueChoice::ThisWeek,
        DueChoice::ADate,
    ];

    fn words(self) -> &'static str {
        match self {
            DueChoice::NoDay => "no day",
            DueChoice::Tonight => "tonight",
            DueChoice::Tomorrow => "tomorrow",
            DueChoice::ThisWeek => "this week",
            DueChoice::ADate => "a date",
        }
    }
}

const SIZES: [Option<PromiseSize>; 3] = [None, Some(PromiseSize::Small), Some(PromiseSize::Big)];

fn size_words(size: Option<PromiseSize>) -> &'static str {
    match size {
        None => "not said",
        Some(PromiseSize::Small) => "small, everyday",
        Some(PromiseSize::Big) => "a bigger commitment",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Due,
    Date,
    Size,
    Note,
}

/// The promise form. With `renegotiating`, it replaces that open promise with this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseForm {
    pub by: PartnerId,
    pub to: PartnerId,
    pub to_name: String,
    pub today: NaiveDate,
    /// The last evening of this week, for the "this week" choice.
    pub week_end: NaiveDate,
    pub renegotiating: Option<RecordId>,
    pub text: LineInput,
    pub due: DueChoice,
    pub date: LineInput,
    pub size: Option<PromiseSize>,
    pub note: LineInput,
    focus: Field,
    pub error: Option<String>,
    /// The promise's words as the form opened with them: empty for a new promise, the
    /// promise's own for a renegotiation.
    opened_with: String,
}

impl PromiseForm {
    pub fn new(
        by: PartnerId,
        to: PartnerId,
        to_name: &str,
        today: NaiveDate,
        week_end: NaiveDate,
    ) -> PromiseForm {
        PromiseForm {
            by,
            to,
            to_name: to_name.to_owned(),
            today,
            week_end,
            renegotiating: None,
            text: LineInput::new(PROMISE_CHARS),
            due: DueChoice::NoDay,
            date: LineInput::new(10),
            size: None,
            note: LineInput::new(PROMISE_CHARS),
            focus: Field::Text,
            error: None,
            opened_with: String::new(),
        }
    }

    /// A form to renegotiate promise `id`: its words and due day to start from.
    pub fn renegotiate(
        mut self,
        id: RecordId,
        text: &str,
        due: Option<NaiveDate>,
        size: Option<PromiseSize>,
    ) -> PromiseForm {
        self.renegotiating = Some(id);
        self.text = LineInput::with_text(PROMISE_CHARS, text);
        self.opened_with = self.text.text().to_owned();
        self.size = size;
        if let Some(due) = due.filter(|d| *d >= self.today) {
            self.due = DueChoice::ADate;
            self.date = LineInput::with_text(10, &due.format("%Y-%m-%d").to_string());
        }
        self
    }

    /// Whether words were typed: a new promise's, the words of one renegotiated changed
    /// from its own, or a note.
    pub fn has_typed_words(&self) -> bool {
        let changed = self.text.text() != self.opened_with;
        changed && !self.text.text().trim().is_empty() || !self.note.text().trim().is_empty()
    }

    fn fields(&self) -> Vec<Field> {
        let mut fields = vec![Field::Text, Field::Due];
        if self.due == DueChoice::ADate {
            fields.push(Field::Date);
        }
        if self.renegotiating.is_none() {
            fields.push(Field::Size);
        } else {
            fields.push(Field::Note);
        }
        fields
    }

    fn move_focus(&mut self, step: isize) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = (at as isize + step).rem_euclid(fields.len() as isize) as usize;
        self.focus = fields[next];
    }

    fn cycle(&mut self, step: isize) {
        let turn = |at: usize, len: usize| (at as isize + step).rem_euclid(len as isize) as usize;
        match self.focus {
            Field::Due => {
                let at = DueChoice::ALL.iter().position(|d| *d == self.due);
                self.due = DueChoice::ALL[turn(at.unwrap_or(0), DueChoice::ALL.len())];
            }
            Field::Size => {
                let at = SIZES.iter().position(|s| *s == self.size);
                self.size = SIZES[turn(at.unwrap_or(0), SIZES.len())];
            }
            _ => {}
        }
    }

    fn focused_input(&mut self) -> Option<&mut LineInput> {
        match self.focus {
            Field::Text => Some(&mut self.text),
            Field::Date => Some(&mut self.date),
            Field::Note => Some(&mut self.note),
            Field::Due | Field::Size => None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.focused_input() {
            input.paste(text);
        }
    }

    /// The due day chosen, or why it cannot be used.
    fn due_day(&self) -> Result<Option<NaiveDate>, String> {
        let day = match self.due {
            DueChoice::NoDay => return Ok(None),
            DueChoice::Tonight => self.today,
            DueChoice::Tomorrow => self.today + Duration::days(1),
            DueChoice::ThisWeek => self.week_end,
            DueChoice::ADate => {
                let typed = self.date.text().trim();
                NaiveDate::parse_from_str(typed, "%Y-%m-%d").map_err(|_| {
                    format!("\"{typed}\" is not a date; please write it as YYYY-MM-DD.")
                })?
            }
        };
        if day < self.today {
            return Err(format!(
                "{} has passed; choose tonight or a later day.",
                day.format("%a %-d %b %Y")
            ));
        }
        Ok(Some(day))
    }

    /// The change this form describes, or what to fix first.
    fn change(&self) -> Result<Change, String> {
        let Some(text) = self.text.answer() else {
            return Err("Please write what you promise first.".to_owned());
        };
        let due = self.due_day()?;
        Ok(match self.renegotiating {
            Some(id) => Change::ChangePromise {
                id,
                by: self.by,
                action: PromiseAction::Renegotiate {
                    text: Some(text),
                    due,
                },
                note: self.note.answer(),
            },
            None => Change::AddPromise(NewPromise {
                by: self.by,
                to: self.to,
                text,
                made: self.today,
                due,
                size: self.size,
            }),
        })
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        self.error = None;
        let typing = self.focused_input().is_some();
        match command(PROMISE_FORM, key, typing) {
            Some(PromiseFormKey::Cancel) => return Outcome::Cancel,
            Some(PromiseFormKey::Save) => return Outcome::of(self.change(), &mut self.error),
            Some(PromiseFormKey::Next) => self.move_focus(1),
            Some(PromiseFormKey::Previous) => self.move_focus(-1),
            Some(PromiseFormKey::ChoiceBack) => self.cycle(-1),
            Some(PromiseFormKey::ChoiceOn) if !typing => self.cycle(1),
            Some(PromiseFormKey::ChoiceOn) | None => {
                if let Some(input) = self.focused_input() {
                    input.on_key(key);
                }
            }
        }
        Outcome::Stay
    }

    pub fn title(&self) -> String {
        match self.renegotiating {
            Some(_) => "Renegotiate this promise".to_owned(),
            None => format!("A promise to {}", self.to_name),
        }
    }

    pub fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let mut lines = vec![
            Line::styled(
                match self.renegotiating {
                    Some(_) => "Change the words or the day. The old one is kept too.",
                    None => "Small and clear is easier to keep than big and vague.",
                },
                theme.muted(),
            ),
            Line::raw(""),
            self.text.line("Promise", self.focus == Field::Text, theme),
        ];
        lines.push(choice_line(
            "Due",
            &DueChoice::ALL.map(DueChoice::words),
            DueChoice::ALL.iter().position(|d| *d == self.due),
            self.focus == Field::Due,
            theme,
        ));
        if self.due == DueChoice::ADate {
            lines.push(self.date.line("Date", self.focus == Field::Date, theme));
        }
        if self.renegotiating.is_none() {
            lines.push(choice_line(
                "Size",
                &SIZES.map(size_words),
                SIZES.iter().position(|s| *s == self.size),
                self.focus == Field::Size,
                theme,
            ));
        } else {
            lines.push(self.note.line("Note", self.focus == Field::Note, theme));
        }
        lines.push(Line::raw(""));
        if let Some(error) = &self.error {
            lines.push(Line::styled(error.clone(), theme.error()));
        }
        let keys: Vec<String> = hints(PROMISE_FORM)
            .iter()
            .map(|(key, does)| format!("{key} {does}"))
            .collect();
        lines.push(Line::styled(keys.join(" · "), theme.muted()));
        lines
    }
}

/// A row of choices with the chosen one marked.
fn choice_line(
    label: &str,
    choices: &[&str],
    chosen: Option<usize>,
    focused: bool,
    theme: Theme,
) -> Line<'static> {
    let label_style = if focused { theme.key() } else { theme.muted() };
    let mut spans = vec![Span::styled(format!("{label:<10}"), label_style)];
    for (at, choice) in choices.iter().enumerate() {
        if Some(at) == chosen {
            let style = if focused {
                theme.selected()
            } else {
                theme.heading()
            };
            spans.push(Span::styled(format!("[{choice}]"), style));
        } else {
            spans.push(Span::styled(format!(" {choice} "), theme.muted()));
        }
    }
    Line::from(spans)
}

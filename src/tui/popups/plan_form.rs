//! The plan item form: the three parts in the owner's words, and for a new item an optional hard date.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::{Line, Span};

use crate::journal::{
    Change, HardDate, MOST_PLAN_PART_CHARS, PartnerId, PlanItem, PlanParts, RecordId,
};
use crate::tui::keys::popups::{PLAN_ITEM_FORM, PlanItemKey};
use crate::tui::keys::{command, hints};
use crate::tui::popups::outcome::Outcome;
use crate::tui::theme::Theme;
use crate::tui::widgets::line_input::LineInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    BringsItOn,
    HelpsMe,
    IAsk,
    Date,
    Repeat,
}

/// A new plan item, or new words for one (`editing`); the hard date is set when it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemForm {
    pub owner: PartnerId,
    /// The other partner's name, for the explanation.
    pub other: String,
    pub editing: Option<RecordId>,
    pub brings_it_on: LineInput,
    pub helps_me: LineInput,
    pub i_ask: LineInput,
    pub date: LineInput,
    pub yearly: bool,
    focus: Field,
    pub error: Option<String>,
    /// The three parts' words as the form opened with them: empty for a new item, the
    /// item's own for an edit.
    opened_with: [String; 3],
}

impl ItemForm {
    /// Whether any of the three parts holds words.
    pub fn has_words(&self) -> bool {
        [&self.brings_it_on, &self.helps_me, &self.i_ask]
            .iter()
            .any(|input| !input.text().trim().is_empty())
    }

    fn parts(&self) -> [String; 3] {
        [&self.brings_it_on, &self.helps_me, &self.i_ask].map(|input| input.text().to_owned())
    }

    /// Whether the words differ from the ones the form opened with (a new item's typed
    /// words, or an item's words changed).
    pub fn has_typed_words(&self) -> bool {
        self.parts() != self.opened_with
    }

    pub fn new(owner: PartnerId, other: &str) -> ItemForm {
        ItemForm {
            owner,
            other: other.to_owned(),
            editing: None,
            brings_it_on: LineInput::new(MOST_PLAN_PART_CHARS),
            helps_me: LineInput::new(MOST_PLAN_PART_CHARS),
            i_ask: LineInput::new(MOST_PLAN_PART_CHARS),
            date: LineInput::new(10),
            yearly: false,
            focus: Field::BringsItOn,
            error: None,
            opened_with: Default::default(),
        }
    }

    /// A form to give `item` new words, starting from the ones it has.
    pub fn edit(item: &PlanItem, other: &str) -> ItemForm {
        let mut form = ItemForm::new(item.owner(), other);
        form.editing = Some(item.meta.id);
        form.brings_it_on = LineInput::with_text(MOST_PLAN_PART_CHARS, &item.brings_it_on);
        form.helps_me = LineInput::with_text(MOST_PLAN_PART_CHARS, &item.helps_me);
        form.i_ask = LineInput::with_text(MOST_PLAN_PART_CHARS, &item.i_ask_of_you);
        form.opened_with = form.parts();
        form
    }

    fn fields(&self) -> &'static [Field] {
        match self.editing {
            Some(_) => &[Field::BringsItOn, Field::HelpsMe, Field::IAsk],
            None => &[
                Field::BringsItOn,
                Field::HelpsMe,
                Field::IAsk,
                Field::Date,
                Field::Repeat,
            ],
        }
    }

    fn move_focus(&mut self, step: isize) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = (at as isize + step).rem_euclid(fields.len() as isize) as usize;
        self.focus = fields[next];
    }

    fn focused_input(&mut self) -> Option<&mut LineInput> {
        match self.focus {
            Field::BringsItOn => Some(&mut self.brings_it_on),
            Field::HelpsMe => Some(&mut self.helps_me),
            Field::IAsk => Some(&mut self.i_ask),
            Field::Date => Some(&mut self.date),
            Field::Repeat => None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.focused_input() {
            input.paste(text);
        }
    }

    /// The hard date typed, if any, or why it cannot be read.
    fn hard_date(&self) -> Result<Option<HardDate>, String> {
        let typed = self.date.text().trim();
        if typed.is_empty() {
            return Ok(None);
        }
        let day = NaiveDate::parse_from_str(typed, "%Y-%m-%d")
            .map_err(|_| format!("\"{typed}\" is not a date; please write it as YYYY-MM-DD."))?;
        Ok(Some(HardDate {
            day,
            yearly: self.yearly,
        }))
    }

    /// The change the form describes; the journal checks the words when it is applied.
    fn change(&self) -> Result<Change, String> {
        let parts = PlanParts {
            brings_it_on: self.brings_it_on.text().to_owned(),
            helps_me: self.helps_me.text().to_owned(),
            i_ask_of_you: self.i_ask.text().to_owned(),
        };
        Ok(match self.editing {
            Some(id) => Change::EditPlanItem {
                id,
                by: self.owner,
                parts,
            },
            None => Change::AddPlanItem {
                owner: self.owner,
                parts,
                hard_date: self.hard_date()?,
            },
        })
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        self.error = None;
        let typing = self.focus != Field::Repeat;
        match command(PLAN_ITEM_FORM, key, typing) {
            Some(PlanItemKey::Cancel) => return Outcome::Cancel,
            Some(PlanItemKey::Save) => return Outcome::of(self.change(), &mut self.error),
            Some(PlanItemKey::Next) => self.move_focus(1),
            Some(PlanItemKey::Previous) => self.move_focus(-1),
            Some(PlanItemKey::Toggle) if !typing => self.yearly = !self.yearly,
            Some(PlanItemKey::Toggle) | None => {
                if let Some(input) = self.focused_input() {
                    input.on_key(key);
                }
            }
        }
        Outcome::Stay
    }

    pub fn title(&self) -> String {
        match self.editing {
            Some(_) => "Change this plan item".to_owned(),
            None => "A new plan item".to_owned(),
        }
    }

    pub fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let intro = match self.editing {
            Some(_) => format!(
                "New words ask {} to read the item again. The hard date stays as it is.",
                self.other
            ),
            None => format!(
                "One situation, in your own words. {} reads it and agrees or suggests a change.",
                self.other
            ),
        };
        let mut lines = vec![Line::styled(intro, theme.muted()), Line::raw("")];
        let field = |input: &LineInput, label: &str, field: Field| {
            input.line(label, self.focus == field, theme)
        };
        lines.push(Line::styled("What brings it on", theme.muted()));
        lines.push(field(&self.brings_it_on, "", Field::BringsItOn));
        lines.push(Line::styled("What helps me", theme.muted()));
        lines.push(field(&self.helps_me, "", Field::HelpsMe));
        lines.push(Line::styled("What I ask of you", theme.muted()));
        lines.push(field(&self.i_ask, "", Field::IAsk));
        if self.editing.is_none() {
            lines.push(Line::raw(""));
            lines.push(field(&self.date, "Hard date", Field::Date));
            lines.push(repeat_line(self.yearly, self.focus == Field::Repeat, theme));
            lines.push(Line::styled(
                "A date known to be hard, as YYYY-MM-DD; leave it empty if there is none.",
                theme.muted(),
            ));
        }
        lines.push(Line::raw(""));
        if let Some(error) = &self.error {
            lines.push(Line::styled(error.clone(), theme.error()));
        }
        let keys: Vec<String> = hints(PLAN_ITEM_FORM)
            .iter()
            .map(|(key, does)| format!("{key} {does}"))
            .collect();
        lines.push(Line::styled(keys.join(" · "), theme.muted()));
        lines
    }
}

/// The once / every year choice, the chosen one marked.
fn repeat_line(yearly: bool, focused: bool, theme: Theme) -> Line<'static> {
    let label_style = if focused { theme.key() } else { theme.muted() };
    let on = if focused {
        theme.selected()
    } else {
        theme.heading()
    };
    let choice = |words: &str, chosen: bool| {
        if chosen {
            Span::styled(format!("[{words}]"), on)
        } else {
            Span::styled(format!(" {words} "), theme.muted())
        }
    };
    Line::from(vec![
        Span::styled(format!("{:<10}", "Comes"), label_style),
        choice("once", !yearly),
        choice("every year", yearly),
    ])
}

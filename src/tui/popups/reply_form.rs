//! The reply form: "I read this" on the other partner's shared entry, with a few words if wished.

use ratatui::crossterm::event::KeyEvent;
use ratatui::text::Line;

use super::outcome::Outcome;
use crate::journal::text::one_line;
use crate::journal::{Change, Clock, MOST_REPLY_CHARS, PartnerId, RecordId};
use crate::tui::keys::command;
use crate::tui::keys::popups::{NOTE_FORM, NoteFormKey};
use crate::tui::theme::Theme;
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::text;

/// The most columns of the entry quoted at the top of the form.
const QUOTE_COLUMNS: usize = 56;

/// A reply being written to one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyForm {
    pub entry: RecordId,
    pub by: PartnerId,
    /// The entry's author, for the explanation.
    pub author: String,
    /// The entry's first line, quoted at the top.
    pub subject: String,
    pub input: LineInput,
    pub error: Option<String>,
    /// The clock of the reply already there when the form opened, if any.
    pub seen: Option<Clock>,
}

impl ReplyForm {
    /// The form for `by`'s reply to `entry` (by `author`, whose first line is quoted), as
    /// the journal holds it now (`seen`: the reply already there, if any).
    pub fn new(
        entry: RecordId,
        by: PartnerId,
        author: &str,
        entry_text: &str,
        seen: Option<Clock>,
    ) -> ReplyForm {
        let first = entry_text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        ReplyForm {
            entry,
            by,
            author: one_line(author).into_owned(),
            subject: text::fit(&one_line(first), QUOTE_COLUMNS)
                .trim_end()
                .to_owned(),
            input: LineInput::new(MOST_REPLY_CHARS),
            error: None,
            seen,
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.input.paste(text);
    }

    /// The change the form sends: with no words typed, the reply is just "I read this".
    pub fn change(&self) -> Change {
        Change::ReplyToEntry {
            entry: self.entry,
            by: self.by,
            text: self.input.answer(),
            seen: self.seen.clone(),
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        self.error = None;
        match command(NOTE_FORM, key, true) {
            Some(NoteFormKey::Cancel) => Outcome::Cancel,
            Some(NoteFormKey::Save) => Outcome::Submit(self.change()),
            None => {
                self.input.on_key(key);
                Outcome::Stay
            }
        }
    }

    pub fn title(&self) -> String {
        "I read this".to_owned()
    }

    pub fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let author = &self.author;
        let mut lines = Vec::new();
        if !self.subject.is_empty() {
            lines.push(Line::styled(format!("“{}”", self.subject), theme.prompt()));
        }
        lines.push(Line::styled(
            format!("{author} will see your reply under this entry and on their evening screen."),
            theme.muted(),
        ));
        lines.push(Line::raw(""));
        lines.push(self.input.line("Reply", true, theme));
        lines.push(Line::raw(""));
        if let Some(error) = &self.error {
            lines.push(Line::styled(error.clone(), theme.error()));
        }
        // With nothing typed, the form says what Enter will save.
        let saves = if self.input.answer().is_some() {
            "your words"
        } else {
            "“I read this.” (a few words are optional)"
        };
        let keys: Vec<String> = NOTE_FORM
            .iter()
            .map(|b| match b.command {
                Some(NoteFormKey::Save) => format!("{} {} {saves}", b.hint, b.does),
                _ => format!("{} {}", b.hint, b.does),
            })
            .collect();
        lines.push(Line::styled(keys.join(" · "), theme.muted()));
        lines
    }
}

//! A one-line text field for short answers: typing, pasting and deleting, with a length limit.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::keys::typed_char;
use ratatui::text::{Line, Span};

use crate::journal::text::one_line;
use crate::tui::theme::Theme;

/// A short line of text, at most `max_chars` characters, without control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    max_chars: usize,
    /// How many characters of the last paste (or key) did not fit: said beside the field
    /// until the next change, so no one saves words cut short without knowing.
    left_out: usize,
}

/// Adds `pasted` to `text`, made [`one_line`] (line breaks and tabs become spaces, other
/// control characters a visible mark), up to `max_chars` in all; returns how many
/// characters did not fit.
pub fn add_fitting(text: &mut String, max_chars: usize, pasted: &str) -> usize {
    let room = max_chars.saturating_sub(text.chars().count());
    let line = one_line(pasted);
    let mut chars = line.chars();
    text.extend(chars.by_ref().take(room));
    chars.count()
}

/// What is said beside a field when `left_out` characters did not fit in it, if any did.
pub fn left_out_notice(left_out: usize, max_chars: usize, theme: Theme) -> Option<Span<'static>> {
    (left_out > 0).then(|| {
        let what = crate::words::count(left_out, "character", "characters");
        Span::styled(
            format!("  {what} did not fit and were left out: at most {max_chars} here"),
            theme.gentle(),
        )
    })
}

impl LineInput {
    pub fn new(max_chars: usize) -> LineInput {
        LineInput {
            text: String::new(),
            max_chars,
            left_out: 0,
        }
    }

    pub fn with_text(max_chars: usize, text: &str) -> LineInput {
        let mut input = LineInput::new(max_chars);
        input.paste(text);
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text without surrounding spaces, or `None` when nothing was typed.
    pub fn answer(&self) -> Option<String> {
        let trimmed = self.text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    fn room(&self) -> usize {
        self.max_chars.saturating_sub(self.text.chars().count())
    }

    /// Adds pasted text made [`one_line`]: line breaks and tabs become spaces, other control
    /// characters a visible mark, and what does not fit is left out, and said so.
    pub fn paste(&mut self, text: &str) {
        self.left_out = add_fitting(&mut self.text, self.max_chars, text);
    }

    /// How many characters of the last paste or key did not fit.
    pub fn left_out(&self) -> usize {
        self.left_out
    }

    /// Handles a typing key; returns false for keys that are not typing, so the form can use them.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        if let Some(c) = typed_char(key) {
            match self.room() > 0 {
                true => {
                    self.text.push(c);
                    self.left_out = 0;
                }
                false => self.left_out = 1,
            }
            return true;
        }
        match key.code {
            KeyCode::Backspace => {
                self.text.pop();
                self.left_out = 0;
                true
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.text.clear();
                self.left_out = 0;
                true
            }
            _ => false,
        }
    }

    /// The field as a line: a label, the text, and a cursor block when it has the focus.
    pub fn line(&self, label: &str, focused: bool, theme: Theme) -> Line<'static> {
        let label_style = if focused { theme.key() } else { theme.muted() };
        let mut spans = vec![
            Span::styled(label_column(label), label_style),
            Span::raw(self.text.clone()),
        ];
        if focused {
            spans.push(Span::styled(" ", theme.selected()));
        }
        spans.extend(left_out_notice(self.left_out, self.max_chars, theme));
        Line::from(spans)
    }
}

/// `label` as the column before a field's words: ten columns wide, and never touching the
/// words after it ("Alex heard" is ten columns and gets a space of its own).
pub fn label_column(label: &str) -> String {
    let columns = crate::tui::widgets::text::width(label);
    match columns {
        0..10 => format!("{label}{}", " ".repeat(10 - columns)),
        _ if label.ends_with(' ') => label.to_owned(),
        _ => format!("{label} "),
    }
}

#[cfg(test)]
mod tests {
    use super::label_column;

    #[test]
    fn a_label_never_touches_the_words_after_it() {
        assert_eq!(label_column("Note"), "Note      ");
        assert_eq!(label_column("Alex heard"), "Alex heard ");
        assert_eq!(
            label_column("Alexandra-Maria heard"),
            "Alexandra-Maria heard "
        );
        assert_eq!(label_column("A short note: "), "A short note: ");
    }
}

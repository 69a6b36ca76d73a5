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
}

impl LineInput {
    pub fn new(max_chars: usize) -> LineInput {
        LineInput {
            text: String::new(),
            max_chars,
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
    /// characters a visible mark, and what does not fit is left out.
    pub fn paste(&mut self, text: &str) {
        let room = self.room();
        self.text.extend(one_line(text).chars().take(room));
    }

    /// Handles a typing key; returns false for keys that are not typing, so the form can use them.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        if let Some(c) = typed_char(key) {
            if self.room() > 0 {
                self.text.push(c);
            }
            return true;
        }
        match key.code {
            KeyCode::Backspace => {
                self.text.pop();
                true
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.text.clear();
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

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
    /// What did not fit at the last paste or key: said beside the field until the next
    /// change, so no one saves words cut short without knowing.
    overflow: Overflow,
}

/// What did not fit in a field at its last change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overflow {
    #[default]
    None,
    /// This many characters of a paste were left out.
    Pasted(usize),
    /// A key was typed into a full field.
    Full,
}

impl Overflow {
    /// After a paste that left `left_out` characters out.
    pub fn of_paste(left_out: usize) -> Overflow {
        match left_out {
            0 => Overflow::None,
            n => Overflow::Pasted(n),
        }
    }

    /// What is said beside a field that holds at most `max_chars`, if anything did not fit.
    pub fn notice(self, max_chars: usize, theme: Theme) -> Option<Span<'static>> {
        let words = match self {
            Overflow::None => return None,
            Overflow::Pasted(n) => format!("{}: at most {max_chars} here", left_out_words(n)),
            Overflow::Full => format!("this is full: at most {max_chars} characters here"),
        };
        Some(Span::styled(format!("  {words}"), theme.gentle()))
    }
}

/// "1 character did not fit and was left out", "3 characters did not fit and were left out".
pub fn left_out_words(left_out: usize) -> String {
    match left_out {
        1 => "1 character did not fit and was left out".to_owned(),
        n => format!("{n} characters did not fit and were left out"),
    }
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

impl LineInput {
    pub fn new(max_chars: usize) -> LineInput {
        LineInput {
            text: String::new(),
            max_chars,
            overflow: Overflow::None,
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
        self.overflow = Overflow::of_paste(add_fitting(&mut self.text, self.max_chars, text));
    }

    /// Handles a typing key; returns false for keys that are not typing, so the form can use them.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        if let Some(c) = typed_char(key) {
            match self.room() > 0 {
                true => {
                    self.text.push(c);
                    self.overflow = Overflow::None;
                }
                false => self.overflow = Overflow::Full,
            }
            return true;
        }
        match key.code {
            KeyCode::Backspace => {
                self.text.pop();
                self.overflow = Overflow::None;
                true
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.text.clear();
                self.overflow = Overflow::None;
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
        spans.extend(self.overflow.notice(self.max_chars, theme));
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

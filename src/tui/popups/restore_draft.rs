//! The restore-draft popup: writing that was not saved, offered back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::draft::Draft;
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::{key_line, popup};

pub fn render(draft: Option<&Draft>, theme: Theme, frame: &mut Frame, area: Rect) {
    let key = |k: &str, what: &str| key_line(theme, k, what);
    let words = draft.map_or(0, |d| d.text.split_whitespace().count());
    let when = draft.map_or_else(String::new, |d| d.day.format("%a %-d %b").to_string());
    let preview = draft.map_or_else(String::new, |d| first_words(&d.text, 60));
    popup(
        frame,
        area,
        "Unsaved writing",
        vec![
            Line::raw(format!(
                "You have writing from {when} that was not saved ({}).",
                crate::words::count(words, "word", "words")
            )),
            Line::styled(format!("\"{preview}\""), theme.prompt()),
            Line::raw(""),
            key("r", "bring it back"),
            key("d", "let it go"),
            key("Esc", "decide later"),
        ],
        theme,
    )
}

/// The start of a text, cut at a word boundary, with an ellipsis if there is more.
fn first_words(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let cut: String = flat.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

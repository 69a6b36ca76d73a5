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
    popup(
        frame,
        area,
        "Unsaved writing",
        vec![
            Line::raw(format!(
                "You have writing from {when} that was not saved ({}).",
                crate::words::count(words, "word", "words")
            )),
            // Only that it exists: its words show once its writer brings it back.
            Line::styled(
                "Its words stay hidden until you bring it back.",
                theme.muted(),
            ),
            Line::raw(""),
            key("r", "bring it back"),
            key("d", "let it go"),
            key("Esc", "decide later"),
        ],
        theme,
    )
}

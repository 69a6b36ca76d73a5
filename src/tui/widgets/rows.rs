//! Fitting a list of rows to the screen: which rows to draw, and how wide the name column is.

use ratatui::layout::Rect;

use crate::journal::Journal;
use crate::tui::widgets::text;

/// The widest a partner's name column gets on a list; longer names are cut.
pub const NAME_COLUMNS: usize = 12;

/// The width of the name column on the journal's rows and hits: the longer partner's name,
/// up to [`NAME_COLUMNS`] wide.
pub fn name_columns(journal: &Journal) -> usize {
    journal
        .partners
        .iter()
        .map(|p| text::width(&p.name))
        .max()
        .unwrap_or(0)
        .min(NAME_COLUMNS)
}

/// The first row to draw and how many fit in `body`, so the chosen row is in view.
pub fn rows_in_view(selected: usize, body: Rect) -> (usize, usize) {
    let height = usize::from(body.height.max(1));
    (selected.saturating_sub(height.saturating_sub(1)), height)
}

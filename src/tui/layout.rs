//! Where the header, the screen's body, the notice and the hint line go in a window.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// The four bands of a window, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    pub header: Rect,
    /// The screen's own part, a column in from each side.
    pub body: Rect,
    pub notice: Rect,
    pub hints: Rect,
}

/// The rows a notice of `chars` characters takes in a window `width` wide: 1 to 3, and 1
/// when there is no notice.
pub fn notice_rows(chars: Option<usize>, width: u16) -> u16 {
    chars.map_or(1, |chars| {
        let room = usize::from(width.saturating_sub(2).max(1));
        u16::try_from((chars + 1).div_ceil(room))
            .unwrap_or(3)
            .clamp(1, 3)
    })
}

/// The bands of `window` with a notice `notice_rows` high; the drawing and a screen that
/// scrolls ask this one function, so they agree on the room the screen has.
pub fn bands(window: Rect, notice_rows: u16) -> Bands {
    let [header, body, notice, hints] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(notice_rows),
        Constraint::Length(1),
    ])
    .areas(window);
    Bands {
        header,
        body: body.inner(Margin::new(1, 0)),
        notice,
        hints,
    }
}

/// The room a screen's body had in the window last drawn, as it will have once a key has
/// cleared the notice; an 80×24 window before the first frame.
pub fn body_after_key(window: Option<Rect>) -> Rect {
    bands(window.unwrap_or(Rect::new(0, 0, 80, 24)), 1).body
}

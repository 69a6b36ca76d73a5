//! A list of lines that scrolls: headings stay with their first line, and a calm count says what is above or below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::theme::Theme;

/// One line of the list; a heading is never shown without the line under it.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub line: Line<'a>,
    pub heading: bool,
    /// A closing line that may be left for scrolling to without a "↓ 1 more" of its own,
    /// so the sign never takes the room of a line that matters more.
    pub quiet: bool,
}

impl<'a> Row<'a> {
    pub fn heading(line: impl Into<Line<'a>>) -> Row<'a> {
        Row {
            line: line.into(),
            heading: true,
            quiet: false,
        }
    }

    pub fn plain(line: impl Into<Line<'a>>) -> Row<'a> {
        Row {
            line: line.into(),
            heading: false,
            quiet: false,
        }
    }

    pub fn quiet(line: impl Into<Line<'a>>) -> Row<'a> {
        Row {
            line: line.into(),
            heading: false,
            quiet: true,
        }
    }

    fn is_blank(&self) -> bool {
        self.line.width() == 0
    }
}

/// What shows in an area for a wanted first line: the rows from `start` to `end`, and how
/// many lines (blank lines and headings aside) are left above and below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub above: usize,
    pub below: usize,
}

/// A list laid out at one width and height.
pub struct Scroll<'r, 'a> {
    rows: &'r [Row<'a>],
    heights: Vec<usize>,
    height: usize,
    /// The rows after the last line with something on it count for nothing.
    content_end: usize,
}

impl<'r, 'a> Scroll<'r, 'a> {
    pub fn new(rows: &'r [Row<'a>], area: Rect) -> Scroll<'r, 'a> {
        let heights = rows
            .iter()
            .map(|row| {
                let paragraph = Paragraph::new(row.line.clone()).wrap(Wrap { trim: false });
                paragraph.line_count(area.width).max(1)
            })
            .collect();
        let content_end = rows
            .iter()
            .rposition(|r| !r.is_blank())
            .map_or(0, |i| i + 1);
        Scroll {
            rows,
            heights,
            height: usize::from(area.height),
            content_end,
        }
    }

    /// Where a line can be first: any line with something on it.
    fn is_stop(&self, index: usize) -> bool {
        index == 0 || self.rows.get(index).is_some_and(|r| !r.is_blank())
    }

    /// The lines from `from` to `to` a sign counts: those with words, headings aside
    /// (unless there are only headings).
    fn counted(&self, from: usize, to: usize) -> usize {
        let rows = &self.rows[from..to];
        match rows.iter().filter(|r| !r.is_blank() && !r.heading).count() {
            0 => rows.iter().filter(|r| !r.is_blank()).count(),
            n => n,
        }
    }

    /// The rows from `start` that fit in `room`; a heading whose first line does not fit
    /// goes down with it.
    fn take(&self, start: usize, room: usize) -> usize {
        let mut used = 0;
        let mut end = start;
        while end < self.content_end && used + self.heights[end] <= room {
            used += self.heights[end];
            end += 1;
        }
        while end < self.content_end && end > start && self.rows[end - 1].heading {
            end -= 1;
        }
        end
    }

    /// What shows with `start` first, a row kept for each sign that shows.
    fn fit(&self, start: usize) -> Window {
        let start = start.min(self.content_end);
        let above = self.counted(0, start);
        let room = self.height.saturating_sub(usize::from(above > 0));
        let mut end = self.take(start, room);
        let left = &self.rows[end..self.content_end];
        if left.iter().any(|r| !r.is_blank() && !r.quiet) {
            end = self.take(start, room.saturating_sub(1));
        }
        let below = match self.rows[end..self.content_end]
            .iter()
            .all(|r| r.quiet || r.is_blank())
        {
            true => 0,
            false => self.counted(end, self.content_end),
        };
        Window {
            start,
            end,
            above,
            below,
        }
    }

    /// Whether everything from `start` to the end shows, quiet lines too.
    fn all_fits(&self, start: usize) -> bool {
        let above = usize::from(self.counted(0, start) > 0);
        above + self.heights[start..self.content_end].iter().sum::<usize>() <= self.height
    }

    /// The last line that can be first: from it on, everything fits.
    pub fn last_start(&self) -> usize {
        let stops = (0..self.content_end.max(1)).filter(|i| self.is_stop(*i));
        let mut last = 0;
        for stop in stops {
            last = stop;
            if self.all_fits(stop) {
                break;
            }
        }
        last
    }

    /// What shows when `wanted` is asked for first; never past [`Scroll::last_start`].
    pub fn window(&self, wanted: usize) -> Window {
        self.fit(wanted.min(self.last_start()))
    }

    /// The next line that can be first, after the one shown first for `wanted`.
    pub fn down(&self, wanted: usize) -> usize {
        let start = self.window(wanted).start;
        let next = (start + 1..self.content_end).find(|i| self.is_stop(*i));
        next.unwrap_or(start).min(self.last_start())
    }

    /// The line before.
    pub fn up(&self, wanted: usize) -> usize {
        let start = self.window(wanted).start;
        (0..start).rev().find(|i| self.is_stop(*i)).unwrap_or(0)
    }

    /// A page on: the first line not shown comes first.
    pub fn page_down(&self, wanted: usize) -> usize {
        let shown = self.window(wanted);
        let next = (shown.end.max(shown.start + 1)..self.content_end).find(|i| self.is_stop(*i));
        next.unwrap_or(shown.start).min(self.last_start())
    }

    /// A page back: as many lines before as fit with both signs.
    pub fn page_up(&self, wanted: usize) -> usize {
        let start = self.window(wanted).start;
        let room = self.height.saturating_sub(2);
        let mut used = 0;
        let mut first = start;
        for i in (0..start).rev() {
            used += self.heights[i];
            if used > room {
                break;
            }
            if self.is_stop(i) {
                first = i;
            }
        }
        if first == start {
            self.up(wanted)
        } else {
            first
        }
    }

    /// Draws the rows shown for `wanted` into `area`, with "↑ 2 more" above them when some
    /// are above and "↓ 3 more" under them when some are below.
    pub fn render(&self, wanted: usize, frame: &mut Frame, area: Rect, theme: Theme) {
        let shown = self.window(wanted);
        let mut area = area;
        if shown.above > 0 && area.height > 0 {
            let sign = Line::styled(format!("  ↑ {} more", shown.above), theme.muted());
            frame.render_widget(Paragraph::new(sign), Rect { height: 1, ..area });
            area.y += 1;
            area.height -= 1;
        }
        if shown.below > 0 && area.height > 0 {
            area.height -= 1;
            let sign = Line::styled(format!("  ↓ {} more", shown.below), theme.muted());
            let at = Rect {
                y: area.y + area.height,
                height: 1,
                ..area
            };
            frame.render_widget(Paragraph::new(sign), at);
        }
        let lines: Vec<Line> = self.rows[shown.start..shown.end]
            .iter()
            .map(|r| r.line.clone())
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }
}

/// How far [`render_paragraph`] scrolls `total` rows in an area `height` rows high: until
/// the last row is at the foot (below the "↑" sign, when there is room for one).
pub fn furthest(total: usize, height: u16) -> u16 {
    let height = usize::from(height);
    let furthest = match total <= height || height < 3 {
        true => total.saturating_sub(height),
        // At the end only the top sign shows, so the last rows start just below it.
        false => total - (height - 1),
    };
    u16::try_from(furthest).unwrap_or(u16::MAX)
}

/// Draws `paragraph` in `area`, scrolled down `scroll` of its rows (as wrapped at the area's
/// width), with "↑ 2 more" on the top row when rows are above and "↓ 3 more" on the bottom
/// row when rows are below. A scroll past the end shows the last rows.
pub fn render_paragraph(
    paragraph: Paragraph<'_>,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let total = paragraph.line_count(area.width);
    let height = usize::from(area.height);
    let scroll = usize::from(scroll.min(furthest(total, area.height)));
    // Too small for a sign and a line, or nothing to scroll: the paragraph as it is.
    if total <= height || height < 3 {
        let offset = u16::try_from(scroll).unwrap_or(u16::MAX);
        frame.render_widget(paragraph.scroll((offset, 0)), area);
        return;
    }
    let mut room = height - usize::from(scroll > 0);
    if total > scroll + room {
        room -= 1;
    }
    let below = total.saturating_sub(scroll + room);
    let mut body = area;
    if scroll > 0 {
        let sign = Line::styled(format!("  ↑ {scroll} more"), theme.muted());
        frame.render_widget(Paragraph::new(sign), Rect { height: 1, ..area });
        body.y += 1;
        body.height -= 1;
    }
    if below > 0 {
        body.height -= 1;
        let sign = Line::styled(format!("  ↓ {below} more"), theme.muted());
        let at = Rect {
            y: body.y + body.height,
            height: 1,
            ..body
        };
        frame.render_widget(Paragraph::new(sign), at);
    }
    let offset = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(paragraph.scroll((offset, 0)), body);
}

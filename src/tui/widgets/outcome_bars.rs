//! Bars of promises kept, renegotiated and not kept, told apart by their symbol as well as
//! their colour (so they read under NO_COLOR), and the legend that names each symbol.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// How a promise turned out, as the bars and their legend show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Kept,
    Renegotiated,
    NotKept,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Kept, Outcome::Renegotiated, Outcome::NotKept];

    /// The block a bar of this kind is drawn with: full, medium and light shade.
    pub fn symbol(self) -> &'static str {
        match self {
            Outcome::Kept => "█",
            Outcome::Renegotiated => "▒",
            Outcome::NotKept => "░",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Kept => "kept",
            Outcome::Renegotiated => "renegotiated",
            Outcome::NotKept => "not kept",
        }
    }

    pub fn style(self, theme: Theme) -> Style {
        match self {
            Outcome::Kept => theme.done(),
            Outcome::Renegotiated => theme.calm(),
            Outcome::NotKept => theme.gentle(),
        }
    }
}

/// "█ kept  ▒ renegotiated  ░ not kept", each in its colour.
pub fn legend(theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, outcome) in Outcome::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(
            format!("{} {}", outcome.symbol(), outcome.label()),
            outcome.style(theme),
        ));
    }
    Line::from(spans)
}

/// One week's three bars, in the order of [`Outcome::ALL`], under a label such as "W47".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekBars {
    pub label: String,
    pub counts: [u32; 3],
}

/// Columns between two weeks' bars.
const GROUP_GAP: u16 = 2;
/// The width of one week: three bars a column apart, so the counts under them read as three
/// numbers ("2 1 1"), never as one ("211").
const GROUP_WIDTH: u16 = 5;
/// Columns from one bar of a week to the next.
const BAR_STEP: u16 = 2;

/// Draws the weeks left to right (the latest ones, when not all fit): the bars, their counts on
/// the row below, then the labels. A bar's height is its count against `tallest`; any count
/// above zero is at least one row high.
pub fn draw(weeks: &[WeekBars], tallest: u32, theme: Theme, buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.height < 3 || area.width < GROUP_WIDTH {
        return;
    }
    let fit = usize::from((area.width + GROUP_GAP) / (GROUP_WIDTH + GROUP_GAP));
    let shown = &weeks[weeks.len().saturating_sub(fit)..];
    let rows = u32::from(area.height - 2);
    let tallest = tallest.max(1);
    let counts_row = area.bottom() - 2;
    let labels_row = area.bottom() - 1;
    for (group, week) in (0u16..).zip(shown) {
        let left = area.x + group * (GROUP_WIDTH + GROUP_GAP);
        buf.set_stringn(
            left,
            labels_row,
            &week.label,
            usize::from(GROUP_WIDTH),
            theme.muted(),
        );
        let columns = (0..).map(|bar| left + bar * BAR_STEP);
        for ((column, outcome), count) in columns.zip(Outcome::ALL).zip(week.counts) {
            if count == 0 {
                continue;
            }
            let height = (count.min(tallest) * rows).div_ceil(tallest).max(1);
            let height = u16::try_from(height).unwrap_or(u16::MAX);
            for row in (counts_row.saturating_sub(height)..counts_row).rev() {
                if let Some(cell) = buf.cell_mut(Position::new(column, row)) {
                    cell.set_symbol(outcome.symbol())
                        .set_style(outcome.style(theme));
                }
            }
            // A count of ten or more does not fit under a bar one column wide.
            let number = if count < 10 {
                count.to_string()
            } else {
                "+".to_owned()
            };
            buf.set_string(column, counts_row, number, outcome.style(theme));
        }
    }
}

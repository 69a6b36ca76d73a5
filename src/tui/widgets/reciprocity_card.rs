//! The small reciprocity card: per partner, this week and the last four weeks of promises.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use crate::journal::Journal;
use crate::progress::{Progress, Reciprocity};
use crate::tui::theme::Theme;
use crate::tui::widgets::outcome_bars::Outcome;

/// One line of the card: a partner's promises over one stretch of time.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    /// The partner's name on their first line, empty on the second.
    pub name: String,
    pub period: &'static str,
    pub made: usize,
    pub kept: usize,
    pub renegotiated: usize,
    pub not_kept: usize,
    /// Their promises the other partner said they noticed.
    pub noticed: usize,
}

impl CardRow {
    fn of(name: &str, period: &'static str, r: Reciprocity) -> CardRow {
        let count = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        CardRow {
            name: name.to_owned(),
            period,
            made: count(r.made),
            kept: count(r.kept),
            renegotiated: count(r.renegotiated),
            not_kept: count(r.broken),
            noticed: count(r.promises_noticed),
        }
    }
}

/// The card's lines: each partner's week so far, then their last four weeks (this one included).
pub fn rows(progress: &Progress, journal: &Journal) -> Vec<CardRow> {
    let this_week = progress.this_week();
    let four_weeks_back = progress.weeks_before(this_week, 3);
    journal
        .partners
        .iter()
        .flat_map(|p| {
            [
                CardRow::of(&p.name, "this week", progress.reciprocity(p.id, this_week)),
                CardRow::of(
                    "",
                    "4 weeks",
                    progress.reciprocity_between(p.id, four_weeks_back, this_week),
                ),
            ]
        })
        .collect()
}

/// How tall the card is with two partners: borders, the header and four rows.
pub const CARD_HEIGHT: u16 = 7;

pub fn draw(rows: &[CardRow], theme: Theme, frame: &mut Frame, area: Rect) {
    let plain = |h: &'static str| Cell::from(Line::styled(h, theme.muted()).right_aligned());
    // The outcomes' names in the colours of the bars on the progress view.
    let outcome = |o: Outcome| Cell::from(Line::styled(o.label(), o.style(theme)).right_aligned());
    let header = Row::new([
        plain(""),
        plain(""),
        plain("made"),
        outcome(Outcome::Kept),
        outcome(Outcome::Renegotiated),
        outcome(Outcome::NotKept),
        plain("noticed"),
    ]);
    let body = rows.iter().map(|r| {
        let numbers = [r.made, r.kept, r.renegotiated, r.not_kept, r.noticed]
            .map(|n| Cell::from(Line::from(n.to_string()).right_aligned()));
        let mut cells = vec![
            Cell::from(Line::styled(r.name.clone(), theme.heading())),
            Cell::from(Line::styled(r.period, theme.muted())),
        ];
        cells.extend(numbers);
        Row::new(cells)
    });
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Length(12),
        Constraint::Length(8),
        Constraint::Length(7),
    ];
    let table = Table::new(body, widths).header(header).block(
        Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .padding(ratatui::widgets::Padding::horizontal(1))
            .title(" Following through "),
    );
    frame.render_widget(table, area);
}

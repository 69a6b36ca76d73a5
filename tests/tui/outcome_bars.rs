//! The reciprocity bars read without colour: kept, renegotiated and not kept each have their
//! own symbol, named by a legend that also shows their colours when colour is on.

use crate::harness as tui_support;

use chrono::{TimeZone, Utc};
use mend::journal::{Journal, NewPromise, PromiseAction};
use mend::tui::theme::Theme;
use mend::tui::widgets::outcome_bars::Outcome;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tui_support::{ALEX, Harness, SAM, day, lived_in_journal};

/// The lived-in journal, with this week one promise of Alex's kept, one renegotiated and one
/// not kept.
fn journal_with_every_outcome() -> Journal {
    let mut j = lived_in_journal();
    let today = day(11, 25);
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 21, 0, 0).unwrap();
    for (text, action) in [
        ("Walk after dinner", PromiseAction::Keep),
        (
            "Fix the bike together",
            PromiseAction::Renegotiate {
                text: None,
                due: Some(day(12, 5)),
            },
        ),
        ("Ring your sister", PromiseAction::Break),
    ] {
        let new = NewPromise {
            by: ALEX,
            to: SAM,
            text: text.into(),
            made: day(11, 23),
            due: Some(day(11, 24)),
            size: None,
        };
        let id = j.add_promise(new, at, today).unwrap();
        j.change_promise(id, ALEX, action, None, at, today).unwrap();
    }
    j
}

/// The reciprocity section of the progress view, drawn at 80x24 with or without colour.
fn reciprocity(color: bool) -> Buffer {
    let mut h = Harness::new(Some(journal_with_every_outcome()));
    h.app.theme = Theme { color };
    h.keys("<Down><Down><Enter>3");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| mend::tui::draw::draw(&h.app, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    ratatui::backend::TestBackend::with_lines((0..buffer.area.height).map(|y| {
        (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect::<String>()
    }))
    .to_string()
}

/// Where `needle` starts on screen, as (column, row) of its first character.
fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buffer.area.height {
        let cells: Vec<&str> = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        let line = cells.concat();
        if let Some(at) = line.find(needle) {
            let column = cells
                .iter()
                .scan(0, |bytes, s| {
                    let start = *bytes;
                    *bytes += s.len();
                    Some(start)
                })
                .position(|start| start == at)
                .unwrap();
            return (u16::try_from(column).unwrap(), y);
        }
    }
    panic!("{needle:?} is not on screen:\n{}", text(buffer));
}

/// How many cells on screen hold `symbol`.
fn count(buffer: &Buffer, symbol: &str) -> usize {
    buffer
        .content
        .iter()
        .filter(|c| c.symbol() == symbol)
        .count()
}

#[test]
fn without_colour_each_outcome_has_its_own_symbol_and_the_legend_names_it() {
    let buffer = reciprocity(false);
    let screen = text(&buffer);
    insta::assert_snapshot!("reciprocity_no_color_80x24", screen);
    assert!(
        screen.contains("█ kept  ▒ renegotiated  ░ not kept"),
        "{screen}"
    );
    for outcome in Outcome::ALL {
        // One in the legend, and at least one in a bar.
        assert!(
            count(&buffer, outcome.symbol()) >= 2,
            "no {} bar:\n{screen}",
            outcome.label()
        );
    }
    assert!(
        buffer.content.iter().all(|c| c.fg == Color::Reset),
        "no colour under NO_COLOR"
    );
    // The counts under a week's bars read as three numbers, never as one ("111").
    assert!(screen.contains("1 1 1"), "{screen}");
    assert!(!screen.contains("11"), "{screen}");
}

#[test]
fn with_colour_the_legend_shows_each_outcome_in_the_colour_of_its_bars() {
    let buffer = reciprocity(true);
    assert_eq!(
        text(&buffer),
        text(&reciprocity(false)),
        "the same words and symbols with colour"
    );
    let mut colours = Vec::new();
    for outcome in Outcome::ALL {
        let (x, y) = find(
            &buffer,
            &format!("{} {}", outcome.symbol(), outcome.label()),
        );
        let legend = buffer[(x, y)].fg;
        assert_ne!(legend, Color::Reset, "{} has a colour", outcome.label());
        let bar_cells: Vec<Color> = buffer
            .content
            .iter()
            .enumerate()
            .filter(|(i, c)| c.symbol() == outcome.symbol() && *i != usize::from(y * 80 + x))
            .map(|(_, c)| c.fg)
            .collect();
        assert!(
            !bar_cells.is_empty() && bar_cells.iter().all(|c| *c == legend),
            "{} bars share the legend's colour: {legend:?} vs {bar_cells:?}",
            outcome.label()
        );
        colours.push(legend);
    }
    colours.dedup();
    assert_eq!(colours.len(), 3, "three different colours: {colours:?}");
}

#[test]
fn the_cards_column_names_share_the_colours_of_the_bars() {
    let mut h = Harness::new(Some(journal_with_every_outcome()));
    h.keys("<Enter>o");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| mend::tui::draw::draw(&h.app, frame))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let line_at = |y: u16| -> String {
        (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect()
    };
    let y = (0..buffer.area.height)
        .find(|y| {
            let line = line_at(*y);
            line.contains("made") && line.contains("noticed")
        })
        .unwrap_or_else(|| panic!("no card header:\n{}", text(buffer)));
    let line = line_at(y);
    for outcome in Outcome::ALL {
        let word = format!(" {}", outcome.label());
        let at = line.match_indices(&word).map(|(at, _)| at).find(|at| {
            // "kept" also ends "not kept".
            outcome != Outcome::Kept || !line[..*at].ends_with("not")
        });
        let at = at.unwrap_or_else(|| panic!("no {word:?} in {line:?}")) + 1;
        let column = line[..at].chars().count();
        let cell = &buffer[(u16::try_from(column).unwrap(), y)];
        assert_eq!(
            Some(cell.fg),
            outcome.style(Theme { color: true }).fg,
            "{} in {line:?}",
            outcome.label()
        );
    }
}

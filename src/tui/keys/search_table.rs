//! The journal search's keys, one table like every screen's (re-exported from [`super::tables`]).

use ratatui::crossterm::event::KeyCode::{Down, Enter, Esc, Up};

use super::{Binding, bind, key, quiet};

/// Searching the journal: every character is text for the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKey {
    Up,
    Down,
    Open,
    Back,
}

pub const SEARCH: &[Binding<SearchKey>] = &[
    bind(&[key(Up)], "↑/↓", "move", SearchKey::Up),
    quiet(&[key(Down)], "move down", SearchKey::Down),
    bind(&[key(Enter)], "Enter", "open", SearchKey::Open),
    bind(&[key(Esc)], "Esc", "clear, then back", SearchKey::Back),
];

/// One hit that is not an entry, shown whole.
pub const SEARCH_HIT: &[Binding<SearchKey>] = &[
    bind(
        &[key(Esc), key(Enter)],
        "Esc",
        "back to the hits",
        SearchKey::Back,
    ),
    quiet(&[key(Up)], "the hit before", SearchKey::Up),
    quiet(&[key(Down)], "the next hit", SearchKey::Down),
];

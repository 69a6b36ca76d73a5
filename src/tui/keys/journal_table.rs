//! The journal screen's keys: the list, your own entry read (with earlier versions or not),
//! your partner's entry read
//! (re-exported from [`super::tables`]).

use ratatui::crossterm::event::KeyCode::{Down, End, Enter, Esc, Home, PageDown, PageUp, Up};

use super::{Binding, bind, ch, key, quiet};

/// The journal's list, and one entry being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JournalKey {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Read,
    Partner,
    Stage,
    Edit,
    Delete,
    Undo,
    Search,
    Back,
    /// "I read this" on the other partner's entry being read.
    Reply,
    /// Keep your entry's words and let its earlier versions go (asked first).
    LetEarlierGo,
}

pub const JOURNAL: &[Binding<JournalKey>] = &[
    bind(&[key(Up), ch('k')], "↑/↓", "move", JournalKey::Up),
    quiet(&[key(Down), ch('j')], "move down", JournalKey::Down),
    bind(&[key(Enter)], "Enter", "read", JournalKey::Read),
    bind(&[ch('/')], "/", "search", JournalKey::Search),
    bind(&[ch('f')], "f", "partner", JournalKey::Partner),
    bind(&[ch('s')], "s", "stage", JournalKey::Stage),
    bind(&[ch('e')], "e", "edit", JournalKey::Edit),
    bind(&[ch('d')], "d", "delete", JournalKey::Delete),
    bind(&[ch('u')], "u", "undo delete", JournalKey::Undo),
    bind(&[key(Esc), ch('q')], "Esc", "back", JournalKey::Back),
    quiet(&[key(PageUp)], "a page up", JournalKey::PageUp),
    quiet(&[key(PageDown)], "a page down", JournalKey::PageDown),
    quiet(&[key(Home), ch('g')], "the newest", JournalKey::First),
    quiet(&[key(End), ch('G')], "the oldest", JournalKey::Last),
];

/// One entry being read; the list's keys still work beneath it.
pub const READ: &[Binding<JournalKey>] = &[
    bind(&[key(Up), ch('k')], "↑/↓", "scroll", JournalKey::Up),
    quiet(&[key(Down), ch('j')], "scroll down", JournalKey::Down),
    bind(&[ch('e')], "e", "edit", JournalKey::Edit),
    bind(&[ch('d')], "d", "delete", JournalKey::Delete),
    quiet(&[ch('r')], "reply", JournalKey::Reply),
    bind(&[key(Esc), ch('q')], "Esc", "back", JournalKey::Back),
    quiet(&[key(Enter)], "read the chosen entry", JournalKey::Read),
    quiet(&[ch('f')], "partner", JournalKey::Partner),
    quiet(&[ch('s')], "stage", JournalKey::Stage),
    quiet(&[ch('u')], "undo delete", JournalKey::Undo),
    quiet(&[key(PageUp)], "choose a page up", JournalKey::PageUp),
    quiet(&[key(PageDown)], "choose a page down", JournalKey::PageDown),
    quiet(
        &[key(Home), ch('g')],
        "choose the newest",
        JournalKey::First,
    ),
    quiet(&[key(End), ch('G')], "choose the oldest", JournalKey::Last),
];

/// Your own entry being read while it keeps earlier versions: its words can be settled.
pub const READ_EARLIER: &[Binding<JournalKey>] = &[
    bind(&[key(Up), ch('k')], "↑/↓", "scroll", JournalKey::Up),
    quiet(&[key(Down), ch('j')], "scroll down", JournalKey::Down),
    bind(&[ch('e')], "e", "edit", JournalKey::Edit),
    bind(
        &[ch('l')],
        "l",
        "let earlier words go",
        JournalKey::LetEarlierGo,
    ),
    bind(&[ch('d')], "d", "delete", JournalKey::Delete),
    quiet(&[ch('r')], "reply", JournalKey::Reply),
    bind(&[key(Esc), ch('q')], "Esc", "back", JournalKey::Back),
    quiet(&[key(Enter)], "read the chosen entry", JournalKey::Read),
    quiet(&[ch('f')], "partner", JournalKey::Partner),
    quiet(&[ch('s')], "stage", JournalKey::Stage),
    quiet(&[ch('u')], "undo delete", JournalKey::Undo),
    quiet(&[key(PageUp)], "choose a page up", JournalKey::PageUp),
    quiet(&[key(PageDown)], "choose a page down", JournalKey::PageDown),
    quiet(
        &[key(Home), ch('g')],
        "choose the newest",
        JournalKey::First,
    ),
    quiet(&[key(End), ch('G')], "choose the oldest", JournalKey::Last),
];

/// Your partner's entry being read: a reply is yours to give; editing and deleting are not
/// (the keys still answer, with the journal's kind refusal).
pub const READ_THEIRS: &[Binding<JournalKey>] = &[
    bind(&[key(Up), ch('k')], "↑/↓", "scroll", JournalKey::Up),
    quiet(&[key(Down), ch('j')], "scroll down", JournalKey::Down),
    bind(&[ch('r')], "r", "reply", JournalKey::Reply),
    quiet(&[ch('e')], "edit", JournalKey::Edit),
    quiet(&[ch('d')], "delete", JournalKey::Delete),
    bind(&[key(Esc), ch('q')], "Esc", "back", JournalKey::Back),
    quiet(&[key(Enter)], "read the chosen entry", JournalKey::Read),
    quiet(&[ch('f')], "partner", JournalKey::Partner),
    quiet(&[ch('s')], "stage", JournalKey::Stage),
    quiet(&[ch('u')], "undo delete", JournalKey::Undo),
    quiet(&[key(PageUp)], "choose a page up", JournalKey::PageUp),
    quiet(&[key(PageDown)], "choose a page down", JournalKey::PageDown),
    quiet(
        &[key(Home), ch('g')],
        "choose the newest",
        JournalKey::First,
    ),
    quiet(&[key(End), ch('G')], "choose the oldest", JournalKey::Last),
];

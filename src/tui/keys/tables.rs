//! Every screen's keys: one table each, in the order the hint line shows them.

use ratatui::crossterm::event::KeyCode::{
    BackTab, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

use super::KeyPattern::Chars;
use super::{Binding, HELP, bind, ch, ctrl, global, key, quiet};

/// First-run setup: two names and two roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupKey {
    Next,
    Previous,
    RoleBack,
    RoleOn,
    Continue,
    Quit,
}

pub const SETUP: &[Binding<SetupKey>] = &[
    bind(&[key(Tab), key(Down)], "Tab/↓", "next", SetupKey::Next),
    quiet(&[key(BackTab), key(Up)], "previous", SetupKey::Previous),
    bind(&[key(Left)], "←/→", "choose role", SetupKey::RoleBack),
    quiet(&[key(Right), ch(' ')], "the next role", SetupKey::RoleOn),
    bind(&[key(Enter)], "Enter", "continue", SetupKey::Continue),
    bind(&[key(Esc)], "Esc", "quit", SetupKey::Quit),
];

/// "Who is here".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhoKey {
    Up,
    Down,
    /// The row of the digit typed.
    Pick,
    Open,
    /// The highlighted partner's role moves to the next choice.
    Role,
    Quit,
}

pub const WHO: &[Binding<WhoKey>] = &[
    bind(&[key(Up), ch('k')], "↑/↓", "choose", WhoKey::Up),
    quiet(
        &[key(Down), ch('j'), key(Tab)],
        "choose the next",
        WhoKey::Down,
    ),
    quiet(&[Chars('1', '3')], "choose by number", WhoKey::Pick),
    bind(&[key(Enter)], "Enter", "open", WhoKey::Open),
    bind(&[ch('r')], "r", "role", WhoKey::Role),
    bind(&[ch('q')], "q", "quit", WhoKey::Quit),
];

/// Tonight's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeKey {
    Write,
    CheckIn,
    Journal,
    Promises,
    Plan,
    Stage,
    Prompt,
    Partner,
    Quit,
}

pub const HOME: &[Binding<HomeKey>] = &[
    bind(&[ch('w'), key(Enter)], "w", "write", HomeKey::Write),
    bind(&[ch('c')], "c", "check in", HomeKey::CheckIn),
    bind(&[ch('j')], "j", "journal", HomeKey::Journal),
    bind(&[ch('o')], "o", "promises", HomeKey::Promises),
    bind(&[ch('h')], "h", "plan", HomeKey::Plan),
    // At 80 columns the line ends here, before the hard-moment key; the help lists the rest.
    global(HELP),
    bind(&[ch('p'), key(Esc)], "p", "partner", HomeKey::Partner),
    bind(&[ch('s')], "s", "stage", HomeKey::Stage),
    bind(&[ch('n')], "n", "prompt", HomeKey::Prompt),
    bind(&[ch('q')], "q", "quit", HomeKey::Quit),
];

/// The writing screen; every other key is text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteKey {
    Save,
    Visibility,
    Editor,
    Back,
    Quit,
}

pub const WRITE: &[Binding<WriteKey>] = &[
    bind(&[ctrl('s')], "Ctrl-S", "save", WriteKey::Save),
    bind(
        &[ctrl('t')],
        "Ctrl-T",
        "shared/private",
        WriteKey::Visibility,
    ),
    bind(&[ctrl('e')], "Ctrl-E", "$EDITOR", WriteKey::Editor),
    bind(&[key(Esc)], "Esc", "back", WriteKey::Back),
    quiet(&[ctrl('q')], "quit", WriteKey::Quit),
];

/// The check-in: three ratings and a note, which is text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckinKey {
    Previous,
    Next,
    Lower,
    Raise,
    /// The rating of the digit typed.
    Digit,
    /// The note between shared and private.
    NoteVisibility,
    Save,
    Back,
}

pub const CHECKIN: &[Binding<CheckinKey>] = &[
    bind(
        &[key(Up), key(BackTab)],
        "↑/↓",
        "move",
        CheckinKey::Previous,
    ),
    quiet(
        &[key(Down), key(Tab)],
        "the next question",
        CheckinKey::Next,
    ),
    bind(&[key(Left), ch('h')], "←/→ 0-9", "set", CheckinKey::Lower),
    quiet(&[key(Right), ch('l')], "raise", CheckinKey::Raise),
    quiet(&[Chars('0', '9')], "set by number", CheckinKey::Digit),
    bind(&[key(Enter), ctrl('s')], "Enter", "save", CheckinKey::Save),
    bind(&[key(Esc)], "Esc", "back", CheckinKey::Back),
    bind(
        &[ctrl('t')],
        "Ctrl-T",
        "private",
        CheckinKey::NoteVisibility,
    ),
];

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

/// Both partners looking back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressKey {
    WeekBack,
    WeekOn,
    NextSection,
    PreviousSection,
    /// The section of the digit typed.
    Section,
    Export,
    Rating,
    Partner,
    Up,
    Down,
    ThisWeek,
    Quit,
}

pub const PROGRESS: &[Binding<ProgressKey>] = &[
    bind(&[key(Left), ch('h')], "←/→", "week", ProgressKey::WeekBack),
    quiet(&[key(Right), ch('l')], "the next week", ProgressKey::WeekOn),
    bind(&[key(Tab)], "Tab/1-6", "section", ProgressKey::NextSection),
    quiet(
        &[key(BackTab)],
        "the section before",
        ProgressKey::PreviousSection,
    ),
    quiet(
        &[Chars('1', '6')],
        "a section by number",
        ProgressKey::Section,
    ),
    bind(&[ch('e')], "e", "export", ProgressKey::Export),
    bind(&[ch('r')], "r", "rating", ProgressKey::Rating),
    // At 80 columns the line ends here, before the hard-moment key; the help lists the rest.
    global(HELP),
    bind(&[ch('p'), key(Esc)], "p", "partner", ProgressKey::Partner),
    bind(&[key(Up), ch('k')], "↑/↓", "scroll", ProgressKey::Up),
    quiet(&[key(Down), ch('j')], "scroll down", ProgressKey::Down),
    bind(
        &[ch('t'), key(Home)],
        "t",
        "this week",
        ProgressKey::ThisWeek,
    ),
    bind(&[ch('q')], "q", "quit", ProgressKey::Quit),
];

/// Promises and kind acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromisesKey {
    New,
    Keep,
    Break,
    Renegotiate,
    Withdraw,
    Notice,
    Details,
    SwitchTab,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

pub const PROMISES: &[Binding<PromisesKey>] = &[
    bind(&[ch('n')], "n", "new", PromisesKey::New),
    bind(&[ch('k')], "k", "kept", PromisesKey::Keep),
    bind(&[ch('b')], "b", "not kept", PromisesKey::Break),
    bind(&[ch('r')], "r", "renegotiate", PromisesKey::Renegotiate),
    bind(&[ch('x')], "x", "withdraw", PromisesKey::Withdraw),
    bind(&[ch('a')], "a", "I noticed", PromisesKey::Notice),
    bind(&[key(Enter)], "Enter", "details", PromisesKey::Details),
    bind(
        &[key(Tab), key(BackTab)],
        "Tab",
        "kind acts",
        PromisesKey::SwitchTab,
    ),
    bind(&[key(Esc), ch('q')], "Esc", "back", PromisesKey::Back),
    bind(&[key(Up)], "↑/↓", "move", PromisesKey::Up),
    quiet(&[key(Down)], "move down", PromisesKey::Down),
    quiet(&[key(PageUp)], "a page up", PromisesKey::PageUp),
    quiet(&[key(PageDown)], "a page down", PromisesKey::PageDown),
    quiet(&[key(Home)], "the first", PromisesKey::First),
    quiet(&[key(End)], "the last", PromisesKey::Last),
];

/// The kind acts tab; marking a promise still answers, kindly, that kind acts are not promises.
pub const KIND_ACTS: &[Binding<PromisesKey>] = &[
    bind(&[ch('n')], "n", "new kind act", PromisesKey::New),
    bind(&[ch('a')], "a", "I noticed", PromisesKey::Notice),
    bind(&[key(Enter)], "Enter", "details", PromisesKey::Details),
    bind(
        &[key(Tab), key(BackTab)],
        "Tab",
        "promises",
        PromisesKey::SwitchTab,
    ),
    bind(&[key(Esc), ch('q')], "Esc", "back", PromisesKey::Back),
    bind(&[key(Up)], "↑/↓", "move", PromisesKey::Up),
    quiet(&[key(Down)], "move down", PromisesKey::Down),
    quiet(&[ch('k')], "kept", PromisesKey::Keep),
    quiet(&[ch('b')], "not kept", PromisesKey::Break),
    quiet(&[ch('r')], "renegotiate", PromisesKey::Renegotiate),
    quiet(&[ch('x')], "withdraw", PromisesKey::Withdraw),
    quiet(&[key(PageUp)], "a page up", PromisesKey::PageUp),
    quiet(&[key(PageDown)], "a page down", PromisesKey::PageDown),
    quiet(&[key(Home)], "the first", PromisesKey::First),
    quiet(&[key(End)], "the last", PromisesKey::Last),
];

/// The plan for hard moments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKey {
    New,
    Edit,
    Retire,
    Agree,
    Suggest,
    LookedAt,
    Back,
    Up,
    Down,
    First,
    Last,
}

pub const PLAN: &[Binding<PlanKey>] = &[
    bind(&[ch('n')], "n", "new", PlanKey::New),
    bind(&[ch('e')], "e", "edit", PlanKey::Edit),
    bind(&[ch('x')], "x", "retire", PlanKey::Retire),
    bind(&[ch('a')], "a", "agree", PlanKey::Agree),
    bind(&[ch('s')], "s", "suggest", PlanKey::Suggest),
    bind(&[ch('l')], "l", "looked at it", PlanKey::LookedAt),
    bind(&[key(Esc), ch('q')], "Esc", "back", PlanKey::Back),
    bind(&[key(Up)], "↑/↓", "move", PlanKey::Up),
    quiet(&[key(Down)], "move down", PlanKey::Down),
    quiet(&[key(PageUp), key(Home)], "the first", PlanKey::First),
    quiet(&[key(PageDown), key(End)], "the last", PlanKey::Last),
];

//! Every screen's keys: one table each, in the order the hint line shows them, the most
//! important first (a narrow line keeps the first that fit, then `? help`).

use ratatui::crossterm::event::KeyCode::{
    BackTab, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

use super::KeyPattern::Chars;
pub use super::journal_table::{JOURNAL, JournalKey, READ, READ_EARLIER, READ_THEIRS};
pub use super::plan_table::{PLAN, PlanKey};
pub use super::search_table::{SEARCH, SEARCH_HIT, SearchKey};
pub use super::talk_table::{TALK, TalkKey};
use super::{Binding, bind, ch, ctrl, key, quiet};

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
    /// Names, roles, the evening's end, the week's first day and the reveal.
    Settings,
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
    bind(&[ch(','), ch('S')], ",", "settings", WhoKey::Settings),
    bind(&[ch('q')], "q", "quit", WhoKey::Quit),
];

/// Settings; on a name, characters are the name's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsKey {
    Previous,
    Next,
    /// The choice before, on a choice.
    Lower,
    /// The choice after, on a choice.
    Raise,
    /// Saves the name typed.
    Save,
    Back,
}

pub const SETTINGS: &[Binding<SettingsKey>] = &[
    bind(
        &[key(Up), key(BackTab)],
        "↑/↓",
        "move",
        SettingsKey::Previous,
    ),
    quiet(
        &[key(Down), key(Tab)],
        "the next setting",
        SettingsKey::Next,
    ),
    bind(&[key(Left)], "←/→", "change", SettingsKey::Lower),
    quiet(&[key(Right)], "the next choice", SettingsKey::Raise),
    bind(&[key(Enter)], "Enter", "save the name", SettingsKey::Save),
    bind(&[key(Esc)], "Esc", "back", SettingsKey::Back),
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
    /// Reads the last answer to tonight's prompt.
    LastAnswer,
    Partner,
    Quit,
    /// The part under the prompt, a line at a time, a page at a time, to its top or end.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

pub const HOME: &[Binding<HomeKey>] = &[
    bind(&[ch('w'), key(Enter)], "w", "write", HomeKey::Write),
    bind(&[ch('c')], "c", "check in", HomeKey::CheckIn),
    bind(&[ch('j')], "j", "journal", HomeKey::Journal),
    bind(&[ch('o')], "o", "promises", HomeKey::Promises),
    bind(&[ch('h')], "h", "plan", HomeKey::Plan),
    bind(&[ch('p'), key(Esc)], "p", "partner", HomeKey::Partner),
    bind(&[ch('s')], "s", "stage", HomeKey::Stage),
    bind(&[ch('n')], "n", "prompt", HomeKey::Prompt),
    bind(&[ch('q')], "q", "quit", HomeKey::Quit),
    bind(&[ch('l')], "l", "your last answer", HomeKey::LastAnswer),
    // Last: its "↓ 3 more" line shows where there is more, and the help lists the keys.
    bind(&[key(Up)], "↑/↓ PgUp/PgDn Home/End", "scroll", HomeKey::Up),
    quiet(&[key(Down)], "scroll down", HomeKey::Down),
    quiet(&[key(PageUp)], "a page up", HomeKey::PageUp),
    quiet(&[key(PageDown)], "a page down", HomeKey::PageDown),
    quiet(&[key(Home)], "the top", HomeKey::Top),
    quiet(&[key(End)], "the end", HomeKey::Bottom),
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
    /// The evening before the one shown, down to the journal's first.
    EarlierEvening,
    /// The evening after the one shown, up to tonight.
    LaterEvening,
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
    bind(
        &[key(PageUp), ch('[')],
        "PgUp/PgDn",
        "another evening",
        CheckinKey::EarlierEvening,
    ),
    quiet(
        &[key(PageDown), ch(']')],
        "a later evening",
        CheckinKey::LaterEvening,
    ),
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
    /// The weekly talk for the week shown.
    Talk,
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
    // At 80 columns the line ends here, before `? help` and the hard-moment key.
    bind(&[ch('w')], "w", "weekly talk", ProgressKey::Talk),
    bind(&[ch('p'), key(Esc)], "p", "partner", ProgressKey::Partner),
    bind(&[key(Up), ch('k')], "↑/↓", "scroll", ProgressKey::Up),
    quiet(&[key(Down), ch('j')], "scroll down", ProgressKey::Down),
    bind(&[ch('e')], "e", "export", ProgressKey::Export),
    bind(&[ch('r')], "r", "rating", ProgressKey::Rating),
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
    /// On the kind acts tab: "you did this for me", logged by the one it was done for.
    Received,
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
    // Noticing is the heart of it: early enough to show on an 80-column hint line.
    bind(&[ch('a')], "a", "I noticed", PromisesKey::Notice),
    bind(&[ch('b')], "b", "not kept", PromisesKey::Break),
    bind(&[ch('r')], "r", "renegotiate", PromisesKey::Renegotiate),
    bind(&[ch('x')], "x", "withdraw", PromisesKey::Withdraw),
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
    bind(&[ch('y')], "y", "done for me", PromisesKey::Received),
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

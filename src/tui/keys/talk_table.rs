//! The weekly talk's keys, one table like every screen's (re-exported from [`super::tables`]).

use ratatui::crossterm::event::KeyCode::{BackTab, Down, Enter, Esc, Tab, Up};

use super::KeyPattern::Chars;
use super::{Binding, bind, ch, key, quiet};

/// The weekly talk, guided. Letters are words where a step is written; the letter keys
/// below answer only where nothing is being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkKey {
    /// Done with this part, or on to the next step together.
    Done,
    Yes,
    No,
    /// The speaker clarifies once.
    Clarify,
    /// Turn an answer into a promise (1 or 2: whose answer).
    Promise,
    NextField,
    PreviousField,
    Back,
}

pub const TALK: &[Binding<TalkKey>] = &[
    bind(&[key(Enter)], "Enter", "done", TalkKey::Done),
    bind(&[ch('y')], "y", "yes", TalkKey::Yes),
    bind(&[ch('n')], "n", "not tonight", TalkKey::No),
    bind(&[ch('c')], "c", "clarify", TalkKey::Clarify),
    bind(&[Chars('1', '2')], "1/2", "promise", TalkKey::Promise),
    bind(&[key(Down), key(Tab)], "↑/↓", "field", TalkKey::NextField),
    quiet(
        &[key(Up), key(BackTab)],
        "the field before",
        TalkKey::PreviousField,
    ),
    bind(&[key(Esc)], "Esc", "pause the talk", TalkKey::Back),
];

//! The keys of "a hard moment, now": one table for each step, in the order the step lists them.

use ratatui::crossterm::event::KeyCode::{
    BackTab, Backspace, Down, Enter, Esc, Left, Right, Tab, Up,
};

use super::{Binding, bind, ch, ctrl, key, quiet};
use crate::journal::MomentOutcome;

/// The slow breathing count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreatheKey {
    /// The next part of the breath.
    Next,
    /// On to the plan, or to whose moment it is.
    GoOn,
    Close,
}

const BREATHE_NEXT: Binding<BreatheKey> = bind(
    &[ch(' '), key(Right)],
    "Space",
    "the next part of the breath",
    BreatheKey::Next,
);
const BREATHE_CLOSE: Binding<BreatheKey> =
    bind(&[key(Esc), ch('q')], "Esc", "close", BreatheKey::Close);

pub const BREATHE: &[Binding<BreatheKey>] = &[
    BREATHE_NEXT,
    bind(
        &[key(Enter)],
        "Enter",
        "go on to your plan",
        BreatheKey::GoOn,
    ),
    BREATHE_CLOSE,
];

/// Before the journal is set up there is no plan to go on to: Enter closes.
pub const BREATHE_BEFORE_SETUP: &[Binding<BreatheKey>] = &[
    BREATHE_NEXT,
    bind(&[key(Enter)], "Enter", "close", BreatheKey::Close),
    BREATHE_CLOSE,
];

/// Whose moment it is, when no one is chosen yet; also the steps that only close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Up,
    Down,
    GoOn,
    Close,
}

pub const WHOSE: &[Binding<ListKey>] = &[
    bind(&[key(Up)], "↑/↓", "choose", ListKey::Up),
    quiet(&[key(Down), key(Tab)], "choose the next", ListKey::Down),
    bind(&[key(Enter)], "Enter", "go on", ListKey::GoOn),
    bind(&[key(Esc)], "Esc", "close", ListKey::Close),
];

/// This partner's plan, read-only.
pub const PLAN_NOW: &[Binding<ListKey>] = &[
    bind(
        &[key(Enter), key(Right), ch(' ')],
        "Enter",
        "what you can do now",
        ListKey::GoOn,
    ),
    bind(&[key(Esc), ch('q')], "Esc", "close", ListKey::Close),
];

/// A step that cannot be shown (no journal to show it from): it only closes.
pub const ONLY_CLOSE: &[Binding<ListKey>] = &[bind(&[key(Esc)], "Esc", "close", ListKey::Close)];

/// What might help now. The three choices' keys are shown on their rows, not with the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceKey {
    Up,
    Down,
    Choose,
    Pause,
    Note,
    LookBack,
    BackToPlan,
    Close,
}

pub const CHOICES: &[Binding<ChoiceKey>] = &[
    bind(&[key(Enter)], "Enter", "choose", ChoiceKey::Choose),
    bind(
        &[key(Left), key(Backspace)],
        "←",
        "back to your plan",
        ChoiceKey::BackToPlan,
    ),
    bind(&[key(Esc), ch('q')], "Esc", "close", ChoiceKey::Close),
    quiet(&[key(Up)], "the choice above", ChoiceKey::Up),
    quiet(&[key(Down), key(Tab)], "the choice below", ChoiceKey::Down),
    quiet(&[ch('p')], "ask for a pause", ChoiceKey::Pause),
    quiet(&[ch('n')], "note this moment", ChoiceKey::Note),
    quiet(
        &[ch('l')],
        "say how an earlier moment went",
        ChoiceKey::LookBack,
    ),
];

/// Asking for a pause; characters are the time's or the note's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseKey {
    Switch,
    Ask,
    Back,
}

pub const PAUSE: &[Binding<PauseKey>] = &[
    bind(
        &[key(Tab), key(BackTab), key(Up), key(Down)],
        "Tab",
        "the time or the note",
        PauseKey::Switch,
    ),
    bind(&[key(Enter)], "Enter", "ask for the pause", PauseKey::Ask),
    bind(&[key(Esc)], "Esc", "back", PauseKey::Back),
];

/// Noting the moment; characters are its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MomentNoteKey {
    Save,
    Share,
    /// The plan item before (or none), where the partner has a plan.
    ItemBack,
    ItemOn,
    Back,
}

const NOTE_SAVE: Binding<MomentNoteKey> = bind(&[key(Enter)], "Enter", "save", MomentNoteKey::Save);
const SHARE: Binding<MomentNoteKey> = bind(
    &[ctrl('t'), ctrl('T')],
    "Ctrl-T",
    "share it",
    MomentNoteKey::Share,
);
const KEEP_PRIVATE: Binding<MomentNoteKey> = bind(
    &[ctrl('t'), ctrl('T')],
    "Ctrl-T",
    "keep it private",
    MomentNoteKey::Share,
);
const ITEM_BACK: Binding<MomentNoteKey> = bind(
    &[key(Left), key(Up)],
    "←/→",
    "which part of your plan it met",
    MomentNoteKey::ItemBack,
);
const ITEM_ON: Binding<MomentNoteKey> = quiet(
    &[key(Right), key(Down)],
    "the next part of your plan",
    MomentNoteKey::ItemOn,
);
const NOTE_BACK: Binding<MomentNoteKey> = bind(&[key(Esc)], "Esc", "back", MomentNoteKey::Back);

pub const NOTE_PRIVATE: &[Binding<MomentNoteKey>] =
    &[NOTE_SAVE, SHARE, ITEM_BACK, ITEM_ON, NOTE_BACK];
pub const NOTE_SHARED: &[Binding<MomentNoteKey>] =
    &[NOTE_SAVE, KEEP_PRIVATE, ITEM_BACK, ITEM_ON, NOTE_BACK];
/// With no plan, the arrows move along the words as in any line of text.
pub const NOTE_PRIVATE_NO_PLAN: &[Binding<MomentNoteKey>] = &[NOTE_SAVE, SHARE, NOTE_BACK];
pub const NOTE_SHARED_NO_PLAN: &[Binding<MomentNoteKey>] = &[NOTE_SAVE, KEEP_PRIVATE, NOTE_BACK];

/// The note form's table: Ctrl-T offers the other visibility; the arrows choose a plan item
/// only where there is a plan.
pub fn note_table(shared: bool, has_plan: bool) -> &'static [Binding<MomentNoteKey>] {
    match (shared, has_plan) {
        (false, true) => NOTE_PRIVATE,
        (true, true) => NOTE_SHARED,
        (false, false) => NOTE_PRIVATE_NO_PLAN,
        (true, false) => NOTE_SHARED_NO_PLAN,
    }
}

/// Saying how an earlier moment went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookBackKey {
    Went(MomentOutcome),
    Up,
    Down,
    Back,
}

pub const LOOK_BACK: &[Binding<LookBackKey>] = &[
    bind(
        &[ch('1')],
        "1",
        "helped",
        LookBackKey::Went(MomentOutcome::Helped),
    ),
    bind(
        &[ch('2')],
        "2",
        "partly",
        LookBackKey::Went(MomentOutcome::Partly),
    ),
    bind(
        &[ch('3')],
        "3",
        "not this time",
        LookBackKey::Went(MomentOutcome::NotThisTime),
    ),
    bind(&[key(Up)], "↑/↓", "choose", LookBackKey::Up),
    quiet(
        &[key(Down), key(Tab)],
        "the moment below",
        LookBackKey::Down,
    ),
    bind(&[key(Esc)], "Esc", "back", LookBackKey::Back),
];

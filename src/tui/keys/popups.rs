//! The popups' keys: one table each, in the order the popup lists them. The help and a record's
//! details close on any key, so they have none.

use ratatui::crossterm::event::KeyCode::{BackTab, Down, Enter, Esc, Left, Right, Tab, Up};

use super::{Binding, Hint, bind, ch, key, quiet};

/// The hint line's words over a popup that has no keys of its own: any key closes it.
pub const ANY_KEY_CLOSES: Hint = ("any key", "close");

/// A yes/no question; the popup words what yes and no mean there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmKey {
    Yes,
    No,
}

pub const CONFIRM: &[Binding<ConfirmKey>] = &[
    bind(&[ch('y'), ch('Y')], "y", "yes", ConfirmKey::Yes),
    bind(&[ch('n'), ch('N'), key(Esc)], "n", "no", ConfirmKey::No),
];

/// Which format to write a week's summary in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKey {
    Markdown,
    Html,
    Json,
    NotNow,
}

pub const EXPORT: &[Binding<ExportKey>] = &[
    bind(
        &[ch('m'), ch('M'), key(Enter)],
        "m",
        "Markdown (reads well as plain text)",
        ExportKey::Markdown,
    ),
    bind(
        &[ch('h'), ch('H')],
        "h",
        "HTML (one page that prints on A4)",
        ExportKey::Html,
    ),
    bind(
        &[ch('j'), ch('J')],
        "j",
        "JSON (the same figures as data)",
        ExportKey::Json,
    ),
    bind(
        &[key(Esc), ch('n'), ch('N')],
        "Esc",
        "not now",
        ExportKey::NotNow,
    ),
];

/// Unsaved writing offered back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreKey {
    Restore,
    Drop,
    Later,
}

pub const RESTORE_DRAFT: &[Binding<RestoreKey>] = &[
    bind(
        &[ch('r'), ch('R'), key(Enter)],
        "r",
        "bring it back",
        RestoreKey::Restore,
    ),
    bind(&[ch('d'), ch('D')], "d", "let it go", RestoreKey::Drop),
    bind(&[key(Esc)], "Esc", "decide later", RestoreKey::Later),
];

/// The promise form; characters are text in its text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromiseFormKey {
    Next,
    Previous,
    ChoiceBack,
    ChoiceOn,
    Save,
    Cancel,
}

pub const PROMISE_FORM: &[Binding<PromiseFormKey>] = &[
    bind(&[key(Tab), key(Down)], "Tab", "next", PromiseFormKey::Next),
    quiet(
        &[key(BackTab), key(Up)],
        "previous",
        PromiseFormKey::Previous,
    ),
    bind(&[key(Left)], "←/→", "choose", PromiseFormKey::ChoiceBack),
    quiet(
        &[key(Right), ch(' ')],
        "the next choice",
        PromiseFormKey::ChoiceOn,
    ),
    bind(&[key(Enter)], "Enter", "save", PromiseFormKey::Save),
    bind(&[key(Esc)], "Esc", "cancel", PromiseFormKey::Cancel),
];

/// The one-line note form; every character is text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteFormKey {
    Save,
    Cancel,
}

pub const NOTE_FORM: &[Binding<NoteFormKey>] = &[
    bind(&[key(Enter)], "Enter", "save", NoteFormKey::Save),
    bind(&[key(Esc)], "Esc", "cancel", NoteFormKey::Cancel),
];

/// Agreeing to the other partner's plan item, with a note if wished; every character is text.
/// Suggesting a change answers to [`NOTE_FORM`]; retiring an item to [`CONFIRM`].
pub const AGREE_FORM: &[Binding<NoteFormKey>] = &[
    bind(&[key(Enter)], "Enter", "agree", NoteFormKey::Save),
    bind(&[key(Esc)], "Esc", "cancel", NoteFormKey::Cancel),
];

/// A plan item's form; characters are text in its three parts and its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanItemKey {
    Next,
    Previous,
    /// Once or every year, on that choice.
    Toggle,
    Save,
    Cancel,
}

pub const PLAN_ITEM_FORM: &[Binding<PlanItemKey>] = &[
    bind(&[key(Tab), key(Down)], "Tab", "next", PlanItemKey::Next),
    quiet(&[key(BackTab), key(Up)], "previous", PlanItemKey::Previous),
    quiet(
        &[key(Left), key(Right), ch(' ')],
        "once or every year",
        PlanItemKey::Toggle,
    ),
    bind(&[key(Enter)], "Enter", "save", PlanItemKey::Save),
    bind(&[key(Esc)], "Esc", "cancel", PlanItemKey::Cancel),
];

/// The passphrase popup; every character is part of the passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseKey {
    Open,
    Erase,
    Clear,
    Cancel,
}

pub const PASSPHRASE: &[Binding<PassphraseKey>] = &[
    bind(&[key(Enter)], "Enter", "open", PassphraseKey::Open),
    quiet(
        &[key(ratatui::crossterm::event::KeyCode::Backspace)],
        "erase a character",
        PassphraseKey::Erase,
    ),
    quiet(&[super::ctrl('u')], "start again", PassphraseKey::Clear),
    bind(
        &[key(Esc), super::ctrl('c')],
        "Esc",
        "not now",
        PassphraseKey::Cancel,
    ),
];

/// First-run setup's question about passphrases, and the passphrases typed twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupPrivateKey {
    Yes,
    No,
    /// Enter on the question: it chooses neither, and asks for y or n.
    Unanswered,
    Continue,
    Erase,
    Back,
}

/// "Keep it private with passphrases?": only y or n answers it.
pub const SETUP_PRIVATE: &[Binding<SetupPrivateKey>] = &[
    bind(
        &[ch('y'), ch('Y')],
        "y",
        "yes, with passphrases",
        SetupPrivateKey::Yes,
    ),
    bind(&[ch('n'), ch('N')], "n", "not now", SetupPrivateKey::No),
    quiet(
        &[key(Enter)],
        "asks for y or n",
        SetupPrivateKey::Unanswered,
    ),
    bind(&[key(Esc)], "Esc", "back", SetupPrivateKey::Back),
];

/// Each passphrase, typed twice and never shown.
pub const SETUP_PASSPHRASE: &[Binding<SetupPrivateKey>] = &[
    bind(
        &[key(Enter)],
        "Enter",
        "continue",
        SetupPrivateKey::Continue,
    ),
    quiet(
        &[key(ratatui::crossterm::event::KeyCode::Backspace)],
        "erase a character",
        SetupPrivateKey::Erase,
    ),
    bind(&[key(Esc)], "Esc", "back", SetupPrivateKey::Back),
];

/// The recovery codes, shown once, one partner's at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodesKey {
    Show,
    Kept,
}

/// Before a code shows, while the other partner looks away.
pub const RECOVERY_CODE_NEXT: &[Binding<CodesKey>] = &[bind(
    &[key(Enter)],
    "Enter",
    "show the code",
    CodesKey::Show,
)];

/// While a code shows.
pub const RECOVERY_CODE_SHOWN: &[Binding<CodesKey>] = &[bind(
    &[key(Enter)],
    "Enter",
    "I have kept it safe",
    CodesKey::Kept,
)];

//! Every key binding in one place: what the hint bar and the help overlay show.

/// A key and what it does, as shown to the couple.
pub type Binding = (&'static str, &'static str);

pub const SETUP: &[Binding] = &[
    ("Tab/↓", "next"),
    ("←/→", "choose role"),
    ("Enter", "continue"),
    ("Esc", "quit"),
];

pub const WHO: &[Binding] = &[("↑/↓", "choose"), ("Enter", "open"), ("q", "quit")];

pub const HOME: &[Binding] = &[
    ("w", "write"),
    ("c", "check in"),
    ("j", "journal"),
    ("o", "promises"),
    ("s", "stage"),
    ("n", "prompt"),
    ("p", "partner"),
    ("?", "help"),
    ("q", "quit"),
];

pub const WRITE: &[Binding] = &[
    ("Ctrl-S", "save"),
    ("Ctrl-T", "shared/private"),
    ("Ctrl-E", "$EDITOR"),
    ("Esc", "back"),
];

pub const CHECKIN: &[Binding] = &[
    ("↑/↓", "choose"),
    ("←/→ 0-9", "set"),
    ("Enter", "save"),
    ("Esc", "back"),
];

pub const JOURNAL: &[Binding] = &[
    ("↑/↓", "move"),
    ("Enter", "read"),
    ("f", "partner"),
    ("s", "stage"),
    ("e", "edit"),
    ("d", "delete"),
    ("u", "undo delete"),
    ("Esc", "back"),
];

pub const READ: &[Binding] = &[
    ("↑/↓", "scroll"),
    ("e", "edit"),
    ("d", "delete"),
    ("Esc", "back"),
];

pub const PROGRESS: &[Binding] = &[
    ("←/→", "week"),
    ("Tab/1-6", "section"),
    ("e", "export"),
    ("r", "rating"),
    ("p", "partner"),
    ("?", "help"),
    ("↑/↓", "scroll"),
    ("t", "this week"),
    ("q", "quit"),
];

pub const PROMISES: &[Binding] = &[
    ("n", "new"),
    ("k", "kept"),
    ("b", "not kept"),
    ("r", "renegotiate"),
    ("x", "withdraw"),
    ("a", "I noticed"),
    ("Enter", "details"),
    ("Tab", "kind acts"),
    ("Esc", "back"),
    ("↑/↓", "move"),
];

pub const KIND_ACTS: &[Binding] = &[
    ("n", "new kind act"),
    ("a", "I noticed"),
    ("Enter", "details"),
    ("Tab", "promises"),
    ("Esc", "back"),
    ("↑/↓", "move"),
];

//! Keys as data: one table of bindings per screen drives the matching, the hint line and the
//! help, so they can never disagree. The screens' tables are in [`tables`], the popups' in
//! [`popups`] and those of "a hard moment, now" in [`hard_moment`].

pub mod hard_moment;
mod journal_table;
mod plan_table;
pub mod popups;
mod search_table;
pub mod tables;
mod talk_table;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPattern {
    /// This key, whatever modifiers come with it.
    Key(KeyCode),
    /// This letter with Ctrl held.
    Ctrl(char),
    /// Any character from the first to the second, such as the digits `1` to `5`.
    Chars(char, char),
}

impl KeyPattern {
    /// Whether `key` is this key.
    pub fn matches(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match (self, key.code) {
            (KeyPattern::Key(code), pressed) => code == pressed,
            (KeyPattern::Ctrl(letter), KeyCode::Char(c)) => ctrl && c == letter,
            (KeyPattern::Chars(from, to), KeyCode::Char(c)) => (from..=to).contains(&c),
            _ => false,
        }
    }

    /// Whether this is a character typed as text where a screen takes text.
    fn is_text(self) -> bool {
        matches!(
            self,
            KeyPattern::Key(KeyCode::Char(_)) | KeyPattern::Chars(..)
        )
    }

    /// Every key event this pattern stands for (for the tests of the tables).
    pub fn examples(self) -> Vec<KeyEvent> {
        match self {
            KeyPattern::Key(code) => vec![KeyEvent::new(code, KeyModifiers::NONE)],
            KeyPattern::Ctrl(c) => vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)],
            KeyPattern::Chars(from, to) => (from..=to)
                .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                .collect(),
        }
    }
}

/// Keys, what the couple is shown for them, and the command they give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding<C: 'static> {
    pub keys: &'static [KeyPattern],
    /// The key as the hint line and the help show it; empty for a key shown with the one before.
    pub hint: &'static str,
    pub does: &'static str,
    /// `None` for a global key shown among this screen's: the app handles it first.
    pub command: Option<C>,
}

/// A key and what it does, as the hint line and the help show it.
pub type Hint = (&'static str, &'static str);

/// A binding shown in the hint line and the help.
pub const fn bind<C>(
    keys: &'static [KeyPattern],
    hint: &'static str,
    does: &'static str,
    command: C,
) -> Binding<C> {
    Binding {
        keys,
        hint,
        does,
        command: Some(command),
    }
}

/// A binding that works but is not shown: a second key for something shown just before it.
pub const fn quiet<C>(keys: &'static [KeyPattern], does: &'static str, command: C) -> Binding<C> {
    Binding {
        keys,
        hint: "",
        does,
        command: Some(command),
    }
}

/// A global key, shown among a screen's keys where the app handles it.
pub const fn global<C>(row: Binding<Global>) -> Binding<C> {
    Binding {
        keys: row.keys,
        hint: row.hint,
        does: row.does,
        command: None,
    }
}

/// The command `key` gives in `table`. Where a screen takes text (`typing`), characters are
/// text, not commands; Ctrl keys and keys such as Enter and Esc still are.
pub fn command<C: Copy>(table: &[Binding<C>], key: KeyEvent, typing: bool) -> Option<C> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let find = |wanted: fn(KeyPattern) -> bool| {
        table.iter().find_map(|binding| {
            let hit = binding
                .keys
                .iter()
                .any(|p| wanted(*p) && p.matches(key) && !(typing && p.is_text()));
            if hit { binding.command } else { None }
        })
    };
    // A Ctrl key first, so Ctrl-S saves where `s` alone means something else.
    let with_ctrl = if ctrl {
        find(|p| matches!(p, KeyPattern::Ctrl(_)))
    } else {
        None
    };
    with_ctrl.or_else(|| find(|p| !matches!(p, KeyPattern::Ctrl(_))))
}

/// The character a key types into text, if it types one: a plain or shifted letter, never a
/// Ctrl or Alt chord (Ctrl-U must not type a "u") nor a control character.
pub fn typed_char(key: KeyEvent) -> Option<char> {
    let chord = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if !chord && !c.is_control() => Some(c),
        _ => None,
    }
}

/// What the hint line and the help show for `table`, in its order.
pub fn hints<C>(table: &[Binding<C>]) -> Vec<Hint> {
    table
        .iter()
        .filter(|b| !b.hint.is_empty())
        .map(|b| (b.hint, b.does))
        .collect()
}

/// Shorthands for the tables.
pub const fn key(code: KeyCode) -> KeyPattern {
    KeyPattern::Key(code)
}

pub const fn ch(c: char) -> KeyPattern {
    KeyPattern::Key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> KeyPattern {
    KeyPattern::Ctrl(c)
}

/// The keys every screen shares, handled once by the app before the screen or popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    /// Quit, asking first when writing on screen is not saved.
    Quit,
    /// The keys of what is showing, where `?` is not typed as text.
    Help,
    /// "A hard moment, now": a slow breath, this partner's plan, a pause, a note.
    HardMoment,
}

pub const QUIT: Binding<Global> = bind(
    &[ctrl('c')],
    "Ctrl-C",
    "quit (asks first if something is unsaved)",
    Global::Quit,
);
pub const HELP: Binding<Global> = bind(&[ch('?')], "?", "help", Global::Help);
/// One key from every screen, even where keys are typed as text; the hint line keeps room
/// for it at its end (as [`HARD_MOMENT_HINT`]).
pub const HARD_MOMENT: Binding<Global> = bind(
    &[ctrl('g')],
    "Ctrl-G",
    "a hard moment, now: a slow breath, your plan, a pause",
    Global::HardMoment,
);
/// The hard-moment key as the hint line shows it, in fewer words than the help.
pub const HARD_MOMENT_HINT: Hint = (HARD_MOMENT.hint, "hard moment");
pub const GLOBAL: &[Binding<Global>] = &[HARD_MOMENT, QUIT, HELP];

//! Keys as data: every key in a screen's table gives its command, the hint line and the help
//! show exactly the table's hints, and the global keys shown on a screen are the app's. The
//! popups' tables are checked the same way; their snapshots show the keys they list.

use crate::harness::{Harness, lived_in_journal};
use mend::tui::app::Popup;
use mend::tui::keys::popups::{CONFIRM, EXPORT, NOTE_FORM, PROMISE_FORM, RESTORE_DRAFT};
use mend::tui::keys::tables::TALK;
use mend::tui::keys::tables::{
    CHECKIN, HOME, JOURNAL, KIND_ACTS, PLAN, PROGRESS, PROMISES, READ, SETTINGS, SETUP, WHO, WRITE,
};
use mend::tui::keys::{Binding, GLOBAL, HARD_MOMENT_HINT, Hint, KeyPattern, command, hints};

/// Every key of every binding gives that binding's command, whether or not the screen is
/// taking text (then only keys that are not characters); a global key shown on a screen gives
/// the global command. No key is claimed twice.
fn every_key_gives_its_command<C: Copy + PartialEq + std::fmt::Debug>(
    name: &str,
    table: &[Binding<C>],
) {
    assert!(!table.is_empty(), "{name} has keys");
    for binding in table {
        for pattern in binding.keys {
            for key in pattern.examples() {
                match binding.command {
                    Some(wanted) => {
                        assert_eq!(
                            command(table, key, false),
                            Some(wanted),
                            "{name}: {key:?} ({})",
                            binding.does
                        );
                        let text = matches!(pattern, KeyPattern::Chars(..))
                            || matches!(
                                pattern,
                                KeyPattern::Key(ratatui::crossterm::event::KeyCode::Char(_))
                            );
                        let typed = command(table, key, true);
                        if text {
                            assert_eq!(typed, None, "{name}: {key:?} is text where text is typed");
                        } else {
                            assert_eq!(typed, Some(wanted), "{name}: {key:?} while typing");
                        }
                    }
                    None => assert!(
                        command(GLOBAL, key, false).is_some(),
                        "{name}: {key:?} is shown as global but the app does not handle it"
                    ),
                }
            }
        }
    }
}

#[test]
fn every_key_in_every_table_gives_its_command() {
    every_key_gives_its_command("global", GLOBAL);
    every_key_gives_its_command("setup", SETUP);
    every_key_gives_its_command("who", WHO);
    every_key_gives_its_command("home", HOME);
    every_key_gives_its_command("write", WRITE);
    every_key_gives_its_command("check-in", CHECKIN);
    every_key_gives_its_command("journal", JOURNAL);
    every_key_gives_its_command("read", READ);
    every_key_gives_its_command("progress", PROGRESS);
    every_key_gives_its_command("promises", PROMISES);
    every_key_gives_its_command("kind acts", KIND_ACTS);
    every_key_gives_its_command("plan", PLAN);
    every_key_gives_its_command("settings", SETTINGS);
    every_key_gives_its_command("the weekly talk", TALK);
    every_key_gives_its_command("a question", CONFIRM);
    every_key_gives_its_command("export", EXPORT);
    every_key_gives_its_command("restore a draft", RESTORE_DRAFT);
    every_key_gives_its_command("the promise form", PROMISE_FORM);
    every_key_gives_its_command("the note form", NOTE_FORM);
}

/// The hint line of `h` at a width that fits every hint.
fn hint_line(h: &Harness) -> String {
    let screen = h.render(200, 30);
    let last = screen.lines().last().unwrap_or_default();
    last.trim_matches('"').trim_end().to_owned()
}

/// A table's hints as the line shows them, with the hard-moment key that ends every line.
fn shown(hints: &[Hint]) -> String {
    hints
        .iter()
        .chain(std::iter::once(&HARD_MOMENT_HINT))
        .map(|(key, does)| format!("{key} {does}"))
        .collect::<Vec<_>>()
        .join("  ")
}

/// Every screen, reached with keys, and the table it says it answers with.
fn screens() -> Vec<(&'static str, Harness, Vec<Hint>)> {
    let at = |keys: &str| {
        let mut h = Harness::new(Some(lived_in_journal()));
        h.keys(keys);
        h
    };
    vec![
        ("setup", Harness::new(None), hints(SETUP)),
        ("who", at(""), hints(WHO)),
        ("home", at("<Enter>"), hints(HOME)),
        ("write", at("<Enter>w"), hints(WRITE)),
        ("check-in", at("<Enter>c"), hints(CHECKIN)),
        ("journal", at("<Enter>j"), hints(JOURNAL)),
        ("read", at("<Enter>j<Enter>"), hints(READ)),
        ("promises", at("<Enter>o"), hints(PROMISES)),
        ("kind acts", at("<Enter>o<Tab>"), hints(KIND_ACTS)),
        ("progress", at("<Down><Down><Enter>"), hints(PROGRESS)),
        ("plan", at("<Enter>h"), hints(PLAN)),
        ("settings", at(","), hints(SETTINGS)),
        ("settings on a choice", at(",<Down><Down>"), hints(SETTINGS)),
    ]
}

#[test]
fn the_hint_line_and_the_help_show_the_table_and_nothing_else() {
    for (name, mut h, table) in screens() {
        assert_eq!(hint_line(&h), shown(&table), "{name}'s hint line");
        if h.app.screen.view().types_text() {
            continue;
        }
        h.keys("?");
        assert!(
            matches!(h.app.popup(), Some(Popup::Help(_))),
            "{name}: ? opens the help"
        );
        let help = h.render(120, 40);
        for (key, does) in &table {
            assert!(
                help.contains(&format!("│ {key}  {does} ")),
                "{name}'s help shows {key} {does}:\n{help}"
            );
        }
    }
}

/// The lines of a popup's keys, as `key_line` draws them inside the window.
fn listed(hints: &[Hint]) -> Vec<String> {
    hints.iter().map(|(k, _)| format!("│ {k}  ")).collect()
}

#[test]
fn every_popup_lists_the_keys_of_its_table() {
    let at = |keys: &str| {
        let mut h = Harness::new(Some(lived_in_journal()));
        h.keys(keys);
        h
    };
    let mut restore = Harness::new(Some(lived_in_journal()));
    restore.app.drafts = at("<Enter>wkept as I typed").drafts.clone();
    restore.keys("<Enter>");
    let cases = vec![
        (
            "a question",
            at("<Enter>wSome words<C-c>"),
            hints(CONFIRM),
            listed(&hints(CONFIRM)),
        ),
        (
            "export",
            at("<Down><Down><Enter>e"),
            hints(EXPORT),
            listed(&hints(EXPORT)),
        ),
        (
            "restore",
            restore,
            hints(RESTORE_DRAFT),
            listed(&hints(RESTORE_DRAFT)),
        ),
        (
            "the promise form",
            at("<Enter>on"),
            hints(PROMISE_FORM),
            vec!["Tab next · ←/→ choose · Enter save · Esc cancel".to_owned()],
        ),
        (
            "the note form",
            at("<Enter>o<Tab>n"),
            hints(NOTE_FORM),
            vec!["Enter save · Esc cancel".to_owned()],
        ),
    ];
    for (name, h, table, lines) in cases {
        let popup = h.app.popup().unwrap_or_else(|| panic!("{name} is open"));
        assert_eq!(popup.view().bindings(), table, "{name}'s bindings");
        let screen = h.render(100, 30);
        for line in lines {
            assert!(screen.contains(&line), "{name} lists {line:?}:\n{screen}");
        }
    }
}

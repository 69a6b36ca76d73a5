//! Keys as data: every key in a screen's table gives its command, the hint line and the help
//! show exactly the table's hints, and the global keys shown on a screen are the app's. The
//! popups' tables are checked the same way, each step of "a hard moment, now" too; their
//! snapshots show the keys they list.

use crate::earlier_versions::changed_apart;
use crate::harness::{ALEX, Harness, SAM, day, lived_in_journal, now};
use crate::plan::plan_journal;
use chrono::{Duration, TimeZone, Utc};
use mend::journal::{Journal, NewEntry, Stage, Visibility};
use mend::tui::app::Popup;
use mend::tui::keys::hard_moment::{
    BREATHE, BREATHE_BEFORE_SETUP, CHOICES, LOOK_BACK, NOTE_PRIVATE, NOTE_PRIVATE_NO_PLAN,
    NOTE_SHARED, NOTE_SHARED_NO_PLAN, ONLY_CLOSE, PAUSE, PLAN_NOW, WHOSE,
};
use mend::tui::keys::popups::{
    AGREE_FORM, ANY_KEY_CLOSES, CONFIRM, EXPORT, NOTE_FORM, PLAN_ITEM_FORM, PROMISE_FORM,
    RESTORE_DRAFT, SETUP_PASSPHRASE, SETUP_PRIVATE,
};
use mend::tui::keys::tables::TALK;
use mend::tui::keys::tables::{
    CHECKIN, HOME, JOURNAL, KIND_ACTS, PLAN, PROGRESS, PROMISES, READ, READ_EARLIER, READ_THEIRS,
    SEARCH, SEARCH_HIT, SETTINGS, SETUP, WHO, WRITE,
};
use mend::tui::keys::{Binding, GLOBAL, HARD_MOMENT_HINT, Hint, KeyPattern, command, hints};
use mend::tui::widgets::hints::HELP_HINT;

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
    every_key_gives_its_command("setup, keeping it private", SETUP_PRIVATE);
    every_key_gives_its_command("setup, a passphrase", SETUP_PASSPHRASE);
    every_key_gives_its_command("who", WHO);
    every_key_gives_its_command("home", HOME);
    every_key_gives_its_command("write", WRITE);
    every_key_gives_its_command("check-in", CHECKIN);
    every_key_gives_its_command("journal", JOURNAL);
    every_key_gives_its_command("read", READ);
    every_key_gives_its_command("read theirs", READ_THEIRS);
    every_key_gives_its_command("read, with earlier versions", READ_EARLIER);
    every_key_gives_its_command("search", SEARCH);
    every_key_gives_its_command("a search hit", SEARCH_HIT);
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
    every_key_gives_its_command("agreeing to a plan item", AGREE_FORM);
    every_key_gives_its_command("a plan item's form", PLAN_ITEM_FORM);
    every_key_gives_its_command("breathing", BREATHE);
    every_key_gives_its_command("breathing before setup", BREATHE_BEFORE_SETUP);
    every_key_gives_its_command("whose moment", WHOSE);
    every_key_gives_its_command("the plan, now", PLAN_NOW);
    every_key_gives_its_command("a step that only closes", ONLY_CLOSE);
    every_key_gives_its_command("what might help", CHOICES);
    every_key_gives_its_command("asking for a pause", PAUSE);
    every_key_gives_its_command("a private note", NOTE_PRIVATE);
    every_key_gives_its_command("a shared note", NOTE_SHARED);
    every_key_gives_its_command("a private note, no plan", NOTE_PRIVATE_NO_PLAN);
    every_key_gives_its_command("a shared note, no plan", NOTE_SHARED_NO_PLAN);
    every_key_gives_its_command("looking back", LOOK_BACK);
}

/// A table's hints as the line shows them, with the hard-moment key that ends every line.
fn shown(hints: &[Hint]) -> String {
    shown_over(hints, false)
}

/// The same, without the hard-moment key while a hard moment is open (it does nothing then).
fn shown_over(hints: &[Hint], hard_moment_open: bool) -> String {
    shown_with(hints, false, hard_moment_open)
}

/// A screen's hints as the line shows them: `? help` before the hard-moment key where `?`
/// opens the help.
fn shown_with(hints: &[Hint], help: bool, hard_moment_open: bool) -> String {
    let help = help.then_some(&HELP_HINT);
    let last = (!hard_moment_open).then_some(&HARD_MOMENT_HINT);
    hints
        .iter()
        .chain(help)
        .chain(last)
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
        (
            "read, with earlier versions",
            {
                let words = mend::journal::Visibility::Shared;
                let mut h = Harness::new(Some(changed_apart("Other words", words)));
                h.keys("<Enter>j<Enter>");
                h
            },
            hints(READ_EARLIER),
        ),
        ("search", at("<Enter>j/"), hints(SEARCH)),
        (
            "a search hit",
            at("<Enter>j/lovely<Enter>"),
            hints(SEARCH_HIT),
        ),
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
        let help = !h.app.screen.view().types_text();
        assert_eq!(
            h.hint_line(),
            shown_with(&table, help, false),
            "{name}'s hint line"
        );
        if !help {
            h.keys("?");
            assert!(h.app.popup().is_none(), "{name}: ? is text here");
            continue;
        }
        h.keys("?");
        assert!(
            matches!(h.app.popup(), Some(Popup::Help(_))),
            "{name}: ? opens the help"
        );
        assert_eq!(
            h.hint_line(),
            shown(&[ANY_KEY_CLOSES]),
            "{name}: any key closes the help"
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

/// At 80 columns and narrower, every screen's hint line shows its first hints whole, then
/// `? help` where `?` opens the help, then the hard-moment key: no hint is cut in the middle
/// and the help, which lists every key, is never the one left out.
#[test]
fn a_narrow_hint_line_keeps_whole_hints_and_ends_with_the_help() {
    for (name, h, table) in screens() {
        let help = !h.app.screen.view().types_text();
        let tail = shown_with(&[], help, false);
        let hints: Vec<String> = table.iter().map(|(k, d)| format!("{k} {d}")).collect();
        for width in [80, 64, 44] {
            let screen = h.render(width, 24);
            let line = screen.lines().last().unwrap_or_default();
            let line = line.trim_matches('"').trim_end();
            assert!(line.ends_with(&tail), "{name} at {width}: {line}");
            let shown: Vec<&str> = line[..line.len() - tail.len()]
                .split("  ")
                .filter(|s| !s.is_empty())
                .collect();
            assert_eq!(
                shown,
                hints[..shown.len()],
                "{name} at {width}: the table's first hints, whole: {line}"
            );
        }
    }
    let progress = screens()
        .into_iter()
        .find(|(name, ..)| *name == "progress")
        .map(|(_, h, _)| h.render(80, 24));
    let progress = progress.unwrap_or_default();
    let line = progress.lines().last().unwrap_or_default();
    assert_eq!(
        line.trim_matches('"').trim_end(),
        "←/→ week  Tab/1-6 section  w weekly talk  p partner  ? help  Ctrl-G hard moment"
    );
}

/// The lines of a popup's keys, as `key_line` draws them inside the window.
fn listed(hints: &[Hint]) -> Vec<String> {
    hints.iter().map(|(k, _)| format!("│ {k}  ")).collect()
}

/// The lines of a hard moment's keys: each key right-aligned, then what it does.
fn moment_lines(hints: &[Hint]) -> Vec<String> {
    hints
        .iter()
        .map(|(k, does)| format!("│ {k:>8}  {does}"))
        .collect()
}

/// A plan for Sam, an earlier moment of Sam's to say how it went, and a shared entry of Alex's
/// that Sam can reply to.
fn journal_for_popups() -> Journal {
    let mut j = plan_journal();
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 20, 0, 0).unwrap();
    j.add_hard_moment(SAM, "The car park again.", None, Visibility::Private, at)
        .unwrap();
    for (author, text, minutes) in [(ALEX, "Alex's words tonight.", 60), (SAM, "Sam's.", 10)] {
        let new = NewEntry {
            author,
            day: day(11, 25),
            stage: Stage::Communication,
            prompt_id: None,
            prompt: None,
            text: text.into(),
            visibility: Visibility::Shared,
        };
        j.add_entry(
            new,
            now().to_utc() - Duration::minutes(minutes),
            day(11, 25),
        )
        .unwrap();
    }
    j
}

#[test]
fn every_popup_lists_the_keys_of_its_table() {
    let at = |keys: &str| {
        let mut h = Harness::new(Some(lived_in_journal()));
        h.keys(keys);
        h
    };
    let on = |journal: Journal, keys: &str| {
        let mut h = Harness::new(Some(journal));
        h.keys(keys);
        h
    };
    let sam = |keys: &str| on(journal_for_popups(), &format!("<Down><Enter>{keys}"));
    let mut before_setup = Harness::new(None);
    before_setup.keys("<C-g>");
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
        (
            "a reply",
            sam("j<Down><Enter>rThank you"),
            hints(NOTE_FORM),
            vec!["Enter save your words · Esc cancel".to_owned()],
        ),
        (
            "a new plan item",
            at("<Enter>hn"),
            hints(PLAN_ITEM_FORM),
            vec!["Tab next · Enter save · Esc cancel".to_owned()],
        ),
        (
            "agreeing to a plan item",
            on(plan_journal(), "<Enter>h<Down><Down>a"),
            hints(AGREE_FORM),
            vec!["Enter agree (the note is optional) · Esc cancel".to_owned()],
        ),
        (
            "suggesting a change",
            on(plan_journal(), "<Enter>h<Down><Down>s"),
            hints(NOTE_FORM),
            vec!["Enter save · Esc cancel".to_owned()],
        ),
        (
            "retiring a plan item",
            on(plan_journal(), "<Enter>hx"),
            hints(CONFIRM),
            vec!["│ y  retire it".to_owned(), "│ n  keep it".to_owned()],
        ),
        (
            "breathing",
            sam("<C-g>"),
            hints(BREATHE),
            moment_lines(&hints(BREATHE)),
        ),
        (
            "breathing before setup",
            before_setup,
            hints(BREATHE_BEFORE_SETUP),
            moment_lines(&hints(BREATHE_BEFORE_SETUP)),
        ),
        (
            "whose moment",
            on(journal_for_popups(), "<C-g><Enter>"),
            hints(WHOSE),
            moment_lines(&hints(WHOSE)),
        ),
        (
            "the plan, now",
            sam("<C-g><Enter>"),
            hints(PLAN_NOW),
            moment_lines(&hints(PLAN_NOW)),
        ),
        (
            "what might help",
            sam("<C-g><Enter><Enter>"),
            hints(CHOICES),
            [
                vec!["│ › p  Ask Alex".to_owned(), "│   n  Note".to_owned()],
                vec!["│   l  Say how".to_owned()],
                moment_lines(&hints(CHOICES)),
            ]
            .concat(),
        ),
        (
            "asking for a pause",
            sam("<C-g><Enter><Enter>p"),
            hints(PAUSE),
            moment_lines(&hints(PAUSE)),
        ),
        (
            "a private note",
            sam("<C-g><Enter><Enter>n"),
            hints(NOTE_PRIVATE),
            moment_lines(&hints(NOTE_PRIVATE)),
        ),
        (
            "a shared note",
            sam("<C-g><Enter><Enter>n<C-t>"),
            hints(NOTE_SHARED),
            moment_lines(&hints(NOTE_SHARED)),
        ),
        (
            "a note with no plan",
            at("<Enter><C-g><Enter><Enter>n"),
            hints(NOTE_PRIVATE_NO_PLAN),
            moment_lines(&hints(NOTE_PRIVATE_NO_PLAN)),
        ),
        (
            "a shared note with no plan",
            at("<Enter><C-g><Enter><Enter>n<C-t>"),
            hints(NOTE_SHARED_NO_PLAN),
            moment_lines(&hints(NOTE_SHARED_NO_PLAN)),
        ),
        (
            "looking back",
            sam("<C-g><Enter><Enter>l"),
            hints(LOOK_BACK),
            moment_lines(&hints(LOOK_BACK)),
        ),
    ];
    for (name, h, table, lines) in cases {
        let popup = h.app.popup().unwrap_or_else(|| panic!("{name} is open"));
        assert_eq!(popup.view().bindings(), table, "{name}'s bindings");
        // Only the popup gets keys, so the hint line shows its keys and not the screen's.
        let moment = h.app.hard_moment().is_some();
        assert_eq!(
            h.hint_line(),
            shown_over(&table, moment),
            "{name}'s hint line"
        );
        let screen = h.render(100, 30);
        // Each line once, in the table's order.
        let mut from = 0;
        for line in lines {
            let at = screen[from..].find(&line).map(|at| from + at);
            let at = at.unwrap_or_else(|| panic!("{name} lists {line:?} in order:\n{screen}"));
            from = at + line.len();
        }
    }
}

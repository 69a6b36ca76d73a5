//! Every TUI screen drawn at 80x24 through TestBackend, checked against insta snapshots.

use crate::harness as tui_support;

use tui_support::{Harness, empty_journal, lived_in_journal};

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 24));
}

#[test]
fn setup_screen_on_first_run() {
    let mut h = Harness::new(None);
    snapshot("setup_empty", &h);
    h.keys("Alex<Tab><Right><Tab>Sam<Tab><Right><Right>");
    snapshot("setup_filled", &h);
}

#[test]
fn esc_on_setup_with_names_typed_asks_before_letting_them_go() {
    let mut h = Harness::new(None);
    h.keys("<Esc>");
    assert!(!h.app.running, "nothing typed: Esc quits at once");
    let mut h = Harness::new(None);
    h.keys("Ana<Esc>");
    assert!(h.app.running, "names typed: Esc asks first");
    assert!(h.render(80, 24).contains("Quit?"), "{}", h.render(80, 24));
    assert!(
        h.render(80, 24)
            .contains("What you typed is not saved anywhere yet."),
        "names are not called writing: {}",
        h.render(80, 24)
    );
    h.keys("n");
    assert!(h.app.running);
    assert!(h.render(80, 24).contains("Ana"), "the name is still there");
    h.keys("<Esc>y");
    assert!(!h.app.running);
}

#[test]
fn setup_refuses_two_identical_names() {
    let mut h = Harness::new(None);
    h.keys("Alex<Tab><Tab>alex<Tab><Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Please give two different names."),
        "{screen}"
    );
    assert!(h.saved.is_none(), "nothing is created");
}

#[test]
fn setup_creates_the_journal_with_names_and_roles() {
    let mut h = Harness::new(None);
    h.keys("Alex<Tab><Right><Right><Tab>Sam<Tab><Right><Enter>");
    assert!(h.saved.is_none(), "first, whether to keep it private");
    snapshot("setup_keep_it_private", &h);
    h.keys("n");
    let journal = h.saved.clone().expect("journal created");
    let names: Vec<_> = journal
        .partners
        .iter()
        .map(|p| (p.name.as_str(), p.role))
        .collect();
    assert_eq!(
        names,
        [
            ("Alex", Some(mend::journal::Role::Repairing)),
            ("Sam", Some(mend::journal::Role::Hurt))
        ]
    );
    snapshot("who_after_setup", &h);
}

#[test]
fn who_is_here() {
    let h = Harness::new(Some(lived_in_journal()));
    snapshot("who", &h);
}

#[test]
fn setup_says_what_a_role_changes_before_one_is_chosen() {
    let h = Harness::new(None);
    let screen = flat_screen(&h);
    assert!(
        screen.contains("A role only chooses which evening prompts that partner is offered; nothing else changes, and it can be changed later."),
        "{screen}"
    );
}

#[test]
fn who_is_here_changes_the_highlighted_partners_role_with_r() {
    use mend::journal::Role;
    let mut h = Harness::new(Some(empty_journal()));
    assert!(flat_screen(&h).contains("Alex's role: the one repairing. Press r to change it."));
    h.keys("<Down>r");
    let journal = h.saved.clone().expect("saved");
    let roles: Vec<_> = journal.partners.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [Some(Role::Repairing), Some(Role::Repairing)],
        "only Sam's"
    );
    snapshot("who_role_changed", &h);
    let screen = flat_screen(&h);
    assert!(
        screen.contains(
            "Sam's role: the one repairing. This only changes which prompts Sam is offered."
        ),
        "{screen}"
    );
    // Round the choices back to not saying, then on to hurt again.
    h.keys("rr");
    assert_eq!(h.saved.clone().unwrap().partners[1].role, None);
    assert!(flat_screen(&h).contains("Sam's role: not said. Press r to change it."));
    h.keys("r");
    assert_eq!(h.saved.clone().unwrap().partners[1].role, Some(Role::Hurt));
    // The last row is the two of you: it has no role.
    h.keys("<Down>r");
    assert_eq!(h.saved.clone().unwrap().partners[1].role, Some(Role::Hurt));
}

#[test]
fn home_on_a_first_evening() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>");
    snapshot("home_first_evening", &h);
}

#[test]
fn home_with_promises_and_a_checkin() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Down><Enter>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Tonight with Sam"), "{screen}");
    assert!(
        screen.contains("safety 6, trust 4, connection 7"),
        "{screen}"
    );
    assert!(
        screen.contains("Call when I'm running late"),
        "Alex's promises to Sam show: {screen}"
    );
    assert!(!screen.to_lowercase().contains("streak"));
    snapshot("home_sam", &h);
}

#[test]
fn home_shows_kept_promises_waiting_to_be_noticed_and_overdue_gently() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Kept by Sam; notice it if you like"),
        "{screen}"
    );
    assert!(screen.contains("Tell you when I need space"), "{screen}");
    assert!(
        screen.contains("was due Mon 23 Nov; still open"),
        "{screen}"
    );
    snapshot("home_alex", &h);
}

#[test]
fn writing_screen() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>w");
    h.paste("Tonight I noticed you waited for me to finish my sentence.\r\rThat mattered. Café, 日本, 🌱.");
    snapshot("write", &h);
    h.keys("<C-t>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("private: hidden from your partner's screens; not encrypted"),
        "{screen}"
    );
}

#[test]
fn saving_an_entry_keeps_the_prompt_and_goes_home() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>");
    let prompt = h.app.tonight.clone().unwrap();
    h.keys("wI felt heard.<C-s>");
    let journal = h.saved.clone().unwrap();
    let entry = journal.live_entries().next().expect("saved");
    assert_eq!(entry.text, "I felt heard.");
    assert_eq!(entry.prompt_id, prompt.prompt_id);
    assert_eq!(entry.prompt, prompt.prompt);
    assert_eq!(entry.stage, prompt.stage);
    assert!(h.drafts.is_empty(), "the draft is removed once saved");
    snapshot("home_after_saving", &h);
}

#[test]
fn a_failed_save_keeps_the_text_on_screen_and_in_the_draft() {
    let mut h = Harness::new(Some(empty_journal()));
    h.fail_saves = true;
    h.keys("<Enter>wEvery word matters.<C-s>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Every word matters."), "{screen}");
    assert!(
        screen.contains("Not saved. Your text is still here and in the draft. Could not save"),
        "{screen}"
    );
    assert!(
        screen.contains("Your text is still here and in the draft."),
        "{screen}"
    );
    let draft = h.drafts.values().next().expect("a draft");
    assert_eq!(draft.text, "Every word matters.");
    snapshot("write_save_failed", &h);
}

#[test]
fn leaving_unsaved_writing_asks_first() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>whalf a thought<Esc>");
    snapshot("confirm_leave", &h);
    h.keys("n");
    assert!(h.render(80, 24).contains("half a thought"));
    h.keys("<Esc>y");
    assert!(h.render(80, 24).contains("Tonight's prompt"));
    assert!(h.drafts.is_empty());
}

#[test]
fn quitting_with_unsaved_text_asks_and_keeps_the_draft() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>wnot yet saved<C-c>");
    snapshot("confirm_quit", &h);
    h.keys("y");
    assert!(!h.app.running);
    assert_eq!(
        h.drafts.values().next().map(|d| d.text.as_str()),
        Some("not yet saved")
    );
}

#[test]
fn quitting_without_unsaved_text_does_not_ask() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>q");
    assert!(!h.app.running);
}

#[test]
fn a_draft_is_offered_back() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>wkept as I typed");
    let drafts = h.drafts.clone();
    let mut again = Harness::new(Some(empty_journal()));
    again.app.drafts = drafts;
    again.keys("<Enter>");
    snapshot("restore_draft", &again);
    assert!(
        !again.render(80, 24).contains("kept as I"),
        "the popup says a draft exists, not its words, until it is brought back"
    );
    again.keys("r");
    assert!(again.render(80, 24).contains("kept as I typed"));
}

#[test]
fn check_in_screen_sets_values_with_digits_and_arrows() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>c");
    snapshot("checkin", &h);
    assert!(
        flat_screen(&h).contains(
            "Sam sees these ratings in \"Both of us\" and the weekly summary. The note is shared: Sam reads it in the weekly summary."
        ),
        "the check-in says who reads it"
    );
    h.keys("3<Down>10<Down><Right><Right><Down>tired but okay<Enter>");
    let journal = h.saved.clone().unwrap();
    let c = journal.live_checkins().next().expect("saved");
    assert_eq!(
        (c.safety.value(), c.trust.value(), c.connection.value()),
        (3, 10, 7)
    );
    assert_eq!(c.note.as_deref(), Some("tired but okay"));
    // A second check-in the same evening replaces the first.
    h.keys("c9<Enter>");
    let journal = h.saved.clone().unwrap();
    assert_eq!(journal.live_checkins().count(), 1);
    assert_eq!(journal.live_checkins().next().unwrap().safety.value(), 9);
}

#[test]
fn check_in_note_kept_private_with_ctrl_t_says_so_and_is_saved_private() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>c<Down><Down><Down>only for me<C-t>");
    snapshot("checkin_private", &h);
    let screen = flat_screen(&h);
    assert!(
        screen.contains(
            "The note is private: hidden from Sam's screens and from the summary; not locked or encrypted."
        ),
        "{screen}"
    );
    assert!(
        screen.contains("Sam sees these ratings"),
        "the ratings stay shared: {screen}"
    );
    h.keys("<Enter>");
    let journal = h.saved.clone().unwrap();
    let c = journal.live_checkins().next().expect("saved");
    let (alex, sam) = (journal.partners[0].id, journal.partners[1].id);
    assert_eq!(c.note_for(alex), Some("only for me"));
    assert_eq!(c.note_for(sam), None);
    // Opened again, the form shows the choice as saved, and Ctrl-T shares it again.
    h.keys("c");
    assert!(flat_screen(&h).contains("(private)"), "{}", flat_screen(&h));
    h.keys("<C-t><Enter>");
    let journal = h.saved.clone().unwrap();
    let c = journal.live_checkins().next().expect("saved");
    assert_eq!(c.note_for(sam), Some("only for me"));
}

#[test]
fn journal_lists_entries_newest_first_and_hides_the_partners_private_ones() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>j");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("(private) Something only for me."),
        "{screen}"
    );
    assert!(
        !screen.contains("Private thoughts Alex must not see."),
        "{screen}"
    );
    let kept = screen.find("I kept the Tuesday call").unwrap();
    let older = screen.find("I was scared").unwrap();
    assert!(kept < older, "newest first");
    snapshot("journal_list", &h);
    h.keys("f");
    let by_alex = h.render(80, 24);
    assert!(
        !by_alex.contains("A slow day"),
        "filtered to Alex: {by_alex}"
    );
    h.keys("ff");
    h.keys("s");
    let communication = h.render(80, 24);
    assert!(communication.contains("I was scared"));
    assert!(!communication.contains("I kept the Tuesday call"));
}

#[test]
fn reading_editing_and_deleting_own_entries_only() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>j<Enter>");
    snapshot("journal_read", &h);
    h.keys("<Esc><Down><Down>e");
    assert!(
        h.render(80, 24)
            .contains("Only the partner who wrote an entry can change it.")
    );
    h.keys("<Up><Up>d");
    snapshot("confirm_delete", &h);
    h.keys("y");
    let journal = h.saved.clone().unwrap();
    assert_eq!(
        journal
            .live_entries()
            .filter(|e| e.text == "I kept the Tuesday call.")
            .count(),
        0
    );
    assert_eq!(journal.entries.len(), 6, "a tombstone, not a removal");
    h.keys("u");
    let journal = h.saved.clone().unwrap();
    assert_eq!(
        journal
            .live_entries()
            .filter(|e| e.text == "I kept the Tuesday call.")
            .count(),
        1
    );
}

#[test]
fn editing_an_own_entry_saves_the_change() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>je and more.<C-s>");
    let journal = h.saved.clone().unwrap();
    assert!(
        journal
            .live_entries()
            .any(|e| e.text == "I kept the Tuesday call. and more.")
    );
}

#[test]
fn help_overlay() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>?");
    snapshot("help", &h);
    h.keys("x");
    assert!(h.app.popups.is_empty());
}

#[test]
fn a_small_window_gets_a_clear_note() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>");
    insta::assert_snapshot!("small_30x8", h.render(30, 8));
    insta::assert_snapshot!("tiny_20x5", h.render(20, 5));
}

#[test]
fn no_color_draws_without_any_colour_but_keeps_emphasis() {
    use ratatui::style::{Color, Modifier};
    // The journal list, the promises screen with its card, and the progress charts.
    for keys in [
        "<Enter>j",
        "<Enter>o",
        "<Down><Down><Enter>2",
        "<Down><Down><Enter>5",
    ] {
        let mut h = Harness::new(Some(lived_in_journal()));
        h.app.theme = mend::tui::theme::Theme { color: false };
        h.keys(keys);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| mend::tui::draw::draw(&h.app, frame))
            .unwrap();
        let buffer = terminal.backend().buffer();
        assert!(
            buffer
                .content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
            "colour after {keys}"
        );
        assert!(
            buffer
                .content
                .iter()
                .any(|c| c.modifier.contains(Modifier::REVERSED)),
            "the selected row or tab is still marked after {keys}"
        );
    }
}

#[test]
fn the_external_editor_replaces_the_text() {
    let mut h = Harness::new(Some(empty_journal()));
    h.editor_text = "Written in my own editor.\nTwo lines.".into();
    h.keys("<Enter>wdraft<C-e>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Written in my own editor."), "{screen}");
    assert!(!screen.contains("draft"), "{screen}");
    h.keys("<C-s>");
    let saved = h.saved.clone().unwrap();
    assert_eq!(
        saved.live_entries().next().unwrap().text,
        "Written in my own editor.\nTwo lines."
    );
}

#[test]
fn pasted_and_edited_text_is_kept_in_the_draft() {
    let mut h = Harness::new(Some(empty_journal()));
    h.keys("<Enter>w");
    h.paste("pasted words");
    assert_eq!(
        h.drafts.values().next().map(|d| d.text.as_str()),
        Some("pasted words")
    );
    h.editor_text = "from the editor".into();
    h.keys("<C-e>");
    assert_eq!(
        h.drafts.values().next().map(|d| d.text.as_str()),
        Some("from the editor")
    );
}

#[test]
fn the_open_entry_stays_open_when_another_window_adds_an_older_entry() {
    use chrono::TimeZone;
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys("<Enter>j<Down><Down><Down><Enter>");
    assert!(h.render(80, 24).contains("A slow day. Still here."));
    // Another mend saves an entry whose id sorts first, so every index moves by one.
    let mut journal = h.saved.clone().unwrap();
    let long_ago = chrono::Utc.with_ymd_and_hms(2026, 1, 1, 20, 0, 0).unwrap();
    let new = mend::journal::NewEntry {
        author: tui_support::SAM,
        day: tui_support::day(11, 21),
        stage: mend::journal::Stage::Healing,
        prompt_id: None,
        prompt: None,
        text: "Written in the other window.".into(),
        visibility: mend::journal::Visibility::Shared,
    };
    journal
        .add_entry(new, long_ago, tui_support::day(11, 25))
        .unwrap();
    assert_eq!(journal.entries[0].text, "Written in the other window.");
    h.app
        .on_reply(mend::tui::effects::Reply::Saved(Ok(std::sync::Arc::new(
            journal,
        ))));
    let screen = h.render(80, 24);
    assert!(screen.contains("A slow day. Still here."), "{screen}");
    h.keys("<Esc>");
    let screen = h.render(80, 24);
    let selected = screen.lines().find(|l| l.contains('›')).unwrap_or("");
    assert!(
        selected.contains("A slow day"),
        "the selection stays on the same entry: {screen}"
    );
}

#[test]
fn a_save_that_landed_but_was_not_confirmed_counts_as_saved_and_says_so() {
    let mut h = Harness::new(Some(empty_journal()));
    h.unconfirmed_saves = true;
    h.keys("<Enter>wa steady evening<C-s>");
    let screen = h.render(80, 24);
    assert!(screen.contains("could not confirm"), "{screen}");
    assert!(
        screen.contains("Tonight with Alex"),
        "back home, not asked to save again: {screen}"
    );
    assert!(
        h.drafts.is_empty(),
        "the draft is let go: the entry is in the file"
    );
    let saved = h.saved.as_ref().unwrap();
    assert_eq!(saved.entries.len(), 1);
}

#[test]
fn a_safety_of_two_or_below_is_answered_with_where_help_is_and_three_is_not() {
    let help = "If you are in danger, call your local emergency number";
    for (safety, shown) in [("2", true), ("0", true), ("3", false)] {
        let mut h = Harness::new(Some(empty_journal()));
        h.keys("<Enter>c").keys(safety).keys("<Enter>");
        let flat = flat_screen(&h);
        assert_eq!(flat.contains(help), shown, "safety {safety}: {flat}");
        if !shown {
            assert!(flat.contains("Check-in saved. Thank you."), "{flat}");
        }
    }
    let mut journal = empty_journal();
    journal
        .add_support_contact("Dr. Rivera: 555 0101")
        .expect("a contact");
    let mut h = Harness::new(Some(journal));
    h.keys("<Enter>c1<Enter>");
    let flat = flat_screen(&h);
    assert!(flat.contains("Yours: Dr. Rivera: 555 0101"), "{flat}");
}

/// The screen's words on one line, the rows' quotes and padding gone.
fn flat_screen(h: &Harness) -> String {
    h.render(80, 24)
        .lines()
        .map(|row| row.trim().trim_matches('"').trim())
        .filter(|row| !row.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lived-in journal with one more entry of tonight's, by `author`.
fn lived_in_with(
    author: mend::journal::PartnerId,
    text: &str,
    visibility: mend::journal::Visibility,
) -> mend::journal::Journal {
    let mut j = lived_in_journal();
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 25, 20, 0, 0).unwrap();
    let entry = mend::journal::NewEntry {
        author,
        day: tui_support::day(11, 25),
        stage: mend::journal::Stage::Healing,
        prompt_id: None,
        prompt: None,
        text: text.into(),
        visibility,
    };
    j.add_entry(entry, at, tui_support::day(11, 25)).unwrap();
    j
}

#[test]
fn a_private_entry_with_a_long_first_line_still_shows_it_is_private_in_the_list() {
    let long = "A long first line that runs on and on past the edge of any window I keep";
    let j = lived_in_with(tui_support::ALEX, long, mend::journal::Visibility::Private);
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>j");
    let screen = h.render(80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("A long first line"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("(private)"), "{row}");
}

#[test]
fn a_bidirectional_override_in_an_entry_never_reaches_the_screen() {
    let text = "I \u{202E}tpek ton\u{202C} it";
    let j = lived_in_with(tui_support::SAM, text, mend::journal::Visibility::Shared);
    let mut h = Harness::new(Some(j));
    h.keys("<Down><Enter>j");
    let list = h.render(80, 24);
    assert!(list.contains("tpek ton"), "{list}");
    assert!(!list.contains('\u{202E}'), "{list}");
    h.keys("<Enter>");
    let read = h.render(80, 24);
    assert!(read.contains("tpek ton"), "{read}");
    assert!(!read.contains('\u{202E}'), "{read}");
}

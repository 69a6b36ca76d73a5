//! Longer journeys: a promise on the card, the progress view, the demo, a full disk, a deletion.

use super::*;

#[test]
fn a_draft_let_go_is_not_offered_again() {
    let sandbox = Sandbox::with_journal();
    let text = "Something I decided not to keep.";
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);
    tui.kill_hard();
    drop(tui);

    let mut tui = bring_the_draft_back(&sandbox, text);
    tui.esc();
    tui.wait_for("leave and let it go", PATIENCE);
    tui.send(b"y");
    tui.wait_for("No check-in yet tonight.", PATIENCE);
    assert!(
        sandbox.draft_files().is_empty(),
        "{:?}",
        sandbox.draft_files()
    );
    tui.send(b"w");
    // Expected: a fresh, empty editor. Actual: the "Unsaved writing" dialog again, and r
    // would bring back the text that was let go.
    tui.wait_until("the editor or the dialog", PATIENCE, |s| {
        let contents = s.contents();
        contents.contains("Take your time. Start anywhere.")
            || contents.contains("r  bring it back")
    });
    let screen = tui.screen();
    assert!(
        !screen.contains("Unsaved writing"),
        "the writing that was let go is offered again:\n{screen}"
    );
    tui.send(b"\x11"); // Ctrl-Q: nothing unsaved, so it quits at once
    assert!(tui.wait_exit(PATIENCE).success());
}

/// The numbers on a partner's line of the reciprocity card ("this week" or "4 weeks").
fn card_numbers(screen: &str, name: &str, period: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&format!("{name} ")) && l.contains("this week"))
        .unwrap_or_else(|| panic!("no card line for {name}:\n{screen}"));
    let line = if period == "this week" {
        lines[at]
    } else {
        lines[at + 1]
    };
    line.split(period)
        .nth(1)
        .unwrap_or_else(|| panic!("no {period} on {line:?}"))
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '–')
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_promise_made_kept_and_noticed_shows_on_the_card() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");

    // Alex makes a promise due tomorrow, then marks it kept.
    tui.send(b"o");
    tui.wait_for("Your promises to Sam", PATIENCE);
    tui.send(b"n");
    tui.wait_for("A promise to Sam", PATIENCE);
    tui.type_text("Cook on Thursday");
    tui.send(TAB);
    tui.send(RIGHT);
    tui.send(RIGHT);
    tui.wait_for("[tomorrow]", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Promise made.", PATIENCE);
    tui.wait_for("due tomorrow", PATIENCE);
    tui.send(b"k");
    tui.wait_for("Sam will see it and can say they noticed.", PATIENCE);
    tui.send(ENTER);
    let screen = tui.wait_for("Marked kept.", PATIENCE);
    // made, kept, renegotiated, not kept, noticed: no keep rate, no score
    assert_eq!(
        card_numbers(&screen, "Alex", "this week"),
        ["1", "1", "0", "0", "0"]
    );

    // Sam comes to the screen and notices it.
    tui.esc();
    tui.send(b"p");
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    open_as(&mut tui, "Sam");
    tui.wait_for("notice it if you like", PATIENCE);
    tui.send(b"o");
    tui.wait_for("Alex: Cook on Thursday", PATIENCE);
    tui.send(END);
    tui.send(b"a");
    tui.wait_for("Let Alex know you saw it.", PATIENCE);
    tui.type_text("Dinner was lovely");
    tui.send(ENTER);
    let screen = tui.wait_for("Alex will see that you noticed.", PATIENCE);
    assert_eq!(
        card_numbers(&screen, "Alex", "this week"),
        ["1", "1", "0", "0", "1"],
        "{screen}"
    );
    assert_eq!(
        card_numbers(&screen, "Alex", "4 weeks"),
        ["1", "1", "0", "0", "1"],
        "{screen}"
    );
    tui.esc();
    tui.wait_for("Tonight with Sam", PATIENCE);
    tui.quit();

    let journal = sandbox.journal_json();
    let promise = &journal["promises"][0];
    assert_eq!(promise["text"], "Cook on Thursday");
    assert_eq!(promise["due"], "2026-11-26");
    assert_eq!(promise["status"], "kept");
    assert_eq!(promise["author"], sandbox.partner_id("Alex").as_str());
    assert_eq!(
        promise["acknowledged"]["by"],
        sandbox.partner_id("Sam").as_str()
    );
    assert_eq!(promise["acknowledged"]["note"], "Dinner was lovely");
}

#[test]
fn both_of_us_opens_on_last_week_while_this_one_is_empty_and_moves_between_weeks() {
    let sandbox = Sandbox::with_journal();
    // The couple started the week before, so that week can be written and looked back on.
    let mut journal: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&sandbox.journal).unwrap()).unwrap();
    journal["started"] = "2026-11-16".into();
    std::fs::write(&sandbox.journal, serde_json::to_vec(&journal).unwrap()).unwrap();
    sandbox.cli(
        &[
            "checkin",
            "--as",
            "alex",
            "--safety",
            "6",
            "--trust",
            "5",
            "--connection",
            "7",
            "--day",
            "2026-11-18",
        ],
        "",
    );
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    tui.send(DOWN);
    tui.send(ENTER);
    // Nothing is in this week (W48) yet, so the view opens on the last complete one.
    let screen = tui.wait_for_all(
        &[
            "Week 2026-W47",
            "This week has just begun; here is last week.",
        ],
        PATIENCE,
    );
    assert!(screen.contains("Mon 16 Nov – Sun 22 Nov 2026"), "{screen}");
    assert!(screen.contains("trust 5.0 (first week)"), "{screen}");
    tui.send(RIGHT);
    tui.wait_for_all(&["Week 2026-W48", "this week"], PATIENCE);
    tui.send(LEFT);
    tui.wait_for("Week 2026-W47", PATIENCE);
    tui.quit();
}

#[test]
fn the_demo_opens_a_sample_journal_and_leaves_nothing_behind() {
    let sandbox = Sandbox::with_journal();
    let before = std::fs::read(&sandbox.journal).expect("the real journal");
    let tmp = sandbox.path("tmp");
    std::fs::create_dir_all(&tmp).expect("tmp");
    let tmp_text = tmp.display().to_string();
    let mut tui = sandbox.tui_running(&["demo"], &[("TMPDIR", tmp_text.as_str())]);
    tui.wait_for("A sample journal to try things on", PATIENCE);
    tui.send(ENTER);
    let screen = tui.wait_for("Tonight with Alex", PATIENCE);
    assert!(screen.contains("Yours is untouched."), "{screen}");
    tui.send(b"o");
    tui.wait_for("Following through", PATIENCE);
    tui.esc();
    tui.wait_for("Tonight with Alex", PATIENCE);
    tui.quit();
    assert_eq!(
        std::fs::read(&sandbox.journal).expect("still there"),
        before
    );
    let left: Vec<_> = std::fs::read_dir(&tmp).expect("tmp").collect();
    assert!(
        left.is_empty(),
        "the sample journal's folder is removed: {left:?}"
    );
}

#[test]
fn five_thousand_typed_characters_are_saved_with_one_ctrl_s() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    // Typed, not pasted: one byte a key, sent in chunks as a fast typist or a key repeat would.
    let text: String = "steady words ".repeat(400).chars().take(5_000).collect();
    let text = text.trim_end().to_owned();
    for chunk in text.as_bytes().chunks(256) {
        tui.send(chunk);
        tui.pump(Duration::from_millis(5));
    }
    tui.send(CTRL_S);
    tui.wait_for("Saved: ", Duration::from_secs(120));
    tui.quit();
    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "one entry");
    let saved = entries[0]["text"].as_str().expect("the text");
    assert_eq!(saved.chars().count(), text.chars().count());
    assert_eq!(saved, text);
}

#[test]
fn on_a_full_disk_the_screen_never_claims_a_draft_and_quitting_asks() {
    let sandbox = Sandbox::with_journal();
    // A file size limit makes every write past 2-4 KiB fail (EFBIG, as a full disk would):
    // the journal with the long text and the draft holding it both fail; small files do not.
    let cmd = sandbox.command("trap '' XFSZ; ulimit -f 4;", &[], &[]);
    let mut tui = Session::spawn(cmd);
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    let text = "too much to keep ".repeat(300);
    tui.send(format!("\x1b[200~{text}\x1b[201~").as_bytes());
    tui.wait_for("only on this screen", PATIENCE);
    tui.send(CTRL_S);
    let screen = tui.wait_for("Not saved", PATIENCE);
    assert!(!flat(&screen).contains("in the draft."), "{screen}");
    assert!(flat(&screen).contains("only on this screen"), "{screen}");
    tui.send(b"\x11"); // Ctrl-Q
    let asking = tui.wait_for("not saved anywhere yet", PATIENCE);
    assert!(!asking.contains("kept as a draft"), "{asking}");
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
    assert!(sandbox.entries().is_empty());
}

#[test]
fn a_deleted_entry_stays_gone_after_quitting_and_opening_again() {
    let sandbox = Sandbox::with_journal();
    let words = "The walk by the canal, and what you said after.";
    sandbox.cli(
        &["write", "--as", "alex", "--stage", "communication"],
        words,
    );
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    tui.send(b"j");
    tui.wait_for("The walk by the canal", PATIENCE);
    tui.send(b"d");
    tui.wait_for("Delete this entry?", PATIENCE);
    tui.send(b"y");
    tui.wait_until("the entry to leave the list", PATIENCE, |s| {
        !s.contents().contains("The walk by the canal")
    });
    tui.esc();
    tui.wait_for("Tonight with Alex", PATIENCE);
    tui.quit();

    let mut again = sandbox.tui();
    open_as(&mut again, "Alex");
    again.send(b"j");
    let screen = again.wait_for("entries", PATIENCE);
    assert!(!screen.contains("The walk by the canal"), "{screen}");
    again.esc();
    again.wait_for("Tonight with Alex", PATIENCE);
    again.quit();

    let bytes = std::fs::read_to_string(&sandbox.journal).expect("the journal");
    assert!(!bytes.contains("canal"), "the words are gone from the file");
    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "the tombstone stays: {entries:#?}");
    assert_eq!(entries[0]["deleted"], true);
}

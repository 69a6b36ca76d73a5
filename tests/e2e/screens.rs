//! First-run setup, writing and saving, a check-in, a draft kept through a kill, a panic.

use super::*;

#[test]
fn first_run_setup_creates_the_journal() {
    let sandbox = Sandbox::new();
    assert!(!sandbox.journal.exists());
    let mut tui = sandbox.tui();
    tui.wait_for("Welcome to mend", PATIENCE);
    assert!(tui.parser.screen().alternate_screen());
    let path = sandbox.journal.display().to_string();
    tui.wait_until("setup to say where the journal will be", PATIENCE, |s| {
        flat(&s.contents()).contains(&path)
    });

    tui.type_text("Zoë");
    tui.wait_for("Zoë▏", PATIENCE);
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text("Rafael");
    tui.wait_for("Rafael▏", PATIENCE);
    tui.send(TAB);
    tui.send(ENTER);
    tui.wait_for("Keep it private with passphrases?", PATIENCE);
    tui.send(b"n");
    tui.wait_for_all(&["Who is here tonight?", "Zoë", "Rafael"], PATIENCE);

    assert!(sandbox.journal.is_file(), "the journal was created");
    assert_eq!(mode(&sandbox.journal), 0o600, "the journal is private");
    let journal = sandbox.journal_json();
    let names: Vec<&str> = journal["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Zoë", "Rafael"], "{journal:#}");
    assert_eq!(journal["started"], "2026-11-25");

    tui.quit();
}

#[test]
fn write_and_save_an_entry() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    let prompt = open_writing(&mut tui);
    let editor_title = tui
        .screen()
        .lines()
        .find(|l| l.contains("┌ Your entry"))
        .map(flat)
        .unwrap();

    let text = "Café au lait, naïve façade — we talked 🌱 and it helped.";
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);
    tui.send(CTRL_S);
    tui.wait_for_all(&["Saved: ", "You wrote tonight."], PATIENCE);
    tui.quit();
    assert!(!tui.parser.screen().alternate_screen());

    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    let entry = &entries[0];
    assert_eq!(entry["text"], text);
    assert_eq!(entry["author"], sandbox.partner_id("Alex").as_str());
    assert_eq!(entry["day"], "2026-11-25");
    assert_eq!(entry["visibility"], "shared");
    let prompt_id = entry["prompt_id"].as_str().expect("a prompt id");
    assert!(!prompt_id.is_empty());
    assert_eq!(
        entry["prompt"].as_str().expect("the prompt text"),
        prompt,
        "the prompt saved is the one shown"
    );
    let stage = entry["stage"].as_str().expect("a stage");
    assert!(
        ["communication", "reciprocity", "healing"].contains(&stage),
        "{stage}"
    );
    assert!(
        editor_title.to_lowercase().contains(&format!("· {stage}")),
        "the stage saved ({stage}) is the one shown: {editor_title}"
    );
    assert!(
        sandbox.draft_files().is_empty(),
        "{:?}",
        sandbox.draft_files()
    );
}

#[test]
fn check_in_from_the_tui() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    open_as(&mut tui, "Sam");

    // Esc leaves the check-in without saving.
    tui.send(b"c");
    tui.wait_for("A quick check-in", PATIENCE);
    tui.esc();
    tui.wait_for("No check-in yet tonight.", PATIENCE);

    tui.send(b"c");
    tui.wait_for("A quick check-in", PATIENCE);
    tui.send(b"7"); // safety: 7
    tui.send(DOWN);
    tui.send(b"10"); // trust: 1 then 0 makes 10
    tui.send(DOWN);
    tui.send(LEFT); // connection: 5 → 3
    tui.send(LEFT);
    tui.send(DOWN);
    let note = "Calmer tonight — merci, ça va.";
    tui.type_text(note);
    let screen = tui.wait_for(&format!("{note}▏"), PATIENCE);
    let value = |name: &str| {
        let line = screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no {name} row:\n{screen}"));
        line.split_whitespace().last().unwrap().to_owned()
    };
    assert_eq!(
        [value("safety"), value("trust"), value("connection")],
        ["7", "10", "3"],
        "{screen}"
    );
    tui.send(ENTER);
    tui.wait_for("Check-in saved.", PATIENCE);
    tui.quit();

    let journal = sandbox.journal_json();
    let checkins = journal["checkins"].as_array().expect("checkins");
    assert_eq!(checkins.len(), 1, "{journal:#}");
    let checkin = &checkins[0];
    assert_eq!(checkin["author"], sandbox.partner_id("Sam").as_str());
    assert_eq!(checkin["day"], "2026-11-25");
    assert_eq!(checkin["safety"], 7);
    assert_eq!(checkin["trust"], 10);
    assert_eq!(checkin["connection"], 3);
    assert_eq!(checkin["note"], note);
}

#[test]
fn a_draft_survives_kill_and_is_offered_back() {
    let sandbox = Sandbox::with_journal();
    let alex = sandbox.partner_id("Alex");
    let text = "Words I have not saved yet, über careful.";

    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);
    // Drafts are written on every change; the screen is drawn after the change is kept.
    std::thread::sleep(Duration::from_millis(300));
    let drafts = sandbox.draft_files();
    assert_eq!(drafts.len(), 1, "one draft: {drafts:?}");
    let draft = &drafts[0];
    assert!(
        draft.starts_with(sandbox.path("state").join("mend").join("drafts")),
        "{}",
        draft.display()
    );
    assert_eq!(mode(draft), 0o600, "the draft is private");
    let kept: Value = serde_json::from_slice(&std::fs::read(draft).unwrap()).unwrap();
    assert_eq!(kept["text"], text);
    assert_eq!(kept["partner"], alex.as_str());
    tui.kill_hard();
    assert!(sandbox.entries().is_empty(), "nothing was saved yet");
    drop(tui);

    // Alex was here last, so Alex is already chosen; the text is back in the editor.
    let mut tui = bring_the_draft_back(&sandbox, text);
    tui.send(CTRL_S);
    tui.wait_for("Saved: ", PATIENCE);
    assert!(
        sandbox.draft_files().is_empty(),
        "the draft is gone once saved: {:?}",
        sandbox.draft_files()
    );
    tui.quit();

    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["text"], text);
    assert_eq!(entries[0]["author"], alex.as_str());
    assert_eq!(entries[0]["prompt"], kept["prompt"]);
    assert_eq!(entries[0]["stage"], kept["stage"]);
}

#[test]
fn the_terminal_is_restored_after_a_panic() {
    let sandbox = Sandbox::with_journal();
    let secret = "The quetzal saw the lighthouse at Zanzibar in 4417.";
    sandbox.cli(&["write", "--as", "Alex", "--stage", "healing"], secret);
    assert_eq!(sandbox.entries()[0]["text"], secret);

    let mut tui = sandbox.tui_with(&[("MEND_TEST_PANIC_AFTER_DRAW", "1")]);
    let status = tui.wait_exit(PATIENCE);
    assert!(!status.success(), "{status:?}");
    assert!(
        status.signal().is_none(),
        "a panic, not a signal: {status:?}"
    );
    tui.wait_left_alternate_screen();

    // What the app drew on the alternate screen before it panicked.
    let leave = b"\x1b[?1049l";
    let drawn = tui
        .raw
        .windows(leave.len())
        .position(|w| w == leave)
        .expect("the app left the alternate screen");
    let mut before = vt100::Parser::new(
        NonZeroU16::new(ROWS).unwrap(),
        NonZeroU16::new(COLS).unwrap(),
        0,
    );
    before.process(&tui.raw[..drawn]);
    let first_frame = before.screen().contents();
    assert!(
        first_frame.contains("Who is here tonight?"),
        "the app drew before it panicked:\n{first_frame}"
    );

    let output = String::from_utf8_lossy(&tui.raw).into_owned();
    // ratatui draws words one by one, so look for each distinctive word too.
    assert!(!output.contains(secret), "the entry leaked:\n{output:?}");
    for word in ["quetzal", "lighthouse", "Zanzibar", "4417"] {
        assert!(
            !output.contains(word),
            "the entry leaked ({word}):\n{output:?}"
        );
    }
    assert!(
        !tui.parser.screen().hide_cursor(),
        "the cursor is shown again"
    );
    let screen = tui.screen();
    assert!(screen.contains("panicked"), "{screen}");
    // Raw mode is off again: the message's new lines start at the left edge (output
    // processing turns \n into \r\n again), not where the previous line ended.
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("mend was asked to panic")),
        "{screen}"
    );
}

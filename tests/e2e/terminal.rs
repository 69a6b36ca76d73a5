//! The terminal given back after signals; the editor, `TERM=dumb`, a corrupt journal, paste.

use super::*;

/// Checks that the app's last bytes gave the terminal back: after it last entered the
/// alternate screen it left it, and the cursor it hid is shown again.
fn assert_terminal_given_back(tui: &Session) {
    let find_last = |needle: &[u8]| tui.raw.windows(needle.len()).rposition(|w| w == needle);
    let entered = find_last(b"\x1b[?1049h").expect("the app used the full screen");
    let left = find_last(b"\x1b[?1049l");
    assert!(
        left.is_some_and(|left| left > entered),
        "the app never left the alternate screen: {:?}",
        String::from_utf8_lossy(&tui.raw[entered..])
    );
    let hidden = find_last(b"\x1b[?25l").unwrap_or(0);
    let shown = find_last(b"\x1b[?25h");
    assert!(
        shown.is_some_and(|shown| shown > hidden && shown > entered),
        "the cursor is still hidden: {:?}",
        String::from_utf8_lossy(&tui.raw[entered..])
    );
    let screen = tui.parser.screen();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
}

/// Types unsaved words, sends `signal`, and expects the exit status 128 + `number`, the
/// terminal given back and the words in the draft.
fn stopped_by_a_signal_keeps_the_draft(signal: &str, number: u32) {
    let sandbox = Sandbox::with_journal();
    let text = format!("Not saved yet when {signal} came, über careful.");
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text(&text);
    tui.wait_for(&text, PATIENCE);
    tui.signal(signal);
    let status = tui.wait_exit(PATIENCE);
    tui.wait_left_alternate_screen();
    assert!(
        status.signal().is_none() && status.exit_code() == 128 + number,
        "SIG{signal}: exit status {status:?}; screen:\n{}",
        tui.screen()
    );
    assert_terminal_given_back(&tui);
    let screen = flat(&tui.screen());
    assert!(
        screen.contains("stopped mend. Your unsaved writing is kept as a draft"),
        "{screen}"
    );
    assert!(
        !screen.contains(&text),
        "the words stay off the screen: {screen}"
    );
    let drafts = sandbox.draft_files();
    assert_eq!(drafts.len(), 1, "one draft: {drafts:?}");
    let kept: Value = serde_json::from_slice(&std::fs::read(&drafts[0]).unwrap()).unwrap();
    assert_eq!(kept["text"], text.as_str());
    assert!(sandbox.entries().is_empty(), "nothing was saved");
}

#[test]
fn sigterm_keeps_the_draft_and_gives_the_terminal_back() {
    stopped_by_a_signal_keeps_the_draft("TERM", 15);
}

#[test]
fn sighup_keeps_the_draft_and_gives_the_terminal_back() {
    stopped_by_a_signal_keeps_the_draft("HUP", 1);
}

#[test]
fn sigint_from_outside_keeps_the_draft_and_gives_the_terminal_back() {
    stopped_by_a_signal_keeps_the_draft("INT", 2);
}

#[test]
fn an_interrupt_while_the_editor_is_open_belongs_to_the_editor() {
    let sandbox = Sandbox::with_journal();
    // The app runs `sh -c "$EDITOR \"$1\""`: this editor waits a moment, then writes.
    let mut tui = sandbox.tui_with(&[("EDITOR", "sleep 1; printf 'from my editor' >")]);
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.send(b"\x05"); // Ctrl-E
    tui.wait_until("the editor to take the terminal", PATIENCE, |s| {
        !s.alternate_screen()
    });
    tui.signal("INT");
    tui.wait_for("from my editor", PATIENCE);
    assert!(tui.exit.is_none(), "mend is still running");
    tui.send(b"\x11"); // Ctrl-Q
    tui.wait_for("It is kept as a draft", PATIENCE);
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
}

#[test]
fn a_dumb_terminal_is_pointed_to_the_commands() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui_with(&[("TERM", "dumb")]);
    let status = tui.wait_exit(PATIENCE);
    tui.drain();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let output = String::from_utf8_lossy(&tui.raw).into_owned();
    assert_eq!(
        output.trim_end(),
        "mend: The full-screen journal needs a full terminal, and this one says it is \
         \"dumb\" (TERM=dumb). Every part of mend also works as a plain command: see mend --help.",
        "one line and nothing else (no escape sequences)"
    );
}

#[test]
fn a_corrupt_journal_is_named_with_its_line_and_never_opens_setup() {
    let sandbox = Sandbox::with_journal();
    let good = std::fs::read_to_string(&sandbox.journal).expect("the journal");
    let line = good
        .lines()
        .position(|l| l.contains("\"partners\""))
        .expect("a partners line")
        + 1;
    let bad = good.replacen("\"partners\":", "\"partners\" oops:", 1);
    std::fs::write(&sandbox.journal, &bad).expect("spoil the journal");

    let mut tui = sandbox.tui();
    let status = tui.wait_exit(PATIENCE);
    tui.drain();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let output = String::from_utf8_lossy(&tui.raw).into_owned();
    let screen = flat(&tui.screen());
    assert!(
        screen.contains(&sandbox.journal.display().to_string())
            && screen.contains(&format!("line {line}, column")),
        "names the file and the line: {screen}"
    );
    assert!(!output.contains("Welcome to mend"), "{output:?}");
    let screen = tui.parser.screen();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
    assert_eq!(
        std::fs::read_to_string(&sandbox.journal).expect("the journal"),
        bad,
        "a journal that cannot be read is left as it is"
    );
}

#[test]
fn exporting_twice_writes_a_second_file_and_leaves_the_first_untouched() {
    let sandbox = Sandbox::with_journal();
    let first = sandbox.path("mend-2026-W48.md");
    let second = sandbox.path("mend-2026-W48-2.md");
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    tui.send(DOWN);
    tui.send(ENTER);
    tui.wait_for("Week 2026-W48", PATIENCE);
    let export = |tui: &mut Session, path: &Path| {
        tui.send(b"e");
        tui.wait_for("Export this week", PATIENCE);
        tui.send(b"m");
        tui.wait_until(
            &format!("{} to be written", path.display()),
            PATIENCE,
            |_| path.exists(),
        );
        tui.wait_for("The summary is saved to", PATIENCE);
    };
    export(&mut tui, &first);
    assert_eq!(mode(&first), 0o600, "the summary is private");
    // The couple added their own notes to the first summary.
    let mut notes = std::fs::read(&first).expect("the first summary");
    notes.extend_from_slice(b"\nOur notes from the talk.\n");
    std::fs::write(&first, &notes).expect("add notes");
    export(&mut tui, &second);
    assert_eq!(
        std::fs::read(&first).expect("the first summary"),
        notes,
        "the first file is left byte for byte"
    );
    let summary = std::fs::read_to_string(&second).expect("the second summary");
    assert!(summary.contains("2026-W48"), "{summary}");
    tui.quit();
}

#[test]
fn pasting_text_goes_into_the_entry() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    assert!(tui.parser.screen().bracketed_paste(), "paste is bracketed");
    tui.send(b"\x1b[200~line one\rline two\x1b[201~");
    tui.wait_for_all(&["line one", "line two", "4 words"], PATIENCE);
    tui.send(CTRL_S);
    tui.wait_for("Saved: ", PATIENCE);
    tui.quit();

    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["text"], "line one\nline two");
}

/// With `text` in Alex's editor: quits with Ctrl-Q and "y" (the dialog promises a draft),
/// starts again, and expects the writing to be offered back.
fn quit_and_expect_the_draft_back(sandbox: &Sandbox, mut tui: Session, text: &str) {
    tui.send(b"\x11"); // Ctrl-Q
    tui.wait_for("It is kept as a draft", PATIENCE);
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
    tui.wait_left_alternate_screen();
    drop(tui);

    let mut tui = bring_the_draft_back(sandbox, text);
    tui.send(b"\x11");
    tui.wait_for("It is kept as a draft", PATIENCE);
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
}

#[test]
fn a_pasted_entry_is_offered_back_after_quitting() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.send(b"\x1b[200~pasted from my notes\x1b[201~");
    tui.wait_for("pasted from my notes", PATIENCE);
    quit_and_expect_the_draft_back(&sandbox, tui, "pasted from my notes");
}

#[test]
fn text_from_the_editor_is_offered_back_after_quitting() {
    let sandbox = Sandbox::with_journal();
    // The app runs `sh -c "$EDITOR \"$1\""`, so this editor overwrites the file.
    let mut tui = sandbox.tui_with(&[("EDITOR", "printf 'written in my editor' >")]);
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.send(b"\x05"); // Ctrl-E
    tui.wait_for("written in my editor", PATIENCE);
    quit_and_expect_the_draft_back(&sandbox, tui, "written in my editor");
}

#[test]
fn an_editor_that_fails_without_a_change_leaves_no_file_behind_and_the_words_on_screen() {
    let sandbox = Sandbox::with_journal();
    // An editor that cannot start (sh says 127), as when $EDITOR names no program.
    let mut tui = sandbox.tui_with(&[("EDITOR", "/nonexistent/editor")]);
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text("only for the screen");
    tui.wait_for("only for the screen", PATIENCE);
    tui.send(b"\x05"); // Ctrl-E
    let screen = tui.wait_for("still here on the screen", PATIENCE);
    assert!(screen.contains("did not finish cleanly"), "{screen}");
    assert!(screen.contains("only for the screen"), "{screen}");
    let state = sandbox.state_home();
    let left: Vec<PathBuf> = crate::kit::files::holding(&state, "only for the screen")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    assert_eq!(left, Vec::<PathBuf>::new(), "no editor file left");
    tui.send(b"\x13"); // Ctrl-S
    tui.wait_for("Saved", PATIENCE);
    tui.quit();
    assert_eq!(
        crate::kit::files::holding(&state, "only for the screen"),
        Vec::<PathBuf>::new(),
        "nothing of the words is left in the state folder once saved"
    );
}

#[test]
fn a_named_pipe_where_the_couples_prompts_go_is_named_and_mend_opens_anyway() {
    let sandbox = Sandbox::with_journal();
    let prompts = sandbox.config_home().join("mend").join("prompts.json");
    std::fs::create_dir_all(prompts.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&prompts)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let mut tui = sandbox.tui();
    let screen = flat(&tui.wait_for("Who is here tonight?", PATIENCE));
    assert!(
        screen.contains(
            "is a named pipe (FIFO), not a regular file, so your own prompts were not read."
        ),
        "{screen}"
    );
    tui.quit();
}

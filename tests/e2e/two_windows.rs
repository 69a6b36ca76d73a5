//! Two app windows open for the same partner on one computer: only one keeps the draft, and
//! neither writes over, removes or claims the other's.

use super::*;

/// The words in Alex's draft file, or `None` when there is none.
fn alexs_draft_words(sandbox: &Sandbox) -> Option<String> {
    let drafts = sandbox.draft_files();
    let draft = drafts.first()?;
    let kept: Value = serde_json::from_slice(&std::fs::read(draft).ok()?).ok()?;
    kept["text"].as_str().map(str::to_owned)
}

/// A window open on Alex's writing screen with `words` typed, its draft written.
fn writing_as_alex(sandbox: &Sandbox, words: &str) -> Session {
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text(words);
    tui.wait_for(words, PATIENCE);
    // Drafts are written on every change; the screen is drawn after the change is kept.
    std::thread::sleep(Duration::from_millis(300));
    tui
}

/// Saves the writing on screen and quits.
fn save_and_quit(tui: &mut Session) {
    tui.send(CTRL_S);
    tui.wait_for("Saved: ", PATIENCE);
    tui.quit();
}

/// Quits from the writing screen, as the question offers, keeping the draft.
pub fn quit_keeping_the_draft(tui: &mut Session) {
    tui.send(b"\x03");
    tui.wait_for("kept as a draft", PATIENCE);
    tui.send(b"y");
    tui.wait_exit(PATIENCE);
}

#[test]
fn a_second_window_for_the_same_partner_never_writes_over_or_removes_the_first_ones_draft() {
    let sandbox = Sandbox::with_journal();
    let first_words = "Words the first window is keeping.";
    let mut first = writing_as_alex(&sandbox, first_words);
    assert_eq!(alexs_draft_words(&sandbox).as_deref(), Some(first_words));

    // The second window does not offer the first one's writing as unsaved, and writes anew.
    let mut second = sandbox.tui();
    open_as(&mut second, "Alex");
    let prompt = open_writing(&mut second);
    assert!(!second.screen().contains("Unsaved writing"), "{prompt}");
    second.type_text("Second window.");
    let said = flat(&second.wait_for("Another mend window", PATIENCE));
    assert!(
        said.contains("Your writing is only on this screen for now"),
        "{said}"
    );
    assert_eq!(
        alexs_draft_words(&sandbox).as_deref(),
        Some(first_words),
        "the first window's draft is not written over"
    );
    // Saving in the second window leaves the first window's draft in place.
    save_and_quit(&mut second);
    assert_eq!(
        alexs_draft_words(&sandbox).as_deref(),
        Some(first_words),
        "the first window's draft is not removed"
    );

    // The first window's quit says its writing is kept as a draft, and it is.
    quit_keeping_the_draft(&mut first);
    assert_eq!(alexs_draft_words(&sandbox).as_deref(), Some(first_words));
    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["text"], "Second window.");
}

/// Found by a review helper: once the first window quit keeping its draft, the second one
/// took the lock and wrote over or removed that draft.
#[test]
fn a_draft_left_by_a_window_that_quit_is_not_written_over_or_removed_by_another() {
    let sandbox = Sandbox::with_journal();
    let first_words = "AAA from the first window.";
    let mut first = writing_as_alex(&sandbox, first_words);

    let mut second = sandbox.tui();
    open_as(&mut second, "Alex");
    open_writing(&mut second);
    second.type_text("BBB");
    second.wait_for("Another mend window", PATIENCE);

    quit_keeping_the_draft(&mut first);
    drop(first);

    second.type_text(" second.");
    let said = flat(&second.wait_for("waits to be offered back", PATIENCE));
    assert!(said.contains("BBB second."), "{said}");
    assert_eq!(alexs_draft_words(&sandbox).as_deref(), Some(first_words));

    // A window opened now is offered the first one's words (the second let the draft go
    // once it found it was not its own), and a fourth one is not offered them too.
    let mut next = sandbox.tui();
    open_as(&mut next, "Alex");
    next.wait_for("Unsaved writing", PATIENCE);
    let mut fourth = sandbox.tui();
    open_as(&mut fourth, "Alex");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !fourth.screen().contains("Unsaved writing"),
        "offered in one window only: {}",
        fourth.screen()
    );
    fourth.quit();

    save_and_quit(&mut second);
    assert_eq!(
        alexs_draft_words(&sandbox).as_deref(),
        Some(first_words),
        "neither written over nor removed"
    );
    next.send(b"r");
    next.wait_for(first_words, PATIENCE);
    quit_keeping_the_draft(&mut next);
    assert_eq!(alexs_draft_words(&sandbox).as_deref(), Some(first_words));
}

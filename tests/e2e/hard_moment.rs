//! "A hard moment, now" through the real binary: Ctrl-G over unsaved writing, a moment noted,
//! and the writing back intact and saved.

use super::*;

const CTRL_G: &[u8] = b"\x07";

#[test]
fn a_hard_moment_from_the_writing_screen_leaves_the_writing_intact() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    let text = "Half of what I wanted to say tonight";
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);

    tui.send(CTRL_G);
    tui.wait_for("a few slow breaths together", PATIENCE);
    tui.send(b" ");
    tui.wait_for("› Hold gently", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("There is nothing in your plan yet", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("What might help now?", PATIENCE);
    tui.send(b"n");
    tui.wait_for("Private: hidden from your partner's screens", PATIENCE);
    let moment = "My hands are shaking";
    tui.type_text(moment);
    tui.wait_for(moment, PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Noted, hidden from your partner's screens.", PATIENCE);
    tui.esc();
    tui.wait_until("the popup closed", PATIENCE, |s| {
        !s.contents().contains("A hard moment ·")
    });
    let screen = tui.screen();
    assert!(screen.contains(text), "the writing is back:\n{screen}");
    assert!(!screen.contains(moment), "{screen}");
    assert!(
        !screen.contains(&format!("{text}g")),
        "Ctrl-G typed nothing:\n{screen}"
    );

    tui.send(CTRL_S);
    tui.wait_for("Saved: ", PATIENCE);
    tui.quit();

    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["text"], text);
    let journal = sandbox.journal_json();
    let moments = journal["hard_moments"].as_array().expect("hard moments");
    assert_eq!(moments.len(), 1, "{moments:#?}");
    assert_eq!(moments[0]["text"], moment);
    assert_eq!(moments[0]["visibility"], "private");
    assert_eq!(moments[0]["author"], sandbox.partner_id("Alex").as_str());
}

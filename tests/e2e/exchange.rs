//! The evening as an exchange through the real binary: words revealed once both have written,
//! a reply from the journal, and the author reading it the next evening.

use super::*;

/// The next evening, by the sandbox's clock.
const NEXT_EVENING: &str = "2026-11-26T21:00:00+00:00";

/// From the home screen, writes `text` as tonight's entry and saves it.
fn write_tonight(tui: &mut Session, text: &str) {
    open_writing(tui);
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);
    tui.send(CTRL_S);
    tui.wait_for_all(&["Saved: ", "You wrote tonight."], PATIENCE);
}

fn open_as_sam(tui: &mut Session) {
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    open_as(tui, "Sam");
}

#[test]
fn alexs_words_open_to_sam_once_sam_writes_and_sams_reply_reaches_alex_next_evening() {
    let sandbox = Sandbox::with_journal();
    let alex_words = "The walk by the river helped me.";
    let sam_words = "I was tired but glad we talked.";
    let reply = "Thank you for the walk.";

    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    write_tonight(&mut tui, alex_words);
    tui.quit();

    // Sam is told Alex has written, and not one of Alex's words.
    let mut tui = sandbox.tui();
    open_as_sam(&mut tui);
    let screen = tui.wait_for("Alex has written tonight.", PATIENCE);
    assert!(
        flat(&screen).contains("Their words open when you have written yours."),
        "{screen}"
    );
    assert!(!screen.contains("river"), "words shown early:\n{screen}");
    tui.send(b"j");
    let journal = tui.wait_for("0 entries", PATIENCE);
    assert!(!journal.contains("river"), "{journal}");
    tui.esc();
    tui.wait_for("Tonight with Sam", PATIENCE);

    // Sam writes; Alex's words open on Sam's evening.
    write_tonight(&mut tui, sam_words);
    let screen = tui.wait_for_all(&["From Alex tonight", alex_words], PATIENCE);
    assert!(!flat(&screen).contains("Their words open"), "{screen}");

    // Sam reads Alex's entry in the journal (f: Alex's entries only) and replies.
    tui.send(b"j");
    tui.wait_for("2 entries", PATIENCE);
    tui.send(b"f");
    tui.wait_for("by Alex", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("r reply", PATIENCE);
    tui.send(b"r");
    tui.wait_for("I read this", PATIENCE);
    tui.type_text(reply);
    tui.wait_for(reply, PATIENCE);
    tui.send(ENTER);
    let screen = tui.wait_for("Alex will see your reply under their entry.", PATIENCE);
    assert!(
        flat(&screen).contains(&format!("Sam, Wed 25 Nov 21:00: {reply}")),
        "{screen}"
    );
    tui.esc();
    tui.esc();
    tui.wait_for("Tonight with Sam", PATIENCE);
    tui.quit();

    let replies = sandbox.journal_json()["replies"].clone();
    assert_eq!(replies.as_array().map(Vec::len), Some(1), "{replies:#}");
    assert_eq!(replies[0]["author"], sandbox.partner_id("Sam").as_str());
    assert_eq!(replies[0]["text"], reply);

    // The next evening, Alex sees the reply on the evening screen.
    let mut tui = sandbox.tui_with(&[("MEND_NOW", NEXT_EVENING)]);
    // "Who is here" opens on Sam, who was here last.
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(b"k");
    open_as(&mut tui, "Alex");
    let screen = tui.wait_for("Sam replied to what you wrote yesterday", PATIENCE);
    assert!(flat(&screen).contains(reply), "{screen}");
    tui.quit();
}

//! The weekly talk through the real binary: a whole talk typed at one screen, then the talk
//! record on disk, the promise it made, and the weekly summary's section.

use super::*;

#[test]
fn a_whole_weekly_talk_is_saved_with_its_promise_and_exported() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    tui.send(DOWN);
    tui.send(ENTER);
    tui.wait_for("Both of us, looking back", PATIENCE);
    tui.send(b"w");
    tui.wait_for("Alex, do you feel safe enough", PATIENCE);
    tui.send(b"y");
    tui.wait_for("Sam, do you feel safe enough", PATIENCE);
    tui.send(b"y");
    tui.wait_for("Step 2 of 6", PATIENCE);
    for line in [
        "The walk",
        "Your patience",
        "Tea",
        "You called",
        "The note",
        "Dinner",
    ] {
        tui.type_text(line);
        tui.wait_for(line, PATIENCE);
        tui.send(ENTER);
    }
    tui.wait_for("Step 3 of 6", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Alex, what do you feel", PATIENCE);
    let issue = "I feel unsure when plans change. I need a message.";
    tui.type_text(issue);
    tui.wait_for(issue, PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Sam, what did you hear?", PATIENCE);
    let heard = "You feel unsure; a message would help.";
    tui.type_text(heard);
    tui.wait_for(heard, PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Alex, is that it?", PATIENCE);
    tui.send(b"y");
    tui.wait_for("Sam, what do you feel", PATIENCE);
    // Sam skips: Enter with nothing written.
    tui.send(ENTER);
    tui.wait_for("Step 5 of 6", PATIENCE);
    for answer in ["A walk on Sunday", "Time to rest"] {
        tui.type_text(answer);
        tui.wait_for(answer, PATIENCE);
        tui.send(ENTER);
    }
    tui.wait_for("1 Sam can make Alex's answer a promise", PATIENCE);
    tui.send(b"1");
    tui.wait_for("A promise to Alex", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("1 promise made from this talk.", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Step 6 of 6", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("closed and saved", PATIENCE);
    tui.esc();
    tui.wait_for("Both of us, looking back", PATIENCE);
    tui.quit();

    // The talk record on disk: each partner's parts in their own side.
    let journal = sandbox.journal_json();
    let talks = journal["talks"].as_array().expect("talks").clone();
    assert_eq!(talks.len(), 1, "{talks:#?}");
    let talk = &talks[0];
    assert_eq!(talk["reached"], "closed");
    assert_eq!(talk["week"], "2026-11-23");
    let alex = sandbox.partner_id("Alex");
    let sam = sandbox.partner_id("Sam");
    assert_eq!(talk["sides"][0]["partner"], alex.as_str());
    assert_eq!(talk["sides"][0]["issue"], issue);
    assert_eq!(talk["sides"][0]["understood"], true);
    assert_eq!(talk["sides"][1]["partner"], sam.as_str());
    assert_eq!(talk["sides"][1]["heard"], heard);
    assert_eq!(talk["sides"][1]["issue_skipped"], true);
    assert_eq!(
        talk["sides"][1]["appreciations"],
        serde_json::json!(["You called", "The note", "Dinner"])
    );

    // The promise it made: Sam's to Alex, due this coming week, and named in the talk.
    let promise = journal["promises"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["text"] == "A walk on Sunday"))
        .expect("the promise")
        .clone();
    assert_eq!(promise["author"], sam.as_str());
    assert_eq!(promise["to"], alex.as_str());
    assert_eq!(promise["due"], "2026-12-01");
    assert_eq!(talk["promises"][0], promise["id"]);

    // The weekly summary's section.
    let md = sandbox.cli(&["export", "--week", "2026-W48", "--format", "md"], "");
    assert!(md.contains("## The weekly talk"), "{md}");
    assert!(md.contains(issue), "{md}");
    assert!(md.contains(&format!("Sam heard: {heard}")), "{md}");
    assert!(md.contains("**Sam** to Alex: A walk on Sunday"), "{md}");
}

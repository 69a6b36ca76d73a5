//! The settings screen through the real binary: a name saved to the file, a refused name that
//! writes nothing, and the evening's end changed with an arrow.

use super::*;

const CTRL_U: &[u8] = b"\x15";

#[test]
fn settings_rename_a_partner_refuse_the_other_name_and_move_the_evenings_end() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(b",");
    tui.wait_for("Settings, for both of you", PATIENCE);

    tui.send(CTRL_U);
    tui.type_text("Alexandra");
    tui.wait_for("(not saved; Enter saves)", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Name saved: Alexandra.", PATIENCE);
    let journal = sandbox.journal_json();
    assert_eq!(journal["partners"][0]["name"], "Alexandra", "{journal:#}");
    assert!(journal["partners"][0]["name_updated"].is_string());

    let before = std::fs::read(&sandbox.journal).unwrap();
    tui.send(CTRL_U);
    tui.type_text("SAM");
    tui.send(ENTER);
    tui.wait_for("The name was not changed.", PATIENCE);
    assert_eq!(
        std::fs::read(&sandbox.journal).unwrap(),
        before,
        "nothing written"
    );

    tui.esc();
    tui.wait_for("The name is as it was", PATIENCE);
    for _ in 0..4 {
        tui.send(DOWN);
    }
    tui.send(RIGHT);
    tui.wait_for("An evening now ends at 05:00", PATIENCE);
    assert_eq!(sandbox.journal_json()["settings"]["day_ends_at"], 5);
    tui.esc();
    tui.wait_for_all(&["Who is here tonight?", "Alexandra"], PATIENCE);
    tui.quit();
}

//! An encrypted journal in the real binary: it opens locked, Sam's evening opens with Sam's
//! passphrase typed into the app, and a wrong one says so kindly and changes nothing.

use super::*;

const ALEX_SAYS: &str = "a long walk home";
const SAM_SAYS: &str = "tea before nine";

/// A journal with a private entry of Sam's, encrypted by `mend encrypt` from a passphrase file.
fn encrypted_sandbox() -> Sandbox {
    let sandbox = Sandbox::with_journal();
    sandbox.cli(
        &["write", "--as", "sam", "--stage", "healing", "--private"],
        "The rain on the window, only for me.",
    );
    let both = sandbox.path("both");
    std::fs::write(&both, format!("Alex: {ALEX_SAYS}\nSam: {SAM_SAYS}\n")).expect("write");
    std::fs::set_permissions(&both, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = sandbox
        .std_command()
        .env("MEND_PASSPHRASE_FILE", &both)
        .arg("encrypt")
        .output()
        .expect("run mend encrypt");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sandbox
}

#[test]
fn sams_evening_opens_with_sams_passphrase_typed_into_the_app() {
    let sandbox = encrypted_sandbox();
    let before = std::fs::read(&sandbox.journal).expect("read");
    let mut tui = sandbox.tui();
    tui.wait_for_all(&["Who is here tonight?", "Alex", "Sam"], PATIENCE);
    tui.send(DOWN);
    tui.send(ENTER);
    tui.wait_for("Sam's passphrase", PATIENCE);
    tui.type_text(ALEX_SAYS);
    let screen = tui.wait_for("•••", PATIENCE);
    assert!(!screen.contains(ALEX_SAYS), "never shown: {screen}");
    tui.send(ENTER);
    tui.wait_for("That passphrase does not open Sam's words.", PATIENCE);
    assert_eq!(
        std::fs::read(&sandbox.journal).expect("read"),
        before,
        "a wrong passphrase changes nothing on disk"
    );
    tui.type_text(SAM_SAYS);
    tui.send(ENTER);
    tui.wait_for("Tonight with Sam", PATIENCE);
    tui.send(b"j");
    let screen = tui.wait_for("The rain on the window", PATIENCE);
    assert!(!screen.contains("mend-sealed"), "{screen}");
    tui.esc();
    tui.wait_for("Tonight with Sam", PATIENCE);
    tui.quit();
    let bytes = std::fs::read(&sandbox.journal).expect("read");
    assert!(
        !String::from_utf8_lossy(&bytes).contains("The rain on the window"),
        "the journal stays sealed on disk"
    );
}

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

/// The recovery codes on the screen as `mend encrypt` shows them: five groups of five.
fn codes_on(screen: &str) -> Vec<String> {
    screen
        .split_whitespace()
        .filter(|word| {
            let groups: Vec<&str> = word.split('-').collect();
            groups.len() == 5
                && groups
                    .iter()
                    .all(|g| g.len() == 5 && g.chars().all(|c| c.is_ascii_alphanumeric()))
        })
        .map(str::to_owned)
        .collect()
}

/// Types `says` twice at `mend encrypt`'s prompts for `name`'s new passphrase.
fn choose(run: &mut Session, name: &str, says: &str) {
    run.wait_for(
        &format!("A new passphrase for {name} (at least 8 characters):"),
        PATIENCE,
    );
    run.type_text(says);
    run.send(ENTER);
    run.wait_for("The same passphrase again:", PATIENCE);
    run.type_text(says);
    run.send(ENTER);
}

#[test]
fn mend_encrypt_at_a_terminal_shows_each_recovery_code_to_its_partner_alone() {
    let sandbox = Sandbox::with_journal();
    let mut run = Session::spawn(sandbox.command("", &["encrypt"], &[]));
    choose(&mut run, "Alex", ALEX_SAYS);
    // Sam picks Alex's passphrase by mistake: asked again on the spot, saying why, with
    // nothing typed before lost.
    choose(&mut run, "Sam", ALEX_SAYS);
    run.wait_for("Each of you needs your own passphrase", PATIENCE);
    choose(&mut run, "Sam", SAM_SAYS);
    let mut seen: Vec<String> = Vec::new();
    for (name, other) in [("Alex", "Sam"), ("Sam", "Alex")] {
        let asked = run.wait_for(&format!("{other}, please look away"), PATIENCE);
        assert_eq!(
            codes_on(&asked),
            Vec::<String>::new(),
            "no code yet:\n{asked}"
        );
        run.send(ENTER);
        let shown = run.wait_for("Press Enter once you have kept it", PATIENCE);
        assert!(
            shown.contains(&format!("{name}, this is your recovery code.")),
            "{shown}"
        );
        let codes = codes_on(&shown);
        assert_eq!(codes.len(), 1, "{name}'s code alone:\n{shown}");
        assert!(!seen.contains(&codes[0]), "a new code for each of you");
        seen.extend(codes);
        // Ctrl-C on the last code is a key like Enter: it never ends mend with a code on
        // the screen or another code unseen.
        run.send(if name == "Sam" { b"\x03" } else { ENTER });
        let after = run.wait_for(&format!("{name}'s recovery code was shown"), PATIENCE);
        assert_eq!(
            codes_on(&after),
            Vec::<String>::new(),
            "gone once kept:\n{after}"
        );
    }
    assert!(run.wait_exit(PATIENCE).success());
    run.wait_left_alternate_screen();
    // The code Alex saw is Alex's: it sets a new passphrase.
    let code = sandbox.path("code");
    std::fs::write(&code, format!("{}\n", seen[0])).expect("write");
    let new = sandbox.path("new");
    std::fs::write(&new, "a brand new lantern\n").expect("write");
    for file in [&code, &new] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let out = sandbox
        .std_command()
        .env("MEND_RECOVERY_FILE", &code)
        .env("MEND_NEW_PASSPHRASE_FILE", &new)
        .args(["passphrase", "recover", "--as", "alex"])
        .output()
        .expect("run mend passphrase recover");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

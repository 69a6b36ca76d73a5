//! First-run setup with passphrases: each partner types one twice, hidden; the journal is made
//! sealed and locked, and each recovery code is shown once.

use crate::harness::Harness;
use crate::locked::encrypted_file;
use age::secrecy::ExposeSecret;
use mend::journal::Opened;
use mend::store::Store;
use mend::tui::app::{Popup, Screen};

const ALEX_SAYS: &str = "a long walk home";
const SAM_SAYS: &str = "tea before nine";

#[test]
fn setup_can_keep_the_journal_private_with_a_passphrase_each() {
    // The same small work factor as the other encrypted tests (debug builds only).
    drop(encrypted_file());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    let mut store = Store::new(&path, None);
    let mut h = Harness::new(None);
    h.keys_saving_to(&mut store, "Alex<Tab><Tab>Sam<Tab><Enter>");
    h.keys_saving_to(&mut store, "y");
    insta::assert_snapshot!("setup_passphrase_80x24", h.render(80, 24));
    // Too short, then two that differ: said plainly, nothing made.
    h.keys_saving_to(&mut store, "short<Enter>");
    assert!(h.render(80, 24).contains("at least 8 characters"));
    h.keys_saving_to(&mut store, &format!("{ALEX_SAYS}<Enter>"));
    let again = h.render(80, 24);
    assert!(again.contains("Alex, the same passphrase again"), "{again}");
    assert!(!again.contains(ALEX_SAYS), "never shown: {again}");
    h.keys_saving_to(&mut store, "a long walk hom<Enter>");
    let differ = h.render(80, 24);
    assert!(differ.contains("were not the same"), "{differ}");
    insta::assert_snapshot!("setup_passphrases_differ_50x20", h.render(50, 20));
    assert!(!path.exists(), "nothing is written yet");
    h.keys_saving_to(&mut store, &format!("{ALEX_SAYS}<Enter>{ALEX_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, &format!("{SAM_SAYS}<Enter>{SAM_SAYS}<Enter>"));
    // Made, sealed and locked, with the codes shown once.
    let Some(Popup::RecoveryCodes(codes)) = h.app.popup() else {
        panic!("the recovery codes show: {}", h.render(80, 24));
    };
    assert_eq!(codes.codes.len(), 2);
    let secrets: Vec<String> = codes
        .codes
        .iter()
        .map(|(_, code)| code.0.expose_secret().to_owned())
        .collect();
    // The codes are new each time: the snapshots show them as #s of the same length.
    let hidden = |screen: String| {
        secrets.iter().fold(screen, |screen, code| {
            screen.replace(code.as_str(), &"#".repeat(code.chars().count()))
        })
    };
    insta::assert_snapshot!("setup_recovery_codes_80x24", hidden(h.render(80, 24)));
    insta::assert_snapshot!("setup_recovery_codes_50x24", hidden(h.render(50, 24)));
    let shown = h.render(100, 30);
    assert!(
        secrets.iter().all(|code| shown.contains(code.as_str())),
        "{shown}"
    );
    assert!(
        shown.contains("If both your passphrase and your code are lost"),
        "{shown}"
    );
    assert!(
        shown.contains("Alex: ") && shown.contains("Sam: "),
        "{shown}"
    );
    let bytes = std::fs::read(&path).expect("the journal was made");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("\"sealing\""), "{text}");
    assert_eq!(
        h.app.journal.as_ref().map(|j| j.opened()),
        Some(Opened::Nothing),
        "the app holds it locked"
    );
    h.keys_saving_to(&mut store, "<Enter>");
    assert!(h.app.popups.is_empty(), "the codes are gone once kept");
    assert!(matches!(h.app.screen, Screen::Who(_)));
    // Sam's passphrase opens Sam's evening.
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(
        h.app.partner,
        Some(h.app.journal.as_ref().unwrap().partners[1].id)
    );
}

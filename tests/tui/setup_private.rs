//! First-run setup with passphrases: each partner types one twice, hidden; the journal is made
//! sealed and locked, and each recovery code is shown once, to its partner alone.

use crate::harness::Harness;
use crate::locked::encrypted_file;
use age::secrecy::ExposeSecret;
use mend::journal::{Opened, recovery_code_words_for};
use mend::store::Store;
use mend::tui::app::{Popup, Screen};
use mend::tui::effects::Passphrase;
use mend::tui::popups::recovery_codes::{RecoveryCodes, TOO_SMALL};

const ALEX_SAYS: &str = "a long walk home";
const SAM_SAYS: &str = "tea before nine";

#[test]
fn enter_alone_does_not_answer_whether_to_keep_it_private() {
    let mut h = Harness::new(None);
    h.keys("Alex<Tab><Tab>Sam<Tab><Enter>");
    assert!(
        h.render(80, 24)
            .contains("Keep it private with passphrases?")
    );
    assert_eq!(
        h.hint_line(),
        "y yes, with passphrases  n not now  Esc back  Ctrl-G hard moment",
        "the hint line offers no Enter here"
    );
    h.keys("<Enter>");
    assert!(h.saved.is_none(), "Enter made no journal");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Keep it private with passphrases?"),
        "{screen}"
    );
    insta::assert_snapshot!("setup_private_enter_80x24", screen);
    assert!(
        screen.contains("Enter does not choose for you: press y or n."),
        "{screen}"
    );
    // Each answer is still its own key.
    h.keys("n");
    let journal = h.saved.clone().expect("n made a journal");
    assert!(!journal.is_sealed(), "without passphrases, as chosen");
    let mut h = Harness::new(None);
    h.keys("Alex<Tab><Tab>Sam<Tab><Enter><Enter>y");
    assert!(
        h.render(80, 24).contains("Alex, choose your passphrase"),
        "y goes on to the passphrases after an Enter"
    );
    assert_eq!(
        h.hint_line(),
        "Enter continue  Esc back  Ctrl-G hard moment"
    );
}

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
    // Made, sealed and locked, with each code shown once, to its partner alone.
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
    let shows = |screen: &str| -> Vec<usize> {
        (0..secrets.len())
            .filter(|n| screen.contains(secrets[*n].as_str()))
            .collect()
    };
    // First Sam is asked to look away: no code shows yet.
    let next = h.render(80, 24);
    assert_eq!(shows(&next), Vec::<usize>::new(), "{next}");
    assert!(
        popup_text(&next).contains("Sam, please look away"),
        "{next}"
    );
    insta::assert_snapshot!("setup_recovery_code_next_80x24", next);
    h.keys_saving_to(&mut store, "<Enter>");
    insta::assert_snapshot!("setup_recovery_codes_80x24", hidden(h.render(80, 24)));
    insta::assert_snapshot!("setup_recovery_codes_50x24", hidden(h.render(50, 24)));
    insta::assert_snapshot!("setup_recovery_codes_40x12", hidden(h.render(40, 12)));
    for (width, height) in [(80, 24), (50, 24), (100, 30)] {
        let screen = h.render(width, height);
        assert_eq!(
            shows(&screen),
            vec![0],
            "Alex's alone, at {width}x{height}: {screen}"
        );
        assert!(
            popup_text(&screen).contains(&recovery_code_words_for("Alex")),
            "{screen}"
        );
    }
    // In a window too small to show it, Enter does not close Alex's code unseen.
    assert!(popup_text(&h.render(30, 8)).contains("Make this window bigger"));
    h.app.window = Some(ratatui::layout::Rect::new(0, 0, 30, 8));
    h.keys_saving_to(&mut store, "<Enter>");
    assert_eq!(
        shows(&h.render(80, 24)),
        vec![0],
        "it stays until it can be seen"
    );
    h.app.window = Some(ratatui::layout::Rect::new(0, 0, 80, 24));
    h.keys_saving_to(&mut store, "<Enter>");
    // Kept: Alex's code is gone from memory, and Alex is asked to look away for Sam's.
    let Some(Popup::RecoveryCodes(codes)) = h.app.popup() else {
        panic!("Sam's code is still to come: {}", h.render(80, 24));
    };
    assert_eq!(
        codes.codes[0].1.0.expose_secret(),
        "",
        "Alex's code is wiped once kept"
    );
    let next = h.render(80, 24);
    assert_eq!(shows(&next), Vec::<usize>::new(), "{next}");
    assert!(
        popup_text(&next).contains("Alex, please look away"),
        "{next}"
    );
    h.keys_saving_to(&mut store, "<Enter>");
    let sams = h.render(80, 24);
    assert_eq!(shows(&sams), vec![1], "Sam's alone: {sams}");
    assert!(
        popup_text(&sams).contains("Sam, this is your recovery code."),
        "{sams}"
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

/// The words inside a popup's borders, row by row, joined with single spaces.
fn popup_text(screen: &str) -> String {
    let inside = screen.lines().filter_map(|row| {
        let from = row.find('│')?;
        let to = row.rfind('│')?;
        (to > from).then(|| &row[from + '│'.len_utf8()..to])
    });
    inside
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_recovery_code_shows_whole_or_not_at_all_at_every_size() {
    let codes = [
        ("Alex", "ABCDE-FGHJK-MNPQR-STUVW-XYZ23"),
        (
            "Samantha Okonkwo-Delacroix",
            "45678-9ABCD-EFGHJ-KMNPQ-RSTUV",
        ),
    ];
    let mut h = Harness::new(None);
    h.app.popups.push(Popup::RecoveryCodes(RecoveryCodes {
        codes: codes
            .iter()
            .map(|(name, code)| ((*name).to_owned(), Passphrase::new(code)))
            .collect(),
        at: 1,
        showing: true,
    }));
    insta::assert_snapshot!("recovery_codes_long_name_50x24", h.render(50, 24));
    insta::assert_snapshot!("recovery_codes_44x12", h.render(44, 12));
    let (_, code) = codes[1];
    let mut whole = 0;
    for width in 20..=100 {
        for height in 5..=40 {
            let screen = h.render(width, height);
            let at = format!("{width}x{height}:\n{screen}");
            let text = popup_text(&screen);
            assert!(!screen.contains(codes[0].1), "never Alex's, at {at}");
            if screen.contains(code) {
                whole += 1;
                assert!(
                    text.contains(&recovery_code_words_for(codes[1].0)),
                    "the words whole at {at}"
                );
                assert!(text.contains("Enter I have kept it safe"), "{at}");
            } else {
                let any_part = code.split('-').any(|group| screen.contains(group));
                assert!(!any_part, "no part of a code alone, at {at}");
                let start: String = TOO_SMALL
                    .split_whitespace()
                    .take(4)
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(text.contains(&start), "says why, at {at}");
            }
        }
    }
    assert!(whole > 1000, "most sizes show the code: {whole}");
    // Smaller still, it draws without a panic.
    for width in 1..=100 {
        for height in 1..=40 {
            if width < 20 || height < 5 {
                h.render(width, height);
            }
        }
    }
    h.keys("x<Down><C-c><C-q>");
    assert!(h.app.popup().is_some(), "only Enter closes it");
    assert!(
        h.app.running,
        "Ctrl-C never quits with a code unseen: it is shown only once"
    );
}

#[test]
fn setup_refuses_the_same_passphrase_for_both_partners() {
    drop(encrypted_file());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    let mut store = Store::new(&path, None);
    let mut h = Harness::new(None);
    h.keys_saving_to(&mut store, "Alex<Tab><Tab>Sam<Tab><Enter>y");
    h.keys_saving_to(&mut store, &format!("{ALEX_SAYS}<Enter>{ALEX_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, &format!("{ALEX_SAYS}<Enter>{ALEX_SAYS}<Enter>"));
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Each of you needs your own passphrase"),
        "{screen}"
    );
    assert!(
        !path.exists(),
        "nothing is made with one passphrase for both"
    );
    h.keys_saving_to(&mut store, &format!("{SAM_SAYS}<Enter>{SAM_SAYS}<Enter>"));
    assert!(matches!(h.app.popup(), Some(Popup::RecoveryCodes(_))));
}

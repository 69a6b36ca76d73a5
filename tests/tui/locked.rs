//! An encrypted journal in the app: it opens locked, each partner's evening opens with their
//! own passphrase typed hidden, "both of us" with either, and it locks itself when unused.

use crate::harness::{ALEX, Harness, SAM, lived_in_journal, now};
use mend::journal::{Clock, Journal, Opened, PartnerId};
use mend::store::Store;
use mend::store::seal::Sealer;
use mend::tui::app::{Popup, Screen};
use mend::tui::effects::Event;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const ALEX_SAYS: &str = "a long walk home";
pub const SAM_SAYS: &str = "tea before nine";

/// A lived-in journal file, encrypted with Alex's and Sam's passphrases.
pub fn encrypted_file() -> (tempfile::TempDir, PathBuf) {
    encrypted_file_of(lived_in_journal())
}

/// A file holding `journal`, encrypted with Alex's and Sam's passphrases.
pub fn encrypted_file_of(journal: Journal) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.json");
    let mut store = Store::new(&path, None);
    store.create(journal).expect("created");
    encrypt_file(&path);
    (dir, path)
}

/// Encrypts the journal at `path` with Alex's and Sam's passphrases, as `mend encrypt` does.
pub fn encrypt_file(path: &Path) {
    static FAST: std::sync::Once = std::sync::Once::new();
    // Unwrapping keys wrapped with a small work factor is quick; only debug builds honour it.
    FAST.call_once(|| unsafe { std::env::set_var("MEND_TEST_WORK_FACTOR", "10") });
    let passphrases: Vec<(PartnerId, age::secrecy::SecretString)> = vec![
        (ALEX, ALEX_SAYS.to_owned().into()),
        (SAM, SAM_SAYS.to_owned().into()),
    ];
    let mut store = Store::new(path, None);
    let journal = store.load().expect("loads").expect("a journal");
    let clock = Clock::start(now().to_utc(), journal.device());
    let (sealer, sealing, _codes) = Sealer::create(&passphrases, &clock);
    store.hold_keys(sealer);
    store
        .update(|journal| {
            journal.sealing = Some(sealing);
            Ok(())
        })
        .expect("encrypted");
}

/// Decrypts the journal at `path` with both passphrases, as `mend decrypt --yes` does.
pub fn decrypt_file(path: &Path) {
    let mut store = Store::new(path, None);
    let journal = store.load().expect("loads").expect("a journal");
    let sealing = journal.sealing.clone().expect("encrypted");
    let mut keys: Option<Sealer> = None;
    for (partner, name, says) in [(ALEX, "Alex", ALEX_SAYS), (SAM, "Sam", SAM_SAYS)] {
        let secret = age::secrecy::SecretString::from(says.to_owned());
        let sealer = Sealer::unlock(
            &sealing,
            partner,
            name,
            &secret,
            mend::journal::OpensWith::Passphrase,
        )
        .expect("the passphrase opens it");
        match &mut keys {
            Some(keys) => keys.join(sealer),
            None => keys = Some(sealer),
        }
    }
    store.unlock(keys.expect("keys")).expect("opened");
    store
        .update(|journal| {
            journal.sealing = None;
            journal.version = mend::journal::PLAIN_VERSION;
            Ok(())
        })
        .expect("decrypted");
}

/// The app as it opens on an encrypted journal: locked, on "who is here".
pub fn locked_window(path: &Path) -> (Store, Harness) {
    let mut store = Store::new(path, None);
    let journal: Arc<Journal> = store.load().expect("loads").expect("a journal");
    assert_eq!(journal.opened(), Opened::Nothing, "the app opens it locked");
    let mut h = Harness::new(Some(Journal::clone(&journal)));
    h.app.journal = Some(journal);
    (store, h)
}

/// Lets fifteen unused minutes pass, so mend locks itself, and checks it is back on "who is
/// here".
pub fn wait_until_locked(h: &mut Harness, store: &mut Store) {
    let effects = h
        .app
        .update(Event::Tick(now() + chrono::Duration::minutes(15)));
    h.run_saving_to(store, effects);
    assert!(
        matches!(h.app.screen, Screen::Who(_)),
        "mend locked itself, back on who is here"
    );
}

/// Whether the screen shows anything sealed as if it were words.
fn shows_sealed(screen: &str) -> bool {
    screen.contains("mend-sealed") || screen.contains("255")
}

#[test]
fn a_locked_journal_shows_the_names_and_asks_for_the_chosen_partners_passphrase_hidden() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    let who = h.render(80, 24);
    assert!(who.contains("Alex") && who.contains("Sam"), "{who}");
    h.keys_saving_to(&mut store, "<Down><Enter>");
    let Some(Popup::Passphrase(ask)) = h.app.popup() else {
        panic!("choosing Sam asks for Sam's passphrase");
    };
    assert_eq!(ask.partner, Some(SAM));
    assert!(
        h.app.partner.is_none(),
        "nothing opens before the passphrase"
    );
    insta::assert_snapshot!("passphrase_sam_80x24", h.render(80, 24));
    // Only the popup gets keys: the hint line shows its keys, not those of "who is here".
    assert_eq!(h.hint_line(), "Enter open  Esc not now  Ctrl-G hard moment");
    h.keys_saving_to(&mut store, "tea");
    let screen = h.render(80, 24);
    assert!(screen.contains("•••"), "one dot per character: {screen}");
    assert!(
        !screen.contains("tea"),
        "the passphrase is never shown: {screen}"
    );
    insta::assert_snapshot!("passphrase_typed_44x16", h.render(44, 16));
    // Esc and Ctrl-C let it go, and nothing opened.
    h.keys_saving_to(&mut store, "<Esc>");
    assert!(h.app.popups.is_empty());
    h.keys_saving_to(&mut store, "<Enter><C-c>");
    assert!(h.app.popups.is_empty() && h.app.running);
    assert!(matches!(h.app.screen, Screen::Who(_)));
}

#[test]
fn a_wrong_passphrase_says_so_kindly_keeps_the_popup_and_changes_nothing() {
    let (_dir, path) = encrypted_file();
    let before = std::fs::read(&path).expect("read");
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, "<Down><Enter>");
    h.keys_saving_to(&mut store, &format!("{ALEX_SAYS}<Enter>"));
    let Some(Popup::Passphrase(_)) = h.app.popup() else {
        panic!("the popup stays open for another try");
    };
    let screen = h.render(80, 24);
    assert!(
        screen.contains("That passphrase does not open Sam's words. Nothing was changed."),
        "{screen}"
    );
    assert!(!screen.contains('•'), "what was typed is cleared: {screen}");
    insta::assert_snapshot!("passphrase_wrong_80x24", screen);
    // At the smallest size the blank lines go, so the kind words and every key still show.
    let small = h.render(44, 12);
    assert!(small.contains("Esc  not now"), "{small}");
    insta::assert_snapshot!("passphrase_wrong_44x12", small);
    assert!(h.app.partner.is_none());
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "nothing on disk changed"
    );
}

/// Every screen a partner can reach, rendered, with what each showed.
fn every_screen(h: &mut Harness, store: &mut Store) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    for (name, keys) in [
        ("home", ""),
        ("journal", "j"),
        ("read", "<Enter>"),
        ("promises", "<Esc><Esc>o"),
        ("plan", "<Esc>h"),
        ("checkin", "<Esc>c"),
        ("write", "<Esc>w"),
        ("hard moment", "<Esc><C-g>"),
    ] {
        h.keys_saving_to(store, keys);
        let screen = h.render(100, 40);
        seen.push((name.to_owned(), screen));
    }
    h.keys_saving_to(store, "<Esc><Esc><Esc>");
    seen
}

#[test]
fn each_partner_opens_with_their_own_passphrase_and_no_screen_ever_shows_sealed_words() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(SAM), "Sam's evening is open");
    assert!(matches!(h.app.screen, Screen::Home(_)));
    assert!(h.app.popups.is_empty());
    h.keys_saving_to(&mut store, "j");
    let journal = h.render(100, 40);
    assert!(journal.contains("Private thoughts Alex"), "{journal}");
    assert!(!journal.contains("Something only for me"), "{journal}");
    h.keys_saving_to(&mut store, "<Esc>");
    for (name, screen) in every_screen(&mut h, &mut store) {
        assert!(!shows_sealed(&screen), "Sam's {name} screen:\n{screen}");
    }
    // Going back to "who is here" locked the journal: no one's words stay open behind it.
    assert!(matches!(h.app.screen, Screen::Who(_)));
    assert_eq!(
        h.app.journal.as_ref().map(|j| j.opened()),
        Some(Opened::Nothing)
    );
    h.keys_saving_to(&mut store, "<Enter>");
    assert!(
        matches!(h.app.popup(), Some(Popup::Passphrase(_))),
        "Sam's own evening needs Sam's passphrase again"
    );
    h.keys_saving_to(&mut store, "<Esc>");
    // Alex's evening asks for Alex's passphrase; Sam's private words stay sealed.
    h.keys_saving_to(&mut store, "<Up><Enter>");
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
    h.keys_saving_to(&mut store, &format!("{ALEX_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(ALEX));
    let held = h.app.journal.clone().expect("a journal");
    assert_eq!(held.opened(), Opened::SharedAndPrivateOf(ALEX));
    assert!(
        held.entries
            .iter()
            .all(|e| !e.text.contains("Private thoughts")),
        "Sam's private words are sealed again"
    );
    for (name, screen) in every_screen(&mut h, &mut store) {
        assert!(!shows_sealed(&screen), "Alex's {name} screen:\n{screen}");
        assert!(!screen.contains("Private thoughts"), "{name}:\n{screen}");
    }
}

#[test]
fn both_of_us_opens_with_either_passphrase_and_shows_shared_things_only() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, "<Down><Down><Enter>");
    let Some(Popup::Passphrase(ask)) = h.app.popup() else {
        panic!("both of us asks for a passphrase");
    };
    assert_eq!(ask.partner, None);
    insta::assert_snapshot!("passphrase_both_80x24", h.render(80, 24));
    h.keys_saving_to(&mut store, &format!("{SAM_SAYS}<Enter>"));
    assert!(matches!(h.app.screen, Screen::Progress(_)));
    let held = h.app.journal.clone().expect("a journal");
    assert_eq!(held.opened(), Opened::SharedOnly, "no one's private words");
    for keys in ["", "2", "3", "4", "5", "6", "<Left>", "w", "<Esc>"] {
        h.keys_saving_to(&mut store, keys);
        let screen = h.render(100, 40);
        assert!(!shows_sealed(&screen), "after {keys}: {screen}");
        assert!(!screen.contains("Private thoughts"), "{screen}");
    }
    // An export is plain because it is asked for, and the popup says so.
    h.app.go_who();
    h.keys_saving_to(&mut store, "<Down><Down><Enter>");
    h.keys_saving_to(&mut store, &format!("{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "e");
    let export = h.render(80, 24);
    assert!(
        export.contains("this file will not be"),
        "the export popup says the file is not encrypted:\n{export}"
    );
    insta::assert_snapshot!("export_of_an_encrypted_journal_80x24", export);
    h.keys_saving_to(&mut store, "<Esc>");
    // Sam's evening still needs Sam's passphrase.
    h.app.go_who();
    h.keys_saving_to(&mut store, "<Down><Enter>");
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
}

#[test]
fn mend_locks_itself_when_unused_keeping_the_writing_sealed_and_offers_it_back() {
    let (dir, path) = encrypted_file();
    let drafts_dir = dir.path().join("drafts");
    let (mut store, mut h) = locked_window(&path);
    h.real_drafts = Some(mend::tui::draft::Drafts::new(&drafts_dir));
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "wThe quiet hour by the lake");
    assert!(matches!(h.app.screen, Screen::Write(_)));
    // Fourteen minutes is not long enough.
    let effects = h
        .app
        .update(Event::Tick(now() + chrono::Duration::minutes(14)));
    assert!(effects.is_empty());
    let opened = Arc::downgrade(h.app.journal.as_ref().expect("a journal"));
    wait_until_locked(&mut h, &mut store);
    // Nothing holds the opened journal any longer: the app let go of it last, wiping it.
    assert!(opened.upgrade().is_none(), "the opened journal is let go");
    assert!(h.app.partner.is_none());
    assert_eq!(
        h.app.journal.as_ref().map(|j| j.opened()),
        Some(Opened::Nothing),
        "the keys are gone"
    );
    let notice = h.render(80, 24);
    assert!(notice.contains("mend locked itself"), "{notice}");
    insta::assert_snapshot!("locked_itself_80x24", notice);
    for file in std::fs::read_dir(&drafts_dir).expect("drafts").flatten() {
        let bytes = std::fs::read(file.path()).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("quiet hour"), "the draft is sealed: {text}");
        assert!(text.contains("mend-sealed"), "{text}");
    }
    // "Who is here" opens on Sam, who was here. A wrong passphrase loses nothing; the right
    // one offers the writing back.
    h.keys_saving_to(&mut store, &format!("<Enter>{ALEX_SAYS}<Enter><Esc>"));
    assert_eq!(std::fs::read_dir(&drafts_dir).expect("drafts").count(), 1);
    h.keys_saving_to(&mut store, &format!("<Enter>{SAM_SAYS}<Enter>"));
    assert!(matches!(h.app.popup(), Some(Popup::RestoreDraft(_))));
    h.keys_saving_to(&mut store, "r");
    let screen = h.render(80, 24);
    assert!(screen.contains("The quiet hour by the lake"), "{screen}");
}

#[test]
fn the_wait_before_locking_is_a_setting_of_an_encrypted_journal_and_is_kept() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    // Settings are in the clear: they change without a passphrase.
    h.keys_saving_to(&mut store, ",<Up>");
    let screen = h.render(80, 24);
    assert!(screen.contains("Lock when unused for"), "{screen}");
    h.keys_saving_to(&mut store, "<Left><Left>");
    let screen = h.render(80, 24);
    insta::assert_snapshot!("settings_lock_after_80x24", screen);
    assert!(screen.contains("locks itself after 5 minutes"), "{screen}");
    assert_eq!(
        h.app
            .journal
            .as_ref()
            .map(|j| j.settings.lock_after_minutes()),
        Some(5)
    );
    h.keys_saving_to(&mut store, &format!("<Esc><Down><Enter>{SAM_SAYS}<Enter>"));
    assert_eq!(h.app.partner, Some(SAM));
    let effects = h
        .app
        .update(Event::Tick(now() + chrono::Duration::minutes(5)));
    h.run_saving_to(&mut store, effects);
    assert!(
        h.app.partner.is_none(),
        "locked after the five minutes chosen"
    );
}

#[test]
fn a_plain_journal_never_locks_and_has_no_lock_setting() {
    let mut h = Harness::new(Some(lived_in_journal()));
    h.keys(",<Up>");
    assert!(!h.render(80, 24).contains("Lock when unused"));
    h.keys("<Esc><Enter>");
    let effects = h
        .app
        .update(Event::Tick(now() + chrono::Duration::hours(3)));
    assert!(effects.is_empty());
    assert_eq!(h.app.partner, Some(ALEX));
}

#[test]
fn a_hard_moment_on_a_locked_journal_never_shows_sealed_words() {
    let (_dir, path) = encrypted_file_of(crate::hard_moment::journal_with_plan());
    let (mut store, mut h) = locked_window(&path);
    let mut screens = vec![h.render(80, 24)];
    for keys in ["<C-g>", "<Enter>", "<Enter>", "<Enter>", "p", "<Esc>n"] {
        h.keys_saving_to(&mut store, keys);
        screens.push(h.render(80, 24));
    }
    h.keys_saving_to(&mut store, "<Esc><Esc><Esc>,");
    screens.push(h.render(80, 24));
    for screen in screens {
        assert!(!shows_sealed(&screen), "{screen}");
    }
}

#[test]
fn a_hard_moment_on_a_locked_journal_says_the_plan_opens_with_a_name_and_passphrase() {
    let (_dir, path) = encrypted_file_of(crate::hard_moment::journal_with_plan());
    let (mut store, mut h) = locked_window(&path);
    // Alex's evening, then back to "who is here": locked again.
    h.keys_saving_to(&mut store, &format!("<Enter>{ALEX_SAYS}<Enter><Esc>"));
    assert!(matches!(h.app.screen, Screen::Who(_)));
    h.keys_saving_to(&mut store, "<C-g>");
    let screen = h.render(80, 24);
    insta::assert_snapshot!("hard_moment_locked_80x24", screen);
    let flat = screen
        .replace(['│', '"'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Once you choose your name and type your passphrase, this key also shows your plan and lets you ask for a pause."),
        "{screen}"
    );
    assert!(!flat.contains("set up"), "the journal is set up: {screen}");
    assert!(
        flat.contains("Breathe in"),
        "the breaths are there: {screen}"
    );
    h.keys_saving_to(&mut store, "<Enter>");
    assert!(h.app.hard_moment().is_none(), "Enter closes, as it says");
}

#[test]
fn words_saved_by_both_of_us_are_sealed_and_every_private_word_stays_intact() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(
        &mut store,
        &format!("<Down><Down><Enter>{ALEX_SAYS}<Enter>"),
    );
    h.keys_saving_to(&mut store, "wyyThe long dinner<Enter>");
    let bytes = std::fs::read(&path).expect("read");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("talks"), "the talk was saved");
    assert!(!text.contains("The long dinner"), "sealed: {text}");
    // Each partner's own words still open with their passphrase.
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>j"));
    assert!(h.render(100, 40).contains("Private thoughts Alex"));
    let held = h.app.journal.clone().expect("a journal");
    assert!(
        held.talks
            .iter()
            .any(|t| format!("{t:?}").contains("The long dinner"))
    );
}

#[test]
fn words_typed_in_a_form_when_mend_locks_itself_are_held_for_their_writer_alone() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "onCook on Friday");
    assert!(matches!(h.app.popup(), Some(Popup::Form(_))));
    wait_until_locked(&mut h, &mut store);
    let locked = h.render(80, 24);
    assert!(
        !locked.contains("Cook on Friday"),
        "never shown while locked:\n{locked}"
    );
    // Quitting now would let them go, so mend asks first.
    h.keys_saving_to(&mut store, "<C-c>");
    assert!(h.app.running);
    assert!(matches!(h.app.popup(), Some(Popup::Confirm(_))));
    h.keys_saving_to(&mut store, "n");
    // Alex opening his evening does not see Sam's words.
    h.keys_saving_to(&mut store, &format!("<Up><Enter>{ALEX_SAYS}<Enter>"));
    assert!(!h.render(80, 24).contains("Cook on Friday"));
    assert!(!matches!(h.app.popup(), Some(Popup::Form(_))));
    // Sam opening hers finds the form as she left it.
    h.app.go_who();
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert!(
        matches!(h.app.popup(), Some(Popup::Form(_))),
        "{:?}",
        h.app.popup().is_some()
    );
    let back = h.render(80, 24);
    assert!(back.contains("Cook on Friday"), "{back}");
}

#[test]
fn a_check_in_note_typed_when_mend_locks_itself_comes_back_to_its_writer() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    h.keys_saving_to(&mut store, "c<Down><Down><Down>a hard evening");
    wait_until_locked(&mut h, &mut store);
    assert!(!h.render(80, 24).contains("a hard evening"));
    h.keys_saving_to(&mut store, &format!("<Enter>{SAM_SAYS}<Enter>"));
    let back = h.render(80, 24);
    assert!(back.contains("a hard evening"), "{back}");
}

#[test]
fn going_back_to_who_is_here_locks_so_the_next_one_opens_only_their_own_evening() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Enter>{SAM_SAYS}<Enter>"));
    assert!(matches!(h.app.screen, Screen::Home(_)));
    h.keys_saving_to(&mut store, "<Esc>");
    assert!(matches!(h.app.screen, Screen::Who(_)));
    assert_eq!(
        h.app.journal.as_ref().map(|j| j.opened()),
        Some(Opened::Nothing),
        "Sam's words are sealed again"
    );
    let who = h.render(80, 24);
    assert!(who.contains("Locked: each of you opens your own"), "{who}");
    assert!(
        !who.contains("kept as a draft"),
        "nothing was being written: {who}"
    );
    // Whoever chooses Sam now needs Sam's passphrase.
    h.keys_saving_to(&mut store, "<Enter>");
    assert!(matches!(h.app.popup(), Some(Popup::Passphrase(_))));
}

/// After a passphrase, the journal the store read for "who is here" is opened in place: the
/// app lets go of its sealed words first, so no second copy of a long journal is made.
#[test]
fn unlocking_opens_the_held_journal_in_place_without_a_copy() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    let held = store.journal().expect("held sealed").entries.as_ptr() as usize;
    h.keys_saving_to(&mut store, &format!("<Enter>{ALEX_SAYS}<Enter>"));
    assert_eq!(
        h.app.partner,
        Some(crate::harness::ALEX),
        "{}",
        h.render(80, 24)
    );
    let opened = store.journal().expect("opened");
    assert_eq!(
        opened.opened(),
        Opened::SharedAndPrivateOf(crate::harness::ALEX)
    );
    assert_eq!(
        opened.entries.as_ptr() as usize,
        held,
        "the same records, opened where they were"
    );
    // A wrong passphrase leaves "who is here" as it was, and the next try still opens.
    h.keys_saving_to(&mut store, "<Esc>");
    h.keys_saving_to(&mut store, "<Down><Enter>not sams passphrase<Enter>");
    assert!(h.render(80, 24).contains("does not open Sam's words"));
    h.keys_saving_to(&mut store, &format!("<C-u>{SAM_SAYS}<Enter>"));
    assert_eq!(
        h.app.partner,
        Some(crate::harness::SAM),
        "{}",
        h.render(80, 24)
    );
}

/// "Both of us" opens with either passphrase, so no one may act in a partner's name there:
/// Ctrl-G offers the breaths and the way to the plan, never "whose moment is it?".
#[test]
fn a_hard_moment_in_both_of_us_on_an_encrypted_journal_is_never_in_a_partners_name() {
    let (_dir, path) = encrypted_file();
    let (mut store, mut h) = locked_window(&path);
    h.keys_saving_to(&mut store, &format!("<Down><Down><Enter>{SAM_SAYS}<Enter>"));
    assert!(matches!(h.app.screen, Screen::Progress(_)));
    h.keys_saving_to(&mut store, "<C-g>");
    let screen = h.render(80, 24);
    assert!(
        screen.contains("Once you choose your name and type your passphrase"),
        "{screen}"
    );
    h.keys_saving_to(&mut store, "<Enter>");
    let after = h.render(80, 24);
    assert!(!after.contains("Whose moment is it?"), "{after}");
    assert!(h.app.popup().is_none(), "Enter closes: {after}");
    let saved = store.journal().expect("a journal");
    assert!(saved.pauses.is_empty(), "no pause in anyone's name");
}

/// Sam's keys for the encrypted journal at `path`, as her passphrase opens them (for what
/// another terminal does with them: `mend decrypt`, `mend encrypt` sealing her draft).
pub fn sams_keys(path: &Path) -> mend::store::seal::Sealer {
    let sealing = mend::store::load(path)
        .expect("loads")
        .expect("a journal")
        .sealing
        .expect("encrypted");
    let secret = age::secrecy::SecretString::from(SAM_SAYS.to_owned());
    mend::store::seal::Sealer::unlock(
        &sealing,
        crate::harness::SAM,
        "Sam",
        &secret,
        mend::journal::OpensWith::Passphrase,
    )
    .expect("Sam's passphrase opens it")
}

/// What the running app does once a second: look at the file and hand any news to the app.
pub fn tick(store: &mut Store, h: &mut Harness) {
    if let Some(reply) = mend::tui::look_for_changes(store) {
        let effects = h.app.on_reply(reply);
        h.run_saving_to(store, effects);
    }
    let effects = h
        .app
        .update(mend::tui::effects::Event::Tick(crate::harness::now()));
    h.run_saving_to(store, effects);
}

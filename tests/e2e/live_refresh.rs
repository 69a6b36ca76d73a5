//! The open app shows a save made elsewhere (the CLI here, standing in for the other laptop's
//! copy arriving) within about two seconds, with no key pressed and no restart, and also while
//! keys keep coming.

use super::*;
use std::time::Instant;

/// Sam's evening open in a pty, with shared words opening at once.
fn sams_evening(sandbox: &Sandbox) -> Session {
    sandbox.open_words_at_once();
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    open_as(&mut tui, "Sam");
    tui.wait_for("Tonight with Sam", PATIENCE);
    tui
}

/// Alex's words, saved from the CLI, as the other laptop's copy arriving would be.
fn alex_saves(sandbox: &Sandbox, words: &str) {
    sandbox.cli(
        &["write", "--as", "alex", "--stage", "communication"],
        words,
    );
}

/// Opens Sam's evening, waits `pause`, saves Alex's words, and returns how long after the
/// save they showed on Sam's screen, or `None` if they did not within ten seconds.
fn delay_until_shown(words: &str, pause: Duration) -> Option<Duration> {
    let sandbox = Sandbox::with_journal();
    let mut tui = sams_evening(&sandbox);
    assert!(!tui.screen().contains(words));
    // The pause moves the save to another moment of the app's once-a-second look.
    std::thread::sleep(pause);
    alex_saves(&sandbox, words);
    let saved = Instant::now();
    let shown = tui.try_wait_until(Duration::from_secs(10), |screen| {
        screen.contents().contains(words)
    });
    let delay = saved.elapsed();
    tui.quit();
    shown.then_some(delay)
}

#[test]
fn alexs_words_saved_elsewhere_show_on_sams_open_evening_without_a_key() {
    let mut delays = Vec::new();
    for (run, pause) in [0, 250, 500, 750, 900].into_iter().enumerate() {
        let words = format!("Saved elsewhere, run {run}.");
        let delay = delay_until_shown(&words, Duration::from_millis(pause));
        assert!(delay.is_some(), "run {run}: the words never showed");
        delays.extend(delay);
    }
    delays.sort();
    // For the record (cargo test -- --nocapture): the loop looks once a second.
    eprintln!("live refresh delays: {delays:?}, median {:?}", delays[2]);
}

#[test]
fn words_saved_elsewhere_show_while_sam_keeps_pressing_keys() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sams_evening(&sandbox);
    tui.send(b"j");
    tui.wait_for("0 entries", PATIENCE);
    let words = "Arrived while Sam moved about.";
    alex_saves(&sandbox, words);
    // A key every tenth of a second: the look at the file is not put off by them.
    let mut shown = false;
    for _ in 0..50 {
        tui.send(DOWN);
        if tui.try_wait_until(Duration::from_millis(100), |screen| {
            screen.contents().contains(words)
        }) {
            shown = true;
            break;
        }
    }
    assert!(shown, "never shown while keys came:\n{}", tui.screen());
    tui.esc();
    tui.quit();
}

#[test]
fn a_damaged_file_arriving_is_told_calmly_and_the_last_good_journal_stays_on_screen() {
    let sandbox = Sandbox::with_journal();
    let words = "Written before the damage.";
    alex_saves(&sandbox, words);
    let mut tui = sams_evening(&sandbox);
    tui.wait_for(words, PATIENCE);

    let damaged = b"{\"format\": \"mend-journal\", \"version\": 1, \"entries\": [";
    sandbox.put_journal(damaged);
    let screen = flat(&tui.wait_for("cannot be read right now", Duration::from_secs(10)));
    assert!(
        screen.contains("keeps showing it as it was and has written nothing over it"),
        "{screen}"
    );
    assert!(
        screen.contains(words),
        "the last good journal stays: {screen}"
    );
    tui.quit();
    assert_eq!(
        sandbox.journal_bytes(),
        damaged,
        "nothing was written over the damaged file"
    );
}

//! The event loop: reads the terminal, updates the app, runs its effects against the disk.

mod moved_away;
mod runner;
mod unlocking;

use runner::{Runner, UiState};
pub use runner::{look_for_changes, save_change};
pub use unlocking::{
    create_sealed, draft_sealer, found_draft, keep_draft, lock_store, unlock_store,
};

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use std::collections::HashMap;
use std::io::stdout;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::app::App;
use super::draft::Drafts;
use super::draft_hold::DraftHolds;
use super::draw::draw;
use super::effects::{Effect, Event};
use super::signals::{Signals, Stopped};
use super::theme::Theme;
use super::world::{keep_held_draft, run_effects};
use crate::editor::kept_texts;
use crate::journal::PartnerId;
use crate::paths::Paths;
use crate::prompts::PromptLibrary;
use crate::store::Store;
use crate::store::seal::wipe_if_last;

/// A hidden switch for the test that proves the terminal is restored after a panic.
const PANIC_FOR_TEST: &str = "MEND_TEST_PANIC_AFTER_DRAW";

/// How long the loop waits for a key before it looks for a signal again.
const POLL_SLICE: Duration = Duration::from_millis(100);
/// How often time passing is told to the app when no key comes.
const TICK: Duration = Duration::from_secs(1);

/// The full-screen app cannot run on this terminal (`TERM=dumb`).
#[derive(Debug, thiserror::Error)]
#[error(
    "The full-screen journal needs a full terminal, and this one says it is \"dumb\" \
     (TERM=dumb). Every part of mend also works as a plain command: see mend --help."
)]
pub struct NeedsFullTerminal;

/// Opens the full-screen journal at `paths.journal` and runs it until the couple quits.
pub fn run(paths: &Paths, now: impl Fn() -> Result<DateTime<FixedOffset>>) -> Result<()> {
    run_with(paths, now, None)
}

/// Runs the app on a sample journal, saying so on every screen with `banner`.
pub fn run_demo(
    paths: &Paths,
    now: impl Fn() -> Result<DateTime<FixedOffset>>,
    banner: &str,
) -> Result<()> {
    run_with(paths, now, Some(banner.to_owned()))
}

fn run_with(
    paths: &Paths,
    now: impl Fn() -> Result<DateTime<FixedOffset>>,
    banner: Option<String>,
) -> Result<()> {
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        return Err(NeedsFullTerminal.into());
    }
    let mut store = Store::with_backups(&paths.journal, &paths.backups_root, crate::now::now_utc);
    // A journal that cannot be read is reported before the screen changes, and left as it is.
    // An encrypted journal is held sealed (its names and dates only) until a passphrase is
    // typed into the app.
    let journal = store.load()?;
    let encrypted = journal.as_deref().is_some_and(|j| j.is_sealed());
    let mut prompts = PromptLibrary::built_in();
    let mut warning = None;
    match crate::small_file::read_small_text(&paths.prompts, crate::paths::MAX_SETTINGS_BYTES) {
        Ok(Some(text)) => {
            if let Err(message) = prompts.add_own(&text, &paths.prompts.display().to_string()) {
                warning = Some(message);
            }
        }
        Ok(None) => {}
        Err(why) => warning = Some(format!("{why}, so your own prompts were not read.")),
    }
    moved_away::adopt_left_behind_drafts(paths);
    let drafts = Drafts::new(&paths.drafts);
    let mut holds = DraftHolds::new(&paths.drafts);
    // An encrypted journal's drafts are sealed: each opens once its partner has unlocked.
    // A draft another window is keeping is that window's writing, not offered here; one
    // offered here is held by this window alone.
    let plain_drafts = match encrypted {
        true => HashMap::new(),
        false => drafts.load_all(),
    }
    .into_iter()
    .filter(|(partner, _)| holds.offer(*partner))
    .collect::<HashMap<_, _>>();
    let kept_texts: HashMap<PartnerId, PathBuf> = journal
        .iter()
        .flat_map(|j| j.partners.iter())
        .filter_map(|p| Some((p.id, kept_texts(&paths.drafts, p.id).into_iter().next()?)))
        .collect();
    let ui_state: UiState = std::fs::read(&paths.ui_state)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    // On a shared folder, "who is here" starts on this laptop's partner.
    let this_laptops = paths.partner.as_deref().and_then(|name| {
        let journal = journal.as_deref()?;
        journal.partner_named(name).ok().map(|p| p.id)
    });
    let mut app = App::new(
        journal,
        prompts,
        now()?,
        paths.journal.display().to_string(),
        this_laptops.or(ui_state.last_partner),
        plain_drafts,
        Theme::from_env(),
    );
    app.banner = banner;
    app.on_shared_folder = store.shared_files().is_some();
    app.kept_texts = kept_texts;
    if let Some(message) = warning {
        app.warn(message);
    }
    for notice in store.take_notices() {
        app.warn(notice);
    }
    let signals = Signals::catch().context("Could not listen for signals")?;
    let mut terminal = ratatui::try_init().context("Could not prepare the terminal")?;
    let _ = execute!(stdout(), EnableBracketedPaste);
    let mut runner = Runner {
        store,
        holds,
        home: moved_away::JournalHome::at_start(paths),
        drafts,
        pending_draft: None,
        paths,
        terminal: &mut terminal,
        signals: &signals,
    };
    let result = event_loop(&mut app, &mut runner, &now);
    // A hung-up terminal makes drawing or reading fail; the signal is what to report then.
    let signal = match &result {
        Ok(signal) => *signal,
        Err(_) => signals.take(),
    };
    let result = match signal {
        Some(signal) => Err(stop(signal, &app, &mut runner).into()),
        None => result.map(|_| ()),
    };
    // Quitting locks: the keys are forgotten, and wiped as they drop; the opened journal's
    // words are wiped once the store and the app have both let go of it.
    let opened = app.journal.take();
    runner.store.let_go();
    if let Some(opened) = opened {
        wipe_if_last(opened);
    }
    give_back_terminal();
    result
}

/// Leaves the full screen: raw mode off, the normal screen back, the cursor shown.
fn give_back_terminal() {
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = execute!(stdout(), ratatui::crossterm::cursor::Show);
}

/// What the loop waits for next.
enum Next {
    Event(event::Event),
    /// A second passed without a key.
    Tick,
    Signal(i32),
}

/// Keeps the writing on screen as a draft, and says what became of it.
fn stop(signal: i32, app: &App, runner: &mut Runner<'_>) -> Stopped {
    let kept = match app.unsaved_draft() {
        None => "Everything you saved is in the journal.".to_owned(),
        Some(draft) => match runner.keep_draft(&draft) {
            Ok(()) => {
                "Your unsaved writing is kept as a draft; mend offers it back next time.".to_owned()
            }
            Err(err) => format!("Your unsaved writing could not be kept as a draft: {err:#}"),
        },
    };
    Stopped { signal, kept }
}

fn event_loop(
    app: &mut App,
    runner: &mut Runner<'_>,
    now: &impl Fn() -> Result<DateTime<FixedOffset>>,
) -> Result<Option<i32>> {
    let result = run_until_quit(app, runner, now);
    // However the loop ended, the newest draft is written before the terminal is given back.
    keep_held_draft(runner, app);
    result
}

fn run_until_quit(
    app: &mut App,
    runner: &mut Runner<'_>,
    now: &impl Fn() -> Result<DateTime<FixedOffset>>,
) -> Result<Option<i32>> {
    let panic_for_test = std::env::var_os(PANIC_FOR_TEST).is_some();
    let mut tick_due = Instant::now() + TICK;
    while app.running {
        keep_held_draft(runner, app);
        app.window = Some(runner.terminal.draw(|frame| draw(app, frame))?.area);
        if panic_for_test {
            panic!("mend was asked to panic by {PANIC_FOR_TEST}");
        }
        match next_event(runner.signals, tick_due)? {
            Next::Event(first) => {
                // Every key already waiting is handled before the next frame: drawing once
                // per key falls behind a fast typist, a key repeat or a paste without
                // bracketing.
                let mut waiting = Some(first);
                while let Some(terminal_event) = waiting.take() {
                    let effects = on_terminal_event(app, terminal_event);
                    // Opening or sealing takes a second or more: "Opening…" shows meanwhile.
                    let slow = |e: &Effect| {
                        matches!(e, Effect::Unlock { .. } | Effect::CreateSealed { .. })
                    };
                    if effects.iter().any(slow) {
                        app.window = Some(runner.terminal.draw(|frame| draw(app, frame))?.area);
                    }
                    run_effects(runner, app, effects);
                    if app.running && more_waiting()? {
                        waiting = Some(event::read().context("Could not read the terminal")?);
                    }
                }
            }
            Next::Tick => {
                tick_due = following_tick(tick_due, Instant::now());
                // Every save of ours has finished by now (they run in this loop), so a new
                // stamp on the file is another window's or another laptop's.
                if let Some(reply) = look_for_changes(&mut runner.store) {
                    let effects = app.on_reply(reply);
                    // A file that arrived readable by others was made private again: say so.
                    for notice in runner.store.take_notices() {
                        app.warn(notice);
                    }
                    run_effects(runner, app, effects);
                }
                let effects = app.update(Event::Tick(now()?));
                run_effects(runner, app, effects);
            }
            Next::Signal(signal) => return Ok(Some(signal)),
        }
    }
    Ok(None)
}

/// The next terminal event, a tick once `tick_due` has come, or a signal: signals are looked
/// for between short waits, so one is answered within a tenth of a second. Keys do not put
/// the tick off, so the journal file is looked at once a second even while someone types.
fn next_event(signals: &Signals, tick_due: Instant) -> Result<Next> {
    loop {
        if let Some(signal) = signals.take() {
            return Ok(Next::Signal(signal));
        }
        let left = tick_due.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(Next::Tick);
        }
        if event::poll(left.min(POLL_SLICE)).context("Could not read the terminal")? {
            return Ok(Next::Event(
                event::read().context("Could not read the terminal")?,
            ));
        }
    }
}

/// When the tick after the one due at `due` is due, seen at `now`: a second later, or a
/// second from now when the loop fell behind (an editor was open), so missed ticks never
/// come in a burst.
fn following_tick(due: Instant, now: Instant) -> Instant {
    let next = due + TICK;
    if next > now { next } else { now + TICK }
}

/// Whether another terminal event is already waiting. crossterm reads the terminal with
/// `use-dev-tty` (level-triggered poll(2)): its default mio reader is edge-triggered and, given
/// more than 1 KiB at once, left the rest unread until the next key. That reader never looks
/// at the terminal for a zero timeout, so this asks with the shortest one it does (1 ms).
fn more_waiting() -> Result<bool> {
    event::poll(Duration::from_millis(1)).context("Could not read the terminal")
}

/// Hands one terminal event to the app.
fn on_terminal_event(app: &mut App, terminal_event: event::Event) -> Vec<Effect> {
    match terminal_event {
        event::Event::Key(key) => app.update(Event::Key(key)),
        event::Event::Paste(text) => app.update(Event::Paste(text)),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_keep_a_steady_second_and_never_come_in_a_burst() {
        let start = Instant::now();
        assert_eq!(following_tick(start, start), start + TICK);
        // Handled a little late: the next one is still a second after the last was due.
        let late = start + Duration::from_millis(300);
        assert_eq!(following_tick(start, late), start + TICK);
        // Back from a long editor session: one tick a second from now, not thirty at once.
        let much_later = start + Duration::from_secs(30);
        assert_eq!(following_tick(start, much_later), much_later + TICK);
    }
}

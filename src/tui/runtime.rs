//! The event loop: reads the terminal, updates the app, runs its effects against the disk.

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::collections::VecDeque;
use std::io::stdout;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::app::App;
use super::draft::{Draft, Drafts};
use super::draw::draw;
use super::effects::{Effect, Event, ExportRequest, Reply};
use super::signals::{Signals, Stopped};
use super::theme::Theme;
use crate::editor::{edit_in_editor, edit_kept_text, keeping, kept_texts, new_kept_text};
use crate::journal::Change;
use crate::journal::{Edited, Journal, PartnerId};
use crate::paths::Paths;
use crate::prompts::PromptLibrary;
use crate::store::{RealFs, Store, create_private_dir};

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

/// What the app remembers between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct UiState {
    last_partner: Option<PartnerId>,
}

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
    let mut store = Store::new(&paths.journal, Some(paths.backups()));
    // A journal that cannot be read is reported before the screen changes, and left as it is.
    let journal = store.load()?;
    let mut prompts = PromptLibrary::built_in();
    let mut warning = None;
    if let Ok(text) = std::fs::read_to_string(&paths.prompts)
        && let Err(message) = prompts.add_own(&text, &paths.prompts.display().to_string())
    {
        warning = Some(message);
    }
    let drafts = Drafts::new(&paths.drafts);
    let kept_texts: HashMap<PartnerId, PathBuf> = journal
        .iter()
        .flat_map(|j| j.partners.iter())
        .filter_map(|p| Some((p.id, kept_texts(&paths.drafts, p.id).into_iter().next()?)))
        .collect();
    let ui_state: UiState = std::fs::read(&paths.ui_state)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let mut app = App::new(
        journal,
        prompts,
        now()?,
        paths.journal.display().to_string(),
        ui_state.last_partner,
        drafts.load_all(),
        Theme::from_env(),
    );
    app.banner = banner;
    app.kept_texts = kept_texts;
    if let Some(message) = warning {
        app.warn(message);
    }
    for notice in store.take_notices() {
        app.warn(notice);
    }
    let mut runner = Runner {
        store,
        drafts,
        pending_draft: None,
        paths,
    };
    let signals = Signals::catch().context("Could not listen for signals")?;
    let mut terminal = ratatui::try_init().context("Could not prepare the terminal")?;
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &mut runner, &signals, &now);
    // A hung-up terminal makes drawing or reading fail; the signal is what to report then.
    let signal = match &result {
        Ok(signal) => *signal,
        Err(_) => signals.take(),
    };
    let result = match signal {
        Some(signal) => Err(stop(signal, &app, &runner.drafts).into()),
        None => result.map(|_| ()),
    };
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
fn stop(signal: i32, app: &App, drafts: &Drafts) -> Stopped {
    let kept = match app.unsaved_draft() {
        None => "Everything you saved is in the journal.".to_owned(),
        Some(draft) => match drafts.save(&draft) {
            Ok(()) => {
                "Your unsaved writing is kept as a draft; mend offers it back next time.".to_owned()
            }
            Err(err) => format!("Your unsaved writing could not be kept as a draft: {err:#}"),
        },
    };
    Stopped { signal, kept }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runner: &mut Runner<'_>,
    signals: &Signals,
    now: &impl Fn() -> Result<DateTime<FixedOffset>>,
) -> Result<Option<i32>> {
    let result = run_until_quit(terminal, app, runner, signals, now);
    // However the loop ended, the newest draft is written before the terminal is given back.
    runner.keep_draft(app, terminal, signals);
    result
}

fn run_until_quit(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runner: &mut Runner<'_>,
    signals: &Signals,
    now: &impl Fn() -> Result<DateTime<FixedOffset>>,
) -> Result<Option<i32>> {
    let panic_for_test = std::env::var_os(PANIC_FOR_TEST).is_some();
    while app.running {
        runner.keep_draft(app, terminal, signals);
        terminal.draw(|frame| draw(app, frame))?;
        if panic_for_test {
            panic!("mend was asked to panic by {PANIC_FOR_TEST}");
        }
        match next_event(signals)? {
            Next::Event(first) => {
                // Every key already waiting is handled before the next frame: drawing once
                // per key falls behind a fast typist, a key repeat or a paste without
                // bracketing.
                let mut waiting = Some(first);
                while let Some(terminal_event) = waiting.take() {
                    let effects = on_terminal_event(app, terminal_event);
                    runner.run_all(effects, app, terminal, signals);
                    if app.running && more_waiting()? {
                        waiting = Some(event::read().context("Could not read the terminal")?);
                    }
                }
            }
            Next::Tick => {
                let effects = app.update(Event::Tick(now()?));
                runner.run_all(effects, app, terminal, signals);
            }
            Next::Signal(signal) => return Ok(Some(signal)),
        }
    }
    Ok(None)
}

/// The next terminal event, a tick when a second passed without one, or a signal: signals
/// are looked for between short waits, so one is answered within a tenth of a second.
fn next_event(signals: &Signals) -> Result<Next> {
    let started = Instant::now();
    while started.elapsed() < TICK {
        if let Some(signal) = signals.take() {
            return Ok(Next::Signal(signal));
        }
        if event::poll(POLL_SLICE).context("Could not read the terminal")? {
            return Ok(Next::Event(
                event::read().context("Could not read the terminal")?,
            ));
        }
    }
    Ok(Next::Tick)
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

/// Runs effects against the disk and the terminal.
struct Runner<'a> {
    store: Store,
    drafts: Drafts,
    /// The newest draft not written yet: the keys waiting together are typed into the screen
    /// first, then the draft is written once, before the frame and before any other effect.
    pending_draft: Option<Draft>,
    paths: &'a Paths,
}

impl Runner<'_> {
    /// Runs the effects, and the effects that their replies lead to.
    fn run_all(
        &mut self,
        effects: Vec<Effect>,
        app: &mut App,
        terminal: &mut DefaultTerminal,
        signals: &Signals,
    ) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let newer_draft = matches!(
                (&effect, &self.pending_draft),
                (Effect::SaveDraft(new), Some(old)) if new.partner == old.partner
            );
            if !newer_draft {
                // Effects run in order: a draft asked for before this effect is written first.
                queue.extend(self.write_pending_draft(app));
            }
            let editor = matches!(effect, Effect::OpenEditor(_));
            let reply = self.run(effect, app, terminal);
            if editor {
                // Ctrl-C in the editor was meant for the editor, not for mend.
                signals.forget_interrupt();
            }
            if let Some(reply) = reply {
                queue.extend(app.on_reply(reply));
            }
            for notice in self.store.take_notices() {
                app.warn(notice);
            }
        }
    }

    /// Writes the draft waiting to be written, if any, and tells the app how that went.
    fn keep_draft(&mut self, app: &mut App, terminal: &mut DefaultTerminal, signals: &Signals) {
        let effects = self.write_pending_draft(app);
        self.run_all(effects, app, terminal, signals);
    }

    fn write_pending_draft(&mut self, app: &mut App) -> Vec<Effect> {
        let Some(draft) = self.pending_draft.take() else {
            return Vec::new();
        };
        app.on_reply(match self.drafts.save(&draft) {
            Ok(()) => Reply::DraftKept(draft.partner),
            Err(e) => Reply::DraftNotKept(draft.partner, crate::message::error_text(&e)),
        })
    }

    fn run(&mut self, effect: Effect, app: &App, terminal: &mut DefaultTerminal) -> Option<Reply> {
        match effect {
            Effect::Create(journal) => {
                let result = self.store.create(journal);
                Some(Reply::Created(journal_after(&self.store, result)))
            }
            Effect::Apply(change) => Some(save_change(&mut self.store, &change, app.now)),
            Effect::Export(request) => Some(Reply::Exported(export_week(&request))),
            Effect::SaveDraft(draft) => {
                // Written before the next frame or the next other effect, whichever is first.
                self.pending_draft = Some(draft);
                None
            }
            Effect::DeleteDraft(partner) => self
                .drafts
                .remove(partner)
                .err()
                .map(|e| Reply::DraftNotRemoved(crate::message::error_text(&e))),
            Effect::RememberPartner(partner) => {
                let state = UiState {
                    last_partner: Some(partner),
                };
                // Forgetting who was here last is harmless, so a failure here is not shown.
                if let (Ok(bytes), Some(dir)) =
                    (serde_json::to_vec(&state), self.paths.ui_state.parent())
                {
                    let _ = create_private_dir(dir);
                    let _ = crate::store::write_atomically(&self.paths.ui_state, &bytes, &RealFs);
                }
                None
            }
            Effect::OpenEditor(text) => {
                let drafts = &self.paths.drafts;
                Some(Reply::Edited(with_terminal_released(terminal, || {
                    edit_on_screen(drafts, app.partner, &text)
                })))
            }
            Effect::Quit => None,
        }
    }
}

/// Applies `change` to the newest journal on disk and saves it: the app's answer to
/// [`Effect::Apply`], public so that tests can run two windows on one file.
pub fn save_change(store: &mut Store, change: &Change, now: DateTime<FixedOffset>) -> Reply {
    let result = store.update(|journal| {
        let today = journal.clock().evening_of(now.naive_local());
        Ok(change.apply_telling(journal, now.with_timezone(&chrono::Utc), today)?)
    });
    match (result, store.shared()) {
        (Ok(Edited::BesideAChangedEntry(_)), Some(journal)) => Reply::SavedBesideChanged(journal),
        (Ok(_), _) => Reply::Saved(journal_after(store, Ok(()))),
        (Err(err), on_disk) => match (err.downcast_ref::<crate::store::SaveError>(), on_disk) {
            // Only flushing the folder failed: the change is in the file, so the app must
            // treat it as saved (saving again would add it twice).
            (Some(save), Some(journal)) if save.new_version_in_place() => {
                Reply::SavedUnconfirmed(journal, save.to_string())
            }
            // Refused or not saved: the store holds the journal as it is on disk, which
            // another window may have changed, so the app shows that.
            (_, on_disk) => Reply::NotSaved {
                message: crate::message::error_text(&err),
                on_disk,
            },
        },
    }
}

/// The journal as saved, for the app to show, or why the save failed.
fn journal_after(store: &Store, result: Result<()>) -> Result<Arc<Journal>, String> {
    result.map_err(|e| crate::message::error_text(&e))?;
    store
        .shared()
        .ok_or_else(|| "The journal was saved but could not be read back.".to_owned())
}

/// Opens the editor on the text on screen, in a file kept in the drafts folder while the
/// editor is open (and after a failure, which says where), so a killed terminal loses nothing.
fn edit_on_screen(drafts: &Path, partner: Option<PartnerId>, text: &str) -> Result<String, String> {
    let Some(partner) = partner else {
        return edit_in_editor(text, "entry").map_err(|e| crate::message::error_text(&e));
    };
    let path = create_private_dir(drafts)
        .with_context(|| format!("Could not create the drafts folder {}", drafts.display()))
        .and_then(|()| new_kept_text(drafts, partner, text))
        .map_err(|e| crate::message::error_text(&e))?;
    match edit_kept_text(&path, "entry") {
        Ok(edited) => {
            // The text goes back on screen and into the draft; the file has done its job.
            let _ = std::fs::remove_file(&path);
            Ok(edited)
        }
        Err(e) => Err(format!("{:#}", keeping(e, &path))),
    }
}

/// Leaves the full screen for another program (the editor), then comes back and redraws.
fn with_terminal_released<T>(
    terminal: &mut DefaultTerminal,
    work: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    use ratatui::crossterm::terminal::{
        EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
    };
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let result = work();
    let _ = enable_raw_mode();
    let _ = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste);
    if let Ok(size) = terminal.size() {
        let _ = terminal.resize(size.into());
    }
    result
}

/// Writes the summary of `week` into the folder mend was started from, under a name not yet
/// taken (`mend-2026-W48.md`, then `mend-2026-W48-2.md`, …).
fn export_week(request: &ExportRequest) -> std::result::Result<std::path::PathBuf, String> {
    let ExportRequest {
        journal,
        progress,
        week,
        format,
    } = request;
    let (week, format) = (*week, *format);
    let folder =
        std::env::current_dir().map_err(|e| format!("could not find the current folder: {e}."))?;
    let name = crate::export::default_file_name(week, format);
    let stem = name.trim_end_matches(&format!(".{}", format.extension()));
    let path = std::iter::once(folder.join(&name))
        .chain((2..100).map(|n| folder.join(format!("{stem}-{n}.{}", format.extension()))))
        .find(|p| p.symlink_metadata().is_err())
        .ok_or_else(|| format!("{} and 98 numbered copies already exist.", name))?;
    crate::export::write_week(journal, progress, week, format, &path, false)
        .map_err(|e| e.to_string())
}

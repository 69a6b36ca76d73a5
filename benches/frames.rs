//! Benchmarks of the screens on one- and ten-year demo journals: one 80x24 frame of each main
//! screen, and one keystroke to the next frame, quiet or while another window or laptop
//! keeps saving the journal file.

#[path = "../tests/kit/mod.rs"]
mod kit;

use kit::fixtures::{
    SCREENS, YEARS, app, describe, frame, now, press, sample, terminal, tonight_entry,
};
use mend::store::Store;
use mend::tui::app::App;
use mend::tui::effects::Event;
use mend::tui::look_for_changes;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn main() {
    for years in YEARS {
        eprintln!("{}", describe(years));
    }
    divan::main();
}

/// Drawing one frame of a screen that is already open.
#[divan::bench(consts = YEARS, args = SCREENS.map(|(name, _)| name))]
fn screen_frame<const YEARS_OF_WRITING: u32>(bencher: divan::Bencher, screen: &str) {
    let keys = SCREENS
        .iter()
        .find(|(name, _)| *name == screen)
        .map_or(&[][..], |(_, keys)| *keys);
    let mut app = app(&sample(YEARS_OF_WRITING).journal);
    press(&mut app, keys);
    let mut terminal = terminal();
    bencher.bench_local(|| frame(&app, &mut terminal));
}

/// A letter typed in the editor (then taken back on the next turn, so the text stays the
/// same length), and the frame that shows it.
#[divan::bench(args = YEARS)]
fn keystroke_in_editor_to_frame(bencher: divan::Bencher, years: u32) {
    let mut app = app(&sample(years).journal);
    press(&mut app, SCREENS[2].1);
    let mut terminal = terminal();
    let mut typed = false;
    bencher.bench_local(|| {
        let key = if typed {
            KeyCode::Backspace
        } else {
            KeyCode::Char('a')
        };
        typed = !typed;
        let effects = app.update(Event::Key(KeyEvent::from(key)));
        frame(&app, &mut terminal);
        effects
    });
}

/// `j` on the home screen (the list is built from every entry) and its frame, then `Esc`
/// back home (tonight's figures are computed again).
#[divan::bench(args = YEARS)]
fn journal_list_there_and_back(bencher: divan::Bencher, years: u32) {
    let mut app = app(&sample(years).journal);
    press(&mut app, SCREENS[1].1);
    let mut terminal = terminal();
    bencher.bench_local(|| {
        press(&mut app, &[KeyCode::Char('j')]);
        frame(&app, &mut terminal);
        press(&mut app, &[KeyCode::Esc]);
    });
}

/// How often the real loop looks at the journal file (`TICK` in `src/tui/runtime`).
const LOOK_EVERY: Duration = Duration::from_secs(1);
/// How often the other window or laptop saves the file in the refresh case.
const SAVE_EVERY: Duration = Duration::from_millis(200);
/// Long enough for a few looks at the file to land among the keys.
const TYPING_FOR: Duration = Duration::from_secs(5);

/// One letter typed in the editor (or taken back), and the frame that shows it; measured one
/// key at a time over [`TYPING_FOR`], so the median is of single keys. With `refreshing`,
/// another writer saves the journal file every [`SAVE_EVERY`] and, as in the real loop, the
/// file is looked at once every [`LOOK_EVERY`]: a key that comes when a look is due waits for
/// the new journal to be read and shown, and that wait is counted in its time.
fn typing(bencher: divan::Bencher, years: u32, refreshing: bool) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("a temp folder: {err}"));
    let path = dir.path().join("journal.json");
    let sample = sample(years);
    std::fs::write(&path, &sample.bytes).unwrap_or_else(|err| panic!("the journal: {err}"));
    let mut store = Store::new(&path, None);
    let journal = match store.load() {
        Ok(Some(journal)) => journal,
        other => panic!("loading the journal: {other:?}"),
    };
    let mut app = app(&sample.journal);
    app.journal = Some(journal);
    app.refresh();
    press(&mut app, SCREENS[2].1);
    let mut terminal = terminal();
    let writer = refreshing.then(|| Writer::start(&path, sample));
    let mut typed = false;
    let mut look_due = Instant::now() + LOOK_EVERY;
    let mut keys = 0_u64;
    // For each key that waited for a reload: the time from the look to its frame, and the
    // part of it spent reading the file.
    let mut waited: Vec<(Duration, Duration)> = Vec::new();
    bencher.bench_local(|| {
        keys += 1;
        let mut reloaded = None;
        if writer.is_some() && Instant::now() >= look_due {
            let start = Instant::now();
            look_due = start + LOOK_EVERY;
            reloaded = look(&mut store, &mut app).map(|read| (start, read));
        }
        let key = if typed {
            KeyCode::Backspace
        } else {
            KeyCode::Char('a')
        };
        typed = !typed;
        let effects = app.update(Event::Key(KeyEvent::from(key)));
        frame(&app, &mut terminal);
        if let Some((start, read)) = reloaded {
            waited.push((start.elapsed(), read));
        }
        effects
    });
    if let Some(writer) = writer {
        let saves = writer.stop();
        let waits: Vec<String> = waited
            .iter()
            .map(|(all, read)| format!("{all:.1?} ({read:.1?} reading)"))
            .collect();
        eprintln!(
            "{years} year(s): {keys} keys; the other writer saved {saves} times; {} keys waited for a reload, taking {}",
            waited.len(),
            waits.join(", ")
        );
    }
}

/// What the loop does when a look is due: read a newer file, show it, and tick.
/// How long reading the file took, if a newer journal was read.
fn look(store: &mut Store, app: &mut App) -> Option<Duration> {
    let start = Instant::now();
    let reply = look_for_changes(store);
    let read = start.elapsed();
    let arrived = reply.is_some();
    if let Some(reply) = reply {
        let _ = app.on_reply(reply);
    }
    let _ = app.update(Event::Tick(now()));
    arrived.then_some(read)
}

/// Another window or laptop saving the journal every [`SAVE_EVERY`]: tonight's entry by the
/// other partner comes and goes, each save written beside the file and renamed over it, as
/// mend and the sync engines save.
struct Writer {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<u32>,
}

impl Writer {
    fn start(path: &Path, sample: &kit::fixtures::Sample) -> Writer {
        let mut with_entry = sample.journal.clone();
        let mut entry = tonight_entry(&with_entry);
        entry.author = with_entry.partners[1].id;
        if let Err(err) = with_entry.add_entry(entry, now().to_utc(), now().date_naive()) {
            panic!("tonight's entry: {err}");
        }
        let versions = [
            mend::store::to_bytes(&with_entry).unwrap_or_else(|err| panic!("bytes: {err}")),
            sample.bytes.clone(),
        ];
        let stop = Arc::new(AtomicBool::new(false));
        let (path, stopping) = (PathBuf::from(path), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            let beside = path.with_extension("json.saving");
            let mut saves = 0;
            while !stopping.load(Ordering::Relaxed) {
                let bytes = &versions[saves as usize % 2];
                if std::fs::write(&beside, bytes).is_ok() && std::fs::rename(&beside, &path).is_ok()
                {
                    saves += 1;
                }
                std::thread::sleep(SAVE_EVERY);
            }
            saves
        });
        Writer { stop, thread }
    }

    /// Stops saving; how many saves were made.
    fn stop(self) -> u32 {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or(0)
    }
}

/// [`typing`] with nothing else happening: the case to compare with.
#[divan::bench(args = YEARS, sample_size = 1, min_time = TYPING_FOR)]
fn keystroke_one_at_a_time_quiet(bencher: divan::Bencher, years: u32) {
    typing(bencher, years, false);
}

/// [`typing`] while another writer saves the journal every 200 ms and the loop reads it in.
#[divan::bench(args = YEARS, sample_size = 1, min_time = TYPING_FOR)]
fn keystroke_one_at_a_time_while_refreshes_arrive(bencher: divan::Bencher, years: u32) {
    typing(bencher, years, true);
}

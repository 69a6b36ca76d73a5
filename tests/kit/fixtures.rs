//! Demo journals (made once per size and kept), and the app opened on them at a fixed moment.

use chrono::{DateTime, FixedOffset};
use mend::cli::{DemoLength, demo_journal};
use mend::journal::{Journal, NewEntry, Stage, Visibility};
use mend::prompts::PromptLibrary;
use mend::tui::app::App;
use mend::tui::effects::Event;
use mend::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::sandbox::{Mend, NOW};

/// The who-is-here screen, fully drawn: its question, and the hint bar on the last row.
pub const WHO_SCREEN: [&str; 2] = ["Who is here tonight?", "q quit"];

/// The journal sizes the benchmarks run on, in years.
pub const YEARS: [u32; 2] = [1, 10];

pub fn now() -> DateTime<FixedOffset> {
    match DateTime::parse_from_rfc3339(NOW) {
        Ok(now) => now,
        Err(err) => panic!("the benchmarks' fixed moment {NOW} does not parse: {err}"),
    }
}

/// A demo journal and its file bytes.
pub struct Sample {
    pub journal: Journal,
    pub bytes: Vec<u8>,
}

/// The demo journal of `years` years up to last night (made once, then shared).
pub fn sample(years: u32) -> &'static Sample {
    static ONE: OnceLock<Sample> = OnceLock::new();
    static TEN: OnceLock<Sample> = OnceLock::new();
    let cell = if years >= 10 { &TEN } else { &ONE };
    cell.get_or_init(|| make(DemoLength::Years(years)))
}

/// A demo journal of any length (not cached).
pub fn make(length: DemoLength) -> Sample {
    let journal = match demo_journal(now(), length, mend::demo::DEFAULT_SEED) {
        Ok(journal) => journal,
        Err(err) => panic!("making the demo journal: {err:#}"),
    };
    let bytes = match mend::store::to_bytes(&journal) {
        Ok(bytes) => bytes,
        Err(err) => panic!("serializing the demo journal: {err}"),
    };
    Sample { journal, bytes }
}

/// One line per size: what the benchmarks run on.
pub fn describe(years: u32) -> String {
    let Sample { journal, bytes } = sample(years);
    format!(
        "{years}-year journal: {} entries, {} check-ins, {} promises, {} kind acts, {:.1} MiB",
        journal.entries.len(),
        journal.checkins.len(),
        journal.promises.len(),
        journal.kind_acts.len(),
        bytes.len() as f64 / (1024.0 * 1024.0)
    )
}

/// Tonight's entry, as the write screen would save it.
pub fn tonight_entry(journal: &Journal) -> NewEntry {
    NewEntry {
        author: journal.partners[0].id,
        day: now().date_naive(),
        stage: Stage::Healing,
        prompt_id: None,
        prompt: Some("What is one thing you noticed today?".into()),
        text: "A quiet evening. We talked for a while and it felt easier than last week.".into(),
        visibility: Visibility::Shared,
    }
}

/// The app on the who-is-here screen of a journal, as it opens.
pub fn app(journal: &Journal) -> App {
    App::new(
        Some(Arc::new(journal.clone())),
        PromptLibrary::built_in(),
        now(),
        "journal.json".into(),
        None,
        HashMap::new(),
        Theme { color: true },
    )
}

/// Presses keys, ignoring the effects (nothing here needs the disk).
pub fn press(app: &mut App, keys: &[KeyCode]) {
    for key in keys {
        let _ = app.update(Event::Key(KeyEvent::from(*key)));
    }
}

/// The keys from the who screen to each main screen, with the first partner chosen.
pub const SCREENS: [(&str, &[KeyCode]); 7] = [
    ("who", &[]),
    ("home", &[KeyCode::Enter]),
    ("write", &[KeyCode::Enter, KeyCode::Char('w')]),
    ("checkin", &[KeyCode::Enter, KeyCode::Char('c')]),
    ("journal", &[KeyCode::Enter, KeyCode::Char('j')]),
    ("promises", &[KeyCode::Enter, KeyCode::Char('o')]),
    ("progress", &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]),
];

/// An 80x24 terminal in memory.
pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|never| match never {})
}

/// Draws one frame of the app.
pub fn frame(app: &App, terminal: &mut Terminal<TestBackend>) {
    if let Err(never) = terminal.draw(|frame| mend::tui::draw::draw(app, frame)) {
        match never {}
    }
}

/// The median, fastest and 90th-percentile of some timings.
pub fn summary(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |q: f64| {
        let index = ((times.len().saturating_sub(1)) as f64 * q).round() as usize;
        times.get(index).copied().unwrap_or_default()
    };
    (at(0.5), at(0.0), at(0.9))
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// A sandbox whose journal file holds this sample.
pub fn sandbox_with(sample: &Sample) -> Mend {
    let sandbox = Mend::flat();
    sandbox.put_journal(&sample.bytes);
    sandbox
}

/// The size of the sandbox's journal file in bytes (0 when there is none).
pub fn file_size(sandbox: &Mend) -> u64 {
    std::fs::metadata(&sandbox.journal).map_or(0, |m| m.len())
}

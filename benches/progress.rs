//! Benchmarks of the progress figures and the progress view's frames on one- and ten-year journals.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use mend::demo::{DemoSpec, generate};
use mend::journal::Journal;
use mend::progress::Progress;
use mend::prompts::PromptLibrary;
use mend::tui::app::{App, Event};
use mend::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::collections::HashMap;
use std::sync::LazyLock;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

fn now() -> DateTime<FixedOffset> {
    let utc = FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!("UTC is a valid offset"));
    utc.from_utc_datetime(&today().and_hms_opt(21, 0, 0).unwrap_or_default())
}

fn journal_of(years: i64) -> Journal {
    let evenings = u32::try_from((Duration::days(365) * years as i32).num_days()).unwrap_or(365);
    match generate(&DemoSpec::ending_before(today(), evenings, 1)) {
        Ok(journal) => journal,
        Err(err) => panic!("generating a {years}-year journal: {err}"),
    }
}

static ONE_YEAR: LazyLock<Journal> = LazyLock::new(|| journal_of(1));
static TEN_YEARS: LazyLock<Journal> = LazyLock::new(|| journal_of(10));

fn main() {
    for (name, journal) in [("one-year", &*ONE_YEAR), ("ten-year", &*TEN_YEARS)] {
        eprintln!(
            "{name} journal: {} entries, {} check-ins, {} promises, {} kind acts",
            journal.entries.len(),
            journal.checkins.len(),
            journal.promises.len(),
            journal.kind_acts.len()
        );
    }
    divan::main();
}

#[divan::bench(args = ["one-year", "ten-year"])]
fn aggregation(bencher: divan::Bencher, size: &str) {
    let journal = if size == "one-year" {
        &*ONE_YEAR
    } else {
        &*TEN_YEARS
    };
    let offset = now().offset().to_owned();
    bencher.bench(|| Progress::compute(divan::black_box(journal), today(), &offset));
}

/// The app on the progress view ("both of us"), at a section chosen by its number key.
fn progress_app(journal: &Journal, section: char) -> App {
    let mut app = App::new(
        Some(journal.clone()),
        PromptLibrary::built_in(),
        now(),
        "/bench/journal.json".into(),
        None,
        HashMap::new(),
        Theme { color: true },
    );
    for code in [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Char(section),
    ] {
        app.update(Event::Key(KeyEvent::from(code)));
    }
    app
}

#[divan::bench(args = ['1', '2', '3', '4', '5'])]
fn ten_year_frame_80x24(bencher: divan::Bencher, section: char) {
    let app = progress_app(&TEN_YEARS, section);
    let mut terminal = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(t) => t,
        Err(err) => panic!("test terminal: {err}"),
    };
    bencher.bench_local(|| {
        terminal
            .draw(|frame| mend::tui::draw::draw(&app, frame))
            .is_ok()
    });
}

#[divan::bench(args = ['1', '2', '5'])]
fn ten_year_frame_120x40(bencher: divan::Bencher, section: char) {
    let app = progress_app(&TEN_YEARS, section);
    let mut terminal = match Terminal::new(TestBackend::new(120, 40)) {
        Ok(t) => t,
        Err(err) => panic!("test terminal: {err}"),
    };
    bencher.bench_local(|| {
        terminal
            .draw(|frame| mend::tui::draw::draw(&app, frame))
            .is_ok()
    });
}

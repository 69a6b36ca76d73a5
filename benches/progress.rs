//! Benchmarks of the progress figures and the progress view's frames on one- and ten-year journals.

#[path = "../tests/kit/mod.rs"]
mod kit;

use kit::fixtures::{YEARS, app, describe, frame, now, press, sample, terminal};
use mend::progress::Progress;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn main() {
    for years in YEARS {
        eprintln!("{}", describe(years));
    }
    divan::main();
}

/// Every figure of the whole journal, as the app works them out after each change.
#[divan::bench(consts = YEARS)]
fn aggregation<const YEARS_OF_WRITING: u32>(bencher: divan::Bencher) {
    let journal = &sample(YEARS_OF_WRITING).journal;
    let now = now();
    let today = journal.clock().evening_of(now.naive_local());
    bencher.bench(|| Progress::compute(divan::black_box(journal), today, now.offset()));
}

/// The app on the progress view ("both of us") of the ten-year journal, at one section.
fn progress_app(section: char) -> mend::tui::app::App {
    let mut app = app(&sample(10).journal);
    press(
        &mut app,
        &[
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Enter,
            KeyCode::Char(section),
        ],
    );
    app
}

/// One frame of each section (1 overview … 6 the plan) at 80x24, ten-year journal.
#[divan::bench(args = ['1', '2', '3', '4', '5', '6'])]
fn ten_year_frame_80x24(bencher: divan::Bencher, section: char) {
    let app = progress_app(section);
    let mut terminal = terminal();
    bencher.bench_local(|| frame(&app, &mut terminal));
}

/// The same at 120x40, where the charts and the calendar have more to draw.
#[divan::bench(args = ['1', '2', '3', '4', '5', '6'])]
fn ten_year_frame_120x40(bencher: divan::Bencher, section: char) {
    let app = progress_app(section);
    let mut terminal =
        Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|never| match never {});
    bencher.bench_local(|| frame(&app, &mut terminal));
}

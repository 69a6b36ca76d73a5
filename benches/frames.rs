//! Benchmarks of the screens on one- and ten-year demo journals: one 80x24 frame of each main
//! screen, and one keystroke to the next frame.

#[path = "../tests/kit/mod.rs"]
mod kit;

use kit::fixtures::{SCREENS, YEARS, app, describe, frame, press, sample, terminal};
use mend::tui::effects::Event;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

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

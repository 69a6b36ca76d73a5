//! Benchmarks of load, save, tonight's figures and one home frame on a generated journal.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use mend::journal::{
    Journal, NewCheckin, NewEntry, NewPromise, PromiseAction, Rating, Stage, Visibility,
};
use mend::prompts::PromptLibrary;
use mend::tui::app::{App, Event};
use mend::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::collections::HashMap;

fn main() {
    let (journal, bytes) = one_year();
    eprintln!(
        "one-year journal: {} entries, {} check-ins, {} promises, {} KiB",
        journal.entries.len(),
        journal.checkins.len(),
        journal.promises.len(),
        bytes.len() / 1024
    );
    divan::main();
}

/// A deterministic journal of `days` evenings: an entry and a check-in from each partner
/// every evening (about 120 words each) and three promises a week.
fn generate(days: i64) -> Journal {
    let start = NaiveDate::from_ymd_opt(2025, 11, 25).unwrap_or_default();
    let at = |day: NaiveDate| Utc.from_utc_datetime(&day.and_hms_opt(21, 0, 0).unwrap_or_default());
    let last = start + Duration::days(days - 1);
    let mut journal = match Journal::new(("Alex", None), ("Sam", None), at(start), start) {
        Ok(j) => j,
        Err(err) => panic!("generating a journal: {err}"),
    };
    let ids = [journal.partners[0].id, journal.partners[1].id];
    let words = "we talked slowly tonight and I noticed how much easier it felt to listen ";
    for offset in 0..days {
        let day = start + Duration::days(offset);
        for (n, author) in ids.iter().enumerate() {
            let stage = Stage::ALL[(offset as usize + n) % 3];
            let entry = NewEntry {
                author: *author,
                day,
                stage,
                prompt_id: Some(format!("{stage}-prompt")),
                prompt: Some("What is one thing you noticed today?".into()),
                text: words.repeat(8),
                visibility: Visibility::Shared,
            };
            let value = Rating::saturating(((offset / 30) % 11) as u8);
            let checkin = NewCheckin {
                author: *author,
                day,
                safety: value,
                trust: value,
                connection: value,
                note: None,
            };
            let _ = journal.add_entry(entry, at(day), last);
            let _ = journal.upsert_checkin(checkin, at(day), last);
        }
        if offset % 7 < 3 {
            let (by, to) = if offset % 2 == 0 {
                (ids[0], ids[1])
            } else {
                (ids[1], ids[0])
            };
            let new = NewPromise {
                by,
                to,
                text: "Call when I'm late".into(),
                made: day,
                due: Some(day + Duration::days(3)),
                size: None,
            };
            if let Ok(id) = journal.add_promise(new, at(day), last) {
                let _ = journal.change_promise(id, by, PromiseAction::Keep, None, at(day), last);
            }
        }
    }
    journal
}

fn one_year() -> (Journal, Vec<u8>) {
    let journal = generate(365);
    let bytes = mend::store::to_bytes(&journal).unwrap_or_default();
    (journal, bytes)
}

#[divan::bench]
fn load_one_year(bencher: divan::Bencher) {
    let (_, bytes) = one_year();
    bencher.bench(|| {
        mend::store::parse(
            std::path::Path::new("journal.json"),
            divan::black_box(&bytes),
        )
        .is_ok()
    });
}

#[divan::bench]
fn save_one_year_with_fsync(bencher: divan::Bencher) {
    let (journal, _) = one_year();
    let dir = std::env::temp_dir().join(format!("mend-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("journal.json");
    bencher.bench(|| {
        mend::store::save(&path, divan::black_box(&journal), &mend::store::RealFs).is_ok()
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[divan::bench]
fn tonight_one_year(bencher: divan::Bencher) {
    let (journal, _) = one_year();
    let library = PromptLibrary::built_in();
    let partner = journal.partners[0].id;
    let today = journal.started + Duration::days(364);
    bencher.bench(|| {
        mend::tui::tonight::Tonight::compute(&journal, &library, partner, today, None, 0)
    });
}

#[divan::bench]
fn home_frame_one_year(bencher: divan::Bencher) {
    let (journal, _) = one_year();
    let now = chrono::FixedOffset::east_opt(0)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 24, 21, 0, 0).single())
        .unwrap_or_default();
    let mut app = App::new(
        Some(journal),
        PromptLibrary::built_in(),
        now,
        "journal.json".into(),
        None,
        HashMap::new(),
        Theme { color: true },
    );
    app.update(Event::Key(KeyEvent::from(KeyCode::Enter)));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| match e {});
    bencher.bench_local(|| {
        let _ = terminal.draw(|frame| mend::tui::draw::draw(&app, frame));
    });
}

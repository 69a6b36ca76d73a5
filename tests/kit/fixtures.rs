//! Demo journals (made once per size and kept), and the app opened on them at a fixed moment.

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use mend::cli::{DemoLength, demo_journal};
use mend::journal::{
    Journal, MomentOutcome, NewEntry, PlanParts, RecordId, ReviewKind, Stage, Visibility,
};
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

/// A demo journal of any length (not cached), with the plan for hard moments added.
pub fn make(length: DemoLength) -> Sample {
    let mut journal = match demo_journal(now(), length, mend::demo::DEFAULT_SEED) {
        Ok(journal) => journal,
        Err(err) => panic!("making the demo journal: {err:#}"),
    };
    add_the_plan(&mut journal);
    let bytes = match mend::store::to_bytes(&journal) {
        Ok(bytes) => bytes,
        Err(err) => panic!("serializing the demo journal: {err}"),
    };
    Sample { journal, bytes }
}

/// Adds a lived-in plan for hard moments from the journal's first evening to last night:
/// a plan item every 13 weeks (the partners in turn), agreed to two days later, every
/// other one edited a month on and every fourth retired after a year; a hard moment every
/// 4 days (half shared, half private; two in three met with the newest item, most looked
/// back on a day later); and a pause every 12 days.
pub fn add_the_plan(journal: &mut Journal) {
    let partners = [journal.partners[0].id, journal.partners[1].id];
    let first = journal.started;
    let last = now().date_naive() - TimeDelta::days(1);
    let evening = |day: chrono::NaiveDate, minute: i64| {
        Utc.from_utc_datetime(&day.and_hms_opt(20, 0, 0).unwrap_or_default())
            + TimeDelta::minutes(minute)
    };
    let parts = |n: i64, words: &str| PlanParts {
        brings_it_on: format!("{words} (situation {n})"),
        helps_me: "A walk, then a slow breath".into(),
        i_ask_of_you: "Stay near and tell me what you are doing".into(),
    };
    let days = (last - first).num_days();
    let mut items: Vec<(RecordId, usize)> = Vec::new();
    for n in (0..days).step_by(91).map(|d| d / 91) {
        let made = first + TimeDelta::days(n * 91);
        let (owner, other) = (n as usize % 2, 1 - n as usize % 2);
        let id = journal
            .add_plan_item(
                partners[owner],
                parts(n, "A late message"),
                None,
                evening(made, 1),
            )
            .unwrap_or_else(|err| panic!("a plan item: {err}"));
        let later = |d: i64| evening((made + TimeDelta::days(d)).min(last), 2 + d);
        journal
            .review_plan_item(id, partners[other], ReviewKind::Agreed, None, later(2))
            .unwrap_or_else(|err| panic!("an agreement: {err}"));
        if n % 2 == 1 && made + TimeDelta::days(30) <= last {
            journal
                .edit_plan_item(id, partners[owner], parts(n, "A late call"), later(30))
                .unwrap_or_else(|err| panic!("an edit: {err}"));
        }
        if n % 4 == 3 && made + TimeDelta::days(365) <= last {
            journal
                .retire_plan_item(id, partners[owner], later(365))
                .unwrap_or_else(|err| panic!("retiring: {err}"));
        }
        items.push((id, owner));
    }
    for n in (0..days).step_by(4).map(|d| d / 4) {
        let day = first + TimeDelta::days(n * 4);
        let author = n as usize % 2;
        let item = items
            .iter()
            .rev()
            .find(|(_, owner)| *owner == author)
            .filter(|_| n % 3 != 0)
            .map(|(id, _)| *id);
        let item = item.filter(|id| {
            journal
                .plan_items
                .iter()
                .any(|p| p.meta.id == *id && p.meta.created <= evening(day, 10))
        });
        let visibility = if n % 2 == 0 {
            Visibility::Shared
        } else {
            Visibility::Private
        };
        let id = journal
            .add_hard_moment(
                partners[author],
                "The song came on and it all came back for a while.",
                item,
                visibility,
                evening(day, 10),
            )
            .unwrap_or_else(|err| panic!("a hard moment: {err}"));
        if n % 5 != 0 {
            let outcome = [
                MomentOutcome::Helped,
                MomentOutcome::Partly,
                MomentOutcome::NotThisTime,
            ][n as usize % 3];
            journal
                .set_moment_outcome(id, partners[author], outcome, evening(day, 60))
                .unwrap_or_else(|err| panic!("how it went: {err}"));
        }
    }
    for n in (0..days).step_by(12).map(|d| d / 12) {
        let day = first + TimeDelta::days(n * 12);
        journal
            .ask_for_pause_until(
                partners[(n as usize / 2) % 2],
                evening(day, 90),
                (n % 2 == 0).then(|| "I need an hour; I will come back".to_owned()),
                evening(day, 30),
            )
            .unwrap_or_else(|err| panic!("a pause: {err}"));
    }
}

/// One line per size: what the benchmarks run on.
pub fn describe(years: u32) -> String {
    let Sample { journal, bytes } = sample(years);
    format!(
        "{years}-year journal: {} entries, {} check-ins, {} promises, {} kind acts, {} plan items, {} hard moments, {} pauses, {:.1} MiB",
        journal.entries.len(),
        journal.checkins.len(),
        journal.promises.len(),
        journal.kind_acts.len(),
        journal.plan_items.len(),
        journal.hard_moments.len(),
        journal.pauses.len(),
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

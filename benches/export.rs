//! Whole-process timing of `mend export` for one week of a generated ten-year journal (median of 30 runs per format).

use chrono::NaiveDate;
use mend::demo::{DemoSpec, generate};
use mend::export::{Format, render};
use mend::progress::Progress;
use mend::store::{RealFs, load, save};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 30;
/// "Now" for every run: an evening in week 2026-W48, so the default week is 2026-W47.
const NOW: &str = "2026-11-25T21:00:00+00:00";
const TARGET: Duration = Duration::from_millis(40);

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    let journal = match generate(&DemoSpec::ending_before(today, 3650, 1)) {
        Ok(journal) => journal,
        Err(err) => panic!("generating a ten-year journal: {err}"),
    };
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("a temp folder: {err}"));
    let path = dir.path().join("journal.json");
    save(&path, &journal, &RealFs).unwrap_or_else(|err| panic!("{err}"));
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    eprintln!(
        "ten-year journal: {} entries, {} check-ins, {} promises, {} kind acts, {} KiB",
        journal.entries.len(),
        journal.checkins.len(),
        journal.promises.len(),
        journal.kind_acts.len(),
        bytes / 1024
    );
    in_process_phases(&path, today);
    for format in ["md", "json", "html"] {
        let median = median_run(&path, format);
        let verdict = if median <= TARGET { "within" } else { "OVER" };
        println!(
            "mend export --format {format} (last complete week): median {:.1} ms of {RUNS} runs, {verdict} the 40 ms target",
            median.as_secs_f64() * 1000.0
        );
    }
}

/// The median wall time of `mend --journal PATH export --format FORMAT`, after one warm-up run.
fn median_run(journal: &Path, format: &str) -> Duration {
    let run = || {
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_mend"))
            .arg("--journal")
            .arg(journal)
            .args(["export", "--format", format])
            .env("MEND_NOW", NOW)
            .output()
            .unwrap_or_else(|err| panic!("running mend: {err}"));
        let took = started.elapsed();
        assert!(
            out.status.success() && !out.stdout.is_empty(),
            "mend export failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        took
    };
    run();
    let mut times: Vec<Duration> = (0..RUNS).map(|_| run()).collect();
    times.sort();
    times[RUNS / 2]
}

/// Where the time goes, in process: loading the file, the progress figures, one rendering.
fn in_process_phases(path: &Path, today: NaiveDate) {
    let offset = chrono::FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!("UTC"));
    let median = |phase: &dyn Fn()| {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                phase();
                started.elapsed()
            })
            .collect();
        times.sort();
        times[RUNS / 2].as_secs_f64() * 1000.0
    };
    let journal = match load(path) {
        Ok(Some(journal)) => journal,
        other => panic!("loading the journal: {other:?}"),
    };
    let progress = Progress::compute(&journal, today, &offset);
    let week = progress.this_week().previous();
    let loading = median(&|| {
        let _ = std::hint::black_box(load(path));
    });
    let figures = median(&|| {
        std::hint::black_box(Progress::compute(&journal, today, &offset));
    });
    let rendering = median(&|| {
        let _ = std::hint::black_box(render(&journal, &progress, week, Format::Markdown));
    });
    println!(
        "in process (medians): load {loading:.1} ms, progress figures {figures:.1} ms, Markdown of one week {rendering:.2} ms"
    );
}

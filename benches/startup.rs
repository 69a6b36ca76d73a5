//! Start-up to first frame: the release binary in a pseudo-terminal, from spawn until the
//! who-is-here screen is fully drawn, on one-week, one-year and ten-year demo journals, and
//! on a shared folder of two laptops' files against the single ten-year file.
//! `MEND_BENCH_RUNS` sets the number of runs (30 by default).

#[path = "../tests/kit/mod.rs"]
mod kit;

#[path = "support/shared_folder.rs"]
mod startup_shared;

use kit::Mend;
use kit::fixtures::{WHO_SCREEN, file_size, make, ms, sandbox_with, summary};
use kit::pty::Session;
use mend::cli::DemoLength;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_secs(10);

/// The time from spawn to the who-is-here screen, once.
fn start_once(label: &str, sandbox: &Mend) -> Duration {
    let mut session = Session::spawn(sandbox.pty_command(&[]));
    let Some(shown) = session.shown_after(&WHO_SCREEN, PATIENCE) else {
        panic!(
            "the who screen did not appear on the {label} journal within {PATIENCE:?}; screen:\n{}",
            session.screen()
        );
    };
    session.kill_hard();
    shown
}

fn main() {
    let runs: usize = std::env::var("MEND_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    println!("start-up to first frame (median of {runs} runs, release build, 80x24 pty)");
    for (label, length, target) in [
        ("one week", DemoLength::Weeks(1), None),
        ("one year", DemoLength::Years(1), Some(8.0)),
        ("ten years", DemoLength::Years(10), Some(20.0)),
    ] {
        let sandbox = sandbox_with(&make(length));
        let mut times = Vec::with_capacity(runs);
        for run in 0..runs + 2 {
            let shown = start_once(label, &sandbox);
            if run >= 2 {
                times.push(shown); // the first two runs only warm the file cache
            }
        }
        let (median, fastest, p90) = summary(times);
        let verdict = match target {
            Some(target) if median.as_secs_f64() * 1000.0 < target => {
                format!("  target under {target} ms: met")
            }
            Some(target) => format!("  target under {target} ms: not met yet"),
            None => "  (baseline: the cost of starting a process at all)".to_owned(),
        };
        println!(
            "  {label:<9} {:>6.1} MiB  median {}  fastest {}  p90 {}{verdict}",
            file_size(&sandbox) as f64 / (1024.0 * 1024.0),
            ms(median),
            ms(fastest),
            ms(p90),
        );
    }
    startup_shared::compare(runs, start_once);
}

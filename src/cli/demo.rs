//! `mend demo`: a sample journal of two partners, for trying mend out, tests and benchmarks.

use anyhow::{Context, Result, bail};
use chrono::{DateTime, FixedOffset, Months, NaiveDate};
use clap::Args;
use std::path::{Path, PathBuf};

use super::context::CommandContext;
use super::output::say;
use crate::demo::{DEFAULT_SEED, DemoSpec, generate};
use crate::journal::{EveningClock, Journal, Settings};
use crate::store::Store;
use crate::words::count;

/// How much sample writing a demo journal holds when no length is given.
pub const DEFAULT_WEEKS: u32 = 12;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Write the sample journal to this file (an existing file is never overwritten)
    /// instead of opening it on screen
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How many weeks of evenings to fill, up to last night [default: 12]
    #[arg(long, value_name = "N", conflicts_with = "years",
          value_parser = clap::value_parser!(u32).range(1..=2600))]
    pub weeks: Option<u32>,
    /// How many years of evenings to fill, up to last night
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=50))]
    pub years: Option<u32>,
    /// The same seed (on the same evening) always gives the same journal
    #[arg(long, value_name = "S", default_value_t = DEFAULT_SEED)]
    pub seed: u64,
}

/// How far back a demo journal reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoLength {
    Weeks(u32),
    Years(u32),
}

impl DemoLength {
    /// The number of evenings up to `today`, counting back whole calendar years for `Years`.
    fn evenings(self, today: NaiveDate) -> u32 {
        match self {
            DemoLength::Weeks(weeks) => weeks.saturating_mul(7),
            DemoLength::Years(years) => {
                let start = today
                    .checked_sub_months(Months::new(years.saturating_mul(12)))
                    .unwrap_or(NaiveDate::MIN);
                u32::try_from((today - start).num_days()).unwrap_or(u32::MAX)
            }
        }
    }
}

/// A sample journal of Alex and Sam for the evenings before `now`'s evening, so tonight is
/// left free to try writing. The same `now`, length and seed always give the same journal.
pub fn demo_journal(now: DateTime<FixedOffset>, length: DemoLength, seed: u64) -> Result<Journal> {
    let defaults = Settings::default();
    let today =
        EveningClock::new(defaults.day_ends_at, defaults.week_starts).evening_of(now.naive_local());
    let spec = DemoSpec::ending_before(today, length.evenings(today), seed);
    generate(&spec).context("Could not make the sample journal")
}

/// `mend demo --output FILE`: writes a sample journal there, refusing to replace any file.
pub fn demo(ctx: &CommandContext, args: DemoArgs) -> Result<()> {
    let length = match (args.weeks, args.years) {
        (_, Some(years)) => DemoLength::Years(years),
        (weeks, None) => DemoLength::Weeks(weeks.unwrap_or(DEFAULT_WEEKS)),
    };
    let Some(output) = args.output else {
        return open_on_screen(ctx, length, args.seed);
    };
    refuse_existing(&output)?;
    let journal = demo_journal(ctx.now, length, args.seed)?;
    let summary = format!(
        "{}, {}, {} and {} from {} to last night",
        count(journal.entries.len(), "entry", "entries"),
        count(journal.checkins.len(), "check-in", "check-ins"),
        count(journal.promises.len(), "promise", "promises"),
        count(journal.kind_acts.len(), "kind act", "kind acts"),
        journal.started,
    );
    Store::new(&output, None).create(journal)?;
    say!(
        "Wrote a sample journal for Alex and Sam to {}: {summary}.\nOpen it with `mend --journal {}`; your own journal was not touched.",
        output.display(),
        output.display()
    )?;
    Ok(())
}

fn refuse_existing(output: &Path) -> Result<()> {
    if output.exists() {
        bail!(
            "{} already exists, and mend demo never overwrites a file; choose another --output path.",
            output.display()
        );
    }
    Ok(())
}

/// Opens the full-screen journal on a sample journal in a private temporary folder, with its
/// own drafts, backups and settings there too, and removes the folder afterwards.
fn open_on_screen(ctx: &CommandContext, length: DemoLength, seed: u64) -> Result<()> {
    let folder = tempfile::Builder::new()
        .prefix("mend-demo-")
        .tempdir()
        .context("Could not make a temporary folder for the sample journal")?;
    let journal_path = folder.path().join("journal.json");
    let paths = crate::paths::Paths::under(
        journal_path.clone(),
        &folder.path().join("state"),
        &folder.path().join("config"),
    );
    Store::new(&journal_path, None).create(demo_journal(ctx.now, length, seed)?)?;
    crate::tui::run_demo(
        &paths,
        crate::now::now,
        "A sample journal to try things on; it goes on quit. Yours is untouched.",
    )
}

//! Benchmarks of the journal itself on one- and ten-year demo journals: load, save after one
//! added entry (with fsync), the open app's look for changes, tonight's figures, and a
//! keystroke of search.

#[path = "../tests/kit/mod.rs"]
mod kit;

use kit::fixtures::{YEARS, describe, now, sample, tonight_entry};
use mend::prompts::PromptLibrary;
use mend::store::{RealFs, Store};

fn main() {
    for years in YEARS {
        eprintln!("{}", describe(years));
    }
    divan::main();
}

/// Parsing and checking the file's bytes, as opening the journal does.
#[divan::bench(args = YEARS)]
fn load(bencher: divan::Bencher, years: u32) {
    let bytes = &sample(years).bytes;
    bencher.bench(|| {
        mend::store::parse(
            std::path::Path::new("journal.json"),
            divan::black_box(bytes),
        )
        .is_ok()
    });
}

/// Serializing and writing a journal with one more entry: temp file, fsync, rename, fsync folder.
#[divan::bench(args = YEARS)]
fn save_with_fsync(bencher: divan::Bencher, years: u32) {
    let dir = temp_dir();
    let path = dir.path().join("journal.json");
    let journal = &sample(years).journal;
    bencher
        .with_inputs(|| {
            let mut changed = journal.clone();
            let _ = changed.add_entry(tonight_entry(journal), now().to_utc(), now().date_naive());
            changed
        })
        .bench_local_refs(|changed| mend::store::save(&path, changed, &RealFs).is_ok());
}

/// Adding one entry the way the app and the CLI do: lock, change the loaded copy, compare,
/// then save with fsync.
#[divan::bench(args = YEARS)]
fn store_update_adding_an_entry(bencher: divan::Bencher, years: u32) {
    let dir = temp_dir();
    let path = dir.path().join("journal.json");
    let sample = sample(years);
    if let Err(err) = std::fs::write(&path, &sample.bytes) {
        panic!("writing {}: {err}", path.display());
    }
    let mut store = Store::new(&path, None);
    if let Err(err) = store.load() {
        panic!("loading {}: {err}", path.display());
    }
    let entry = tonight_entry(&sample.journal);
    bencher.bench_local(|| {
        store
            .update(|journal| {
                journal.add_entry(entry.clone(), now().to_utc(), now().date_naive())?;
                Ok(())
            })
            .is_ok()
    });
}

/// The open app's once-a-second look for a save made elsewhere, when there is none: one stat
/// of the file, nothing read (a save elsewhere then costs one `load`).
#[divan::bench(args = YEARS)]
fn look_for_changes_unchanged(bencher: divan::Bencher, years: u32) {
    let dir = temp_dir();
    let path = dir.path().join("journal.json");
    if let Err(err) = std::fs::write(&path, &sample(years).bytes) {
        panic!("writing {}: {err}", path.display());
    }
    let mut store = Store::new(&path, None);
    if let Err(err) = store.load() {
        panic!("loading {}: {err}", path.display());
    }
    bencher.bench_local(|| store.look_for_changes() == mend::store::Freshness::Same);
}

/// What the home screen shows tonight for one partner.
#[divan::bench(args = YEARS)]
fn tonight(bencher: divan::Bencher, years: u32) {
    let journal = &sample(years).journal;
    let library = PromptLibrary::built_in();
    let partner = journal.partners[0].id;
    let today = now().date_naive();
    bencher.bench(|| {
        mend::tui::tonight::Tonight::compute(journal, &library, partner, now(), today, None, 0)
    });
}

/// One keystroke of search in the journal: every word one partner may read, looked through
/// for a query that is found often ("the") and for one found rarely ("café"). The budget is
/// 20 ms a keystroke on the ten-year journal.
#[divan::bench(args = YEARS, consts = [0, 1])]
fn search_a_keystroke<const RARE: usize>(bencher: divan::Bencher, years: u32) {
    let journal = &sample(years).journal;
    let partner = journal.partners[0].id;
    let query = mend::journal::Query::new(["the", "café"][RARE]);
    bencher.bench(|| {
        query
            .as_ref()
            .map(|q| journal.search(q, partner, now()).len())
    });
}

/// One more letter typed: the hits of "th" narrowed to those of "the", as the journal's
/// search does while the words only grow.
#[divan::bench(args = YEARS)]
fn search_one_more_letter(bencher: divan::Bencher, years: u32) {
    let journal = &sample(years).journal;
    let partner = journal.partners[0].id;
    let (Some(before), Some(query)) = (
        mend::journal::Query::new("th"),
        mend::journal::Query::new("the"),
    ) else {
        return;
    };
    let earlier = journal.search(&before, partner, now());
    bencher
        .with_inputs(|| earlier.clone())
        .bench_values(|hits| mend::journal::narrow(hits, &query).len());
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("making a temp folder for the save benchmark: {err}"),
    }
}

/// Making the demo journal itself (the generator behind `mend demo`).
#[divan::bench(args = YEARS, sample_count = 10, sample_size = 1)]
fn generate_demo(years: u32) -> mend::journal::Journal {
    kit::fixtures::make(mend::cli::DemoLength::Years(years)).journal
}

//! Start-up on a shared folder (issue 16), against the single ten-year file, run in turns so
//! a busy machine weighs on both alike. Alice's laptop shares its journal with the real
//! `mend share`; Bob's laptop's file is put beside its own, as a sync engine delivers it.
//!
//! - "five years each": the ten-year demo journal split by who wrote each record, Alice's
//!   records in her laptop's file and Bob's in his (the case: two device files of
//!   five years each, each partner writing on their own laptop).
//! - "ten years in both": each laptop's file holds the whole journal, as after each has
//!   saved once with the other's file merged in, Bob's with one entry more from tonight.

use crate::kit::Mend;
use crate::kit::fixtures::{Sample, make, ms, now, sandbox_with, summary, tonight_entry};
use mend::cli::DemoLength;
use mend::journal::{Device, Journal, PartnerId, Record};
use std::path::Path;
use std::time::Duration;

/// The target: start-up on the shared folder within 1.2 times the single file's.
const TARGET_RATIO: f64 = 1.2;

/// The records `who` wrote, with the journal's header: what that partner's laptop holds.
fn written_by(journal: &Journal, who: PartnerId) -> Journal {
    fn keep<T: Record>(list: &mut Vec<T>, who: PartnerId) {
        list.retain(|record| record.meta().author == who);
    }
    let mut part = journal.clone();
    keep(&mut part.entries, who);
    keep(&mut part.checkins, who);
    keep(&mut part.promises, who);
    keep(&mut part.kind_acts, who);
    keep(&mut part.plan_items, who);
    keep(&mut part.hard_moments, who);
    keep(&mut part.pauses, who);
    keep(&mut part.replies, who);
    keep(&mut part.talks, who);
    part
}

fn bytes(journal: &Journal) -> Vec<u8> {
    match mend::store::to_bytes(journal) {
        Ok(bytes) => bytes,
        Err(err) => panic!("serializing a laptop's journal: {err}"),
    }
}

/// Alice's laptop, sharing `alices` in a folder that also holds Bob's laptop's file `bobs`;
/// the sandbox's journal is the folder, so `mend --journal FOLDER` opens it.
fn shared_sandbox(alices: &Journal, bobs: &[u8]) -> Mend {
    let mut sandbox = sandbox_with(&Sample {
        journal: alices.clone(),
        bytes: bytes(alices),
    });
    let folder = sandbox.dir.path().join("Sync").join("mend");
    sandbox.ok(&["share", folder.to_str().unwrap_or_default()], "");
    let theirs = folder.join("journal.b0b0b0b0b0b0b0b0.json");
    std::fs::write(&theirs, bobs).unwrap_or_else(|err| panic!("writing Bob's file: {err}"));
    mend::store::set_private(&theirs).unwrap_or_else(|err| panic!("chmod: {err}"));
    sandbox.journal = folder;
    sandbox
}

fn mib(folder: &Path) -> f64 {
    let files = std::fs::read_dir(folder).map_or_else(|_| Vec::new(), |d| d.flatten().collect());
    let total: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    total as f64 / (1024.0 * 1024.0)
}

/// Measures and prints the shared folder against the single ten-year file.
pub fn compare(runs: usize, start_once: fn(&str, &Mend) -> Duration) {
    let ten = make(DemoLength::Years(10));
    let [alice, bob] = [ten.journal.partners[0].id, ten.journal.partners[1].id];
    let single = sandbox_with(&ten);
    let split = shared_sandbox(
        &written_by(&ten.journal, alice),
        &bytes(&written_by(&ten.journal, bob)),
    );
    let mut bobs_whole = ten.journal.clone();
    bobs_whole.set_device(Device("b0b0b0b0b0b0b0b0".to_owned()));
    let mut tonight = tonight_entry(&bobs_whole);
    tonight.author = bob;
    if let Err(err) = bobs_whole.add_entry(tonight, now().to_utc(), now().date_naive()) {
        panic!("Bob's entry tonight: {err}");
    }
    let whole = shared_sandbox(&ten.journal, &bytes(&bobs_whole));

    let cases = [
        ("single ten-year file", &single),
        ("shared, five years each", &split),
        ("shared, ten years in both", &whole),
    ];
    let mut times = vec![Vec::with_capacity(runs); cases.len()];
    for run in 0..runs + 2 {
        for ((label, sandbox), times) in cases.iter().zip(&mut times) {
            let shown = start_once(label, sandbox);
            if run >= 2 {
                times.push(shown);
            }
        }
    }
    println!(
        "start-up on a shared folder of two laptops' files, taken in turns with the single file"
    );
    let mut base = None;
    for ((label, sandbox), times) in cases.iter().zip(times) {
        let (median, fastest, p90) = summary(times);
        let size = if sandbox.journal.is_dir() {
            mib(&sandbox.journal)
        } else {
            std::fs::metadata(&sandbox.journal).map_or(0.0, |m| m.len() as f64 / 1048576.0)
        };
        let ratio = median.as_secs_f64() / base.unwrap_or(median).as_secs_f64();
        let verdict = match base {
            None => String::new(),
            Some(_) if ratio <= TARGET_RATIO => {
                format!("  {ratio:.3}x: within {TARGET_RATIO}x, met")
            }
            Some(_) => format!("  {ratio:.3}x: not within {TARGET_RATIO}x"),
        };
        base.get_or_insert(median);
        println!(
            "  {label:<26} {size:>5.1} MiB  median {}  fastest {}  p90 {}{verdict}",
            ms(median),
            ms(fastest),
            ms(p90)
        );
    }
}

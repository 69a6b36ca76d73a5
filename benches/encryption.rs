//! An encrypted ten-year demo journal against the same journal unencrypted: loading and
//! opening it once unlocked, opening the sealed journal the app holds once a passphrase is
//! typed, the first save after that (one added entry), and the unlock itself.
//! `MEND_BENCH_RUNS` sets the runs of each load and save (31 by default), `MEND_BENCH_UNLOCKS`
//! those of the unlock (5 by default). Run it as `cargo bench --bench encryption`.

#[path = "../tests/kit/mod.rs"]
mod kit;

use age::secrecy::SecretString;
use kit::fixtures::{make, ms, now, summary, tonight_entry};
use mend::cli::DemoLength;
use mend::journal::{Clock, Journal, OpensWith};
use mend::store::seal::{PreparedCopy, Sealer};
use mend::store::{RealFs, parse, to_bytes, write_atomically};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "lantern by the window";

fn runs(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// The median, fastest and 90th percentile of `runs` timings of `step` (after one warm-up).
fn time(runs: usize, mut step: impl FnMut()) -> (Duration, Duration, Duration) {
    step();
    let times = (0..runs)
        .map(|_| {
            let started = Instant::now();
            step();
            started.elapsed()
        })
        .collect();
    summary(times)
}

/// How long `step` takes (what it gives back is kept from being optimised away).
fn timed<T>(step: impl FnOnce() -> T) -> Duration {
    let started = Instant::now();
    std::hint::black_box(step());
    started.elapsed()
}

/// As `time` for two steps, run in turn so a busy machine slows both alike. Each step
/// times itself, so what it sets up first (a copy to work on, a fresh sealer) is left out.
fn time_both(
    runs: usize,
    mut first: impl FnMut() -> Duration,
    mut second: impl FnMut() -> Duration,
) -> (
    (Duration, Duration, Duration),
    (Duration, Duration, Duration),
) {
    let (mut a, mut b) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    first();
    second();
    for _ in 0..runs {
        a.push(first());
        b.push(second());
    }
    (summary(a), summary(b))
}

fn line(what: &str, (median, fastest, p90): (Duration, Duration, Duration)) -> Duration {
    println!(
        "  {what:<44} median {:>10}  fastest {:>10}  p90 {:>10}",
        ms(median),
        ms(fastest),
        ms(p90)
    );
    median
}

fn ratio(what: &str, encrypted: Duration, plain: Duration, target: f64) {
    let ratio = encrypted.as_secs_f64() / plain.as_secs_f64();
    let verdict = if ratio <= target { "met" } else { "not met" };
    println!("  {what}: {ratio:.2}x plain (target within {target}x: {verdict})");
}

/// The journal with one more entry, as tonight's save writes it.
fn with_an_entry(journal: &Journal) -> Journal {
    let mut changed = journal.clone();
    if let Err(err) = changed.add_entry(tonight_entry(journal), now().to_utc(), now().date_naive())
    {
        panic!("adding tonight's entry: {err}");
    }
    changed
}

fn main() {
    let (runs, unlocks) = (runs("MEND_BENCH_RUNS", 31), runs("MEND_BENCH_UNLOCKS", 5));
    let sample = make(DemoLength::Years(10));
    let plain_bytes = &sample.bytes;
    let secret = || SecretString::from(PASSPHRASE.to_owned());
    let partners: Vec<_> = sample.journal.partners.iter().map(|p| p.id).collect();
    let (alex, name) = (partners[0], sample.journal.partners[0].name.clone());

    // The journal encrypted as `mend encrypt` does: new keys, wrapped for both passphrases.
    let changed = Clock::start(now().to_utc(), sample.journal.device());
    let passphrases: Vec<_> = partners.iter().map(|p| (*p, secret())).collect();
    let (mut maker, sealing, _codes) = Sealer::create(&passphrases, &changed);
    let mut journal = sample.journal.clone();
    journal.sealing = Some(sealing.clone());
    let sealed = match maker.seal(&journal) {
        Ok(sealed) => sealed,
        Err(err) => panic!("sealing the demo journal: {err}"),
    };
    let sealed_bytes = match to_bytes(&sealed) {
        Ok(bytes) => bytes,
        Err(err) => panic!("serializing the sealed journal: {err}"),
    };
    let unlock = || match Sealer::unlock(&sealing, alex, &name, &secret(), OpensWith::Passphrase) {
        Ok(sealer) => sealer,
        Err(err) => panic!("unlocking: {err}"),
    };
    let path = Path::new("journal.json");
    println!(
        "ten-year demo journal: {:.1} MiB plain, {:.1} MiB encrypted; release build, {runs} runs each",
        plain_bytes.len() as f64 / (1024.0 * 1024.0),
        sealed_bytes.len() as f64 / (1024.0 * 1024.0),
    );

    // (a) Loading: parsing the bytes, and for the encrypted journal opening every field
    // one partner's passphrase opens (the couple's words and that partner's own), with the
    // keys as a command holds them just after unlocking (no token opened yet).
    let sealer = unlock();
    let keys = match sealer.keys_of(alex) {
        Some(keys) => keys,
        None => panic!("Alex's keys are held"),
    };
    let fresh = || Sealer::from_keys(alex, keys.clone());
    let parse_plain = || timed(|| std::hint::black_box(parse(path, plain_bytes).is_ok()));
    let (plain, sealed) = time_both(runs, parse_plain, || {
        let mut sealer = fresh();
        timed(|| match parse(path, &sealed_bytes) {
            Ok(mut journal) => {
                let opened = sealer.open(&mut journal).is_ok();
                std::hint::black_box((journal, opened));
            }
            Err(err) => panic!("parsing the sealed journal: {err}"),
        })
    });
    let plain_load = line("load, plain (parse)", plain);
    let sealed_load = line("load, encrypted (parse, then open)", sealed);
    ratio("load and open", sealed_load, plain_load, 1.3);

    // (a2) What the app does after the passphrase: the sealed journal it read at start-up
    // (to show "who is here") is opened in place, without reading the file again and without
    // a copy (the app lets go of it first; `tests/tui/locked.rs` checks no copy is made).
    let held = match parse(path, &sealed_bytes) {
        Ok(journal) => journal,
        Err(err) => panic!("parsing the sealed journal: {err}"),
    };
    let (plain, opened) = time_both(runs, parse_plain, || {
        let mut sealer = fresh();
        let mut journal = held.clone();
        timed(|| {
            let opened = sealer.open(&mut journal).is_ok();
            std::hint::black_box(opened);
            drop(journal);
        })
    });
    let plain_load = line("load, plain (parse)", plain);
    let held_open = line("after unlocking: the held journal opened in place", opened);
    ratio("opening after unlocking", held_open, plain_load, 1.3);

    // (b) Saving after one added entry, with both fsyncs, as the store saves: the first save
    // after unlocking, as the app makes it. While the passphrase was checked, the records of
    // the sealed journal were written out (`Store::while_unlocking`); the save copies those of
    // the records it did not change and seals and writes out the rest.
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("a temp folder for the save: {err}"),
    };
    let file = dir.path().join("journal.json");
    let plain_changed = with_an_entry(&sample.journal);
    let write = |bytes: &[u8]| write_atomically(&file, bytes, &RealFs).is_ok();
    let save = |journal: &Journal| match to_bytes(journal) {
        Ok(bytes) => write(&bytes),
        Err(err) => panic!("serializing: {err}"),
    };
    // Alex's journal just opened after the passphrase, with tonight's entry added.
    let just_opened = |keep: bool| {
        let mut held = match parse(path, &sealed_bytes) {
            Ok(journal) => journal,
            Err(err) => panic!("parsing the sealed journal: {err}"),
        };
        let prepared = match PreparedCopy::of(&held) {
            Ok(prepared) => prepared,
            Err(err) => panic!("writing the records out: {err}"),
        };
        let mut sealer = fresh();
        if let Err(err) = sealer.open(&mut held) {
            panic!("opening the sealed journal: {err}");
        }
        let opened = Arc::new(held);
        if keep {
            sealer.keep_copy(prepared, &opened);
        }
        (sealer, Arc::new(with_an_entry(&opened)))
    };
    let sealed_save = |keep: bool, with_write: bool| {
        let (mut sealer, changed) = just_opened(keep);
        timed(|| match sealer.seal_to_bytes(&changed) {
            Ok(bytes) => std::hint::black_box(!with_write || write(&bytes)),
            Err(err) => panic!("sealing: {err}"),
        })
    };
    let (plain, sealed) = time_both(
        runs,
        || timed(|| std::hint::black_box(save(&plain_changed))),
        || sealed_save(true, true),
    );
    let plain_save = line("save, plain (to_bytes, write, fsync)", plain);
    let sealed_save_median = line("save, encrypted (seal, to_bytes, write, fsync)", sealed);
    ratio("save", sealed_save_median, plain_save, 1.3);
    let (plain, sealed) = time_both(
        runs,
        || timed(|| std::hint::black_box(to_bytes(&plain_changed).is_ok())),
        || sealed_save(true, false),
    );
    let plain_bytes_only = line("  of which without the write: plain", plain);
    let sealed_bytes_only = line("  of which without the write: encrypted", sealed);
    ratio(
        "save without the write",
        sealed_bytes_only,
        plain_bytes_only,
        1.3,
    );
    // With no records written out first (the first save after `mend encrypt`, say), every
    // record is sealed and written out.
    let (plain, sealed) = time_both(
        runs,
        || timed(|| std::hint::black_box(save(&plain_changed))),
        || sealed_save(false, true),
    );
    let plain_save = line("save, plain", plain);
    let sealed_all = line("save, encrypted, every record written out", sealed);
    ratio("save writing out every record", sealed_all, plain_save, 1.3);
    // What writing the records out costs, while the passphrase is checked (see (c)).
    line(
        "the records written out, while unlocking",
        time(runs, || match PreparedCopy::of(&held) {
            Ok(prepared) => drop(std::hint::black_box(prepared)),
            Err(err) => panic!("writing the records out: {err}"),
        }),
    );

    // What one field costs: sealing and opening 157 bytes, the demo's mean field.
    if std::env::var_os("MEND_BENCH_FIELD").is_some() {
        let Some(drafts) = sealer.drafts_of(alex) else {
            panic!("Alex's key is held");
        };
        let words = "w".repeat(157);
        let token = drafts.seal(&words);
        line(
            "one field of 157 bytes opened, x10000",
            time(runs, || {
                for _ in 0..10_000 {
                    std::hint::black_box(drafts.open(&token));
                }
            }),
        );
        line(
            "one field of 157 bytes sealed, x10000",
            time(runs, || {
                for _ in 0..10_000 {
                    std::hint::black_box(drafts.seal(&words));
                }
            }),
        );
        return;
    }

    // (c) The unlock itself: one scrypt run at the pinned work factor.
    line(
        "unlock (scrypt at the pinned work factor)",
        time(unlocks, || {
            std::hint::black_box(unlock());
        }),
    );
}

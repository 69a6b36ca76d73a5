//! Benchmark of the merge: two copies of a ten-year journal that went apart on two
//! laptops (each added a week of entries and edited a hundred of the same old ones), and
//! two copies that are the same.

#[path = "../tests/kit/mod.rs"]
mod kit;

use chrono::Duration;
use kit::fixtures::{describe, now, sample, tonight_entry};
use mend::journal::{Device, Journal, Visibility};

fn main() {
    eprintln!("{}", describe(10));
    divan::main();
}

/// The ten-year journal as laptop `device` has it after its own week of changes.
fn laptop(device: &str, offset_minutes: i64) -> Journal {
    let mut copy = sample(10).journal.clone();
    copy.set_device(Device(device.to_owned()));
    let at = now().to_utc() + Duration::minutes(offset_minutes);
    for _ in 0..7 {
        if copy
            .add_entry(tonight_entry(&copy), at, now().date_naive())
            .is_err()
        {
            panic!("adding an entry on {device}");
        }
    }
    let old: Vec<_> = copy
        .live_entries()
        .take(100)
        .map(|e| (e.meta.id, e.meta.author))
        .collect();
    for (id, author) in old {
        let text = format!("Edited on {device}");
        if copy
            .edit_entry(id, author, &text, Visibility::Shared, at)
            .is_err()
        {
            panic!("editing an entry on {device}");
        }
    }
    copy
}

#[divan::bench]
fn merge_two_ten_year_copies_gone_apart(bencher: divan::Bencher) {
    let (one, two) = (laptop("one", 1), laptop("two", 2));
    bencher.bench(|| divan::black_box(&one).merge(divan::black_box(&two)).1);
}

#[divan::bench]
fn merge_two_equal_ten_year_copies(bencher: divan::Bencher) {
    let one = &sample(10).journal;
    bencher.bench(|| divan::black_box(one).merge(divan::black_box(one)).1);
}

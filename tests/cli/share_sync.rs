//! Two laptops, each with its own copy of the shared folder, kept in step by the simulated
//! engine of `sync_engine.rs` through random schedules of saves and faulty syncs (conflict
//! copies, truncated deliveries, rollbacks): afterwards every record either laptop saved is
//! on both, the two agree, and no conflict copy was deleted.

use mend::journal::{Journal, PartnerId};
use proptest::prelude::*;

use crate::kit::{Mend, stdout};
use crate::share::{ok, on};
use crate::share_sync_laptop::{Laptop, Ledger, What};
use crate::sync_engine::{Faults, SyncEngine, files};

#[derive(Debug, Clone)]
enum Step {
    Save {
        laptop: usize,
        who: usize,
        what: What,
    },
    Sync(Faults),
}

fn what() -> impl Strategy<Value = What> {
    prop_oneof![
        3 => Just(What::Entry),
        2 => (0..=10u8).prop_map(What::CheckIn),
        2 => Just(What::Promise),
        1 => any::<usize>().prop_map(What::Keep),
        1 => any::<usize>().prop_map(What::Break),
        1 => any::<usize>().prop_map(What::Notice),
    ]
}

fn faults() -> impl Strategy<Value = Faults> {
    (
        proptest::option::weighted(0.3, (any::<usize>(), 0..1000u16)),
        proptest::option::weighted(0.3, (any::<usize>(), 0..2usize, 0..4usize, any::<bool>())),
    )
        .prop_map(|(truncate, rollback)| Faults { truncate, rollback })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..2usize, 0..2usize, what()).prop_map(|(laptop, who, what)| Step::Save { laptop, who, what }),
        2 => faults().prop_map(Step::Sync),
    ]
}

/// Alice's laptop shares its journal (through the real `mend share`); the engine carries the
/// folder across; the other laptop joins it as Bob's (through the real `mend join`).
fn pair(open: [bool; 2], skew: i64) -> (tempfile::TempDir, [Laptop; 2], SyncEngine) {
    let sync = tempfile::tempdir().unwrap();
    let folders = [
        sync.path().join("a").join("mend"),
        sync.path().join("b").join("mend"),
    ];
    let alice = Mend::with_journal();
    alice.ok(&["share", folders[0].to_str().unwrap()], "");
    let mut engine = SyncEngine::new(&folders[0], &folders[1]);
    engine.sync(Faults::default());
    let bob = Mend::new();
    ok(
        &bob,
        &["join", folders[1].to_str().unwrap(), "--as", "Bob"],
        "",
    );
    let [a, b] = folders;
    let laptops = [
        Laptop::new(alice, a, open[0], 0),
        Laptop::new(bob, b, open[1], skew),
    ];
    (sync, laptops, engine)
}

fn partners(laptop: &Laptop) -> [PartnerId; 2] {
    let journal = fresh(laptop);
    [journal.partners[0].id, journal.partners[1].id]
}

/// The journal as `mend` opening the laptop's folder now reads it; no file is skipped.
fn fresh(laptop: &Laptop) -> Journal {
    let mut store = laptop.store();
    let journal = store.load().expect("loads").expect("a journal");
    let notices = store.take_notices();
    assert!(notices.is_empty(), "every file read whole: {notices:?}");
    Journal::clone(&journal)
}

/// Runs the schedule, then checks; the engine is returned to say what faults it made.
fn run(steps: &[Step], open: [bool; 2], skew: i64) -> Result<SyncEngine, TestCaseError> {
    let (_sync, mut laptops, mut engine) = pair(open, skew);
    let who = partners(&laptops[0]);
    let mut ledger = Ledger::default();
    let mut save = |laptops: &mut [Laptop; 2], n: usize, by: usize, what: What, i: usize| {
        let words = format!("step {i} on laptop {n}: {what:?}");
        let now = laptops[n].now(i);
        match laptops[n].save(who[by], what, &words, now) {
            Some(journal) => ledger.saved(&journal, &words),
            None => true,
        }
    };
    for (i, step) in steps.iter().enumerate() {
        match *step {
            Step::Save {
                laptop,
                who: by,
                what,
            } => prop_assert!(
                save(&mut laptops, laptop, by, what, i),
                "step {i}: the journal saved holds what was saved"
            ),
            Step::Sync(faults) => {
                engine.sync(faults);
                laptops.iter_mut().for_each(Laptop::look);
            }
        }
    }
    // A clean sync, each laptop saving once (which folds in the conflict copies), and
    // another clean sync.
    engine.sync(Faults::default());
    for n in 0..2 {
        laptops[n].look();
        prop_assert!(save(&mut laptops, n, n, What::Entry, steps.len() + n));
    }
    engine.sync(Faults::default());

    let journals = [fresh(&laptops[0]), fresh(&laptops[1])];
    prop_assert!(journals[0] == journals[1], "the two laptops agree");
    for (n, journal) in journals.iter().enumerate() {
        let missing = ledger.missing_from(journal);
        prop_assert!(missing.is_empty(), "laptop {n} lacks {missing:?}");
    }
    for laptop in &mut laptops {
        laptop.look();
        if let Some(store) = &laptop.open {
            prop_assert!(store.journal() == Some(&journals[0]), "the open app agrees");
        }
    }
    let [a, b] = [&laptops[0].folder, &laptops[1].folder];
    prop_assert_eq!(files(a), files(b), "the folders hold the same files");
    for rel in files(a) {
        prop_assert!(std::fs::read(a.join(&rel)).unwrap() == std::fs::read(b.join(&rel)).unwrap());
    }
    for (name, bytes) in &engine.conflicts {
        for folder in [a, b] {
            prop_assert!(
                !folder.join(name).exists(),
                "{name} was folded in and moved aside"
            );
            let aside = folder.join("conflicts-merged").join(name);
            prop_assert!(
                std::fs::read(&aside).ok().as_ref() == Some(bytes),
                "{name} kept whole"
            );
        }
    }
    for laptop in &laptops {
        let check = on(&laptop.mend, &["check"], "");
        prop_assert!(
            check.status.success(),
            "mend check is clean: {}",
            stdout(&check)
        );
    }
    eprintln!(
        "STATS saves={} conflicts={} rollbacks={} truncations={}",
        ledger.saves,
        engine.conflicts.len(),
        engine.rollbacks,
        engine.truncations
    );
    Ok(engine)
}

/// 64 schedules (about 30 s), or as many as `PROPTEST_CASES` asks for.
fn config() -> ProptestConfig {
    let asked = std::env::var_os("PROPTEST_CASES").is_some();
    let defaults = ProptestConfig::default();
    ProptestConfig {
        cases: if asked { defaults.cases } else { 64 },
        ..defaults
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_faulty_file_sync_engine_never_loses_a_record_and_both_laptops_agree(
        steps in proptest::collection::vec(step(), 1..40),
        open in any::<[bool; 2]>(),
        skew in -300i64..300,
    ) {
        run(&steps, open, skew)?;
    }
}

/// A schedule with every fault, run once by hand: a truncated delivery, then a rollback of
/// Alice's file on Bob's side, stamped ahead, so that with Alice's next save the engine keeps
/// the old content as Alice's file and makes Alice's newest save the conflict copy.
#[test]
fn a_rolled_back_file_becomes_a_conflict_copy_that_is_folded_in_and_kept() {
    let steps = [
        Step::Save {
            laptop: 0,
            who: 0,
            what: What::Entry,
        },
        Step::Sync(Faults::default()),
        Step::Save {
            laptop: 0,
            who: 0,
            what: What::Promise,
        },
        Step::Sync(Faults {
            truncate: Some((0, 500)),
            rollback: None,
        }),
        // Only Alice's file has older versions: it is put back on Bob's side.
        Step::Sync(Faults {
            truncate: None,
            rollback: Some((0, 1, 0, true)),
        }),
        Step::Save {
            laptop: 0,
            who: 0,
            what: What::Keep(0),
        },
        Step::Save {
            laptop: 1,
            who: 1,
            what: What::Entry,
        },
        Step::Sync(Faults::default()),
    ];
    let engine = run(&steps, [true, false], 30).unwrap();
    assert_eq!((engine.truncations, engine.rollbacks), (1, 1));
    assert_eq!(
        engine.conflicts.len(),
        1,
        "{:?}",
        engine.conflicts.iter().map(|c| &c.0).collect::<Vec<_>>()
    );
}

//! The merge's laws, over random histories on three laptops: commutative, associative,
//! idempotent, byte for byte, and nothing any laptop wrote is lost (unless its author let
//! it go as an earlier version).

use super::fixture::*;
use super::merge_support::*;
use crate::journal::*;
use proptest::prelude::*;

/// One thing a person does on one laptop (`on`), at minute `at`.
#[derive(Debug, Clone)]
enum Op {
    Write {
        on: usize,
        alex: bool,
    },
    /// An entry written by a mend from before clocks: its clock is the one a file without
    /// clocks reads as.
    OldWrite {
        on: usize,
        alex: bool,
    },
    Edit {
        on: usize,
        pick: usize,
        text: u8,
    },
    Delete {
        on: usize,
        pick: usize,
    },
    /// Laptop `other` takes in what `on` has, then one entry is changed on each apart (so the
    /// merge keeps an earlier version): the other steps rarely line this up on their own.
    EditApart {
        on: usize,
        other: usize,
        pick: usize,
    },
    /// The author lets the earlier versions go, of an entry that has some.
    LetGo {
        on: usize,
        pick: usize,
    },
    Promise {
        on: usize,
    },
    Keep {
        on: usize,
        pick: usize,
        keep: bool,
    },
    Notice {
        on: usize,
        pick: usize,
    },
    CheckIn {
        on: usize,
        alex: bool,
        safety: u8,
    },
    Rename {
        on: usize,
        alex: bool,
        name: u8,
    },
    /// Laptop `on` takes in everything laptop `from` has.
    Sync {
        on: usize,
        from: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let on = 0..3usize;
    prop_oneof![
        (on.clone(), any::<bool>()).prop_map(|(on, alex)| Op::Write { on, alex }),
        (on.clone(), any::<bool>()).prop_map(|(on, alex)| Op::OldWrite { on, alex }),
        (on.clone(), 0..8usize, 0..4u8).prop_map(|(on, pick, text)| Op::Edit { on, pick, text }),
        (on.clone(), 0..8usize).prop_map(|(on, pick)| Op::Delete { on, pick }),
        on.clone().prop_map(|on| Op::Promise { on }),
        (on.clone(), 0..4usize, any::<bool>()).prop_map(|(on, pick, keep)| Op::Keep {
            on,
            pick,
            keep
        }),
        (on.clone(), 0..4usize).prop_map(|(on, pick)| Op::Notice { on, pick }),
        (on.clone(), any::<bool>(), 0..11u8).prop_map(|(on, alex, safety)| Op::CheckIn {
            on,
            alex,
            safety
        }),
        (on.clone(), any::<bool>(), 0..3u8).prop_map(|(on, alex, name)| Op::Rename {
            on,
            alex,
            name
        }),
        (on.clone(), 0..3usize).prop_map(|(on, from)| Op::Sync { on, from }),
    ]
}

/// [`op`], with entries often changed apart on two laptops and earlier versions let go.
fn op_apart() -> impl Strategy<Value = Op> {
    let apart = (0..3usize, 1..3usize, 0..8usize).prop_map(|(on, step, pick)| Op::EditApart {
        on,
        other: (on + step) % 3,
        pick,
    });
    let let_go = (0..3usize, 0..8usize).prop_map(|(on, pick)| Op::LetGo { on, pick });
    prop_oneof![3 => op(), 1 => apart, 1 => let_go]
}

/// Three laptops after `ops`, with minute `i` the moment of the `i`th op. Refused changes
/// (a promise already closed, say) are simply skipped, as the app would refuse them.
fn run(ops: &[Op], skew: [i64; 3]) -> [Journal; 3] {
    let (j, a, s) = couple();
    let mut laptops = [laptop(&j, "d0"), laptop(&j, "d1"), laptop(&j, "d2")];
    for (i, op) in ops.iter().enumerate() {
        let minute = i as i64 + 1;
        let at = |on: usize| later(minute + skew[on]);
        let who = |alex: bool| if alex { a } else { s };
        match *op {
            Op::Write { on, alex } => {
                write(&mut laptops[on], who(alex), &format!("entry {i}"), at(on));
            }
            Op::OldWrite { on, alex } => {
                let l = &mut laptops[on];
                let id = write(l, who(alex), &format!("old entry {i}"), at(on));
                if let Some(e) = l.entries.iter_mut().find(|e| e.meta.id == id) {
                    e.meta.clock = Clock::derived(e.meta.updated);
                }
            }
            Op::Edit { on, pick, text } => {
                let l = &mut laptops[on];
                let picked = l
                    .live_entries()
                    .nth(pick)
                    .map(|e| (e.meta.id, e.meta.author));
                if let Some(e) = picked {
                    let words = format!("edit {text} at {i}");
                    l.edit_entry(e.0, e.1, &words, Visibility::Shared, at(on))
                        .unwrap();
                }
            }
            Op::Delete { on, pick } => {
                let l = &mut laptops[on];
                let picked = l
                    .live_entries()
                    .nth(pick)
                    .map(|e| (e.meta.id, e.meta.author));
                if let Some(e) = picked {
                    l.set_entry_deleted(e.0, e.1, true, at(on)).unwrap();
                }
            }
            Op::EditApart { on, other, pick } => {
                // `other` takes in what `on` has, then each changes the same entry apart.
                let device = laptops[other].device().clone();
                let mut joined = merged(&laptops[other], &laptops[on]);
                joined.set_device(device);
                laptops[other] = joined;
                let held: Vec<(RecordId, PartnerId)> = laptops[on]
                    .live_entries()
                    .filter(|e| {
                        laptops[other]
                            .live_entries()
                            .any(|o| o.meta.id == e.meta.id)
                    })
                    .map(|e| (e.meta.id, e.meta.author))
                    .collect();
                if on != other
                    && let Some((id, by)) = held.get(pick % held.len().max(1))
                {
                    for (n, l) in [on, other].into_iter().enumerate() {
                        let words = format!("apart {n} at {i}");
                        laptops[l]
                            .edit_entry(*id, *by, &words, Visibility::Shared, at(l))
                            .unwrap();
                    }
                }
            }
            Op::LetGo { on, pick } => {
                let l = &mut laptops[on];
                let with_versions: Vec<(RecordId, PartnerId, Vec<Clock>)> = l
                    .live_entries()
                    .filter(|e| !e.earlier_versions.is_empty())
                    .map(|e| {
                        let seen = e.earlier_versions.iter().map(|v| v.clock.clone());
                        (e.meta.id, e.meta.author, seen.collect())
                    })
                    .collect();
                if let Some((id, by, seen)) = with_versions.get(pick % with_versions.len().max(1)) {
                    l.let_earlier_versions_go(*id, *by, seen, at(on)).unwrap();
                }
            }
            Op::Promise { on } => {
                promise(&mut laptops[on], a, s);
            }
            Op::Keep { on, pick, keep } => {
                let l = &mut laptops[on];
                if let Some(id) = l.promises.get(pick).map(|p| p.meta.id) {
                    let action = if keep {
                        PromiseAction::Keep
                    } else {
                        PromiseAction::Break
                    };
                    l.change_promise(id, a, action, None, at(on), today()).ok();
                }
            }
            Op::Notice { on, pick } => {
                let l = &mut laptops[on];
                if let Some(id) = l.promises.get(pick).map(|p| p.meta.id) {
                    l.acknowledge_promise(id, s, None, at(on)).ok();
                }
            }
            Op::CheckIn { on, alex, safety } => {
                check_in(&mut laptops[on], who(alex), safety, at(on));
            }
            Op::Rename { on, alex, name } => {
                let name = ["Robin", "Kit", "Jo"][usize::from(name)];
                laptops[on].rename_partner(who(alex), name, at(on)).ok();
            }
            Op::Sync { on, from } => {
                let device = laptops[on].device().clone();
                let mut joined = merged(&laptops[on], &laptops[from]);
                joined.set_device(device);
                laptops[on] = joined;
            }
        }
    }
    laptops
}

fn histories() -> impl Strategy<Value = ([Journal; 3], [i64; 3])> {
    histories_of(op())
}

fn histories_of(op: impl Strategy<Value = Op>) -> impl Strategy<Value = ([Journal; 3], [i64; 3])> {
    (
        prop::collection::vec(op, 0..40),
        [-3i64..3, -3i64..3, -3i64..3],
    )
        .prop_map(|(ops, skew)| (run(&ops, skew), skew))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_merge_is_commutative_associative_and_idempotent((l, _) in histories()) {
        let [x, y, z] = &l;
        prop_assert_eq!(bytes(&merged(x, y)), bytes(&merged(y, x)));
        prop_assert_eq!(
            bytes(&merged(&merged(x, y), z)),
            bytes(&merged(x, &merged(y, z)))
        );
        prop_assert_eq!(bytes(&merged(x, x)), bytes(x));
        let xy = merged(x, y);
        prop_assert_eq!(bytes(&merged(&xy, y)), bytes(&xy));
    }

    #[test]
    fn the_merge_taking_both_copies_gives_the_same_bytes((l, _) in histories()) {
        let [x, y, z] = &l;
        prop_assert_eq!(bytes(&x.clone().merge_owned(y.clone())), bytes(&merged(x, y)));
        let xy = merged(x, y);
        prop_assert_eq!(bytes(&xy.clone().merge_owned(z.clone())), bytes(&merged(&xy, z)));
        prop_assert_eq!(bytes(&x.clone().merge_owned(x.clone())), bytes(x));
    }

    #[test]
    fn every_record_and_every_live_text_any_laptop_holds_is_in_the_merge((l, _) in histories()) {
        let all = merged(&merged(&l[0], &l[1]), &l[2]);
        for laptop in &l {
            for e in &laptop.entries {
                let kept = entry(&all, e.meta.id);
                let texts: Vec<&str> = std::iter::once(kept.text.as_str())
                    .chain(kept.earlier_versions.iter().map(|v| v.text.as_str()))
                    .collect();
                let newer_deletion = kept.meta.deleted && kept.meta.clock > e.meta.clock;
                // Deleted later on some laptop, then written again: the deletion won over it.
                let outlived_deletion =
                    kept.deleted_before.as_ref().is_some_and(|d| *d > e.meta.clock);
                prop_assert!(
                    e.meta.deleted || newer_deletion || outlived_deletion
                        || texts.contains(&e.text.as_str())
                        || rewritten_later(kept, e),
                    "{:?} lost from {:?}", e.text, texts
                );
            }
            for p in &laptop.promises {
                let kept = promise_in(&all, p.meta.id);
                for step in &p.history {
                    prop_assert!(kept.history.contains(step));
                }
            }
            prop_assert!(laptop.checkins.iter().all(|c| all.checkins.iter().any(|k| k.meta.id == c.meta.id)));
        }
    }
}

/// Whether the merged entry keeps a version that was written over `e`: a later one from
/// the computer that wrote `e`, or one written on another computer that had seen `e`.
fn rewritten_later(kept: &Entry, e: &Entry) -> bool {
    let clock = &e.meta.clock;
    let covers = |over: &Vec<Clock>| Entry::was_written_over(over, clock);
    let own = (&kept.meta.clock, &kept.written_over);
    std::iter::once(own)
        .chain(
            kept.earlier_versions
                .iter()
                .map(|v| (&v.clock, &v.written_over)),
        )
        .any(|(c, over)| (c.device == clock.device && c >= clock) || covers(over))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The laws again, over histories where entries are often changed apart (the histories
    /// above hardly ever keep an earlier version) and their authors let earlier versions go.
    /// Ignored: the merge is not yet associative for some of them, nor is merging a copy
    /// again always a no-op (see `entries_changed_apart_on_three_laptops_merge_in_any_grouping`).
    #[test]
    fn the_laws_hold_with_entries_changed_apart((l, _) in histories_of(op_apart())) {
        let [x, y, z] = &l;
        prop_assert_eq!(bytes(&merged(x, y)), bytes(&merged(y, x)));
        prop_assert!(
            bytes(&merged(&merged(x, y), z)) == bytes(&merged(x, &merged(y, z))),
            "associative"
        );
        let xy = merged(x, y);
        prop_assert!(bytes(&merged(&xy, y)) == bytes(&xy), "merging again adds nothing");
    }
}

/// A history proptest found (shrunk): five entries, deletions, and one entry changed apart
/// on three laptops. The merge of the three copies depends on how they are grouped.
#[test]
fn entries_changed_apart_on_three_laptops_merge_in_any_grouping() {
    let ops = [
        Op::Write { on: 1, alex: false },
        Op::Write { on: 1, alex: false },
        Op::Write { on: 0, alex: false },
        Op::Write { on: 1, alex: false },
        Op::Write { on: 2, alex: false },
        Op::Delete { on: 1, pick: 2 },
        Op::EditApart {
            on: 1,
            other: 0,
            pick: 0,
        },
        Op::EditApart {
            on: 0,
            other: 2,
            pick: 0,
        },
        Op::EditApart {
            on: 0,
            other: 1,
            pick: 4,
        },
        Op::Delete { on: 0, pick: 1 },
        Op::Edit {
            on: 2,
            pick: 1,
            text: 0,
        },
    ];
    let [x, y, z] = run(&ops, [0, 0, 0]);
    assert_eq!(
        serde_json::to_string_pretty(&merged(&merged(&x, &y), &z)).unwrap(),
        serde_json::to_string_pretty(&merged(&x, &merged(&y, &z))).unwrap()
    );
}

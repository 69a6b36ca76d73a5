//! The TUI never panics at any size, on any keys or on a resize, and never loses a saved entry.

#[path = "support/tui.rs"]
mod tui_support;

use proptest::prelude::*;
use tui_support::{Harness, lived_in_journal};

/// Key sequences that visit every screen and overlay.
const TOURS: &[&str] = &[
    "",
    "<Enter>",
    "<Enter>w some words",
    "<Enter>c",
    "<Enter>j",
    "<Enter>j<Enter>",
    "<Enter>?",
    "<Enter>wtext<Esc>",
    "<Down><Down><Enter>",
    "<Down><Down><Enter>2",
    "<Down><Down><Enter>3",
    "<Down><Down><Enter>4<Left>",
    "<Down><Down><Enter>5",
    "<Enter>o",
    "<Enter>o<Tab>",
    "<Enter>on",
    "<Enter>onwords<Tab><Right><Right><Right><Right>",
    "<Enter>ok",
    "<Enter>or",
    "<Enter>o<End><Enter>",
    "<Enter>o<Tab>n",
];

#[test]
fn every_screen_draws_at_every_size_from_1x1_to_120x40() {
    for tour in TOURS {
        let mut h = Harness::new(Some(lived_in_journal()));
        h.keys(tour);
        for width in 1..=120 {
            for height in 1..=40 {
                h.render(width, height);
            }
        }
    }
    let setup = Harness::new(None);
    for width in 1..=120 {
        for height in 1..=40 {
            setup.render(width, height);
        }
    }
}

fn key_strategy() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "<Enter>", "<Esc>", "<Tab>", "<Up>", "<Down>", "<Left>", "<Right>", "<BS>", "<C-s>",
        "<C-t>", "<C-c>", "<C-e>", "w", "c", "j", "s", "n", "p", "q", "y", "d", "u", "e", "f", "r",
        "?", "1", "0", "7", "a", " ", "é", "日", "o", "k", "b", "x", "<Home>", "<End>",
    ])
    .prop_map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Each key is followed by a frame at a size that usually stays and sometimes changes,
    /// as when a window is resized in the middle of writing.
    #[test]
    fn random_keys_and_resizes_never_panic_and_never_lose_a_saved_entry(
        steps in prop::collection::vec((key_strategy(), prop::option::weighted(0.2, (1u16..130, 1u16..45))), 1..120),
        start in (1u16..130, 1u16..45),
    ) {
        let mut h = Harness::new(Some(lived_in_journal()));
        let mut saved_ids = std::collections::HashSet::new();
        let (mut width, mut height) = start;
        for (key, resize) in &steps {
            if !h.app.running {
                break;
            }
            h.keys(key);
            if let Some(size) = resize {
                (width, height) = *size;
            }
            h.render(width, height);
            let journal = h.saved.clone().unwrap();
            // An entry once saved stays in the file: deleting only marks a tombstone.
            for id in &saved_ids {
                prop_assert!(journal.entries.iter().any(|e| e.meta.id == *id));
            }
            saved_ids.extend(journal.entries.iter().map(|e| e.meta.id));
        }
    }
}

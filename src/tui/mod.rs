//! The full-screen journal: the terminal, the event loop, and the effects it runs.

pub mod action;
pub mod app;
pub mod ctx;
pub mod done_words;
pub mod draft;
pub mod draft_hold;
pub mod draw;
pub mod effects;
pub mod exchange;
pub mod keys;
pub mod layout;
pub mod popups;
pub mod screens;
pub mod theme;
pub mod tonight;
pub mod view;
pub mod widgets;
pub mod world;

mod runtime;
pub mod signals;

pub use runtime::{
    create_sealed, draft_sealer, found_draft, keep_draft, lock_store, look_for_changes, run,
    run_demo, save_change, unlock_store,
};

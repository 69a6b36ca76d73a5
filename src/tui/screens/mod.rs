//! One file per screen: its state, its keys and how it is drawn.

pub mod checkin;
pub mod home;
pub mod home_exchange;
pub mod home_plan;
pub mod journal;
pub mod journal_draw;
pub mod journal_search;
pub mod plan;
pub mod progress;
pub mod promises;
pub mod settings;
pub mod setup;
pub mod setup_private;
pub mod talk;
pub mod who;
pub mod write;

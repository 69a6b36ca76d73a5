//! One file per screen: its state, its keys and how it is drawn.

pub mod checkin;
pub mod home;
pub mod journal;
pub mod promises;
pub mod setup;
pub mod together;
pub mod who;
pub mod write;

//! The one test kit every test binary and benchmark shares: the sandbox, the pty session,
//! the demo fixtures and the TUI harness.
#![allow(dead_code)]

pub mod files;
pub mod fixtures;
pub mod pty;
pub mod sandbox;
#[path = "../support/tui.rs"]
pub mod tui;

#[allow(unused_imports)] // the benches use the sandbox through `kit::fixtures` only
pub use sandbox::*;

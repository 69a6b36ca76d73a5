//! mend: a calm terminal journal for couples rebuilding trust.

pub mod cli;
pub mod demo;
pub mod editor;
pub mod export;
pub mod journal;
pub mod message;
pub mod now;
pub mod paths;
pub mod progress;
pub mod prompts;
pub mod shell;
pub mod small_file;
pub mod store;
pub mod tui;
pub mod unlock;
pub mod words;

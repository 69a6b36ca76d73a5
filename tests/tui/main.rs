//! The full-screen app through its test harness: every screen and popup, promises, progress,
//! unsaved writing, two windows on one file, and robustness at any size and on any keys.

#[path = "../support/tui.rs"]
mod harness;

mod changed_meanwhile;
mod days;
mod earlier_checkins;
mod earlier_versions;
mod encrypted_meanwhile;
mod evening_scroll;
mod exchange;
mod hard_moment;
mod keys;
mod kindness_received;
mod last_answer;
mod leave_forms;
mod live_refresh;
mod locked;
mod locked_file;
mod locked_keep;
mod locked_words;
mod outcome_bars;
mod paste_limits;
mod plan;
mod plan_evening;
mod popups;
mod progress;
mod progress_plan;
mod promise_truth;
mod promises;
mod robust;
mod screen_fixes;
mod screens;
mod search;
mod settings;
mod setup_private;
mod talk;
mod two_windows;
mod unsaved;
mod weekly_talk;
mod wrapping;

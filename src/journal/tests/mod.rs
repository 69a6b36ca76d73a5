//! Unit tests of the journal's rules, one file per record kind.

mod checkins_and_kind_acts;
mod earlier;
mod entries;
mod fixture;
mod ids;
mod kindness_received;
mod merge;
mod merge_plan;
mod merge_props;
mod merge_support;
mod partners_and_days;
mod plan;
mod plan_ahead;
mod promises;
mod replies;
mod reveal;
mod search;
mod settings_and_answers;
mod talks;
mod wire;

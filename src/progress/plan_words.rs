//! The plan for hard moments in words, the same in the progress view and the weekly summary.
//!
//! No blame: a moment is "noted", a pause is "asked for" (mend records no evidence of a
//! pause kept, so it never says one was), and a plan item is its owner's.

use chrono::NaiveDateTime;

use super::hard_moments::PlanChange;
use crate::journal::MomentOutcome;

/// How a moment went, after the plan it was met with (or alone): "With the plan for “X”:
/// it helped." or "How it went: not this time."; empty when nothing was said of either.
pub fn moment_afterword(plan_item: Option<&str>, outcome: Option<MomentOutcome>) -> String {
    match (plan_item, outcome) {
        (Some(item), Some(outcome)) => {
            format!("With the plan for “{item}”: {}.", outcome.words())
        }
        (Some(item), None) => format!("With the plan for “{item}”."),
        (None, Some(outcome)) => format!("How it went: {}.", outcome.words()),
        (None, None) => String::new(),
    }
}

/// When a pause ends: "21:30", or "01:30 on Thursday 24 December" on another day than asked.
pub fn pause_until(asked_at: NaiveDateTime, until: NaiveDateTime) -> String {
    let time = until.format("%H:%M");
    if until.date() == asked_at.date() {
        time.to_string()
    } else {
        format!("{time} on {}", until.format("%A %-d %B"))
    }
}

/// What happened to a plan item, to follow the name of who did it: " agreed to Sam's plan
/// for “A late message”".
pub fn plan_change_words(change: PlanChange, owner: &str, item: &str) -> String {
    match change {
        PlanChange::Made => format!(" added a plan for “{item}”"),
        PlanChange::Agreed => format!(" agreed to {owner}'s plan for “{item}”"),
        PlanChange::SuggestedChange => {
            format!(" suggested a change to {owner}'s plan for “{item}”")
        }
        PlanChange::Edited => format!(" changed the words of their plan for “{item}”"),
        PlanChange::Retired => {
            format!(" retired their plan for “{item}”; it stays in the history")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .and_then(|day| day.and_hms_opt(h, m, 0))
            .unwrap()
    }

    #[test]
    fn a_pause_ending_the_next_day_names_that_day() {
        assert_eq!(pause_until(at(23, 20, 30), at(23, 21, 30)), "21:30");
        assert_eq!(
            pause_until(at(23, 23, 30), at(24, 1, 30)),
            "01:30 on Thursday 24 December"
        );
    }

    #[test]
    fn the_words_carry_no_blame_and_no_score() {
        let mut all = vec![
            moment_afterword(Some("A song"), Some(MomentOutcome::NotThisTime)),
            moment_afterword(None, Some(MomentOutcome::Partly)),
        ];
        for change in [
            PlanChange::Made,
            PlanChange::Agreed,
            PlanChange::SuggestedChange,
            PlanChange::Edited,
            PlanChange::Retired,
        ] {
            all.push(plan_change_words(change, "Sam", "A song"));
        }
        for words in &all {
            let lower = words.to_lowercase();
            for harsh in ["fail", "caused", "fault", "broke", "kept", "%"] {
                assert!(!lower.contains(harsh), "{harsh:?} in {words:?}");
            }
        }
        assert_eq!(moment_afterword(None, None), "");
        assert_eq!(all[0], "With the plan for “A song”: not this time.");
    }
}

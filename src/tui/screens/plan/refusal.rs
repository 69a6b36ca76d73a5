//! The domain's refusals of a change to a plan item, in the plan screen's kind words.

use crate::journal::PlanError;

/// The domain's refusal, in the screen's own words; `owner` is whose item it is and `other`
/// the partner who reads it.
pub(super) fn refusal_words(why: &PlanError, owner: &str, other: &str) -> String {
    match why {
        PlanError::NotYourPlanItem => format!(
            "This is {owner}'s plan item, so only {owner} changes or retires it. You can agree to it (a) or suggest a change (s)."
        ),
        PlanError::ReviewOwnPlanItem => format!(
            "This is your own plan item, so {other} is the one to agree to it or suggest a change."
        ),
        other_reason => other_reason.to_string(),
    }
}

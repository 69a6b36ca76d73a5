//! The kind sentence shown at the bottom of the screen once a change is saved.

use crate::journal::{
    Change, Journal, PartnerId, PromiseAction, Reveal, ReviewKind, Visibility, WeekStart,
};

/// A kind sentence saying the change is saved, for the note at the bottom of the screen.
pub fn done_words(change: &Change, journal: &Journal) -> String {
    let other = |by: PartnerId| {
        journal
            .other_partner(by)
            .map_or_else(|| "your partner".to_owned(), |p| p.name.clone())
    };
    match change {
        Change::AddPromise(new) => format!(
            "Promise made. {} will see it on their evening screen.",
            other(new.by)
        ),
        Change::ChangePromise { action, by, .. } => match action {
            PromiseAction::Keep => format!("Marked kept. {} can say they noticed.", other(*by)),
            PromiseAction::Break => "Marked not kept. Thank you for saying so honestly.".to_owned(),
            PromiseAction::Withdraw => "The promise is withdrawn.".to_owned(),
            PromiseAction::Renegotiate { .. } => {
                "Renegotiated. The new promise is open; the old one stays in the history."
                    .to_owned()
            }
        },
        Change::AcknowledgePromise { by, .. } | Change::AcknowledgeKindAct { by, .. } => {
            format!("{} will see that you noticed.", other(*by))
        }
        Change::AddKindAct { .. } => "Kind act saved.".to_owned(),
        Change::ReceiveKindAct { from, .. } => format!(
            "Saved as {}'s kind act, noticed by you.",
            journal.name_of(*from)
        ),
        Change::AddPlanItem { owner, .. } => format!(
            "Added to your plan. {} can read it and agree or suggest a change.",
            other(*owner)
        ),
        Change::ReviewPlanItem {
            kind: ReviewKind::Agreed,
            ..
        } => "You agreed to this part of the plan.".to_owned(),
        Change::ReviewPlanItem { by, .. } => {
            format!("Your suggestion is saved for {} to read.", other(*by))
        }
        Change::EditPlanItem { by, .. } => {
            format!("Plan item changed. {} can read it again.", other(*by))
        }
        Change::RetirePlanItem { .. } => "The plan item is retired.".to_owned(),
        Change::LookedAtPlanItem { .. } => {
            "Noted that you looked at it together today. mend offers another look after four weeks."
                .to_owned()
        }
        Change::AddHardMoment {
            visibility: Visibility::Shared,
            by,
            ..
        } => format!("Noted, and shared with {}.", other(*by)),
        Change::AddHardMoment { .. } => "Noted, hidden from your partner's screens.".to_owned(),
        Change::SetMomentOutcome { .. } => "Saved how it went.".to_owned(),
        Change::ReplyToEntry { by, .. } => {
            format!("{} will see your reply under their entry.", other(*by))
        }
        Change::AskForPause { by, .. } => {
            format!("{} will see your pause on their screen.", other(*by))
        }
        Change::SetRole { partner, role } => {
            let name = journal.name_of(*partner);
            format!(
                "{name}'s role: {}. This only changes which prompts {name} is offered.",
                crate::journal::Role::describe_choice(*role)
            )
        }
        Change::RenamePartner { name, .. } => {
            format!("Name saved: {name}. Everything already written keeps its author.")
        }
        Change::SetDayEndsAt { hour } => format!(
            "Saved. An evening now ends at {hour:02}:00; writing before then counts for the evening before."
        ),
        Change::SetWeekStart { week_starts } => format!(
            "Saved. Weeks now start on {}.",
            week_start_name(*week_starts)
        ),
        Change::SetReveal {
            reveal: Reveal::AtOnce,
        } => format!("Saved. {AT_ONCE_FROM_TOMORROW}"),
        Change::SetReveal { reveal } => format!("Saved. {}", reveal_words(*reveal)),
        Change::SetLockAfter { minutes } => format!(
            "Saved. mend now locks itself after {} with no key.",
            crate::words::count(usize::from(*minutes), "minute", "minutes")
        ),
        Change::SaveTalkPart {
            part: crate::journal::TalkPart::MoveTo(crate::journal::TalkStep::Closed),
            ..
        } => "The talk is saved. Thank you both for this time together.".to_owned(),
        Change::SaveTalkPart { .. } => "Saved as you wrote it.".to_owned(),
        Change::LetEarlierVersionsGo { .. } => {
            "The earlier words are let go. The entry keeps the words you see.".to_owned()
        }
        Change::AddEntry(_)
        | Change::EditEntry { .. }
        | Change::SetEntryDeleted { .. }
        | Change::RestoreEntry { .. }
        | Change::Checkin { .. } => "Saved.".to_owned(),
    }
}

/// The first day of the week, as a word.
pub fn week_start_name(week_starts: WeekStart) -> &'static str {
    match week_starts {
        WeekStart::Monday => "Monday",
        WeekStart::Sunday => "Sunday",
    }
}

/// Opening at once, as chosen tonight: it starts with the next evening.
pub const AT_ONCE_FROM_TOMORROW: &str = "From tomorrow evening, shared words open to the other partner as soon as they are saved. Tonight's still wait until you have both written.";

/// When shared words open, in one plain sentence that matches the reveal rule.
pub fn reveal_words(reveal: Reveal) -> &'static str {
    match reveal {
        Reveal::AfterBoth => {
            "Each evening, shared words open to the other partner once they have written too, or when the evening ends."
        }
        Reveal::AtOnce => "Shared words open to the other partner as soon as they are saved.",
    }
}

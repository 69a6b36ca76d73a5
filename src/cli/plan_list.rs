//! `mend plan list`: the plan as text or JSON, with the pauses a partner asked for.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::borrow::Cow;

use super::context::CommandContext;
use super::output::{human_day, say, short, short_ids};
use super::plan_input::partner_named_as;
use crate::journal::text::{one_line, printable};
use crate::journal::{Journal, PartnerId, PlanItem, RecordId, ReviewKind};

/// A plan item as `mend plan list --json` prints it (documented in the README), its words
/// made [`printable`].
#[derive(Serialize)]
struct ListedPlanItem<'a> {
    id: String,
    owner: Cow<'a, str>,
    brings_it_on: Cow<'a, str>,
    helps_me: Cow<'a, str>,
    i_ask_of_you: Cow<'a, str>,
    hard_date: Option<NaiveDate>,
    yearly: bool,
    agreed: bool,
    retired: bool,
    last_looked_at: DateTime<Utc>,
    reviews: Vec<ListedReview<'a>>,
}

#[derive(Serialize)]
struct ListedReview<'a> {
    at: DateTime<Utc>,
    by: Cow<'a, str>,
    kind: ReviewKind,
    note: Option<Cow<'a, str>>,
}

fn listed<'a>(journal: &'a Journal, p: &'a PlanItem) -> ListedPlanItem<'a> {
    ListedPlanItem {
        id: p.meta.id.to_string(),
        owner: printable(journal.name_of(p.owner())),
        brings_it_on: printable(&p.brings_it_on),
        helps_me: printable(&p.helps_me),
        i_ask_of_you: printable(&p.i_ask_of_you),
        hard_date: p.hard_date,
        yearly: p.yearly,
        agreed: p.is_agreed(),
        retired: p.is_retired(),
        last_looked_at: p.last_looked_at,
        reviews: p
            .reviews
            .iter()
            .map(|r| ListedReview {
                at: r.at,
                by: printable(journal.name_of(r.by)),
                kind: r.kind,
                note: r.note.as_deref().map(printable),
            })
            .collect(),
    }
}

/// Where an item stands, in words that carry no blame.
fn standing(journal: &Journal, p: &PlanItem) -> String {
    let other = journal
        .other_partner(p.owner())
        .map_or("your partner", |o| o.name.as_str());
    if p.is_retired() {
        return "retired".to_owned();
    }
    match p.reviews.last().map(|r| r.kind) {
        Some(ReviewKind::Agreed) => format!("agreed by {other}"),
        Some(ReviewKind::SuggestedChange) => format!("{other} suggested a change"),
        Some(ReviewKind::Edited) | None => format!("for {other} to read"),
    }
}

pub fn list(ctx: &CommandContext, only: Option<&str>, json: bool) -> Result<()> {
    let (_, journal) = ctx.load()?;
    // Only a filter: plan items are shared, so either passphrase may list one partner's.
    let only = only
        .map(|name| partner_named_as(&journal, name))
        .transpose()?;
    let mut items: Vec<&PlanItem> = journal
        .live_plan_items()
        .filter(|p| only.is_none_or(|owner| p.owner() == owner))
        .collect();
    // Items in use first, then retired ones; each in the order they were made.
    items.sort_by_key(|p| (p.is_retired(), p.meta.id));
    if json {
        let list: Vec<ListedPlanItem> = items.iter().map(|p| listed(&journal, p)).collect();
        say!("{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    pauses(ctx, &journal, only)?;
    if items.is_empty() {
        say!("No plan items yet. Add one with `mend plan add --as NAME`.")?;
        return Ok(());
    }
    let len = short_ids(
        &journal
            .live_plan_items()
            .map(|p| p.meta.id)
            .collect::<Vec<RecordId>>(),
    );
    let today = ctx.today(&journal);
    for p in items {
        say!(
            "{}  {}'s plan, {}",
            short(p.meta.id, len),
            one_line(journal.name_of(p.owner())),
            standing(&journal, p)
        )?;
        say!("    What brings it on: {}", one_line(&p.brings_it_on))?;
        say!("    What helps me: {}", one_line(&p.helps_me))?;
        say!("    What I ask of you: {}", one_line(&p.i_ask_of_you))?;
        if let Some(date) = p.hard_date {
            let when = if p.yearly {
                format!("{}, every year", date.format("%-d %B"))
            } else {
                human_day(date)
            };
            let next = p
                .next_hard_day(today)
                .filter(|_| p.yearly)
                .map(|d| format!(" (next: {})", human_day(d)))
                .unwrap_or_default();
            say!("    A hard date: {when}{next}")?;
        }
        let looked = p.last_looked_at.with_timezone(ctx.now.offset());
        say!("    Last looked at: {}", human_day(looked.date_naive()))?;
    }
    Ok(())
}

/// The pauses that still hold: to the partner who asked, what they asked for; to anyone else,
/// a request to respect.
fn pauses(ctx: &CommandContext, journal: &Journal, reader: Option<PartnerId>) -> Result<()> {
    for pause in journal.active_pauses(ctx.now_utc()) {
        let until = pause.until.with_timezone(ctx.now.offset());
        let note = pause
            .note
            .as_deref()
            .map(|n| format!(" \"{}\"", one_line(n)))
            .unwrap_or_default();
        let until = until.format("%H:%M");
        if reader == Some(pause.meta.author) {
            say!("You asked for a pause until {until}.{note}")?;
        } else {
            say!(
                "{} asked for a pause until {until}.{note} Please give them this time; it is a request to respect, not a failure.",
                one_line(journal.name_of(pause.meta.author)),
            )?;
        }
    }
    Ok(())
}

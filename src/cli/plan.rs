//! `mend plan`: the plan for hard moments — add an item, agree to it or suggest a change, edit and retire it.

use crate::journal::text::one_line;
use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::context::CommandContext;
use super::input::{not_saved_if_typed, saved_if_typed};
use super::output::{say, short, short_ids};
use super::plan_input::{partner_as, read_parts, refused};
use super::{plan_list, words};
use crate::journal::{HardDate, Journal, RecordId, ReviewKind};

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Add an item to your plan: three lines on standard input (what brings it on, what helps
    /// me, what I ask of you), or three questions at a terminal
    Add {
        /// Whose plan it is
        #[arg(long = "as", value_name = "NAME")]
        author: String,
        /// A date known to be hard
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// The date comes back every year
        #[arg(long, requires = "date")]
        yearly: bool,
    },
    /// List the plan, with any pause your partner asked for
    List {
        /// Only this partner's plan
        #[arg(long = "as", value_name = "NAME")]
        author: Option<String>,
        /// Print JSON (the fields are described in the README)
        #[arg(long)]
        json: bool,
    },
    /// Agree to your partner's plan item
    Agree {
        #[command(flatten)]
        item: ItemArgs,
        /// Read a short note from standard input
        #[arg(long)]
        note_stdin: bool,
    },
    /// Suggest a change to your partner's plan item (the suggestion is read from standard
    /// input, or $EDITOR at a terminal)
    Suggest(ItemArgs),
    /// Give your own plan item new words (three lines on standard input, as for add)
    Edit(ItemArgs),
    /// Retire your own plan item; it stays in the history
    Retire(ItemArgs),
}

#[derive(Debug, Args)]
pub struct ItemArgs {
    /// The plan item's id, or the first few characters of it
    pub id: String,
    /// Who is acting
    #[arg(long = "as", value_name = "NAME")]
    pub author: String,
}

pub fn run(ctx: &CommandContext, command: PlanCommand) -> Result<()> {
    match command {
        PlanCommand::Add {
            author,
            date,
            yearly,
        } => add(ctx, &author, date.map(|day| HardDate { day, yearly })),
        PlanCommand::List { author, json } => plan_list::list(ctx, author.as_deref(), json),
        PlanCommand::Agree { item, note_stdin } => {
            let note = words::given_or_stdin(None, note_stdin, "note")?;
            review(ctx, &item, ReviewKind::Agreed, note)
        }
        PlanCommand::Suggest(item) => review(ctx, &item, ReviewKind::SuggestedChange, None),
        PlanCommand::Edit(item) => edit(ctx, &item),
        PlanCommand::Retire(item) => retire(ctx, &item),
    }
}

fn ids(journal: &Journal) -> Vec<RecordId> {
    journal.live_plan_items().map(|p| p.meta.id).collect()
}

fn add(ctx: &CommandContext, name: &str, date: Option<HardDate>) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let owner = partner_as(&journal, name)?;
    let parts = read_parts()?;
    let id = store.update(|journal| {
        journal
            .add_plan_item(owner, parts, date, ctx.now_utc())
            .map_err(refused)
    })?;
    let journal = store.journal().unwrap_or(&journal);
    let other = journal
        .other_partner(owner)
        .map_or("your partner", |p| p.name.as_str());
    say!(
        "Added to {}'s plan. Its id is {}. {other} can read it and agree or suggest a change.",
        journal.name_of(owner),
        short(id, short_ids(&ids(journal)))
    )?;
    Ok(())
}

/// The item named by `args`, and the partner acting on it, before anything is read.
fn item_and_partner(
    journal: &Journal,
    args: &ItemArgs,
) -> Result<(RecordId, crate::journal::PartnerId)> {
    let by = partner_as(journal, &args.author)?;
    let id = journal
        .plan_item_by_prefix(&args.id)
        .map_err(refused)?
        .meta
        .id;
    Ok((id, by))
}

fn review(
    ctx: &CommandContext,
    args: &ItemArgs,
    kind: ReviewKind,
    note: Option<String>,
) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let (id, by) = item_and_partner(&journal, args)?;
    let item = journal.plan_item_by_prefix(&args.id).map_err(refused)?;
    item.check_can_review(by).map_err(refused)?;
    let typed = match kind {
        ReviewKind::SuggestedChange => {
            let name = one_line(journal.name_of(by));
            let command = ["mend", "plan", "suggest", &args.id, "--as", &name];
            let kind = ("suggestion", Some(by));
            Some(words::given_or_read(
                ctx,
                Vec::new(),
                "suggestion",
                kind,
                &command,
            )?)
        }
        _ => None,
    };
    let note = typed.as_ref().map(|typed| typed.text.clone()).or(note);
    store
        .update(|journal| {
            journal
                .review_plan_item(id, by, kind, note, ctx.now_utc())
                .map_err(refused)
        })
        .map_err(|err| not_saved_if_typed(typed.as_ref(), err))?;
    saved_if_typed(typed.as_ref());
    let owner = journal.name_of(item.owner());
    let done = match kind {
        ReviewKind::Agreed => format!("{} agreed to {owner}'s plan item.", journal.name_of(by)),
        _ => format!(
            "{} suggested a change to {owner}'s plan item. {owner} can edit it with `mend plan edit`.",
            journal.name_of(by)
        ),
    };
    say!("{done}")?;
    Ok(())
}

fn edit(ctx: &CommandContext, args: &ItemArgs) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let (id, by) = item_and_partner(&journal, args)?;
    let item = journal.plan_item_by_prefix(&args.id).map_err(refused)?;
    item.check_can_change(by).map_err(refused)?;
    let was_agreed = item.is_agreed();
    let parts = read_parts()?;
    store.update(|journal| {
        journal
            .edit_plan_item(id, by, parts, ctx.now_utc())
            .map_err(refused)
    })?;
    let again = if was_agreed {
        " It was agreed before; your partner can read it and agree again."
    } else {
        ""
    };
    say!(
        "Plan item {} has its new words.{again}",
        short(id, short_ids(&ids(&journal)))
    )?;
    Ok(())
}

fn retire(ctx: &CommandContext, args: &ItemArgs) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let (id, by) = item_and_partner(&journal, args)?;
    store.update(|journal| {
        journal
            .retire_plan_item(id, by, ctx.now_utc())
            .map_err(refused)
    })?;
    say!(
        "Retired plan item {}. It stays in the history.",
        short(id, short_ids(&ids(&journal)))
    )?;
    Ok(())
}

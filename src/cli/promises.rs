//! `mend promise`: make, list and close promises, and notice them.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::borrow::Cow;

use super::context::{CommandContext, check_flag, other_partner_id, partner_id};
use super::output::{human_day, say, short, short_ids};
use super::{CloseArgs, PromiseCommand, words};
use crate::journal::text::{one_line, printable};
use crate::journal::{
    Journal, NewPromise, Promise, PromiseAction, PromiseSize, PromiseStatus, RecordId,
};

pub fn run(ctx: &CommandContext, command: PromiseCommand) -> Result<()> {
    match command {
        PromiseCommand::Add {
            by,
            to,
            due,
            big,
            text,
        } => add(ctx, &by, &to, due, big, text),
        PromiseCommand::List { open, json } => list(ctx, open, json),
        PromiseCommand::Keep(args) => close(ctx, args, PromiseAction::Keep),
        PromiseCommand::Break(args) => close(ctx, args, PromiseAction::Break),
        PromiseCommand::Withdraw(args) => close(ctx, args, PromiseAction::Withdraw),
        PromiseCommand::Renegotiate {
            close: args,
            text,
            text_stdin,
            due,
        } => {
            let text = words::given_or_stdin(text, text_stdin, "promise")?;
            close(ctx, args, PromiseAction::Renegotiate { text, due })
        }
        PromiseCommand::Ack(args) => {
            let note = words::given_or_stdin(args.note, args.note_stdin, "note")?;
            ack(ctx, &args.id, &args.author, note)
        }
    }
}

fn add(
    ctx: &CommandContext,
    by: &str,
    to: &str,
    due: Option<NaiveDate>,
    big: bool,
    text: Vec<String>,
) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let (by, to) = (partner_id(&journal, by)?, other_partner_id(&journal, to)?);
    if let Some(due) = due {
        check_flag("--due", journal.check_due(due, ctx.today(&journal)))?;
    }
    let (name, other) = (one_line(journal.name_of(by)), one_line(journal.name_of(to)));
    let command = ["mend", "promise", "add", "--by", &name, "--to", &other];
    let typed = words::given_or_read(ctx, text, "promise", ("promise", Some(by)), &command)?;
    let id = store
        .update(|journal| {
            let today = ctx.today(journal);
            let new = NewPromise {
                by,
                to,
                text: typed.text.clone(),
                made: today,
                due,
                // No size given is stored as none, not as "small".
                size: big.then_some(PromiseSize::Big),
            };
            Ok(journal.add_promise(new, ctx.now_utc(), today)?)
        })
        .map_err(|err| typed.not_saved(err))?;
    typed.saved();
    let journal = store.journal().unwrap_or(&journal);
    let due = due
        .map(|d| format!(", due {}", human_day(d)))
        .unwrap_or_default();
    say!(
        "{} made a promise to {}{due}. Its id is {}.",
        journal.name_of(by),
        journal.name_of(to),
        short(id, short_ids(&promise_ids(journal)))
    )?;
    Ok(())
}

fn promise_ids(journal: &Journal) -> Vec<RecordId> {
    journal.live_promises().map(|p| p.meta.id).collect()
}

/// The promiser acts on their promise; the action's actor is always the one who made it,
/// so in an encrypted journal it takes their own passphrase.
fn close(ctx: &CommandContext, args: CloseArgs, action: PromiseAction) -> Result<()> {
    let id = args.id.as_str();
    let (mut store, journal) = ctx.load_as(|journal| Ok(journal.promise_by_prefix(id)?.by()))?;
    let promise_id = journal.promise_by_prefix(id)?.meta.id;
    if let PromiseAction::Renegotiate { due: Some(due), .. } = &action {
        check_flag("--due", journal.check_due(*due, ctx.today(&journal)))?;
    }
    let note = words::given_or_stdin(args.note, args.note_stdin, "note")?;
    let status = action.status();
    let replacement = store.update(|journal| {
        let today = ctx.today(journal);
        let promise = journal.promise_by_prefix(id)?;
        let by = promise.by();
        Ok(journal.change_promise(promise_id, by, action, note, ctx.now_utc(), today)?)
    })?;
    let journal = store.journal().unwrap_or(&journal);
    let len = short_ids(&promise_ids(journal));
    let replaced = replacement
        .map(|new| format!(" The renegotiated promise's id is {}.", short(new, len)))
        .unwrap_or_default();
    say!(
        "Marked promise {} {status}.{replaced}",
        short(promise_id, len)
    )?;
    Ok(())
}

fn ack(ctx: &CommandContext, id: &str, name: &str, note: Option<String>) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_id(&journal, name)?;
    let promise_id = journal.promise_by_prefix(id)?.meta.id;
    store.update(|journal| {
        Ok(journal.acknowledge_promise(promise_id, by, note, ctx.now_utc())?)
    })?;
    say!(
        "{} noticed promise {}. Thank you for noticing.",
        journal.name_of(by),
        short(promise_id, short_ids(&promise_ids(&journal)))
    )?;
    Ok(())
}

/// A promise as `mend promise list --json` prints it (documented in the README), its
/// words made [`printable`].
#[derive(Serialize)]
pub struct ListedPromise<'a> {
    pub id: String,
    pub by: Cow<'a, str>,
    pub to: Cow<'a, str>,
    pub text: Cow<'a, str>,
    pub made: NaiveDate,
    pub due: Option<NaiveDate>,
    pub size: Option<PromiseSize>,
    pub status: PromiseStatus,
    pub history: Vec<ListedChange<'a>>,
    pub acknowledged: Option<ListedAck<'a>>,
    pub renegotiated_from: Option<String>,
    pub replaced_by: Option<String>,
}

#[derive(Serialize)]
pub struct ListedChange<'a> {
    pub at: DateTime<Utc>,
    pub by: Cow<'a, str>,
    pub status: PromiseStatus,
    pub note: Option<Cow<'a, str>>,
}

#[derive(Serialize)]
pub struct ListedAck<'a> {
    pub by: Cow<'a, str>,
    pub at: DateTime<Utc>,
    pub note: Option<Cow<'a, str>>,
}

fn listed<'a>(journal: &'a Journal, p: &'a Promise) -> ListedPromise<'a> {
    ListedPromise {
        id: p.meta.id.to_string(),
        by: printable(journal.name_of(p.by())),
        to: printable(journal.name_of(p.to)),
        text: printable(&p.text),
        made: p.made,
        due: p.due,
        size: p.size,
        status: p.status,
        history: p
            .history
            .iter()
            .map(|c| ListedChange {
                at: c.at,
                by: printable(journal.name_of(c.by)),
                status: c.status,
                note: c.note.as_deref().map(printable),
            })
            .collect(),
        acknowledged: p.noticed().map(|a| ListedAck {
            by: printable(journal.name_of(a.by)),
            at: a.at,
            note: a.note.as_deref().map(printable),
        }),
        renegotiated_from: p.renegotiated_from.map(|id| id.to_string()),
        replaced_by: p.replaced_by.map(|id| id.to_string()),
    }
}

/// Open promises first (soonest due first), then closed ones (most recently made first).
pub fn in_list_order(journal: &Journal) -> Vec<&Promise> {
    let mut promises: Vec<&Promise> = journal.live_promises().collect();
    promises.sort_by(|a, b| {
        let open = b.status.is_open().cmp(&a.status.is_open());
        let due = |p: &Promise| (p.due.is_none(), p.due, p.made);
        let order = if a.status.is_open() && b.status.is_open() {
            due(a).cmp(&due(b))
        } else {
            b.made.cmp(&a.made)
        };
        open.then(order).then(a.meta.id.cmp(&b.meta.id))
    });
    promises
}

fn list(ctx: &CommandContext, open_only: bool, json: bool) -> Result<()> {
    let (_, journal) = ctx.load()?;
    let today = ctx.today(&journal);
    let promises: Vec<&Promise> = in_list_order(&journal)
        .into_iter()
        .filter(|p| !open_only || p.status.is_open())
        .collect();
    if json {
        let list: Vec<ListedPromise> = promises.iter().map(|p| listed(&journal, p)).collect();
        say!("{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    if promises.is_empty() {
        say!("No promises yet. Make one with `mend promise add --by NAME --to NAME TEXT`.")?;
        return Ok(());
    }
    let len = short_ids(&promise_ids(&journal));
    for p in promises {
        let due = match p.due {
            Some(due) if p.is_overdue(today) => format!("  was due {}", human_day(due)),
            Some(due) => format!("  due {}", human_day(due)),
            None => String::new(),
        };
        let noticed = if p.noticed().is_some() {
            "  (noticed)"
        } else {
            ""
        };
        say!(
            "{}  {:<12}  {} to {}: {}{due}{noticed}",
            short(p.meta.id, len),
            p.status.words(),
            one_line(journal.name_of(p.by())),
            one_line(journal.name_of(p.to)),
            one_line(&p.text)
        )?;
    }
    Ok(())
}

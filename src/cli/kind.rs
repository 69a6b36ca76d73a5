//! `mend kind`: kind acts done without being asked, and noticing them.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;

use super::context::{CommandContext, other_partner_id, partner_id};
use super::output::{human_day, say, short, short_ids};
use super::{KindCommand, words};
use crate::journal::text::{one_line, printable};
use crate::journal::{Journal, KindAct, RecordId};

pub fn run(ctx: &CommandContext, command: KindCommand) -> Result<()> {
    match command {
        KindCommand::Add { by, day, text } => add(ctx, &by, day, text),
        KindCommand::Received {
            author,
            from,
            day,
            text,
        } => received(ctx, &author, from.as_deref(), day, text),
        KindCommand::List { json } => list(ctx, json),
        KindCommand::Ack(args) => {
            let note = words::given_or_stdin(args.note, args.note_stdin, "note")?;
            ack(ctx, &args.id, &args.author, note)
        }
    }
}

fn ids(journal: &Journal) -> Vec<RecordId> {
    journal.live_kind_acts().map(|k| k.meta.id).collect()
}

fn add(ctx: &CommandContext, by: &str, day: Option<NaiveDate>, text: Vec<String>) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_id(&journal, by)?;
    ctx.check_day_flag(&journal, "--day", day)?;
    let name = one_line(journal.name_of(by));
    let command = ["mend", "kind", "add", "--by", &name];
    let typed = words::given_or_read(ctx, text, "kind act", ("kind-act", Some(by)), &command)?;
    let id = store
        .update(|journal| {
            let today = ctx.today(journal);
            let day = day.unwrap_or(today);
            Ok(journal.add_kind_act(by, &typed.text, day, ctx.now_utc(), today)?)
        })
        .map_err(|err| typed.not_saved(err))?;
    typed.saved();
    let journal = store.journal().unwrap_or(&journal);
    say!(
        "Logged a kind act by {}. Its id is {}.",
        journal.name_of(by),
        short(id, short_ids(&ids(journal)))
    )?;
    Ok(())
}

/// "You did this for me": the receiver logs the other partner's kindness, which counts as
/// noticed. Who did it is checked before any words are read, so a refusal costs no typing.
fn received(
    ctx: &CommandContext,
    name: &str,
    from: Option<&str>,
    day: Option<NaiveDate>,
    text: Vec<String>,
) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_id(&journal, name)?;
    let doer = match from {
        Some(from) => other_partner_id(&journal, from)?,
        None => journal
            .other_partner(by)
            .map(|p| p.id)
            .ok_or_else(|| anyhow::anyhow!("This journal has no other partner to have done it."))?,
    };
    journal.check_can_receive(by, doer)?;
    ctx.check_day_flag(&journal, "--day", day)?;
    let name = one_line(journal.name_of(by));
    let command = ["mend", "kind", "received", "--as", &name];
    let kind = ("kind-received", Some(by));
    let typed = words::given_or_read(ctx, text, "kind act", kind, &command)?;
    let id = store
        .update(|journal| {
            let today = ctx.today(journal);
            let day = day.unwrap_or(today);
            Ok(journal.add_kind_act_received(by, doer, &typed.text, day, ctx.now_utc(), today)?)
        })
        .map_err(|err| typed.not_saved(err))?;
    typed.saved();
    let journal = store.journal().unwrap_or(&journal);
    say!(
        "Logged as {doer_name}'s kind act for {me}, and noticed by {me}. Its id is {}.",
        short(id, short_ids(&ids(journal))),
        doer_name = journal.name_of(doer),
        me = journal.name_of(by),
    )?;
    Ok(())
}

fn ack(ctx: &CommandContext, id: &str, name: &str, note: Option<String>) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_id(&journal, name)?;
    let act_id = journal.kind_act_by_prefix(id)?.meta.id;
    store.update(|journal| Ok(journal.acknowledge_kind_act(act_id, by, note, ctx.now_utc())?))?;
    say!(
        "{} noticed it. Thank you for noticing.",
        journal.name_of(by)
    )?;
    Ok(())
}

/// A kind act as `mend kind list --json` prints it, its words made [`printable`].
#[derive(Serialize)]
struct ListedKindAct<'a> {
    id: String,
    /// Who did it.
    by: Cow<'a, str>,
    /// Who wrote it down: the doer, or the partner it was done for.
    logged_by: Cow<'a, str>,
    day: NaiveDate,
    text: Cow<'a, str>,
    acknowledged_by: Option<Cow<'a, str>>,
    acknowledged_note: Option<Cow<'a, str>>,
}

fn list(ctx: &CommandContext, json: bool) -> Result<()> {
    let (_, journal) = ctx.load()?;
    let mut acts: Vec<&KindAct> = journal.live_kind_acts().collect();
    acts.sort_by(|a, b| b.day.cmp(&a.day).then(b.meta.id.cmp(&a.meta.id)));
    if json {
        let list: Vec<ListedKindAct> = acts
            .iter()
            .map(|k| ListedKindAct {
                id: k.meta.id.to_string(),
                by: printable(journal.name_of(k.doer())),
                logged_by: printable(journal.name_of(k.meta.author)),
                day: k.day,
                text: printable(&k.text),
                acknowledged_by: k
                    .acknowledged
                    .as_ref()
                    .map(|a| printable(journal.name_of(a.by))),
                acknowledged_note: k
                    .acknowledged
                    .as_ref()
                    .and_then(|a| a.note.as_deref())
                    .map(printable),
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    if acts.is_empty() {
        say!("No kind acts logged yet. Log one with `mend kind add --by NAME TEXT`.")?;
        return Ok(());
    }
    let len = short_ids(&ids(&journal));
    for k in acts {
        say!(
            "{}  {}  {}",
            short(k.meta.id, len),
            human_day(k.day),
            act_line(&journal, k)
        )?;
    }
    Ok(())
}

/// One line of `mend kind list` after the id and day: "Alex: Made tea  (noticed)", or for
/// a kindness received "Alex did this for Sam: Soup  (Sam noted it)".
fn act_line(journal: &Journal, k: &KindAct) -> String {
    let doer = one_line(journal.name_of(k.doer()));
    let text = one_line(&k.text);
    let noticed_by = k.acknowledged.as_ref().map(|ack| ack.by);
    match k.received_by() {
        Some(receiver) => {
            let name = one_line(journal.name_of(receiver));
            let noted = if noticed_by == Some(receiver) {
                format!("  ({name} noted it)")
            } else {
                String::new()
            };
            format!("{doer} did this for {name}: {text}{noted}")
        }
        None if noticed_by.is_some() => format!("{doer}: {text}  (noticed)"),
        None => format!("{doer}: {text}"),
    }
}

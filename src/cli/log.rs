//! `mend log`: the entries a reader may read, with the earlier versions they may read under
//! them, and tonight's still-waiting words only named.

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::borrow::Cow;

use super::LogArgs;
use super::context::{CommandContext, partner_id, usage};
use super::output::{human_day, say};
use super::week_flag::couples_week;
use crate::journal::text::{one_line, printable};
use crate::journal::{Entry, Journal, Query, Reader, Sight, Stage, Visibility, local_time};

/// One entry as `mend log --json` prints it, its words made [`printable`].
#[derive(Serialize)]
struct LoggedEntry<'a> {
    id: String,
    day: chrono::NaiveDate,
    author: Cow<'a, str>,
    stage: Stage,
    visibility: Visibility,
    prompt_id: Option<Cow<'a, str>>,
    prompt: Option<Cow<'a, str>>,
    text: Cow<'a, str>,
    created: DateTime<Utc>,
    /// When its author changed it after it opened to the reader.
    #[serde(skip_serializing_if = "Option::is_none")]
    edited: Option<DateTime<Utc>>,
    replies: Vec<LoggedReply<'a>>,
    /// The words this entry held on another computer, kept beside it, that the reader may
    /// read (see [`Entry::earlier_versions_for`]). Left out while there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    earlier_versions: Vec<LoggedVersion<'a>>,
}

/// An earlier version under an entry, as `mend log --json` prints it.
#[derive(Serialize)]
struct LoggedVersion<'a> {
    text: Cow<'a, str>,
    visibility: Visibility,
    updated: DateTime<Utc>,
}

/// A reply under an entry: `text` is null when it only says "I read this".
#[derive(Serialize)]
struct LoggedReply<'a> {
    id: String,
    by: Cow<'a, str>,
    text: Option<Cow<'a, str>>,
    created: DateTime<Utc>,
    updated: DateTime<Utc>,
}

pub fn log(ctx: &CommandContext, args: LogArgs) -> Result<()> {
    let (_, journal) = ctx.load()?;
    let reader = match &args.author {
        Some(name) => Reader::Partner(partner_id(&journal, name)?),
        None => Reader::Both,
    };
    let week = match &args.week {
        Some(text) => Some(couples_week(&journal, text, ctx.today(&journal))?),
        None => None,
    };
    let first = journal.first_written();
    let query = match &args.grep {
        Some(text) => Some(Query::new(text).ok_or_else(|| {
            usage("--grep needs a word or more to look for, such as --grep walk.".to_owned())
        })?),
        None => None,
    };
    let mut entries: Vec<(&Entry, Option<DateTime<Utc>>)> = journal
        .live_entries()
        .filter(|e| week.is_none_or(|w| w.contains(e.day)))
        .filter_map(|e| match journal.sight_with(&first, e, reader, ctx.now) {
            Sight::Open { edited } => Some((e, edited)),
            Sight::Waiting | Sight::Hidden => None,
        })
        .filter(|(e, _)| query.as_ref().is_none_or(|q| journal.entry_matches(e, q)))
        .collect();
    entries.sort_by_key(|(e, _)| (e.day, e.meta.created, e.meta.id));
    if args.json {
        let list: Vec<LoggedEntry> = entries
            .iter()
            .map(|(e, edited)| logged(&journal, e, *edited, reader))
            .collect();
        say!("{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    // A search shows what it found; words still waiting are not part of it.
    let tonight_shown = query.is_none() && week.is_none_or(|w| w.contains(ctx.today(&journal)));
    let waiting = if tonight_shown {
        journal.waiting_authors(reader, ctx.now)
    } else {
        Vec::new()
    };
    if let Some(text) = args.grep.as_deref().filter(|_| entries.is_empty()) {
        say!("Nothing found for “{}”.", one_line(text.trim()))?;
    } else if entries.is_empty() && waiting.is_empty() {
        say!(
            "No entries to show yet. Write one with `mend write --as NAME --stage communication`."
        )?;
    }
    for (index, (entry, edited)) in entries.iter().enumerate() {
        if index > 0 {
            say!()?;
        }
        let private = if entry.is_shared() { "" } else { " · private" };
        let edited = edited
            .map(|at| {
                let local = local_time(at, ctx.now.offset());
                format!(
                    " · edited {} {}",
                    human_day(local.date()),
                    local.format("%H:%M")
                )
            })
            .unwrap_or_default();
        say!(
            "{}  {} · {}{private}{edited}",
            human_day(entry.day),
            one_line(journal.name_of(entry.meta.author)),
            entry.stage
        )?;
        if let Some(prompt) = &entry.prompt {
            say!("  > {}", one_line(prompt))?;
        }
        for line in printable(&entry.text).lines() {
            say!("  {line}")?;
        }
        for reply in journal.replies_to(entry.meta.id) {
            say!(
                "  ↳ {}: {}",
                one_line(journal.name_of(reply.meta.author)),
                one_line(reply.words())
            )?;
        }
        for version in entry.earlier_versions_for(reader) {
            let at = local_time(version.updated, ctx.now.offset());
            let private = match version.visibility {
                Visibility::Private => " · private",
                Visibility::Shared => "",
            };
            say!(
                "  Also written for this, on another computer ({} {}){private}:",
                human_day(at.date()),
                at.format("%H:%M")
            )?;
            for line in printable(&version.text).lines() {
                say!("    {line}")?;
            }
        }
    }
    for (index, author) in waiting.into_iter().enumerate() {
        if index > 0 || !entries.is_empty() {
            say!()?;
        }
        let name = one_line(journal.name_of(author));
        let when = match reader {
            Reader::Partner(_) => "once you have written yours tonight",
            Reader::Both => "once you have both written tonight",
        };
        say!("{name} has written tonight. Their words open {when}, or when the evening ends.")?;
    }
    Ok(())
}

fn logged<'a>(
    journal: &'a Journal,
    e: &'a Entry,
    edited: Option<DateTime<Utc>>,
    reader: Reader,
) -> LoggedEntry<'a> {
    LoggedEntry {
        id: e.meta.id.to_string(),
        day: e.day,
        author: printable(journal.name_of(e.meta.author)),
        stage: e.stage,
        visibility: e.visibility,
        prompt_id: e.prompt_id.as_deref().map(printable),
        prompt: e.prompt.as_deref().map(printable),
        text: printable(&e.text),
        created: e.meta.created,
        edited,
        replies: journal
            .replies_to(e.meta.id)
            .into_iter()
            .map(|r| LoggedReply {
                id: r.meta.id.to_string(),
                by: printable(journal.name_of(r.meta.author)),
                text: r.text.as_deref().map(printable),
                created: r.meta.created,
                updated: r.meta.updated,
            })
            .collect(),
        earlier_versions: e
            .earlier_versions_for(reader)
            .into_iter()
            .map(|v| LoggedVersion {
                text: printable(&v.text),
                visibility: v.visibility,
                updated: v.updated,
            })
            .collect(),
    }
}

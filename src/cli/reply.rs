//! `mend reply`: "I read this" on your partner's shared entry, with a few words if you like.

use anyhow::Result;
use clap::Args;

use super::context::{CommandContext, usage};
use super::input::{not_saved_if_typed, saved_if_typed};
use super::output::say;
use super::plan_input::{partner_as, refused, refused_flag};
use super::words;
use crate::journal::PlanError;
use crate::journal::text::one_line;

#[derive(Debug, Args)]
pub struct ReplyArgs {
    /// The entry's id, or the first few characters of it (`mend log --json` shows ids)
    pub entry: String,
    /// Who is replying
    #[arg(long = "as", value_name = "NAME")]
    pub author: String,
    /// Say only "I read this", without words (otherwise the reply is read from standard
    /// input, or $EDITOR at a terminal)
    #[arg(long)]
    pub just_read: bool,
}

pub fn reply(ctx: &CommandContext, args: ReplyArgs) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_as(&journal, &args.author)?;
    let today = ctx.today(&journal);
    // Every rule is checked before anyone types, so no words are refused afterwards.
    let entry = journal
        .known_entry_by_prefix(&args.entry, by)
        .map_err(|err| refused_flag("ENTRY", PlanError::from(err)))?;
    journal
        .check_can_reply(entry, by, today)
        .map_err(|err| refused(err.into()))?;
    let typed = if args.just_read {
        None
    } else {
        let name = one_line(journal.name_of(by));
        let command = ["mend", "reply", &args.entry, "--as", &name];
        let kind = ("reply", Some(by));
        let typed = words::given_or_read(ctx, Vec::new(), "reply", kind, &command)?;
        if typed.text.trim().is_empty() {
            typed.saved();
            return Err(usage(
                "The reply is empty; nothing was saved. To say only that you read it, use --just-read.",
            ));
        }
        Some(typed)
    };
    let text = typed.as_ref().map(|typed| typed.text.clone());
    store
        .update(|journal| {
            journal
                .reply_to_entry(entry, by, text.clone(), ctx.now_utc(), today)
                .map_err(refused)
        })
        .map_err(|err| not_saved_if_typed(typed.as_ref(), err))?;
    saved_if_typed(typed.as_ref());
    let journal = store.journal().unwrap_or(&journal);
    let author = journal
        .live_entries()
        .find(|e| e.meta.id == entry)
        .map_or("Your partner", |e| journal.name_of(e.meta.author));
    say!(
        "Saved. {} will see your reply under their entry.",
        one_line(author)
    )?;
    Ok(())
}

//! `mend talk show`: the week's talk, read back. Writing a talk is done together on the full
//! screen, so the command line only reads it.

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::context::CommandContext;
use super::output::say;
use crate::export::TalkPart;

#[derive(Debug, Subcommand)]
pub enum TalkCommand {
    /// Show a week's talk: appreciations, each one issue with what was heard, the answers
    /// and the promises made from it
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The ISO week, like 2026-W48 [default: the last complete week; in a journal begun
    /// this week, this week]
    #[arg(long, value_name = "YYYY-Www")]
    pub week: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// The week's talk as `mend talk show --json` prints it; `talk` is `null` without one.
#[derive(Serialize)]
struct Shown<'a> {
    week: String,
    talk: Option<&'a TalkPart>,
}

pub fn run(ctx: &CommandContext, command: TalkCommand) -> Result<()> {
    let TalkCommand::Show(args) = command;
    let (_, journal) = ctx.load()?;
    let today = ctx.today(&journal);
    let week = match &args.week {
        Some(text) => super::week_flag::couples_week(&journal, text, today)?,
        None => super::week_flag::default_week(&journal, today),
    };
    let talk = crate::export::talk(&journal, week);
    if args.json {
        let shown = Shown {
            week: week.to_string(),
            talk: talk.as_ref(),
        };
        return say!("{}", serde_json::to_string_pretty(&shown)?);
    }
    match talk {
        Some(part) => say!(
            "Week {week}\n\n{}",
            crate::export::talk_markdown(&part).trim_end()
        ),
        None => say!(
            "No weekly talk for week {week}. Start one together from \"Both of us\" in mend (press w)."
        ),
    }
}

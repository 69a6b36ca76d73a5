//! `mend export`: one week's summary as Markdown, JSON or HTML, to standard output or a file.

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

use super::context::{CommandContext, check_flag, usage};
use super::output::{say, warn, write_stdout};
use crate::export::{ExportError, Format};
use crate::journal::{Journal, Week};
use crate::progress::Progress;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The ISO week to summarise, like 2026-W48 [default: the last complete week]
    #[arg(long, value_name = "YYYY-Www", conflicts_with = "date")]
    pub week: Option<String>,
    /// Summarise the week holding this evening
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// md (Markdown), json or html
    #[arg(long, value_enum, default_value = "md", ignore_case = true)]
    pub format: FormatArg,
    /// Write to this file (mode 0600) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it already exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    #[value(name = "md")]
    Markdown,
    Json,
    Html,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
        }
    }
}

pub fn export(ctx: &CommandContext, args: ExportArgs) -> Result<()> {
    if let Some(path) = args.output.as_deref()
        && ctx.paths.is_mends_own(path)
    {
        return Err(usage(format!(
            "{} is mend's own (the journal, or a file mend keeps beside it); a summary is never written over it, even with --force. Give another file name.",
            path.display()
        )));
    }
    let (_, journal) = ctx.load()?;
    let today = ctx.today(&journal);
    let progress = Progress::compute(&journal, today, ctx.now.offset());
    let week = chosen_week(&journal, &progress, &args)?;
    let format = Format::from(args.format);
    let Some(path) = args.output else {
        let summary = crate::export::render(&journal, &progress, week, format)?;
        if journal.is_sealed() {
            // Said on stderr, so the summary piped or redirected stays as it is.
            warn(format_args!(
                "The summary below is not encrypted: wherever you send or keep it, anyone who can open it can read it."
            ));
        }
        return write_stdout(format_args!("{summary}"));
    };
    if path.is_dir() {
        return Err(usage(format!(
            "{} is a folder; give a file name in it, such as {}.",
            path.display(),
            path.join(crate::export::default_file_name(week, format))
                .display()
        )));
    }
    match crate::export::write_week(&journal, &progress, week, format, &path, args.force) {
        Ok(path) => {
            say!("Wrote the summary of week {week} to {}.", path.display())?;
            if journal.is_sealed() {
                // The journal is encrypted; what you export is not, because you asked for it.
                say!(
                    "The summary is not encrypted: anyone who can open {} can read it. Delete it when you are done with it.",
                    path.display()
                )?;
            }
            Ok(())
        }
        Err(ExportError::Exists(path)) => Err(usage(format!(
            "There is already a file at {}; add --force to replace it.",
            path.display()
        ))),
        Err(err) => Err(err.into()),
    }
}

/// The week asked for, or the last complete week (this week, in a journal begun this week);
/// a usage error outside the journal's range.
fn chosen_week(journal: &Journal, progress: &Progress, args: &ExportArgs) -> Result<Week> {
    let today = progress.today();
    if let Some(text) = &args.week {
        return super::week_flag::couples_week(journal, text, today);
    }
    if let Some(day) = args.date {
        check_flag("--date", journal.check_day(day, today))?;
        return Ok(progress.week_of(day));
    }
    Ok(super::week_flag::default_week(journal, today))
}

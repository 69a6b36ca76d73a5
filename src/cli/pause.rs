//! `mend pause`: ask for a pause until a time this evening, which your partner sees as a request to respect.

use anyhow::Result;
use clap::Args;

use super::context::CommandContext;
use super::output::say;
use super::plan_input::{partner_as, refused, refused_flag};
use super::words;
use crate::journal::parse_clock_time;

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// Who asks for the pause
    #[arg(long = "as", value_name = "NAME")]
    pub author: String,
    /// When you will come back, as HH:MM (this evening, or tomorrow if that time has passed)
    #[arg(long, value_name = "HH:MM")]
    pub until: String,
    /// Read a short note from standard input
    #[arg(long)]
    pub note_stdin: bool,
}

pub fn run(ctx: &CommandContext, args: PauseArgs) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_as(&journal, &args.author)?;
    let at = parse_clock_time(&args.until).map_err(|err| refused_flag("--until", err))?;
    let note = words::given_or_stdin(None, args.note_stdin, "note")?;
    let until = store.update(|journal| {
        let id = journal
            .ask_for_pause(by, at, note, ctx.now)
            .map_err(refused)?;
        let until = journal
            .live_pauses()
            .find(|p| p.meta.id == id)
            .map(|p| p.until);
        Ok(until)
    })?;
    let until = until.map(|u| u.with_timezone(ctx.now.offset()));
    let when = match until {
        Some(u) if u.date_naive() == ctx.now.date_naive() => u.format("%H:%M").to_string(),
        Some(u) => u.format("%H:%M tomorrow").to_string(),
        None => args.until.trim().to_owned(),
    };
    say!(
        "Pause asked for until {when}. {} will see it as a request to respect.",
        journal
            .other_partner(by)
            .map_or("Your partner", |p| p.name.as_str())
    )?;
    Ok(())
}

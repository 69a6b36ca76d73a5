//! `mend moment`: note a hard moment in a line or two, private unless shared, and later say how it went.

use crate::journal::text::one_line;
use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};

use super::context::CommandContext;
use super::output::{say, short, short_ids};
use super::plan_input::{partner_as, refused, refused_flag};
use super::words;
use crate::journal::{Journal, MomentOutcome, RecordId, Visibility};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct MomentArgs {
    /// Who is noting the moment
    #[arg(long = "as", value_name = "NAME", required = true)]
    pub author: Option<String>,
    /// The plan item it was met with (its id, or the first few characters of it)
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,
    /// Let your partner see it (without this it stays hidden from your partner's screens,
    /// lists and exports; sealed with your own passphrase only if the journal is encrypted)
    #[arg(long)]
    pub shared: bool,
    #[command(subcommand)]
    pub command: Option<MomentCommand>,
}

#[derive(Debug, Subcommand)]
pub enum MomentCommand {
    /// Say how a hard moment you noted went
    Outcome {
        /// The moment's id, or the first few characters of it
        id: String,
        /// Who noted it
        #[arg(long = "as", value_name = "NAME")]
        author: String,
        /// How it went
        #[arg(value_enum)]
        outcome: OutcomeArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutcomeArg {
    Helped,
    Partly,
    NotThisTime,
}

impl From<OutcomeArg> for MomentOutcome {
    fn from(arg: OutcomeArg) -> Self {
        match arg {
            OutcomeArg::Helped => MomentOutcome::Helped,
            OutcomeArg::Partly => MomentOutcome::Partly,
            OutcomeArg::NotThisTime => MomentOutcome::NotThisTime,
        }
    }
}

pub fn run(ctx: &CommandContext, args: MomentArgs) -> Result<()> {
    match (args.command, args.author) {
        (
            Some(MomentCommand::Outcome {
                id,
                author,
                outcome,
            }),
            _,
        ) => set_outcome(ctx, &id, &author, outcome.into()),
        (None, Some(author)) => note(ctx, &author, args.plan.as_deref(), args.shared),
        // clap requires --as when no subcommand is given.
        (None, None) => Err(super::context::usage("mend moment needs --as NAME.")),
    }
}

fn ids(journal: &Journal) -> Vec<RecordId> {
    journal.live_hard_moments().map(|m| m.meta.id).collect()
}

fn note(ctx: &CommandContext, name: &str, plan: Option<&str>, shared: bool) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_as(&journal, name)?;
    let plan_item = plan
        .map(|prefix| journal.plan_item_by_prefix(prefix))
        .transpose()
        .map_err(|err| refused_flag("--plan", err))?
        .map(|item| item.meta.id);
    let name = one_line(journal.name_of(by));
    let command = ["mend", "moment", "--as", &name];
    let kind = ("moment", Some(by));
    let typed = words::given_or_read(ctx, Vec::new(), "hard moment", kind, &command)?;
    let visibility = if shared {
        Visibility::Shared
    } else {
        Visibility::Private
    };
    let id = store
        .update(|journal| {
            journal
                .add_hard_moment(by, &typed.text, plan_item, visibility, ctx.now_utc())
                .map_err(refused)
        })
        .map_err(|err| typed.not_saved(err))?;
    typed.saved();
    let journal = store.journal().unwrap_or(&journal);
    let seen = match (shared, journal.is_sealed()) {
        (true, _) => "Your partner can see it.",
        (false, true) => {
            "It is hidden from your partner's screens, lists and exports, and sealed with your own passphrase."
        }
        (false, false) => {
            "It is hidden from your partner's screens, lists and exports (not locked or encrypted)."
        }
    };
    say!(
        "Noted. {seen} Its id is {}; later you can say how it went with `mend moment outcome`.",
        short(id, short_ids(&ids(journal)))
    )?;
    Ok(())
}

fn set_outcome(
    ctx: &CommandContext,
    prefix: &str,
    name: &str,
    outcome: MomentOutcome,
) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let by = partner_as(&journal, name)?;
    let moment = journal.hard_moment_by_prefix(by, prefix).map_err(refused)?;
    let id = moment.meta.id;
    store.update(|journal| {
        journal
            .set_moment_outcome(id, by, outcome, ctx.now_utc())
            .map_err(refused)
    })?;
    say!("Saved: {}. Thank you for looking back.", outcome.words())?;
    Ok(())
}

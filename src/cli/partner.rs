//! `mend partner rename|role`: give a partner a new name, or change their role.

use anyhow::Result;
use clap::Subcommand;

use super::context::{CommandContext, partner_id};
use super::output::say;
use super::usage_error::usage;
use crate::journal::text::one_line;
use crate::journal::{Change, Role};

#[derive(Debug, Subcommand)]
pub enum PartnerCommand {
    /// Give a partner a new name (up to 40 characters, not the other partner's); everything
    /// they wrote stays theirs
    Rename {
        /// The partner's name now
        name: String,
        /// The new name
        new_name: String,
    },
    /// Change a partner's role: hurt, repairing, both, or none for not saying. A role only
    /// chooses which prompts that partner is offered
    Role {
        /// The partner's name
        name: String,
        /// hurt, repairing, both or none
        role: String,
    },
}

pub fn run(ctx: &CommandContext, command: PartnerCommand) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    // A name or role the journal refuses writes nothing.
    let change = match &command {
        PartnerCommand::Rename { name, new_name } => Change::RenamePartner {
            partner: partner_id(&journal, name)?,
            name: new_name.clone(),
        },
        PartnerCommand::Role { name, role } => Change::SetRole {
            partner: partner_id(&journal, name)?,
            role: Role::parse_choice(role).ok_or_else(|| {
                usage(format!(
                    "\"{}\" is not a role; use hurt, repairing, both or none.",
                    one_line(role.trim())
                ))
            })?,
        },
    };
    store.update(|journal| {
        let today = ctx.today(journal);
        change
            .apply(journal, ctx.now_utc(), today)
            .map_err(domain_or_plan)
    })?;
    let journal = store.journal().unwrap_or(&journal);
    match change {
        Change::RenamePartner { partner, .. } => say!(
            "Saved. mend calls this partner {} from now on; everything already written keeps its author.",
            one_line(journal.name_of(partner))
        ),
        Change::SetRole { partner, role } => say!(
            "Saved. {}'s role: {}. {}",
            one_line(journal.name_of(partner)),
            Role::describe_choice(role),
            Role::EXPLAINED
        ),
        _ => Ok(()),
    }
}

/// A refusal as the error the rest of the CLI gives: a domain refusal keeps its kind, so
/// a bad name exits with 2 like any other mistake in what was typed.
fn domain_or_plan(err: crate::journal::PlanError) -> anyhow::Error {
    match err {
        crate::journal::PlanError::Domain(domain) => domain.into(),
        other => other.into(),
    }
}

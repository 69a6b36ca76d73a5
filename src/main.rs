//! The `mend` binary: parse the command line and dispatch.

use clap::Parser;
use std::process::ExitCode;

use mend::cli::{Cli, CommandContext, StdoutClosed, UsageError};
use mend::journal::DomainError;
use mend::paths::Paths;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of a pipe stopped reading (`mend log | head`): it has what it wanted.
        Err(err) if err.chain().any(|cause| cause.is::<StdoutClosed>()) => ExitCode::SUCCESS,
        Err(err) => {
            mend::cli::warn(format_args!("{err:#}"));
            if is_usage(&err) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let ctx = CommandContext {
        paths: Paths::resolve(cli.journal)?,
        now: mend::now::now()?,
    };
    match cli.command {
        Some(command) => mend::cli::run(command, &ctx),
        None => mend::tui::run(&ctx.paths, mend::now::now),
    }
}

fn is_usage(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<UsageError>().is_some()
            || cause
                .downcast_ref::<DomainError>()
                .is_some_and(DomainError::is_usage)
    })
}

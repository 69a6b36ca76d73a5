//! The `mend` binary: parse the command line and dispatch.

use std::process::ExitCode;

use mend::cli::{Cli, CommandContext, StdoutClosed, UsageError};
use mend::journal::DomainError;
use mend::paths::Paths;
use mend::tui::signals::Stopped;

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        // --help and --version: mend's own words, printed as clap prints them.
        Err(err) if !err.use_stderr() => err.exit(),
        // A mistake in what was typed, which clap quotes: through the same gate as every
        // other message, so a control character typed or pasted never reaches the terminal.
        Err(err) => {
            let args: Vec<String> = std::env::args_os()
                .skip(1)
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            let err = with_help_usage(err, &args);
            mend::cli::write_stderr(&err.render().to_string());
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of a pipe stopped reading (`mend log | head`): it has what it wanted.
        Err(err) if err.chain().any(|cause| cause.is::<StdoutClosed>()) => ExitCode::SUCCESS,
        // A signal stopped the full screen (the terminal is given back and the draft kept):
        // say so while there is a terminal to say it to (after a hang-up there is none), and
        // exit with 128 + the signal, as the shell expects.
        Err(err) if err.chain().any(|cause| cause.is::<Stopped>()) => {
            mend::cli::warn(format_args!("{err:#}"));
            let stopped = err
                .chain()
                .find_map(|cause| cause.downcast_ref::<Stopped>());
            ExitCode::from(stopped.map_or(1, Stopped::exit_code))
        }
        Err(err) => {
            mend::cli::warn(format_args!("{}", mend::message::error_text(&err)));
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
        // args_os: a path given may hold any bytes, which std::env::args would panic on.
        acting: mend::cli::acting_partner(
            std::env::args_os()
                .skip(1)
                .map(|arg| arg.to_string_lossy().into_owned()),
        ),
    };
    match cli.command {
        Some(command) => mend::cli::run(command, &ctx),
        None => mend::tui::run(&ctx.paths, mend::now::now),
    }
}

fn is_usage(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<UsageError>().is_some()
            || cause.is::<mend::now::BadNow>()
            || cause.downcast_ref::<mend::editor::NotUsable>().is_some()
            || cause
                .downcast_ref::<DomainError>()
                .is_some_and(DomainError::is_usage)
            || cause
                .downcast_ref::<mend::journal::PlanError>()
                .is_some_and(mend::journal::PlanError::is_usage)
    })
}

/// The command line, with `MEND_JOURNAL` set to nothing read as not set (the default
/// journal), as `--journal` given no path would be refused.
fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let mut command = Cli::command();
    if std::env::var_os("MEND_JOURNAL").is_some_and(|value| value.is_empty()) {
        command = command.mut_arg("journal", |arg| arg.env(None::<&str>));
    }
    command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
}

/// clap's refusal of what was typed, with the usage line the command's `--help` shows
/// (`mend passphrase recover [OPTIONS] --as <NAME>`). clap's own line lists every option
/// that was given, `--journal` (or `MEND_JOURNAL`) too, beside the required ones, so an
/// optional flag read as one more thing to type.
fn with_help_usage(mut err: clap::Error, args: &[String]) -> clap::Error {
    use clap::CommandFactory;
    use clap::error::{ContextKind, ContextValue};
    if err.get(ContextKind::Usage).is_none() {
        return err;
    }
    let mut root = Cli::command();
    root.build();
    // The subcommand typed: each word that names a subcommand of the one found so far.
    let mut command = &root;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--journal" {
            words.next();
            continue;
        }
        if let Some(sub) = command.find_subcommand(word) {
            command = sub;
        }
    }
    let usage = command.clone().render_usage();
    err.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    err
}

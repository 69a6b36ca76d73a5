//! What the plan commands read: a plan item's three parts, the partner named with `--as`, and refusals as exit codes.

use anyhow::{Context, Result};
use std::io::{BufRead, IsTerminal};

use super::context::usage;
use super::input::read_limited;
use super::output::write_stderr;
use crate::journal::{Journal, PartnerId, PlanError, PlanParts};

/// The three parts, in the order they are read.
const QUESTIONS: [&str; 3] = [
    "What brings it on? ",
    "What helps me? ",
    "What I ask of you: ",
];

/// A plan item's three parts: at a terminal, asked one by one; otherwise three lines on
/// standard input, in order (what brings it on, what helps me, what I ask of you). Blank
/// lines are skipped.
pub fn read_parts() -> Result<PlanParts> {
    let stdin = std::io::stdin();
    let lines = if stdin.is_terminal() {
        let mut answers = Vec::new();
        for question in QUESTIONS {
            write_stderr(question);
            let mut line = String::new();
            stdin
                .lock()
                .read_line(&mut line)
                .context("Could not read the plan item from the terminal")?;
            answers.push(line);
        }
        answers
    } else {
        let text = read_limited(stdin.lock(), "plan item")?;
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(str::to_owned)
            .collect()
    };
    let [brings_it_on, helps_me, i_ask_of_you]: [String; 3] =
        lines.try_into().map_err(|lines: Vec<String>| {
            usage(format!(
                "A plan item is three lines on standard input: what brings it on, what helps you, and what you ask of your partner; {} given. Nothing was saved.",
                crate::words::count(lines.len(), "line was", "lines were")
            ))
        })?;
    Ok(PlanParts {
        brings_it_on,
        helps_me,
        i_ask_of_you,
    })
}

/// The partner named with `--as`, refused (exit 2) with the flag named when unknown.
pub fn partner_named_as(journal: &Journal, name: &str) -> Result<PartnerId> {
    journal
        .partner_named(name)
        .map(|p| p.id)
        .map_err(|err| usage(format!("--as: {err}")))
}

/// The partner acting, named with `--as`: refused (exit 2) when unknown, and (exit 1) in an
/// encrypted journal opened with the other partner's passphrase.
pub fn partner_as(journal: &Journal, name: &str) -> Result<PartnerId> {
    let partner = partner_named_as(journal, name)?;
    super::context::their_own_passphrase(journal, partner)?;
    Ok(partner)
}

/// A refusal of the plan's rules: exit 2 for what was typed, 1 for the journal's state.
pub fn refused(err: PlanError) -> anyhow::Error {
    if err.is_usage() {
        usage(err.to_string())
    } else {
        anyhow::Error::new(err)
    }
}

/// Like [`refused`], with `flag` named before the reason.
pub fn refused_flag(flag: &str, err: PlanError) -> anyhow::Error {
    if err.is_usage() {
        usage(format!("{flag}: {err}"))
    } else {
        anyhow::Error::new(err)
    }
}

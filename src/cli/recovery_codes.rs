//! Showing the recovery codes `mend encrypt` made: one at a time, each to its partner alone, at a terminal.

use std::io::IsTerminal;

use age::secrecy::{ExposeSecret, SecretString};
use anyhow::{Context, Result};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};

use super::output::write_stdout;
use crate::journal::text::one_line;
use crate::journal::{
    Journal, PartnerId, RECOVERY_CODE_WORDS, recovery_code_next_words, recovery_code_words_for,
};
use crate::unlock::input::PASSPHRASE_FILE;

/// Shows each partner's recovery code once. Typed at a terminal, where both partners are,
/// each code shows to its partner alone: the other is asked to look away, and the code is
/// shown on the terminal's second screen, gone from it (and from its scrollback) once kept.
/// For a script (a passphrase file, or output that is not a terminal) they are printed
/// together, since one person runs it.
pub fn show(journal: &Journal, codes: &[(PartnerId, SecretString)]) -> Result<()> {
    let named: Vec<(String, &SecretString)> = codes
        .iter()
        .map(|(partner, code)| {
            let name = journal
                .partner(*partner)
                .map_or("?".into(), |p| one_line(&p.name));
            (name.into_owned(), code)
        })
        .collect();
    let at_a_terminal = std::io::stdout().is_terminal()
        && std::io::stdin().is_terminal()
        && std::env::var_os(PASSPHRASE_FILE).is_none();
    if !at_a_terminal {
        write_stdout(format_args!("\n{RECOVERY_CODE_WORDS}\n\n"))?;
        for (name, code) in &named {
            write_stdout(format_args!("  {name}: {}\n", code.expose_secret()))?;
        }
        return Ok(());
    }
    for (n, (name, code)) in named.iter().enumerate() {
        let others: Vec<&str> = (named.iter().enumerate())
            .filter(|(other, _)| *other != n)
            .map(|(_, (other, _))| other.as_str())
            .collect();
        write_stdout(format_args!(
            "\n{}\n",
            recovery_code_next_words(name, &others)
        ))?;
        wait_for_enter("Press Enter to show it.")?;
        execute!(std::io::stdout(), EnterAlternateScreen)
            .context("Could not show the recovery code on the terminal")?;
        let shown = write_stdout(format_args!(
            "\n{}\n\n  {}\n\n",
            recovery_code_words_for(name),
            code.expose_secret()
        ))
        .and_then(|()| {
            wait_for_enter("Press Enter once you have kept it; it then leaves the screen.")
        });
        // Back to the usual screen whatever happened, so the code does not stay on it.
        let _ = execute!(std::io::stdout(), LeaveAlternateScreen);
        shown?;
        write_stdout(format_args!(
            "{name}'s recovery code was shown, and kept.\n"
        ))?;
    }
    Ok(())
}

/// Waits for Enter at the terminal; nothing typed is shown or kept.
fn wait_for_enter(prompt: &str) -> Result<()> {
    rpassword::prompt_password(format!("{prompt} "))
        .map(drop)
        .context("Could not read Enter from the terminal")
}

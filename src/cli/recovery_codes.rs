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
    // The passphrases were typed at the terminal (read from /dev/tty), so both are there.
    let at_a_terminal = std::io::stdout().is_terminal()
        && std::fs::File::open("/dev/tty").is_ok()
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
        show_one(name, code, &others).map_err(|err| {
            let unseen: Vec<String> = named[n..]
                .iter()
                .map(|(name, _)| {
                    let command = ["mend", "passphrase", "new-code", "--as", name.as_str()];
                    format!("`{}`", crate::shell::command(&command))
                })
                .collect();
            err.context(format!(
                "The journal is encrypted, but the recovery code of {} was not shown; {} makes a new one",
                named[n..]
                    .iter()
                    .map(|(name, _)| name.as_str())
                    .collect::<Vec<_>>()
                    .join(" and "),
                unseen.join(" and ")
            ))
        })?;
    }
    Ok(())
}

/// Asks the others to look away, then shows `name`'s code on the terminal's second screen
/// until Enter, and goes back to the usual screen whatever happens, so the code stays on
/// neither the screen nor its scrollback.
fn show_one(name: &str, code: &SecretString, others: &[&str]) -> Result<()> {
    write_stdout(format_args!(
        "\n{}\n",
        wrapped(&recovery_code_next_words(name, others))
    ))?;
    wait_for_enter("Press Enter to show it.")?;
    execute!(std::io::stdout(), EnterAlternateScreen)
        .context("Could not show the recovery code on the terminal")?;
    let shown = write_stdout(format_args!(
        "\n{}\n\n  {}\n\n",
        wrapped(&recovery_code_words_for(name)),
        code.expose_secret()
    ))
    .and_then(|()| wait_for_enter("Press Enter once you have kept it; it then leaves the screen."));
    let _ = execute!(std::io::stdout(), LeaveAlternateScreen);
    shown?;
    write_stdout(format_args!("{name}'s recovery code was shown.\n"))
}

/// Waits for Enter at the terminal, with the terminal in raw mode so nothing typed shows and
/// Ctrl-C is a key, not a signal that would end mend with a code still on the screen: the
/// journal is encrypted by now, so Ctrl-C goes on like Enter rather than lose a code unseen.
fn wait_for_enter(prompt: &str) -> Result<()> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    // Raw before the prompt shows: an Enter typed the moment it appears is read as Enter, not
    // left in the terminal's line buffer as a newline (which raw mode reads as Ctrl-J).
    enable_raw_mode().context("Could not read Enter from the terminal")?;
    let pressed = match write_stdout(format_args!("{prompt} ")) {
        Err(err) => Err(std::io::Error::other(err)),
        Ok(()) => loop {
            match event::read() {
                Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                    let newline = key.code == KeyCode::Char('j') && ctrl;
                    let ctrl_c = key.code == KeyCode::Char('c') && ctrl;
                    if key.code == KeyCode::Enter || newline || ctrl_c {
                        break Ok(());
                    }
                }
                Ok(_) => {}
                Err(err) => break Err(err),
            }
        },
    };
    let _ = disable_raw_mode();
    write_stdout(format_args!("\n"))?;
    pressed.context("Could not read Enter from the terminal")
}

/// `text` broken between words to fit the terminal's width (80 columns when it cannot be
/// told), so no word is cut in two at the edge.
fn wrapped(text: &str) -> String {
    let columns = ratatui::crossterm::terminal::size().map_or(80, |(columns, _)| columns);
    wrap_to(text, usize::from(columns.max(20)) - 1)
}

fn wrap_to(text: &str, columns: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > columns {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::wrap_to;

    #[test]
    fn words_are_never_cut_at_the_edge() {
        let text = "Keep it somewhere safe and apart from this laptop (on paper, say).";
        let lines = wrap_to(text, 20);
        assert_eq!(
            lines,
            "Keep it somewhere\nsafe and apart from\nthis laptop (on\npaper, say)."
        );
        assert!(lines.lines().all(|l| l.chars().count() <= 20));
    }
}

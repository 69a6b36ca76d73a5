//! Printing to standard output, and small helpers for printing records: dates, short ids.

use chrono::NaiveDate;
use std::fmt;
use std::io::Write;

use crate::journal::RecordId;
use crate::journal::text::printable;

/// A day as people read it: "Wed 25 Nov 2026".
pub fn human_day(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

/// The shortest prefix (at least 8 characters) that tells each id apart from the others.
pub fn short_ids(ids: &[RecordId]) -> usize {
    let texts: Vec<String> = ids.iter().map(|id| id.simple().to_string()).collect();
    let mut sorted = texts.clone();
    sorted.sort();
    let shared = sorted
        .windows(2)
        .map(|pair| {
            pair[0]
                .bytes()
                .zip(pair[1].bytes())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    (shared + 1).clamp(8, 32)
}

/// The first `len` characters of an id, without dashes.
pub fn short(id: RecordId, len: usize) -> String {
    id.simple().to_string()[..len.min(32)].to_owned()
}

/// Standard output was closed before mend finished writing (as in `mend log | head`): the
/// reader has what it wanted, so `main` ends quietly and successfully on this.
#[derive(Debug, thiserror::Error)]
#[error("standard output was closed")]
pub struct StdoutClosed;

/// Writes `text` to standard output. Unlike `print!`, a closed pipe is not a panic but
/// [`StdoutClosed`], and any other failure is an error that says what it was writing to.
///
/// Everything goes through [`printable`] on the way out, so no control character a journal
/// holds reaches the terminal, whichever command printed it.
pub fn write_stdout(text: fmt::Arguments<'_>) -> anyhow::Result<()> {
    let text = text.to_string();
    let mut out = std::io::stdout().lock();
    match out
        .write_all(printable(&text).as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Err(StdoutClosed.into()),
        Err(err) => Err(anyhow::Error::new(err).context("Could not write to standard output")),
    }
}

/// `println!` for commands: `say!(...)?` writes a line through [`write_stdout`].
macro_rules! say {
    () => {
        $crate::cli::output::write_stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use say;

/// Writes a line to standard error, through [`printable`] like everything mend prints.
pub fn warn(text: fmt::Arguments<'_>) {
    write_stderr(&format!("mend: {text}\n"));
}

/// Writes `text` to standard error, through [`printable`].
pub fn write_stderr(text: &str) {
    // Nothing useful can be done if standard error itself cannot be written.
    let _ = std::io::stderr()
        .lock()
        .write_all(printable(text).as_bytes());
}

//! Where the words of a promise, a kind act or a note come from: the arguments, or standard input and `$EDITOR` as for entries.

use anyhow::Result;

use super::input::{read_limited, read_text};

/// The words given as arguments, or, when none were, read like an entry's text: from
/// standard input, or from `$VISUAL`/`$EDITOR` when standard input is a terminal.
pub fn given_or_read(words: Vec<String>, what: &str) -> Result<String> {
    if words.is_empty() {
        return read_text(what);
    }
    Ok(words.join(" "))
}

/// Words given with an option (`--note`, `--text`), or read from standard input with its
/// `-stdin` twin (`--note-stdin`, `--text-stdin`).
pub fn given_or_stdin(
    given: Option<String>,
    from_stdin: bool,
    what: &str,
) -> Result<Option<String>> {
    if from_stdin {
        return Ok(Some(read_limited(std::io::stdin().lock(), what)?));
    }
    Ok(given)
}

//! Where the words of a promise, a kind act or a note come from: the arguments, or standard input and `$EDITOR` as for entries.

use anyhow::Result;

use super::context::CommandContext;
use super::input::{TypedText, read_kept_text, read_limited};
use crate::editor::KeptKind;
use crate::journal::PartnerId;

/// The words given as arguments, or, when none were, read like an entry's text: from
/// standard input, or from `$VISUAL`/`$EDITOR` when standard input is a terminal, in a file
/// kept for `kind` of writing by `partner` until it is saved ([`TypedText`]). `command` is
/// what opens that file again, as typed (names quoted as the shell needs).
pub fn given_or_read(
    ctx: &CommandContext,
    words: Vec<String>,
    what: &str,
    (kind, partner): (&str, Option<PartnerId>),
    command: &[&str],
) -> Result<TypedText> {
    let kind = KeptKind::words(kind, partner, &crate::shell::command(command));
    if words.is_empty() {
        return read_kept_text(&ctx.paths.drafts, kind, what);
    }
    Ok(TypedText::given(words.join(" "), kind))
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

//! Reading entry text from stdin or the partner's editor, never from the command line.

use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::Command;

use crate::journal::MAX_TEXT_BYTES;

/// Reads text from stdin, or opens `$VISUAL`/`$EDITOR` when stdin is a terminal.
pub fn read_text(what: &str) -> Result<String> {
    if std::io::stdin().is_terminal() {
        return edit_in_editor("", what);
    }
    read_limited(std::io::stdin().lock(), what)
}

/// Reads up to the size limit, refusing more (without reading all of a huge paste).
pub fn read_limited(reader: impl Read, what: &str) -> Result<String> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_TEXT_BYTES).unwrap_or(u64::MAX) + 1;
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .with_context(|| format!("Could not read the {what} from standard input"))?;
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(super::usage(format!(
            "The {what} is over the 1 MiB limit; nothing was saved."
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        super::usage(format!(
            "The {what} on standard input is not UTF-8 text; nothing was saved."
        ))
    })
}

/// The command the partner chose for editing text, if any.
pub fn editor_command() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
}

/// Opens the editor on `initial` in a private temp folder (0700, file 0600), removed afterwards.
pub fn edit_in_editor(initial: &str, what: &str) -> Result<String> {
    let Some(editor) = editor_command() else {
        return Err(super::usage(format!(
            "Type the {what} on standard input (for example: echo \"...\" | mend ...), or set $EDITOR."
        )));
    };
    let folder = tempfile::Builder::new()
        .prefix("mend-")
        .tempdir()
        .context("Could not create a private temporary folder for the editor")?;
    let file = folder.path().join("entry.md");
    write_private(&file, initial)?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("mend-editor")
        .arg(&file)
        .status()
        .with_context(|| format!("Could not start the editor \"{editor}\""))?;
    if !status.success() {
        bail!("The editor \"{editor}\" did not finish cleanly ({status}); nothing was saved.");
    }
    let text =
        std::fs::read(&file).context("Could not read back what was written in the editor")?;
    read_limited(text.as_slice(), what)
}

fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("Could not create {}", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("Could not write {}", path.display()))
}

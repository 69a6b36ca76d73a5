//! Reading entry text from stdin or the partner's editor, never from the command line.

use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::journal::{MAX_TEXT_BYTES, PartnerId};
use crate::store::create_private_dir;

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

/// Opens the editor on `initial` in a private temp folder (0700 whatever the umask, file
/// 0600), removed afterwards. Entries use [`read_entry_text`], which keeps the file instead.
pub fn edit_in_editor(initial: &str, what: &str) -> Result<String> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("mend-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let folder = builder
        .tempdir()
        .context("Could not create a private temporary folder for the editor")?;
    let file = folder.path().join("entry.md");
    write_private(&file, initial)?;
    run_editor(&file, what)
}

/// Opens `$VISUAL`/`$EDITOR` on `file` and reads back what it holds when the editor is done.
fn run_editor(file: &Path, what: &str) -> Result<String> {
    let editor = chosen_editor(what)?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("mend-editor")
        .arg(file)
        .status()
        .with_context(|| format!("Could not start the editor \"{editor}\""))?;
    if !status.success() {
        bail!("The editor \"{editor}\" did not finish cleanly ({status}); nothing was saved.");
    }
    let text = std::fs::read(file).context("Could not read back what was written in the editor")?;
    read_limited(text.as_slice(), what)
}

/// The editor to use, or what to do when none is set.
fn chosen_editor(what: &str) -> Result<String> {
    editor_command().ok_or_else(|| {
        super::usage(format!(
            "Type the {what} on standard input (for example: echo \"...\" | mend ...), or set $EDITOR."
        ))
    })
}

/// An entry's text as typed: from standard input, or from the editor in a file kept in the
/// drafts folder (0600) until the entry is saved, so that no failure and no killed terminal
/// loses it. The next `mend write` at a terminal for the same partner opens it again.
pub struct TypedEntry {
    pub text: String,
    /// The file holding the text, while it is not in the journal.
    pub kept: Option<PathBuf>,
    /// The file was kept from an earlier `mend write` (or the full-screen editor).
    pub reopened: bool,
}

/// Files of `partner`'s writing kept from the editor in `drafts`, newest first.
pub fn kept_texts(drafts: &Path, partner: PartnerId) -> Vec<PathBuf> {
    let prefix = format!("{partner}.");
    let Ok(read) = std::fs::read_dir(drafts) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = read
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix) && name.ends_with(".md")
        })
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified());
            (modified.unwrap_or(std::time::UNIX_EPOCH), e.path())
        })
        .collect();
    found.sort();
    found.into_iter().rev().map(|(_, path)| path).collect()
}

/// A new private file for `partner`'s writing in `drafts` (0700), holding `initial`.
pub fn new_kept_text(drafts: &Path, partner: PartnerId, initial: &str) -> Result<PathBuf> {
    create_private_dir(drafts)
        .with_context(|| format!("Could not create the drafts folder {}", drafts.display()))?;
    let (mut file, path) = tempfile::Builder::new()
        .prefix(&format!("{partner}."))
        .suffix(".md")
        .tempfile_in(drafts)
        .and_then(|file| file.keep().map_err(|e| e.error))
        .with_context(|| {
            format!(
                "Could not create a private file for the editor in {}",
                drafts.display()
            )
        })?;
    use std::io::Write;
    file.write_all(initial.as_bytes())
        .with_context(|| format!("Could not write {}", path.display()))?;
    Ok(path)
}

/// Runs the editor on a kept file and reads it back; the file stays whatever happens.
pub fn edit_kept_text(path: &Path, what: &str) -> Result<String> {
    run_editor(path, what)
}

/// Reads an entry for `partner` from standard input, or at a terminal from the editor (on
/// the newest kept text, if one is waiting).
pub fn read_entry_text(drafts: &Path, partner: PartnerId) -> Result<TypedEntry> {
    if !std::io::stdin().is_terminal() {
        let text = read_limited(std::io::stdin().lock(), "entry")?;
        return Ok(TypedEntry {
            text,
            kept: None,
            reopened: false,
        });
    }
    // Said before any file is made.
    chosen_editor("entry")?;
    let earlier = kept_texts(drafts, partner).into_iter().next();
    let reopened = earlier.is_some();
    let path = match earlier {
        Some(path) => path,
        None => new_kept_text(drafts, partner, "")?,
    };
    let text = edit_kept_text(&path, "entry").map_err(|e| keeping(e, &path))?;
    Ok(TypedEntry {
        text,
        kept: Some(path),
        reopened,
    })
}

impl TypedEntry {
    /// The entry is in the journal: the kept file is no longer needed.
    pub fn saved(&self) {
        if let Some(path) = &self.kept {
            // A file that cannot be removed only means the text is offered once more.
            let _ = std::fs::remove_file(path);
        }
    }

    /// The save failed: the error, saying where the text is kept.
    pub fn not_saved(&self, error: anyhow::Error) -> anyhow::Error {
        match &self.kept {
            Some(path) => keeping(error, path),
            None => error,
        }
    }
}

/// `error`, with where the writing is kept; an empty file is removed instead (nothing to keep).
pub fn keeping(error: anyhow::Error, path: &Path) -> anyhow::Error {
    let blank = std::fs::read(path).map_or(true, |bytes| bytes.iter().all(u8::is_ascii_whitespace));
    if blank {
        let _ = std::fs::remove_file(path);
        return error;
    }
    error.context(format!(
        "Your writing is kept in {} (readable only by you; your next `mend write` at a terminal opens it again). What happened",
        path.display()
    ))
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

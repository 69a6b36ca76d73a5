//! `$VISUAL`/`$EDITOR`: opening the partner's editor on text, and the private files that keep it.

use anyhow::{Context, Result, bail};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::journal::{MAX_TEXT_BYTES, PartnerId};

/// The text cannot be taken as it is, or there is no editor to take it from: the person has
/// to do something else first (on the command line, a usage error).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NotUsable(pub String);

fn not_usable(message: String) -> anyhow::Error {
    anyhow::Error::new(NotUsable(message))
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
        return Err(not_usable(format!(
            "The {what} is over the 1 MiB limit; nothing was saved."
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        not_usable(format!(
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
pub fn chosen_editor(what: &str) -> Result<String> {
    editor_command().ok_or_else(|| {
        not_usable(format!(
            "Type the {what} on standard input (for example: echo \"...\" | mend ...), or set $EDITOR."
        ))
    })
}

/// What opens an entry's kept writing again.
const ENTRY_AGAIN: &str = "your next `mend write` at a terminal opens it again";

/// Which writing a kept file holds, by how its name begins in the drafts folder: an entry's
/// is `PARTNER.….md`, other words' `KIND.PARTNER.….md` (or `KIND.….md` for the couple's),
/// so each command offers back only its own; and the command that opens it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptKind {
    prefix: String,
    again: String,
}

impl KeptKind {
    /// An entry of `partner`'s, which `mend write` and the app's writing screen offer again.
    pub fn entry(partner: PartnerId) -> KeptKind {
        KeptKind {
            prefix: format!("{partner}."),
            again: ENTRY_AGAIN.to_owned(),
        }
    }

    /// Words of `kind` (a word safe in a file name) by `partner`, or of the couple, which
    /// `command` (as it would be typed) opens again.
    pub fn words(kind: &str, partner: Option<PartnerId>, command: &str) -> KeptKind {
        let prefix = match partner {
            Some(partner) => format!("{kind}.{partner}."),
            None => format!("{kind}."),
        };
        KeptKind {
            prefix,
            again: format!("the next `{command}` at a terminal opens it again"),
        }
    }

    /// What opens writing of this kind again, as a reader is told.
    pub fn again(&self) -> &str {
        &self.again
    }
}

/// Files of `partner`'s entries kept from the editor in `drafts`, newest first.
pub fn kept_texts(drafts: &Path, partner: PartnerId) -> Vec<PathBuf> {
    kept_of(drafts, &KeptKind::entry(partner))
}

/// Files of writing of `kind` kept from the editor in `drafts`, newest first.
pub fn kept_of(drafts: &Path, kind: &KeptKind) -> Vec<PathBuf> {
    kept_named(drafts, |name| name.starts_with(&kind.prefix))
}

/// Every file of writing kept from the editor in `drafts`, whatever it holds, newest first.
pub fn every_kept_text(drafts: &Path) -> Vec<PathBuf> {
    kept_named(drafts, |_| true)
}

fn kept_named(drafts: &Path, wanted: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(drafts) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = read
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            wanted(&name) && name.ends_with(".md")
        })
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified());
            (modified.unwrap_or(std::time::UNIX_EPOCH), e.path())
        })
        .collect();
    found.sort();
    found.into_iter().rev().map(|(_, path)| path).collect()
}

/// A new private file for `partner`'s entry in `drafts`, holding `initial`. The caller
/// makes the folder first, private (0700), with the store's `create_private_dir`.
pub fn new_kept_text(drafts: &Path, partner: PartnerId, initial: &str) -> Result<PathBuf> {
    new_kept(drafts, &KeptKind::entry(partner), initial)
}

/// A new private file for writing of `kind` in `drafts` (made private first), holding
/// `initial`.
pub fn new_kept(drafts: &Path, kind: &KeptKind, initial: &str) -> Result<PathBuf> {
    let (mut file, path) = tempfile::Builder::new()
        .prefix(&kind.prefix)
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

/// `error`, with where an entry's writing is kept; an empty file is removed instead.
pub fn keeping(error: anyhow::Error, path: &Path) -> anyhow::Error {
    keeping_as(error, path, ENTRY_AGAIN)
}

/// `error`, with where writing is kept and what opens it `again`; an empty file is removed
/// instead (nothing to keep).
pub fn keeping_as(error: anyhow::Error, path: &Path, again: &str) -> anyhow::Error {
    let blank = std::fs::read(path).map_or(true, |bytes| bytes.iter().all(u8::is_ascii_whitespace));
    if blank {
        let _ = std::fs::remove_file(path);
        return error;
    }
    error.context(format!(
        "Your writing is kept in {} (readable only by you; {}). What happened",
        path.display(),
        again
    ))
}

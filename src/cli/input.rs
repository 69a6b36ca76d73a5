//! Reading entry text from stdin or the partner's editor, never from the command line.

use anyhow::{Context, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::editor::{chosen_editor, edit_in_editor, edit_kept_text, keeping};
use crate::journal::PartnerId;
use crate::store::create_private_dir;

pub use crate::editor::{kept_texts, read_limited};

/// Reads text from stdin, or opens `$VISUAL`/`$EDITOR` when stdin is a terminal.
pub fn read_text(what: &str) -> Result<String> {
    if std::io::stdin().is_terminal() {
        return edit_in_editor("", what);
    }
    read_limited(std::io::stdin().lock(), what)
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
        None => new_kept_text_in(drafts, partner)?,
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

/// A new empty file for `partner`'s writing in the drafts folder, made private first.
fn new_kept_text_in(drafts: &Path, partner: PartnerId) -> Result<PathBuf> {
    create_private_dir(drafts)
        .with_context(|| format!("Could not create the drafts folder {}", drafts.display()))?;
    crate::editor::new_kept_text(drafts, partner, "")
}

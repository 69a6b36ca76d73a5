//! Reading writing from stdin or the partner's editor, never from the command line.

use anyhow::{Context, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::editor::{KeptKind, chosen_editor, edit_kept_text, keeping_as, kept_of, new_kept};
use crate::journal::PartnerId;
use crate::store::create_private_dir;

pub use crate::editor::{kept_texts, read_limited};

/// Writing as typed: from standard input, or from the editor in a file kept in the drafts
/// folder (0600) until it is saved, so that no refusal, no failure and no killed terminal
/// loses it. The same command at a terminal for the same partner opens it again.
pub struct TypedText {
    pub text: String,
    /// The file holding the text, while it is not in the journal.
    pub kept: Option<PathBuf>,
    /// The file was kept from an earlier run (or, for an entry, the full-screen editor).
    pub reopened: bool,
    kind: KeptKind,
}

/// Reads an entry for `partner` from standard input, or at a terminal from the editor (on
/// the newest kept text, if one is waiting).
pub fn read_entry_text(drafts: &Path, partner: PartnerId) -> Result<TypedText> {
    read_kept_text(drafts, KeptKind::entry(partner), "entry")
}

/// Reads writing of `kind` (called `what`) from standard input, or at a terminal from the
/// editor, on the newest kept text of that kind if one is waiting.
pub fn read_kept_text(drafts: &Path, kind: KeptKind, what: &str) -> Result<TypedText> {
    if !std::io::stdin().is_terminal() {
        return Ok(TypedText::given(
            read_limited(std::io::stdin().lock(), what)?,
            kind,
        ));
    }
    // Said before any file is made.
    chosen_editor(what)?;
    let earlier = kept_of(drafts, &kind).into_iter().next();
    let reopened = earlier.is_some();
    let path = match earlier {
        Some(path) => path,
        None => new_kept_in(drafts, &kind)?,
    };
    let text = edit_kept_text(&path, what).map_err(|e| keeping_as(e, &path, kind.again()))?;
    Ok(TypedText {
        text,
        kept: Some(path),
        reopened,
        kind,
    })
}

impl TypedText {
    /// Words given on the command line or standard input: no file holds them.
    pub fn given(text: String, kind: KeptKind) -> TypedText {
        TypedText {
            text,
            kept: None,
            reopened: false,
            kind,
        }
    }

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
            Some(path) => keeping_as(error, path, self.kind.again()),
            None => error,
        }
    }
}

/// [`TypedText::not_saved`] for words a command may not have read at all.
pub fn not_saved_if_typed(typed: Option<&TypedText>, error: anyhow::Error) -> anyhow::Error {
    match typed {
        Some(typed) => typed.not_saved(error),
        None => error,
    }
}

/// [`TypedText::saved`] for words a command may not have read at all.
pub fn saved_if_typed(typed: Option<&TypedText>) {
    if let Some(typed) = typed {
        typed.saved();
    }
}

/// A new empty file for writing of `kind` in the drafts folder, made private first.
fn new_kept_in(drafts: &Path, kind: &KeptKind) -> Result<PathBuf> {
    create_private_dir(drafts)
        .with_context(|| format!("Could not create the drafts folder {}", drafts.display()))?;
    new_kept(drafts, kind, "")
}

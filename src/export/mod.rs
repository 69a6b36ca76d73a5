//! The weekly summary export: one week of the journal as Markdown, JSON or HTML, written safely.
//!
//! Every figure comes from `Progress`, so the export and the progress view never disagree.
//! Private entries and private hard moments never appear, not even as a count.

mod blocks;
mod document;
mod html;
mod json;
mod markdown;
mod moments;
mod moments_words;
mod summary;
mod talk;

pub use summary::{Summary, WHAT_WOULD_HELP_PROMPT};
pub use talk::TalkPart;

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::journal::{Journal, Week};
use crate::progress::Progress;
use crate::store::{RealFs, SaveError, write_atomically};

/// The formats a summary can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Json,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Json, Format::Html];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// Why a summary could not be written. Either way, nothing was written.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("There is already a file at {}; mend leaves it as it is.", .0.display())]
    Exists(PathBuf),
    #[error("Could not write the summary to {}: {source}.", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("Could not turn the summary into JSON: {0}.")]
    Json(#[from] serde_json::Error),
}

/// The summary of `week` in `format`. `progress` must have been computed from `journal`.
pub fn render(
    journal: &Journal,
    progress: &Progress,
    week: Week,
    format: Format,
) -> Result<String, ExportError> {
    let summary = Summary::build(journal, progress, week);
    Ok(match format {
        Format::Markdown => markdown::render(&summary),
        Format::Json => json::render(&summary)?,
        Format::Html => html::render(&summary),
    })
}

/// The week's talk as the summary shows it (`None` when there was none), for `mend talk show`.
pub fn talk(journal: &Journal, week: Week) -> Option<talk::TalkPart> {
    talk::talk(journal, week)
}

/// The week's talk as the summary's Markdown section.
pub fn talk_markdown(part: &talk::TalkPart) -> String {
    let mut blocks = Vec::new();
    talk::talk_words(Some(part), &mut blocks);
    markdown::render_blocks(&blocks)
}

/// A file name for the summary of `week`, like `mend-2026-W48.md`.
pub fn default_file_name(week: Week, format: Format) -> String {
    format!("mend-{week}.{}", format.extension())
}

/// Writes the summary of `week` to `path` atomically with mode 0600, and returns the path.
///
/// An existing file is left as it is unless `force` is true. Nothing is written on any error.
pub fn write_week(
    journal: &Journal,
    progress: &Progress,
    week: Week,
    format: Format,
    path: &Path,
    force: bool,
) -> Result<PathBuf, ExportError> {
    let text = render(journal, progress, week, format)?;
    write_file(path, text.as_bytes(), force)?;
    Ok(path.to_owned())
}

/// Writes `bytes` through the store's atomic writer, refusing to replace a file unless `force`.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists(path.to_owned()));
    }
    write_atomically(path, bytes, &RealFs).map_err(|err| match err {
        SaveError::Step { source, .. } => ExportError::Write {
            path: path.to_owned(),
            source,
        },
        SaveError::Serialize(err) => ExportError::Json(err),
        // An export is written as it is, never sealed, so neither can happen here.
        other @ (SaveError::Locked { .. } | SaveError::Sealing { .. }) => ExportError::Write {
            path: path.to_owned(),
            source: std::io::Error::other(other.to_string()),
        },
    })
}

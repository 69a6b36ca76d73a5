//! Reading a journal file, refusing anything that is not a journal this build understands.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

use crate::journal::{FORMAT, Journal, VERSION, sort_records};

/// Why a journal file could not be read. The file is never changed when one is returned.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("Could not read the journal {path}: {source}.", path = path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("The journal {path} is empty. It was left as it is; restore a backup or move it aside to start afresh.", path = path.display())]
    Empty { path: PathBuf },
    #[error("The journal {path} could not be read at line {line}, column {column}: {message}. It was left as it is; fix that spot or restore a backup.", path = path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path} is not a mend journal (its \"format\" is {found}, not \"mend-journal\"). It was left as it is.", path = path.display())]
    NotAJournal { path: PathBuf, found: String },
    #[error("The journal {path} is version {found}, newer than this mend understands (version {supported}). It was left as it is; please update mend to open it.", path = path.display())]
    TooNew {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
}

/// Only the header, read before the whole file so a newer or foreign file is refused clearly.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Loads the journal at `path`; `Ok(None)` means there is no file there yet.
pub fn load(path: &Path) -> Result<Option<Journal>, LoadError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(LoadError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    parse(path, &bytes).map(Some)
}

/// Parses journal bytes; `path` only names the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Journal, LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let parse_error = |err: serde_json::Error| LoadError::Parse {
        path: path.to_owned(),
        line: err.line(),
        column: err.column(),
        message: shortened(&strip_position(&err.to_string()), 200),
    };
    let header: Header = serde_json::from_slice(bytes).map_err(parse_error)?;
    match header.format {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(LoadError::NotAJournal {
                path: path.to_owned(),
                found: shortened(&other.to_string(), 60),
            });
        }
        None => {
            return Err(LoadError::NotAJournal {
                path: path.to_owned(),
                found: "missing".to_owned(),
            });
        }
    }
    if let Some(found) = header.version.as_ref().and_then(serde_json::Value::as_u64)
        && found > u64::from(VERSION)
    {
        return Err(LoadError::TooNew {
            path: path.to_owned(),
            found,
            supported: VERSION,
        });
    }
    let mut journal: Journal = serde_json::from_slice(bytes).map_err(parse_error)?;
    sort_records(&mut journal);
    Ok(journal)
}

/// The start of `text`, at most `most` characters, so that what the file holds (a huge
/// value, say) cannot swamp a one-line message.
fn shortened(text: &str, most: usize) -> String {
    match text.char_indices().nth(most) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// serde_json appends " at line L column C"; the error already says where.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

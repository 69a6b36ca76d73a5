//! Reading a journal file, refusing anything that is not a journal this build understands.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use thiserror::Error;

use super::read_buffer::Buffer;
use super::stamp::FileStamp;
use crate::journal::{FORMAT, Journal, VERSION};
use crate::message::without_final_period;
use crate::small_file::{kind_of, open_nonblocking};

/// Why a journal file could not be read. The file is never changed when one is returned.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("Could not read the journal {path}: {source}", path = path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is {what}, not a regular file, so mend will not read it as a journal. Choose a journal file with --journal PATH or MEND_JOURNAL.", path = path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("The journal {path} is {bytes} bytes, over mend's limit of 256 MiB for a journal. It was left as it is; check that this is the right file.", path = path.display())]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("The journal {path} kept changing while mend read it ({attempts} tries); another program is writing it. It was left as it is; try again once that program is done.", path = path.display())]
    KeptChanging { path: PathBuf, attempts: usize },
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
    #[error("{path} is not a mend journal: it holds {found}, where a journal holds fields in braces, \"format\": \"mend-journal\" among them. It was left as it is.", path = path.display())]
    NotAnObject { path: PathBuf, found: &'static str },
    #[error("The journal {path} could not be opened: {source}. It was left as it is; restore a backup, or merge in a copy from the other laptop.", path = path.display())]
    Sealed {
        path: PathBuf,
        #[source]
        source: super::seal::SealError,
    },
    #[error("The journal {path} could not be read: {problem}. It was left as it is; fix that spot or restore a backup.", path = path.display())]
    Inconsistent { path: PathBuf, problem: String },
    #[error("The journal {path} is version {found}, newer than this mend understands (version {supported}). It was left as it is; please update mend to open it.", path = path.display())]
    TooNew {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
}

/// The UTF-8 byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Only the header, read before the whole file so a newer or foreign file is refused clearly.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// The largest journal mend reads: a ten-year journal is about 10 MiB, so this leaves room
/// for decades, while a wrong file (a disk image, say) is refused before it fills memory.
pub const MAX_JOURNAL_BYTES: u64 = 256 * 1024 * 1024;

/// How many times a file that changes while it is read is read again before giving up.
const READ_ATTEMPTS: usize = 5;

/// Loads the journal at `path`; `Ok(None)` means there is no file there yet.
pub fn load(path: &Path) -> Result<Option<Journal>, LoadError> {
    Ok(load_stamped(path)?.map(|(journal, _)| journal))
}

/// Loads the journal at `path` with the stamp of the version that was read.
///
/// The file is read, never mapped: a mapped file that another program shortens in place
/// (an editor, `cp`, `cat >`) stops the process with SIGBUS. A file whose stamp changes while
/// it is read is read again; one that keeps changing is a clean error.
pub fn load_stamped(path: &Path) -> Result<Option<(Journal, FileStamp)>, LoadError> {
    read_stamped(path, |bytes| parse(path, bytes))
}

/// Reads the file at `path` as [`load_stamped`] does and hands its bytes, read whole and
/// unchanged, to `then` (once).
pub(super) fn read_stamped<T>(
    path: &Path,
    then: impl FnOnce(&[u8]) -> Result<T, LoadError>,
) -> Result<Option<(T, FileStamp)>, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    for _ in 0..READ_ATTEMPTS {
        let mut file = match open_nonblocking(path) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(read_error(source)),
        };
        let before = file.metadata().map_err(read_error)?;
        if !before.is_file() {
            return Err(LoadError::NotAFile {
                path: path.to_owned(),
                what: kind_of(&before),
            });
        }
        if before.len() > MAX_JOURNAL_BYTES {
            return Err(too_large(path, before.len()));
        }
        let bytes = Buffer::read(&mut file, before.len(), MAX_JOURNAL_BYTES).map_err(read_error)?;
        let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if len > MAX_JOURNAL_BYTES {
            return Err(too_large(path, len));
        }
        let after = file.metadata().map_err(read_error)?;
        let stamp = FileStamp::from_metadata(&after);
        if len != after.len() || stamp != FileStamp::from_metadata(&before) {
            continue;
        }
        return then(&bytes).map(|value| Some((value, stamp)));
    }
    Err(LoadError::KeptChanging {
        path: path.to_owned(),
        attempts: READ_ATTEMPTS,
    })
}

fn too_large(path: &Path, bytes: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_owned(),
        bytes,
    }
}

/// Parses journal bytes; `path` only names the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Journal, LoadError> {
    // Some editors on some systems begin a UTF-8 file with a byte-order mark; JSON has no
    // place for one, so it is skipped (and not written back: a save writes plain UTF-8).
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let parse_error = |err: serde_json::Error| LoadError::Parse {
        path: path.to_owned(),
        line: err.line(),
        column: err.column(),
        message: shortened(
            without_final_period(&super::parse_error::describe(
                &strip_position(&err.to_string()),
                err.classify(),
                bytes,
            )),
            200,
        ),
    };
    // One pass in the usual case; the header is only read on its own to explain a failure,
    // so a foreign or newer file is named as such rather than as a parse error.
    // Checking the UTF-8 once, up front, is cheaper than serde_json checking every string;
    // bytes that are not UTF-8 go to the slice parser, which says where they are.
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<Journal>(text),
        Err(_) => serde_json::from_slice::<Journal>(bytes),
    };
    match parsed {
        Ok(mut journal) => {
            let format = serde_json::Value::String(journal.format.clone());
            check_header(path, Some(&format), Some(u64::from(journal.version)))?;
            if let Err(problem) = journal.check_partners().and(journal.check_sealed_parts()) {
                return Err(LoadError::Inconsistent {
                    path: path.to_owned(),
                    problem,
                });
            }
            journal.normalize();
            Ok(journal)
        }
        Err(err) => {
            if let Some(found) = not_an_object(bytes) {
                return Err(LoadError::NotAnObject {
                    path: path.to_owned(),
                    found,
                });
            }
            let header: Header = serde_json::from_slice(bytes).map_err(parse_error)?;
            let version = header.version.as_ref().and_then(serde_json::Value::as_u64);
            check_header(path, header.format.as_ref(), version)?;
            Err(parse_error(err))
        }
    }
}

/// What the file holds when its JSON is a value other than an object (a journal's fields in
/// braces), told by its first character: serde would read a list as the header's fields.
fn not_an_object(bytes: &[u8]) -> Option<&'static str> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    Some(match first {
        b'{' => return None,
        b'[' => "a list",
        b'"' => "a string",
        b'-' | b'0'..=b'9' => "a number",
        b't' | b'f' => "true or false",
        b'n' => "null",
        _ => return None,
    })
}

/// Refuses a file that is not a mend journal, or is from a newer mend.
fn check_header(
    path: &Path,
    format: Option<&serde_json::Value>,
    version: Option<u64>,
) -> Result<(), LoadError> {
    match format {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        other => {
            return Err(LoadError::NotAJournal {
                path: path.to_owned(),
                found: other.map_or_else(
                    || "missing".to_owned(),
                    |value| shortened(&value.to_string(), 60),
                ),
            });
        }
    }
    if let Some(found) = version
        && found > u64::from(VERSION)
    {
        return Err(LoadError::TooNew {
            path: path.to_owned(),
            found,
            supported: VERSION,
        });
    }
    Ok(())
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

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;

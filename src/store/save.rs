//! Writing the journal atomically: temp file, fsync, rename, fsync the folder, mode 0600.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

use crate::journal::Journal;

/// One step of a save, named in errors and used to inject faults in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    Write,
    SyncFile,
    Rename,
    SyncFolder,
}

impl SaveStep {
    pub const ALL: [SaveStep; 5] = [
        SaveStep::CreateTemp,
        SaveStep::Write,
        SaveStep::SyncFile,
        SaveStep::Rename,
        SaveStep::SyncFolder,
    ];

    fn doing(self) -> &'static str {
        match self {
            SaveStep::CreateTemp => "creating a temporary file beside it",
            SaveStep::Write => "writing",
            SaveStep::SyncFile => "flushing it to disk",
            SaveStep::Rename => "putting the new version in place",
            SaveStep::SyncFolder => "flushing its folder to disk",
        }
    }
}

/// Why a save failed. The journal on disk is the old version, untouched, unless the
/// failure came after the rename (flushing the folder), when it is already the new one.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("Could not save the journal {path} while {doing}: {source}. {advice}", path = path.display(), doing = step.doing(), advice = advice(source))]
    Step {
        path: PathBuf,
        step: SaveStep,
        source: io::Error,
    },
    #[error("Could not turn the journal into JSON: {0}")]
    Serialize(#[from] serde_json::Error),
}

fn advice(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "The disk looks full; free some space and save again. Your journal was not changed."
        }
        io::ErrorKind::FileTooLarge => {
            "The system would not allow a file this large; check its file size limit (ulimit -f). Your journal was not changed."
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "Check that you may write to that folder. Your journal was not changed."
        }
        _ => "Your journal was not changed.",
    }
}

/// The file operations a save is made of, so tests can make any one of them fail.
pub trait SaveSteps {
    /// Creates a new, empty temp file in `dir`, readable only by its owner.
    fn create_temp(&self, dir: &Path, stem: &str) -> io::Result<(PathBuf, File)> {
        RealFs.create_temp(dir, stem)
    }
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn sync_folder(&self, dir: &Path) -> io::Result<()> {
        sync_dir(dir)
    }
}

/// The real file system.
pub struct RealFs;

impl SaveSteps for RealFs {
    fn create_temp(&self, dir: &Path, stem: &str) -> io::Result<(PathBuf, File)> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let pid = std::process::id();
        for attempt in 0u32..100 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let path = dir.join(format!(".{stem}.{pid}.{nanos:x}{attempt}.tmp"));
            match options.open(&path) {
                Ok(file) => return Ok((path, file)),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(err) => return Err(err),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free temporary file name",
        ))
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// The journal as the bytes of its file: pretty JSON, records in id order, a final newline.
pub fn to_bytes(journal: &Journal) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(journal)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Saves atomically: the journal at `path` is always either the old or the new version.
pub fn save(path: &Path, journal: &Journal, steps: &dyn SaveSteps) -> Result<(), SaveError> {
    let bytes = to_bytes(journal)?;
    write_atomically(path, &bytes, steps)
}

/// Writes `bytes` to `path` through a temp file in the same folder; mode 0600.
pub fn write_atomically(path: &Path, bytes: &[u8], steps: &dyn SaveSteps) -> Result<(), SaveError> {
    let fail = |step, source| SaveError::Step {
        path: path.to_owned(),
        step,
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let stem = path
        .file_name()
        .map_or_else(|| "journal".into(), |n| n.to_string_lossy().into_owned());
    let (temp, mut file) = steps
        .create_temp(&dir, &stem)
        .map_err(|e| fail(SaveStep::CreateTemp, e))?;
    let written = (|| {
        steps
            .write(&mut file, bytes)
            .map_err(|e| fail(SaveStep::Write, e))?;
        steps
            .sync_file(&file)
            .map_err(|e| fail(SaveStep::SyncFile, e))?;
        drop(file);
        set_private(&temp).map_err(|e| fail(SaveStep::Write, e))?;
        steps
            .rename(&temp, path)
            .map_err(|e| fail(SaveStep::Rename, e))
    })();
    if let Err(err) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(err);
    }
    steps
        .sync_folder(&dir)
        .map_err(|e| fail(SaveStep::SyncFolder, e))
}

/// Mode 0600: only the owner may read or write.
pub fn set_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

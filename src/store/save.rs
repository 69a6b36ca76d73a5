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

    /// What the save was doing at this step, as said in its error.
    pub fn doing(self) -> &'static str {
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
    #[error("Could not save the journal {path} while {doing}: {source}. {advice}", path = path.display(), doing = step.doing(), advice = advice(*step, source))]
    Step {
        path: PathBuf,
        step: SaveStep,
        source: io::Error,
    },
    #[error("Could not turn the journal into JSON: {0}")]
    Serialize(#[from] serde_json::Error),
    #[error("Could not save the journal {path}: it is encrypted and locked, so nothing was written. Unlock it with a passphrase first.", path = path.display())]
    Locked { path: PathBuf },
    #[error("Could not save the journal {path}: {source}. Nothing was written.", path = path.display())]
    Sealing {
        path: PathBuf,
        #[source]
        source: super::seal::SealError,
    },
}

impl SaveError {
    /// Whether the new version is already in place despite the error (only flushing its
    /// folder failed), so that the journal on disk is the new one.
    pub fn new_version_in_place(&self) -> bool {
        matches!(
            self,
            SaveError::Step {
                step: SaveStep::SyncFolder,
                ..
            }
        )
    }
}

fn advice(step: SaveStep, err: &io::Error) -> &'static str {
    if step == SaveStep::SyncFolder {
        return "The new version is in place, but the system could not confirm it is safely on disk; it is fine unless the computer loses power before it settles.";
    }
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

/// Test builds only: with this variable set to a folder, writing a file (the journal or a
/// backup) writes half its bytes, creates an empty file named like the target in that
/// folder to say so, waits a moment and writes the rest, so that a test can kill mend in
/// the middle of a save. Release builds ignore it.
pub const PAUSE_MID_WRITE: &str = "MEND_TEST_PAUSE_MID_WRITE";

/// Writes `bytes` for the file at `target` through `steps`, pausing half-way in test builds
/// when [`PAUSE_MID_WRITE`] asks for it.
fn write_bytes(
    steps: &dyn SaveSteps,
    file: &mut File,
    bytes: &[u8],
    target: &Path,
) -> io::Result<()> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os(PAUSE_MID_WRITE) {
        let half = bytes.len() / 2;
        steps.write(file, &bytes[..half])?;
        file.flush()?;
        File::create(Path::new(&folder).join(target.file_name().unwrap_or_default()))?;
        std::thread::sleep(std::time::Duration::from_millis(300));
        return steps.write(file, &bytes[half..]);
    }
    #[cfg(not(debug_assertions))]
    let _ = target;
    steps.write(file, bytes)
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
            let path = dir.join(temp_name(stem, pid, &format!("{nanos:x}{attempt}")));
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

/// The name of a temp file for the file named `stem`: `.{stem}.{pid}.{unique}.tmp`.
fn temp_name(stem: &str, pid: u32, unique: &str) -> String {
    format!(".{stem}.{pid}.{unique}.tmp")
}

/// Whether `name` is a temp file that [`RealFs::create_temp`] makes for `stem`.
fn is_temp_name(stem: &str, name: &str) -> bool {
    temp_for(name) == Some(stem)
}

/// The name of the file a temp file named `name` was made for, if it is one of ours.
pub(crate) fn temp_for(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, unique) = rest.rsplit_once('.')?;
    let (stem, pid) = rest.rsplit_once('.')?;
    let ours = !stem.is_empty()
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && !unique.is_empty()
        && unique.bytes().all(|b| b.is_ascii_hexdigit());
    ours.then_some(stem)
}

/// Removes the temp files a save of `path` left behind when its process was killed
/// mid-save. Only call this while holding the journal's lock, when no save can be under
/// way. Returns how many were removed; one that cannot be removed is left for next time.
pub fn remove_stale_temps(path: &Path) -> usize {
    let (dir, stem) = folder_and_stem(path);
    let Ok(names) = std::fs::read_dir(&dir) else {
        return 0;
    };
    names
        .filter_map(Result::ok)
        .filter(|e| is_temp_name(&stem, &e.file_name().to_string_lossy()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// The folder a file is in (`.` for a bare name) and the file's name.
fn folder_and_stem(path: &Path) -> (PathBuf, String) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let stem = path
        .file_name()
        .map_or_else(|| "journal".into(), |n| n.to_string_lossy().into_owned());
    (dir, stem)
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
    let (dir, stem) = folder_and_stem(path);
    let (temp, mut file) = steps
        .create_temp(&dir, &stem)
        .map_err(|e| fail(SaveStep::CreateTemp, e))?;
    let written = (|| {
        write_bytes(steps, &mut file, bytes, path).map_err(|e| fail(SaveStep::Write, e))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_temp_files_of_this_journal_count_as_its_temp_files() {
        let ours = temp_name("journal.json", 4242, "1a2b3c0");
        assert!(is_temp_name("journal.json", &ours));
        for other in [
            "journal.json",
            "journal.json.lock",
            ".journal.json.lock",
            ".journal.json.4242.tmp",
            ".journal.json.x42.1a.tmp",
            ".journal.json.42.zz.tmp",
            ".other.json.4242.1a2b3c0.tmp",
            &temp_name("journal.json.bak", 4242, "1a"),
        ] {
            assert!(!is_temp_name("journal.json", other), "{other}");
        }
    }

    #[test]
    fn stale_temps_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.json");
        std::fs::write(&journal, b"{}").unwrap();
        let keep = ["journal.json", "journal.json.lock", "notes.txt", ".hidden"];
        for name in &keep[1..] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let (temp, _file) = RealFs.create_temp(dir.path(), "journal.json").unwrap();
        std::fs::write(
            dir.path().join(temp_name("journal.json", 7, "ff0")),
            b"half",
        )
        .unwrap();
        assert_eq!(remove_stale_temps(&journal), 2);
        assert!(!temp.exists());
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut expected: Vec<_> = keep.iter().map(|n| n.to_string()).collect();
        expected.sort();
        assert_eq!(left, expected);
    }
}

//! A lock on a sidecar file so two mend processes never both write the same journal.

use anyhow::{Context, Result};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Held while a process reads, changes and saves the journal; released when dropped.
pub struct JournalLock {
    _file: File,
}

impl JournalLock {
    /// Waits for and takes the lock beside the journal at `journal`; for a symlinked journal,
    /// beside the file it points to, so the link and the real path share one lock.
    pub fn acquire(journal: &Path) -> Result<JournalLock> {
        let path = lock_path(&super::link::resolve(journal));
        let file = open_lock_file(&path)?;
        file.lock()
            .with_context(|| format!("Could not lock {}", path.display()))?;
        Ok(JournalLock { _file: file })
    }
}

/// A lock held by this process until dropped, taken only if no other process held it.
#[derive(Debug)]
pub struct HeldLock {
    _file: File,
}

impl HeldLock {
    /// Takes the lock on the file at `path` (made, mode 0600, if missing) without waiting:
    /// `Ok(None)` when another process holds it.
    pub fn try_take(path: &Path) -> Result<Option<HeldLock>> {
        let file = open_lock_file(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(HeldLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(err)) => {
                Err(err).with_context(|| format!("Could not lock {}", path.display()))
            }
        }
    }
}

/// Opens (or makes, mode 0600) a lock file; a symbolic link there is refused, not followed.
fn open_lock_file(path: &Path) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options
        .open(path)
        .with_context(|| format!("Could not open the lock file {}", path.display()))
}

/// `journal.json` is locked through `journal.json.lock` in the same folder.
pub fn lock_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    journal.with_file_name(name)
}

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
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(false).read(true).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&path)
            .with_context(|| format!("Could not open the lock file {}", path.display()))?;
        file.lock()
            .with_context(|| format!("Could not lock {}", path.display()))?;
        Ok(JournalLock { _file: file })
    }
}

/// `journal.json` is locked through `journal.json.lock` in the same folder.
pub fn lock_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    journal.with_file_name(name)
}

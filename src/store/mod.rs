//! Loading and saving the journal file: atomic writes, a lock, backups and format versions.

mod backup;
mod load;
mod lock;
mod parse_error;
mod save;

pub use backup::Backups;
pub use load::{LoadError, load, parse};
pub use lock::JournalLock;
pub use save::{
    RealFs, SaveError, SaveStep, SaveSteps, remove_stale_temps, save, set_private, to_bytes,
    write_atomically,
};

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::journal::Journal;

/// What identifies one version of the file on disk, to notice a change by another process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

impl FileStamp {
    /// The stamp of the file now, or `None` if it is not there.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(FileStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        })
    }
}

/// One journal file and the safe ways to change it.
pub struct Store {
    path: PathBuf,
    backups: Option<Backups>,
    steps: Box<dyn SaveSteps>,
    backed_up: bool,
    /// Shared with whoever shows it, so a ten-year journal is never copied just to be read.
    loaded: Option<(Arc<Journal>, Option<FileStamp>)>,
}

impl Store {
    /// A store for the journal at `path`, keeping backups in `backups` (none if `None`).
    pub fn new(path: impl Into<PathBuf>, backups: Option<Backups>) -> Self {
        Self {
            path: path.into(),
            backups,
            steps: Box::new(RealFs),
            backed_up: false,
            loaded: None,
        }
    }

    /// Uses other file operations for saving (tests use this to inject faults).
    pub fn with_steps(mut self, steps: Box<dyn SaveSteps>) -> Self {
        self.steps = steps;
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the journal, or `None` if there is no file yet. Keeps it for later updates and
    /// returns it shared, not copied.
    pub fn load(&mut self) -> Result<Option<Arc<Journal>>, LoadError> {
        let stamp = FileStamp::of(&self.path);
        match load(&self.path)? {
            Some(journal) => {
                self.loaded = Some((Arc::new(journal), stamp));
                Ok(self.shared())
            }
            None => {
                self.loaded = None;
                Ok(None)
            }
        }
    }

    /// The journal as last loaded or saved.
    pub fn journal(&self) -> Option<&Journal> {
        self.loaded.as_ref().map(|(j, _)| j.as_ref())
    }

    /// The journal as last loaded or saved, shared rather than copied.
    pub fn shared(&self) -> Option<Arc<Journal>> {
        self.loaded.as_ref().map(|(j, _)| Arc::clone(j))
    }

    /// Writes a brand-new journal; refuses if a file is already at the path.
    pub fn create(&mut self, journal: Journal) -> Result<()> {
        ensure_parent(&self.path)?;
        let _lock = JournalLock::acquire(&self.path)?;
        if self.path.exists() {
            anyhow::bail!(
                "A journal already exists at {}; mend will not overwrite it.",
                self.path.display()
            );
        }
        remove_stale_temps(&self.path);
        let saved = save(&self.path, &journal, self.steps.as_ref());
        let on_disk_now = saved
            .as_ref()
            .map_or_else(|err| err.new_version_in_place(), |()| true);
        if on_disk_now {
            self.loaded = Some((Arc::new(journal), FileStamp::of(&self.path)));
        }
        Ok(saved?)
    }

    /// Changes the journal safely: under the lock, on the newest copy on disk, then saves.
    ///
    /// If another process saved since this one loaded, the change is applied to its copy,
    /// so neither change is lost. If `change` or the save fails, nothing is written and
    /// the journal in memory stays as it was on disk; except when only flushing the folder
    /// failed, after the new version was put in place: then memory holds the new version.
    pub fn update<T>(&mut self, change: impl FnOnce(&mut Journal) -> Result<T>) -> Result<T> {
        let _lock = JournalLock::acquire(&self.path)?;
        let on_disk = FileStamp::of(&self.path);
        let cached = match self.loaded.take() {
            Some((journal, stamp)) if stamp == on_disk && on_disk.is_some() => Some(journal),
            _ => None,
        };
        let fresh = match cached {
            Some(journal) => journal,
            None => match load(&self.path)? {
                Some(journal) => Arc::new(journal),
                None => anyhow::bail!(
                    "There is no journal at {} yet; run `mend` or `mend init` to create one.",
                    self.path.display()
                ),
            },
        };
        let mut changed = Journal::clone(&fresh);
        let value = match change(&mut changed) {
            Ok(value) => value,
            Err(err) => {
                self.loaded = Some((fresh, on_disk));
                return Err(err);
            }
        };
        if changed == *fresh {
            self.loaded = Some((fresh, on_disk));
            return Ok(value);
        }
        self.back_up_once();
        // Under the lock no save is under way, so any temp file was left by a killed one.
        remove_stale_temps(&self.path);
        match save(&self.path, &changed, self.steps.as_ref()) {
            Ok(()) => {
                self.loaded = Some((Arc::new(changed), FileStamp::of(&self.path)));
                Ok(value)
            }
            Err(err) if err.new_version_in_place() => {
                // The file on disk is the changed journal; memory must agree with it.
                self.loaded = Some((Arc::new(changed), FileStamp::of(&self.path)));
                Err(err.into())
            }
            Err(err) => {
                self.loaded = Some((fresh, on_disk));
                Err(err.into())
            }
        }
    }

    /// Before the first save of this run, copies the file as it is into the backup folder.
    fn back_up_once(&mut self) {
        if self.backed_up {
            return;
        }
        self.backed_up = true;
        if let Some(backups) = &self.backups
            && let Err(err) = backups.back_up(&self.path, chrono::Utc::now())
        {
            // A backup that fails must not stop a partner saving what they wrote.
            let message = format!("mend: note: {err:#}");
            eprintln!("{}", crate::journal::text::printable(&message));
        }
    }
}

/// Makes the journal's folder if needed, readable only by its owner.
fn ensure_parent(path: &Path) -> Result<()> {
    let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if parent.exists() {
        return Ok(());
    }
    create_private_dir(parent)
        .with_context(|| format!("Could not create the folder {}", parent.display()))
}

/// Creates a folder (and its parents) with mode 0700.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

//! Loading and saving the journal file: atomic writes, a lock, backups and format versions.

mod backup;
mod conflict_copies;
mod device;
mod freshness;
mod gather;
#[cfg(test)]
mod gather_sealed_tests;
mod link;
mod load;
mod lock;
mod parse_error;
mod private_again;
mod private_dir;
mod read_buffer;
mod save;
pub mod seal;
mod sealed_store;
mod shared;
mod shared_store;
mod stamp;
mod watch;

pub use backup::Backups;
pub use conflict_copies::{
    Engine, conflict_copy_engine, git_markers_advice, has_git_conflict_markers,
};
pub use device::this_device;
pub use gather::{Gathered, gather};
pub use link::resolve;
pub use load::{LoadError, MAX_JOURNAL_BYTES, load, load_stamped, parse};
pub use lock::{HeldLock, JournalLock};
pub use private_dir::create_private_dir;
pub use save::{
    PAUSE_MID_WRITE, RealFs, SaveError, SaveStep, SaveSteps, remove_stale_temps, save, set_private,
    to_bytes, write_atomically,
};
pub use shared::{CopyFate, Listing, SharedFiles, is_device_file, merged_copies};
pub use stamp::FileStamp;
pub use watch::{Freshness, should_reload};

use anyhow::Result;
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::journal::Journal;
use private_dir::ensure_parent;

/// One journal file and the safe ways to change it.
pub struct Store {
    path: PathBuf,
    backups: Option<Backups>,
    steps: Box<dyn SaveSteps>,
    backed_up: bool,
    /// Shared with whoever shows it, so a ten-year journal is never copied just to be read.
    loaded: Option<(Arc<Journal>, Option<FileStamp>)>,
    /// A version of the file another process wrote that could not be read: it is not read
    /// again until it changes (see [`Store::look_for_changes`]).
    skipped: Option<FileStamp>,
    /// Things the person should know that did not stop the work, for the CLI or TUI to show.
    notices: Vec<String>,
    /// What time it is, for naming and pruning backups: the real clock unless the caller
    /// passes the one it reads (`mend::now::now_utc` honours `MEND_NOW`).
    clock: fn() -> DateTime<Utc>,
    /// Where this computer's device id is kept (read at the first change), if the store
    /// was told; otherwise changes keep the journal's placeholder device.
    device_file: Option<PathBuf>,
    /// On a shared folder: every laptop's file is read and merged, only this one's written.
    shared: Option<SharedFiles>,
    /// The keys of an encrypted journal, once a passphrase unlocked it (`sealed_store.rs`).
    sealer: Option<seal::Sealer>,
    /// The sealed journal held, its records written out (`Store::while_unlocking`).
    prepared: Option<(Arc<Journal>, seal::PreparedCopy)>,
    /// The keys id (`Sealing::keys_id`) the journal named when the keys held last opened or
    /// sealed it: a journal read later naming another was encrypted again meanwhile.
    keys_named: Option<String>,
    /// Whether this run already removed the unsealed backups of a journal encrypted on the
    /// other laptop (`shared_store.rs`).
    plain_backups_removed: bool,
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
            skipped: None,
            notices: Vec::new(),
            clock: Utc::now,
            device_file: None,
            shared: None,
            sealer: None,
            prepared: None,
            keys_named: None,
            plain_backups_removed: false,
        }
    }

    /// The store the app uses: backups of `journal` go to their folder under `backups_root`,
    /// stamped by `clock` (the app passes `mend::now::now_utc`, which honours `MEND_NOW`).
    pub fn with_backups(
        journal: impl Into<PathBuf>,
        backups_root: &Path,
        clock: fn() -> DateTime<Utc>,
    ) -> Self {
        let journal = journal.into();
        let backups = Backups::for_journal(backups_root, &journal);
        let state = backups_root.parent().map(Path::to_owned);
        // A folder holding laptops' files is a shared one: this laptop's file is the one
        // written. Any other folder is refused by name when it is read, as before.
        let shared = match &state {
            Some(state) if journal.is_dir() && !Listing::of(&journal).devices.is_empty() => {
                Some(SharedFiles::new(&journal, state))
            }
            _ => None,
        };
        let mut store = Self::new(journal, Some(backups)).with_clock(clock);
        // The state folder holds the backups and this computer's device id.
        store.device_file = state.map(|state| state.join("device"));
        store.shared = shared;
        store
    }

    /// The store on a shared folder, even one with no laptop's file in it yet (`mend share`).
    pub fn on_shared_folder(
        folder: &Path,
        backups_root: &Path,
        clock: fn() -> DateTime<Utc>,
    ) -> Self {
        let mut store = Self::with_backups(folder, backups_root, clock);
        if store.shared.is_none()
            && let Some(state) = backups_root.parent()
        {
            store.shared = Some(SharedFiles::new(folder, state));
        }
        store
    }

    /// Uses another clock for backups: the app's (which honours `MEND_NOW`), or a fixed one in
    /// tests that check which backups are kept.
    pub fn with_clock(mut self, clock: fn() -> DateTime<Utc>) -> Self {
        self.clock = clock;
        self
    }

    /// Uses other file operations for saving (tests use this to inject faults).
    pub fn with_steps(mut self, steps: Box<dyn SaveSteps>) -> Self {
        self.steps = steps;
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file the journal really is: the target of the path when the path is a symlink.
    /// It is read, locked and saved there, so the link stays a link.
    pub fn real_path(&self) -> PathBuf {
        if let Some(shared) = &self.shared {
            return shared.own.clone();
        }
        resolve(&self.path)
    }

    /// Loads the journal, or `None` if there is no file yet. Keeps it for later updates and
    /// returns it shared, not copied. A file others may read is made private again, with a
    /// notice (see [`Store::take_notices`]).
    pub fn load(&mut self) -> Result<Option<Arc<Journal>>, LoadError> {
        let real = self.real_path();
        if let Some(shared) = &self.shared {
            // Every laptop's file, not only this one's: a git pull leaves the other's 0644.
            let files: Vec<PathBuf> = Listing::of(&shared.folder)
                .devices
                .into_iter()
                .map(|(path, _)| path)
                .chain(std::iter::once(real.clone()))
                .collect();
            for file in files.iter().collect::<std::collections::BTreeSet<_>>() {
                self.make_private_again(file);
            }
            self.loaded = self.gather_shared();
            return Ok(self.shared());
        }
        match load_stamped(&real)? {
            Some((journal, stamp)) => {
                let journal = self.opened(&real, journal)?;
                self.make_private_again(&real);
                self.loaded = Some((Arc::new(journal), Some(stamp)));
                Ok(self.shared())
            }
            None => {
                self.loaded = None;
                Ok(None)
            }
        }
    }

    /// What the person should be told since the last call: things that went wrong or were
    /// repaired without stopping the work.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
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
        let real = self.real_path();
        ensure_parent(&real)?;
        let _lock = self.lock(&real)?;
        if real.exists() {
            anyhow::bail!(
                "A journal already exists at {}; mend will not overwrite it.",
                self.path.display()
            );
        }
        remove_stale_temps(&real);
        let journal = Arc::new(journal);
        let bytes = self.bytes_of(&real, &journal)?;
        let saved = write_atomically(&real, &bytes, self.steps.as_ref());
        let on_disk_now = saved
            .as_ref()
            .map_or_else(|err| err.new_version_in_place(), |()| true);
        if on_disk_now {
            self.after_shared_save(&bytes);
            self.loaded = Some((journal, FileStamp::of(&real)));
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
        let real = self.real_path();
        let _lock = self.lock(&real)?;
        let mut on_disk = FileStamp::of(&real);
        if self.shared.is_some() && (self.loaded.is_none() || self.shared_changed()) {
            self.loaded = self.gather_shared();
        }
        let mut held_before = None;
        let cached = match self.loaded.take() {
            Some((journal, _)) if self.shared.is_some() => Some(journal),
            Some((journal, stamp)) if stamp == on_disk && on_disk.is_some() => Some(journal),
            held => {
                held_before = held;
                None
            }
        };
        let fresh = match cached {
            Some(journal) => journal,
            None => {
                let read = match load_stamped(&real) {
                    Ok(Some((journal, stamp))) => {
                        on_disk = Some(stamp);
                        if held_before
                            .as_ref()
                            .is_some_and(|(held, _)| held.is_sealed())
                        {
                            // Decrypted meanwhile: the keys of that encryption open nothing now.
                            self.forget_keys_of_a_plain(&journal);
                        }
                        self.opened(&real, journal).map_err(anyhow::Error::from)
                    }
                    Ok(None) => Err(anyhow::anyhow!(
                        "There is no journal at {} yet; run `mend` or `mend init` to create one.",
                        self.path.display()
                    )),
                    Err(err) => Err(err.into()),
                };
                match read {
                    Ok(journal) => Arc::new(journal),
                    Err(err) => {
                        // Memory keeps what it held: locking then seals it there.
                        self.loaded = held_before;
                        return Err(err);
                    }
                }
            }
        };
        let mut changed = Journal::clone(&fresh);
        if let Some(file) = &self.device_file {
            changed.set_device(this_device(file));
        }
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
        self.back_up_once(&real, changed.is_sealed());
        // Under the lock no save is under way, so any temp file was left by a killed one.
        remove_stale_temps(&real);
        if let Some(shared) = self.shared.as_mut() {
            match shared.keep_plain_leftovers((self.clock)()) {
                Ok(kept) => self.notices.extend(kept),
                Err(why) => {
                    self.loaded = Some((fresh, on_disk));
                    anyhow::bail!(why);
                }
            }
        }
        let changed = Arc::new(changed);
        let bytes = match self.bytes_of(&real, &changed) {
            Ok(bytes) => bytes,
            Err(err) => {
                self.loaded = Some((fresh, on_disk));
                return Err(err.into());
            }
        };
        match write_atomically(&real, &bytes, self.steps.as_ref()) {
            Ok(()) => {
                self.after_shared_save(&bytes);
                self.loaded = Some((changed, FileStamp::of(&real)));
                Ok(value)
            }
            Err(err) if err.new_version_in_place() => {
                // The file on disk is the changed journal; memory must agree with it.
                self.loaded = Some((changed, FileStamp::of(&real)));
                Err(err.into())
            }
            Err(err) => {
                self.loaded = Some((fresh, on_disk));
                Err(err.into())
            }
        }
    }

    /// Before the first save of this run, copies the file as it is into the backup folder.
    /// Backs the journal file up before the first save of this run. For an encrypted journal
    /// (`sealed`) a file still unencrypted on disk is not backed up: its words would lie
    /// readable among sealed backups (the encrypted journal holds them, or the shared folder
    /// kept that file aside first).
    fn back_up_once(&mut self, real: &Path, sealed: bool) {
        if self.backed_up {
            return;
        }
        self.backed_up = true;
        if let Some(backups) = &self.backups
            && let Err(err) = backups.back_up(real, (self.clock)(), sealed)
        {
            // A backup that fails must not stop a partner saving what they wrote.
            self.notices.push(crate::message::error_text(&err));
        }
    }
}

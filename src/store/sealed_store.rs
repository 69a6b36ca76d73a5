//! The store on an encrypted journal: unlocking, opening what is read, sealing what is saved.

use std::path::Path;
use std::sync::Arc;

use super::Store;
use super::load::LoadError;
use super::save::{SaveError, to_bytes};
use super::seal::{PreparedCopy, Sealer, WriteError};
use crate::journal::{Journal, Opened};

impl Store {
    /// Gives the store the keys a passphrase opened, and opens the journal held with them.
    /// Until then an encrypted journal is held sealed: its names and dates, not its words.
    /// The sealed journal already held is opened as it is, without reading the file again
    /// (a change made meanwhile is picked up like any other, see [`Store::look_for_changes`]),
    /// and in place when nothing else holds it (the app lets go of it first), else a copy;
    /// if it cannot be opened, the file is read again and held sealed.
    pub fn unlock(&mut self, sealer: Sealer) -> Result<Option<Arc<Journal>>, LoadError> {
        self.sealer = Some(sealer);
        self.keys_named = None;
        let held_sealed = self
            .loaded
            .take_if(|(journal, _)| journal.is_sealed() && journal.opened() == Opened::Nothing);
        let prepared = self.prepared.take();
        let Some((sealed, stamp)) = held_sealed else {
            self.loaded = None;
            return self.load();
        };
        // Only the records of this very journal (which the copy kept alive, so no other
        // journal can have taken its place in memory) are handed on; letting go of the
        // copy's hold leaves the store holding the only one again.
        let prepared = prepared
            .filter(|(of, _)| Arc::ptr_eq(of, &sealed))
            .map(|(_, copy)| copy);
        let sealed = Arc::try_unwrap(sealed).unwrap_or_else(|shared| Journal::clone(&shared));
        match self.opened(&self.real_path(), sealed) {
            Ok(opened) => {
                let opened = Arc::new(opened);
                if let (Some(copy), Some(sealer)) = (prepared, self.sealer.as_mut()) {
                    sealer.keep_copy(copy, &opened);
                }
                self.loaded = Some((opened, stamp));
                Ok(self.shared())
            }
            Err(err) => {
                // Partly opened, it is let go: the file is read again, sealed, without keys.
                let sealer = self.sealer.take();
                let _ = self.load();
                self.sealer = sealer;
                Err(err)
            }
        }
    }

    /// Runs `unlocking` (a passphrase being checked: about half a second on one core) while,
    /// on another, the records of the sealed journal held are written out as a save writes
    /// them. Once a passphrase opens that journal, its first save then seals and writes out
    /// only the records that changed, and copies the others.
    pub fn while_unlocking<T>(&mut self, unlocking: impl FnOnce() -> T) -> T {
        let held = self
            .loaded
            .as_ref()
            .map(|(journal, _)| journal)
            .filter(|journal| journal.is_sealed() && journal.opened() == Opened::Nothing);
        let prepared_before = |held: &&Arc<Journal>| {
            self.prepared
                .as_ref()
                .is_some_and(|(of, _)| Arc::ptr_eq(of, held))
        };
        let Some(held) = held.filter(|held| !prepared_before(held)).map(Arc::clone) else {
            return unlocking();
        };
        let (value, prepared) = std::thread::scope(|scope| {
            let preparing = scope.spawn(|| PreparedCopy::of(&held));
            (unlocking(), preparing.join())
        });
        // Should writing them out fail, the first save writes out every record instead.
        self.prepared = match prepared {
            Ok(Ok(copy)) => Some((held, copy)),
            _ => None,
        };
        value
    }

    /// Forgets the keys (they are wiped as they drop) and holds the journal sealed again:
    /// the words held open are sealed in memory first, so locking needs no file and leaves
    /// no word open even when the file cannot be read just then.
    pub fn lock_keys(&mut self) -> Result<Option<Arc<Journal>>, LoadError> {
        let Some(mut sealer) = self.sealer.take() else {
            return Ok(self.shared());
        };
        let Some((held, stamp)) = self.loaded.take() else {
            // Nothing held (the file was away at the last read): read it sealed, if it is back.
            return self.load();
        };
        if !held.is_sealed() || held.opened() == Opened::Nothing {
            self.loaded = Some((held, stamp));
            return Ok(self.shared());
        }
        match sealer.seal(&held) {
            Ok(mut sealed) => {
                drop(held);
                sealed.set_opened(Opened::Nothing);
                self.loaded = Some((Arc::new(sealed), stamp));
                Ok(self.shared())
            }
            // Words opened with keys not held cannot be: the file is read sealed instead.
            Err(_) => self.load(),
        }
    }

    /// Forgets the keys and lets go of the journal held, reading and sealing nothing: for
    /// quitting, when nothing will be shown or saved again.
    pub fn let_go(&mut self) {
        self.sealer = None;
        self.loaded = None;
        self.prepared = None;
    }

    /// Forgets the keys once another process has decrypted the journal (`journal`, just read,
    /// is plain): they open nothing any more, and a journal encrypted again later has new keys,
    /// so it must be held sealed until a passphrase opens it, never sealed with the old ones.
    pub(super) fn forget_keys_of_a_plain(&mut self, journal: &Journal) {
        if !journal.is_sealed() {
            self.sealer = None;
        }
    }

    /// Holds `sealer`'s keys without reading the journal again: `mend encrypt` seals a plain
    /// journal with new keys at its next save.
    pub fn hold_keys(&mut self, sealer: Sealer) {
        self.sealer = Some(sealer);
        self.keys_named = None;
    }

    /// Where this journal's backups go, if it has any.
    pub fn backups(&self) -> Option<&super::Backups> {
        self.backups.as_ref()
    }

    /// The keys the store holds, to wrap them again for a new passphrase or code.
    pub fn sealer(&self) -> Option<&Sealer> {
        self.sealer.as_ref()
    }

    /// The keys the store holds, to seal another copy of the journal with them.
    pub fn sealer_mut(&mut self) -> Option<&mut Sealer> {
        self.sealer.as_mut()
    }

    /// A journal as read from `path`, opened with the keys the store holds. Without keys, an
    /// encrypted journal stays sealed and says so (`Opened::Nothing`).
    pub(super) fn opened(
        &mut self,
        path: &Path,
        mut journal: Journal,
    ) -> Result<Journal, LoadError> {
        if !journal.is_sealed() {
            return Ok(journal);
        }
        let named = journal.sealing.as_ref().and_then(|s| s.keys_id.clone());
        if let (Some(held), Some(now)) = (&self.keys_named, &named)
            && held != now
        {
            // Encrypted again elsewhere, with new keys: the ones held open none of it, so it
            // is held sealed until a passphrase opens it (never reported as damaged).
            self.sealer = None;
            self.keys_named = None;
        }
        match &mut self.sealer {
            Some(sealer) => {
                sealer
                    .open(&mut journal)
                    .map_err(|source| LoadError::Sealed {
                        path: path.to_owned(),
                        source,
                    })?;
                self.keys_named = named;
            }
            None => journal.set_opened(Opened::Nothing),
        }
        Ok(journal)
    }

    /// The bytes `journal` is saved as: sealed with the store's keys when it is encrypted
    /// (the keys keep them, so the next save copies the records it does not change).
    pub(super) fn bytes_of(
        &mut self,
        path: &Path,
        journal: &Arc<Journal>,
    ) -> Result<Arc<Vec<u8>>, SaveError> {
        if !journal.is_sealed() {
            return Ok(Arc::new(to_bytes(journal)?));
        }
        let Some(sealer) = self.sealer.as_mut() else {
            // Without keys only a journal whose words are all still sealed is written.
            return match super::seal::all_sealed(journal) {
                true => Ok(Arc::new(to_bytes(journal)?)),
                false => Err(SaveError::Locked {
                    path: path.to_owned(),
                }),
            };
        };
        let bytes = sealer.seal_to_bytes(journal).map_err(|err| match err {
            WriteError::Sealing(source) => SaveError::Sealing {
                path: path.to_owned(),
                source,
            },
            WriteError::Json(err) => SaveError::Serialize(err),
        })?;
        self.keys_named = Some(sealer.keys_id());
        Ok(bytes)
    }
}

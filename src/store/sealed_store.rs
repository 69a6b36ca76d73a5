//! The store on an encrypted journal: unlocking, opening what is read, sealing what is saved.

use std::path::Path;
use std::sync::Arc;

use super::Store;
use super::load::LoadError;
use super::save::{SaveError, to_bytes};
use super::seal::{SealError, Sealer};
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
        let Some((sealed, stamp)) = held_sealed else {
            self.loaded = None;
            return self.load();
        };
        let sealed = Arc::try_unwrap(sealed).unwrap_or_else(|shared| Journal::clone(&shared));
        match self.opened(&self.real_path(), sealed) {
            Ok(opened) => {
                self.loaded = Some((Arc::new(opened), stamp));
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

    /// The bytes `journal` is saved as: sealed with the store's keys when it is encrypted.
    pub(super) fn bytes_of(
        &mut self,
        path: &Path,
        journal: &Journal,
    ) -> Result<Vec<u8>, SaveError> {
        if !journal.is_sealed() {
            return Ok(to_bytes(journal)?);
        }
        let Some(sealer) = self.sealer.as_mut() else {
            // Without keys only a journal whose words are all still sealed is written.
            return match super::seal::all_sealed(journal) {
                true => Ok(to_bytes(journal)?),
                false => Err(SaveError::Locked {
                    path: path.to_owned(),
                }),
            };
        };
        let sealed = sealer
            .seal(journal)
            .map_err(|source: SealError| SaveError::Sealing {
                path: path.to_owned(),
                source,
            })?;
        self.keys_named = Some(sealer.keys_id());
        Ok(to_bytes(&sealed)?)
    }
}

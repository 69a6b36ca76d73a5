//! The store on a shared folder: reads every laptop's file merged, writes only this laptop's.

use std::path::Path;
use std::sync::Arc;

use super::Store;
use super::gather::gather;
use super::lock::JournalLock;
use super::save::write_atomically;
use super::shared::{Listing, SharedFiles, move_aside};
use super::stamp::FileStamp;
use super::watch::Freshness;
use crate::journal::Journal;

impl Store {
    /// This laptop's files in a shared folder, if the store is on one.
    pub fn shared_files(&self) -> Option<&SharedFiles> {
        self.shared.as_ref()
    }

    /// Reads and merges the whole folder; warnings become notices. The journal held before
    /// is merged in too, so a file skipped for now (half-delivered, say) takes nothing off
    /// the screen: every merge only ever adds to what was seen.
    pub(super) fn gather_shared(&mut self) -> Option<(Arc<Journal>, Option<FileStamp>)> {
        let shared = self.shared.as_mut()?;
        let listing = Listing::of(&shared.folder);
        let gathered = gather(&shared.own, &shared.kept, &listing);
        shared.seen = Some(listing);
        shared.copies = gathered.merged_copies;
        shared.plain_left = gathered.plain_left;
        shared.plain_copies = gathered.plain_copies_covered;
        let encrypted_since = gathered.encrypted_since;
        shared.skipped.clone_from(&gathered.warnings);
        let stamp = FileStamp::of(&shared.own);
        let own = shared.own.clone();
        self.notices.extend(gathered.warnings);
        if encrypted_since && let Some(journal) = &gathered.journal {
            self.remove_plain_backups_once(journal);
        }
        let held = self.loaded.as_ref().map(|(journal, _)| Arc::clone(journal));
        // Every laptop's file is merged sealed, as the merge needs no key, then opened once.
        let now = match gathered.journal.map(|journal| self.opened(&own, journal)) {
            Some(Ok(journal)) => Some(journal),
            Some(Err(err)) => {
                self.notices.push(err.to_string());
                None
            }
            None => None,
        };
        let journal = match (now, held) {
            (Some(now), Some(held)) if now.check_can_merge(&held).is_ok() => {
                Arc::new(now.merge(&held).0)
            }
            (Some(now), _) => Arc::new(now),
            (None, held) => held?,
        };
        Some((journal, stamp))
    }

    /// The journal was encrypted on another laptop since this one last wrote: this laptop's
    /// own backups from before hold its words unsealed, so they go, once a run, as
    /// `mend encrypt` removes them on the laptop it runs on.
    fn remove_plain_backups_once(&mut self, of: &Journal) {
        if std::mem::replace(&mut self.plain_backups_removed, true) {
            return;
        }
        let removed = (self.backups.as_ref()).map_or(0, |b| b.remove_plain_of_couple(of));
        if removed > 0 {
            self.notices.push(format!(
                "The journal was encrypted on the other laptop. The {} on this laptop held the words unsealed; {} removed, and backups from now on are sealed too.",
                crate::words::count(removed, "earlier backup", "earlier backups"),
                if removed == 1 { "it was" } else { "they were" }
            ));
        }
    }

    /// The lock for saving: beside the journal, or for a shared folder beside this laptop's
    /// copy in the state folder, so no lock file travels to the other laptop (only the
    /// processes of this laptop ever write its file).
    pub(super) fn lock(&self, real: &Path) -> anyhow::Result<JournalLock> {
        match &self.shared {
            Some(shared) => {
                super::private_dir::ensure_parent(&shared.kept)?;
                JournalLock::acquire(&shared.kept)
            }
            None => JournalLock::acquire(real),
        }
    }

    /// Whether the folder changed since it was last read.
    pub(super) fn shared_changed(&self) -> bool {
        self.shared
            .as_ref()
            .is_some_and(|s| s.seen.as_ref() != Some(&Listing::of(&s.folder)))
    }

    /// After this laptop's file is written: its copy in the state folder, then the conflict
    /// copies that went into it are moved aside.
    /// `bytes` are what was written to this laptop's file.
    pub(super) fn after_shared_save(&mut self, bytes: &[u8]) {
        let Some(shared) = self.shared.as_mut() else {
            return;
        };
        let kept = super::private_dir::ensure_parent(&shared.kept)
            .map_err(|err| err.to_string())
            .and_then(|()| {
                write_atomically(&shared.kept, bytes, self.steps.as_ref())
                    .map_err(|err| err.to_string())
            });
        if let Err(err) = kept {
            self.notices.push(format!(
                "The copy of this laptop's journal kept at {} could not be written ({err}); the shared folder has it.",
                shared.kept.display()
            ));
        }
        let copies = std::mem::take(&mut shared.copies);
        self.notices.extend(move_aside(&copies));
        let taken = shared.take_plain_copies_aside((self.clock)());
        self.notices.extend(taken);
        shared.seen = Some(Listing::of(&shared.folder));
    }

    /// `look_for_changes` on a shared folder: any file in it changed means a new merge.
    pub(super) fn look_for_shared_changes(&mut self) -> Freshness {
        if !self.shared_changed() {
            return Freshness::Same;
        }
        let before = self.shared();
        let notices = self.notices.len();
        match self.gather_shared() {
            Some((journal, stamp)) if Some(&journal) != before.as_ref() => {
                self.forget_keys_of_a_plain(&journal);
                self.loaded = Some((Arc::clone(&journal), stamp));
                Freshness::Newer(journal)
            }
            // Nothing new to show, but a file was skipped: say so now, once.
            _ if self.notices.len() > notices => {
                Freshness::Unreadable(self.notices.split_off(notices).join(" "))
            }
            _ => Freshness::Same,
        }
    }
}

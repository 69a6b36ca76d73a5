//! The open app's looks at the journal on disk: whether another process saved it (and
//! reading it then), and whether it may have been encrypted meanwhile.

use std::sync::Arc;

use super::Store;
use super::load::load_stamped;
use super::shared::Listing;
use super::stamp::FileStamp;
use super::watch::{Freshness, PLAIN, should_reload, unreadable_words, version_at_top};

impl Store {
    /// Looks at the file's stamp (one stat, nothing read) and, when another process saved
    /// it, reads it through the same checks as start-up. A file that is gone is left alone:
    /// the journal on screen stays. Nothing is ever written here.
    pub fn look_for_changes(&mut self) -> Freshness {
        if self.shared.is_some() {
            return self.look_for_shared_changes();
        }
        let real = self.real_path();
        let on_disk = FileStamp::of(&real);
        let held = self.loaded.as_ref().and_then(|(_, stamp)| *stamp);
        if !should_reload(held, self.skipped, on_disk) {
            return Freshness::Same;
        }
        let read = load_stamped(&real).and_then(|found| match found {
            Some((journal, stamp)) => Ok(Some((self.opened(&real, journal)?, stamp))),
            None => Ok(None),
        });
        match read {
            Ok(Some((journal, stamp))) => {
                self.skipped = None;
                self.make_private_again(&real);
                self.forget_keys_of_a_plain(&journal);
                let journal = Arc::new(journal);
                self.loaded = Some((Arc::clone(&journal), Some(stamp)));
                Freshness::Newer(journal)
            }
            Ok(None) => Freshness::Same,
            Err(err) => {
                // Remember this version so it is read (and reported) once, not every second.
                self.skipped = FileStamp::of(&real);
                Freshness::Unreadable(unreadable_words(&err))
            }
        }
    }

    /// Whether the journal on disk may have been encrypted since this store last read it,
    /// though the one it holds is not: when the file (or the shared folder) changed, the
    /// version at the top of each of its files is looked at, nothing more read. A version
    /// that cannot be found there counts as encrypted.
    pub fn may_be_encrypted_on_disk(&self) -> bool {
        let files = match &self.shared {
            Some(shared) if self.shared_changed() => Listing::of(&shared.folder).devices,
            Some(_) => return false,
            None => {
                let real = self.real_path();
                let held = self.loaded.as_ref().and_then(|(_, stamp)| *stamp);
                match FileStamp::of(&real) {
                    Some(now) if held != Some(now) => vec![(real, now)],
                    _ => return false,
                }
            }
        };
        files
            .iter()
            .any(|(file, _)| version_at_top(file).is_none_or(|v| v > PLAIN))
    }
}

//! One window at a time keeps a partner's draft: a lock beside it, held by the window that
//! writes it, so a second window for the same partner never writes over or removes it.

use anyhow::{Context, Result};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::journal::PartnerId;
use crate::store::{HeldLock, create_private_dir};

/// Why a window keeps no draft while another window holds its partner's.
pub const HELD_ELSEWHERE: &str =
    "another mend window on this computer is keeping this writer's draft";

/// Why a window keeps no draft while a draft it was never offered waits for its partner.
pub const WAITING_ELSEWHERE: &str = "writing another mend window kept as this writer's draft waits to be offered back the next time mend opens, and is not written over";

/// The drafts this window holds, by partner, in one drafts folder, and the ones that are
/// its own to write over or remove: those it wrote, and those it offered back.
#[derive(Debug)]
pub struct DraftHolds {
    dir: PathBuf,
    held: HashMap<PartnerId, HeldLock>,
    own: HashSet<PartnerId>,
}

impl DraftHolds {
    pub fn new(dir: impl Into<PathBuf>) -> DraftHolds {
        DraftHolds {
            dir: dir.into(),
            held: HashMap::new(),
            own: HashSet::new(),
        }
    }

    /// `partner`'s draft is this window's own: it wrote it, or offered it back here.
    pub fn own(&mut self, partner: PartnerId) {
        self.own.insert(partner);
    }

    /// Whether `partner`'s draft is this window's own to write over or remove.
    pub fn owns(&self, partner: PartnerId) -> bool {
        self.own.contains(&partner)
    }

    /// Holds `partner`'s draft for this window, if it does not already: `Ok(false)` when
    /// another window holds it.
    pub fn hold(&mut self, partner: PartnerId) -> Result<bool> {
        if self.held.contains_key(&partner) {
            return Ok(true);
        }
        create_private_dir(&self.dir).with_context(|| {
            format!("Could not create the drafts folder {}", self.dir.display())
        })?;
        let path = self.dir.join(format!("{partner}.lock"));
        match HeldLock::try_take(&path)? {
            Some(lock) => {
                self.held.insert(partner, lock);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Whether another window holds `partner`'s draft: it is that window's writing, so this
    /// one does not offer it back.
    pub fn held_elsewhere(&self, partner: PartnerId) -> bool {
        if self.held.contains_key(&partner) {
            return false;
        }
        let path = self.dir.join(format!("{partner}.lock"));
        // Taken only to look, and let go at once; a folder not made yet is held by no one.
        path.exists() && matches!(HeldLock::try_take(&path), Ok(None))
    }

    /// Lets `partner`'s draft go, once it is saved or dropped, for another window to hold.
    pub fn release(&mut self, partner: PartnerId) {
        self.held.remove(&partner);
        self.own.remove(&partner);
    }
}

#[cfg(test)]
mod tests {
    use super::DraftHolds;
    use crate::journal::PartnerId;

    #[test]
    fn a_second_holder_waits_until_the_first_lets_the_draft_go() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let alex = PartnerId(uuid::Uuid::from_u128(1));
        let sam = PartnerId(uuid::Uuid::from_u128(2));
        let mut first = DraftHolds::new(dir.path());
        let mut second = DraftHolds::new(dir.path());
        assert!(first.hold(alex).expect("held"));
        assert!(
            first.hold(alex).expect("held again"),
            "holding twice is fine"
        );
        assert!(
            !second.hold(alex).expect("asked"),
            "the first window holds it"
        );
        assert!(second.hold(sam).expect("held"), "another partner's is free");
        assert!(second.held_elsewhere(alex));
        assert!(!first.held_elsewhere(alex), "not elsewhere for the holder");
        first.release(alex);
        assert!(!second.held_elsewhere(alex));
        assert!(second.hold(alex).expect("held"), "let go, it can be held");
    }
}

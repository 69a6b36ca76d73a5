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
pub const WAITING_ELSEWHERE: &str =
    "a draft another mend window kept for this writer waits to be offered back, and stays";

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

    /// Whether `partner`'s draft may be offered back in this window: it holds it then (so
    /// no other window is offered it too) and it is its own. Not while another window
    /// holds it; offered when no lock can be taken at all (a folder that cannot be made).
    pub fn offer(&mut self, partner: PartnerId) -> bool {
        match self.hold(partner) {
            Ok(false) => false,
            Ok(true) | Err(_) => {
                self.own(partner);
                true
            }
        }
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
        assert!(!second.offer(alex), "held by the first: not offered");
        assert!(!second.owns(alex));
        first.release(alex);
        assert!(second.offer(alex), "let go, it is offered and held");
        assert!(second.owns(alex));
        assert!(!first.offer(alex), "now the second holds it");
    }
}

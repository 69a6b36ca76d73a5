//! An entry's earlier versions: who may read each one, and letting them go.

use chrono::{DateTime, Utc};

use super::book::Journal;
use super::clock::Clock;
use super::entry::{EarlierVersion, Entry, Visibility};
use super::error::DomainError;
use super::ids::{PartnerId, RecordId};
use super::lookup::live_record_mut;
use super::sight::Reader;

impl Entry {
    /// The earlier versions `reader` may read beside this entry, oldest first, for an entry
    /// they may read. Its author reads them all. Anyone else reads only those that were
    /// shared when they were written, and only while the entry itself is shared: words that
    /// were private on another laptop stay private, whatever the entry says now.
    pub fn earlier_versions_for(&self, reader: Reader) -> Vec<&EarlierVersion> {
        let author = reader == Reader::Partner(self.meta.author);
        if !author && !self.is_shared() {
            return Vec::new();
        }
        self.earlier_versions
            .iter()
            .filter(|v| author || v.visibility == Visibility::Shared)
            .collect()
    }
}

impl Journal {
    /// The author keeps the entry's words as they are and lets go of the earlier versions
    /// they saw (named by clock in `seen`). A version that arrived since is kept. Each one
    /// let go is marked as written over, so a copy that still holds it does not bring it
    /// back in a merge; words written on another laptop after it are new and are kept.
    /// Nothing changes, and the entry's clock stays, when none of `seen` is still there.
    pub fn let_earlier_versions_go(
        &mut self,
        id: RecordId,
        by: PartnerId,
        seen: &[Clock],
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let device = self.device().clone();
        let entry = live_record_mut(&mut self.entries, id)?;
        if entry.meta.author != by {
            return Err(DomainError::NotYourEntry);
        }
        let (gone, kept): (Vec<EarlierVersion>, Vec<EarlierVersion>) =
            std::mem::take(&mut entry.earlier_versions)
                .into_iter()
                .partition(|v| seen.contains(&v.clock));
        entry.earlier_versions = kept;
        if gone.is_empty() {
            return Ok(());
        }
        let over = gone
            .iter()
            .flat_map(|v| std::iter::once(&v.clock).chain(&v.written_over))
            .filter(|clock| clock.device != device)
            // A version still kept must stay kept: nothing let go may cover it.
            .filter(|clock| {
                !entry
                    .earlier_versions
                    .iter()
                    .any(|v| Entry::was_written_over(std::slice::from_ref(clock), &v.clock))
            })
            .cloned()
            .collect::<Vec<Clock>>();
        for clock in &over {
            entry.mark_written_over(clock);
        }
        entry.note_written_over(&device);
        entry.meta.touch(now, &device);
        Ok(())
    }
}

//! Whether one copy holds nothing another lacks: every record of it is in the other, at the
//! same or a later change. A copy from before the journal was encrypted, covered by the
//! encrypted journal, can be let go without losing a word.

use std::collections::HashMap;

use crate::journal::{Clock, Journal, Meta, RecordId};

impl Journal {
    /// Whether every record of this copy is in `other` with the same or a later clock, so
    /// merging this copy into `other` would bring nothing.
    pub fn is_covered_by(&self, other: &Journal) -> bool {
        let theirs: HashMap<RecordId, &Clock> = metas(other).map(|m| (m.id, &m.clock)).collect();
        metas(self).all(|mine| {
            theirs
                .get(&mine.id)
                .is_some_and(|clock| *clock >= &mine.clock)
        })
    }
}

/// Every record's metadata, of every kind.
fn metas(journal: &Journal) -> impl Iterator<Item = &Meta> {
    let j = journal;
    (j.entries.iter().map(|r| &r.meta))
        .chain(j.checkins.iter().map(|r| &r.meta))
        .chain(j.promises.iter().map(|r| &r.meta))
        .chain(j.kind_acts.iter().map(|r| &r.meta))
        .chain(j.plan_items.iter().map(|r| &r.meta))
        .chain(j.hard_moments.iter().map(|r| &r.meta))
        .chain(j.pauses.iter().map(|r| &r.meta))
        .chain(j.replies.iter().map(|r| &r.meta))
        .chain(j.talks.iter().map(|r| &r.meta))
}

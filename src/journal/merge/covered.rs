//! Whether one copy holds nothing another lacks: merging it in would change no record of
//! the other. A copy from before the journal was encrypted, covered by the encrypted journal,
//! can be let go without losing a word.
//!
//! Clocks alone do not decide it: a merge keeps more than the later clock (the words an entry
//! held on another computer, as an earlier version; every step of a promise), so the copy
//! is merged in and the records compared. Words in two copies sealed apart, or one sealed and
//! one not, never compare equal: blank them in both first (`store::seal::words_blanked`).

use super::super::book::Journal;
use super::super::ids::RecordId;
use super::super::meta::Meta;

impl Journal {
    /// Whether merging `copy` into this journal would change none of its records (the
    /// header aside): every record of `copy` is here, as it would be after the merge.
    pub fn covers(&self, copy: &Journal) -> bool {
        let (merged, _) = self.merge(copy);
        same_records(&merged, self)
    }
}

/// Whether `a` and `b` hold the same records of every kind, in whatever order.
fn same_records(a: &Journal, b: &Journal) -> bool {
    same(&a.entries, &b.entries, |r| &r.meta)
        && same(&a.checkins, &b.checkins, |r| &r.meta)
        && same(&a.promises, &b.promises, |r| &r.meta)
        && same(&a.kind_acts, &b.kind_acts, |r| &r.meta)
        && same(&a.plan_items, &b.plan_items, |r| &r.meta)
        && same(&a.hard_moments, &b.hard_moments, |r| &r.meta)
        && same(&a.pauses, &b.pauses, |r| &r.meta)
        && same(&a.replies, &b.replies, |r| &r.meta)
        && same(&a.talks, &b.talks, |r| &r.meta)
}

/// Whether two lists hold the same records, matched by id.
fn same<T: PartialEq>(a: &[T], b: &[T], meta: impl Fn(&T) -> &Meta) -> bool {
    let by_id = |list: &[T]| -> Vec<(RecordId, usize)> {
        let mut ids: Vec<_> = list
            .iter()
            .enumerate()
            .map(|(at, r)| (meta(r).id, at))
            .collect();
        ids.sort_unstable();
        ids
    };
    let (x, y) = (by_id(a), by_id(b));
    x.len() == y.len()
        && x.iter()
            .zip(&y)
            .all(|((xid, xat), (yid, yat))| xid == yid && a[*xat] == b[*yat])
}

//! Giving every partner and record a new id while keeping every reference between them.

use std::collections::HashMap;
use uuid::Uuid;

use super::{Acknowledgement, Journal, Meta, PartnerId, sort_records};

impl Journal {
    /// Replaces each id (partners first, then records in list order) with `fresh(old)`,
    /// rewrites every field that points at an id to match, and sorts the records again.
    ///
    /// A journal built with a fixed clock still gets random ids; this lets a caller such
    /// as the demo generator make them reproducible.
    pub fn renumber(&mut self, mut fresh: impl FnMut(Uuid) -> Uuid) {
        let mut new_ids: HashMap<Uuid, Uuid> = HashMap::new();
        let mut assign = |old: Uuid| {
            new_ids.entry(old).or_insert_with(|| fresh(old));
        };
        self.partners.iter().for_each(|p| assign(p.id.0));
        self.entries.iter().for_each(|e| assign(e.meta.id));
        self.checkins.iter().for_each(|c| assign(c.meta.id));
        self.promises.iter().for_each(|p| assign(p.meta.id));
        self.kind_acts.iter().for_each(|k| assign(k.meta.id));

        let id = |old: Uuid| new_ids.get(&old).copied().unwrap_or(old);
        let partner = |old: PartnerId| PartnerId(id(old.0));
        let meta = |meta: &mut Meta| {
            meta.id = id(meta.id);
            meta.author = partner(meta.author);
        };
        let ack = |ack: &mut Option<Acknowledgement>| {
            if let Some(ack) = ack {
                ack.by = partner(ack.by);
            }
        };
        for p in &mut self.partners {
            p.id = partner(p.id);
        }
        self.entries.iter_mut().for_each(|e| meta(&mut e.meta));
        self.checkins.iter_mut().for_each(|c| meta(&mut c.meta));
        for k in &mut self.kind_acts {
            meta(&mut k.meta);
            ack(&mut k.acknowledged);
        }
        for p in &mut self.promises {
            meta(&mut p.meta);
            p.to = partner(p.to);
            p.renegotiated_from = p.renegotiated_from.map(id);
            p.replaced_by = p.replaced_by.map(id);
            p.history.iter_mut().for_each(|c| c.by = partner(c.by));
            ack(&mut p.acknowledged);
        }
        sort_records(self);
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use chrono::{Duration, TimeZone, Utc};

    /// A journal with every kind of reference: authors, a renegotiated promise (links both
    /// ways), status changes, and acknowledgements of a promise and of a kind act.
    fn linked_journal() -> Journal {
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 21, 0, 0).unwrap();
        let day = at.date_naive();
        let mut j = Journal::new(("Alex", None), ("Sam", None), at, day).unwrap();
        let (alex, sam) = (j.partners[0].id, j.partners[1].id);
        let later = |minutes| at + Duration::minutes(minutes);
        let entry = NewEntry {
            author: sam,
            day,
            stage: Stage::Healing,
            prompt_id: None,
            prompt: None,
            text: "A calmer evening.".into(),
            visibility: Visibility::Shared,
        };
        j.add_entry(entry, later(1), day).unwrap();
        let promise = NewPromise {
            by: alex,
            to: sam,
            text: "Call when I'm late".into(),
            made: day,
            due: None,
            size: None,
        };
        let first = j.add_promise(promise, later(2), day).unwrap();
        let renegotiate = PromiseAction::Renegotiate {
            text: Some("Text when I'm late".into()),
            due: None,
        };
        let second = j
            .change_promise(first, alex, renegotiate, None, later(3), day)
            .unwrap()
            .unwrap();
        j.change_promise(second, alex, PromiseAction::Keep, None, later(4), day)
            .unwrap();
        j.acknowledge_promise(second, sam, None, later(5)).unwrap();
        let act = j.add_kind_act(sam, "Made tea", day, later(6), day).unwrap();
        j.acknowledge_kind_act(act, alex, None, later(7)).unwrap();
        j
    }

    #[test]
    fn every_id_changes_and_every_reference_follows() {
        let before = linked_journal();
        let mut after = before.clone();
        let mut next = 0u128;
        after.renumber(|_| {
            next += 1;
            uuid::Uuid::from_u128(next)
        });

        let old_ids: Vec<_> = before.partners.iter().map(|p| p.id.0).collect();
        assert!(after.partners.iter().all(|p| !old_ids.contains(&p.id.0)));
        assert_eq!(after.problems(after.started), Vec::<String>::new());
        let (alex, sam) = (after.partners[0].id, after.partners[1].id);
        assert_eq!(after.entries[0].meta.author, sam);

        let first = after
            .promises
            .iter()
            .find(|p| p.replaced_by.is_some())
            .unwrap();
        let second = after
            .promises
            .iter()
            .find(|p| p.renegotiated_from.is_some())
            .unwrap();
        assert_eq!(first.replaced_by, Some(second.meta.id));
        assert_eq!(second.renegotiated_from, Some(first.meta.id));
        assert_eq!((second.by(), second.to), (alex, sam));
        assert!(second.history.iter().all(|c| c.by == alex));
        assert_eq!(second.acknowledged.as_ref().map(|a| a.by), Some(sam));
        assert_eq!(after.kind_acts[0].meta.author, sam);
        assert_eq!(
            after.kind_acts[0].acknowledged.as_ref().map(|a| a.by),
            Some(alex)
        );
    }

    #[test]
    fn records_are_sorted_by_their_new_ids() {
        let mut j = linked_journal();
        let mut next = u128::MAX;
        j.renumber(|_| {
            next -= 1;
            uuid::Uuid::from_u128(next)
        });
        assert!(j.promises.windows(2).all(|w| w[0].meta.id < w[1].meta.id));
    }
}

//! Joining the parts of a journal that are not records: the partners, the settings, the
//! header's other fields.
//!
//! A partner's name and role each follow their own `*_updated` stamp, the later kept (a
//! stamp beats none). Settings carry no stamp yet, so when two copies differ the choice is
//! the one whose written form sorts last: arbitrary, but the same whatever the order.
//! Unknown fields are joined key by key in the same way.

use serde::Serialize;

use super::super::book::Journal;
use super::super::meta::{Extra, RawJson};
use super::super::partner::Partner;
use super::{MergeReport, written};

/// Joins `other`'s header into `merged` (a copy of this journal).
pub(super) fn merge_header(merged: &mut Journal, other: &Journal, report: &mut MergeReport) {
    let before = (merged.partners.clone(), merged.settings.clone());
    let mut partners: Vec<Partner> = Vec::new();
    for partner in merged.partners.iter().chain(&other.partners) {
        match partners.iter_mut().find(|p| p.id == partner.id) {
            Some(held) => *held = join_partner(held, partner),
            None => partners.push(partner.clone()),
        }
    }
    // Copies of one journal list the partners in one order, kept as it is; two copies that
    // disagree get them by id, so the order never depends on which copy came first.
    let order = |list: &[Partner]| list.iter().map(|p| p.id).collect::<Vec<_>>();
    if order(&merged.partners) != order(&other.partners) {
        partners.sort_by_key(|p| p.id);
    }
    merged.partners = partners;
    merged.settings = larger(&merged.settings, &other.settings).clone();
    merged.started = merged.started.min(other.started);
    merged.version = merged.version.max(other.version);
    merged.sealing = match (&merged.sealing, &other.sealing) {
        (Some(ours), Some(theirs)) => Some(ours.join(theirs)),
        (ours, theirs) => ours.clone().or_else(|| theirs.clone()),
    };
    // Words only one copy could open stay sealed in the other's records.
    merged.set_opened(merged.opened().least(other.opened()));
    merged.extra = join_extra(&merged.extra, &other.extra);
    report.header_changed = before != (merged.partners.clone(), merged.settings.clone());
}

/// One partner as both copies hold them: the later name and the later role.
fn join_partner(a: &Partner, b: &Partner) -> Partner {
    let name_from = by_stamp(a, b, |p| p.name_updated, |p| written(&p.name));
    let role_from = by_stamp(a, b, |p| p.role_updated, |p| written(&p.role));
    Partner {
        id: a.id,
        name: name_from.name.clone(),
        name_updated: name_from.name_updated,
        role: role_from.role,
        role_updated: role_from.role_updated,
        extra: join_extra(&a.extra, &b.extra),
    }
}

/// Of two partners, the one whose `stamp` is later; on equal stamps, the larger `form`.
fn by_stamp<'a, S: Ord, F: Ord>(
    a: &'a Partner,
    b: &'a Partner,
    stamp: impl Fn(&Partner) -> S,
    form: impl Fn(&Partner) -> F,
) -> &'a Partner {
    if (stamp(a), form(a)) >= (stamp(b), form(b)) {
        a
    } else {
        b
    }
}

/// Of two values, the one whose written form sorts last.
fn larger<'a, T: Serialize>(a: &'a T, b: &'a T) -> &'a T {
    if written(a) >= written(b) { a } else { b }
}

/// Unknown fields from both: every key kept, and of two values for one key the larger.
pub(super) fn join_extra(a: &Extra, b: &Extra) -> Extra {
    let mut joined = a.clone();
    for (key, value) in b {
        let keep: RawJson = match joined.get(key) {
            Some(held) if held.get() >= value.get() => held.clone(),
            _ => value.clone(),
        };
        joined.insert(key.clone(), keep);
    }
    joined
}

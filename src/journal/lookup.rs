//! Finding a record by its id or by the first characters of it, as people type them.

use super::book::Journal;
use super::error::DomainError;
use super::ids::RecordId;
use super::kind_act::KindAct;
use super::meta::{Record, live};
use super::promise::Promise;

impl Journal {
    /// Finds the one live promise whose id starts with `prefix` (like a git hash).
    pub fn promise_by_prefix(&self, prefix: &str) -> Result<&Promise, DomainError> {
        find_by_prefix(&self.promises, prefix)
    }

    /// Finds the one live kind act whose id starts with `prefix`.
    pub fn kind_act_by_prefix(&self, prefix: &str) -> Result<&KindAct, DomainError> {
        find_by_prefix(&self.kind_acts, prefix)
    }
}

/// The one live record whose id starts with `prefix`.
fn find_by_prefix<'a, T: Record>(records: &'a [T], prefix: &str) -> Result<&'a T, DomainError> {
    let id = resolve_prefix(prefix, live(records).map(Record::id))?;
    live(records)
        .find(|r| r.id() == id)
        .ok_or(DomainError::UnknownRecord(id))
}

/// Resolves an id prefix (with or without dashes) to exactly one id.
pub fn resolve_prefix(
    prefix: &str,
    ids: impl Iterator<Item = RecordId>,
) -> Result<RecordId, DomainError> {
    let wanted: String = prefix
        .trim()
        .chars()
        .filter(|c| *c != '-')
        .collect::<String>()
        .to_lowercase();
    if wanted.is_empty() || !wanted.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(DomainError::BadId(prefix.trim().to_owned()));
    }
    let mut found: Vec<RecordId> = ids
        .filter(|id| id.simple().to_string().starts_with(&wanted))
        .collect();
    let copies = found.len();
    found.sort();
    found.dedup();
    match (found.as_slice(), copies) {
        ([id], 1) => Ok(*id),
        // A hand-edited file can hold one id twice; no prefix could ever pick one of them.
        ([id], _) => Err(DomainError::DuplicateId(*id)),
        ([], _) => Err(DomainError::NoSuchId(prefix.trim().to_owned())),
        _ => Err(DomainError::AmbiguousId(prefix.trim().to_owned())),
    }
}

/// The record with this id, deleted or not.
pub(crate) fn record_mut<T: Record>(
    records: &mut [T],
    id: RecordId,
) -> Result<&mut T, DomainError> {
    records
        .iter_mut()
        .find(|r| r.id() == id)
        .ok_or(DomainError::UnknownRecord(id))
}

/// The record with this id, unless it was deleted.
pub(crate) fn live_record_mut<T: Record>(
    records: &mut [T],
    id: RecordId,
) -> Result<&mut T, DomainError> {
    records
        .iter_mut()
        .find(|r| r.id() == id && r.is_live())
        .ok_or(DomainError::UnknownRecord(id))
}

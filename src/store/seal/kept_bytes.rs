//! The file bytes kept record by record for the next save of an encrypted journal: those
//! of the sealed journal as read (written out while a passphrase is checked), or those the
//! last save wrote.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use super::file_writer::{RECORD_DEPTH, write_at};
use crate::journal::Journal;

/// Where each record's bytes are, list by list in the file's order: entries, check-ins,
/// promises, kind acts, plan items, hard moments, pauses, replies, talks.
pub(super) type Spans = [Vec<Range<usize>>; 9];

/// Every record of a sealed journal, as read and before it is opened, written out as a save
/// writes it: what the first save after opening copies for the records it did not change.
pub struct PreparedCopy {
    pub(super) bytes: Vec<u8>,
    pub(super) spans: Spans,
}

impl PreparedCopy {
    /// The records of `sealed`, written out.
    pub fn of(sealed: &Journal) -> serde_json::Result<PreparedCopy> {
        let mut bytes = Vec::new();
        let spans = [
            written(&mut bytes, &sealed.entries)?,
            written(&mut bytes, &sealed.checkins)?,
            written(&mut bytes, &sealed.promises)?,
            written(&mut bytes, &sealed.kind_acts)?,
            written(&mut bytes, &sealed.plan_items)?,
            written(&mut bytes, &sealed.hard_moments)?,
            written(&mut bytes, &sealed.pauses)?,
            written(&mut bytes, &sealed.replies)?,
            written(&mut bytes, &sealed.talks)?,
        ];
        Ok(PreparedCopy { bytes, spans })
    }
}

fn written<T: Serialize>(
    bytes: &mut Vec<u8>,
    records: &[T],
) -> serde_json::Result<Vec<Range<usize>>> {
    records
        .iter()
        .map(|record| {
            let start = bytes.len();
            write_at(bytes, record, RECORD_DEPTH)?;
            Ok(start..bytes.len())
        })
        .collect()
}

/// The bytes kept, and the opened journal whose records they hold sealed.
pub(super) struct SealedCopy {
    pub of: Arc<Journal>,
    pub bytes: Arc<Vec<u8>>,
    pub spans: Spans,
}

impl SealedCopy {
    /// How many records' bytes are kept.
    pub fn records(&self) -> usize {
        self.spans.iter().map(Vec::len).sum()
    }
}

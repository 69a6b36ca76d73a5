//! The file bytes of an encrypted journal kept record by record, so a save seals and writes
//! out only the records that changed and copies every other one's bytes as they were.
//!
//! The bytes kept are those the last save wrote, or before the first save those of the
//! sealed records as read ([`PreparedCopy`], written out while a passphrase is checked). A
//! record's bytes are copied only when it is equal, field by field, to the record those bytes
//! hold sealed: its clock is not trusted to say whether it changed.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use super::file_writer::FileWriter;
use super::kept_bytes::{PreparedCopy, SealedCopy, Spans};
use super::{Sealer, WriteError};
use crate::journal::{Journal, Record};

/// Where a record of the journal being saved is written from.
enum Source {
    /// The bytes kept, at this range: the record is equal to the one they hold.
    Kept(Range<usize>),
    /// The next of the records sealed for this save.
    Sealed,
}

impl Sealer {
    /// Keeps `prepared`, made of the sealed journal just opened into `opened`, for the next
    /// save. Nothing is kept if its lists do not have the lengths `opened`'s have.
    pub fn keep_copy(&mut self, prepared: PreparedCopy, opened: &Arc<Journal>) {
        if prepared
            .spans
            .iter()
            .map(Vec::len)
            .eq(opened.list_lengths())
        {
            self.copy = Some(SealedCopy {
                of: Arc::clone(opened),
                bytes: Arc::new(prepared.bytes),
                spans: prepared.spans,
            });
        }
    }

    /// How many records' bytes this sealer keeps for the next save.
    pub fn kept_records(&self) -> usize {
        self.copy.as_ref().map_or(0, SealedCopy::records)
    }

    /// `journal`'s file bytes, sealed, as `to_bytes` of [`Sealer::seal`] would write them: a
    /// record equal to one the bytes kept hold is copied from them; any other is sealed
    /// (unchanged words keeping their token) and written out. The new bytes are kept.
    pub fn seal_to_bytes(&mut self, journal: &Arc<Journal>) -> Result<Arc<Vec<u8>>, WriteError> {
        // Words are left sealed or opened by whose words a copy holds: kept bytes of a copy
        // opened otherwise are not used.
        let copy = self
            .copy
            .take()
            .filter(|copy| copy.of.opened() == journal.opened());
        let (sources, sealed) = match &copy {
            // Nothing kept: every record is sealed, as it is.
            None => {
                let sources = journal
                    .list_lengths()
                    .map(|n| (0..n).map(|_| Source::Sealed).collect());
                (sources, self.seal(journal)?)
            }
            Some(copy) => {
                let (before, spans) = (&*copy.of, &copy.spans);
                let mut changed = journal.header_only();
                // Each list's records, from the bytes kept or into `changed` to be sealed.
                macro_rules! list {
                    ($list:ident, $at:literal) => {
                        sources(
                            &journal.$list,
                            &before.$list,
                            &spans[$at],
                            &mut changed.$list,
                        )
                    };
                }
                let sources = [
                    list!(entries, 0),
                    list!(checkins, 1),
                    list!(promises, 2),
                    list!(kind_acts, 3),
                    list!(plan_items, 4),
                    list!(hard_moments, 5),
                    list!(pauses, 6),
                    list!(replies, 7),
                    list!(talks, 8),
                ];
                (sources, self.seal(&changed)?)
            }
        };
        let kept = copy.as_ref().map_or(&[][..], |copy| &copy.bytes[..]);
        let (bytes, spans) = write_file(&sealed, &sources, kept)?;
        self.copy = Some(SealedCopy {
            of: Arc::clone(journal),
            bytes: Arc::clone(&bytes),
            spans,
        });
        Ok(bytes)
    }
}

/// Where each record of `now` is written from: the kept bytes of the record `before` holds
/// with its id, when the two are equal; otherwise a copy goes into `changed`, to be sealed.
fn sources<T: Record + PartialEq + Clone>(
    now: &[T],
    before: &[T],
    spans: &[Range<usize>],
    changed: &mut Vec<T>,
) -> Vec<Source> {
    let before = if before.len() == spans.len() {
        before
    } else {
        &[]
    };
    let mut next = 0;
    now.iter()
        .map(|record| {
            // Lists are kept in id order, so the record is most often the next one; else it is
            // looked for by its id.
            let at = match before.get(next) {
                Some(same) if same.id() == record.id() => Some(next),
                _ => {
                    let at = before.partition_point(|b| b.id() < record.id());
                    before.get(at).filter(|b| b.id() == record.id()).map(|_| at)
                }
            };
            match at {
                Some(at) if before[at] == *record => {
                    next = at + 1;
                    Source::Kept(spans[at].clone())
                }
                _ => {
                    changed.push(record.clone());
                    Source::Sealed
                }
            }
        })
        .collect()
}

/// The file of `sealed`'s header with each list's records written from `sources`: copied from
/// `kept`, or the next of `sealed`'s records of that list. Returns where each record is.
fn write_file(
    sealed: &Journal,
    sources: &[Vec<Source>; 9],
    kept: &[u8],
) -> Result<(Arc<Vec<u8>>, Spans), WriteError> {
    let Journal {
        format,
        version,
        started,
        settings,
        sealing,
        partners,
        entries,
        checkins,
        promises,
        kind_acts,
        plan_items,
        hard_moments,
        pauses,
        replies,
        talks,
        extra,
        ids: _,
        opened: _,
    } = sealed;
    let mut file = FileWriter::with_capacity(kept.len() + kept.len() / 8 + 4096);
    file.field("format", format)?;
    file.field("version", version)?;
    file.field("started", started)?;
    file.field("settings", settings)?;
    if let Some(sealing) = sealing {
        file.field("sealing", sealing)?;
    }
    file.field("partners", partners)?;
    // The first four lists are always written; the others only when they hold a record.
    let spans = [
        list(&mut file, "entries", true, &sources[0], entries, kept)?,
        list(&mut file, "checkins", true, &sources[1], checkins, kept)?,
        list(&mut file, "promises", true, &sources[2], promises, kept)?,
        list(&mut file, "kind_acts", true, &sources[3], kind_acts, kept)?,
        list(
            &mut file,
            "plan_items",
            false,
            &sources[4],
            plan_items,
            kept,
        )?,
        list(
            &mut file,
            "hard_moments",
            false,
            &sources[5],
            hard_moments,
            kept,
        )?,
        list(&mut file, "pauses", false, &sources[6], pauses, kept)?,
        list(&mut file, "replies", false, &sources[7], replies, kept)?,
        list(&mut file, "talks", false, &sources[8], talks, kept)?,
    ];
    for (key, value) in extra {
        file.field(key, value)?;
    }
    Ok((Arc::new(file.finish()), spans))
}

/// One list: each record copied from `kept` or the next of `sealed`.
fn list<T: Serialize>(
    file: &mut FileWriter,
    key: &str,
    always: bool,
    sources: &[Source],
    sealed: &[T],
    kept: &[u8],
) -> serde_json::Result<Vec<Range<usize>>> {
    if sources.is_empty() && !always {
        return Ok(Vec::new());
    }
    file.begin_list(key)?;
    let mut sealed = sealed.iter();
    let spans = sources
        .iter()
        .map(|source| match source {
            Source::Kept(at) => Ok(file.record_bytes(&kept[at.clone()])),
            Source::Sealed => match sealed.next() {
                Some(record) => file.record(record),
                None => Err(serde::ser::Error::custom("a changed record was not sealed")),
            },
        })
        .collect::<serde_json::Result<Vec<_>>>()?;
    file.end_list();
    Ok(spans)
}

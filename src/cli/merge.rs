//! `mend merge FILE...`: folds other copies of the journal (a conflict copy, a backup, a
//! copy from a USB stick) into this one, under the store's lock, and says what they added.

use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

use super::context::CommandContext;
use super::output::{say, warn};
use crate::journal::{Journal, MergeReport};
use crate::store::{git_markers_advice, has_git_conflict_markers};
use crate::words::count;

pub fn merge(ctx: &CommandContext, files: &[PathBuf]) -> Result<()> {
    let here = ctx.paths.journal.clone();
    let mut copies = Vec::new();
    let mut skipped = 0;
    for file in files {
        match read_copy(file) {
            Ok(copy) => copies.push((file.clone(), copy)),
            Err(reason) => {
                skipped += 1;
                warn(format_args!(
                    "Skipped {}: {reason} It was not merged, and it was left as it is.",
                    file.display()
                ));
            }
        }
    }
    if copies.is_empty() {
        bail!(
            "Nothing was merged into {}: every copy given was skipped (see above).",
            here.display()
        );
    }
    // The merge decides from what is in the clear, so an encrypted journal needs no key.
    let (mut store, _) = ctx.load_sealed()?;
    let (report, refused) = store.update(|journal| {
        let mut report = MergeReport::default();
        let mut refused = Vec::new();
        for (file, copy) in &copies {
            if let Err(err) = journal.check_can_merge(copy) {
                refused.push((file.clone(), err));
                continue;
            }
            let (merged, one) = journal.merge(copy);
            *journal = merged;
            add(&mut report, one);
        }
        Ok((report, refused))
    })?;
    for (file, err) in &refused {
        skipped += 1;
        warn(format_args!("Skipped {}: {err}", file.display()));
    }
    let merged = files.len() - skipped;
    if merged == 0 {
        bail!(
            "Nothing was merged into {}: every copy given was skipped (see above).",
            here.display()
        );
    }
    let from = count(merged, "copy", "copies");
    if report.is_empty() {
        let the = if merged == 1 {
            "the copy".to_owned()
        } else {
            format!("the {from}")
        };
        say!(
            "{}: {the} held nothing this journal did not have already.",
            here.display()
        )?;
    } else {
        say!("{}: merged {from}: {}.", here.display(), describe(&report))?;
    }
    if skipped > 0 {
        bail!(
            "{} could not be merged (see above).",
            count(skipped, "copy", "copies")
        );
    }
    Ok(())
}

/// A copy read whole, or why it is skipped: git conflict markers, a damaged or truncated
/// file, one from a newer mend, or no file at all.
/// It is read as the journal is (a device, a pipe or a folder refused at once, nothing past
/// the size limit), and only a regular file that did not load is looked at for markers.
fn read_copy(file: &Path) -> std::result::Result<Journal, String> {
    match crate::store::load(file) {
        Ok(Some(copy)) => Ok(copy),
        Ok(None) => Err("there is no file there.".to_owned()),
        Err(_) if holds_git_conflict_markers(file) => {
            Err(git_markers_advice(&file.display().to_string()))
        }
        Err(err) => Err(err.to_string()),
    }
}

/// Whether `file`, a regular file within the journal's size limit, holds git's markers.
fn holds_git_conflict_markers(file: &Path) -> bool {
    let small_file = std::fs::metadata(file)
        .is_ok_and(|m| m.is_file() && m.len() <= crate::store::MAX_JOURNAL_BYTES);
    small_file && std::fs::read(file).is_ok_and(|bytes| has_git_conflict_markers(&bytes))
}

fn add(total: &mut MergeReport, one: MergeReport) {
    for (kind, n) in one.added {
        *total.added.entry(kind).or_default() += n;
    }
    for (kind, n) in one.changed {
        *total.changed.entry(kind).or_default() += n;
    }
    total.promise_changes += one.promise_changes;
    total.earlier_versions += one.earlier_versions;
    total.deletions_kept += one.deletions_kept;
    total.checkins_set_aside += one.checkins_set_aside;
    total.header_changed |= one.header_changed;
}

/// What a merge brought, in plain words: "3 entries added, 1 promise change; nothing was
/// lost".
fn describe(report: &MergeReport) -> String {
    let mut parts = Vec::new();
    let kinds = |map: &std::collections::BTreeMap<&'static str, usize>| {
        map.iter()
            .map(|(kind, n)| format!("{n} {}", singular(kind, *n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !report.added.is_empty() {
        parts.push(format!("{} added", kinds(&report.added)));
    }
    if !report.changed.is_empty() {
        parts.push(format!("{} brought up to date", kinds(&report.changed)));
    }
    if report.promise_changes > 0 {
        parts.push(count(
            report.promise_changes,
            "promise change",
            "promise changes",
        ));
    }
    if report.header_changed {
        parts.push("names, roles or settings updated".to_owned());
    }
    if report.earlier_versions > 0 {
        parts.push(format!(
            "{} written on two computers apart, both texts kept",
            count(report.earlier_versions, "entry text", "entry texts")
        ));
    }
    if report.checkins_set_aside > 0 {
        parts.push(format!(
            "{} set aside for an evening that has a newer one (still in the file)",
            count(report.checkins_set_aside, "check-in", "check-ins")
        ));
    }
    let mut text = parts.join(", ");
    if report.deletions_kept > 0 {
        text.push_str(&format!(
            "; {} deleted on one computer after its last change on the other stays deleted",
            count(report.deletions_kept, "entry", "entries")
        ));
    } else {
        text.push_str("; nothing was lost");
    }
    text
}

/// `"entries"` as `"entry"` when there is one.
fn singular(kind: &str, n: usize) -> String {
    if n != 1 {
        return kind.to_owned();
    }
    match kind {
        "entries" => "entry".to_owned(),
        "replies" => "reply".to_owned(),
        other => other.strip_suffix('s').unwrap_or(other).to_owned(),
    }
}

//! Gathering a shared folder: every laptop's file, this laptop's kept copy and the sync
//! engines' conflict copies, read once each and merged into one journal.

use std::path::{Path, PathBuf};

use super::conflict_copies::{git_markers_advice, has_git_conflict_markers};
use super::load::{parse, read_stamped};
use super::seal::words_blanked;
use super::shared::Listing;
use crate::journal::Journal;

/// Everything in a shared folder, merged: the journal, which conflict copies went into it,
/// and a warning for each file skipped.
#[derive(Debug, Default)]
pub struct Gathered {
    pub journal: Option<Journal>,
    pub merged_copies: Vec<PathBuf>,
    pub warnings: Vec<String>,
    /// Unencrypted files holding changes the encrypted journal lacks: left as they are.
    pub plain_left: Vec<PathBuf>,
    /// Unencrypted conflict copies from before the journal was encrypted, all in it: taken
    /// out of the folder after the next save (kept in the state folder), so no word stays
    /// readable there.
    pub plain_copies_covered: Vec<PathBuf>,
    /// Unencrypted files from before the journal was encrypted, all in it, were let go: the
    /// journal was encrypted since this laptop last wrote.
    pub encrypted_since: bool,
}

/// One side of a folder being gathered: the encrypted files merged, or the plain ones.
#[derive(Default)]
struct Side {
    journal: Option<Journal>,
    /// Each file merged in, and whether it is a conflict copy.
    files: Vec<(PathBuf, bool)>,
}

impl Side {
    fn copies(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.files
            .iter()
            .filter(|(_, is_copy)| *is_copy)
            .map(|(path, _)| path.clone())
    }
}

/// Reads `own` (this laptop's file), `kept` (its copy in the state folder) and every file of
/// `listing`, and merges them. A file that cannot be read whole, holds git conflict markers
/// or is another couple's is skipped with a warning naming it; it never blocks the rest.
///
/// Once any file is encrypted, the journal is: the encrypted files are merged, and the
/// plain ones are from before it was encrypted. Plain files that hold nothing the encrypted
/// journal lacks are let go; any that do are skipped with a warning and left as they are.
///
/// Each file is read once. The kept copy is most often the own file byte for byte: it is
/// then only compared with it, not parsed and merged again.
pub fn gather(own: &Path, kept: &Path, listing: &Listing) -> Gathered {
    let mut out = Gathered::default();
    let (mut sealed, mut plain) = (Side::default(), Side::default());
    let mut kept_is_own = false;
    let own_journal = read_one(own, &mut out.warnings, |bytes| {
        kept_is_own = same_bytes(kept, bytes);
    });
    let mut add = |out: &mut Gathered, path: &Path, journal: Journal, is_copy: bool| {
        let side = match journal.is_sealed() {
            true => &mut sealed,
            false => &mut plain,
        };
        fold(out, side, path, journal, is_copy);
    };
    if let Some(journal) = own_journal {
        add(&mut out, own, journal, false);
    }
    if !kept_is_own && let Some(journal) = read_one(kept, &mut out.warnings, |_| {}) {
        add(&mut out, kept, journal, false);
    }
    let others = listing.devices.iter().filter(|(path, _)| path != own);
    for (path, is_copy) in others
        .map(|(path, _)| (path, false))
        .chain(listing.copies.iter().map(|(path, _)| (path, true)))
    {
        if let Some(journal) = read_one(path, &mut out.warnings, |_| {}) {
            add(&mut out, path, journal, is_copy);
        }
    }
    settle(&mut out, sealed, plain);
    out
}

/// The journal gathered from both sides: the encrypted one once there is one.
fn settle(out: &mut Gathered, sealed: Side, plain: Side) {
    let Some(encrypted) = sealed.journal.as_ref() else {
        out.merged_copies = plain.copies().collect();
        out.journal = plain.journal;
        return;
    };
    out.merged_copies = sealed.copies().collect();
    if let Some(before) = &plain.journal {
        let paths = || {
            plain
                .files
                .iter()
                .map(|(path, _)| path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match before.check_can_merge(encrypted) {
            Err(crate::journal::DomainError::NotTheSameJournal) => out.warnings.push(skipped(
                Path::new(&paths()),
                "it is another couple's journal.",
            )),
            _ if words_blanked(encrypted).covers(&words_blanked(before)) => {
                // From before the journal was encrypted, and all in it: nothing to keep.
                out.plain_copies_covered = plain.copies().collect();
                out.encrypted_since = true;
            }
            _ => {
                out.warnings.push(skipped(
                    Path::new(&paths()),
                    "it is not encrypted, and holds changes from before the journal was encrypted that the encrypted journal lacks.",
                ));
                out.plain_left = plain.files.iter().map(|(path, _)| path.clone()).collect();
            }
        }
    }
    out.journal = sealed.journal;
}

/// Whether the file at `path` holds exactly `bytes`, read a piece at a time into a small
/// buffer (no copy of the whole file is made). Any failure to read it is a no.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let same_length = file
        .metadata()
        .is_ok_and(|meta| meta.len() == bytes.len() as u64);
    if !same_length {
        return false;
    }
    let mut piece = vec![0u8; 64 * 1024];
    let mut at = 0;
    loop {
        match file.read(&mut piece) {
            Ok(0) => return at == bytes.len(),
            Ok(n) if bytes.get(at..at + n) == Some(&piece[..n]) => at += n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            _ => return false,
        }
    }
}

/// Merges one file's journal into one side of what was gathered so far, unless it is
/// another couple's.
fn fold(out: &mut Gathered, side: &mut Side, path: &Path, copy: Journal, is_copy: bool) {
    let joined = match side.journal.take() {
        None => copy,
        Some(base) => {
            if let Err(err) = base.check_can_merge(&copy) {
                out.warnings.push(skipped(path, &err.to_string()));
                side.journal = Some(base);
                return;
            }
            base.merge_owned(copy)
        }
    };
    side.journal = Some(joined);
    side.files.push((path.to_owned(), is_copy));
}

fn skipped(path: &Path, why: &str) -> String {
    format!(
        "Skipped {} from the shared folder: {why} Nothing in it was merged this time, and mend wrote nothing over it.",
        path.display()
    )
}

/// The journal in the file at `path`, its bytes shown to `inspect` first; `None` with a
/// warning if it cannot be read whole. The file is read once: only one that does not parse
/// is looked at for git conflict markers (a marker line is never valid JSON).
fn read_one(
    path: &Path,
    warnings: &mut Vec<String>,
    inspect: impl FnOnce(&[u8]),
) -> Option<Journal> {
    let mut marked = false;
    let read = read_stamped(path, |bytes| {
        inspect(bytes);
        parse(path, bytes).inspect_err(|_| marked = has_git_conflict_markers(bytes))
    });
    match read {
        Ok(found) => found.map(|(journal, _)| journal),
        Err(_) if marked => {
            warnings.push(skipped(
                path,
                &git_markers_advice(&path.display().to_string()),
            ));
            None
        }
        Err(err) => {
            warnings.push(skipped(path, &err.to_string()));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Journal;
    use crate::store::shared::move_aside;

    fn couple(first: &str, second: &str) -> Journal {
        let now = chrono::Utc::now();
        Journal::new((first, None), (second, None), now, now.date_naive()).unwrap()
    }

    fn put(dir: &Path, name: &str, journal: &Journal) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, super::super::save::to_bytes(journal).unwrap()).unwrap();
        path
    }

    #[test]
    fn another_couples_file_a_git_marked_one_and_a_truncated_one_are_skipped_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let ours = couple("Alex", "Sam");
        let own = put(dir.path(), "journal.aaaaaaaaaaaaaaaa.json", &ours);
        put(
            dir.path(),
            "journal.bbbbbbbbbbbbbbbb.json",
            &couple("Kim", "Lee"),
        );
        let marked = dir.path().join("journal.cccccccccccccccc.json");
        std::fs::write(&marked, "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> main\n").unwrap();
        let cut = dir.path().join("journal.dddddddddddddddd.json");
        let bytes = super::super::save::to_bytes(&ours).unwrap();
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();

        let kept = dir.path().join("kept.json");
        let found = gather(&own, &kept, &Listing::of(dir.path()));
        assert_eq!(found.journal.as_ref(), Some(&ours), "ours, whole");
        assert_eq!(found.warnings.len(), 3, "{:?}", found.warnings);
        for name in ["bbbbbbbbbbbbbbbb", "cccccccccccccccc", "dddddddddddddddd"] {
            assert!(
                found.warnings.iter().any(|w| w.contains(name)),
                "{name} is named: {:?}",
                found.warnings
            );
        }
    }

    #[test]
    fn the_kept_copy_is_merged_when_it_differs_from_the_own_file_and_only_compared_when_not() {
        let dir = tempfile::tempdir().unwrap();
        let older = couple("Alex", "Sam");
        let mut newer = older.clone();
        let (now, author) = (chrono::Utc::now(), older.partners[0].id);
        let entry = crate::journal::NewEntry {
            author,
            day: now.date_naive(),
            stage: crate::journal::Stage::Healing,
            prompt_id: None,
            prompt: None,
            text: "Only in the kept copy".into(),
            visibility: crate::journal::Visibility::Shared,
        };
        newer.add_entry(entry, now, now.date_naive()).unwrap();
        let own = put(dir.path(), "journal.aaaaaaaaaaaaaaaa.json", &older);
        let kept = put(dir.path(), "kept.json", &newer);
        let listing = Listing::of(dir.path());
        let found = gather(&own, &kept, &listing).journal.unwrap();
        assert!(
            found
                .live_entries()
                .any(|e| e.text == "Only in the kept copy")
        );
        put(dir.path(), "kept.json", &older);
        assert_eq!(gather(&own, &kept, &listing).journal, Some(older));
        let bytes = std::fs::read(&own).unwrap();
        assert!(same_bytes(&own, &bytes) && same_bytes(&kept, &bytes));
        assert!(!same_bytes(&own, &bytes[1..]) && !same_bytes(&dir.path().join("none"), &bytes));
        let mut changed = bytes.clone();
        changed[bytes.len() / 2] ^= 1;
        assert!(!same_bytes(&own, &changed));
    }

    #[test]
    fn a_merged_copy_is_moved_aside_never_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir
            .path()
            .join("journal.a.sync-conflict-20261125-210000-ABCDEF7.json");
        std::fs::write(&copy, "{}").unwrap();
        assert!(move_aside(std::slice::from_ref(&copy)).is_empty());
        assert!(!copy.exists());
        let aside = dir
            .path()
            .join("conflicts-merged")
            .join(copy.file_name().unwrap());
        assert_eq!(std::fs::read_to_string(aside).unwrap(), "{}");
    }
}

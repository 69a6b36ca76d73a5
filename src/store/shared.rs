//! A shared folder: one `journal.<device>.json` a laptop, all read and merged, only ours written.

use std::path::{Path, PathBuf};

use super::conflict_copies::{conflict_copy_engine, git_markers_advice, has_git_conflict_markers};
use super::device::this_device;
use super::load::{parse, read_stamped};
use super::stamp::FileStamp;
use crate::journal::{Device, Journal, file_key};

/// Where a laptop's part of a shared folder lives.
#[derive(Debug, Clone)]
pub struct SharedFiles {
    pub folder: PathBuf,
    /// This laptop's own file in the folder: the only one it writes.
    pub own: PathBuf,
    /// A copy of the own file in the state folder, outside the synced folder, so an engine
    /// that rolls the folder's file back loses nothing.
    pub kept: PathBuf,
    /// The folder as last read.
    pub(super) seen: Option<Listing>,
    /// Conflict copies merged into the journal in memory, moved aside after the next save.
    pub(super) copies: Vec<PathBuf>,
    /// Why each file skipped at the last read was skipped, naming it.
    pub skipped: Vec<String>,
}

impl SharedFiles {
    /// The files for `folder`, with this laptop's device id and copy under `state`.
    pub fn new(folder: &Path, state: &Path) -> SharedFiles {
        let device = this_device(&state.join("device"));
        SharedFiles {
            folder: folder.to_owned(),
            own: folder.join(device_file_name(&device)),
            kept: state
                .join("shared")
                .join(format!("{}.json", file_key(folder))),
            seen: None,
            copies: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

/// The name of a laptop's own file in a shared folder.
pub fn device_file_name(device: &Device) -> String {
    format!("journal.{}.json", device.as_str())
}

/// Whether `name` is a laptop's file (`journal.<device>.json`), not a copy of one.
pub fn is_device_file(name: &str) -> bool {
    name.strip_prefix("journal.")
        .and_then(|rest| rest.strip_suffix(".json"))
        .and_then(Device::parse)
        .is_some_and(|device| device.as_str().len() + 13 == name.len())
}

/// The files of a shared folder that hold the journal: the laptops' files and the conflict
/// copies engines made of them, each with its stamp, sorted by path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub devices: Vec<(PathBuf, FileStamp)>,
    pub copies: Vec<(PathBuf, FileStamp)>,
}

impl Listing {
    /// What is in `folder` now (nothing, if it cannot be read).
    pub fn of(folder: &Path) -> Listing {
        let mut names: Vec<(String, PathBuf)> = std::fs::read_dir(folder)
            .map(|items| {
                items
                    .flatten()
                    .filter_map(|item| Some((item.file_name().to_str()?.to_owned(), item.path())))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let devices: Vec<&str> = names
            .iter()
            .map(|(name, _)| name.as_str())
            .filter(|name| is_device_file(name))
            .collect();
        let mut listing = Listing::default();
        for (name, path) in &names {
            let Some(stamp) = FileStamp::of(path) else {
                continue;
            };
            if is_device_file(name) {
                listing.devices.push((path.clone(), stamp));
            } else if devices
                .iter()
                .any(|device| conflict_copy_engine(name, device).is_some())
            {
                listing.copies.push((path.clone(), stamp));
            }
        }
        listing
    }
}

/// Everything in a shared folder, merged: the journal, which conflict copies went into it,
/// and a warning for each file skipped.
#[derive(Debug, Default)]
pub struct Gathered {
    pub journal: Option<Journal>,
    pub merged_copies: Vec<PathBuf>,
    pub warnings: Vec<String>,
}

/// Reads `own` (this laptop's file), `kept` (its copy in the state folder) and every file of
/// `listing`, and merges them. A file that cannot be read whole, holds git conflict markers
/// or is another couple's is skipped with a warning naming it; it never blocks the rest.
///
/// Each file is read once. The kept copy is most often the own file byte for byte: it is
/// then only compared with it, not parsed and merged again.
pub fn gather(own: &Path, kept: &Path, listing: &Listing) -> Gathered {
    let mut out = Gathered::default();
    let mut kept_is_own = false;
    let own_journal = read_one(own, &mut out.warnings, |bytes| {
        kept_is_own = same_bytes(kept, bytes);
    });
    if let Some(journal) = own_journal {
        fold(&mut out, own, journal, false);
    }
    if !kept_is_own && let Some(journal) = read_one(kept, &mut out.warnings, |_| {}) {
        fold(&mut out, kept, journal, false);
    }
    let others = listing.devices.iter().filter(|(path, _)| path != own);
    for (path, is_copy) in others
        .map(|(path, _)| (path, false))
        .chain(listing.copies.iter().map(|(path, _)| (path, true)))
    {
        if let Some(journal) = read_one(path, &mut out.warnings, |_| {}) {
            fold(&mut out, path, journal, is_copy);
        }
    }
    out
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

/// Merges one file's journal into what was gathered so far, unless it is another couple's.
fn fold(out: &mut Gathered, path: &Path, copy: Journal, is_copy: bool) {
    let joined = match out.journal.take() {
        None => copy,
        Some(base) => {
            if let Err(err) = base.check_can_merge(&copy) {
                out.warnings.push(format!(
                    "Skipped {} from the shared folder: {err} Nothing in it was merged, and mend wrote nothing over it.",
                    path.display()
                ));
                out.journal = Some(base);
                return;
            }
            base.merge_owned(copy)
        }
    };
    out.journal = Some(joined);
    if is_copy {
        out.merged_copies.push(path.to_owned());
    }
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

/// Moves merged conflict copies into `conflicts-merged/` beside them (never deletes them).
/// Call only after the merged journal is written and flushed.
pub fn move_aside(copies: &[PathBuf]) -> Vec<String> {
    let mut warnings = Vec::new();
    for copy in copies {
        let (Some(dir), Some(name)) = (copy.parent(), copy.file_name()) else {
            continue;
        };
        let aside = dir.join("conflicts-merged");
        let moved = super::private_dir::create_private_dir(&aside)
            .and_then(|()| std::fs::rename(copy, aside.join(name)));
        if let Err(err) = moved {
            warnings.push(format!(
                "{} was merged but could not be moved into {} ({err}); it is still there and is harmless.",
                copy.display(),
                aside.display()
            ));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_device_name_is_a_device_file() {
        assert!(is_device_file("journal.0123456789abcdef.json"));
        assert!(!is_device_file("journal.json"));
        assert!(!is_device_file(
            "journal.0123456789abcdef.sync-conflict-20261125-210000-ABCDEF7.json"
        ));
        assert!(!is_device_file("journal.0123456789abcdef.json.tmp"));
    }

    #[test]
    fn a_conflict_copy_of_a_device_file_is_listed_as_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let device = "journal.0123456789abcdef.json";
        let copy = "journal.0123456789abcdef.sync-conflict-20261125-210000-ABCDEF7.json";
        for name in [device, copy, "notes.txt"] {
            std::fs::write(dir.path().join(name), "{}").unwrap();
        }
        let listing = Listing::of(dir.path());
        assert_eq!(listing.devices.len(), 1);
        assert_eq!(listing.copies.len(), 1);
        assert!(listing.copies[0].0.ends_with(copy));
    }

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

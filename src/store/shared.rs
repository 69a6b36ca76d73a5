//! A shared folder: one `journal.<device>.json` a laptop (read and merged by `gather.rs`), only ours written.

use std::path::{Path, PathBuf};

use super::conflict_copies::conflict_copy_engine;
use super::device::this_device;
use super::stamp::FileStamp;
use crate::journal::{Device, file_key};

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
    /// Unencrypted files from before the journal was encrypted, holding changes it lacks:
    /// this laptop's own file or kept copy among them is copied aside before it is written.
    pub(super) plain_left: Vec<PathBuf>,
    /// Unencrypted conflict copies the encrypted journal holds all of: taken out of the
    /// folder (kept in the state folder) after the next save.
    pub(super) plain_copies: Vec<PathBuf>,
}

/// What becomes of a conflict copy found in the folder at the last read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyFate {
    /// Merged into the journal; moved into `conflicts-merged/` at the next save.
    Merged,
    /// Unencrypted, and the encrypted journal holds all of it: taken out of the folder (kept
    /// in the state folder) at the next save.
    Covered,
    /// Not merged (said why among the skipped files); left as it is.
    Skipped,
}

impl SharedFiles {
    /// What becomes of the conflict copy at `copy`, as the last read found it.
    pub fn fate_of(&self, copy: &Path) -> CopyFate {
        if self.copies.iter().any(|c| c == copy) {
            CopyFate::Merged
        } else if self.plain_copies.iter().any(|c| c == copy) {
            CopyFate::Covered
        } else {
            CopyFate::Skipped
        }
    }

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
            plain_left: Vec::new(),
            plain_copies: Vec::new(),
        }
    }
}

/// The folder, inside a shared folder, that merged conflict copies are moved into.
const MERGED_COPIES: &str = "conflicts-merged";

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

impl SharedFiles {
    /// Copies this laptop's own file and kept copy aside, into the state folder, where they
    /// are unencrypted and hold changes the encrypted journal lacks: the save about to
    /// write over them must not lose those words. `now` names the copies. Returns what to
    /// tell; or, when a copy could not be kept, why nothing may be written over it (they are
    /// tried again at the next save).
    pub(super) fn keep_plain_leftovers(
        &mut self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<String>, String> {
        let mine: Vec<PathBuf> = (self.plain_left.iter())
            .filter(|p| **p == self.own || **p == self.kept)
            .cloned()
            .collect();
        let mut told = Vec::new();
        for (n, path) in mine.iter().enumerate() {
            match self.keep_aside(path, now, &n.to_string()) {
                Ok(aside) => told.push(format!(
                    "{} was written before the journal was encrypted and holds changes the encrypted journal lacks; before writing over it, mend kept it, unencrypted and readable only by you, at {}.",
                    path.display(),
                    aside.display()
                )),
                Err(err) => {
                    return Err(format!(
                        "{} holds changes from before the journal was encrypted, and mend could not keep a copy of it ({err}), so nothing was saved and the file was left as it is.",
                        path.display()
                    ));
                }
            }
        }
        self.plain_left.clear();
        Ok(told)
    }

    /// Takes unencrypted conflict copies of an encrypted journal (a sync engine delivered a
    /// plain file late) out of the shared folder, where their words would stay readable: each
    /// is first copied into the state folder, unencrypted and readable only by this account,
    /// since a merge keeps more than the encrypted journal's clocks show (earlier versions,
    /// a promise's history), and only then removed. Call only after the journal is written.
    pub(super) fn take_plain_copies_aside(
        &mut self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Vec<String> {
        let copies = std::mem::take(&mut self.plain_copies);
        copies
            .iter()
            .enumerate()
            .map(|(n, copy)| {
                let moved = self
                    .keep_aside(copy, now, &format!("copy-{n}"))
                    .and_then(|aside| {
                        std::fs::remove_file(copy).map_err(|err| err.to_string())?;
                        Ok(aside)
                    });
                match moved {
                    Ok(aside) => format!(
                        "{} was an unencrypted copy of the journal from before it was encrypted; mend took it out of the shared folder, so no word stays readable there, and kept it, unencrypted and readable only by you, at {}.",
                        copy.display(),
                        aside.display()
                    ),
                    Err(err) => format!(
                        "{} is an unencrypted copy of the journal from before it was encrypted, and mend could not take it out of the shared folder ({err}); anyone who can open the folder can read it.",
                        copy.display()
                    ),
                }
            })
            .collect()
    }

    /// A copy of `path` in the state folder, named by `now` and `tag`; where it went.
    fn keep_aside(
        &self,
        path: &Path,
        now: chrono::DateTime<chrono::Utc>,
        tag: &str,
    ) -> Result<PathBuf, String> {
        let state = self
            .kept
            .parent()
            .ok_or_else(|| "this laptop's state folder is unknown".to_owned())?;
        let stamp = now.format("%Y%m%dT%H%M%S");
        let aside = state.join(format!("before-encryption-{stamp}-{tag}.json"));
        let bytes = std::fs::read(path).map_err(|err| err.to_string())?;
        super::save::write_atomically(&aside, &bytes, &super::save::RealFs)
            .map_err(|err| err.to_string())?;
        Ok(aside)
    }
}

/// The conflict copies merged and moved aside into `conflicts-merged/` in `folder`.
pub fn merged_copies(folder: &Path) -> Vec<PathBuf> {
    let mut copies: Vec<PathBuf> = std::fs::read_dir(folder.join(MERGED_COPIES))
        .map(|items| {
            items
                .flatten()
                .map(|item| item.path())
                .filter(|path| path.is_file())
                .collect()
        })
        .unwrap_or_default();
    copies.sort();
    copies
}

/// Moves merged conflict copies into `conflicts-merged/` beside them (never deletes them).
/// Call only after the merged journal is written and flushed.
pub fn move_aside(copies: &[PathBuf]) -> Vec<String> {
    let mut warnings = Vec::new();
    for copy in copies {
        let (Some(dir), Some(name)) = (copy.parent(), copy.file_name()) else {
            continue;
        };
        let aside = dir.join(MERGED_COPIES);
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

    #[test]
    fn a_plain_own_file_that_cannot_be_kept_aside_stops_the_save_and_is_tried_again() {
        let (folder, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut shared = SharedFiles::new(folder.path(), state.path());
        std::fs::write(&shared.own, "{\"words\": \"from before\"}").unwrap();
        shared.plain_left = vec![shared.own.clone()];
        let now = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
        // Where the copy would go is taken by a folder, so it cannot be written.
        let aside = state.path().join("shared");
        let blocked = aside.join("before-encryption-19700101T000000-0.json");
        std::fs::create_dir_all(&blocked).unwrap();
        let refused = shared.keep_plain_leftovers(now);
        let own = shared.own.display().to_string();
        assert!(
            refused
                .as_ref()
                .is_err_and(|why| why.contains(&own) && why.contains("nothing was saved")),
            "{refused:?}"
        );
        assert_eq!(
            shared.plain_left,
            vec![shared.own.clone()],
            "tried again next time"
        );
        std::fs::remove_dir(&blocked).unwrap();
        let kept = shared.keep_plain_leftovers(now);
        assert!(kept.as_ref().is_ok_and(|told| told.len() == 1), "{kept:?}");
        assert_eq!(
            std::fs::read_to_string(&blocked).unwrap(),
            "{\"words\": \"from before\"}"
        );
        assert!(shared.plain_left.is_empty());
    }
}

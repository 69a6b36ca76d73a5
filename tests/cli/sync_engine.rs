//! A file-sync engine between two folders, simulated faithfully enough to be unkind: it copies
//! a file changed on one side across, turns the older of two concurrent changes into a
//! Syncthing-style conflict copy, and when told to, delivers a truncated file (finished at the
//! next sync) or an older version it once saw over the newer one.

use chrono::{DateTime, Duration, TimeZone, Utc};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One version of a file: its bytes and its modification time, which travels with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Version {
    pub bytes: Vec<u8>,
    pub mtime: SystemTime,
}

/// What goes wrong at one sync; each pick is taken modulo what there is to pick from.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Faults {
    /// Of the files delivered, the `.0`th arrives cut to `.1` thousandths of its length.
    pub truncate: Option<(usize, u16)>,
    /// After delivering, the `.0`th file with an older version is put back `.2` versions
    /// on the side `.1`, as if the engine had delivered a stale copy: with the mtime it had
    /// then, or (if `.3`) stamped an hour ahead, as by a computer whose clock runs fast, so
    /// it wins a conflict against the newer content.
    pub rollback: Option<(usize, usize, usize, bool)>,
}

/// A file left half-delivered on one side, finished at the next sync if still as left.
struct Partial {
    side: usize,
    rel: PathBuf,
    prefix: Vec<u8>,
    full: Version,
}

pub(crate) struct SyncEngine {
    sides: [PathBuf; 2],
    /// The version both sides held after the last sync, by path relative to the folder.
    base: BTreeMap<PathBuf, Version>,
    /// Every version the engine has seen of each file, oldest first.
    history: BTreeMap<PathBuf, Vec<Version>>,
    partial: Vec<Partial>,
    /// The time conflict copies are named by: a minute on at each sync.
    clock: DateTime<Utc>,
    /// Every conflict copy made: its name and bytes.
    pub conflicts: Vec<(String, Vec<u8>)>,
    pub rollbacks: usize,
    pub truncations: usize,
}

/// The short device ids Syncthing puts in a conflict copy's name, one a side.
const DEVICES: [&str; 2] = ["AAAAAAA", "BBBBBBB"];

impl SyncEngine {
    pub fn new(a: &Path, b: &Path) -> SyncEngine {
        SyncEngine {
            sides: [a.to_owned(), b.to_owned()],
            base: BTreeMap::new(),
            history: BTreeMap::new(),
            partial: Vec::new(),
            clock: Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap(),
            conflicts: Vec::new(),
            rollbacks: 0,
            truncations: 0,
        }
    }

    /// One round: finish half-delivered files, then bring every file in step.
    pub fn sync(&mut self, faults: Faults) {
        self.clock += Duration::minutes(1);
        for partial in std::mem::take(&mut self.partial) {
            let path = self.sides[partial.side].join(&partial.rel);
            if std::fs::read(&path).ok().as_ref() == Some(&partial.prefix) {
                put(&path, &partial.full);
            }
        }
        let mut names: BTreeSet<PathBuf> = self.base.keys().cloned().collect();
        for side in &self.sides {
            names.extend(files(side));
        }
        let mut deliveries: Vec<(usize, PathBuf, Option<Version>)> = Vec::new();
        for rel in names {
            let [a, b] = [0, 1].map(|side| read(&self.sides[side].join(&rel)));
            let base = self.base.get(&rel).cloned();
            let same = |x: &Option<Version>, y: &Option<Version>| {
                x.as_ref().map(|v| &v.bytes) == y.as_ref().map(|v| &v.bytes)
            };
            if same(&a, &b) {
                self.set_base(&rel, a);
            } else if same(&a, &base) {
                deliveries.push((0, rel, b));
            } else if same(&b, &base) {
                deliveries.push((1, rel, a));
            } else {
                match (a, b) {
                    // A change beats a deletion.
                    (None, b) => deliveries.push((0, rel, b)),
                    (a, None) => deliveries.push((1, rel, a)),
                    (Some(a), Some(b)) => {
                        let (winner, loser, loser_side) = if b.mtime > a.mtime {
                            (b, a, 0)
                        } else {
                            (a, b, 1)
                        };
                        let copy = self.conflict_name(&rel, loser_side);
                        self.conflicts.push((file_name(&copy), loser.bytes.clone()));
                        for side in 0..2 {
                            deliveries.push((side, copy.clone(), Some(loser.clone())));
                        }
                        deliveries.push((loser_side, rel, Some(winner)));
                    }
                }
            }
        }
        let writes = deliveries.iter().filter(|d| d.2.is_some()).count();
        let cut = faults
            .truncate
            .filter(|_| writes > 0)
            .map(|(pick, thousandths)| (pick % writes, usize::from(thousandths)));
        let mut nth_write = 0;
        for (to, rel, version) in deliveries {
            let path = self.sides[to].join(&rel);
            let Some(version) = version else {
                let _ = std::fs::remove_file(&path);
                self.base.remove(&rel);
                continue;
            };
            match cut {
                Some((pick, thousandths)) if pick == nth_write => {
                    let keep = version.bytes.len() * thousandths / 1000;
                    let prefix = version.bytes[..keep].to_vec();
                    put(
                        &path,
                        &Version {
                            bytes: prefix.clone(),
                            mtime: version.mtime,
                        },
                    );
                    self.truncations += 1;
                    self.partial.push(Partial {
                        side: to,
                        rel: rel.clone(),
                        prefix,
                        full: version.clone(),
                    });
                }
                _ => put(&path, &version),
            }
            nth_write += 1;
            self.set_base(&rel, Some(version));
        }
        if let Some((pick, side, back, stamped_now)) = faults.rollback {
            self.roll_back(pick, side % 2, back, stamped_now);
        }
    }

    /// Puts an older version the engine saw of some file over the one now on `side`.
    fn roll_back(&mut self, pick: usize, side: usize, back: usize, stamped_now: bool) {
        let mut choices: Vec<(PathBuf, Vec<Version>)> = Vec::new();
        for rel in files(&self.sides[side]) {
            let Some(now) = read(&self.sides[side].join(&rel)) else {
                continue;
            };
            let older: Vec<Version> = self.history.get(&rel).map_or_else(Vec::new, |seen| {
                seen.iter()
                    .filter(|v| v.bytes != now.bytes)
                    .cloned()
                    .collect()
            });
            if !older.is_empty() {
                choices.push((rel, older));
            }
        }
        if choices.is_empty() {
            return;
        }
        let (rel, older) = &choices[pick % choices.len()];
        let mut version = older[older.len() - 1 - back % older.len()].clone();
        if stamped_now {
            version.mtime = SystemTime::now() + std::time::Duration::from_secs(3600);
        }
        put(&self.sides[side].join(rel), &version);
        self.partial.retain(|p| !(p.side == side && &p.rel == rel));
        self.rollbacks += 1;
    }

    fn saw(&mut self, rel: &Path, version: &Version) {
        let seen = self.history.entry(rel.to_owned()).or_default();
        if !seen.iter().any(|v| v.bytes == version.bytes) {
            seen.push(version.clone());
        }
    }

    fn set_base(&mut self, rel: &Path, version: Option<Version>) {
        match version {
            Some(version) => {
                self.saw(rel, &version);
                self.base.insert(rel.to_owned(), version);
            }
            None => {
                self.base.remove(rel);
            }
        }
    }

    /// `name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext` beside `rel`, a name never used before.
    fn conflict_name(&mut self, rel: &Path, loser_side: usize) -> PathBuf {
        let name = file_name(rel);
        let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
        loop {
            let copy = rel.with_file_name(format!(
                "{stem}.sync-conflict-{}-{}.{ext}",
                self.clock.format("%Y%m%d-%H%M%S"),
                DEVICES[loser_side]
            ));
            let used = self.conflicts.iter().any(|(n, _)| *n == file_name(&copy));
            if !used {
                return copy;
            }
            self.clock += Duration::seconds(1);
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_str().unwrap().to_owned()
}

/// Every file under `root`, as paths relative to it, sorted.
pub(crate) fn files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let Ok(items) = std::fs::read_dir(root.join(&folder)) else {
            continue;
        };
        for item in items.flatten() {
            let rel = folder.join(item.file_name());
            match item.file_type() {
                Ok(kind) if kind.is_dir() => folders.push(rel),
                Ok(kind) if kind.is_file() => found.push(rel),
                _ => {}
            }
        }
    }
    found.sort();
    found
}

fn read(path: &Path) -> Option<Version> {
    let bytes = std::fs::read(path).ok()?;
    let mtime = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(Version { bytes, mtime })
}

/// Writes a version as an engine does: a private temp file beside it, its mtime set, renamed
/// over the old one (so the file is a new one, as after a real delivery).
fn put(path: &Path, version: &Version) {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    let folder = path.parent().unwrap();
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
        .unwrap();
    let temp = folder.join(format!(".syncing.{}.tmp", file_name(path)));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temp)
        .unwrap();
    std::io::Write::write_all(&mut file, &version.bytes).unwrap();
    file.set_modified(version.mtime).unwrap();
    drop(file);
    std::fs::rename(&temp, path).unwrap();
}

//! Rolling backups of the journal, kept outside the journal's folder.

use anyhow::{Context, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::path::{Path, PathBuf};

use super::private_dir::create_private_dir;
use super::save::{RealFs, temp_for, write_atomically};
use crate::journal::{Journal, file_key};

/// How many of the newest backups are always kept.
pub const KEEP_RECENT: usize = 10;
/// For how many days one backup a day is kept.
pub const KEEP_DAILY_DAYS: i64 = 14;

/// A temp file in the backup folder this much older than now was left by a backup that was
/// killed: a backup takes milliseconds, even of a large journal.
pub const STALE_TEMP_AFTER: std::time::Duration = std::time::Duration::from_secs(5 * 60);

const PREFIX: &str = "journal-";
const TIMESTAMP: &str = "%Y%m%dT%H%M%S%.6fZ";

/// The backup folder of one journal.
pub struct Backups {
    dir: PathBuf,
}

impl Backups {
    /// Backups of the journal at `journal`, in a subfolder of `root` named after it.
    pub fn for_journal(root: &Path, journal: &Path) -> Backups {
        Backups {
            dir: root.join(file_key(journal)),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Copies the journal as it is now into the backup folder, then prunes old backups.
    /// With `only_sealed`, a file that is not encrypted is left out (`Ok(None)`).
    pub fn back_up(
        &self,
        journal: &Path,
        now: DateTime<Utc>,
        only_sealed: bool,
    ) -> Result<Option<PathBuf>> {
        let bytes = match std::fs::read(journal) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => {
                return Err(err).with_context(|| {
                    format!("Could not read {} to back it up", journal.display())
                });
            }
        };
        let plain = || super::parse(journal, &bytes).is_ok_and(|j| !j.is_sealed());
        if only_sealed && plain() {
            return Ok(None);
        }
        create_private_dir(&self.dir).with_context(|| {
            format!("Could not create the backup folder {}", self.dir.display())
        })?;
        self.remove_stale_temps(std::time::SystemTime::now());
        // A backup never replaces another, and the newest is always named newest: with the
        // clock fixed (MEND_NOW) or set back, it is named a microsecond after the newest.
        let newest = self.list()?.first().map(|(at, _)| *at);
        let at = match newest {
            Some(newest) if newest >= now => newest + Duration::microseconds(1),
            _ => now,
        };
        let target = self.path_at(at);
        write_atomically(&target, &bytes, &RealFs)
            .with_context(|| format!("Could not write the backup {}", target.display()))?;
        self.prune(now.date_naive())?;
        Ok(Some(target))
    }

    /// Where a backup taken at `at` goes.
    fn path_at(&self, at: DateTime<Utc>) -> PathBuf {
        self.dir
            .join(format!("{PREFIX}{}.json", at.format(TIMESTAMP)))
    }

    /// Removes the temp files of backups that were killed half-way (full-size copies that
    /// would otherwise pile up), once they are older than [`STALE_TEMP_AFTER`] by `now`.
    /// Returns how many were removed; one that cannot be removed is left for next time.
    pub fn remove_stale_temps(&self, now: std::time::SystemTime) -> usize {
        let Ok(names) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let stale = |entry: &std::fs::DirEntry| {
            let modified = entry.metadata().and_then(|m| m.modified());
            modified.is_ok_and(|at| {
                now.duration_since(at)
                    .is_ok_and(|age| age > STALE_TEMP_AFTER)
            })
        };
        names
            .filter_map(Result::ok)
            .filter(|e| {
                temp_for(&e.file_name().to_string_lossy()).is_some_and(|t| t.starts_with(PREFIX))
            })
            .filter(stale)
            .filter(|e| std::fs::remove_file(e.path()).is_ok())
            .count()
    }

    /// Removes the backups that hold the words of the couple's journal `of` unsealed, once it
    /// is encrypted: in this folder and in every backup folder beside it, where backups taken
    /// under another path to it went (a link, a path with `..`, the path it had before
    /// `mend share`). Other couples' backups, and a backup that cannot be read or parsed,
    /// stay. Returns how many were removed.
    pub fn remove_plain_of_couple(&self, of: &Journal) -> usize {
        let root = self.dir.parent().unwrap_or(&self.dir);
        let Ok(read) = std::fs::read_dir(root) else {
            return 0;
        };
        read.flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| Backups { dir: e.path() }.remove_plain_where(|j| j.same_couple(of)))
            .sum()
    }

    fn remove_plain_where(&self, wanted: impl Fn(&Journal) -> bool) -> usize {
        let Ok(list) = self.list() else {
            return 0;
        };
        let mut removed = 0;
        for (_, path) in list {
            let plain = std::fs::read(&path)
                .ok()
                .and_then(|bytes| super::parse(&path, &bytes).ok())
                .is_some_and(|journal| !journal.is_sealed() && wanted(&journal));
            if plain && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// Every backup, newest first, with the moment it was taken.
    pub fn list(&self) -> Result<Vec<(DateTime<Utc>, PathBuf)>> {
        let read = match std::fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => {
                return Err(err).with_context(|| format!("Could not list {}", self.dir.display()));
            }
        };
        let mut found: Vec<_> = read
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let stamp = name.strip_prefix(PREFIX)?.strip_suffix(".json")?;
                let at = chrono::NaiveDateTime::parse_from_str(stamp, TIMESTAMP).ok()?;
                Some((at.and_utc(), e.path()))
            })
            .collect();
        found.sort_by_key(|entry| std::cmp::Reverse(entry.0));
        Ok(found)
    }

    /// Keeps the newest few, plus the newest of each of the last two weeks' days.
    fn prune(&self, today: NaiveDate) -> Result<()> {
        let all = self.list()?;
        let oldest_daily = today - Duration::days(KEEP_DAILY_DAYS - 1);
        let mut days_kept = std::collections::HashSet::new();
        for (index, (at, path)) in all.iter().enumerate() {
            let day = at.date_naive();
            let daily = day >= oldest_daily && days_kept.insert(day);
            if index < KEEP_RECENT || daily {
                continue;
            }
            std::fs::remove_file(path)
                .with_context(|| format!("Could not remove the old backup {}", path.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn keeps_ten_newest_and_one_a_day_for_two_weeks() {
        let root = tempfile::tempdir().unwrap();
        let journal = root.path().join("journal.json");
        std::fs::write(&journal, b"{}").unwrap();
        let backups = Backups::for_journal(&root.path().join("backups"), &journal);
        let start = Utc.with_ymd_and_hms(2026, 10, 1, 20, 0, 0).unwrap();
        // Three backups a day for thirty days.
        for day in 0..30 {
            for hour in 0..3 {
                let at = start + Duration::days(day) + Duration::hours(hour);
                backups.back_up(&journal, at, false).unwrap();
            }
        }
        let kept = backups.list().unwrap();
        let last = start + Duration::days(29) + Duration::hours(2);
        assert_eq!(kept[0].0, last);
        let days: std::collections::BTreeSet<_> =
            kept.iter().map(|(at, _)| at.date_naive()).collect();
        // 10 newest cover the last 4 days; one a day reaches back 14 days.
        assert_eq!(days.len(), 14);
        assert_eq!(kept.len(), 10 + (14 - 4));
        assert!(
            !backups
                .dir()
                .starts_with(journal.parent().unwrap().join("journal"))
        );
    }
}

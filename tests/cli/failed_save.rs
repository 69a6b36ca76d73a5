//! Tests that a save that fails leaves the old journal byte-identical and says why.

use crate::kit::{Mend, add_entry, running_as_root, stderr};
use mend::journal::{Journal, Visibility};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use mend::store::{RealFs, SaveError, SaveStep, SaveSteps, Store};

/// The names in the journal's folder that look like temp files (they start with a dot).
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[test]
fn a_read_only_folder_fails_the_save_and_keeps_the_old_file() {
    if running_as_root() {
        eprintln!("skipped: root can write into a 0500 folder; see the file size limit test");
        return;
    }
    let m = Mend::with_journal();
    m.write("Alice", "before");
    let before = m.journal_bytes();
    let dir = m.journal_dir();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let out = m.run(&["write", "--as", "Alice", "--stage", "healing"], "after");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&m.journal.display().to_string()), "{err}");
    assert!(err.contains("ermission denied"), "{err}");
    assert!(err.contains("not changed"), "{err}");
    assert_eq!(m.journal_bytes(), before);
    assert!(temp_files(&dir).is_empty());
}

#[test]
fn a_file_size_limit_fails_the_save_and_keeps_the_old_file() {
    let m = Mend::with_journal();
    // A journal larger than the limit below (4 blocks: 2 KiB in dash, 4 KiB in bash).
    let long = "a long evening entry ".repeat(500);
    m.write("Alice", &long);
    let before = m.journal_bytes();
    assert!(before.len() > 8 * 1024);
    let dir = m.journal_dir();

    // Ignore SIGXFSZ so a write past the limit fails with EFBIG instead of killing mend.
    let mut cmd = m.std_command_after(r#"trap "" XFSZ; ulimit -f 4;"#);
    cmd.args(["write", "--as", "Bob", "--stage", "healing"]);
    let out = assert_cmd::Command::from_std(cmd)
        .write_stdin("short")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&m.journal.display().to_string()), "{err}");
    assert!(
        err.contains("File too large") || err.contains("os error 27"),
        "says why: {err}"
    );
    assert!(err.contains("not changed"), "{err}");
    assert_eq!(m.journal_bytes(), before, "the old file, byte for byte");
    assert!(temp_files(&dir).is_empty(), "{:?}", temp_files(&dir));
    for backup_dir in m.backups().iter().filter_map(|b| b.parent()) {
        assert!(temp_files(backup_dir).is_empty());
    }
    // And the journal still works afterwards.
    m.write("Bob", "short");
    assert_eq!(m.journal_json()["entries"].as_array().unwrap().len(), 2);
}

/// Disk full (ENOSPC) and an I/O error (EIO): what a failing disk really returns.
const DISK_FULL: i32 = 28;
const IO_ERROR: i32 = 5;

/// Real file operations, except that one step fails with the given OS error.
struct FailAt {
    step: SaveStep,
    os_error: i32,
}

impl FailAt {
    fn check(&self, step: SaveStep) -> io::Result<()> {
        if self.step == step {
            return Err(io::Error::from_raw_os_error(self.os_error));
        }
        Ok(())
    }
}

impl SaveSteps for FailAt {
    fn create_temp(&self, dir: &Path, stem: &str) -> io::Result<(PathBuf, std::fs::File)> {
        self.check(SaveStep::CreateTemp)?;
        RealFs.create_temp(dir, stem)
    }
    fn write(&self, file: &mut std::fs::File, bytes: &[u8]) -> io::Result<()> {
        if self.step == SaveStep::Write {
            // Write half, as a disk filling up would, before failing.
            RealFs.write(file, &bytes[..bytes.len() / 2])?;
        }
        self.check(SaveStep::Write)?;
        RealFs.write(file, bytes)
    }
    fn sync_file(&self, file: &std::fs::File) -> io::Result<()> {
        self.check(SaveStep::SyncFile)?;
        RealFs.sync_file(file)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(SaveStep::Rename)?;
        RealFs.rename(from, to)
    }
    fn sync_folder(&self, dir: &Path) -> io::Result<()> {
        self.check(SaveStep::SyncFolder)?;
        RealFs.sync_folder(dir)
    }
}

/// A journal with one entry, its bytes, and a store on it whose saves fail at `step`.
fn journal_failing_at(step: SaveStep, os_error: i32) -> (Mend, Vec<u8>, Store) {
    let m = Mend::with_journal();
    m.write("Alice", "before");
    let before = m.journal_bytes();
    let mut store = Store::new(&m.journal, None).with_steps(Box::new(FailAt { step, os_error }));
    store.load().unwrap();
    (m, before, store)
}

#[test]
fn a_disk_full_or_io_error_at_any_step_keeps_the_old_file_or_leaves_the_new_one() {
    for step in SaveStep::ALL {
        for os_error in [DISK_FULL, IO_ERROR] {
            let case = format!("{step:?} with os error {os_error}");
            let (m, before, mut store) = journal_failing_at(step, os_error);
            let loaded = Journal::clone(store.journal().unwrap());

            let err = add_entry(&mut store, 1, "after", Visibility::Private).unwrap_err();

            let message = format!("{err:#}");
            let saving = err.downcast_ref::<SaveError>().expect("a save error");
            assert!(
                matches!(saving, SaveError::Step { step: s, .. } if *s == step),
                "{case}: {saving:?}"
            );
            assert!(
                message.contains(&m.journal.display().to_string()),
                "{case}: {message}"
            );
            assert!(
                message.contains(step.doing()),
                "{case}: names the step: {message}"
            );
            let cause = io::Error::from_raw_os_error(os_error).to_string();
            assert!(message.contains(&cause), "{case}: says why: {message}");
            assert!(
                temp_files(&m.journal_dir()).is_empty(),
                "{case}: {:?}",
                temp_files(&m.journal_dir())
            );
            let on_disk = mend::store::load(&m.journal).unwrap().unwrap();
            if step == SaveStep::SyncFolder {
                // Only the folder's flush failed: the new version is in place and says so.
                assert!(saving.new_version_in_place(), "{case}");
                assert!(!message.contains("not changed"), "{case}: {message}");
                assert!(
                    message.contains("new version is in place"),
                    "{case}: {message}"
                );
                assert_eq!(on_disk.entries.len(), loaded.entries.len() + 1, "{case}");
                assert!(on_disk.entries.iter().any(|e| e.text == "after"), "{case}");
                assert_eq!(store.journal(), Some(&on_disk), "{case}: memory as on disk");
            } else {
                assert!(!saving.new_version_in_place(), "{case}");
                assert!(message.contains("not changed"), "{case}: {message}");
                if os_error == DISK_FULL {
                    assert!(message.contains("free some space"), "{case}: {message}");
                }
                assert_eq!(
                    m.journal_bytes(),
                    before,
                    "{case}: the old file, byte for byte"
                );
                assert_eq!(store.journal(), Some(&loaded), "{case}: memory as on disk");
            }

            // Once the disk recovers, the next save goes through with nothing lost.
            let mut healthy = Store::new(&m.journal, None);
            add_entry(&mut healthy, 1, "once more", Visibility::Private).unwrap();
            let texts: Vec<_> = healthy
                .journal()
                .unwrap()
                .entries
                .iter()
                .map(|e| e.text.clone())
                .collect();
            assert!(texts.contains(&"before".to_owned()), "{case}: {texts:?}");
            assert!(texts.contains(&"once more".to_owned()), "{case}: {texts:?}");
        }
    }
}

#[test]
fn a_refused_change_keeps_the_journal_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let now = chrono::Utc::now();
    let journal =
        mend::journal::Journal::new(("Alex", None), ("Sam", None), now, now.date_naive()).unwrap();
    let mut store = mend::store::Store::new(&path, None);
    store.create(journal.clone()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let refused: anyhow::Result<()> = store.update(|_| anyhow::bail!("no, thank you"));
    assert!(refused.is_err());
    assert_eq!(
        store.journal(),
        Some(&journal),
        "the store still holds the journal"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing was written");
}

/// Permission errors without needing a non-root user: EACCES and EROFS are injected at
/// each step before the new version is in place, so the test also runs as root (as in CI).
#[test]
fn permission_and_read_only_errors_say_so_once_and_change_nothing() {
    const EACCES: i32 = 13;
    const EROFS: i32 = 30;
    let steps = [SaveStep::CreateTemp, SaveStep::Write, SaveStep::Rename];
    for step in steps {
        for os_error in [EACCES, EROFS] {
            let case = format!("{step:?} with os error {os_error}");
            let (m, before, mut store) = journal_failing_at(step, os_error);
            let err = add_entry(&mut store, 1, "after", Visibility::Private).unwrap_err();
            let cause = io::Error::from_raw_os_error(os_error);
            assert_eq!(
                mend::message::error_text(&err),
                format!(
                    "Could not save the journal {} while {}: {cause}. Check that you may write to that folder. Your journal was not changed.",
                    m.journal.display(),
                    step.doing()
                ),
                "{case}"
            );
            assert_eq!(
                m.journal_bytes(),
                before,
                "{case}: the old file, byte for byte"
            );
            assert!(temp_files(&m.journal_dir()).is_empty(), "{case}");
        }
    }
}

/// The message of a full disk through the binary's own joining: the cause once, one period.
#[test]
fn a_full_disk_names_its_cause_once() {
    let (_m, _, mut store) = journal_failing_at(SaveStep::Write, DISK_FULL);
    let err = add_entry(&mut store, 1, "after", Visibility::Private).unwrap_err();
    let text = mend::message::error_text(&err);
    let cause = io::Error::from_raw_os_error(DISK_FULL).to_string();
    assert_eq!(text.matches(&cause).count(), 1, "{text}");
    assert!(!text.contains(".:") && !text.contains(".."), "{text}");
    assert!(
        text.ends_with("free some space and save again. Your journal was not changed."),
        "{text}"
    );
}

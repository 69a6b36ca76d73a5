//! The journal path as the system gives it: links, devices, pipes, modes, a BOM, rewrites.

use crate::kit::{Mend, mode, stderr};
use std::path::Path;
use std::time::{Duration, Instant};

/// `mend --journal PATH check`, which must end within a few seconds.
fn check_at(m: &Mend, path: &Path) -> std::process::Output {
    m.command_without_journal()
        .arg("--journal")
        .arg(path)
        .arg("check")
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run mend")
}

#[test]
fn dev_zero_is_refused_at_once_by_name() {
    let m = Mend::new();
    let started = Instant::now();
    let out = check_at(&m, Path::new("/dev/zero"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        stderr(&out).trim(),
        "mend: /dev/zero is a device, not a regular file, so mend will not read it as a journal. Choose a journal file with --journal PATH or MEND_JOURNAL."
    );
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let m = Mend::new();
    let fifo = m.dir.path().join("journal.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let out = check_at(&m, &fifo);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "{} is a named pipe (FIFO), not a regular file",
            fifo.display()
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_folder_is_refused_by_name() {
    let m = Mend::new();
    let out = check_at(&m, m.dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is a folder, not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_journal_over_the_size_cap_is_refused_without_reading_it() {
    let m = Mend::new();
    let big = m.dir.path().join("big.json");
    let file = std::fs::File::create(&big).unwrap();
    // Sparse: no disk space is used, and mend must not read it to refuse it.
    file.set_len(mend::store::MAX_JOURNAL_BYTES + 1).unwrap();
    let out = check_at(&m, &big);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is 268435457 bytes, over mend's limit of 256 MiB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_byte_order_mark_is_skipped_on_read_and_not_written_back() {
    let m = Mend::with_journal();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(m.journal_bytes());
    m.put_journal(&bytes);
    m.ok(&["check"], "");
    m.write("Alice", "A quiet evening.");
    assert!(!m.journal_bytes().starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(m.journal_json()["entries"].as_array().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn a_journal_others_can_read_is_made_private_again_with_a_note() {
    use std::os::unix::fs::PermissionsExt;
    let m = Mend::with_journal();
    std::fs::set_permissions(&m.journal, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = m.run(&["check"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        format!(
            "mend: note: The journal {} could be read by others on this computer (mode 644); mend made it private again (mode 600).",
            m.journal.display()
        )
    );
    assert_eq!(mode(&m.journal), 0o600);
    let again = m.run(&["check"], "");
    assert!(again.status.success());
    assert_eq!(stderr(&again), "", "no note once it is private");
}

#[cfg(unix)]
#[test]
fn a_symlinked_journal_is_saved_through_its_link() {
    let m = Mend::with_journal();
    let link = m.dir.path().join("link.json");
    std::os::unix::fs::symlink(&m.journal, &link).unwrap();
    let out = m
        .command_without_journal()
        .args(["--journal"])
        .arg(&link)
        .args(["write", "--as", "Alice", "--stage", "healing"])
        .write_stdin("Through the link.")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    let entries = m.journal_json()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["text"], "Through the link.");
    // No temp file and no lock file beside the link: both live beside the real file.
    let beside_link: Vec<_> = std::fs::read_dir(m.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("link.json") && n != "link.json")
        .collect();
    assert_eq!(beside_link, Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn a_link_and_its_real_file_share_one_lock() {
    let m = Mend::with_journal();
    // The harness's journal path becomes a link to the real file, kept in another folder.
    let real = m.dir.path().join("real.json");
    std::fs::rename(&m.journal, &real).unwrap();
    std::os::unix::fs::symlink(&real, &m.journal).unwrap();
    // Hold the lock through the real path; a save through the link must wait for it.
    let held = mend::store::JournalLock::acquire(&real).unwrap();
    let mut cmd = m.std_command();
    cmd.args(["write", "--as", "Alice", "--stage", "healing"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = cmd.spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"Waited for the lock.").unwrap();
    }
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the save through the link did not wait for the real file's lock"
    );
    assert_eq!(m.journal_json()["entries"].as_array().unwrap().len(), 0);
    drop(held);
    assert!(child.wait().unwrap().success());
    assert_eq!(m.journal_json()["entries"].as_array().unwrap().len(), 1);
}

/// Another program rewriting a large journal in place (truncate, then write) while mend
/// loads it: mend must end with success or a clean error, never be killed by a signal.
#[cfg(unix)]
#[test]
fn rewriting_a_large_journal_in_place_never_crashes_a_load() {
    use std::io::Write;
    use std::os::unix::process::ExitStatusExt;
    use std::sync::atomic::{AtomicBool, Ordering};
    let m = Mend::new();
    m.ok(&["demo", "--weeks", "60", "--output", "demo.json"], "");
    let demo = m.dir.path().join("demo.json");
    let bytes = std::fs::read(&demo).unwrap();
    assert!(bytes.len() > 256 * 1024, "{} bytes", bytes.len());
    std::fs::create_dir_all(m.journal_dir()).unwrap();
    std::fs::write(&m.journal, &bytes).unwrap();
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let path = m.journal.clone();
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(&path)
                    .unwrap();
                for chunk in bytes.chunks(16 * 1024) {
                    file.write_all(chunk).unwrap();
                }
                drop(file);
                std::thread::sleep(Duration::from_millis(3));
            }
        })
    };
    let (mut ok, mut clean_errors) = (0, 0);
    for _ in 0..80 {
        let out = m.std_command().arg("check").output().unwrap();
        assert_eq!(
            out.status.signal(),
            None,
            "mend was killed by a signal: {}",
            stderr(&out)
        );
        if out.status.success() {
            ok += 1;
        } else {
            let message = stderr(&out);
            assert!(message.starts_with("mend: The journal"), "{message}");
            if clean_errors == 0 {
                eprintln!("first clean error: {message}");
            }
            clean_errors += 1;
        }
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    eprintln!("{ok} loads succeeded, {clean_errors} ended with a clean error");
}

/// A named pipe made at `path` (its folder made first).
fn fifo_at(path: &Path) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder");
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
}

#[test]
fn a_fifo_where_the_shared_folder_is_remembered_is_refused_by_name_without_waiting() {
    let m = Mend::with_journal();
    let remembered = m.config_home().join("mend").join("shared.json");
    fifo_at(&remembered);
    let out = m
        .command_without_journal()
        .arg("check")
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run mend");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains(&format!(
            "{} is a named pipe (FIFO), not a regular file",
            remembered.display()
        )),
        "{said}"
    );
}

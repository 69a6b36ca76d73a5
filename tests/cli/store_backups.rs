//! The backup folder: temp files of killed backups are cleared, and nothing else is touched.

use crate::kit::Mend;
use std::time::{Duration, SystemTime};

#[test]
fn the_temp_files_of_killed_backups_are_removed_by_the_next_backup() {
    let m = Mend::with_journal();
    let dir = mend::store::Backups::for_journal(&m.backups_root(), &m.journal)
        .dir()
        .to_owned();
    std::fs::create_dir_all(&dir).unwrap();
    let plant = |name: &str, age: Duration| {
        let path = dir.join(name);
        std::fs::write(&path, b"a full-size copy").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() - age).unwrap();
    };
    let hour = Duration::from_secs(3600);
    // Left by backups killed an hour ago, and one that may still be under way.
    let stale = [
        ".journal-20261120T210000.000000Z.json.4242.1a2b3c0.tmp",
        ".journal-20261121T210000.000000Z.json.77.ff.tmp",
    ];
    let fresh = ".journal-20261125T205959.000000Z.json.4243.abc.tmp";
    let others = [
        ".journal-notes.tmp",
        "notes.txt",
        ".other-20261120.json.1.a.tmp",
    ];
    for name in stale.iter().chain(&others) {
        plant(name, hour);
    }
    plant(fresh, Duration::ZERO);

    m.write("Alice", "One more evening.");

    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("journal-"))
        .collect();
    left.sort();
    let mut expected: Vec<String> = others
        .iter()
        .chain([&fresh])
        .map(|n| n.to_string())
        .collect();
    expected.sort();
    assert_eq!(left, expected);
    let backups = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("journal-")
        })
        .count();
    assert_eq!(backups, 1, "the new backup itself");
}

/// A backup that cannot be made does not stop the save; the command says so in a note.
#[test]
fn a_failed_backup_is_a_note_and_the_entry_is_saved() {
    let m = Mend::with_journal();
    // A file where the backup folders should be: no backup folder can be made in it.
    std::fs::create_dir_all(m.backups_root().parent().unwrap()).unwrap();
    std::fs::write(m.backups_root(), b"not a folder").unwrap();
    let out = m.run(
        &["write", "--as", "Alice", "--stage", "healing"],
        "Still saved.",
    );
    assert!(out.status.success(), "{}", crate::kit::stderr(&out));
    let message = crate::kit::stderr(&out);
    assert!(
        message.starts_with("mend: note: Could not create the backup folder "),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(m.journal_json()["entries"][0]["text"], "Still saved.");
}

//! The journal stays mode 0600, and backups go to the state directory, pruned.

use crate::kit::{Mend, TODAY, mode};
use serde_json::Value;

#[test]
fn mode_0600_is_reapplied_on_every_save() {
    let m = Mend::with_journal();
    assert_eq!(mode(&m.journal), 0o600);
    std::fs::set_permissions(
        &m.journal,
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    m.write("Alice", "one");
    assert_eq!(mode(&m.journal), 0o600);
    std::fs::set_permissions(
        &m.journal,
        std::os::unix::fs::PermissionsExt::from_mode(0o666),
    )
    .unwrap();
    m.ok(&["kind", "add", "--by", "Bob", "Tea"], "");
    assert_eq!(mode(&m.journal), 0o600);
}

#[test]
fn backups_go_to_the_state_directory_before_each_runs_first_save() {
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    m.write("Alice", "first");
    let backups = m.backups();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let backup = &backups[0];
    assert!(backup.starts_with(m.backups_root()), "{}", backup.display());
    assert!(!backup.starts_with(m.journal_dir()));
    let expected_dir = mend::store::Backups::for_journal(&m.backups_root(), &m.journal);
    assert_eq!(backup.parent().unwrap(), expected_dir.dir());
    assert_eq!(
        std::fs::read(backup).unwrap(),
        before,
        "the file as it was before the save"
    );
    assert_eq!(mode(backup), 0o600);
    assert_eq!(
        m.journal_dir_names(),
        ["journal.json", "journal.json.lock"],
        "nothing else next to the journal"
    );

    // Each run backs up once; a run that changes nothing makes no backup.
    let before_second = m.journal_bytes();
    m.write("Bob", "second");
    let backups = m.backups();
    assert_eq!(backups.len(), 2);
    assert!(
        backups
            .iter()
            .any(|b| std::fs::read(b).unwrap() == before_second)
    );
    m.ok(&["log"], "");
    m.ok(&["promise", "list"], "");
    m.ok(&["check"], "");
    assert_eq!(m.backups().len(), 2);

    // Many runs on one day keep the ten newest.
    for i in 0..11 {
        m.write("Alice", &format!("more {i}"));
    }
    let backups = m.backups();
    assert_eq!(backups.len(), 10, "{backups:?}");
    let last_before = {
        let mut j = m.journal_json();
        // The newest backup is the journal without its newest entry.
        let entries = j["entries"].as_array_mut().unwrap();
        entries.retain(|e| e["text"] != "more 10");
        entries.len()
    };
    let newest = backups.iter().max().unwrap();
    let newest: Value = serde_json::from_slice(&std::fs::read(newest).unwrap()).unwrap();
    assert_eq!(newest["entries"].as_array().unwrap().len(), last_before);
}

#[test]
fn backups_keep_ten_newest_plus_one_a_day_for_fourteen_days() {
    let m = Mend::with_journal();
    let dir = mend::store::Backups::for_journal(&m.backups_root(), &m.journal)
        .dir()
        .to_owned();
    std::fs::create_dir_all(&dir).unwrap();
    // Backups are stamped with the clock MEND_NOW fixes, so this never fails across midnight.
    let today: chrono::NaiveDate = TODAY.parse().unwrap();
    let name = |days: i64, hour: u32| {
        let day = today - chrono::Duration::days(days);
        format!(
            "journal-{}T{hour:02}0000.000000Z.json",
            day.format("%Y%m%d")
        )
    };
    for days in 1..=20 {
        for hour in [8, 20] {
            std::fs::write(dir.join(name(days, hour)), b"{}").unwrap();
        }
    }
    m.write("Alice", "one");
    let mut kept: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    let mut expected: Vec<String> = Vec::new();
    // The ten newest: today's, then days 1-4 (both), then day 5's evening one.
    for days in 1..=4 {
        expected.push(name(days, 8));
        expected.push(name(days, 20));
    }
    // One a day (the newest) for days 5-13, so fourteen days counting today.
    for days in 5..=13 {
        expected.push(name(days, 20));
    }
    expected.sort();
    let today_prefix = format!("journal-{}T", today.format("%Y%m%d"));
    let todays: Vec<&String> = kept
        .iter()
        .filter(|k| k.starts_with(&today_prefix))
        .collect();
    assert_eq!(todays.len(), 1, "{kept:?}");
    let old: Vec<String> = kept
        .iter()
        .filter(|k| !k.starts_with(&today_prefix))
        .cloned()
        .collect();
    assert_eq!(old, expected);
}

#[test]
fn a_store_backs_up_only_once_per_run() {
    use mend::store::{Backups, Store};
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    let root = m.dir.path().join("lib-backups");
    let mut store = Store::new(&m.journal, Some(Backups::for_journal(&root, &m.journal)));
    store.load().unwrap();
    for text in ["one", "two", "three"] {
        crate::kit::add_entry(&mut store, 0, text, mend::journal::Visibility::Shared).unwrap();
    }
    let list = Backups::for_journal(&root, &m.journal).list().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(std::fs::read(&list[0].1).unwrap(), before);
    assert_eq!(m.journal_json()["entries"].as_array().unwrap().len(), 3);
}

//! `mend log`: what each reader sees, one week at a time, and the empty journal.

use crate::helpers::*;
use crate::kit::{Mend, TODAY, stderr};
use serde_json::json;

#[test]
fn log_hides_private_entries_unless_read_as_their_author() {
    let m = Mend::with_journal();
    m.write("Alice", "A shared");
    m.ok(
        &["write", "--as", "Alice", "--stage", "healing", "--private"],
        "A secret",
    );
    m.ok(
        &["write", "--as", "Bob", "--stage", "healing", "--private"],
        "B secret",
    );
    m.write("Bob", "B shared");

    let mut all = log_texts(&m, &[]);
    all.sort();
    assert_eq!(all, ["A shared", "B shared"]);
    let mut alice = log_texts(&m, &["--as", "alice"]);
    alice.sort();
    assert_eq!(alice, ["A secret", "A shared", "B shared"]);
    let mut bob = log_texts(&m, &["--as", "Bob"]);
    bob.sort();
    assert_eq!(bob, ["A shared", "B secret", "B shared"]);

    let plain = m.ok(&["log"], "");
    assert!(
        plain.contains("A shared") && plain.contains("B shared"),
        "{plain}"
    );
    assert!(!plain.contains("secret"), "{plain}");
    let as_alice = m.ok(&["log", "--as", "Alice"], "");
    assert!(
        as_alice.contains("A secret") && as_alice.contains("private"),
        "{as_alice}"
    );
    assert!(!as_alice.contains("B secret"), "{as_alice}");

    let json = m.json(&["log", "--json", "--as", "alice"]);
    let secret = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "A secret")
        .unwrap();
    assert_eq!(secret["visibility"], "private");
    assert_eq!(secret["author"], "Alice");
    assert_eq!(secret["stage"], "healing");
    assert_eq!(secret["day"], TODAY);
}

#[test]
fn log_week_shows_only_that_iso_week() {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    for (day, text) in [
        ("2026-11-15", "Sunday of W46"),
        ("2026-11-16", "Monday of W47"),
        ("2026-11-22", "Sunday of W47"),
        ("2026-11-23", "Monday of W48"),
        (TODAY, "Wednesday of W48"),
    ] {
        m.ok(
            &["write", "--as", "Alice", "--stage", "healing", "--day", day],
            text,
        );
    }
    assert_eq!(
        log_texts(&m, &["--week", "2026-W47"]),
        ["Monday of W47", "Sunday of W47"]
    );
    // Tonight's entry waits until Bob has written too; Alice reads her own.
    assert_eq!(log_texts(&m, &["--week", "2026-w48"]), ["Monday of W48"]);
    assert_eq!(
        log_texts(&m, &["--week", "2026-w48", "--as", "alice"]),
        ["Monday of W48", "Wednesday of W48"]
    );
    // A week after tonight is outside the journal, as `export --week` says too.
    let out = m.run(&["log", "--week", "2026-W53"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--week: The week 2026-W53"),
        "{}",
        stderr(&out)
    );
    assert_eq!(log_texts(&m, &["--as", "alice"]).len(), 5, "oldest first");
    assert_eq!(log_texts(&m, &[])[0], "Sunday of W46");
}

#[test]
fn log_on_an_empty_journal_says_how_to_write() {
    let m = Mend::with_journal();
    assert!(m.ok(&["log"], "").contains("mend write"));
    assert_eq!(m.json(&["log", "--json"]), json!([]));
}

#[test]
fn tonights_words_open_once_both_have_written_and_the_setting_opens_them_at_once() {
    let m = Mend::with_journal();
    m.write("Alice", "The walk helped tonight");
    let bob_sees = m.ok(&["log", "--as", "bob"], "");
    assert!(!bob_sees.contains("The walk helped"), "{bob_sees}");
    assert!(
        bob_sees.contains(
            "Alice has written tonight. Their words open once you have written yours tonight"
        ),
        "{bob_sees}"
    );
    assert!(log_texts(&m, &["--as", "bob"]).is_empty());
    assert!(log_texts(&m, &[]).is_empty(), "both at one screen wait too");
    assert_eq!(
        log_texts(&m, &["--as", "alice"]),
        ["The walk helped tonight"]
    );

    m.write("Bob", "I noticed the tea");
    // Both were written within the same second, so their order is by chance.
    let mut bob_reads = log_texts(&m, &["--as", "bob"]);
    bob_reads.sort();
    assert_eq!(bob_reads, ["I noticed the tea", "The walk helped tonight"]);
    assert_eq!(log_texts(&m, &[]).len(), 2);

    let other = Mend::with_journal();
    other.write("Alice", "Written before the change");
    // Choosing "at once" tonight never opens tonight's waiting words: it starts tomorrow.
    let said = other.ok(&["settings", "--reveal", "at-once"], "");
    assert!(
        said.contains("From tomorrow evening, shared words open to your partner as soon as they are saved. Tonight's still wait"),
        "{said}"
    );
    assert_eq!(other.journal_json()["settings"]["reveal"], "at_once");
    assert_eq!(
        other.journal_json()["settings"]["at_once_from"],
        "2026-11-26"
    );
    other.write("Alice", "Also tonight");
    assert!(log_texts(&other, &["--as", "bob"]).is_empty());
    let tomorrow = |args: &[&str], stdin: &str| {
        let out = assert_cmd::Command::from_std(other.std_command())
            .env("MEND_NOW", "2026-11-26T21:00:00+00:00")
            .args(args)
            .write_stdin(stdin.as_bytes().to_vec())
            .output()
            .expect("run mend");
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    tomorrow(
        &["write", "--as", "alice", "--stage", "healing"],
        "Read this whenever",
    );
    let bob_reads = tomorrow(&["log", "--as", "bob"], "");
    assert!(bob_reads.contains("Read this whenever"), "{bob_reads}");
    assert!(
        tomorrow(&["settings"], "").contains("as soon as they are saved"),
        "tomorrow the setting is simply at once"
    );

    let before = std::fs::read(&other.journal).unwrap();
    let out = other.run(&["settings", "--reveal", "never"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("never"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&other.journal).unwrap(), before);
}

#[test]
fn log_grep_ignores_case_and_accents_and_looks_in_replies() {
    let m = Mend::with_journal();
    m.write("Alice", "Un CAFÉ au soleil");
    m.write("Bob", "The walk by the river");
    let list = m.json(&["log", "--json", "--as", "bob"]);
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "Un CAFÉ au soleil")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    m.ok(&["reply", &id, "--as", "bob"], "Merci, ma chérie\n");

    assert_eq!(log_texts(&m, &["--grep", "cafe"]), ["Un CAFÉ au soleil"]);
    assert_eq!(log_texts(&m, &["--grep", "Café"]), ["Un CAFÉ au soleil"]);
    assert_eq!(
        log_texts(&m, &["--grep", "CHERIE", "--as", "alice"]),
        ["Un CAFÉ au soleil"],
        "a reply's words find the entry it answers"
    );
    assert_eq!(
        log_texts(&m, &["--grep", "RIVER"]),
        ["The walk by the river"]
    );
    let plain = m.ok(&["log", "--grep", "soleil"], "");
    assert!(plain.contains("Un CAFÉ au soleil"), "{plain}");
    assert!(plain.contains("↳ Bob: Merci, ma chérie"), "{plain}");
    assert!(!plain.contains("river"), "{plain}");

    let none = m.ok(&["log", "--grep", "mountain"], "");
    assert_eq!(none.trim(), "Nothing found for “mountain”.");
    assert_eq!(m.json(&["log", "--json", "--grep", "mountain"]), json!([]));

    let out = m.run(&["log", "--grep", "  "], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--grep"), "{}", stderr(&out));
}

#[test]
fn log_grep_never_finds_the_other_partners_private_words_nor_tonights_waiting_ones() {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    m.ok(
        &[
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--private",
            "--day",
            "2026-11-20",
        ],
        "Été, a private fear",
    );
    m.ok(
        &[
            "write",
            "--as",
            "Bob",
            "--stage",
            "healing",
            "--day",
            "2026-11-20",
        ],
        "Été, said out loud",
    );
    m.write("Alice", "Tonight's été, not yet open");

    assert_eq!(
        log_texts(&m, &["--grep", "ete", "--as", "bob"]),
        ["Été, said out loud"],
        "neither Alice's private words nor tonight's unopened ones"
    );
    let plain = m.ok(&["log", "--grep", "fear", "--as", "bob"], "");
    assert_eq!(plain.trim(), "Nothing found for “fear”.");
    assert_eq!(log_texts(&m, &["--grep", "ÉTÉ"]), ["Été, said out loud"]);
    let mut alice = log_texts(&m, &["--grep", "ete", "--as", "alice"]);
    alice.sort();
    assert_eq!(
        alice,
        [
            "Tonight's été, not yet open",
            "Été, a private fear",
            "Été, said out loud",
        ],
        "Alice finds her own private and tonight's words"
    );
}

/// Alice's entry of tonight changed apart on two computers: on "one" to `first` (written
/// with `first_vis`), then on "two" to the words that win; the journal holds both, merged.
/// Bob has written too, so Alice's shared words are open to him.
fn changed_apart(first: &str, first_vis: mend::journal::Visibility) -> Mend {
    use chrono::TimeZone;
    use mend::journal::{Device, Journal, Visibility};
    let m = Mend::with_journal();
    m.write("Alice", "First words");
    m.write("Bob", "Bob's evening");
    let j: Journal = serde_json::from_slice(&m.journal_bytes()).unwrap();
    let alice = j.partners[0].id;
    let id = j
        .live_entries()
        .find(|e| e.meta.author == alice)
        .unwrap()
        .meta
        .id;
    let at = |minute| {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 25, 21, minute, 0)
            .unwrap()
    };
    let (mut one, mut two) = (j.clone(), j);
    one.set_device(Device("one".into()));
    two.set_device(Device("two".into()));
    one.edit_entry(id, alice, first, first_vis, at(10)).unwrap();
    two.edit_entry(id, alice, "The words that stay", Visibility::Shared, at(20))
        .unwrap();
    m.put_journal(serde_json::to_vec_pretty(&one.merge(&two).0).unwrap());
    m
}

#[test]
fn log_shows_an_earlier_version_under_the_entry_only_to_whoever_may_read_it() {
    let m = changed_apart("Only mine", mend::journal::Visibility::Private);
    let alice = m.ok(&["log", "--as", "Alice"], "");
    assert!(
        alice.contains(
            "  Also written for this, on another computer (Wed 25 Nov 2026 21:10) · private:\n    Only mine\n"
        ),
        "{alice}"
    );
    assert!(alice.contains("The words that stay"), "{alice}");
    for other in [m.ok(&["log", "--as", "Bob"], ""), m.ok(&["log"], "")] {
        assert!(other.contains("The words that stay"), "{other}");
        assert!(!other.contains("Only mine"), "{other}");
        assert!(
            !other.contains("Also written"),
            "not even mentioned: {other}"
        );
    }

    let json = m.json(&["log", "--json", "--as", "Alice"]);
    let entry = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "The words that stay")
        .unwrap();
    assert_eq!(entry["earlier_versions"][0]["text"], "Only mine");
    assert_eq!(entry["earlier_versions"][0]["visibility"], "private");
    let json = m.json(&["log", "--json", "--as", "Bob"]);
    let entry = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "The words that stay")
        .unwrap();
    assert!(entry.get("earlier_versions").is_none(), "{entry}");
}

#[test]
fn log_shows_a_shared_earlier_version_to_both() {
    let m = changed_apart("For both of us", mend::journal::Visibility::Shared);
    for out in [m.ok(&["log", "--as", "Bob"], ""), m.ok(&["log"], "")] {
        assert!(
            out.contains(
                "  Also written for this, on another computer (Wed 25 Nov 2026 21:10):\n    For both of us\n"
            ),
            "{out}"
        );
    }
}

#[test]
fn log_week_is_the_couples_week_as_the_export_sees_it_on_sunday_weeks() {
    let m = Mend::new();
    let mut init = assert_cmd::Command::from_std(m.std_command());
    init.env("MEND_NOW", "2026-11-15T21:00:00+00:00").args([
        "init",
        "--partner",
        "Alice",
        "--partner",
        "Bob",
    ]);
    assert!(init.output().unwrap().status.success());
    m.ok(&["settings", "--week-starts", "sunday"], "");
    let write = [
        "write",
        "--as",
        "alice",
        "--stage",
        "healing",
        "--day",
        "2026-11-22",
    ];
    m.ok(&write, "Sunday evening words");
    let export = m.json(&["export", "--week", "2026-W48", "--format", "json"]);
    assert!(
        export.to_string().contains("Sunday evening words"),
        "{export:#}"
    );
    let logged = m.ok(&["log", "--week", "2026-W48"], "");
    assert!(logged.contains("Sunday evening words"), "{logged}");
    let before = m.ok(&["log", "--week", "2026-W47"], "");
    assert!(!before.contains("Sunday evening words"), "{before}");
}

//! Tests every `mend` command and every refused input through the built binary.

mod common;

use common::{Mend, TODAY, mode, stderr, stdout};
use serde_json::{Value, json};
use std::path::Path;

/// Runs a command that must be refused: checks the exit code, that standard error names
/// each of `needles`, that nothing was printed on standard output, and that neither the
/// journal (present or absent) nor the backups changed. Returns standard error.
#[track_caller]
fn refused(
    m: &Mend,
    args: &[&str],
    stdin: impl AsRef<[u8]>,
    code: i32,
    needles: &[&str],
) -> String {
    let before = m.journal_bytes_if_any();
    let backups_before = m.backups();
    let out = m.run(args, stdin);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "mend {args:?}: expected exit code {code}, got {}; stderr: {err}",
        out.status
    );
    for needle in needles {
        assert!(
            err.contains(needle),
            "stderr of mend {args:?} should mention {needle:?}, but is: {err}"
        );
    }
    assert!(
        out.stdout.is_empty(),
        "mend {args:?} printed on stdout: {}",
        stdout(&out)
    );
    if err.starts_with("mend: ") {
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "mend {args:?}: the error should be one line: {err}"
        );
    }
    assert!(
        m.journal_bytes_if_any() == before,
        "mend {args:?} changed the journal {}",
        m.journal.display()
    );
    assert_eq!(m.backups(), backups_before, "mend {args:?} made a backup");
    err
}

/// `promise list --json`.
fn promises(m: &Mend) -> Vec<Value> {
    m.json(&["promise", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

/// The promise with this text, from `promise list --json`.
fn promise_with_text(m: &Mend, text: &str) -> Value {
    promises(m)
        .into_iter()
        .find(|p| p["text"] == text)
        .unwrap_or_else(|| panic!("no promise {text:?}"))
}

/// Makes a promise from Bob to Alice and returns its full id.
fn make_promise(m: &Mend, text: &str) -> String {
    m.ok(
        &["promise", "add", "--by", "Bob", "--to", "Alice", text],
        "",
    );
    promise_with_text(m, text)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The first `n` characters of an id without dashes.
fn prefix(id: &str, n: usize) -> String {
    id.replace('-', "")[..n].to_owned()
}

fn log_texts(m: &Mend, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["log", "--json"];
    args.extend_from_slice(extra);
    m.json(&args)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------- init

#[test]
fn init_creates_a_private_journal_for_two_partners() {
    let m = Mend::new();
    let out = m.ok(
        &[
            "init",
            "--partner",
            "Alice",
            "--partner",
            "Bob",
            "--roles",
            "hurt,repairing",
        ],
        "",
    );
    assert!(out.contains("Alice") && out.contains("Bob"), "{out}");
    assert!(out.contains(&m.journal.display().to_string()), "{out}");
    let j = m.journal_json();
    assert_eq!(j["format"], "mend-journal");
    assert_eq!(j["version"], 1);
    assert_eq!(j["started"], TODAY);
    let partners = j["partners"].as_array().unwrap();
    assert_eq!(partners.len(), 2);
    assert_eq!(partners[0]["name"], "Alice");
    assert_eq!(partners[0]["role"], "hurt");
    assert_eq!(partners[1]["name"], "Bob");
    assert_eq!(partners[1]["role"], "repairing");
    assert_ne!(partners[0]["id"], partners[1]["id"]);
    for list in ["entries", "checkins", "promises", "kind_acts"] {
        assert_eq!(j[list], json!([]), "{list}");
    }
    assert_eq!(mode(&m.journal), 0o600);
    assert_eq!(mode(&m.journal_dir()), 0o700, "a new folder is private");
    assert!(m.backups().is_empty(), "nothing to back up yet");
}

#[test]
fn init_twice_refuses_and_leaves_the_file_unchanged() {
    let m = Mend::with_journal();
    let err = refused(
        &m,
        &["init", "--partner", "Carol", "--partner", "Dan"],
        "",
        1,
        &[&m.journal.display().to_string(), "already exists"],
    );
    assert!(err.contains("not overwrite"), "{err}");
    assert_eq!(m.partner_id("Alice").len(), 36);
}

#[test]
fn init_refuses_bad_partners_without_creating_a_file() {
    let m = Mend::new();
    refused(
        &m,
        &["init", "--partner", "Alice"],
        "",
        2,
        &["two partners"],
    );
    refused(
        &m,
        &["init", "--partner", "Alice", "--partner", "ALICE"],
        "",
        2,
        &["Alice"],
    );
    refused(
        &m,
        &[
            "init",
            "--partner",
            "Alice",
            "--partner",
            "Bob",
            "--roles",
            "hurt,villain",
        ],
        "",
        2,
        &["villain"],
    );
    assert!(!m.journal.exists());
}

// ---------------------------------------------------------------- write

#[test]
fn write_saves_the_entry_from_stdin() {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    let text = "Tonight I listened.\nIt was hard — but \"good\" 🌱 我们在努力。";
    let out = m.ok(
        &["write", "--as", "Alice", "--stage", "communication"],
        format!("{text}\n\n"),
    );
    assert!(out.contains("Alice"), "{out}");
    m.ok(
        &[
            "write",
            "--as",
            "Bob",
            "--stage",
            "healing",
            "--private",
            "--day",
            "2026-11-20",
        ],
        "Private thoughts",
    );
    let j = m.journal_json();
    let entries = j["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let alice = entries
        .iter()
        .find(|e| e["stage"] == "communication")
        .unwrap();
    assert_eq!(
        alice["text"], text,
        "text kept as written, trailing blank lines dropped"
    );
    assert_eq!(alice["author"], m.partner_id("Alice").as_str());
    assert_eq!(alice["day"], TODAY);
    assert_eq!(alice["visibility"], "shared");
    assert_eq!(alice["rev"], 1);
    assert_eq!(alice["deleted"], false);
    let bob = entries.iter().find(|e| e["stage"] == "healing").unwrap();
    assert_eq!(bob["text"], "Private thoughts");
    assert_eq!(bob["author"], m.partner_id("Bob").as_str());
    assert_eq!(bob["day"], "2026-11-20");
    assert_eq!(bob["visibility"], "private");
    m.ok(
        &["write", "--as", "alice", "--stage", "reciprocity"],
        "third",
    );
    let j = m.journal_json();
    let third = j["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "third")
        .unwrap()
        .clone();
    assert_eq!(third["stage"], "reciprocity");
}

#[test]
fn write_after_midnight_belongs_to_the_evening_before() {
    let m = Mend::with_journal();
    let mut cmd = assert_cmd::Command::from_std(m.std_command());
    cmd.env("MEND_NOW", "2026-11-26T00:40:00+00:00")
        .args(["write", "--as", "Alice", "--stage", "reciprocity"])
        .write_stdin("late")
        .assert()
        .success();
    assert_eq!(m.journal_json()["entries"][0]["day"], TODAY);
}

#[test]
fn an_entry_of_exactly_one_mib_is_accepted() {
    let m = Mend::with_journal();
    let text = "a".repeat(1024 * 1024);
    m.ok(&["write", "--as", "Alice", "--stage", "healing"], &text);
    assert_eq!(
        m.journal_json()["entries"][0]["text"]
            .as_str()
            .unwrap()
            .len(),
        1024 * 1024
    );
}

#[test]
fn names_match_case_insensitively() {
    let m = Mend::with_journal();
    m.ok(
        &["write", "--as", "aLiCe", "--stage", "communication"],
        "one",
    );
    m.ok(
        &[
            "checkin",
            "--as",
            "BOB",
            "--safety",
            "1",
            "--trust",
            "2",
            "--connection",
            "3",
        ],
        "",
    );
    m.ok(
        &["promise", "add", "--by", "bob", "--to", "ALICE", "Call"],
        "",
    );
    m.ok(&["kind", "add", "--by", "alice", "Tea"], "");
    m.ok(
        &["write", "--as", "ALICE", "--stage", "healing", "--private"],
        "secret",
    );
    let j = m.journal_json();
    let (alice, bob) = (m.partner_id("Alice"), m.partner_id("Bob"));
    assert_eq!(j["entries"][0]["author"], alice.as_str());
    assert_eq!(j["checkins"][0]["author"], bob.as_str());
    assert_eq!(j["promises"][0]["author"], bob.as_str());
    assert_eq!(j["promises"][0]["to"], alice.as_str());
    assert_eq!(j["kind_acts"][0]["author"], alice.as_str());
    assert!(log_texts(&m, &["--as", "alice"]).contains(&"secret".to_owned()));
}

// ---------------------------------------------------------------- checkin

#[test]
fn checkin_adds_then_replaces_that_partners_checkin_for_the_day() {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    m.ok(
        &[
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "3",
            "--trust",
            "4",
            "--connection",
            "5",
        ],
        "",
    );
    let first = m.journal_json()["checkins"][0].clone();
    assert_eq!(first["day"], TODAY);
    assert_eq!(
        (&first["safety"], &first["trust"], &first["connection"]),
        (&json!(3), &json!(4), &json!(5))
    );
    assert_eq!(first["author"], m.partner_id("Alice").as_str());
    assert!(first.get("note").is_none());

    let out = m.ok(
        &[
            "checkin",
            "--as",
            "alice",
            "--safety",
            "0",
            "--trust",
            "10",
            "--connection",
            "7",
            "--note-stdin",
        ],
        "A calmer evening.\n",
    );
    assert!(out.contains("Updated"), "{out}");
    let j = m.journal_json();
    let list = j["checkins"].as_array().unwrap();
    assert_eq!(list.len(), 1, "replaced, not added");
    assert_eq!(list[0]["id"], first["id"]);
    assert_eq!(
        (
            &list[0]["safety"],
            &list[0]["trust"],
            &list[0]["connection"]
        ),
        (&json!(0), &json!(10), &json!(7))
    );
    assert_eq!(list[0]["note"], "A calmer evening.");
    assert_eq!(list[0]["rev"], 2);

    m.ok(
        &[
            "checkin",
            "--as",
            "Bob",
            "--safety",
            "6",
            "--trust",
            "6",
            "--connection",
            "6",
        ],
        "",
    );
    m.ok(
        &[
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--day",
            "2026-11-24",
        ],
        "",
    );
    let j = m.journal_json();
    let list = j["checkins"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    let alice = m.partner_id("Alice");
    let days: Vec<&Value> = list
        .iter()
        .filter(|c| c["author"] == alice.as_str())
        .map(|c| &c["day"])
        .collect();
    assert_eq!(days.len(), 2);
    assert!(days.contains(&&json!("2026-11-24")) && days.contains(&&json!(TODAY)));
}

// ---------------------------------------------------------------- promises

#[test]
fn promise_add_and_list() {
    let m = Mend::with_journal();
    let out = m.ok(
        &[
            "promise",
            "add",
            "--by",
            "Bob",
            "--to",
            "Alice",
            "--due",
            "2026-11-30",
            "Call",
            "if",
            "I'm",
            "late",
        ],
        "",
    );
    assert!(out.contains("Its id is"), "{out}");
    m.ok(
        &[
            "promise",
            "add",
            "--by",
            "Alice",
            "--to",
            "Bob",
            "--big",
            "Be honest",
        ],
        "",
    );
    let list = promises(&m);
    assert_eq!(list.len(), 2);
    let call = promise_with_text(&m, "Call if I'm late");
    assert_eq!(call["by"], "Bob");
    assert_eq!(call["to"], "Alice");
    assert_eq!(call["due"], "2026-11-30");
    assert_eq!(call["made"], TODAY);
    assert_eq!(call["status"], "open");
    assert_eq!(call["size"], Value::Null, "no size was given");
    assert_eq!(call["history"], json!([]));
    assert_eq!(call["acknowledged"], Value::Null);
    assert_eq!(promise_with_text(&m, "Be honest")["size"], "big");
    let j = m.journal_json();
    let stored = j["promises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == call["id"])
        .unwrap();
    assert_eq!(stored["author"], m.partner_id("Bob").as_str());
    assert_eq!(stored["to"], m.partner_id("Alice").as_str());
    let text = m.ok(&["promise", "list"], "");
    assert!(
        text.contains("Call if I'm late") && text.contains("Be honest"),
        "{text}"
    );
}

#[test]
fn promise_keep_break_withdraw_renegotiate_and_open_filter() {
    let m = Mend::with_journal();
    let keep = make_promise(&m, "Keep me");
    let brk = make_promise(&m, "Break me");
    let withdraw = make_promise(&m, "Withdraw me");
    let reneg = make_promise(&m, "Renegotiate me");
    let open = make_promise(&m, "Leave me open");

    m.ok(
        &[
            "promise",
            "keep",
            &prefix(&keep, 20),
            "--note",
            "Done on time",
        ],
        "",
    );
    m.ok(&["promise", "break", &brk], "");
    m.ok(
        &["promise", "withdraw", &prefix(&withdraw, 32).to_uppercase()],
        "",
    );
    let out = m.ok(
        &[
            "promise",
            "renegotiate",
            &reneg,
            "--text",
            "Renegotiated text",
            "--due",
            "2026-12-05",
            "--note",
            "Too soon",
        ],
        "",
    );
    assert!(out.contains("renegotiated"), "{out}");

    let status = |text: &str| promise_with_text(&m, text)["status"].clone();
    assert_eq!(status("Keep me"), "kept");
    assert_eq!(status("Break me"), "broken");
    assert_eq!(status("Withdraw me"), "withdrawn");
    assert_eq!(status("Renegotiate me"), "renegotiated");
    assert_eq!(status("Leave me open"), "open");

    let kept = promise_with_text(&m, "Keep me");
    assert_eq!(kept["history"].as_array().unwrap().len(), 1);
    assert_eq!(kept["history"][0]["status"], "kept");
    assert_eq!(kept["history"][0]["by"], "Bob");
    assert_eq!(kept["history"][0]["note"], "Done on time");

    let old = promise_with_text(&m, "Renegotiate me");
    let new = promise_with_text(&m, "Renegotiated text");
    assert_eq!(old["replaced_by"], new["id"]);
    assert_eq!(new["renegotiated_from"], old["id"]);
    assert_eq!(new["status"], "open");
    assert_eq!(new["due"], "2026-12-05");
    assert_eq!(new["by"], "Bob");
    assert_eq!(new["to"], "Alice");
    assert_eq!(old["history"][0]["note"], "Too soon");

    let open_list = m.json(&["promise", "list", "--open", "--json"]);
    let mut open_texts: Vec<&str> = open_list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    open_texts.sort();
    assert_eq!(open_texts, ["Leave me open", "Renegotiated text"]);
    assert_eq!(promises(&m).len(), 6);
    assert_eq!(promise_with_text(&m, "Leave me open")["id"], open.as_str());
}

#[test]
fn promise_ack_by_the_partner_it_was_made_to() {
    let m = Mend::with_journal();
    let id = make_promise(&m, "Cook on Friday");
    m.ok(&["promise", "keep", &id], "");
    let out = m.ok(
        &[
            "promise",
            "ack",
            &prefix(&id, 20),
            "--as",
            "alice",
            "--note",
            "It meant a lot",
        ],
        "",
    );
    assert!(out.contains("Alice"), "{out}");
    let p = promise_with_text(&m, "Cook on Friday");
    assert_eq!(p["acknowledged"]["by"], "Alice");
    assert_eq!(p["acknowledged"]["note"], "It meant a lot");
    let j = m.journal_json();
    assert_eq!(
        j["promises"][0]["acknowledged"]["by"],
        m.partner_id("Alice").as_str()
    );
}

#[test]
fn promise_ids_resolve_by_unique_prefix_and_refuse_ambiguous_ones() {
    let m = Mend::with_journal();
    let a = make_promise(&m, "First");
    let b = make_promise(&m, "Second");
    // UUIDv7 ids start with the time they were made, so these two share their first characters.
    let one = prefix(&a, 1);
    assert_eq!(one, prefix(&b, 1));
    refused(
        &m,
        &["promise", "keep", &one],
        "",
        2,
        &[&format!("\"{one}\""), "More than one"],
    );
    refused(
        &m,
        &["promise", "ack", &one, "--as", "Alice"],
        "",
        2,
        &[&format!("\"{one}\"")],
    );
    // The shortest unique prefix works.
    let (sa, sb) = (a.replace('-', ""), b.replace('-', ""));
    let shared = sa
        .bytes()
        .zip(sb.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    m.ok(&["promise", "keep", &sa[..shared + 1]], "");
    assert_eq!(promise_with_text(&m, "First")["status"], "kept");
    assert_eq!(promise_with_text(&m, "Second")["status"], "open");
}

// ---------------------------------------------------------------- kind acts

#[test]
fn kind_add_list_and_ack() {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    m.ok(&["kind", "add", "--by", "Alice", "Made", "tea", "☕"], "");
    m.ok(
        &[
            "kind",
            "add",
            "--by",
            "Bob",
            "--day",
            "2026-11-20",
            "Fixed the bike",
        ],
        "",
    );
    let list = m.json(&["kind", "list", "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["text"], "Made tea ☕", "newest first");
    assert_eq!(list[0]["by"], "Alice");
    assert_eq!(list[0]["day"], TODAY);
    assert_eq!(list[0]["acknowledged_by"], Value::Null);
    assert_eq!(list[1]["text"], "Fixed the bike");
    assert_eq!(list[1]["day"], "2026-11-20");

    let id = list[0]["id"].as_str().unwrap().to_owned();
    m.ok(
        &[
            "kind",
            "ack",
            &prefix(&id, 20),
            "--as",
            "BOB",
            "--note",
            "Thank you",
        ],
        "",
    );
    let list = m.json(&["kind", "list", "--json"]);
    assert_eq!(list[0]["acknowledged_by"], "Bob");
    assert_eq!(list[0]["acknowledged_note"], "Thank you");
    let j = m.journal_json();
    let stored = j["kind_acts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(stored["author"], m.partner_id("Alice").as_str());
    assert_eq!(stored["acknowledged"]["by"], m.partner_id("Bob").as_str());
    let text = m.ok(&["kind", "list"], "");
    assert!(
        text.contains("Made tea") && text.contains("(noticed)"),
        "{text}"
    );

    // Noticing one's own kind act is refused.
    let other = list[1]["id"].as_str().unwrap().to_owned();
    refused(
        &m,
        &["kind", "ack", &other, "--as", "Bob"],
        "",
        1,
        &["your partner"],
    );
}

// ---------------------------------------------------------------- log

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
    assert_eq!(
        log_texts(&m, &["--week", "2026-w48"]),
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
    assert_eq!(log_texts(&m, &[]).len(), 5, "oldest first");
    assert_eq!(log_texts(&m, &[])[0], "Sunday of W46");
}

#[test]
fn log_on_an_empty_journal_says_how_to_write() {
    let m = Mend::with_journal();
    assert!(m.ok(&["log"], "").contains("mend write"));
    assert_eq!(m.json(&["log", "--json"]), json!([]));
}

// ---------------------------------------------------------------- check, path, completions

#[test]
fn check_reports_counts_and_fails_on_problems() {
    let m = Mend::with_journal();
    m.write("Alice", "one");
    m.ok(
        &["write", "--as", "Bob", "--stage", "healing", "--private"],
        "two",
    );
    m.ok(
        &[
            "checkin",
            "--as",
            "Bob",
            "--safety",
            "5",
            "--trust",
            "5",
            "--connection",
            "5",
        ],
        "",
    );
    make_promise(&m, "Promise");
    m.ok(&["kind", "add", "--by", "Alice", "Tea"], "");
    let out = m.ok(&["check"], "");
    assert!(out.contains(&m.journal.display().to_string()), "{out}");
    assert!(out.contains("Alice and Bob"), "{out}");
    assert!(
        out.contains("2 entries (1 private), 1 check-in, 1 promise (1 open), 1 kind act."),
        "{out}"
    );
    assert!(out.contains("No problems"), "{out}");

    // A file others can read (after a `git checkout`, say) is made private again, with a note.
    std::fs::set_permissions(
        &m.journal,
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let before = m.journal_bytes();
    let out = m.run(&["check"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("(mode 644)"), "{}", stderr(&out));
    assert!(stderr(&out).contains(&m.journal.display().to_string()));
    assert_eq!(mode(&m.journal), 0o600, "only the mode changed");
    assert_eq!(m.journal_bytes(), before);

    // A record by someone who is not a partner is a problem.
    let mut j = m.journal_json();
    j["entries"][0]["author"] = json!("01900000-0000-7000-8000-000000000000");
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    std::fs::set_permissions(
        &m.journal,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    let before = m.journal_bytes();
    let out = m.run(&["check"], "");
    assert_ne!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("unknown author"), "{}", stdout(&out));
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn path_shows_the_journal_and_a_backup_folder_in_the_state_directory() {
    let m = Mend::new();
    let out = m.ok(&["path"], "");
    assert!(out.contains(&m.journal.display().to_string()), "{out}");
    let backups = mend::store::Backups::for_journal(&m.backups_root(), &m.journal);
    assert!(out.contains(&backups.dir().display().to_string()), "{out}");
    assert!(!m.journal.exists(), "path creates nothing");

    // Without --journal, the journal lives in the data directory.
    let out = m.command_without_journal().arg("path").output().unwrap();
    assert!(out.status.success());
    let default = m.data_home().join("mend").join("journal.json");
    assert!(
        stdout(&out).contains(&default.display().to_string()),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(&m.backups_root().display().to_string()));
}

#[test]
fn completions_for_each_shell() {
    let m = Mend::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = m.ok(&["completions", shell], "");
        assert!(out.contains("mend"), "{shell}");
        assert!(
            out.contains("checkin") && out.contains("promise"),
            "{shell}"
        );
    }
    refused(&m, &["completions", "tcsh"], "", 2, &["tcsh"]);
}

// ---------------------------------------------------------------- mode and backups

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
        common::add_entry(&mut store, 0, text, mend::journal::Visibility::Shared).unwrap();
    }
    let list = Backups::for_journal(&root, &m.journal).list().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(std::fs::read(&list[0].1).unwrap(), before);
    assert_eq!(m.journal_json()["entries"].as_array().unwrap().len(), 3);
}

// ---------------------------------------------------------------- bad input: usage (exit 2)

#[test]
fn unknown_partner_is_refused() {
    let m = Mend::with_journal();
    let id = make_promise(&m, "P");
    m.ok(&["kind", "add", "--by", "Alice", "Tea"], "");
    let kind = m.json(&["kind", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for args in [
        vec!["write", "--as", "Carol", "--stage", "healing"],
        vec![
            "checkin",
            "--as",
            "Carol",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
        ],
        vec!["promise", "add", "--by", "Carol", "--to", "Alice", "Hi"],
        vec!["promise", "add", "--by", "Alice", "--to", "Carol", "Hi"],
        vec!["promise", "ack", &id, "--as", "Carol"],
        vec!["kind", "add", "--by", "Carol", "Tea"],
        vec!["kind", "ack", &kind, "--as", "Carol"],
        vec!["log", "--as", "Carol"],
    ] {
        let err = refused(&m, &args, "some text", 2, &["\"Carol\""]);
        assert!(err.contains("Alice and Bob"), "{err}");
    }
}

#[test]
fn a_promise_to_oneself_is_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["promise", "add", "--by", "Alice", "--to", "alice", "Hi"],
        "",
        2,
        &["oneself"],
    );
}

#[test]
fn ratings_outside_0_to_10_are_refused() {
    let m = Mend::with_journal();
    for (flag, value) in [
        ("--safety", "11"),
        ("--trust", "11"),
        ("--connection", "11"),
        ("--safety", "-1"),
        ("--trust", "ten"),
    ] {
        let mut args = vec!["checkin", "--as", "Alice"];
        for other in ["--safety", "--trust", "--connection"] {
            args.push(other);
            args.push(if other == flag { value } else { "5" });
        }
        refused(&m, &args, "", 2, &[value, flag]);
    }
    assert_eq!(m.journal_json()["checkins"], json!([]));
}

#[test]
fn a_day_in_the_future_is_refused() {
    let m = Mend::with_journal();
    for args in [
        vec![
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "2026-11-26",
        ],
        vec![
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--day",
            "2026-11-26",
        ],
        vec!["kind", "add", "--by", "Alice", "--day", "2026-11-26", "Tea"],
    ] {
        refused(&m, &args, "text", 2, &["2026-11-26", TODAY]);
    }
    // Just after midnight it is still the evening of the 25th, so the 26th is still ahead.
    let before = m.journal_bytes();
    let out = assert_cmd::Command::from_std(m.std_command())
        .env("MEND_NOW", "2026-11-26T01:00:00+00:00")
        .args([
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "2026-11-26",
        ])
        .write_stdin("text")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    let m = Mend::with_journal();
    for args in [
        vec![
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "2026-02-30",
        ],
        vec![
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--day",
            "2026-02-30",
        ],
        vec![
            "promise",
            "add",
            "--by",
            "Alice",
            "--to",
            "Bob",
            "--due",
            "2026-02-30",
            "Hi",
        ],
        vec!["kind", "add", "--by", "Alice", "--day", "2026-02-30", "Tea"],
        vec![
            "write",
            "--as",
            "Alice",
            "--stage",
            "healing",
            "--day",
            "25/11/2026",
        ],
    ] {
        let value = args[args
            .iter()
            .position(|a| *a == "--day" || *a == "--due")
            .unwrap()
            + 1];
        refused(&m, &args, "text", 2, &[value]);
    }
}

#[test]
fn a_bad_week_is_refused() {
    let m = Mend::with_journal();
    m.write("Alice", "one");
    for week in ["2026-W54", "2026-W00", "2026-48", "W48", "2026-W4"] {
        refused(
            &m,
            &["log", "--week", week],
            "",
            2,
            &[&format!("\"{week}\"")],
        );
    }
}

#[test]
fn a_bad_stage_is_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["write", "--as", "Alice", "--stage", "forgiveness"],
        "text",
        2,
        &["forgiveness", "communication"],
    );
}

#[test]
fn an_empty_entry_is_refused() {
    let m = Mend::with_journal();
    for stdin in ["", "   \n\t\n  "] {
        refused(
            &m,
            &["write", "--as", "Alice", "--stage", "healing"],
            stdin,
            2,
            &["entry", "empty"],
        );
    }
}

#[test]
fn an_entry_over_one_mib_is_refused() {
    let m = Mend::with_journal();
    let text = "a".repeat(1024 * 1024 + 1);
    refused(
        &m,
        &["write", "--as", "Alice", "--stage", "healing"],
        &text,
        2,
        &["entry", "1 MiB"],
    );
    let note = "n".repeat(1024 * 1024 + 1);
    refused(
        &m,
        &[
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
            "--note-stdin",
        ],
        &note,
        2,
        &["note", "1 MiB"],
    );
}

#[test]
fn unknown_and_malformed_ids_are_refused() {
    let m = Mend::with_journal();
    make_promise(&m, "P");
    m.ok(&["kind", "add", "--by", "Alice", "Tea"], "");
    for verb in ["keep", "break", "withdraw", "renegotiate"] {
        refused(&m, &["promise", verb, "ffff"], "", 2, &["\"ffff\""]);
    }
    refused(
        &m,
        &["promise", "ack", "ffff", "--as", "Alice"],
        "",
        2,
        &["\"ffff\""],
    );
    refused(
        &m,
        &["kind", "ack", "ffff", "--as", "Bob"],
        "",
        2,
        &["\"ffff\""],
    );
    refused(&m, &["promise", "keep", "xyz"], "", 2, &["\"xyz\""]);
    refused(&m, &["promise", "keep", ""], "", 2, &[]);
}

#[test]
fn a_due_day_before_the_promise_is_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &[
            "promise",
            "add",
            "--by",
            "Alice",
            "--to",
            "Bob",
            "--due",
            "2026-11-01",
            "Hi",
        ],
        "",
        2,
        &["2026-11-01"],
    );
}

// ---------------------------------------------------------------- bad input: runtime (exit 1)

#[test]
fn closing_an_already_closed_promise_is_refused() {
    let m = Mend::with_journal();
    let id = make_promise(&m, "Once");
    m.ok(&["promise", "keep", &id], "");
    for verb in ["keep", "break", "withdraw", "renegotiate"] {
        refused(&m, &["promise", verb, &id], "", 1, &["already kept"]);
    }
    let id = make_promise(&m, "Twice");
    m.ok(&["promise", "withdraw", &id], "");
    refused(&m, &["promise", "keep", &id], "", 1, &["already withdrawn"]);
}

#[test]
fn acknowledging_ones_own_promise_is_refused() {
    let m = Mend::with_journal();
    let id = make_promise(&m, "Mine");
    refused(
        &m,
        &["promise", "ack", &id, "--as", "Alice"],
        "",
        1,
        &["open"],
    );
    m.ok(&["promise", "keep", &id], "");
    refused(
        &m,
        &["promise", "ack", &id, "--as", "bob"],
        "",
        1,
        &["You made this promise"],
    );
    m.ok(&["promise", "ack", &id, "--as", "Alice"], "");
    refused(
        &m,
        &["promise", "ack", &id, "--as", "Alice"],
        "",
        1,
        &["already acknowledged"],
    );
}

/// The commands a broken journal must refuse, including ones that would save.
fn every_command_refuses(m: &Mend, needles: &[&str]) {
    for args in [
        vec!["write", "--as", "Alice", "--stage", "healing"],
        vec![
            "checkin",
            "--as",
            "Alice",
            "--safety",
            "1",
            "--trust",
            "1",
            "--connection",
            "1",
        ],
        vec!["promise", "add", "--by", "Alice", "--to", "Bob", "Hi"],
        vec!["promise", "list"],
        vec!["kind", "add", "--by", "Alice", "Tea"],
        vec!["kind", "list"],
        vec!["log"],
        vec!["check"],
    ] {
        refused(m, &args, "text", 1, needles);
    }
}

#[test]
fn a_journal_that_fails_to_parse_is_named_with_line_and_column_and_never_overwritten() {
    let m = Mend::with_journal();
    m.write("Alice", "precious");
    let good = String::from_utf8(m.journal_bytes()).unwrap();
    let broken = good.replacen("\"version\": 1,", "\"version\": 1,,", 1);
    assert_ne!(broken, good);
    m.put_journal(&broken);
    let err = serde_json::from_str::<Value>(&broken).unwrap_err();
    assert_eq!(err.line(), 3);
    let place = format!("line {}, column {}", err.line(), err.column());
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, &place]);
    refused(
        &m,
        &["init", "--partner", "A", "--partner", "B"],
        "",
        1,
        &[&path],
    );

    // Valid JSON of the wrong shape is a parse error too, with its place.
    let wrong = good.replacen(&format!("\"started\": \"{TODAY}\""), "\"started\": 5", 1);
    assert_ne!(wrong, good);
    m.put_journal(&wrong);
    let line = wrong
        .lines()
        .position(|l| l.contains("\"started\": 5"))
        .unwrap()
        + 1;
    let err = refused(
        &m,
        &["log"],
        "",
        1,
        &[&path, &format!("line {line}, column")],
    );
    assert!(err.contains("fix that spot or restore a backup"), "{err}");

    m.put_journal("  \n");
    refused(
        &m,
        &["write", "--as", "Alice", "--stage", "healing"],
        "x",
        1,
        &[&path, "empty"],
    );
}

#[test]
fn a_journal_from_a_newer_version_is_refused_naming_both_versions() {
    let m = Mend::with_journal();
    let mut j = m.journal_json();
    j["version"] = json!(2);
    j["something_new"] = json!({"from": "the future"});
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, "version 2", "version 1"]);
}

#[test]
fn a_file_that_is_not_a_mend_journal_is_refused() {
    let m = Mend::with_journal();
    let mut j = m.journal_json();
    j["format"] = json!("jrnl-journal");
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, "jrnl-journal", "mend-journal"]);

    j.as_object_mut().unwrap().remove("format");
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    every_command_refuses(&m, &[&path, "not a mend journal"]);

    m.put_journal(r#"{"notes": ["a", "b"]}"#);
    every_command_refuses(&m, &[&path, "not a mend journal"]);
}

#[test]
fn a_missing_journal_says_how_to_create_one_and_creates_nothing() {
    let m = Mend::new();
    let path = m.journal.display().to_string();
    every_command_refuses(&m, &[&path, "mend init"]);
    refused(
        &m,
        &["promise", "keep", "0123"],
        "",
        1,
        &[&path, "mend init"],
    );
    assert!(!m.journal.exists());
    assert!(!m.journal_dir().exists(), "not even its folder");
    assert!(!m.backups_root().exists());

    // The same with the default journal location.
    let out = m
        .command_without_journal()
        .args(["write", "--as", "Alice", "--stage", "healing"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let default = m.data_home().join("mend").join("journal.json");
    assert!(
        stderr(&out).contains(&default.display().to_string()),
        "{}",
        stderr(&out)
    );
    assert!(!Path::new(&default).exists());
}

#[test]
fn empty_promise_and_kind_texts_are_refused() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["promise", "add", "--by", "Alice", "--to", "Bob", "  "],
        "",
        2,
        &["promise", "empty"],
    );
    refused(
        &m,
        &["kind", "add", "--by", "Alice", " "],
        "",
        2,
        &["kind act", "empty"],
    );
}

#[test]
fn a_bad_mend_now_is_a_usage_error() {
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    let out = assert_cmd::Command::from_std(m.std_command())
        .env("MEND_NOW", "tomorrow evening")
        .args(["write", "--as", "Alice", "--stage", "healing"])
        .write_stdin("text")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tomorrow evening"),
        "{}",
        stderr(&out)
    );
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn a_reader_that_stops_early_ends_mend_quietly() {
    use std::io::Read;
    let m = Mend::new();
    std::fs::create_dir_all(m.journal.parent().unwrap()).unwrap();
    let path = m.journal.to_str().unwrap();
    m.ok(&["demo", "--output", path, "--years", "10"], "");
    // Each listing is far larger than a pipe holds, so mend is still writing when the
    // reader goes away (as with `mend log | head -1`).
    for args in [&["log", "--as", "Alex"][..], &["promise", "list"]] {
        let whole = m.ok(args, "");
        assert!(
            whole.len() > 128 * 1024,
            "mend {args:?} printed only {} bytes",
            whole.len()
        );
        let mut child = m
            .std_command()
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "mend {args:?}: {}: {stderr}",
            out.status
        );
        assert!(stderr.is_empty(), "mend {args:?} said: {stderr}");
    }
}

//! Broken, binary, truncated, empty and huge journals through the binary: a clear refusal, the file untouched.
//!
//! `runtime_errors` already covers a JSON syntax error, valid JSON of the wrong shape, a file of
//! white space, a newer version and a foreign format (bytes unchanged). This adds the cases it
//! lacks and checks the modification time as well as the bytes.

use crate::kit::{Mend, stderr, stdout};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

/// The commands that must refuse a bad journal: one that only reads, one that lists, one
/// that would save.
const COMMANDS: [&[&str]; 3] = [
    &["check"],
    &["log"],
    &["write", "--as", "Alice", "--stage", "healing"],
];

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("the journal has a modification time")
}

/// Puts `bytes` in place as the journal with an old modification time, runs every command,
/// and checks that each refuses (exit 1), says what each of `needles` says and names the
/// file, and that the file keeps its bytes and its modification time.
#[track_caller]
fn every_command_refuses_and_leaves_it_alone(m: &Mend, bytes: &[u8], needles: &[&str]) {
    m.put_journal(bytes);
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&m.journal)
        .and_then(|f| f.set_modified(an_hour_ago))
        .expect("set the modification time");
    let stamp = modified(&m.journal);
    let backups = m.backups();
    let path = m.journal.display().to_string();
    for args in COMMANDS {
        let out = m.run(args, "words that must not be lost");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "mend {args:?}: {err}");
        assert!(err.contains(&path), "mend {args:?} names the file: {err}");
        for needle in needles {
            assert!(err.contains(needle), "mend {args:?} says {needle:?}: {err}");
        }
        assert!(err.contains("It was left as it is"), "mend {args:?}: {err}");
        assert!(err.len() < 1000, "mend {args:?}: a short message: {err}");
        assert!(out.stdout.is_empty(), "mend {args:?}: {}", stdout(&out));
        assert_eq!(
            modified(&m.journal),
            stamp,
            "mend {args:?} touched the file"
        );
        assert!(m.journal_bytes() == bytes, "mend {args:?} changed the file");
    }
    assert_eq!(
        m.backups(),
        backups,
        "no backup of a file that was not changed"
    );
}

/// A valid journal with one entry, as bytes.
fn a_valid_journal(m: &Mend) -> Vec<u8> {
    m.write("Alice", "a quiet evening");
    m.journal_bytes()
}

#[test]
fn a_zero_byte_journal_is_refused_as_empty() {
    let m = Mend::with_journal();
    every_command_refuses_and_leaves_it_alone(&m, b"", &["is empty"]);
}

#[test]
fn a_journal_cut_short_is_refused_where_it_ends() {
    let m = Mend::with_journal();
    let good = a_valid_journal(&m);
    for cut in [1, good.len() / 3, good.len() / 2, good.len() - 3] {
        every_command_refuses_and_leaves_it_alone(&m, &good[..cut], &["EOF while parsing", "line"]);
    }
}

#[test]
fn binary_bytes_and_bad_utf8_are_refused_with_their_place() {
    let m = Mend::with_journal();
    let good = a_valid_journal(&m);
    let mut rng = fastrand::Rng::with_seed(11);
    let noise: Vec<u8> = std::iter::repeat_with(|| rng.u8(..)).take(4096).collect();
    every_command_refuses_and_leaves_it_alone(&m, &noise, &["line 1, column"]);

    // Invalid UTF-8 inside the text of an entry.
    let text = good
        .windows(b"a quiet".len())
        .position(|w| w == b"a quiet")
        .expect("the entry's text");
    let mut bad_utf8 = good.clone();
    bad_utf8[text] = 0xff;
    every_command_refuses_and_leaves_it_alone(&m, &bad_utf8, &["invalid unicode", "line"]);

    // A journal that is really a picture.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    every_command_refuses_and_leaves_it_alone(&m, png, &["line 1, column 1"]);
}

#[test]
fn a_journal_written_twice_over_is_refused() {
    // What a careless copy or a merge tool can leave: two journals one after the other.
    let m = Mend::with_journal();
    let good = a_valid_journal(&m);
    let twice = [good.as_slice(), good.as_slice()].concat();
    every_command_refuses_and_leaves_it_alone(&m, &twice, &["trailing characters"]);
}

/// A valid header and then `size` bytes of garbage, never closed.
fn header_then_garbage(size: usize) -> Vec<u8> {
    let mut bytes = b"{\n  \"format\": \"mend-journal\",\n  \"version\": 1,\n  \"started\": \"2026-11-25\",\n  \"junk\": \"".to_vec();
    let pattern = b"\x01garbage\x7f\xfe after a header \x00";
    bytes.extend(pattern.iter().cycle().take(size));
    bytes
}

fn huge_garbage(size: usize) {
    let m = Mend::with_journal();
    let bytes = header_then_garbage(size);
    let started = Instant::now();
    every_command_refuses_and_leaves_it_alone(&m, &bytes, &["line 5, column"]);
    eprintln!(
        "{} MB of garbage after a header: three refusals in {:?}",
        size >> 20,
        started.elapsed()
    );
}

/// About 1.7 s in a debug build, so it runs by default.
#[test]
fn a_hundred_megabytes_of_garbage_after_a_valid_header_are_refused() {
    huge_garbage(100 << 20);
}

/// A valid journal of about `size` bytes: the same long entry again and again, each with
/// its own id. Returns its bytes and how many entries it holds.
fn valid_journal_of(m: &Mend, size: usize) -> (Vec<u8>, usize) {
    let text = "We talked about the week, slowly, and listened. ".repeat(200);
    m.write("Alice", &text);
    let good = String::from_utf8(m.journal_bytes()).expect("UTF-8");
    let json: serde_json::Value = serde_json::from_str(&good).expect("JSON");
    let entry = serde_json::to_string(&json["entries"][0]).expect("entry");
    let id = json["entries"][0]["id"].as_str().expect("id").to_owned();
    let copies = size / entry.len() + 1;
    let entries: Vec<String> = (0..copies)
        .map(|n| entry.replace(&id, &format!("{}{n:012x}", &id[..24])))
        .collect();
    let start = good.find("\"entries\": [").expect("entries");
    let end = start + good[start..].find("\n  ]").expect("end of entries");
    let bytes = format!(
        "{}\"entries\": [{}{}",
        &good[..start],
        entries.join(",\n"),
        &good[end..]
    );
    (bytes.into_bytes(), copies)
}

fn huge_valid(size: usize) {
    let m = Mend::with_journal();
    let (bytes, count) = valid_journal_of(&m, size);
    m.put_journal(&bytes);
    std::fs::set_permissions(
        &m.journal,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .expect("mode 0600");
    let started = Instant::now();
    let check = m.ok(&["check"], "");
    let checked = started.elapsed();
    assert!(check.contains("No problems"), "{check}");
    assert!(check.contains(&format!("{count} entries")), "{check}");
    let started = Instant::now();
    m.write("Bob", "still here");
    let written = started.elapsed();
    let log = m.ok(&["log"], "");
    assert!(log.contains("still here"), "the new entry is listed");
    let journal = mend::store::load(&m.journal)
        .expect("loads")
        .expect("exists");
    assert_eq!(journal.entries.len(), count + 1);
    eprintln!(
        "a valid {} MB journal ({count} entries): check {checked:?}, write {written:?}",
        bytes.len() >> 20,
    );
}

#[test]
fn a_ten_megabyte_valid_journal_opens_and_takes_a_new_entry() {
    huge_valid(10 << 20);
}

/// About 6 s in a debug build (the save is most of it); run it with
/// `cargo test --test cli hostile_journal:: -- --ignored`.
#[test]
#[ignore = "takes 6 s in a debug build; the 10 MB case runs by default"]
fn a_hundred_megabyte_valid_journal_opens_and_takes_a_new_entry() {
    huge_valid(100 << 20);
}

/// A hand-edited journal whose partners share one id filed Bob's private entry as Alice's;
/// one with one or three partners took entries by a third.
#[test]
fn a_journal_that_does_not_tell_two_partners_apart_is_refused() {
    let m = Mend::with_journal();
    let good = m.journal_json();
    let mut same_id = good.clone();
    same_id["partners"][1]["id"] = same_id["partners"][0]["id"].clone();
    let mut one = good.clone();
    if let Some(partners) = one["partners"].as_array_mut() {
        partners.pop();
    }
    let mut three = good.clone();
    let carol = serde_json::json!({"id": "01a21482-1880-7000-8000-000000000003", "name": "Carol"});
    if let Some(partners) = three["partners"].as_array_mut() {
        partners.push(carol);
    }
    for (journal, says) in [
        (same_id, "have the id"),
        (one, "lists 1 partner"),
        (three, "lists 3 partners"),
    ] {
        let bytes = serde_json::to_vec_pretty(&journal).expect("serialize");
        every_command_refuses_and_leaves_it_alone(&m, &bytes, &["`partners`", says]);
    }
}

/// A `null` or a number where a choice belongs was told as "expected value" with no field.
#[test]
fn a_null_or_a_number_where_a_choice_belongs_is_named_by_its_field() {
    let m = Mend::with_journal();
    m.write("alice", "hi");
    m.ok(
        &["promise", "add", "--by", "alice", "--to", "bob", "call"],
        "",
    );
    let good = m.journal_json();
    for (pointer, field, bad) in [
        (
            "/entries/0/visibility",
            "entries[0].visibility",
            serde_json::json!(null),
        ),
        ("/entries/0/stage", "entries[0].stage", serde_json::json!(2)),
        (
            "/promises/0/status",
            "promises[0].status",
            serde_json::json!(null),
        ),
        (
            "/settings/week_starts",
            "settings.week_starts",
            serde_json::json!(1),
        ),
    ] {
        let mut edited = good.clone();
        if let Some(value) = edited.pointer_mut(pointer) {
            *value = bad;
        }
        let bytes = serde_json::to_vec_pretty(&edited).expect("serialize");
        every_command_refuses_and_leaves_it_alone(&m, &bytes, &[&format!("`{field}`")]);
    }
}

/// A list was told as "invalid length 0, expected struct Header with 2 elements".
#[test]
fn a_journal_that_is_a_list_or_a_number_is_called_not_a_mend_journal() {
    let m = Mend::with_journal();
    let good = m.journal_json();
    let list = serde_json::to_vec(&serde_json::json!([good])).expect("serialize");
    for (bytes, holds) in [
        (b"[]".to_vec(), "a list"),
        (list, "a list"),
        (b"42\n".to_vec(), "a number"),
    ] {
        every_command_refuses_and_leaves_it_alone(
            &m,
            &bytes,
            &["is not a mend journal", &format!("it holds {holds}")],
        );
    }
}

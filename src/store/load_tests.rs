//! Tests of reading a journal file: what parses, and what is refused by name.
use super::super::read_buffer::HUGE_FROM_BYTES;
use super::*;

const VALID: &str = r#"{"format": "mend-journal", "version": 1, "started": "2026-11-01",
    "partners": [
      {"id": "01930000-0000-7000-8000-000000000001", "name": "Alex"},
      {"id": "01930000-0000-7000-8000-000000000002", "name": "Sam"}]}"#;

fn parse_text(text: &str) -> Result<Journal, LoadError> {
    parse(Path::new("j.json"), text.as_bytes())
}

#[test]
fn a_check_in_without_its_ratings_is_refused_unless_they_are_sealed() {
    let checkin = r#"], "checkins": [{"id": "01930000-0000-7000-8000-0000000000c1",
        "author": "01930000-0000-7000-8000-000000000001", "created": "2026-11-01T20:00:00Z",
        "updated": "2026-11-01T20:00:00Z", "rev": 1, "deleted": false, "day": "2026-11-01",
        "safety": 3, "connection": 4}]}"#;
    let text = VALID.replacen("]}", checkin, 1);
    let err = parse_text(&text).unwrap_err().to_string();
    assert!(
        err.contains("check-in 01930000-0000-7000-8000-0000000000c1 is missing its ratings"),
        "{err}"
    );
    assert!(err.contains("j.json"), "{err}");
}

#[test]
fn a_valid_journal_parses() {
    assert_eq!(parse_text(VALID).unwrap().partners.len(), 2);
}

#[test]
fn a_newer_version_is_refused_even_when_the_rest_would_parse() {
    let newer = VALID.replace(r#""version": 1"#, r#""version": 3"#);
    let err = parse_text(&newer).unwrap_err();
    assert!(matches!(err, LoadError::TooNew { found: 3, .. }), "{err}");
    let much_newer = VALID.replace(r#""version": 1"#, r#""version": 99999999999"#);
    assert!(matches!(
        parse_text(&much_newer),
        Err(LoadError::TooNew { .. })
    ));
}

#[test]
fn another_format_is_named_as_found() {
    for (format, found) in [(r#""notes""#, r#""notes""#), ("3", "3")] {
        let text = VALID.replace(r#""mend-journal""#, format);
        match parse_text(&text) {
            Err(LoadError::NotAJournal { found: f, .. }) => assert_eq!(f, found),
            other => panic!("{format}: {other:?}"),
        }
    }
    let missing = VALID.replace(r#""format": "mend-journal","#, "");
    assert!(
        matches!(parse_text(&missing), Err(LoadError::NotAJournal { found, .. }) if found == "missing")
    );
}

#[test]
fn small_and_large_files_load_alike() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    assert!(load(&path).unwrap().is_none(), "no file yet");
    let padding = " ".repeat(usize::try_from(HUGE_FROM_BYTES).unwrap());
    for text in [VALID.to_owned(), format!("{VALID}{padding}")] {
        std::fs::write(&path, &text).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(loaded, parse_text(VALID).unwrap());
    }
    // A large broken file is named by line like a small one.
    let broken = VALID.replace(r#""name": "Sam""#, r#""name": 5"#);
    std::fs::write(&path, format!("{padding}{broken}")).unwrap();
    match load(&path) {
        Err(LoadError::Parse { line, .. }) => assert_eq!(line, 4),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bytes_that_are_not_utf8_are_named_by_line() {
    let mut bytes = VALID
        .replace(r#""name": "Sam""#, r#""name": "S?m""#)
        .into_bytes();
    let at = bytes.iter().position(|&b| b == b'?').unwrap();
    bytes[at] = 0xff;
    match parse(Path::new("j.json"), &bytes) {
        Err(LoadError::Parse { line, message, .. }) => {
            assert_eq!(line, 4);
            assert!(message.contains("invalid unicode"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_broken_journal_names_the_line() {
    let broken = VALID.replace(r#""name": "Sam""#, r#""name": 5"#);
    match parse_text(&broken) {
        Err(LoadError::Parse { line, message, .. }) => {
            assert_eq!(line, 4);
            assert_eq!(
                message,
                "the field `partners[1].name` has the wrong kind of value (integer) where mend expected a string"
            );
        }
        other => panic!("{other:?}"),
    }
}

//! Reading records from the file: own fields, metadata and unknown fields kept as written.

use crate::journal::{Checkin, Entry, Visibility};

const CHECKIN: &str = r#""id": "01900000-0000-7000-8000-000000000001",
    "author": "01900000-0000-7000-8000-000000000002",
    "created": "2026-11-25T21:00:00Z", "updated": "2026-11-25T21:00:00Z", "rev": 1,
    "day": "2026-11-25", "safety": 6, "trust": 5, "connection": 7"#;

fn checkin(more: &str) -> Result<Checkin, String> {
    serde_json::from_str(&format!("{{{CHECKIN}{more}}}")).map_err(|err| err.to_string())
}

#[test]
fn reads_own_and_meta_fields_and_keeps_the_rest() {
    let read = checkin(r#", "mood": "calm", "z": [1, 2], "a": null"#).unwrap();
    assert_eq!((read.safety.value(), read.trust.value()), (6, 5));
    assert_eq!(read.meta.rev, 1);
    assert!(!read.meta.deleted, "a missing `deleted` reads as false");
    assert_eq!(read.note, None);
    let kept: Vec<&str> = read.extra.keys().map(String::as_str).collect();
    assert_eq!(kept.len(), 3);
    assert_eq!(read.extra["mood"].get(), r#""calm""#);
    assert_eq!(read.extra["z"].get(), "[1, 2]");
}

#[test]
fn a_checkin_note_without_a_visibility_is_shared_as_before_and_private_is_kept() {
    let old = checkin(r#", "note": "slept badly""#).unwrap();
    assert_eq!(old.note_visibility, Visibility::Shared);
    let written = serde_json::to_string(&old).unwrap();
    assert!(!written.contains("note_visibility"), "{written}");
    let private = checkin(r#", "note": "slept badly", "note_visibility": "private""#).unwrap();
    assert_eq!(private.shared_note(), None);
    let written = serde_json::to_string(&private).unwrap();
    assert!(
        written.contains(r#""note_visibility":"private""#),
        "{written}"
    );
    assert!(checkin(r#", "note_visibility": "secret""#).is_err());
}

#[test]
fn a_key_written_with_escapes_is_still_its_field() {
    let read = checkin(r#", "n\u006fte": "slept badly", "caf\u00e9": 1"#).unwrap();
    assert_eq!(read.note.as_deref(), Some("slept badly"));
    assert_eq!(read.extra["café"].get(), "1");
}

#[test]
fn a_field_given_twice_is_refused_by_name() {
    assert!(
        checkin(r#", "trust": 9"#)
            .unwrap_err()
            .contains("duplicate field `trust`")
    );
    assert!(
        checkin(r#", "rev": 2"#)
            .unwrap_err()
            .contains("duplicate field `rev`")
    );
}

#[test]
fn a_missing_field_is_named() {
    let without = |field: &str| {
        let text = CHECKIN.replace(&format!("\"{field}\""), "\"other\"");
        serde_json::from_str::<Checkin>(&format!("{{{text}}}"))
            .unwrap_err()
            .to_string()
    };
    // A rating may be left out only where it is sealed; the loader checks that for the
    // whole journal (`store::load`), so a check-in read alone stands it in as sealed.
    assert!(without("author").contains("missing field `author`"));
    assert!(without("created").contains("missing field `created`"));
}

#[test]
fn a_wrong_value_says_what_was_expected() {
    let err = checkin(r#", "note": 12"#).unwrap_err();
    assert!(
        err.contains("invalid type: integer `12`, expected a string"),
        "{err}"
    );
    let err = serde_json::from_str::<Checkin>("[1, 2]")
        .unwrap_err()
        .to_string();
    assert!(err.contains("expected struct Checkin"), "{err}");
    let late = CHECKIN.replace("\"2026-11-25T21:00:00Z\", \"rev\"", "\"late\", \"rev\"");
    let err = serde_json::from_str::<Checkin>(&format!("{{{late}}}")).unwrap_err();
    assert!(err.to_string().contains("invalid characters"), "{err}");
}

#[test]
fn optional_fields_fall_back_when_missing() {
    let entry = CHECKIN.replace(
        r#""safety": 6, "trust": 5, "connection": 7"#,
        r#""stage": "healing", "text": "a quiet evening""#,
    );
    let read: Entry = serde_json::from_str(&format!("{{{entry}}}")).unwrap();
    assert_eq!(read.visibility, Visibility::Private);
    assert_eq!((read.prompt, read.prompt_id), (None, None));
}

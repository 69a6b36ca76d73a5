//! The exact words of the loader's refusals: where, what, and punctuation said once.

mod common;

use common::{Mend, stderr};

#[test]
fn a_rating_out_of_range_in_the_file_is_named_with_one_period() {
    let m = Mend::with_journal();
    let mut json = m.journal_json();
    let alice = m.partner_id("Alice");
    json["checkins"] = serde_json::json!([{
        "id": "01930000-0000-7000-8000-000000000011",
        "author": alice,
        "created": "2026-11-24T20:00:00Z",
        "updated": "2026-11-24T20:00:00Z",
        "rev": 1,
        "day": "2026-11-24",
        "safety": 11, "trust": 3, "connection": 3
    }]);
    m.put_journal(serde_json::to_vec(&json).unwrap());
    let out = m.run(&["check"], "");
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    let (_, after_path) = message.split_once(" could not be read at ").unwrap();
    assert!(
        after_path.ends_with(
            ": A rating of 11 is outside 0-10. It was left as it is; fix that spot or restore a backup.\n"
        ),
        "{message}"
    );
}

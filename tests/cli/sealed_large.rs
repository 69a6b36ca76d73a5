//! A journal large enough to be opened on several threads: every word comes back as it was,
//! and of two damaged records the first in the file is the one named.

use crate::kit::Mend;
use crate::sealed_kit::{Locked, TOKEN, open_both, tokens};
use serde_json::Value;

/// A two-year demo journal, encrypted by the binary; and its words before.
fn large() -> (Locked, Value) {
    let m = Mend::new();
    std::fs::create_dir_all(m.journal_dir()).unwrap();
    let out = m.journal.display().to_string();
    m.ok(&["demo", "--years", "2", "--output", &out], "");
    // The demo's partners are Alex and Sam; named Alice and Bob here, as the kit's are.
    let mut plain = m.journal_json();
    plain["partners"][0]["name"] = "Alice".into();
    plain["partners"][1]["name"] = "Bob".into();
    m.put_journal(serde_json::to_vec_pretty(&plain).unwrap());
    (Locked::encrypt(m), plain)
}

#[test]
fn a_large_encrypted_journal_opens_to_every_word_and_names_the_first_damaged_record() {
    let (locked, plain) = large();
    let bytes = locked.m.journal_bytes();
    let mut found = Vec::new();
    tokens(&serde_json::from_slice(&bytes).unwrap(), "", &mut found);
    assert!(
        found.len() > 5000,
        "enough places for several threads: {}",
        found.len()
    );

    let opened = open_both(&locked.m.journal).expect("opens");
    assert_eq!(
        opened.entries.len(),
        plain["entries"].as_array().unwrap().len()
    );
    for (entry, was) in opened
        .entries
        .iter()
        .zip(plain["entries"].as_array().unwrap())
    {
        assert_eq!(entry.text, was["text"].as_str().unwrap());
    }
    for (checkin, was) in opened
        .checkins
        .iter()
        .zip(plain["checkins"].as_array().unwrap())
    {
        assert_eq!(
            u64::from(checkin.safety.value()),
            was["safety"].as_u64().unwrap()
        );
        assert_eq!(checkin.note.as_deref(), was["note"].as_str());
    }

    // Damage an entry near the end, then one near the start: the first is named.
    let value: Value = serde_json::from_slice(&bytes).unwrap();
    let entries = value["entries"].as_array().unwrap();
    let (early, late) = (&entries[3], &entries[entries.len() - 3]);
    let mut text = String::from_utf8(bytes).unwrap();
    for entry in [late, early] {
        let token = entry["text"].as_str().unwrap();
        assert!(token.starts_with(TOKEN));
        let mut damaged = token.to_owned();
        let at = damaged.len() - 4;
        let was = damaged.as_bytes()[at];
        damaged.replace_range(at..=at, if was == b'A' { "B" } else { "A" });
        text = text.replacen(token, &damaged, 1);
        locked.m.put_journal(&text);
        let message = open_both(&locked.m.journal).expect_err("damaged");
        let id = entry["id"].as_str().unwrap();
        assert!(message.contains(id), "names {id}: {message}");
    }
}

//! `mend reply`: "I read this" and a few words under a partner's shared entry, and every refusal.

use crate::helpers::*;
use crate::kit::Mend;
use serde_json::Value;

/// The full id of the entry with this text, as its author lists it.
fn entry_id(m: &Mend, author: &str, text: &str) -> String {
    let list = m.json(&["log", "--json", "--as", author]);
    let entry = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == text)
        .unwrap();
    entry["id"].as_str().unwrap().to_owned()
}

fn replies(m: &Mend, reader: &str, text: &str) -> Vec<Value> {
    let list = m.json(&["log", "--json", "--as", reader]);
    let entry = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == text)
        .unwrap()
        .clone();
    entry["replies"].as_array().unwrap().clone()
}

#[test]
fn a_reply_waits_for_the_reveal_then_shows_under_the_entry() {
    let m = Mend::with_journal();
    m.write("Alice", "I felt heard tonight");
    let id = entry_id(&m, "alice", "I felt heard tonight");
    refused(
        &m,
        &["reply", &id, "--as", "bob", "--just-read"],
        "",
        1,
        &["open once you have written your own"],
    );
    m.write("Bob", "Me too");
    let said = m.ok(&["reply", &id, "--as", "bob"], "Thank you for saying it\n");
    assert!(said.contains("Alice will see your reply"), "{said}");
    let under = replies(&m, "alice", "I felt heard tonight");
    assert_eq!(under.len(), 1);
    assert_eq!(under[0]["by"], "Bob");
    assert_eq!(under[0]["text"], "Thank you for saying it");
    let log = m.ok(&["log", "--as", "alice"], "");
    assert!(log.contains("↳ Bob: Thank you for saying it"), "{log}");

    // Replying again replaces the words; no words says "I read this".
    m.ok(&["reply", &id, "--as", "bob", "--just-read"], "");
    let under = replies(&m, "alice", "I felt heard tonight");
    assert_eq!(under.len(), 1);
    assert!(under[0]["text"].is_null());
    assert!(m.ok(&["log"], "").contains("↳ Bob: I read this."));
}

#[test]
fn nobody_replies_to_their_own_or_a_private_entry_and_bad_input_writes_nothing() {
    let m = Mend::with_journal();
    m.write("Alice", "Shared words");
    m.ok(
        &["write", "--as", "Alice", "--stage", "healing", "--private"],
        "Private words",
    );
    m.write("Bob", "Bob's words");
    let shared = entry_id(&m, "alice", "Shared words");
    let private = entry_id(&m, "alice", "Private words");
    refused(
        &m,
        &["reply", &shared, "--as", "alice", "--just-read"],
        "",
        1,
        &["your own entry"],
    );
    // A private entry is not found at all, so its existence is not told.
    refused(
        &m,
        &["reply", &private, "--as", "bob", "--just-read"],
        "",
        2,
        &["No record has an id starting with"],
    );
    refused(
        &m,
        &["reply", &shared, "--as", "carol", "--just-read"],
        "",
        2,
        &["--as", "carol"],
    );
    refused(
        &m,
        &["reply", "zz", "--as", "bob", "--just-read"],
        "",
        2,
        &["\"zz\" is not an id"],
    );
    let long = "x".repeat(601);
    refused(&m, &["reply", &shared, "--as", "bob"], long, 2, &["600"]);
    refused(
        &m,
        &["reply", &shared, "--as", "bob"],
        "   \n",
        2,
        &["empty"],
    );
    assert!(replies(&m, "alice", "Shared words").is_empty());
}

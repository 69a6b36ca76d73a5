//! `mend kind`: kind acts added, listed and acknowledged.

use crate::helpers::*;
use crate::kit::{Mend, TODAY};
use serde_json::Value;

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

#[test]
fn kindness_received_is_logged_by_the_receiver_as_the_doers_and_noticed() {
    let m = Mend::with_journal();
    let said = m.ok(
        &["kind", "received", "--as", "bob"],
        "Left the porch light on for me\n",
    );
    assert!(
        said.contains("Logged as Alice's kind act for Bob, and noticed by Bob."),
        "{said}"
    );
    let j = m.journal_json();
    let stored = &j["kind_acts"][0];
    assert_eq!(stored["author"], m.partner_id("Bob").as_str());
    assert_eq!(stored["done_by"], m.partner_id("Alice").as_str());
    assert_eq!(stored["acknowledged"]["by"], m.partner_id("Bob").as_str());
    assert_eq!(stored["text"], "Left the porch light on for me");

    let list = m.json(&["kind", "list", "--json"]);
    assert_eq!(list[0]["by"], "Alice", "the doer");
    assert_eq!(list[0]["logged_by"], "Bob");
    assert_eq!(list[0]["acknowledged_by"], "Bob");
    let text = m.ok(&["kind", "list"], "");
    assert!(
        text.contains("Alice did this for Bob: Left the porch light on for me  (Bob noted it)"),
        "{text}"
    );

    // Nobody notices it again: Bob already did by writing it down, and Alice did it.
    let id = list[0]["id"].as_str().unwrap().to_owned();
    refused(
        &m,
        &["kind", "ack", &id, "--as", "Bob"],
        "",
        1,
        &["already counts as noticed"],
    );
    refused(
        &m,
        &["kind", "ack", &id, "--as", "Alice"],
        "",
        1,
        &["You did this kind act"],
    );
}

#[test]
fn kindness_received_names_the_other_partner_and_only_them() {
    let m = Mend::with_journal();
    m.ok(
        &["kind", "received", "--as", "Bob", "--from", "ALICE", "Soup"],
        "",
    );
    let stored = &m.journal_json()["kind_acts"][0];
    assert_eq!(stored["done_by"], m.partner_id("Alice").as_str());

    let words = "Private words that must not be echoed";
    refused(
        &m,
        &["kind", "received", "--as", "Zed"],
        words,
        2,
        &["\"Zed\"", "Alice and Bob"],
    );
    refused(
        &m,
        &["kind", "received", "--as", "Bob", "--from", "Zed"],
        words,
        2,
        &["\"Zed\"", "Alice and Bob"],
    );
    let err = refused(
        &m,
        &["kind", "received", "--as", "Bob", "--from", "bob"],
        words,
        2,
        &["your partner did for you", "your own kind act"],
    );
    assert!(!err.contains(words), "{err}");
    refused(
        &m,
        &["kind", "received", "--as", "Bob", "--day", "2999-01-01"],
        words,
        2,
        &["2999-01-01"],
    );
    assert_eq!(m.journal_json()["kind_acts"].as_array().unwrap().len(), 1);
}

//! `mend promise`: make, list, keep, break, withdraw, renegotiate, acknowledge, and ids by prefix.

use crate::helpers::*;
use crate::kit::{Mend, TODAY};
use serde_json::{Value, json};

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

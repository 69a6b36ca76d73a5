//! The command line agrees with the screens on promises: a renegotiation must change something,
//! is not counted as a new promise, and can be noticed but is never reported as kept.

use crate::kit::{Mend, stderr};

/// Bob promises Alice a walk due on Saturday 28 November; returns its id.
fn walk_promise(m: &Mend) -> String {
    m.ok(
        &[
            "promise",
            "add",
            "--by",
            "bob",
            "--to",
            "alice",
            "--due",
            "2026-11-28",
            "Plan",
            "a",
            "walk",
        ],
        "",
    );
    let list = m.json(&["promise", "list", "--json"]);
    list[0]["id"].as_str().expect("an id").to_owned()
}

#[test]
fn renegotiating_with_nothing_changed_is_refused_and_writes_nothing() {
    let m = Mend::with_journal();
    let id = walk_promise(&m);
    let before = m.journal_bytes();
    for args in [
        vec!["promise", "renegotiate", id.as_str()],
        vec!["promise", "renegotiate", id.as_str(), "--due", "2026-11-28"],
    ] {
        let out = m.run(&args, "");
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("needs new words or a new due day"),
            "{}",
            stderr(&out)
        );
        assert_eq!(m.journal_bytes(), before, "nothing written");
    }
}

#[test]
fn a_renegotiation_is_not_a_new_promise_in_the_weeks_figures() {
    let m = Mend::with_journal();
    let id = walk_promise(&m);
    m.ok(&["promise", "renegotiate", &id, "--due", "2026-11-29"], "");
    let second = m.json(&["promise", "list", "--json", "--open"]);
    let second_id = second[0]["id"].as_str().unwrap().to_owned();
    m.ok(
        &["promise", "renegotiate", &second_id, "--due", "2026-11-27"],
        "",
    );
    let out = m.run(&["export", "--week", "2026-W48", "--format", "json"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let bob = summary["reciprocity"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["partner"] == "Bob")
        .expect("Bob's figures");
    assert_eq!(bob["figures"]["made"], 1, "one promise, changed twice");
    assert_eq!(bob["figures"]["renegotiated"], 2);
    assert_eq!(bob["figures"]["kept"], 0, "nothing was kept");
}

#[test]
fn the_receiver_can_notice_a_renegotiation_and_it_stays_renegotiated() {
    let m = Mend::with_journal();
    let id = walk_promise(&m);
    m.ok(&["promise", "renegotiate", &id, "--due", "2026-11-29"], "");
    let out = m.run(&["promise", "ack", &id, "--as", "bob"], "");
    assert_eq!(out.status.code(), Some(1), "Bob made it: {}", stderr(&out));
    m.ok(&["promise", "ack", &id, "--as", "alice"], "");
    let list = m.json(&["promise", "list", "--json"]);
    let old = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id.as_str())
        .unwrap();
    assert_eq!(old["status"], "renegotiated");
    assert_eq!(old["acknowledged"]["by"], "Alice");
}

#[test]
fn one_word_for_each_thing_not_kept_and_notice_with_the_old_verbs_kept() {
    let m = Mend::with_journal();
    let id = walk_promise(&m);
    let out = m.ok(&["promise", "not-kept", &id], "");
    assert!(out.contains("not kept"), "{out}");
    let list = m.ok(&["promise", "list"], "");
    assert!(list.contains("not kept"), "{list}");
    assert!(!list.contains("broken"), "the list says not kept: {list}");
    let json = m.json(&["promise", "list", "--json"]);
    assert_eq!(json[0]["status"], "broken", "the file's word is unchanged");

    let second = walk_promise(&m);
    let second = m.json(&["promise", "list", "--json", "--open"])[0]["id"]
        .as_str()
        .map_or(second, str::to_owned);
    m.ok(&["promise", "break", &second], "");
    let third = {
        m.ok(
            &[
                "promise", "add", "--by", "bob", "--to", "alice", "Cook", "tonight",
            ],
            "",
        );
        m.json(&["promise", "list", "--json", "--open"])[0]["id"]
            .as_str()
            .expect("an id")
            .to_owned()
    };
    m.ok(&["promise", "keep", &third], "");
    m.ok(&["promise", "notice", &third, "--as", "alice"], "");
    let refused = m.run(&["promise", "ack", &third, "--as", "alice"], "");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("You already said you noticed this."),
        "{}",
        stderr(&refused)
    );
    let help = m.ok(&["promise", "--help"], "");
    for word in ["not-kept", "notice"] {
        assert!(help.contains(word), "{word} in: {help}");
    }
    assert!(!help.to_lowercase().contains("acknowledge"), "{help}");
    assert!(!help.contains("broken"), "{help}");
}

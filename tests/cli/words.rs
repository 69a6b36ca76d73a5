//! Through the binary: counts say "1 entry", not "1 entries", and a promise made without a
//! size stores none (`null`), as the README says.

use crate::kit::Mend;

#[test]
fn a_promise_made_without_a_size_has_none() {
    let m = Mend::with_journal();
    m.ok(
        &["promise", "add", "--by", "Bob", "--to", "Alice", "Call"],
        "",
    );
    m.ok(
        &[
            "promise", "add", "--by", "Bob", "--to", "Alice", "--big", "Move",
        ],
        "",
    );
    let journal = m.journal_json();
    let promises = journal["promises"].as_array().expect("promises");
    let size_of = |text: &str| {
        promises
            .iter()
            .find(|p| p["text"] == text)
            .unwrap_or_else(|| panic!("no promise {text:?}: {journal:#}"))["size"]
            .clone()
    };
    assert_eq!(size_of("Call"), serde_json::Value::Null, "{journal:#}");
    assert_eq!(size_of("Move"), "big", "{journal:#}");
    let listed = m.json(&["promise", "list", "--json"]);
    let call = listed
        .as_array()
        .and_then(|all| all.iter().find(|p| p["text"] == "Call"))
        .unwrap_or_else(|| panic!("{listed:#}"));
    assert_eq!(
        call.get("size"),
        Some(&serde_json::Value::Null),
        "{listed:#}"
    );
}

#[test]
fn check_counts_one_entry_in_the_singular() {
    let m = Mend::with_journal();
    m.write("Alice", "One evening, one entry.");
    m.ok(
        &["promise", "add", "--by", "Bob", "--to", "Alice", "Call"],
        "",
    );
    let out = m.ok(&["check"], "");
    assert!(
        out.contains("1 entry (0 private), 0 check-ins, 1 promise (1 open), 0 kind acts."),
        "{out}"
    );
}

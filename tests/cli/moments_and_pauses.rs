//! `mend moment` and `mend pause`: hard moments noted and looked back on, pauses asked for, and every refusal.

use crate::helpers::*;
use crate::kit::Mend;

fn moments(m: &Mend) -> Vec<serde_json::Value> {
    m.journal_json()["hard_moments"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_moment_is_private_by_default_and_its_author_says_how_it_went() {
    let m = Mend::with_journal();
    let said = m.ok(
        &["moment", "--as", "bob"],
        "The song came on in the shop.\n",
    );
    assert!(said.contains("hidden from your partner"), "{said}");
    let stored = moments(&m)[0].clone();
    assert_eq!(stored["visibility"], "private");
    assert_eq!(stored["text"], "The song came on in the shop.");
    assert_eq!(stored["author"], m.partner_id("Bob").as_str());
    let id = stored["id"].as_str().unwrap().to_owned();

    refused(
        &m,
        &["moment", "outcome", &id, "--as", "alice", "helped"],
        "",
        2,
        &["No record has an id"],
    );
    let said = m.ok(
        &[
            "moment",
            "outcome",
            &prefix(&id, 12),
            "--as",
            "bob",
            "not-this-time",
        ],
        "",
    );
    assert!(said.contains("not this time"), "{said}");
    assert_eq!(moments(&m)[0]["outcome"], "not-this-time");
}

#[test]
fn a_shared_moment_can_name_its_plan_item_and_only_its_author_looks_back() {
    let m = Mend::with_journal();
    m.ok(&["plan", "add", "--as", "bob"], "a\nb\nc\n");
    let plan = m.json(&["plan", "list", "--json"]);
    let item = plan[0]["id"].as_str().unwrap().to_owned();
    let said = m.ok(
        &[
            "moment",
            "--as",
            "bob",
            "--plan",
            &prefix(&item, 10),
            "--shared",
        ],
        "Hard evening",
    );
    assert!(said.contains("Your partner can see it"), "{said}");
    let stored = moments(&m)[0].clone();
    assert_eq!(stored["visibility"], "shared");
    assert_eq!(stored["plan_item"], item.as_str());
    let id = stored["id"].as_str().unwrap().to_owned();
    refused(
        &m,
        &["moment", "outcome", &id, "--as", "alice", "partly"],
        "",
        1,
        &["Only the partner who noted"],
    );
}

#[test]
fn moments_refuse_bad_input_with_exit_2() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["moment", "--as", "carol"],
        "Hard",
        2,
        &["--as", "carol"],
    );
    refused(
        &m,
        &["moment", "--as", "bob"],
        " \n",
        2,
        &["hard moment is empty"],
    );
    refused(&m, &["moment", "--as", "bob"], "x".repeat(281), 2, &["280"]);
    refused(
        &m,
        &["moment", "--as", "bob", "--plan", "abc"],
        "Hard",
        2,
        &["--plan", "\"abc\""],
    );
    refused(
        &m,
        &["moment", "--as", "bob", "--plan", "nope"],
        "Hard",
        2,
        &["--plan", "\"nope\" is not an id"],
    );
    refused(&m, &["moment"], "Hard", 2, &["--as"]);
    m.ok(&["moment", "--as", "bob"], "Hard");
    let id = moments(&m)[0]["id"].as_str().unwrap().to_owned();
    refused(
        &m,
        &["moment", "outcome", &id, "--as", "bob", "fine"],
        "",
        2,
        &["fine"],
    );
    refused(
        &m,
        &["moment", "outcome", "zz", "--as", "bob", "helped"],
        "",
        2,
        &["\"zz\" is not an id"],
    );
}

#[test]
fn a_pause_until_later_tonight_or_tomorrow_is_shown_to_the_other_partner() {
    // The sandbox's clock reads 21:00 UTC.
    let m = Mend::with_journal();
    let said = m.ok(
        &["pause", "--as", "alice", "--until", "22:30", "--note-stdin"],
        "I need an hour",
    );
    assert!(said.contains("until 22:30. Bob will see it"), "{said}");
    let stored = &m.journal_json()["pauses"][0];
    assert_eq!(stored["until"], "2026-11-25T22:30:00Z");
    assert_eq!(stored["note"], "I need an hour");
    let list = m.ok(&["plan", "list"], "");
    assert!(
        list.contains("Alice asked for a pause until 22:30. \"I need an hour\""),
        "{list}"
    );
    assert!(
        list.contains("a request to respect, not a failure"),
        "{list}"
    );
    let own = m.ok(&["plan", "list", "--as", "alice"], "");
    assert!(
        own.contains("You asked for a pause until 22:30.") && !own.contains("Alice asked"),
        "the partner who asked is not told to respect their own pause: {own}"
    );
    let other = m.ok(&["plan", "list", "--as", "bob"], "");
    assert!(
        other.contains("Alice asked for a pause until 22:30."),
        "{other}"
    );

    let later = Mend::with_journal();
    let said = later.ok(&["pause", "--as", "bob", "--until", "20:00"], "");
    assert!(said.contains("until 20:00 tomorrow"), "{said}");
    assert_eq!(
        later.journal_json()["pauses"][0]["until"],
        "2026-11-26T20:00:00Z"
    );
}

#[test]
fn pauses_refuse_bad_input_with_exit_2() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["pause", "--as", "alice", "--until", "25:00"],
        "",
        2,
        &["--until", "\"25:00\" is not a time", "HH:MM"],
    );
    refused(
        &m,
        &["pause", "--as", "alice", "--until", "soon"],
        "",
        2,
        &["--until", "soon"],
    );
    refused(
        &m,
        &["pause", "--as", "carol", "--until", "22:00"],
        "",
        2,
        &["--as", "carol"],
    );
    refused(&m, &["pause", "--as", "alice"], "", 2, &["--until"]);
    let long = "x".repeat(141);
    refused(
        &m,
        &["pause", "--as", "alice", "--until", "22:00", "--note-stdin"],
        long,
        2,
        &["140"],
    );
}

//! `mend plan`: plan items added, listed, agreed to, changed, edited and retired, and every refusal.

use crate::helpers::*;
use crate::kit::Mend;
use serde_json::Value;

const PARTS: &str = "A late message\nA walk and a slow breath\nTell me who it is from\n";

/// Adds an item to `owner`'s plan and returns its full id.
fn add_item(m: &Mend, owner: &str, extra: &[&str]) -> String {
    let mut args = vec!["plan", "add", "--as", owner];
    args.extend_from_slice(extra);
    let before = plan(m);
    m.ok(&args, PARTS);
    // Ids made within the same second sort by chance: the new one is the one not seen before.
    let new = plan(m).into_iter().find(|item| !before.contains(item));
    new.unwrap()["id"].as_str().unwrap().to_owned()
}

fn plan(m: &Mend) -> Vec<Value> {
    m.json(&["plan", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn an_item_is_added_agreed_edited_and_retired() {
    let m = Mend::with_journal();
    let said = m.ok(
        &[
            "plan",
            "add",
            "--as",
            "alice",
            "--date",
            "2026-03-14",
            "--yearly",
        ],
        PARTS,
    );
    assert!(said.contains("Added to Alice's plan"), "{said}");
    let item = plan(&m)[0].clone();
    assert_eq!(item["owner"], "Alice");
    assert_eq!(item["brings_it_on"], "A late message");
    assert_eq!(item["helps_me"], "A walk and a slow breath");
    assert_eq!(item["i_ask_of_you"], "Tell me who it is from");
    assert_eq!(item["hard_date"], "2026-03-14");
    assert_eq!(item["yearly"], true);
    assert_eq!(item["agreed"], false);
    let id = item["id"].as_str().unwrap().to_owned();

    let said = m.ok(
        &[
            "plan",
            "agree",
            &prefix(&id, 12),
            "--as",
            "bob",
            "--note-stdin",
        ],
        "Yes, always",
    );
    assert!(said.contains("Bob agreed to Alice's plan item"), "{said}");
    let item = plan(&m)[0].clone();
    assert_eq!(item["agreed"], true);
    assert_eq!(item["reviews"][0]["note"], "Yes, always");
    assert_eq!(item["reviews"][0]["kind"], "agreed");

    let said = m.ok(
        &["plan", "edit", &id, "--as", "alice"],
        "A late message\nTea\nSit with me\n",
    );
    assert!(said.contains("agree again"), "{said}");
    let item = plan(&m)[0].clone();
    assert_eq!(item["helps_me"], "Tea");
    assert_eq!(item["agreed"], false, "an edit asks for agreement again");

    m.ok(
        &["plan", "suggest", &id, "--as", "bob"],
        "Could I text first?",
    );
    let item = plan(&m)[0].clone();
    assert_eq!(item["reviews"][2]["kind"], "suggested_change");
    assert_eq!(item["reviews"][2]["note"], "Could I text first?");

    let text = m.ok(&["plan", "list"], "");
    assert!(
        text.contains("Alice's plan, Bob suggested a change"),
        "{text}"
    );
    assert!(text.contains("What I ask of you: Sit with me"), "{text}");
    assert!(
        text.contains("A hard date: 14 March, every year (next: Sun 14 Mar 2027)"),
        "{text}"
    );

    m.ok(&["plan", "retire", &id, "--as", "alice"], "");
    assert_eq!(plan(&m)[0]["retired"], true);
    let stored = &m.journal_json()["plan_items"][0];
    assert_eq!(stored["author"], m.partner_id("Alice").as_str());
    // Made, edited and retired: a look (agreeing, suggesting) leaves the item's own fields,
    // and so its revision and clock, as they were.
    assert_eq!(stored["rev"], 3);
    assert!(stored["retired_at"].is_string());
}

#[test]
fn list_as_a_partner_shows_only_their_plan() {
    let m = Mend::with_journal();
    add_item(&m, "alice", &[]);
    add_item(&m, "bob", &[]);
    let bobs = m.json(&["plan", "list", "--as", "bob", "--json"]);
    assert_eq!(bobs.as_array().unwrap().len(), 1);
    assert_eq!(bobs[0]["owner"], "Bob");
    let empty = Mend::with_journal();
    assert!(
        empty
            .ok(&["plan", "list"], "")
            .contains("No plan items yet")
    );
}

#[test]
fn the_rules_refuse_the_wrong_partner_and_retired_items() {
    let m = Mend::with_journal();
    let id = add_item(&m, "alice", &[]);
    refused(
        &m,
        &["plan", "agree", &id, "--as", "alice"],
        "",
        1,
        &["your partner is the one to agree"],
    );
    refused(
        &m,
        &["plan", "suggest", &id, "--as", "alice"],
        "Hm",
        1,
        &["your partner"],
    );
    refused(
        &m,
        &["plan", "edit", &id, "--as", "bob"],
        PARTS,
        1,
        &["Only the partner whose plan item"],
    );
    refused(
        &m,
        &["plan", "retire", &id, "--as", "bob"],
        "",
        1,
        &["Only the partner whose plan item"],
    );
    m.ok(&["plan", "agree", &id, "--as", "bob"], "");
    refused(
        &m,
        &["plan", "agree", &id, "--as", "bob"],
        "",
        1,
        &["already agreed"],
    );
    m.ok(&["plan", "retire", &id, "--as", "alice"], "");
    refused(
        &m,
        &["plan", "agree", &id, "--as", "bob"],
        "",
        1,
        &["retired"],
    );
    refused(
        &m,
        &["plan", "edit", &id, "--as", "alice"],
        PARTS,
        1,
        &["retired"],
    );
}

#[test]
fn bad_input_is_refused_with_exit_2_and_nothing_written() {
    let m = Mend::with_journal();
    refused(
        &m,
        &["plan", "add", "--as", "carol"],
        PARTS,
        2,
        &["--as", "carol"],
    );
    refused(
        &m,
        &["plan", "add", "--as", "alice"],
        "only one line\n",
        2,
        &["three lines", "1 line was given"],
    );
    refused(
        &m,
        &["plan", "add", "--as", "alice"],
        "",
        2,
        &["three lines"],
    );
    refused(
        &m,
        &["plan", "add", "--as", "alice", "--date", "2026-02-30"],
        PARTS,
        2,
        &["--date"],
    );
    refused(
        &m,
        &["plan", "add", "--as", "alice", "--date", "9999-12-31"],
        PARTS,
        2,
        &["9999-12-31", "outside the dates"],
    );
    refused(
        &m,
        &["plan", "add", "--as", "alice", "--yearly"],
        PARTS,
        2,
        &["--date"],
    );
    let long = format!("a\nb\n{}\n", "x".repeat(501));
    refused(&m, &["plan", "add", "--as", "alice"], long, 2, &["500"]);
    let id = add_item(&m, "alice", &[]);
    refused(
        &m,
        &["plan", "agree", "zz", "--as", "bob"],
        "",
        2,
        &["\"zz\" is not an id"],
    );
    refused(
        &m,
        &["plan", "agree", "0000", "--as", "bob"],
        "",
        2,
        &["No record has an id starting with \"0000\""],
    );
    refused(
        &m,
        &["plan", "agree", &id, "--as", "carol"],
        "",
        2,
        &["--as", "carol"],
    );
    refused(
        &m,
        &["plan", "suggest", &id, "--as", "bob"],
        "  \n",
        2,
        &["suggestion is empty"],
    );
    refused(
        &m,
        &["plan", "edit", &id, "--as", "alice"],
        PARTS,
        2,
        &["changes nothing"],
    );
    refused(
        &m,
        &["plan", "edit", &id, "--as", "alice"],
        "a\nb\n",
        2,
        &["three lines"],
    );
}

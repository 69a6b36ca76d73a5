//! The weekly summary's "Hard moments and the plan": shared moments, pauses asked for, the plan's changes, and never a private moment.

use super::*;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Private, by Sam: must never show in any export, not even as a count.
const MOMENT_SECRET: &str = "PRIVATE-SAM-MOMENT";

/// The couple, and in 2027-W01 (Monday 4 January onwards): Sam's plan item, agreed to by
/// Alex; two shared hard moments (one met with the plan, said later to have helped); one
/// private moment; and a pause Sam asked for.
fn couple_with_a_plan() -> Mend {
    let m = couple();
    ok_at(
        &m,
        &evening("2027-01-04"),
        &["plan", "add", "--as", "Sam"],
        "A late message from an unknown number\nA walk and a slow breath\nTell me who it is from\n",
    );
    let item = m.json(&["plan", "list", "--json"])[0]["id"]
        .as_str()
        .expect("a plan item")
        .to_owned();
    ok_at(
        &m,
        &evening("2027-01-04"),
        &["plan", "agree", &item, "--as", "Alex", "--note-stdin"],
        "Yes, always",
    );
    ok_at(
        &m,
        &evening("2027-01-04"),
        &["moment", "--as", "Sam", "--plan", &item, "--shared"],
        "The song came on in the shop.",
    );
    ok_at(
        &m,
        &evening("2027-01-04"),
        &["moment", "--as", "Sam"],
        MOMENT_SECRET,
    );
    ok_at(
        &m,
        &evening("2027-01-05"),
        &["moment", "--as", "Alex", "--shared"],
        "I felt the *old* fear\n- and it passed",
    );
    let shared = m.journal_json()["hard_moments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["text"] == "The song came on in the shop.")
        .and_then(|h| h["id"].as_str())
        .unwrap()
        .to_owned();
    ok_at(
        &m,
        &evening("2027-01-05"),
        &["moment", "outcome", &shared, "--as", "Sam", "helped"],
        "",
    );
    ok_at(
        &m,
        "2027-01-05T19:05:00+00:00",
        &["pause", "--as", "Sam", "--until", "20:30", "--note-stdin"],
        "I need an hour",
    );
    m
}

#[test]
fn a_week_with_the_plan_in_three_formats() {
    let m = couple_with_a_plan();
    let [md, json, html] = all_formats(&m, "2027-W01");
    for text in [&md, &json, &html] {
        assert!(!text.contains(MOMENT_SECRET), "{text}");
    }
    assert!(md.contains("## Hard moments and the plan"), "{md}");
    assert!(
        md.contains("**Sam** noted a hard moment: “The song came on in the shop.” With the plan for “A late message from an unknown number”: it helped."),
        "{md}"
    );
    assert!(
        md.contains("**Sam** asked for a pause at 19:05, until 20:30: “I need an hour”"),
        "{md}"
    );
    assert!(
        md.contains("**Alex** agreed to Sam's plan for “A late message from an unknown number”: “Yes, always”"),
        "{md}"
    );
    let lower = md.to_lowercase();
    for never in ["kept", "fault", "caused", "%"] {
        assert!(
            !lower.contains(never),
            "{never:?} in the week without promises: {md}"
        );
    }
    insta::assert_snapshot!("plan_week_md", md);
    insta::assert_snapshot!("plan_week_json", json);
    insta::assert_snapshot!("plan_week_html", html);
}

#[test]
fn the_json_lists_only_shared_moments_and_says_its_version() {
    let m = couple_with_a_plan();
    let json: Value =
        serde_json::from_str(&export(&m, &["--week", "2027-W01", "--format", "json"])).unwrap();
    assert_eq!(json["version"], 3);
    let part = &json["hard_moments"];
    let moments = part["moments"].as_array().unwrap();
    assert_eq!(moments.len(), 2, "the private one is not there: {part}");
    assert_eq!(moments[0]["partner"], "Sam");
    assert_eq!(moments[0]["outcome"], "helped");
    assert_eq!(
        moments[0]["plan_item"],
        "A late message from an unknown number"
    );
    assert_eq!(moments[1]["partner"], "Alex");
    assert!(moments[1]["outcome"].is_null());
    assert_eq!(part["pauses"][0]["until"], "2027-01-05T20:30:00");
    assert_eq!(part["pauses"][0]["note"], "I need an hour");
    let changes: Vec<&str> = part["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["made", "agreed"]);
    // A week without any of it has the same fields, empty.
    let quiet: Value =
        serde_json::from_str(&export(&m, &["--week", "2026-W52", "--format", "json"])).unwrap();
    assert_eq!(
        quiet["hard_moments"],
        serde_json::json!({"moments": [], "pauses": [], "plan": []})
    );
}

#[test]
fn a_week_without_the_plan_has_no_such_section() {
    let m = couple_with_a_plan();
    for week in ["2026-W50", "2026-W52", "2026-W53"] {
        let [md, _, html] = all_formats(&m, week);
        assert!(!md.contains("Hard moments"), "{week}: {md}");
        assert!(!html.contains("Hard moments"), "{week}: {html}");
    }
}

#[test]
fn private_moments_change_no_export_of_any_week() {
    let m = couple_with_a_plan();
    let weeks = ["2026-W50", "2026-W51", "2026-W52", "2026-W53", "2027-W01"];
    let before: Vec<[String; 3]> = weeks.iter().map(|w| all_formats(&m, w)).collect();
    for (who, day) in [
        ("Alex", "2026-12-10"),
        ("Sam", "2026-12-16"),
        ("Alex", "2026-12-22"),
        ("Sam", "2027-01-01"),
        ("Sam", "2027-01-05"),
    ] {
        ok_at(&m, &evening(day), &["moment", "--as", who], MOMENT_SECRET);
    }
    let after: Vec<[String; 3]> = weeks.iter().map(|w| all_formats(&m, w)).collect();
    assert_eq!(before, after);
    for text in after.iter().flatten() {
        assert!(!text.contains(MOMENT_SECRET));
    }
}

#[test]
fn the_section_is_one_heading_and_a_moments_words_stay_words() {
    let m = couple_with_a_plan();
    let md = export(&m, &["--week", "2027-W01"]);
    let mut headings = Vec::new();
    let mut in_heading = false;
    let mut emphasis = Vec::new();
    let mut in_emphasis = false;
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Emphasis) => in_emphasis = true,
            Event::End(TagEnd::Emphasis) => in_emphasis = false,
            Event::Text(text) if in_heading => headings.push(text.to_string()),
            Event::Text(text) if in_emphasis => emphasis.push(text.to_string()),
            _ => {}
        }
    }
    assert_eq!(
        headings
            .iter()
            .filter(|h| *h == "Hard moments and the plan")
            .count(),
        1,
        "{headings:?}"
    );
    // Alex's "*old*" is his word, not emphasis, and "- and it passed" is no list item.
    assert!(!emphasis.iter().any(|e| e == "old"), "{emphasis:?}");
    assert!(md.contains("\\*old\\*"), "{md}");
    let items = Parser::new(&md)
        .filter(|e| matches!(e, Event::Start(Tag::Item)))
        .count();
    let plain = md.replace("- and it passed", "and it passed");
    let plain_items = Parser::new(&plain)
        .filter(|e| matches!(e, Event::Start(Tag::Item)))
        .count();
    assert_eq!(items, plain_items, "{md}");
}

//! The weekly summary's "The weekly talk": there only when the couple had a talk, with each
//! partner's words, what was heard, and the promises made from it.

use super::*;
use chrono::{TimeZone, Utc};
use mend::journal::{Change, Journal, NewPromise, TalkPart, TalkStep};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// The couple of the export tests, with a talk about 2026-W52 written on Monday 28 December,
/// straight into the file (the command line only reads talks).
fn couple_with_a_talk() -> Mend {
    let m = couple();
    let mut j: Journal = serde_json::from_slice(&m.journal_bytes()).unwrap();
    let (alex, sam) = (j.partners[0].id, j.partners[1].id);
    let now = Utc.with_ymd_and_hms(2026, 12, 28, 20, 0, 0).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
    let week = Week::parse_iso("2026-W52").unwrap();
    let say = |j: &mut Journal, by, part| {
        Change::SaveTalkPart { week, by, part }
            .apply(j, now, today)
            .unwrap();
    };
    let text = |t: &str| (t.to_owned(), true);
    say(&mut j, alex, TalkPart::Safe(true));
    say(&mut j, sam, TalkPart::Safe(true));
    for (i, words) in ["The walk", "Your *patience*", "Tea <b>in bed</b>"]
        .iter()
        .enumerate()
    {
        say(
            &mut j,
            alex,
            TalkPart::Appreciation {
                index: i,
                text: (*words).into(),
            },
        );
    }
    say(
        &mut j,
        sam,
        TalkPart::Appreciation {
            index: 0,
            text: "You called".into(),
        },
    );
    say(&mut j, alex, TalkPart::MoveTo(TalkStep::Issue));
    let (t, done) = text("I feel unsure when plans change. I need a message.");
    say(&mut j, alex, TalkPart::Issue { text: t, done });
    let (t, done) = text("You feel unsure; a message would help.");
    say(&mut j, sam, TalkPart::Heard { text: t, done });
    say(&mut j, alex, TalkPart::Understood);
    say(&mut j, sam, TalkPart::SkipIssue);
    let (t, done) = text("A walk on Sunday");
    say(&mut j, alex, TalkPart::CaredFor { text: t, done });
    let (t, done) = text("Time to rest");
    say(&mut j, sam, TalkPart::CaredFor { text: t, done });
    let promise = j
        .add_promise(
            NewPromise {
                by: sam,
                to: alex,
                text: "A walk on Sunday".into(),
                made: today,
                due: Some(chrono::NaiveDate::from_ymd_opt(2027, 1, 3).unwrap()),
                size: None,
            },
            now,
            today,
        )
        .unwrap();
    say(&mut j, sam, TalkPart::Promise(promise));
    say(&mut j, alex, TalkPart::MoveTo(TalkStep::Closed));
    m.put_journal(serde_json::to_vec_pretty(&j).unwrap());
    m
}

#[test]
fn the_talk_in_three_formats() {
    let m = couple_with_a_talk();
    let [md, json, html] = all_formats(&m, "2026-W52");
    // Markdown: one heading of its own, and the couple's words stay words.
    let mut headings = Vec::new();
    let mut in_heading = false;
    let mut strong_or_html = Vec::new();
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.push(t.to_string()),
            Event::Html(h) | Event::InlineHtml(h) => strong_or_html.push(h.to_string()),
            _ => {}
        }
    }
    assert_eq!(
        headings.iter().filter(|h| *h == "The weekly talk").count(),
        1,
        "{headings:?}"
    );
    assert!(
        strong_or_html.is_empty(),
        "user text became HTML: {strong_or_html:?}"
    );
    for words in [
        "Your *patience*",
        "I feel unsure when plans change. I need a message.",
        "You feel unsure; a message would help.",
        "Time to rest",
        "Sam heard: ",
    ] {
        let shown: String = Parser::new(&md)
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert!(shown.contains(words), "{words:?} not in {md}");
    }
    assert!(md.contains("Promises made from the talk:"), "{md}");
    assert!(
        md.contains("**Sam** to Alex: A walk on Sunday, by Sunday 3 January"),
        "{md}"
    );
    // HTML: the heading, and the tags a partner typed are escaped.
    assert!(html.contains(">The weekly talk</h2>"), "{html}");
    assert!(html.contains("Tea &lt;b&gt;in bed&lt;/b&gt;"), "{html}");
    assert!(!html.contains("<b>in bed"), "{html}");
    // JSON: the same parts as data.
    let json: Value = serde_json::from_str(&json).unwrap();
    let talk = &json["talk"];
    assert_eq!(talk["closed"], true);
    assert_eq!(talk["sides"][0]["partner"], "Alex");
    assert_eq!(
        talk["sides"][0]["issue"]["heard"],
        "You feel unsure; a message would help."
    );
    assert_eq!(talk["sides"][0]["issue"]["understood"], true);
    assert!(talk["sides"][1]["issue"].is_null(), "Sam skipped: {talk}");
    assert_eq!(talk["promises"][0]["text"], "A walk on Sunday");
    assert_eq!(talk["promises"][0]["due"], "2027-01-03");
    for text in [&md, &html] {
        assert!(!text.contains('%'), "{text}");
    }
}

#[test]
fn a_week_without_a_talk_has_no_such_section() {
    let m = couple_with_a_talk();
    for week in ["2026-W50", "2026-W51", "2027-W01"] {
        let [md, json, html] = all_formats(&m, week);
        assert!(!md.contains("weekly talk"), "{week}: {md}");
        assert!(!html.contains("weekly talk"), "{week}: {html}");
        let json: Value = serde_json::from_str(&json).unwrap();
        assert!(json.get("talk").is_none(), "{week}: {json}");
    }
}

#[test]
fn mend_talk_show_reads_the_weeks_talk_as_text_or_json() {
    let m = couple_with_a_talk();
    let text = ok_at(&m, EXPORT_NOW, &["talk", "show", "--week", "2026-W52"], "");
    assert!(text.starts_with("Week 2026-W52\n"), "{text}");
    assert!(
        text.contains("Sam heard: You feel unsure; a message would help."),
        "{text}"
    );
    let json: Value = serde_json::from_str(&ok_at(
        &m,
        EXPORT_NOW,
        &["talk", "show", "--week", "2026-W52", "--json"],
        "",
    ))
    .unwrap();
    assert_eq!(json["week"], "2026-W52");
    assert_eq!(json["talk"]["sides"][1]["cared_for"], "Time to rest");
    // A week without a talk says so kindly, and its JSON holds `null`.
    let none = ok_at(&m, EXPORT_NOW, &["talk", "show", "--week", "2026-W51"], "");
    assert!(none.contains("No weekly talk for week 2026-W51."), "{none}");
    let json: Value = serde_json::from_str(&ok_at(
        &m,
        EXPORT_NOW,
        &["talk", "show", "--week", "2026-W51", "--json"],
        "",
    ))
    .unwrap();
    assert!(json["talk"].is_null(), "{json}");
}

#[test]
fn mend_talk_show_refuses_a_week_it_cannot_read_and_writes_nothing() {
    let m = couple_with_a_talk();
    let before = m.journal_bytes();
    for (week, needle) in [("2026-48", "is not an ISO week"), ("2027-W30", "--week")] {
        let out = run_at(&m, EXPORT_NOW, &["talk", "show", "--week", week], "");
        assert_eq!(out.status.code(), Some(2), "{week}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{week}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
    assert_eq!(m.journal_bytes(), before);
}

/// In the journal's first week there is no complete week yet: `mend talk show` showed the
/// week before the journal began.
#[test]
fn mend_talk_show_in_a_journal_begun_this_week_shows_this_week() {
    let m = Mend::with_journal();
    let text = m.ok(&["talk", "show", "--json"], "");
    let json: Value = serde_json::from_str(&text).unwrap();
    let export: Value = serde_json::from_str(&m.ok(&["export", "--format", "json"], "")).unwrap();
    assert_eq!(
        json["week"], export["week"]["label"],
        "the same week as the summary: {json}"
    );
    let this_week = m.ok(&["talk", "show"], "");
    assert!(
        this_week.starts_with(&format!(
            "No weekly talk for week {}.",
            json["week"].as_str().unwrap()
        )),
        "{this_week}"
    );
}

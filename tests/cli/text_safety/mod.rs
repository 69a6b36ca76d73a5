//! Control characters in any text field never reach a terminal or an export, and words stay words in the summary.
//!
//! Every command, export format and screen is checked; the Markdown with a CommonMark parser.

use crate::kit::tui;

use crate::kit::{Mend, stderr};
use chrono::{Duration, TimeZone, Utc};
use mend::export::{Format, WHAT_WOULD_HELP_PROMPT};
use mend::journal::{
    Journal, NewCheckin, NewEntry, NewPromise, PlanParts, PromiseAction, Rating, ReviewKind, Stage,
    Visibility, Week,
};
use mend::progress::Progress;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};
use serde_json::Value;
use tui::{ALEX, Harness, SAM, day};

/// The week every record of the test journal falls in (Monday 16 to Sunday 22 November).
const WEEK: &str = "2026-W47";

/// One text for every field of the journal that holds words.
#[derive(Debug, Clone)]
struct Texts {
    names: [String; 2],
    entry: String,
    prompt: String,
    private: String,
    help: String,
    note: String,
    promise: String,
    due_promise: String,
    keep_note: String,
    ack_note: String,
    kind: String,
    kind_note: String,
    moment: String,
    pause_note: String,
    plan: String,
    plan_note: String,
}

impl Texts {
    /// Every field holds `text`, marked by a letter so the domain's checks (not blank) pass.
    fn all(text: &str) -> Texts {
        let t = |mark: &str| format!("{mark}{text}");
        Texts {
            names: [t("A"), t("S")],
            entry: t("e"),
            prompt: t("p"),
            private: t("v"),
            help: t("h"),
            note: t("n"),
            promise: t("o"),
            due_promise: t("d"),
            keep_note: t("k"),
            ack_note: t("a"),
            kind: t("i"),
            kind_note: t("j"),
            moment: t("m"),
            pause_note: t("u"),
            plan: t("l"),
            plan_note: t("g"),
        }
    }
}

/// A journal of Alex and Sam whose every text field holds the given words: entries (shared,
/// private, and an answer to "what would help"), a check-in note, promises with a keep note
/// and an acknowledgement, a kind act with its note, a plan item agreed to with a note, a
/// shared hard moment met with it, a pause with its note, and both partners' names.
fn journal_with(t: &Texts) -> Journal {
    let mut j = tui::empty_journal();
    let today = day(11, 25);
    let at = |d: u32| Utc.with_ymd_and_hms(2026, 11, d, 21, 0, 0).unwrap();
    let entry = |author, text: &str, prompt_id: Option<&str>, visibility| NewEntry {
        author,
        day: day(11, 18),
        stage: Stage::Healing,
        prompt_id: prompt_id.map(str::to_owned),
        prompt: Some(t.prompt.clone()),
        text: text.to_owned(),
        visibility,
    };
    j.add_entry(
        entry(ALEX, &t.entry, None, Visibility::Shared),
        at(18),
        today,
    )
    .unwrap();
    j.add_entry(
        entry(
            SAM,
            &t.help,
            Some(WHAT_WOULD_HELP_PROMPT),
            Visibility::Shared,
        ),
        at(18),
        today,
    )
    .unwrap();
    j.add_entry(
        entry(SAM, &t.private, None, Visibility::Private),
        at(18),
        today,
    )
    .unwrap();
    let checkin = NewCheckin {
        author: SAM,
        day: day(11, 18),
        safety: Rating::new(5).unwrap(),
        trust: Rating::new(4).unwrap(),
        connection: Rating::new(6).unwrap(),
        note: Some(t.note.clone()),
        note_visibility: mend::journal::Visibility::Shared,
    };
    j.upsert_checkin(checkin, at(18), today).unwrap();
    let promise = |j: &mut Journal, text: &str, due| {
        let new = NewPromise {
            by: ALEX,
            to: SAM,
            text: text.to_owned(),
            made: day(11, 17),
            due,
            size: None,
        };
        j.add_promise(new, at(17), today).unwrap()
    };
    let kept = promise(&mut j, &t.promise, None);
    promise(&mut j, &t.due_promise, Some(day(11, 26)));
    j.change_promise(
        kept,
        ALEX,
        PromiseAction::Keep,
        Some(t.keep_note.clone()),
        at(19),
        today,
    )
    .unwrap();
    j.acknowledge_promise(kept, SAM, Some(t.ack_note.clone()), at(19))
        .unwrap();
    let act = j
        .add_kind_act(SAM, &t.kind, day(11, 19), at(19), today)
        .unwrap();
    j.acknowledge_kind_act(act, ALEX, Some(t.kind_note.clone()), at(20))
        .unwrap();
    let item = j
        .add_plan_item(
            SAM,
            PlanParts {
                brings_it_on: "plan".into(),
                helps_me: "a walk".into(),
                i_ask_of_you: "stay near".into(),
            },
            None,
            at(17),
        )
        .unwrap();
    j.review_plan_item(item, ALEX, ReviewKind::Agreed, Some("ok".into()), at(17))
        .unwrap();
    j.add_hard_moment(SAM, "moment", Some(item), Visibility::Shared, at(18))
        .unwrap();
    j.ask_for_pause_until(
        SAM,
        at(19),
        Some("pause".into()),
        at(19) - Duration::hours(1),
    )
    .unwrap();
    // The plan's words as a hand-edited file may hold them, past the checks at input.
    j.plan_items[0].brings_it_on = t.plan.clone();
    j.plan_items[0].reviews[0].note = Some(t.plan_note.clone());
    j.hard_moments[0].text = t.moment.clone();
    j.pauses[0].note = Some(t.pause_note.clone());
    // Names with control characters are refused at input, but a hand-edited file holds any.
    j.partners[0].name = t.names[0].clone();
    j.partners[1].name = t.names[1].clone();
    j
}

/// A character that must never reach a terminal or an export: a control character other
/// than a line break or a tab, or a Unicode noncharacter (forbidden in HTML).
fn forbidden(c: char) -> bool {
    let code = u32::from(c);
    (c.is_control() && c != '\n' && c != '\t')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
        // The bidirectional embeddings, overrides and isolates, which reorder what is shown.
        || (0x202A..=0x202E).contains(&code)
        || (0x2066..=0x2069).contains(&code)
}

#[track_caller]
fn assert_clean(what: &str, bytes: &[u8]) {
    assert_none(what, bytes, forbidden);
}

/// The terminal's own rule, for the full screen: no control character but a line break or
/// a tab (noncharacters are only forbidden in HTML, and mean nothing to a terminal).
#[track_caller]
fn assert_no_controls(what: &str, bytes: &[u8]) {
    assert_none(what, bytes, |c| c.is_control() && c != '\n' && c != '\t');
}

#[track_caller]
fn assert_none(what: &str, bytes: &[u8], bad: fn(char) -> bool) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = text.char_indices().find(|(_, c)| bad(*c)) {
        panic!("{what}: U+{:04X} at byte {at} in:\n{text:?}", u32::from(c));
    }
}

/// Every string in a JSON value (keys too) is clean.
#[track_caller]
fn assert_clean_json(what: &str, value: &Value) {
    match value {
        Value::String(s) => assert_clean(what, s.as_bytes()),
        Value::Array(items) => items.iter().for_each(|v| assert_clean_json(what, v)),
        Value::Object(map) => {
            for (key, v) in map {
                assert_clean(what, key.as_bytes());
                assert_clean_json(what, v);
            }
        }
        _ => {}
    }
}

fn put(m: &Mend, journal: &Journal) {
    m.put_journal(serde_json::to_vec_pretty(journal).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&m.journal, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// Runs every command that prints the journal's words, and checks what comes out.
fn check_every_command(t: &Texts) {
    let m = Mend::new();
    put(&m, &journal_with(t));
    let out_file = m.dir.path().join("summary.html");
    let out_arg = out_file.to_str().unwrap();
    let runs: [(&[&str], bool); 15] = [
        (&["log"], false),
        (&["log", "--json"], true),
        (&["promise", "list"], false),
        (&["promise", "list", "--json"], true),
        (&["kind", "list"], false),
        (&["kind", "list", "--json"], true),
        (&["check"], false),
        (&["plan", "list"], false),
        (&["plan", "list", "--json"], true),
        (&["export", "--week", WEEK], false),
        (&["export", "--week", WEEK, "--format", "html"], false),
        (&["export", "--week", WEEK, "--format", "json"], true),
        (
            &[
                "export", "--week", WEEK, "--format", "html", "--output", out_arg,
            ],
            false,
        ),
        // An error message that names the partners.
        (&["log", "--as", "nobody"], false),
        // An error message for a record id that is no id.
        (&["promise", "keep", "\u{1b}[2J\u{7}"], false),
    ];
    for (args, json) in runs {
        let out = m.run(args, "");
        let what = format!("mend {args:?}");
        assert_clean(&format!("{what} stdout"), &out.stdout);
        assert_clean(&format!("{what} stderr"), &out.stderr);
        if json {
            assert!(out.status.success(), "{what}: {}", stderr(&out));
            let value: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_clean_json(&what, &value);
        }
    }
    assert_clean("the exported file", &std::fs::read(&out_file).unwrap());
    // A hand edit that leaves a partner's words where mend cannot read them: the message
    // that names the spot holds none of them.
    let mut broken = serde_json::to_value(journal_with(t)).unwrap();
    broken["entries"][0]["stage"] = Value::String(t.entry.clone());
    broken["kind_acts"][0]["day"] = Value::String(t.kind.clone());
    m.put_journal(serde_json::to_vec_pretty(&broken).unwrap());
    for args in [&["log"][..], &["check"]] {
        let out = m.run(args, "");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_clean(&format!("mend {args:?} on a broken journal"), &out.stderr);
    }
}

/// Shows every screen that holds the journal's words, for both partners, and checks them.
fn check_every_screen(t: &Texts) {
    let journal = journal_with(t);
    let paths: [&str; 9] = [
        "<Enter>",
        "<Enter>j",
        "<Enter>j<Enter>",
        "<Enter>o",
        "<Enter>o<Enter>",
        "<Down><Enter>o<Tab>",
        "<Down><Enter>c",
        "<Down><Down><Enter>4",
        "<Down><Down><Enter>6<Left>",
    ];
    for keys in paths {
        let mut h = Harness::new(Some(journal.clone()));
        h.keys(keys);
        for (width, height) in [(80, 24), (120, 40)] {
            assert_no_controls(
                &format!("the screen after {keys} at {width}x{height}"),
                h.render(width, height).as_bytes(),
            );
        }
    }
}

fn render(journal: &Journal, format: Format) -> String {
    let progress = Progress::compute(journal, day(11, 25), &Utc);
    let week = Week::parse_iso(WEEK).unwrap();
    mend::export::render(journal, &progress, week, format).unwrap()
}

/// What of a Markdown document is structure rather than words: every block and inline
/// markup, in order. Paragraph starts and line breaks are left out (a partner's blank
/// lines and line breaks are theirs to keep).
fn structure(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Paragraph) => None,
            Event::Start(tag) => Some(format!("{tag:?}")),
            Event::Rule
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Code(_)
            | Event::TaskListMarker(_)
            | Event::FootnoteReference(_) => Some(format!("{event:?}")),
            _ => None,
        })
        .map(|tag| {
            // Headings carry their text's id and classes; only the level is structure.
            tag.split_once(" {")
                .map_or(tag.clone(), |(kind, _)| kind.to_owned())
        })
        .collect()
}

/// The Markdown summary of `t` has exactly the structure of the same summary of plain words.
#[track_caller]
fn assert_words_stay_words(t: &Texts) {
    let hostile = render(&journal_with(t), Format::Markdown);
    let plain = render(&journal_with(&Texts::all("plain words")), Format::Markdown);
    assert_eq!(
        structure(&hostile),
        structure(&plain),
        "the summary's structure changed:\n{hostile}"
    );
}

/// The HTML page has no forbidden code point, and every tag in it is one mend writes,
/// opened and closed in order: no partner's words became markup.
#[track_caller]
fn assert_html_well_formed(html: &str) {
    assert_clean("the HTML summary", html.as_bytes());
    const VOID: [&str; 3] = ["meta", "br", "!DOCTYPE"];
    const ALLOWED: [&str; 19] = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "ul",
        "li",
        "blockquote",
        "strong",
        "em",
        "bdi",
        "br",
    ];
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("a tag that ends") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        let name = tag.split([' ', '/']).find(|s| !s.is_empty()).unwrap_or("");
        if let Some(closing) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(closing), "</{closing}> out of order");
        } else if VOID.contains(&name) {
            continue;
        } else {
            assert!(
                ALLOWED.contains(&name),
                "a tag mend does not write: <{tag}>"
            );
            open.push(name);
            if name == "style" {
                let close = rest.find("</style>").expect("the style ends");
                rest = &rest[close..];
            }
        }
    }
    assert!(open.is_empty(), "never closed: {open:?}");
}

/// Pieces that random texts are made of: every C0 control, DEL, every C1 control, lone and
/// paired carriage returns, terminal escape sequences, noncharacters, and the marks that
/// Markdown and HTML read as structure.
mod cases;

//! `mend export` through the built binary: golden summaries, privacy, agreement with the progress figures, and refused input.

use crate::kit::{Mend, id_with_text, mode, stderr, stdout};
use mend::journal::{RatingName, Week};
use mend::progress::Progress;
use serde_json::Value;
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicU32, Ordering};

/// "Now" for the exports: Tuesday 5 January 2027, in week 2027-W01.
const EXPORT_NOW: &str = "2027-01-05T20:00:00+00:00";
/// Shared by Sam, private: must never show in any export.
const SECRET: &str = "PRIVATE-SAM-SECRET";
const HELP_PROMPT_ID: &str = "healing-what-would-help-next-week";
const HELP_PROMPT: &str =
    "What would help the two of you most next week? Name one thing you could each do or ask for.";

/// Runs `mend ARGS` as if it were `now`.
fn run_at(m: &Mend, now: &str, args: &[&str], stdin: &str) -> Output {
    let mut cmd = assert_cmd::Command::from_std(m.std_command());
    cmd.env("MEND_NOW", now)
        .args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .expect("run mend")
}

#[track_caller]
fn ok_at(m: &Mend, now: &str, args: &[&str], stdin: &str) -> String {
    let out = run_at(m, now, args, stdin);
    assert!(
        out.status.success(),
        "mend {args:?} at {now}: {}",
        stderr(&out)
    );
    stdout(&out)
}

/// A moment on the evening of `day` (YYYY-MM-DD), after 20:00 UTC, a second later than the
/// moment given before: records made on one evening keep their order (ids are UUIDv7, whose
/// order within one millisecond is random).
fn evening(day: &str) -> String {
    static TICK: AtomicU32 = AtomicU32::new(0);
    let tick = TICK.fetch_add(1, Ordering::Relaxed);
    format!("{day}T20:{:02}:{:02}+00:00", (tick / 60) % 60, tick % 60)
}

fn checkin(m: &Mend, who: &str, day: &str, [s, t, c]: [u8; 3], note: Option<&str>) {
    let (s, t, c) = (s.to_string(), t.to_string(), c.to_string());
    let mut args = vec![
        "checkin",
        "--as",
        who,
        "--safety",
        &s,
        "--trust",
        &t,
        "--connection",
        &c,
    ];
    if note.is_some() {
        args.push("--note-stdin");
    }
    ok_at(m, &evening(day), &args, note.unwrap_or(""));
}

fn write(m: &Mend, who: &str, day: &str, stage: &str, text: &str, private: bool) {
    let mut args = vec!["write", "--as", who, "--stage", stage];
    if private {
        args.push("--private");
    }
    ok_at(m, &evening(day), &args, text);
}

/// Makes a promise and returns its id.
fn promise(m: &Mend, by: &str, to: &str, day: &str, due: Option<&str>, text: &str) -> String {
    let mut args = vec!["promise", "add", "--by", by, "--to", to];
    if let Some(due) = due {
        args.extend(["--due", due]);
    }
    args.push(text);
    ok_at(m, &evening(day), &args, "");
    id_of(m, &["promise", "list", "--json"], text)
}

fn kind(m: &Mend, by: &str, day: &str, text: &str) -> String {
    ok_at(m, &evening(day), &["kind", "add", "--by", by, text], "");
    id_of(m, &["kind", "list", "--json"], text)
}

fn id_of(m: &Mend, list: &[&str], text: &str) -> String {
    id_with_text(
        &serde_json::from_str(&ok_at(m, EXPORT_NOW, list, "")).unwrap(),
        text,
    )
}

/// Alex and Sam from Monday 7 December 2026: a week of check-ins (W50), a quiet week (W51), a
/// full week (W52), and the week across the new year (2026-W53, 28 December to 3 January).
fn couple() -> Mend {
    let m = Mend::new();
    ok_at(
        &m,
        &evening("2026-12-07"),
        &["init", "--partner", "Alex", "--partner", "Sam"],
        "",
    );
    // W50: something to compare with.
    checkin(&m, "Alex", "2026-12-07", [5, 4, 6], None);
    checkin(&m, "Alex", "2026-12-09", [5, 5, 6], None);
    checkin(&m, "Sam", "2026-12-08", [3, 3, 4], None);
    // W51: nothing at all.
    // W52: a full week.
    checkin(
        &m,
        "Alex",
        "2026-12-21",
        [7, 6, 6],
        Some("Calmer after our walk"),
    );
    checkin(&m, "Alex", "2026-12-23", [7, 5, 7], None);
    checkin(
        &m,
        "Sam",
        "2026-12-22",
        [4, 3, 5],
        Some("Hard day, *but* we talked <really>"),
    );
    write(
        &m,
        "Alex",
        "2026-12-21",
        "communication",
        "I told you about the messages.\nAll of them.",
        false,
    );
    write(
        &m,
        "Sam",
        "2026-12-22",
        "healing",
        "1. I want to believe you\n- and I am trying",
        false,
    );
    write(&m, "Sam", "2026-12-22", "healing", SECRET, true);
    write(
        &m,
        "Alex",
        "2026-12-24",
        "reciprocity",
        "I kept the phone on the table.",
        false,
    );
    let late = promise(&m, "Alex", "Sam", "2026-12-21", None, "Call if I am late");
    ok_at(&m, &evening("2026-12-22"), &["promise", "keep", &late], "");
    ok_at(
        &m,
        &evening("2026-12-23"),
        &["promise", "ack", &late, "--as", "Sam"],
        "",
    );
    let dinner = promise(&m, "Alex", "Sam", "2026-12-21", None, "Cook on Friday");
    ok_at(
        &m,
        &evening("2026-12-25"),
        &["promise", "break", &dinner],
        "",
    );
    let walk = promise(
        &m,
        "Sam",
        "Alex",
        "2026-12-22",
        Some("2026-12-27"),
        "Walk together",
    );
    ok_at(
        &m,
        &evening("2026-12-26"),
        &["promise", "renegotiate", &walk, "--due", "2026-12-30"],
        "",
    );
    promise(
        &m,
        "Alex",
        "Sam",
        "2026-12-24",
        Some("2027-01-02"),
        "Book the counsellor",
    );
    let tea = kind(&m, "Sam", "2026-12-23", "Made tea before you woke up");
    ok_at(
        &m,
        &evening("2026-12-24"),
        &["kind", "ack", &tea, "--as", "Alex"],
        "",
    );
    kind(&m, "Alex", "2026-12-26", "Left a note on the mirror");
    // 2026-W53, across the new year.
    checkin(&m, "Alex", "2026-12-30", [8, 6, 7], None);
    checkin(
        &m,
        "Sam",
        "2027-01-02",
        [5, 4, 6],
        Some("New year, small steps"),
    );
    write(
        &m,
        "Alex",
        "2027-01-01",
        "healing",
        "Ask me how my day was, and I will ask too.",
        false,
    );
    write(
        &m,
        "Sam",
        "2027-01-03",
        "healing",
        "A walk on Sunday.",
        false,
    );
    answered_help_prompt(
        &m,
        &[
            "Ask me how my day was, and I will ask too.",
            "A walk on Sunday.",
        ],
    );
    m
}

/// `mend write` has no way to name a prompt, so mark these entries as answers to the
/// built-in "what would help next week" prompt, as the app writes them.
fn answered_help_prompt(m: &Mend, texts: &[&str]) {
    let mut journal = m.journal_json();
    for entry in journal["entries"].as_array_mut().unwrap() {
        if texts.contains(&entry["text"].as_str().unwrap()) {
            entry["prompt_id"] = HELP_PROMPT_ID.into();
            entry["prompt"] = HELP_PROMPT.into();
        }
    }
    m.put_journal(serde_json::to_vec_pretty(&journal).unwrap());
}

fn export(m: &Mend, args: &[&str]) -> String {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    ok_at(m, EXPORT_NOW, &all, "")
}

fn all_formats(m: &Mend, week: &str) -> [String; 3] {
    ["md", "json", "html"].map(|format| export(m, &["--week", week, "--format", format]))
}

#[test]
fn a_full_week_in_three_formats() {
    let m = couple();
    let [md, json, html] = all_formats(&m, "2026-W52");
    insta::assert_snapshot!("full_week_md", md);
    insta::assert_snapshot!("full_week_json", json);
    insta::assert_snapshot!("full_week_html", html);
}

#[test]
fn a_quiet_week_gets_a_short_kind_summary() {
    let m = couple();
    let [md, json, html] = all_formats(&m, "2026-W51");
    assert!(md.lines().count() < 15, "{md}");
    insta::assert_snapshot!("quiet_week_md", md);
    insta::assert_snapshot!("quiet_week_json", json);
    insta::assert_snapshot!("quiet_week_html", html);
}

#[test]
fn the_week_across_the_new_year() {
    let m = couple();
    let [md, json, html] = all_formats(&m, "2026-W53");
    assert!(
        md.contains("Monday 28 December 2026 to Sunday 3 January 2027"),
        "{md}"
    );
    insta::assert_snapshot!("new_year_week_md", md);
    insta::assert_snapshot!("new_year_week_json", json);
    insta::assert_snapshot!("new_year_week_html", html);
}

mod checks;
mod moments;
mod talk;

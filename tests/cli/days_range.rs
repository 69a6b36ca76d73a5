//! Days outside the journal: refused at every flag, named by `check` when hand-edited, and
//! never a panic in any list or export.

use crate::kit::{Mend, stderr, stdout};
use serde_json::json;

const FAR_PAST: &str = "-262143-01-01";
const FAR_FUTURE: &str = "+262142-12-31";
const FAR_PAST_AT: &str = "-262143-01-01T00:00:00Z";
const FAR_FUTURE_AT: &str = "+262142-12-31T23:59:59Z";

/// A journal for Alice and Bob started on 1 November 2026 (tonight is 25 November).
fn journal() -> Mend {
    let m = Mend::with_journal();
    m.set_started("2026-11-01");
    m
}

#[track_caller]
fn refused(m: &Mend, args: &[&str], stdin: &str, flag: &str, value: &str) {
    let before = m.journal_bytes();
    let out = m.run(args, stdin);
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
    assert!(
        message.starts_with(&format!("mend: {flag}: ")),
        "{args:?}: {message}"
    );
    assert!(message.contains(value), "{args:?}: {message}");
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(m.journal_bytes(), before, "{args:?}: nothing written");
}

#[test]
fn days_outside_the_journal_are_refused_at_every_flag() {
    let m = journal();
    for day in [FAR_PAST, "2026-10-31", "2026-11-26", FAR_FUTURE] {
        let flag_day = format!("--day={day}");
        refused(
            &m,
            &["write", "--as", "Alice", "--stage", "healing", &flag_day],
            "text",
            "--day",
            day,
        );
        refused(
            &m,
            &[
                "checkin",
                "--as",
                "Alice",
                "--safety",
                "5",
                "--trust",
                "5",
                "--connection",
                "5",
                &flag_day,
            ],
            "",
            "--day",
            day,
        );
        refused(
            &m,
            &["kind", "add", "--by", "Bob", &flag_day, "Tea"],
            "",
            "--day",
            day,
        );
        let flag_date = format!("--date={day}");
        refused(&m, &["export", &flag_date], "", "--date", day);
    }
    // The first and last evenings themselves are fine.
    for day in ["2026-11-01", "2026-11-25"] {
        m.ok(
            &["write", "--as", "Alice", "--stage", "healing", "--day", day],
            "text",
        );
    }
    for week in ["2026-W43", "2026-W49", "2027-W01"] {
        refused(&m, &["log", "--week", week], "", "--week", week);
        refused(&m, &["export", "--week", week], "", "--week", week);
    }
    m.ok(&["log", "--week", "2026-W44"], "");
}

#[test]
fn due_days_must_be_from_tonight_to_ten_years_ahead() {
    let m = journal();
    for due in [FAR_PAST, "2026-11-24", "2036-11-26", FAR_FUTURE] {
        let flag = format!("--due={due}");
        refused(
            &m,
            &[
                "promise", "add", "--by", "Bob", "--to", "Alice", &flag, "Call",
            ],
            "",
            "--due",
            due,
        );
    }
    m.ok(
        &[
            "promise",
            "add",
            "--by",
            "Bob",
            "--to",
            "Alice",
            "--due",
            "2036-11-25",
            "Call",
        ],
        "",
    );
    let id = m.journal_json()["promises"][0]["id"]
        .as_str()
        .unwrap()
        .replace('-', "");
    refused(
        &m,
        &["promise", "renegotiate", &id[..8], "--due", FAR_FUTURE],
        "",
        "--due",
        FAR_FUTURE,
    );
}

/// A journal whose every kind of record has a day at the ends of the calendar, as a
/// hand-edited file might.
fn hostile(m: &Mend) -> Vec<(&'static str, String)> {
    let mut json = m.journal_json();
    let alice = m.partner_id("Alice");
    let bob = m.partner_id("Bob");
    // Each record is also stamped at the first or last moment the calendar holds.
    let meta = |n: u32, author: &str| {
        let at = if n < 10 { FAR_PAST_AT } else { FAR_FUTURE_AT };
        json!({
            "id": format!("01930000-0000-7000-8000-0000000000{n:02}"),
            "author": author,
            "created": at,
            "updated": at,
            "rev": 1,
        })
    };
    let with = |mut base: serde_json::Value, fields: serde_json::Value| {
        base.as_object_mut()
            .unwrap()
            .extend(fields.as_object().unwrap().clone());
        base
    };
    let mut named = Vec::new();
    let mut entries = Vec::new();
    let mut checkins = Vec::new();
    let mut promises = Vec::new();
    let mut kind_acts = Vec::new();
    for (i, day) in [FAR_PAST, FAR_FUTURE].into_iter().enumerate() {
        let n = u32::try_from(i).unwrap() * 10;
        let at = [FAR_PAST_AT, FAR_FUTURE_AT][i];
        entries.push(with(
            meta(n + 1, &alice),
            json!({"day": day, "stage": "healing", "text": "far", "visibility": "shared"}),
        ));
        checkins.push(with(
            meta(n + 2, &bob),
            json!({"day": day, "safety": 5, "trust": 5, "connection": 5}),
        ));
        promises.push(with(
            meta(n + 3, &bob),
            json!({"to": alice, "text": "far", "made": day, "due": day, "status": "kept",
                "history": [{"at": at, "by": bob, "status": "kept"}],
                "acknowledged": {"by": alice, "at": at}}),
        ));
        promises.push(with(meta(n + 4, &alice), json!({"to": bob, "text": "due far", "made": "2026-11-20", "due": day, "status": "open"})));
        kind_acts.push(with(
            meta(n + 5, &bob),
            json!({"day": day, "text": "far", "acknowledged": {"by": alice, "at": at}}),
        ));
        for (kind, k, field) in [
            ("entry", 1, "day"),
            ("check-in", 2, "day"),
            ("promise", 3, "made"),
            ("promise", 4, "due"),
            ("kind act", 5, "day"),
        ] {
            named.push((
                kind,
                format!(
                    "{kind} 01930000-0000-7000-8000-0000000000{:02} has {field} {day}",
                    n + k
                ),
            ));
        }
    }
    json["entries"] = entries.into();
    json["checkins"] = checkins.into();
    json["promises"] = promises.into();
    json["kind_acts"] = kind_acts.into();
    m.put_journal(serde_json::to_vec_pretty(&json).unwrap());
    crate::kit::set_private(&m.journal);
    named
}

#[test]
fn a_file_with_days_at_the_ends_of_the_calendar_loads_and_check_names_each_record() {
    let m = journal();
    let named = hostile(&m);
    let out = m.run(&["check"], "");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    for (_, problem) in &named {
        assert!(report.contains(problem), "{problem}\n{report}");
    }
    assert!(
        stderr(&out).contains("has 11 problem(s)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_list_or_export_panics_on_days_at_the_ends_of_the_calendar() {
    let m = journal();
    hostile(&m);
    let runs: &[&[&str]] = &[
        &["log"],
        &["log", "--json"],
        &["log", "--as", "Alice"],
        &["promise", "list"],
        &["promise", "list", "--json"],
        &["kind", "list"],
        &["kind", "list", "--json"],
        &["export"],
        &["export", "--format", "json"],
        &["export", "--format", "html"],
        &["export", "--week", "2026-W48"],
        &["export", "--week", "2026-W48", "--format", "html"],
        &["export", "--week", "2026-W45", "--format", "json"],
    ];
    // West and east of UTC too, where a moment at the calendar's ends has no local time.
    for zone in ["+00:00", "-12:00", "+14:00"] {
        for args in runs {
            let out = m
                .std_command()
                .env("MEND_NOW", format!("2026-11-25T21:00:00{zone}"))
                .args(*args)
                .output()
                .unwrap();
            assert!(out.status.success(), "{zone} {args:?}: {}", stderr(&out));
        }
    }
}

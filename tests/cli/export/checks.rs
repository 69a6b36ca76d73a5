//! Exports past the golden files: the default week, privacy, the progress figures, refusals.

use super::*;

#[test]
fn by_default_the_last_complete_week_as_markdown() {
    let m = couple();
    assert_eq!(export(&m, &[]), export(&m, &["--week", "2026-W53"]));
    assert_eq!(
        export(&m, &["--date", "2027-01-01"]),
        export(&m, &["--week", "2026-W53", "--format", "md"])
    );
}

#[test]
fn private_entries_never_appear_not_even_counted() {
    let m = couple();
    let weeks = ["2026-W50", "2026-W51", "2026-W52", "2026-W53", "2027-W01"];
    let before: Vec<[String; 3]> = weeks.iter().map(|w| all_formats(&m, w)).collect();
    for text in before.iter().flatten() {
        assert!(!text.contains(SECRET), "{text}");
    }
    // More private writing, by both, in every week: not one byte of any export changes.
    for (who, day) in [
        ("Alex", "2026-12-10"),
        ("Sam", "2026-12-16"),
        ("Alex", "2026-12-22"),
        ("Sam", "2027-01-01"),
    ] {
        write(
            &m,
            who,
            day,
            "communication",
            "another private thought",
            true,
        );
    }
    let after: Vec<[String; 3]> = weeks.iter().map(|w| all_formats(&m, w)).collect();
    assert_eq!(before, after);
}

#[test]
fn the_figures_are_the_progress_views() {
    let m = couple();
    let json: Value =
        serde_json::from_str(&export(&m, &["--week", "2026-W52", "--format", "json"])).unwrap();
    let journal = mend::store::load(&m.journal).unwrap().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(EXPORT_NOW).unwrap();
    let today = journal.clock().evening_of(now.naive_local());
    let progress = Progress::compute(&journal, today, now.offset());
    let week = Week::parse_iso("2026-W52").unwrap();
    let close = |value: &Value, expected: Option<f64>| match expected {
        Some(e) => (value.as_f64().unwrap() - e).abs() < 1e-12,
        None => value.is_null(),
    };
    for (slot, partner) in journal.partners.iter().enumerate() {
        let glance = &json["at_a_glance"][slot];
        assert_eq!(glance["partner"], partner.name.as_str());
        assert_eq!(
            glance["evenings_checked_in"],
            progress.evenings_checked_in(partner.id, week)
        );
        assert_eq!(
            glance["evenings_written"],
            progress.communication(partner.id, week).evenings_written
        );
        let healing = progress.healing(partner.id, week);
        for (index, name) in RatingName::ALL.into_iter().enumerate() {
            let rating = &glance["ratings"][index];
            let trend = healing.trend(name);
            assert!(close(&rating["this_week"], trend.this_week), "{rating}");
            assert!(
                close(&rating["last_four_weeks"], trend.last_four_weeks),
                "{rating}"
            );
            assert_eq!(rating["in_words"], trend.change_in_words());
        }
        let reciprocity = progress.reciprocity(partner.id, week);
        let part = &json["reciprocity"][slot];
        assert!(
            part.get("keep_rate").is_none(),
            "no score in the summary: {part}"
        );
        assert_eq!(part["figures"], serde_json::to_value(reciprocity).unwrap());
    }
    // And the week really had figures to compare.
    assert_eq!(json["reciprocity"][0]["figures"]["made"], 3);
}

/// Runs an export that must be refused: exit code, a one-line message naming `needle`,
/// nothing on standard output, and the folder `dir` exactly as it was.
#[track_caller]
fn refused(m: &Mend, args: &[&str], code: i32, needle: &str, dir: &Path) {
    let listing = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .map(|read| {
                read.map(|e| {
                    let path = e.unwrap().path();
                    let bytes = std::fs::read(&path).unwrap_or_default();
                    (path.display().to_string(), bytes)
                })
                .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    };
    let before = listing(dir);
    let journal = m.journal_bytes();
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = run_at(m, EXPORT_NOW, &all, "");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "mend {all:?}: {err}");
    assert!(
        err.contains(needle),
        "mend {all:?} should name {needle:?}: {err}"
    );
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    if err.starts_with("mend: ") {
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert_eq!(
        listing(dir),
        before,
        "mend {all:?} changed {}",
        dir.display()
    );
    assert_eq!(m.journal_bytes(), journal);
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let m = couple();
    let out_dir = m.dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("summary.md");
    let target_arg = target.to_str().unwrap();
    for week in ["2026-W54", "2026-W00", "garbage", "2026-48"] {
        refused(&m, &["--week", week, "-o", target_arg], 2, week, &out_dir);
    }
    for (flag, value) in [
        ("--week", "2026-W49"),
        ("--week", "2027-W03"),
        ("--date", "2026-12-06"),
        ("--date", "2027-01-06"),
    ] {
        refused(
            &m,
            &[flag, value, "-o", target_arg],
            2,
            &format!("{flag}: The "),
            &out_dir,
        );
    }
    refused(&m, &["--date", "2026-13-01"], 2, "2026-13-01", &out_dir);
    refused(
        &m,
        &["--week", "2026-W52", "--date", "2026-12-22"],
        2,
        "--date",
        &out_dir,
    );
    refused(&m, &["--format", "pdf"], 2, "pdf", &out_dir);
    let missing = out_dir.join("no-such-folder").join("summary.md");
    refused(
        &m,
        &["-o", missing.to_str().unwrap()],
        1,
        &missing.display().to_string(),
        &out_dir,
    );

    std::fs::write(&target, "our own notes").unwrap();
    refused(&m, &["-o", target_arg], 2, target_arg, &out_dir);
    assert!(stderr(&run_at(&m, EXPORT_NOW, &["export", "-o", target_arg], "")).contains("--force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "our own notes");
}

#[test]
fn output_is_written_privately_and_replaced_only_with_force() {
    let m = couple();
    let target = m.dir.path().join(mend::export::default_file_name(
        Week::parse_iso("2026-W52").unwrap(),
        mend::export::Format::Html,
    ));
    assert!(target.ends_with("mend-2026-W52.html"));
    let target_arg = target.to_str().unwrap();
    let said = export(
        &m,
        &["--week", "2026-W52", "--format", "html", "-o", target_arg],
    );
    assert!(said.contains(target_arg), "{said}");
    let html = export(&m, &["--week", "2026-W52", "--format", "html"]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), html);
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600);

    std::fs::write(&target, "old").unwrap();
    export(
        &m,
        &[
            "--week", "2026-W53", "--format", "html", "-o", target_arg, "--force",
        ],
    );
    let replaced = std::fs::read_to_string(&target).unwrap();
    assert_eq!(
        replaced,
        export(&m, &["--week", "2026-W53", "--format", "html"])
    );
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(m.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

#[test]
fn markdown_holds_no_html_and_user_text_stays_text() {
    let m = couple();
    let md = export(&m, &["--week", "2026-W52"]);
    assert!(!md.contains("<really>"), "{md}");
    assert!(md.contains("\\<really\\>"), "{md}");
    assert!(md.contains("\\*but\\*"), "{md}");
    assert!(md.contains("> 1\\. I want to believe you"), "{md}");
    let html = export(&m, &["--week", "2026-W52", "--format", "html"]);
    assert!(html.contains("&lt;really&gt;"), "{html}");
    assert!(!html.contains("<really>"));
    assert!(!html.contains("http"), "no external assets: {html}");
    assert!(html.contains("@page"));
}

#[test]
fn a_kindness_received_is_the_doers_in_the_summary_and_noticed_by_the_receiver() {
    let m = couple();
    let before: Value =
        serde_json::from_str(&export(&m, &["--week", "2026-W52", "--format", "json"])).unwrap();
    ok_at(
        &m,
        &evening("2026-12-22"),
        &["kind", "received", "--as", "Sam"],
        "Warmed up the car",
    );
    let after: Value =
        serde_json::from_str(&export(&m, &["--week", "2026-W52", "--format", "json"])).unwrap();
    let figure = |json: &Value, who: usize, name: &str| {
        json["reciprocity"][who]["figures"][name].as_u64().unwrap()
    };
    // Alex (0) did it; Sam (1) noticed it by writing it down.
    assert_eq!(
        figure(&after, 0, "kind_acts"),
        figure(&before, 0, "kind_acts") + 1
    );
    assert_eq!(
        figure(&after, 0, "acknowledgements_received"),
        figure(&before, 0, "acknowledgements_received") + 1
    );
    assert_eq!(
        figure(&after, 1, "kind_acts"),
        figure(&before, 1, "kind_acts")
    );
    assert_eq!(
        figure(&after, 1, "acknowledgements_given"),
        figure(&before, 1, "acknowledgements_given") + 1
    );
    let car = after["reciprocity"][0]["kind_acts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["text"] == "Warmed up the car")
        .cloned();
    assert_eq!(
        car.map(|k| (k["day"].clone(), k["noticed"].clone())),
        Some(("2026-12-22".into(), true.into()))
    );
    let md = export(&m, &["--week", "2026-W52", "--format", "md"]);
    assert!(md.contains("Warmed up the car (Sam noticed)"), "{md}");
}

#[test]
fn a_summary_is_never_written_over_the_journal_or_what_mend_keeps_even_with_force() {
    let m = couple();
    let journal = m.journal.display().to_string();
    for args in [
        vec!["-o", journal.as_str()],
        vec!["-o", journal.as_str(), "--force"],
    ] {
        refused(&m, &args, 2, "mend's own", m.dir.path());
    }
    // Another name for the journal, through a symlink, is the journal too.
    #[cfg(unix)]
    {
        let link = m.dir.path().join("link-to-journal.json");
        std::os::unix::fs::symlink(&m.journal, &link).unwrap();
        let link = link.display().to_string();
        refused(&m, &["-o", &link, "--force"], 2, "mend's own", m.dir.path());
    }
    // The lock beside the journal, and mend's save's temp files, are its own too.
    let lock = format!("{journal}.lock");
    refused(&m, &["-o", &lock, "--force"], 2, "mend's own", m.dir.path());
    // What mend keeps in its state folder (backups, drafts) is its own as well.
    let backups = m.state_home().join("mend").join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let inside = backups.join("summary.md").display().to_string();
    refused(&m, &["-o", &inside, "--force"], 2, "mend's own", &backups);
    // A folder is named as one, with a file name to give instead.
    let folder = m.dir.path().join("summaries");
    std::fs::create_dir(&folder).unwrap();
    let folder_arg = folder.display().to_string();
    refused(
        &m,
        &["-o", &folder_arg, "--force"],
        2,
        "is a folder",
        &folder,
    );
    m.ok(&["log"], "");
}

#[test]
fn a_journal_begun_this_week_exports_this_week_by_default_never_one_before_it() {
    let m = Mend::new();
    // Begun on Tuesday 5 January 2027, in week 2027-W01 (Monday 4 January).
    ok_at(
        &m,
        EXPORT_NOW,
        &["init", "--partner", "Alex", "--partner", "Sam"],
        "",
    );
    let default = export(&m, &[]);
    assert_eq!(default, export(&m, &["--week", "2027-W01"]));
    let before = run_at(&m, EXPORT_NOW, &["export", "--week", "2026-W53"], "");
    assert_eq!(
        before.status.code(),
        Some(2),
        "the week before is outside the journal"
    );
}

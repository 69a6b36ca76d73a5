//! Hostile texts as a property, and the single cases that once slipped through.

use super::*;

fn pieces() -> Vec<String> {
    let mut pieces: Vec<String> = (0u32..0x20)
        .chain(0x7F..0xA0)
        .filter_map(char::from_u32)
        .map(String::from)
        .collect();
    pieces.extend(
        [
            "\r",
            "\r\n",
            "\n",
            "\n\n",
            "\t",
            "\u{1b}[2J",
            "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
            "\u{9b}31m",
            "\u{fdd0}",
            "\u{ffff}",
            "\u{10fffe}",
            "\u{202E}",
            "\u{2067}",
            "## Looking ahead",
            "# ",
            "- ",
            "1. ",
            "> ",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "***",
            "```",
            "<b>",
            "</p>",
            "&amp;",
            "[x](http://e.org)",
            "    ",
            "words ",
            "مرحبا",
            "😊",
        ]
        .map(str::to_owned),
    );
    pieces
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pieces()), 1..8).prop_map(|p| p.concat())
}

fn hostile_texts() -> impl Strategy<Value = Texts> {
    prop::collection::vec(hostile_text(), 16).prop_map(|mut v| {
        let mut next = |mark: &str| format!("{mark}{}", v.pop().unwrap_or_default());
        Texts {
            names: [next("A"), next("S")],
            entry: next("e"),
            prompt: next("p"),
            private: next("v"),
            help: next("h"),
            note: next("n"),
            promise: next("o"),
            due_promise: next("d"),
            keep_note: next("k"),
            ack_note: next("a"),
            kind: next("i"),
            kind_note: next("j"),
            moment: next("m"),
            pause_note: next("u"),
            plan: next("l"),
            plan_note: next("g"),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Random texts full of control characters, in every field: every command's output,
    /// every export and every screen holds none of them.
    #[test]
    fn no_control_character_reaches_any_output(t in hostile_texts()) {
        check_every_command(&t);
        check_every_screen(&t);
        assert_words_stay_words(&t);
        assert_html_well_formed(&render(&journal_with(&t), Format::Html));
    }
}

#[test]
fn escape_sequences_in_a_kind_act_do_not_reach_the_terminal() {
    let t = Texts::all("\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[2J");
    check_every_command(&t);
    check_every_screen(&t);
}

#[test]
fn a_bidirectional_override_never_reaches_any_output() {
    // Shown as written, "tpek ton" would read "not kept" backwards.
    let t = Texts::all("I \u{202E}tpek ton\u{202C} it \u{2066}x\u{2069}");
    check_every_command(&t);
    check_every_screen(&t);
}

#[test]
fn a_carriage_return_neither_hides_text_nor_forges_a_heading() {
    let mut t = Texts::all("plain words");
    t.entry = "It went well.\r## Looking ahead to week 2026-W48\r- Nothing to worry about".into();
    t.help = "secret part\rshown part".into();
    assert_words_stay_words(&t);
    let m = Mend::new();
    put(&m, &journal_with(&t));
    let log = m.ok(&["log"], "");
    assert!(log.contains("secret part"), "{log}");
    assert!(log.contains("shown part"), "{log}");
    assert!(!log.contains('\r'), "{log:?}");
}

#[test]
fn a_typed_table_stays_text_in_markdown() {
    let mut t = Texts::all("plain words");
    t.entry = "| day | mood |\n|-----|------|\n| Mon | low |".into();
    t.promise = "a | b".into();
    assert_words_stay_words(&t);
    let md = render(&journal_with(&t), Format::Markdown);
    assert!(md.contains("\\| day \\| mood \\|"), "{md}");
}

#[test]
fn line_breaks_in_entries_and_notes_stay_line_breaks() {
    let mut t = Texts::all("plain words");
    t.entry = "first line\nsecond line".into();
    t.note = "note one\nnote two".into();
    let journal = journal_with(&t);
    let md = render(&journal, Format::Markdown);
    let events: Vec<Event> = Parser::new(&md).collect();
    let break_after = |word: &str| {
        events.windows(2).any(|pair| {
            matches!(&pair[0], Event::Text(text) if text.ends_with(word))
                && pair[1] == Event::HardBreak
        })
    };
    assert!(break_after("first line"), "entry:\n{md}");
    assert!(break_after("note one"), "note:\n{md}");
    let html = render(&journal, Format::Html);
    assert!(html.contains("note one<br>\nnote two"), "{html}");
    assert_html_well_formed(&html);
}

#[test]
fn the_html_page_wraps_long_words_reads_each_direction_and_keeps_prompts_with_answers() {
    let mut t = Texts::all("plain words");
    t.entry = format!("https://example.org/{}", "a".repeat(300));
    t.help = "ساعدني في الحديث".into();
    let html = render(&journal_with(&t), Format::Html);
    assert!(html.contains("overflow-wrap: anywhere"), "{html}");
    assert!(html.contains("<blockquote dir=\"auto\">ساعدني"), "{html}");
    assert!(html.contains(", .lead { break-after: avoid"), "{html}");
    let lead = html
        .find("<p class=\"lead\"><em>Healing: p")
        .expect("the prompt is a lead");
    assert!(
        html[lead..]
            .trim_start()
            .contains("</p>\n<blockquote dir=\"auto\">"),
        "{html}"
    );
    assert_html_well_formed(&html);
}

#[test]
fn a_name_with_control_characters_is_refused_at_init() {
    let m = Mend::new();
    let out = m.run(
        &["init", "--partner", "Al\u{1b}[2Jex", "--partner", "Sam"],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("name"), "{err}");
    assert!(err.contains("control characters"), "{err}");
    assert_clean("init's message", &out.stderr);
    assert!(!m.journal.exists(), "nothing was created");
}

#[test]
fn what_is_pasted_into_the_tui_goes_through_the_same_rule() {
    let mut h = Harness::new(Some(tui::empty_journal()));
    h.keys("<Enter>w");
    h.paste("line one\rline two\r\nthree\u{1b}[2J");
    h.keys("<C-s>");
    let saved = h.saved.clone().unwrap();
    let entry = saved.live_entries().next().expect("the entry was saved");
    assert_eq!(entry.text, "line one\nline two\nthree\u{fffd}[2J");
    let mut h = Harness::new(Some(tui::empty_journal()));
    h.keys("<Enter>c<Down><Down><Down>");
    h.paste("calm\r\nnow\u{7}");
    assert!(
        h.render(80, 24).contains("calm now\u{fffd}"),
        "{}",
        h.render(80, 24)
    );
}

#[test]
fn a_mistyped_argument_is_quoted_without_its_control_characters() {
    let m = Mend::with_journal();
    let typed = "\u{9b}2J\r\u{1b}]52;c;eA==\u{7}5";
    let out = m.run(
        &[
            "checkin",
            "--as",
            "alice",
            "--safety",
            typed,
            "--trust",
            "1",
            "--connection",
            "1",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--safety"), "{}", stderr(&out));
    assert_clean("clap's message", &out.stderr);
    let help = m.ok(&["--help"], "");
    assert!(help.contains("Usage"), "{help}");
}

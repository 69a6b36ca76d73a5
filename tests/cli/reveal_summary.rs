//! The weekly summary keeps the reveal: tonight's shared words are left out until both have
//! written, and a private entry opens nothing.

use crate::kit::Mend;

fn summary(m: &Mend, name: &str, format: &str) -> String {
    let path = m.dir.path().join(name);
    let path_text = path.display().to_string();
    m.ok(
        &[
            "export", "--week", "2026-W48", "--format", format, "--output", &path_text,
        ],
        "",
    );
    std::fs::read_to_string(&path).expect("the summary")
}

#[test]
fn tonights_words_stay_out_of_the_summary_until_both_have_written() {
    let m = Mend::with_journal();
    m.write("Alice", "ALICE-TONIGHT words");
    for format in ["md", "json", "html"] {
        let text = summary(&m, &format!("waiting.{format}"), format);
        assert!(!text.contains("ALICE-TONIGHT"), "{format}: {text}");
    }
    // Closed, but never said not to be written: the summary says the entry waits.
    let text = summary(&m, "waiting-said.md", "md");
    assert!(
        text.contains(
            "One entry of Alice's opens once Bob has shared an entry on that evening too."
        ),
        "{text}"
    );
    assert!(
        text.contains("**Alice** shared writing on 1 evening"),
        "{text}"
    );
    assert!(
        !text.contains("### Alice\n\nNothing shared this week."),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&summary(&m, "waiting-said.json", "json")).expect("json");
    let alice = &json["communication"][0];
    assert_eq!(alice["waiting_to_open"], 1, "{json}");
    m.ok(
        &["write", "--as", "bob", "--stage", "healing", "--private"],
        "BOB-PRIVATE words",
    );
    let text = summary(&m, "private.md", "md");
    assert!(
        !text.contains("ALICE-TONIGHT"),
        "a private entry opens nothing: {text}"
    );
    assert!(!text.contains("BOB-PRIVATE"), "{text}");
    m.write("Bob", "BOB-TONIGHT words");
    let text = summary(&m, "both.md", "md");
    assert!(text.contains("ALICE-TONIGHT"), "{text}");
    assert!(text.contains("BOB-TONIGHT"), "{text}");
}

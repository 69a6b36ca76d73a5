//! `mend partner rename|role`: a new name or role saved, and a refused one that writes nothing.

use crate::kit::{Mend, stdout};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_partner_is_renamed_and_keeps_what_they_wrote() {
    let m = Mend::with_journal();
    m.write("Bob", "Tonight was calmer.");
    let said = m.ok(&["partner", "rename", "bob", "Robert"], "");
    assert!(
        said.contains("mend calls this partner Robert from now on"),
        "{said}"
    );
    let json = m.journal_json();
    assert_eq!(json["partners"][1]["name"], "Robert", "{json:#}");
    assert!(json["partners"][1]["name_updated"].is_string(), "{json:#}");
    let log = m.ok(&["log", "--as", "robert"], "");
    assert!(log.contains("Robert"), "{log}");
    assert!(log.contains("Tonight was calmer."), "{log}");
}

#[test]
fn a_refused_name_says_why_exits_2_and_writes_nothing() {
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    let long = "x".repeat(41);
    for (args, says) in [
        (
            vec!["partner", "rename", "bob", "ALICE"],
            "Both partners are called \"ALICE\"; please give two different names.",
        ),
        (
            vec!["partner", "rename", "bob", "  "],
            "A partner's name cannot be empty.",
        ),
        (
            vec!["partner", "rename", "bob", long.as_str()],
            "use up to 40 characters",
        ),
        (
            vec!["partner", "rename", "jo", "Joanna"],
            "no partner called \"jo\"",
        ),
        (
            vec!["partner", "role", "bob", "angry"],
            "\"angry\" is not a role; use hurt, repairing, both or none.",
        ),
    ] {
        let out = m.run(&args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert_eq!(m.journal_bytes(), before, "{args:?} wrote nothing");
    }
}

#[test]
fn a_role_is_changed_and_the_line_says_what_a_role_changes() {
    let m = Mend::with_journal();
    let said = m.ok(&["partner", "role", "alice", "both"], "");
    assert!(said.contains("Alice's role: a bit of both."), "{said}");
    assert!(
        said.contains("A role only chooses which evening prompts"),
        "{said}"
    );
    assert_eq!(m.journal_json()["partners"][0]["role"], "both");
    m.ok(&["partner", "role", "alice", "none"], "");
    assert!(m.journal_json()["partners"][0].get("role").is_none());
}

/// "Bob" with a zero-width space was taken as a name: two partners then both showed as Bob,
/// and a name of only invisible characters showed as nothing.
#[test]
fn a_name_made_different_only_by_invisible_characters_is_refused() {
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    for name in [
        "Bob\u{200b}",
        "\u{200b}",
        "\u{2060}B\u{2060}o\u{2060}b",
        "Al\u{2028}ice",
        "\u{202e}ecilA",
    ] {
        let out = m.run(&["partner", "rename", "alice", name], "");
        assert_eq!(out.status.code(), Some(2), "{name:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("invisible"),
            "{name:?}: {}",
            stderr(&out)
        );
        assert_eq!(m.journal_bytes(), before, "{name:?}");
    }
    m.ok(&["partner", "rename", "alice", "José Ñandú 李"], "");
}

//! `mend settings` and the safety net: a low safety check-in is answered with where help is,
//! including the couple's own contacts, and the settings change only with values that hold.

use crate::kit::{Mend, stderr};

const HELP_LINE: &str = "If you are in danger right now, call your local emergency number.";

fn check_in(m: &Mend, who: &str, safety: u8) -> String {
    let safety = safety.to_string();
    m.ok(
        &[
            "checkin",
            "--as",
            who,
            "--safety",
            &safety,
            "--trust",
            "5",
            "--connection",
            "5",
        ],
        "",
    )
}

#[test]
fn a_safety_of_two_or_below_is_answered_with_where_help_is_and_three_is_not() {
    let m = Mend::with_journal();
    for low in [0, 1, 2] {
        let out = check_in(&m, "alice", low);
        assert!(out.contains(HELP_LINE), "safety {low}: {out}");
        assert!(out.contains("domestic-abuse helpline"), "{out}");
    }
    let out = check_in(&m, "alice", 3);
    assert!(
        !out.contains(HELP_LINE),
        "safety 3 is not answered so: {out}"
    );
    assert!(out.contains("check-in"), "{out}");
}

#[test]
fn the_couples_own_contacts_are_kept_shown_and_offered_after_a_low_check_in() {
    let m = Mend::with_journal();
    let shown = m.ok(&["settings"], "");
    assert!(shown.contains("No support contacts yet"), "{shown}");
    let out = m.ok(
        &["settings", "--add-contact"],
        "Our counsellor, Dr. Rivera: 555 0101\n",
    );
    assert!(out.contains("Saved."), "{out}");
    assert!(out.contains("Dr. Rivera: 555 0101"), "{out}");
    let json = m.journal_json();
    assert_eq!(
        json["settings"]["support_contacts"][0],
        "Our counsellor, Dr. Rivera: 555 0101"
    );
    let low = check_in(&m, "bob", 1);
    assert!(
        low.contains("Your contacts: Our counsellor, Dr. Rivera: 555 0101"),
        "{low}"
    );
    m.ok(&["settings", "--clear-contacts"], "");
    assert!(m.ok(&["settings"], "").contains("No support contacts yet"));
}

#[test]
fn a_bad_contact_or_hour_is_refused_by_name_and_writes_nothing() {
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    for (args, stdin, says) in [
        (vec!["settings", "--day-ends-at", "25"], "", "not 25"),
        (
            vec!["settings", "--lock-after-minutes", "0"],
            "",
            "1 to 240 minutes without a key, not 0",
        ),
        (
            vec!["settings", "--lock-after-minutes", "241"],
            "",
            "not 241",
        ),
        (
            vec!["settings", "--add-contact"],
            "line\u{1b}[2J",
            "one line of up to 120",
        ),
        (vec!["settings", "--add-contact"], "   ", "is empty"),
    ] {
        let out = m.run(&args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert_eq!(m.journal_bytes(), before, "{args:?} wrote nothing");
    }
    for n in 0..5 {
        m.ok(
            &["settings", "--add-contact"],
            format!("Helpline {n}: 0800 000 00{n}"),
        );
    }
    let sixth = m.run(&["settings", "--add-contact"], "One more: 1");
    assert_eq!(sixth.status.code(), Some(2), "{}", stderr(&sixth));
    assert!(
        stderr(&sixth).contains("five contacts"),
        "{}",
        stderr(&sixth)
    );
}

#[test]
fn the_evening_end_and_the_first_day_of_the_week_can_be_changed() {
    let m = Mend::with_journal();
    let out = m.ok(
        &["settings", "--day-ends-at", "2", "--week-starts", "sunday"],
        "",
    );
    assert!(out.contains("An evening ends at 02:00"), "{out}");
    assert!(out.contains("Weeks start on Sunday"), "{out}");
    let json = m.journal_json();
    assert_eq!(json["settings"]["day_ends_at"], 2);
    assert_eq!(json["settings"]["week_starts"], "sunday");
}

#[test]
fn a_role_can_be_changed_later_and_settings_say_what_a_role_changes() {
    let m = Mend::with_journal();
    let shown = m.ok(&["settings"], "");
    assert!(
        shown.contains("A role only chooses which evening prompts that partner is offered"),
        "{shown}"
    );
    let said = m.ok(
        &["settings", "--role", "alice=both", "--role", "Bob=none"],
        "",
    );
    assert!(said.contains("Alice's role: a bit of both."), "{said}");
    assert!(said.contains("Bob's role: not said."), "{said}");
    let json = m.journal_json();
    let partners = json["partners"].as_array().expect("partners");
    assert_eq!(partners[0]["role"], "both");
    assert!(partners[0]["role_updated"].is_string(), "{json:#}");
    assert!(partners[1].get("role").is_none(), "{json:#}");
    m.ok(&["settings", "--role", "bob=repairing"], "");
    assert_eq!(m.journal_json()["partners"][1]["role"], "repairing");
}

#[test]
fn a_bad_role_is_refused_by_name_and_writes_nothing() {
    let m = Mend::with_journal();
    let before = m.journal_bytes();
    for (role, says) in [
        (
            "alice=angry",
            "\"angry\" is not a role; use hurt, repairing, both or none.",
        ),
        ("alice", "give a name and a role, like --role Alice=hurt."),
        ("jo=hurt", "no partner called \"jo\""),
    ] {
        // A good change given with a bad one is not made either.
        let args = ["settings", "--role", "bob=both", "--role", role];
        let out = m.run(&args, "");
        assert_eq!(out.status.code(), Some(2), "{role}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{role}: {}", stderr(&out));
        assert_eq!(m.journal_bytes(), before, "{role} wrote nothing");
    }
}

#[test]
fn the_wait_before_the_full_screen_locks_itself_can_be_chosen() {
    let m = Mend::with_journal();
    let said = m.ok(&["settings", "--lock-after-minutes", "30"], "");
    assert!(
        said.contains("locks itself after 30 minutes with no key"),
        "{said}"
    );
    assert_eq!(m.journal_json()["settings"]["lock_after_minutes"], 30);
}

/// Settings stay in the clear in an encrypted journal, and the app's settings screen changes
/// them without a passphrase: so does `mend settings`, and every word stays sealed.
#[test]
fn settings_of_an_encrypted_journal_change_without_a_passphrase_as_in_the_app() {
    let locked = crate::sealed_kit::Locked::small();
    let before = locked.m.journal_bytes();
    let said = locked.m.ok(&["settings", "--lock-after-minutes", "30"], "");
    assert!(
        said.contains("locks itself after 30 minutes with no key"),
        "{said}"
    );
    let json = locked.m.journal_json();
    assert_eq!(json["settings"]["lock_after_minutes"], 30);
    let after = locked.m.journal_bytes();
    assert_ne!(after, before);
    for words in ["a fear kept to myself", "we walked by the river", "Made"] {
        let text = String::from_utf8_lossy(&after);
        assert!(!text.contains(words), "{words:?} unsealed by the change");
    }
    // The journal still opens, every word in it.
    let log = locked.ok(&locked.alice, &["log", "--as", "Alice"], "");
    assert!(log.contains("a fear kept to myself"), "{log}");
}

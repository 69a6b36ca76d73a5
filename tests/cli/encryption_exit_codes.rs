//! Every passphrase, recovery code or passphrase file that does not open the journal for the
//! partner named ends the same way: exit code 1, a message saying so, and nothing written.

use crate::encryption::{BOB, encrypted, run_with, secret_file};
use crate::kit::{Mend, set_private};
use std::path::PathBuf;
use std::process::Output;

/// A 0600 file holding `text`, as a passphrase or recovery code file should be.
fn private_file(m: &Mend, name: &str, text: &str) -> PathBuf {
    let path = secret_file(m, name, text);
    set_private(&path);
    path
}

/// Checks that `out` exited 1, said `says`, printed nothing on standard output and did not
/// echo `secret`; and that the journal and its backups are as they were.
#[track_caller]
fn refused_with_1(m: &Mend, before: &(Vec<u8>, Vec<PathBuf>), out: &Output, says: &str) {
    let told = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{told}");
    assert!(told.contains(says), "should say {says:?}: {told}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        !told.contains(BOB),
        "the passphrase is never echoed: {told}"
    );
    assert!(m.journal_bytes() == before.0, "the journal changed");
    assert_eq!(m.backups(), before.1, "a backup was made");
}

#[test]
fn a_wrong_passphrase_the_other_partners_and_a_wrong_recovery_code_all_exit_1() {
    let m = Mend::with_journal();
    encrypted(&m);
    let before = (m.journal_bytes(), m.backups());
    let bob = private_file(&m, "bob-only", &format!("{BOB}\n"));
    let wrong = private_file(&m, "wrong", "lantern by the windows\n");
    let wrong_code = private_file(&m, "code", "ABCDE-FGHJK-MNPQR-STUVW-XYZ23\n");
    let new = private_file(&m, "new", "a brand new passphrase\n");

    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &wrong)],
        &["log", "--as", "alice"],
        "",
    );
    refused_with_1(
        &m,
        &before,
        &out,
        "That passphrase does not open this journal",
    );

    // Bob's passphrase opens the journal, but not for Alice: the same exit code.
    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &bob)],
        &["log", "--as", "alice"],
        "",
    );
    refused_with_1(
        &m,
        &before,
        &out,
        "Alice may only be chosen with Alice's own passphrase",
    );

    let out = run_with(
        &m,
        &[
            ("MEND_RECOVERY_FILE", &wrong_code),
            ("MEND_NEW_PASSPHRASE_FILE", &new),
        ],
        &["passphrase", "recover", "--as", "Alice"],
        "",
    );
    refused_with_1(&m, &before, &out, "recovery code does not open");

    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &wrong)],
        &["passphrase", "change", "--as", "Alice"],
        "",
    );
    refused_with_1(&m, &before, &out, "passphrase does not open");

    // A file with no line for either partner is named as such, with the same code.
    let others = private_file(&m, "others", "Carol: some other words\n");
    let out = run_with(&m, &[("MEND_PASSPHRASE_FILE", &others)], &["log"], "");
    refused_with_1(&m, &before, &out, "has no line for either of you");

    // An unknown name is still a mistake in what was typed.
    let out = run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &bob)],
        &["log", "--as", "carol"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn acting_as_the_other_partner_with_ones_own_passphrase_is_refused_by_every_command() {
    let m = Mend::with_journal();
    encrypted(&m);
    let before = (m.journal_bytes(), m.backups());
    let bob = private_file(&m, "bob-only", &format!("{BOB}\n"));
    let pass = [("MEND_PASSPHRASE_FILE", &bob)];
    let says = "Alice may only be chosen with Alice's own passphrase";
    for (args, stdin) in [
        (
            &["write", "--as", "alice", "--stage", "healing"][..],
            "words",
        ),
        (&["moment", "--as", "alice"][..], "a hard evening"),
        (&["pause", "--as", "alice", "--until", "23:30"][..], ""),
        (
            &["plan", "add", "--as", "alice"][..],
            "noise\nquiet\nspace\n",
        ),
        (
            &[
                "checkin",
                "--as",
                "alice",
                "--safety",
                "5",
                "--trust",
                "5",
                "--connection",
                "5",
            ][..],
            "",
        ),
    ] {
        let out = run_with(&m, &pass, args, stdin);
        let told = String::from_utf8_lossy(&out.stderr);
        assert!(told.contains(says), "mend {args:?}: {told}");
        refused_with_1(&m, &before, &out, says);
    }
    // Listing one partner's plan items is only a filter: plan items are shared.
    let out = run_with(&m, &pass, &["plan", "list", "--as", "alice"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Only the partner who made a promise closes or renegotiates it: the record names them as
/// the one who did, so the other's passphrase must not do it in their name.
#[test]
fn only_the_promise_makers_own_passphrase_closes_or_renegotiates_it() {
    let locked = crate::sealed_kit::Locked::small();
    let m = &locked.m;
    // Bob's promise to Alice, found by its id in the clear.
    let json = m.journal_json();
    let id = json["promises"][0]["id"]
        .as_str()
        .expect("Bob's promise")
        .to_owned();
    let before = (m.journal_bytes(), m.backups());
    for args in [
        &["promise", "not-kept", &id, "--note", "never happened"][..],
        &["promise", "keep", &id][..],
        &["promise", "withdraw", &id][..],
        &["promise", "renegotiate", &id, "--text", "Never text"][..],
    ] {
        let out = locked.run(&locked.alice, args, "");
        refused_with_1(
            m,
            &before,
            &out,
            "This is Bob's to do, with Bob's own passphrase, and the passphrase given is not theirs.",
        );
    }
    // Without a passphrase file, the terminal would be asked for Bob's, by name.
    let asked = m.run(&["promise", "keep", &id], "");
    let told = String::from_utf8_lossy(&asked.stderr);
    assert!(told.contains("Bob's passphrase"), "{told}");
    assert!(m.journal_bytes() == before.0);
    let kept = locked.ok(&locked.bob, &["promise", "keep", &id], "");
    assert!(kept.contains("kept"), "{kept}");
    let listed = locked.ok(&locked.bob, &["promise", "list", "--json"], "");
    assert!(
        listed.contains("\"by\": \"Bob\"") || listed.contains("\"by\":\"Bob\""),
        "{listed}"
    );
}

//! Passphrase files that cannot serve are named plainly, never taken for a wrong passphrase,
//! and one passphrase is never given to both partners.

use crate::encryption::{ALICE, BOB, encrypted, run_with, secret_file};
use crate::kit::Mend;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_passphrase_file_that_is_missing_empty_or_a_folder_is_named_and_never_called_a_wrong_passphrase()
 {
    let m = Mend::with_journal();
    encrypted(&m);
    let before = m.journal_bytes();
    let missing = m.dir.path().join("no-such-file");
    let empty = secret_file(&m, "empty", "");
    let folder = m.dir.path().to_owned();
    for (file, says) in [
        (&missing, "Could not read MEND_PASSPHRASE_FILE"),
        (&empty, "is empty"),
        (&folder, "Could not read MEND_PASSPHRASE_FILE"),
    ] {
        let out = run_with(&m, &[("MEND_PASSPHRASE_FILE", file)], &["log"], "");
        assert!(!out.status.success());
        let told = stderr(&out);
        assert!(told.contains(says), "{}: {told}", file.display());
        assert!(
            !told.contains("does not open"),
            "not a wrong passphrase: {told}"
        );
        assert!(
            told.contains(&file.display().to_string()),
            "names the file: {told}"
        );
    }
    let others = secret_file(&m, "others", "Carol: some other words\n");
    let told = stderr(&run_with(
        &m,
        &[("MEND_PASSPHRASE_FILE", &others)],
        &["log"],
        "",
    ));
    assert!(told.contains("has no line for either of you"), "{told}");
    assert_eq!(m.journal_bytes(), before, "nothing was written");
}

#[test]
fn encrypt_refuses_one_passphrase_for_both_partners() {
    let m = Mend::with_journal();
    m.write("Bob", "words that stay plain");
    let before = m.journal_bytes();
    for text in [format!("{ALICE}\n"), format!("Alice: {BOB}\nBob: {BOB}\n")] {
        let same = secret_file(&m, "same", &text);
        let out = run_with(&m, &[("MEND_PASSPHRASE_FILE", &same)], &["encrypt"], "");
        assert_eq!(out.status.code(), Some(1));
        let told = stderr(&out);
        assert!(
            told.contains("Each of you needs your own passphrase"),
            "{told}"
        );
        assert!(told.contains("Nothing was changed"), "{told}");
        assert_eq!(m.journal_bytes(), before, "still plain");
    }
}

#[test]
fn a_wrong_recovery_code_is_called_a_wrong_recovery_code() {
    let m = Mend::with_journal();
    encrypted(&m);
    let before = m.journal_bytes();
    let code = secret_file(&m, "code", "ABCDE-FGHJK-MNPQR-STUVW-XYZ23\n");
    let new = secret_file(&m, "new", "a brand new passphrase\n");
    let out = run_with(
        &m,
        &[
            ("MEND_RECOVERY_FILE", &code),
            ("MEND_NEW_PASSPHRASE_FILE", &new),
        ],
        &["passphrase", "recover", "--as", "Alice"],
        "",
    );
    assert!(!out.status.success());
    let told = stderr(&out);
    assert!(told.contains("recovery code does not open"), "{told}");
    assert!(!told.contains("passphrase does not open"), "{told}");
    assert_eq!(m.journal_bytes(), before);
}

#[test]
fn acting_as_a_partner_without_a_terminal_asks_for_that_partners_passphrase_by_name() {
    let m = Mend::with_journal();
    encrypted(&m);
    let out = run_with(&m, &[], &["log", "--as", "bob"], "");
    assert!(!out.status.success());
    let told = stderr(&out);
    assert!(told.contains("needs Bob's passphrase"), "{told}");
}

#[test]
fn a_passphrase_file_others_can_read_is_named_with_how_to_make_it_private() {
    let m = Mend::with_journal();
    let (alice, _, _) = encrypted(&m);
    crate::kit::set_private(&alice);
    let quiet = run_with(&m, &[("MEND_PASSPHRASE_FILE", &alice)], &["log"], "");
    assert!(
        !stderr(&quiet).contains("can be read by others"),
        "{}",
        stderr(&quiet)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&alice, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let out = run_with(&m, &[("MEND_PASSPHRASE_FILE", &alice)], &["log"], "");
        assert!(out.status.success(), "still works");
        let told = stderr(&out);
        assert!(told.contains("can be read by others"), "{told}");
        assert!(told.contains("chmod 600"), "{told}");
    }
}

//! Words other than entries typed in `$EDITOR` (a hard moment, a promise, a kind act, a
//! reply, a suggestion, a contact) are kept like an entry's: in a private file in the drafts
//! folder, never in `/tmp`, kept and said where when they are refused or the terminal is
//! closed, and opened again by the same command.
#![cfg(unix)]

use crate::editor::{editor, in_pty, kept_files, never};
use crate::kit::{Mend, files::holding, mode};

/// A hard moment is at most 280 characters.
fn too_long() -> String {
    format!("the song in the shop {}", "again ".repeat(50))
}

#[test]
fn a_hard_moment_refused_after_the_editor_is_kept_and_the_next_moment_opens_it_again() {
    let m = Mend::with_journal();
    let words = too_long();
    let writes = editor(&m, "writes.sh", &format!("printf '{words}' > \"$1\""));
    let ran = in_pty(&m, "", &["moment", "--as", "Alice"], &writes, &never);
    assert_eq!(ran.code, Some(2), "{}", ran.output);
    let kept = kept_files(&m);
    assert_eq!(kept.len(), 1, "{kept:?}\n{}", ran.output);
    assert_eq!(std::fs::read_to_string(&kept[0]).ok(), Some(words.clone()));
    assert_eq!(mode(&kept[0]), 0o600);
    let flat = ran.output.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&kept[0].display().to_string()), "{flat}");
    assert!(flat.contains("`mend moment --as Alice`"), "{flat}");

    // The next `mend moment` opens the kept words; the editor shortens them.
    let seen = m.dir.path().join("seen");
    let shortens = editor(
        &m,
        "shortens.sh",
        &format!(
            "cp \"$1\" '{}'\nprintf 'the song in the shop' > \"$1\"",
            seen.display()
        ),
    );
    let again = in_pty(&m, "", &["moment", "--as", "Alice"], &shortens, &never);
    assert_eq!(again.code, Some(0), "{}", again.output);
    assert_eq!(std::fs::read_to_string(&seen).ok(), Some(words));
    let moments = m.journal_json()["hard_moments"].clone();
    assert_eq!(moments[0]["text"], "the song in the shop", "{moments}");
    assert!(kept_files(&m).is_empty(), "saved, so no longer kept");
}

#[test]
fn a_promise_typed_when_the_terminal_closes_stays_out_of_tmp_and_encrypt_names_its_file() {
    let m = Mend::with_journal();
    let tmp = m.dir.path().join("tmp");
    std::fs::create_dir_all(&tmp).expect("a TMPDIR");
    let words = "I will call your sister on Sunday";
    let written = m.dir.path().join("written");
    let slow = editor(
        &m,
        "slow.sh",
        &format!(
            "printf '{words}' > \"$1\"\ntouch '{}'\nsleep 5",
            written.display()
        ),
    );
    let prefix = format!("TMPDIR='{}'", tmp.display());
    let args = ["promise", "add", "--by", "Bob", "--to", "Alice"];
    let ran = in_pty(&m, &prefix, &args, &slow, &|| written.exists());
    assert_eq!(ran.code, None, "killed: {}", ran.output);
    assert!(holding(&tmp, words).is_empty(), "nothing in TMPDIR");
    let kept = kept_files(&m);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].starts_with(m.state_home()), "{}", kept[0].display());

    // An entry's `mend write` does not take a promise's words for an entry.
    let unchanged = editor(&m, "unchanged.sh", "exit 0");
    let write = in_pty(&m, "", &["write", "--as", "Bob"], &unchanged, &never);
    assert_ne!(write.code, Some(0), "an empty entry: {}", write.output);
    assert_eq!(kept_files(&m), kept, "the promise's words stay kept");

    let both = m.dir.path().join("both");
    std::fs::write(
        &both,
        "Alice: lantern by the window\nBob: green kettle morning\n",
    )
    .expect("passphrases");
    std::fs::set_permissions(&both, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .expect("chmod");
    let mut encrypt = m.std_command();
    encrypt.env("MEND_PASSPHRASE_FILE", &both).arg("encrypt");
    let out = encrypt.output().expect("run mend encrypt");
    let said = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(out.status.success(), "{said}");
    assert!(said.contains(&kept[0].display().to_string()), "{said}");
}

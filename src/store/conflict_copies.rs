//! Recognising the copies sync engines make of a file when two computers change it at once,
//! and files a git merge left conflict markers in. Pure: names and bytes in, answers out.

use std::fmt;

/// The program whose naming a conflict copy follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Syncthing,
    Dropbox,
    /// Nextcloud and ownCloud.
    Nextcloud,
    ICloud,
    GoogleDrive,
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Syncthing => "Syncthing",
            Engine::Dropbox => "Dropbox",
            Engine::Nextcloud => "Nextcloud or ownCloud",
            Engine::ICloud => "iCloud Drive",
            Engine::GoogleDrive => "Google Drive",
        })
    }
}

/// Which engine made `candidate` as a conflict copy of the file named `original` (both
/// plain file names, no folders), if one did.
///
/// - Syncthing: `journal.sync-conflict-20261125-210000-ABCDEFG.json`
/// - Dropbox: `journal (Sam's conflicted copy 2026-11-25).json`, also with ` (1)` after the
///   date, and `journal (Case Conflict).json`, `(Selective Sync Conflict)`,
///   `(Unicode Encoding Conflict)`, each maybe numbered
/// - Nextcloud, ownCloud: `journal (conflicted copy 2026-11-25 210000).json` and the older
///   `journal_conflict-20261125-210000.json`
/// - iCloud Drive: `journal 2.json`
/// - Google Drive: `journal (1).json`
pub fn conflict_copy_engine(candidate: &str, original: &str) -> Option<Engine> {
    let (stem, ext) = match original.rfind('.') {
        Some(dot) if dot > 0 => original.split_at(dot),
        _ => (original, ""),
    };
    let middle = candidate.strip_prefix(stem)?.strip_suffix(ext)?;
    if let Some(rest) = middle.strip_prefix(".sync-conflict-") {
        return syncthing_tail(rest).then_some(Engine::Syncthing);
    }
    if let Some(rest) = middle.strip_prefix("_conflict-") {
        return date_dash_time(rest).then_some(Engine::Nextcloud);
    }
    if let Some(inner) = middle.strip_prefix(" (").and_then(|m| m.strip_suffix(')')) {
        return parenthesised(inner);
    }
    let number = middle.strip_prefix(' ')?;
    let numbered = !number.is_empty()
        && number.len() <= 4
        && digits(number)
        && number.parse::<u32>().is_ok_and(|n| n >= 2);
    numbered.then_some(Engine::ICloud)
}

/// `YYYYMMDD-HHMMSS-DEVICE`, the device id being letters and digits.
fn syncthing_tail(rest: &str) -> bool {
    let Some((stamp, device)) = rest.get(..15).zip(rest.get(15..)) else {
        return false;
    };
    date_dash_time(stamp)
        && device.strip_prefix('-').is_some_and(|d| {
            !d.is_empty() && d.len() <= 16 && d.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// `YYYYMMDD-HHMMSS`.
fn date_dash_time(text: &str) -> bool {
    text.len() == 15 && text.as_bytes()[8] == b'-' && digits(&text[..8]) && digits(&text[9..])
}

/// What Dropbox, Nextcloud and Google Drive put between the parentheses.
fn parenthesised(inner: &str) -> Option<Engine> {
    if inner.len() <= 4 && digits(inner) {
        return Some(Engine::GoogleDrive);
    }
    let inner = strip_number(inner);
    for kind in [
        "Case Conflict",
        "Selective Sync Conflict",
        "Unicode Encoding Conflict",
    ] {
        if inner == kind {
            return Some(Engine::Dropbox);
        }
    }
    let (who, date) = inner.split_once("conflicted copy ")?;
    if who.is_empty() {
        // Nextcloud: `conflicted copy YYYY-MM-DD HHMMSS`; Dropbox may leave the name out.
        return match date.split_once(' ') {
            Some((day, time)) if iso_date(day) && time.len() == 6 && digits(time) => {
                Some(Engine::Nextcloud)
            }
            None if iso_date(date) => Some(Engine::Dropbox),
            _ => None,
        };
    }
    let named = who.ends_with("'s ") || who.ends_with("\u{2019}s ");
    (named && iso_date(date)).then_some(Engine::Dropbox)
}

/// The text without a trailing ` (N)` that numbers a second copy of the same kind.
fn strip_number(inner: &str) -> &str {
    if let Some(open) = inner.rfind(" (")
        && let Some(number) = inner[open + 2..].strip_suffix(')')
        && !number.is_empty()
        && digits(number)
    {
        return &inner[..open];
    }
    inner
}

/// `YYYY-MM-DD`.
fn iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    text.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(&text[..4])
        && digits(&text[5..7])
        && digits(&text[8..])
}

fn digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a file holds the lines a git merge writes around a conflict: a line starting
/// `<<<<<<<`, a `=======` line and a line starting `>>>>>>>`.
pub fn has_git_conflict_markers(bytes: &[u8]) -> bool {
    let mut seen = [false; 3];
    for line in bytes.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.starts_with(b"<<<<<<<") {
            seen[0] = true;
        } else if line == b"=======" {
            seen[1] = true;
        } else if line.starts_with(b">>>>>>>") {
            seen[2] = true;
        }
    }
    seen.iter().all(|&s| s)
}

/// What to tell someone about a file with git conflict markers.
pub fn git_markers_advice(file: &str) -> String {
    format!(
        "{file} holds git conflict markers (<<<<<<<, =======, >>>>>>>), so mend cannot read it. Keep one side with `git checkout --ours {file}`, save the other with `git show :3:{file} > theirs.json`, then run `mend merge theirs.json`."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const J: &str = "journal.json";

    #[test]
    fn every_engines_name_for_a_conflict_copy_is_recognised() {
        let cases = [
            (
                "journal.sync-conflict-20261125-210000-ABCDEF7.json",
                Engine::Syncthing,
            ),
            (
                "journal (Sam's conflicted copy 2026-11-25).json",
                Engine::Dropbox,
            ),
            (
                "journal (Sam\u{2019}s conflicted copy 2026-11-25).json",
                Engine::Dropbox,
            ),
            (
                "journal (Alex's conflicted copy 2026-11-25 (1)).json",
                Engine::Dropbox,
            ),
            ("journal (conflicted copy 2026-11-25).json", Engine::Dropbox),
            ("journal (Case Conflict).json", Engine::Dropbox),
            ("journal (Case Conflict (2)).json", Engine::Dropbox),
            ("journal (Selective Sync Conflict).json", Engine::Dropbox),
            ("journal (Unicode Encoding Conflict).json", Engine::Dropbox),
            (
                "journal (conflicted copy 2026-11-25 210000).json",
                Engine::Nextcloud,
            ),
            ("journal_conflict-20261125-210000.json", Engine::Nextcloud),
            ("journal 2.json", Engine::ICloud),
            ("journal 13.json", Engine::ICloud),
            ("journal (1).json", Engine::GoogleDrive),
            ("journal (12).json", Engine::GoogleDrive),
        ];
        for (name, engine) in cases {
            assert_eq!(conflict_copy_engine(name, J), Some(engine), "{name}");
        }
    }

    #[test]
    fn other_files_beside_the_journal_are_not_conflict_copies() {
        for name in [
            "journal.json",
            "journal.json.tmp",
            "journal 1.json",
            "journal 2.txt",
            "notes 2.json",
            "journal.sync-conflict-2026112-210000-ABCDEF7.json",
            "journal.sync-conflict-20261125-210000-.json",
            "journal (copy).json",
            "journal ().json",
            "journal (12345).json",
            "journal (Sam's conflicted copy 25-11-2026).json",
            "journal (conflicted copy 2026-11-25 21:00).json",
            "journal_conflict-20261125.json",
            "other.sync-conflict-20261125-210000-ABCDEF7.json",
        ] {
            assert_eq!(conflict_copy_engine(name, J), None, "{name}");
        }
    }

    #[test]
    fn a_file_without_an_extension_has_copies_too() {
        assert_eq!(
            conflict_copy_engine("journal.sync-conflict-20261125-210000-ABCDEF7", "journal"),
            Some(Engine::Syncthing)
        );
        assert_eq!(
            conflict_copy_engine("journal 2", "journal"),
            Some(Engine::ICloud)
        );
    }

    #[test]
    fn git_conflict_markers_are_found_only_when_all_three_are_there() {
        let marked = b"{\n<<<<<<< HEAD\n  \"a\": 1\n=======\n  \"a\": 2\n>>>>>>> theirs\n}\n";
        assert!(has_git_conflict_markers(marked));
        assert!(has_git_conflict_markers(
            &marked
                .iter()
                .flat_map(|&b| if b == b'\n' {
                    vec![b'\r', b'\n']
                } else {
                    vec![b]
                })
                .collect::<Vec<u8>>()
        ));
        assert!(!has_git_conflict_markers(b"{\"text\": \"=======\"}\n"));
        assert!(!has_git_conflict_markers(b"<<<<<<< only one\n"));
        assert!(git_markers_advice("journal.json").contains("mend merge"));
    }
}

//! When the open app reads the journal again: the rule on file stamps, and what a look found.

use std::sync::Arc;

use std::path::Path;

use super::load::LoadError;
use super::stamp::FileStamp;
use crate::journal::Journal;

/// What one look at the journal file found.
#[derive(Debug, Clone, PartialEq)]
pub enum Freshness {
    /// The file is as this store last read or wrote it (or was skipped as unreadable).
    Same,
    /// Someone else saved it: this is the new journal, read and checked as at start-up.
    Newer(Arc<Journal>),
    /// It changed but cannot be read (half-delivered, corrupt, from a newer mend). The store
    /// keeps the last good journal and says why, once per version of the file.
    Unreadable(String),
}

/// Whether the file should be read again: it is there, and it is neither the version this
/// store holds nor one already found unreadable. Pure, so the rule is tested on its own.
pub fn should_reload(
    held: Option<FileStamp>,
    skipped: Option<FileStamp>,
    on_disk: Option<FileStamp>,
) -> bool {
    on_disk.is_some() && on_disk != held && on_disk != skipped
}

/// A calm notice for a journal that changed on disk but cannot be read now.
pub(super) fn unreadable_words(err: &LoadError) -> String {
    format!(
        "The journal changed on disk but cannot be read right now, so mend keeps showing it as it was and has written nothing over it. {err}"
    )
}

/// The version a journal that is not encrypted is written with; an encrypted one is later.
pub(super) const PLAIN: u64 = crate::journal::PLAIN_VERSION as u64;

/// The `version` at the top of the journal file at `path`, as mend writes it (in its first
/// 512 bytes), if it is found there.
pub(super) fn version_at_top(path: &Path) -> Option<u64> {
    use std::io::Read;
    let mut top = Vec::with_capacity(512);
    std::fs::File::open(path)
        .ok()?
        .take(512)
        .read_to_end(&mut top)
        .ok()?;
    let text = String::from_utf8_lossy(&top);
    let after = text
        .split_once("\"version\"")?
        .1
        .trim_start()
        .strip_prefix(':')?;
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp_of(text: &str, dir: &std::path::Path) -> Option<FileStamp> {
        let path = dir.join(format!("f{}", text.len()));
        std::fs::write(&path, text).ok()?;
        FileStamp::of(&path)
    }

    #[test]
    fn a_changed_file_is_read_again_but_not_the_same_one_or_a_skipped_one() {
        let dir = tempfile::tempdir().expect("dir");
        let a = stamp_of("a", dir.path());
        let b = stamp_of("bb", dir.path());
        assert!(a.is_some() && a != b);
        assert!(
            !should_reload(a, None, a),
            "our own version is not read again"
        );
        assert!(should_reload(a, None, b), "another version is read");
        assert!(
            !should_reload(a, b, b),
            "a version found unreadable is not read again"
        );
        assert!(
            !should_reload(a, None, None),
            "a file that is gone is left alone"
        );
        assert!(
            should_reload(None, None, a),
            "a store holding nothing reads a new file"
        );
    }

    #[test]
    fn the_version_is_read_from_the_top_of_the_file_only() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("journal.json");
        let found = |text: &str| {
            std::fs::write(&file, text).ok()?;
            version_at_top(&file)
        };
        let top = "{\n  \"format\": \"mend-journal\",\n  \"version\": 2,\n";
        assert_eq!(found(top), Some(2));
        assert_eq!(found("{\"version\":1}"), Some(1));
        let deep = format!("{{\"a\": \"{}\", \"version\": 1}}", "x".repeat(600));
        assert_eq!(found(&deep), None, "not at the top: not read");
        assert_eq!(found("not json"), None);
        assert_eq!(version_at_top(&dir.path().join("none")), None);
    }
}

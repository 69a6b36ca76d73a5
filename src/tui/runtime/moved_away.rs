//! Noticing that `mend share` or `mend join`, run in another terminal, moved the journal this
//! window writes to a shared folder: a save here would go where no one looks any more.

use std::path::{Path, PathBuf};

use crate::paths::{Paths, SharedConfig};

/// The shared folder as it was remembered when the window opened.
#[derive(Debug)]
pub(super) struct JournalHome {
    at_start: Option<SharedConfig>,
}

impl JournalHome {
    pub(super) fn at_start(paths: &Paths) -> JournalHome {
        JournalHome {
            at_start: SharedConfig::read(&paths.shared_config).ok().flatten(),
        }
    }

    /// Where the journal went, when a shared folder remembered since the window opened left
    /// this window's journal behind.
    pub(super) fn moved_to(&self, paths: &Paths) -> Option<PathBuf> {
        let now = SharedConfig::read(&paths.shared_config).ok().flatten()?;
        if self.at_start.as_ref() == Some(&now) {
            return None;
        }
        let here = std::fs::canonicalize(&paths.journal).ok()?;
        let left = std::fs::canonicalize(now.left_behind.as_ref()?).ok()?;
        (here == left).then_some(now.folder)
    }
}

/// Why a save is refused once the journal moved to `folder`: what to do first, so a long
/// path cut off at the end of the notice takes nothing that matters with it.
pub(super) fn moved_words(folder: &Path) -> String {
    format!(
        "While mend was open, the journal moved to a shared folder, so nothing was written here: quit and open mend again to write there ({}).",
        folder.display()
    )
}

/// Brings the writing kept while the journal lived at its old path (drafts and words kept
/// from an editor) into the shared journal's drafts folder, so it is offered back there;
/// a file of the same name already there is left as it is, and so is the old one then.
pub(super) fn adopt_left_behind_drafts(paths: &Paths) {
    let Ok(Some(shared)) = SharedConfig::read(&paths.shared_config) else {
        return;
    };
    let (Some(left), Some(state), Some(config)) = (
        shared.left_behind.as_ref(),
        paths.backups_root.parent(),
        paths.shared_config.parent(),
    ) else {
        return;
    };
    if paths.journal != shared.folder {
        return;
    }
    let old = Paths::under(left.clone(), state, config).drafts;
    let Ok(read) = std::fs::read_dir(&old) else {
        return;
    };
    let entries: Vec<std::fs::DirEntry> = read.flatten().collect();
    // A window still open on the old path keeps writing its drafts there: they are brought
    // over once it has quit, with their newest words.
    let still_open = entries.iter().any(|entry| {
        entry.path().extension().is_some_and(|e| e == "lock")
            && matches!(crate::store::HeldLock::try_take(&entry.path()), Ok(None))
    });
    if still_open {
        return;
    }
    if crate::store::create_private_dir(&paths.drafts).is_err() {
        return;
    }
    for entry in entries {
        let name = entry.file_name();
        let words = Path::new(&name)
            .extension()
            .is_some_and(|e| e == "json" || e == "md");
        let target = paths.drafts.join(&name);
        if words && entry.file_type().is_ok_and(|t| t.is_file()) && !target.exists() {
            // Same folder tree, so a rename: the words are never copied or left half-moved.
            let _ = std::fs::rename(entry.path(), target);
        }
    }
}

//! Where mend keeps things: the journal, backups, drafts and the couple's own prompts.

use anyhow::{Result, anyhow};
use directories::ProjectDirs;
use std::path::{Path, PathBuf};

use crate::journal::file_key;

/// Every place on disk mend reads or writes.
#[derive(Debug, Clone)]
pub struct Paths {
    pub journal: PathBuf,
    /// Holds one backup folder per journal.
    pub backups_root: PathBuf,
    /// Unsaved writing, kept as it is typed.
    pub drafts: PathBuf,
    /// The couple's own prompts, added to the built-in ones.
    pub prompts: PathBuf,
    /// Small things the app remembers between runs (like who was here last).
    pub ui_state: PathBuf,
}

impl Paths {
    /// The paths for a journal chosen with `--journal`/`MEND_JOURNAL`, or the default one.
    pub fn resolve(journal: Option<PathBuf>) -> Result<Paths> {
        let dirs = ProjectDirs::from("", "", "mend").ok_or_else(|| {
            anyhow!("Could not find your home folder to keep the journal in; choose a file with --journal PATH or MEND_JOURNAL.")
        })?;
        let state = dirs
            .state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_owned();
        let journal = match journal {
            Some(path) if !path.as_os_str().is_empty() => path,
            _ => dirs.data_dir().join("journal.json"),
        };
        Ok(Paths::under(journal, &state, dirs.config_dir()))
    }

    /// The paths for `journal`, with mend's own files under `state` and `config`.
    pub fn under(journal: PathBuf, state: &Path, config: &Path) -> Paths {
        let id = file_key(&journal);
        Paths {
            backups_root: state.join("backups"),
            drafts: state.join("drafts").join(&id),
            ui_state: state.join("ui").join(format!("{id}.json")),
            prompts: config.join("prompts.json"),
            journal,
        }
    }
}

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
    /// Where mend remembers a shared folder (`mend share`, `mend join`): outside the folder.
    pub shared_config: PathBuf,
    /// This laptop's partner, if `mend join --as NAME` said so: "who is here" starts there.
    pub partner: Option<String>,
}

/// The largest settings file mend reads (`shared.json`, `prompts.json`): a few KiB in use.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// What mend remembers about a shared folder, in `shared.json` in its config folder.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SharedConfig {
    /// The folder a sync engine keeps in step.
    pub folder: PathBuf,
    /// Whose laptop this is, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The journal file this laptop used before the folder, which `mend share` and
    /// `mend join` leave as it was: `mend encrypt` seals it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_behind: Option<PathBuf>,
}

impl SharedConfig {
    /// The remembered shared folder, or `None` if there is none; a damaged file is refused
    /// with a message naming it.
    pub fn read(file: &Path) -> Result<Option<SharedConfig>> {
        // A named pipe or a device there is refused, never waited on or read without end.
        let text = match crate::small_file::read_small_text(file, MAX_SETTINGS_BYTES) {
            Ok(Some(text)) => text,
            Ok(None) => return Ok(None),
            Err(why) => {
                return Err(anyhow!(
                    "{why}, so mend cannot read where it remembers the shared folder. Remove it to go back to the journal on this computer alone, or run `mend share` or `mend join` again."
                ));
            }
        };
        serde_json::from_str(&text).map(Some).map_err(|err| {
            anyhow!(
                "{} (where mend remembers the shared folder) cannot be read: {err}. Fix it, or remove it to go back to the journal on this computer alone.",
                file.display()
            )
        })
    }
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
        let shared = SharedConfig::read(&dirs.config_dir().join("shared.json"))?;
        let (journal, partner) = match (journal, shared) {
            (Some(path), shared) if !path.as_os_str().is_empty() => {
                let partner = shared.filter(|s| s.folder == path).and_then(|s| s.partner);
                (path, partner)
            }
            (_, Some(shared)) => (shared.folder, shared.partner),
            _ => (dirs.data_dir().join("journal.json"), None),
        };
        let mut paths = Paths::under(journal, &state, dirs.config_dir());
        paths.partner = partner;
        Ok(paths)
    }

    /// Whether writing `path` would write over something of mend's own: the journal (or
    /// anything in its shared folder) or anything in mend's state and config folders, its
    /// backups and drafts among them. Symlinks are followed, so another name for the
    /// journal is caught too.
    pub fn is_mends_own(&self, path: &Path) -> bool {
        let Some(wanted) = real_path(path) else {
            return false;
        };
        let folders = [self.backups_root.parent(), self.prompts.parent()];
        // The journal, anything in it (a shared folder), and the files mend keeps beside it
        // under its name (`journal.json.lock`, a save's temp file).
        let beside = |journal: &Path| {
            let name = journal
                .file_name()
                .map(|n| format!("{}.", n.to_string_lossy()));
            wanted.parent() == journal.parent()
                && (wanted.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .zip(name)
                    .is_some_and(|(wanted, prefix)| wanted.starts_with(&prefix))
        };
        let is_the_journal = real_path(&self.journal).is_some_and(|journal| {
            wanted == journal || wanted.starts_with(&journal) || beside(&journal)
        });
        is_the_journal
            || (folders.into_iter().flatten())
                .filter_map(real_path)
                .any(|folder| wanted.starts_with(folder))
    }

    /// The paths for `journal`, with mend's own files under `state` and `config`.
    pub fn under(journal: PathBuf, state: &Path, config: &Path) -> Paths {
        let id = file_key(&journal);
        Paths {
            backups_root: state.join("backups"),
            drafts: state.join("drafts").join(&id),
            ui_state: state.join("ui").join(format!("{id}.json")),
            prompts: config.join("prompts.json"),
            shared_config: config.join("shared.json"),
            partner: None,
            journal,
        }
    }
}

/// `path` with every symlink followed, or for a file not made yet its folder's real path
/// and its name; `None` where neither can be found.
fn real_path(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Some(real);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.canonicalize().ok()?,
        _ => std::env::current_dir().ok()?,
    };
    Some(folder.join(name))
}

//! Unsaved writing, kept in a small private file as it is typed so nothing is lost.

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::journal::{Clock, PartnerId, RecordId, Stage, Visibility};
use crate::store::seal::DraftSealer;
use crate::store::{SaveSteps, create_private_dir, write_atomically};

/// A draft as an encrypted journal keeps it: whose it is, and the draft sealed with their key.
#[derive(Serialize, Deserialize)]
struct SealedDraft {
    partner: PartnerId,
    sealed: String,
}

/// Writing that has not been saved to the journal yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub partner: PartnerId,
    pub day: NaiveDate,
    pub stage: Stage,
    pub prompt_id: Option<String>,
    pub prompt: Option<String>,
    pub text: String,
    pub visibility: Visibility,
    /// The entry being edited, when this is a change to a saved entry.
    pub editing: Option<RecordId>,
    /// That entry's clock when it was opened (none in drafts from before this was kept, so
    /// their text is saved beside the entry rather than over it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<Clock>,
    pub updated: DateTime<Utc>,
}

/// The folder of one journal's drafts: one file per partner.
#[derive(Debug, Clone)]
pub struct Drafts {
    dir: PathBuf,
}

impl Drafts {
    pub fn new(dir: impl Into<PathBuf>) -> Drafts {
        Drafts { dir: dir.into() }
    }

    fn path(&self, partner: PartnerId) -> PathBuf {
        self.dir.join(format!("{partner}.json"))
    }

    /// `partner`'s draft, opened with their key when it is sealed; `None` when there is none
    /// or it does not open (it is then left on disk as it is). A plain draft met with a key
    /// (written on this laptop before the journal was encrypted elsewhere) is sealed on disk
    /// at once, before it is offered back.
    pub fn load_for(&self, partner: PartnerId, sealer: Option<&DraftSealer>) -> Option<Draft> {
        let bytes = std::fs::read(self.path(partner)).ok()?;
        if let Ok(sealed) = serde_json::from_slice::<SealedDraft>(&bytes) {
            let words = sealer?.open(&sealed.sealed)?;
            return serde_json::from_str::<Draft>(&words)
                .ok()
                .filter(|d| d.partner == partner);
        }
        let draft = serde_json::from_slice::<Draft>(&bytes)
            .ok()
            .filter(|d| d.partner == partner)?;
        if sealer.is_some() {
            // If sealing it fails (a full disk), the plain draft stays as it was: the app
            // writes it sealed with the next change, and the words are never lost.
            let _ = self.save(&draft, sealer);
        }
        Some(draft)
    }

    /// Every readable plain draft; unreadable and sealed ones are skipped (and left on disk).
    pub fn load_all(&self) -> HashMap<PartnerId, Draft> {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return HashMap::new();
        };
        read.filter_map(|e| e.ok())
            .filter_map(|e| std::fs::read(e.path()).ok())
            .filter_map(|bytes| serde_json::from_slice::<Draft>(&bytes).ok())
            .map(|d| (d.partner, d))
            .collect()
    }

    /// Writes the draft (temp file and rename, mode 0600). It survives the process being
    /// killed; it skips the fsync a journal save does, since it is written on every change.
    /// With `sealer` (an encrypted journal), the draft is sealed with its partner's key.
    pub fn save(&self, draft: &Draft, sealer: Option<&DraftSealer>) -> Result<()> {
        create_private_dir(&self.dir).with_context(|| {
            format!("Could not create the drafts folder {}", self.dir.display())
        })?;
        let bytes = match sealer {
            None => serde_json::to_vec(draft).context("Could not encode the draft")?,
            Some(sealer) => {
                let plain = zeroize::Zeroizing::new(
                    serde_json::to_string(draft).context("Could not encode the draft")?,
                );
                serde_json::to_vec(&SealedDraft {
                    partner: draft.partner,
                    sealed: sealer.seal(&plain),
                })
                .context("Could not encode the draft")?
            }
        };
        let target = self.path(draft.partner);
        write_atomically(&target, &bytes, &WithoutSync)
            .with_context(|| format!("Could not keep the draft in {}", target.display()))
    }

    /// Whether a draft of `partner`'s is in the folder.
    pub fn exists(&self, partner: PartnerId) -> bool {
        self.path(partner).symlink_metadata().is_ok()
    }

    pub fn remove(&self, partner: PartnerId) -> Result<()> {
        let path = self.path(partner);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(err) => {
                Err(err).with_context(|| format!("Could not remove the draft {}", path.display()))
            }
        }
    }
}

/// The journal's save steps minus the fsyncs: a draft is written on every change, and
/// surviving the process being killed (not a power cut) is what it needs.
struct WithoutSync;

impl SaveSteps for WithoutSync {
    fn sync_file(&self, _file: &std::fs::File) -> std::io::Result<()> {
        Ok(())
    }

    fn sync_folder(&self, _dir: &Path) -> std::io::Result<()> {
        Ok(())
    }
}

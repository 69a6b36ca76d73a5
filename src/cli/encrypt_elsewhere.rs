//! What `mend encrypt` does with words kept outside the journal: the file used before the
//! shared folder and partners' drafts are sealed, and files kept from an editor are named,
//! in every drafts folder of the journal.

use anyhow::Result;
use std::path::PathBuf;

use super::context::CommandContext;
use super::output::{warn, write_stdout};
use crate::editor::{every_kept_text, kept_texts};
use crate::journal::Journal;
use crate::journal::text::one_line;
use crate::paths::SharedConfig;
use crate::store::{RealFs, Store, parse, to_bytes, write_atomically};
use crate::tui::draft::Drafts;

/// Seals the journal file this laptop used before the shared folder (`mend share` and
/// `mend join` leave it as it was), when it is an unencrypted copy of this couple's
/// journal, and says so, or why it could not.
pub fn seal_left_behind(ctx: &CommandContext, store: &mut Store, journal: &Journal) -> Result<()> {
    if store.shared_files().is_none() {
        return Ok(());
    }
    let Ok(Some(SharedConfig {
        left_behind: Some(before),
        ..
    })) = SharedConfig::read(&ctx.paths.shared_config)
    else {
        return Ok(());
    };
    let Ok(Some(copy)) = crate::store::load(&before) else {
        return Ok(());
    };
    let sealing = store.journal().and_then(|j| j.sealing.clone());
    let Some(sealing) = sealing.filter(|_| !copy.is_sealed() && copy.same_couple(journal)) else {
        return Ok(());
    };
    match seal_copy(&before, store, &sealing) {
        Ok(()) => write_stdout(format_args!(
            "The journal file this laptop used before the shared folder, {}, is sealed now too.\n",
            before.display()
        )),
        Err(why) => {
            warn(format_args!(
                "The journal file this laptop used before the shared folder, {}, could not be sealed ({why}); it still holds the words unsealed. Delete it once you no longer need it.",
                before.display()
            ));
            Ok(())
        }
    }
}

/// The drafts folder of the path the journal was opened by, then those of every other path
/// (drafts are kept by path: a link, a path with `..`, the path before `mend share`). In the
/// others only the couple's own files are touched, known by the partners' ids in their names.
fn drafts_folders(ctx: &CommandContext) -> Vec<PathBuf> {
    let own = ctx.paths.drafts.clone();
    let others = own
        .parent()
        .and_then(|root| std::fs::read_dir(root).ok())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .filter(|path| *path != own);
    std::iter::once(own.clone()).chain(others).collect()
}

/// Seals each partner's plain draft of unsaved writing with their own key, in every drafts
/// folder; returns how many.
pub fn seal_plain_drafts(ctx: &CommandContext, store: &Store, journal: &Journal) -> usize {
    let Some(keys) = store.sealer() else {
        return 0;
    };
    let mut sealed = 0;
    for folder in drafts_folders(ctx) {
        let drafts = Drafts::new(&folder);
        for partner in &journal.partners {
            // A draft that opens without a key is a plain one.
            let (Some(draft), Some(sealer)) = (
                drafts.load_for(partner.id, None),
                keys.drafts_of(partner.id),
            ) else {
                continue;
            };
            if drafts.save(&draft, Some(&sealer)).is_ok() {
                sealed += 1;
            }
        }
    }
    sealed
}

/// Names every file of the couple's writing kept from an editor, which stays plain, and
/// what offers it again.
pub fn name_kept_texts(ctx: &CommandContext, journal: &Journal) -> Result<()> {
    let ours = |kept: &PathBuf| {
        let name = kept.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        journal
            .partners
            .iter()
            .any(|p| name.contains(&p.id.to_string()))
    };
    let mut folders = drafts_folders(ctx).into_iter();
    let own = folders.next().unwrap_or_else(|| ctx.paths.drafts.clone());
    let mut entries = Vec::new();
    for partner in &journal.partners {
        for kept in kept_texts(&own, partner.id) {
            let again = ["mend", "write", "--as", &one_line(&partner.name)];
            write_stdout(format_args!(
                "Writing kept from an editor when it could not be saved is still a plain file: {}. `{}` offers it again; delete it once it is in the journal.\n",
                kept.display(),
                crate::shell::command(&again)
            ))?;
            entries.push(kept);
        }
    }
    for kept in every_kept_text(&own)
        .into_iter()
        .filter(|k| !entries.contains(k))
    {
        write_stdout(format_args!(
            "Writing kept from an editor when it could not be saved is still a plain file: {}. The command it was typed for offers it again; delete it once it is in the journal.\n",
            kept.display(),
        ))?;
    }
    // Another folder may hold another journal's files: only the couple's own are named.
    for kept in folders
        .flat_map(|folder| every_kept_text(&folder))
        .filter(ours)
    {
        write_stdout(format_args!(
            "Writing kept from an editor when it could not be saved, while the journal was opened by another path, is still a plain file: {}. Delete it once it is in the journal.\n",
            kept.display(),
        ))?;
    }
    Ok(())
}

/// Seals the copy of the journal at `path` in place with the journal's keys (a conflict
/// copy, the file used before the shared folder); one already sealed is left as it is.
pub(super) fn seal_copy(
    path: &std::path::Path,
    store: &mut Store,
    sealing: &crate::journal::Sealing,
) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|err| err.to_string())?;
    let mut copy = parse(path, &bytes).map_err(|err| err.to_string())?;
    if copy.is_sealed() {
        return Ok(());
    }
    copy.sealing = Some(sealing.clone());
    let sealer = store
        .sealer_mut()
        .ok_or_else(|| "the keys are not held".to_owned())?;
    let sealed = sealer.seal(&copy).map_err(|err| err.to_string())?;
    let bytes = to_bytes(&sealed).map_err(|err| err.to_string())?;
    write_atomically(path, &bytes, &RealFs).map_err(|err| err.to_string())
}

//! `mend share DIR` and `mend join DIR --as NAME`: one journal on two laptops, through a
//! folder a sync engine (or git) keeps in step; each laptop writes only its own file there.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

use super::context::{CommandContext, usage};
use super::output::{say, warn};
use crate::journal::Journal;
use crate::journal::text::one_line;
use crate::paths::SharedConfig;
use crate::store::{
    Listing, RealFs, SharedFiles, Store, create_private_dir, gather, write_atomically,
};

/// Moves this laptop's journal into `dir` as its own file, and remembers the folder.
pub fn share(ctx: &CommandContext, dir: &Path) -> Result<()> {
    let folder = absolute(dir)?;
    // An encrypted journal is shared sealed, as it is: no passphrase is needed.
    let (_, journal) = ctx.load_sealed()?;
    let state = state_dir(ctx)?;
    if let Some(found) = read_folder(&folder, &state, false)?
        && journal.check_can_merge(&found).is_err()
    {
        return Err(usage(format!(
            "{} already holds the journal of another couple ({}); mend will not mix two journals. Choose another folder.",
            folder.display(),
            names(&found, "and")
        )));
    }
    create_private_dir(&folder)
        .with_context(|| format!("Could not create the folder {}", folder.display()))?;
    keep_private(&folder)?;
    let mut store = Store::on_shared_folder(&folder, &ctx.paths.backups_root, crate::now::now_utc);
    store.load()?;
    for notice in store.take_notices() {
        warn(format_args!("{notice}"));
    }
    if store.journal().is_some() {
        store.update(|here| {
            *here = here.merge(&journal).0;
            Ok(())
        })?;
    } else {
        store.create(Journal::clone(&journal))?;
    }
    let own = store.real_path();
    let left_behind = (ctx.paths.journal != folder).then(|| absolute(&ctx.paths.journal));
    remember(ctx, &folder, None, left_behind.transpose()?)?;
    say!(
        "Your journal is now shared in {}; this laptop writes only {}.",
        folder.display(),
        file_name(&own)
    )?;
    if ctx.paths.journal != folder {
        say!(
            "The journal at {} is left as it was, as a backup.",
            ctx.paths.journal.display()
        )?;
    }
    if !journal.is_sealed() {
        say!(
            "It is not encrypted: whoever runs the sync engine's servers can read everything in it, private entries and notes included. `mend encrypt` seals every word, on both laptops."
        )?;
    }
    say!(
        "On the other laptop, once the folder has arrived there, run (with the folder's path on that laptop, and the name of whose laptop it is: {}):",
        names(&journal, "or")
    )?;
    let partner = journal
        .partners
        .last()
        .map_or_else(|| "NAME".to_owned(), |p| one_line(&p.name).into_owned());
    say!(
        "  mend join {} --as {}",
        crate::shell::quoted(&folder.display().to_string()),
        crate::shell::quoted(&partner)
    )?;
    Ok(())
}

/// Makes this laptop `name`'s, on the journal shared in `dir`.
pub fn join(ctx: &CommandContext, dir: &Path, name: &str) -> Result<()> {
    let folder = absolute(dir)?;
    let state = state_dir(ctx)?;
    let Some(journal) = read_folder(&folder, &state, true)? else {
        return Err(usage(format!(
            "{} holds no journal mend can read. Run `mend share FOLDER` on the other laptop first, and wait until the sync engine has delivered the folder here.",
            folder.display()
        )));
    };
    let partner = journal.partner_named(name)?.name.clone();
    keep_private(&folder)?;
    let mut store = Store::on_shared_folder(&folder, &ctx.paths.backups_root, crate::now::now_utc);
    let own = store.real_path();
    if !own.exists() {
        store.create(journal.clone())?;
    }
    let before = &ctx.paths.journal;
    let left_behind = (before.is_file() && !before.starts_with(&folder)).then(|| absolute(before));
    remember(
        ctx,
        &folder,
        Some(partner.clone()),
        left_behind.transpose()?,
    )?;
    say!(
        "This laptop is {}'s now: mend uses the journal shared in {} and writes only {} there.",
        one_line(&partner),
        folder.display(),
        file_name(&own)
    )?;
    // A journal this laptop held before is not folded in by itself: say where it is.
    if before.is_file() && !before.starts_with(&folder) {
        say!(
            "The journal already on this laptop, {}, is left as it was. If it holds writing of its own, fold it in with: mend merge {}",
            before.display(),
            before.display()
        )?;
    }
    Ok(())
}

/// The journal in `folder` merged, `None` if it holds none; a file in its place is refused.
/// Files skipped are named on standard error when `tell`.
fn read_folder(folder: &Path, state: &Path, tell: bool) -> Result<Option<Journal>> {
    if folder.exists() && !folder.is_dir() {
        return Err(usage(format!(
            "{} is a file, not a folder; give the folder the sync engine keeps in step.",
            folder.display()
        )));
    }
    if !folder.is_dir() {
        return Ok(None);
    }
    let files = SharedFiles::new(folder, state);
    let gathered = gather(&files.own, &files.kept, &Listing::of(folder));
    for warning in gathered.warnings.iter().filter(|_| tell) {
        warn(format_args!("{warning}"));
    }
    Ok(gathered.journal)
}

fn remember(
    ctx: &CommandContext,
    folder: &Path,
    partner: Option<String>,
    left_behind: Option<PathBuf>,
) -> Result<()> {
    let file = &ctx.paths.shared_config;
    let config = SharedConfig {
        folder: folder.to_owned(),
        partner,
        left_behind,
    };
    let mut bytes = serde_json::to_vec_pretty(&config)?;
    bytes.push(b'\n');
    if let Some(parent) = file.parent() {
        create_private_dir(parent)
            .with_context(|| format!("Could not create the folder {}", parent.display()))?;
    }
    write_atomically(file, &bytes, &RealFs)
        .with_context(|| format!("Could not remember the shared folder in {}", file.display()))
}

/// The shared folder is readable only by its owner (0700), like every folder mend keeps.
fn keep_private(folder: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).with_context(
            || {
                format!(
                    "Could not make the folder {} private (mode 700)",
                    folder.display()
                )
            },
        )?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

fn state_dir(ctx: &CommandContext) -> Result<PathBuf> {
    ctx.paths
        .backups_root
        .parent()
        .map(Path::to_owned)
        .context("mend's state folder is unknown")
}

fn absolute(dir: &Path) -> Result<PathBuf> {
    std::path::absolute(dir).with_context(|| format!("Could not find the folder {}", dir.display()))
}

/// The partners' names, joined by `joined` ("and" for a couple, "or" for a choice).
fn names(journal: &Journal, joined: &str) -> String {
    let names: Vec<_> = journal.partners.iter().map(|p| one_line(&p.name)).collect();
    names.join(&format!(" {joined} "))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

//! `mend check` and `mend path`.

use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

use super::context::CommandContext;
use super::output::say;
use crate::journal::OpensWith;
use crate::journal::text::one_line;
use crate::store::{Engine, conflict_copy_engine};
use crate::words::count;

pub fn check(ctx: &CommandContext) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let shared = store.shared_files().cloned();
    let mut problems = journal.problems(ctx.today(&journal));
    if let Some(shared) = &shared {
        // Named as problems here, not also as notes.
        let skipped = &shared.skipped;
        let notes: Vec<String> = store
            .take_notices()
            .into_iter()
            .filter(|note| !skipped.contains(note))
            .collect();
        for note in notes {
            super::output::warn(format_args!("note: {note}"));
        }
        problems.extend(skipped.iter().map(|s| s.trim_end_matches('.').to_owned()));
    }
    drop(store);
    let file = shared
        .as_ref()
        .map_or_else(|| ctx.paths.journal.clone(), |s| s.own.clone());
    #[cfg(unix)]
    if file.exists() {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            problems.push(format!(
                "the file can be read by others (mode {mode:o}); run `chmod 600 {}`",
                crate::shell::quoted(&file.display().to_string())
            ));
        }
    }
    let beside = match &shared {
        Some(_) => Vec::new(),
        None => conflict_copies_beside(&ctx.paths.journal),
    };
    for (copy, engine) in beside {
        problems.push(format!(
            "{} is a conflict copy {engine} made of this journal; fold it in with `mend merge {}` (the copy is only read, never moved or deleted)",
            copy.display(),
            crate::shell::quoted(&copy.display().to_string())
        ));
    }
    let private = journal.live_entries().filter(|e| !e.is_shared()).count();
    let open = journal
        .live_promises()
        .filter(|p| p.status.is_open())
        .count();
    let names: Vec<_> = journal.partners.iter().map(|p| one_line(&p.name)).collect();
    say!(
        "{}: journal of {}, started {}.\n  {} ({private} private), {}, {} ({open} open), {}.",
        ctx.paths.journal.display(),
        names.join(" and "),
        journal.started,
        count(journal.live_entries().count(), "entry", "entries"),
        count(journal.live_checkins().count(), "check-in", "check-ins"),
        count(journal.live_promises().count(), "promise", "promises"),
        count(journal.live_kind_acts().count(), "kind act", "kind acts"),
    )?;
    let with_earlier = journal
        .live_entries()
        .filter(|e| !e.earlier_versions.is_empty())
        .count();
    if with_earlier > 0 {
        say!(
            "  {} also {} words written on another computer at the same time, kept as an earlier version. They show under the entry to whoever may read them, on screen and in `mend log`.",
            count(with_earlier, "entry", "entries"),
            if with_earlier == 1 { "keeps" } else { "keep" }
        )?;
    }
    if let Some(sealing) = &journal.sealing {
        let opens: Vec<String> = journal
            .partners
            .iter()
            .map(|p| {
                let has = |with| sealing.wrap_for(p.id, with).is_some();
                let what = match (has(OpensWith::Passphrase), has(OpensWith::RecoveryCode)) {
                    (true, true) => "a passphrase and a recovery code",
                    (true, false) => "a passphrase (no recovery code)",
                    (false, true) => "a recovery code only",
                    (false, false) => "no key",
                };
                format!("{} has {what}", one_line(&p.name))
            })
            .collect();
        say!("  Encrypted: every word is sealed; {}.", opens.join(", "))?;
    }
    if let Some(shared) = &shared {
        super::check_shared::list_files(ctx, shared)?;
    }
    if problems.is_empty() {
        say!("  No problems found.")?;
        return Ok(());
    }
    for problem in &problems {
        say!("  Problem: {problem}.")?;
    }
    bail!(
        "The journal {} has {} problem(s); see above.",
        ctx.paths.journal.display(),
        problems.len()
    )
}

/// The conflict copies sync engines left in the journal's folder, by name, sorted.
fn conflict_copies_beside(journal: &Path) -> Vec<(PathBuf, Engine)> {
    let real = crate::store::resolve(journal);
    let (Some(dir), Some(name)) = (real.parent(), real.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies: Vec<(PathBuf, Engine)> = listing
        .flatten()
        .filter_map(|item| {
            let file = item.file_name();
            let engine = conflict_copy_engine(file.to_str()?, name)?;
            Some((item.path(), engine))
        })
        .collect();
    copies.sort_by(|a, b| a.0.cmp(&b.0));
    copies
}

pub fn path(ctx: &CommandContext) -> Result<()> {
    let paths = &ctx.paths;
    match ctx.store().shared_files() {
        Some(shared) => {
            say!(
                "shared    {}  (a folder kept in step between two laptops)",
                shared.folder.display()
            )?;
            say!("this laptop writes {}", shared.own.display())?;
            say!("its copy  {}", shared.kept.display())?;
            say!("remembered in {}", paths.shared_config.display())?;
        }
        None => say!("journal   {}", paths.journal.display())?,
    }
    let backups = crate::store::Backups::for_journal(&paths.backups_root, &paths.journal);
    say!("backups   {}", backups.dir().display())?;
    say!("drafts    {}", paths.drafts.display())?;
    say!(
        "prompts   {}  (your own prompts, optional)",
        paths.prompts.display()
    )?;
    Ok(())
}

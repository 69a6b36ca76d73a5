//! `mend check` and `mend path`.

use anyhow::{Result, bail};

use super::context::CommandContext;
use super::output::say;
use crate::journal::text::one_line;
use crate::words::count;

pub fn check(ctx: &CommandContext) -> Result<()> {
    let (_, journal) = ctx.load()?;
    let mut problems = journal.problems(ctx.today(&journal));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&ctx.paths.journal)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            problems.push(format!(
                "the file can be read by others (mode {mode:o}); run `chmod 600 {}`",
                ctx.paths.journal.display()
            ));
        }
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

pub fn path(ctx: &CommandContext) -> Result<()> {
    let paths = &ctx.paths;
    say!("journal   {}", paths.journal.display())?;
    let backups = crate::store::Backups::for_journal(&paths.backups_root, &paths.journal);
    say!("backups   {}", backups.dir().display())?;
    say!("drafts    {}", paths.drafts.display())?;
    say!(
        "prompts   {}  (your own prompts, optional)",
        paths.prompts.display()
    )?;
    Ok(())
}

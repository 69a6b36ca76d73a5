//! What `mend check` says about a shared folder: each laptop's file, when it last wrote, and
//! the conflict copies waiting to be folded in.

use anyhow::Result;
use chrono::{DateTime, Utc};
use std::path::Path;

use super::context::CommandContext;
use super::output::say;
use crate::store::{CopyFate, Listing, SharedFiles};

/// Lists the laptops' files in the shared folder and any conflict copies found there.
pub fn list_files(ctx: &CommandContext, shared: &SharedFiles) -> Result<()> {
    let listing = Listing::of(&shared.folder);
    say!(
        "  Shared in {}, with {} laptop file(s):",
        shared.folder.display(),
        listing.devices.len()
    )?;
    for (path, _) in &listing.devices {
        let whose = if *path == shared.own {
            "  (this laptop)"
        } else {
            ""
        };
        say!(
            "    {}  last wrote {}{whose}",
            name(path),
            last_wrote(ctx, path)
        )?;
    }
    for (path, _) in &listing.copies {
        let fate = match shared.fate_of(path) {
            CopyFate::Merged => {
                "merged in already, and moved into conflicts-merged/ at the next save"
            }
            CopyFate::Covered => {
                "unencrypted, and the journal holds all of it: taken out of the folder at the next save"
            }
            CopyFate::Skipped => "not merged (see the problem below); left as it is",
        };
        say!("    {}  a conflict copy: {fate}", name(path))?;
    }
    Ok(())
}

fn name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// When the file was last written, in the command's own time zone.
fn last_wrote(ctx: &CommandContext, path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .map_or_else(
            |_| "at an unknown time".to_owned(),
            |time| {
                DateTime::<Utc>::from(time)
                    .with_timezone(ctx.now.offset())
                    .format("%a %-d %b %Y %H:%M")
                    .to_string()
            },
        )
}

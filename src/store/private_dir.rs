//! Folders only their owner can read: the journal's folder and the backup folders.

use anyhow::{Context, Result};
use std::path::Path;

/// Makes the journal's folder if needed, readable only by its owner.
pub fn ensure_parent(path: &Path) -> Result<()> {
    let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if parent.exists() {
        return Ok(());
    }
    create_private_dir(parent)
        .with_context(|| format!("Could not create the folder {}", parent.display()))
}

/// Creates a folder (and its parents) with mode 0700.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

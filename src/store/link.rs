//! Where a journal path really leads: a symlinked journal is read, locked and saved at its target.

use std::path::{Path, PathBuf};

/// How many links in a row are followed before giving up, as the system itself does.
const MOST_LINKS: usize = 40;

/// The file `path` leads to once every symlink at its end is followed, even a link to a
/// file not made yet. A path that is not a link is returned as it is.
pub fn resolve(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    for _ in 0..MOST_LINKS {
        let Ok(target) = std::fs::read_link(&current) else {
            return current;
        };
        // A relative target is relative to the link's own folder; `join` keeps an absolute one.
        current = match current.parent() {
            Some(folder) => folder.join(target),
            None => target,
        };
    }
    current
}

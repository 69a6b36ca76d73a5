//! Setting a journal others on the computer may read back to 0600, and saying so.

use std::path::Path;

use super::{Store, set_private};

impl Store {
    /// A journal others may read (after a `git checkout` or a copy, say) is set back to 0600.
    /// Only a regular file: a folder, a pipe or a link in a shared folder named like a
    /// laptop's file is skipped when the folder is read, and what it is or points to is not
    /// mend's to change.
    pub(super) fn make_private_again(&mut self, real: &Path) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let Ok(meta) = std::fs::symlink_metadata(real) else {
                return;
            };
            if !meta.file_type().is_file() {
                return;
            }
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 == 0 {
                return;
            }
            // A shared folder's files are named as they are; a single journal by the path given.
            let path = match self.shared {
                Some(_) => real.display(),
                None => self.path.display(),
            };
            self.notices.push(match set_private(real) {
                Ok(()) => format!(
                    "The journal {path} could be read by others on this computer (mode {mode:o}); mend made it private again (mode 600)."
                ),
                Err(err) => format!(
                    "The journal {path} can be read by others on this computer (mode {mode:o}), and mend could not change that ({err}); run `chmod 600 {path}`."
                ),
            });
        }
        #[cfg(not(unix))]
        let _ = real;
    }
}

//! This computer's device id, for the clocks of the changes made here. It is kept in
//! mend's state folder, never beside the journal, so a synced folder never carries it.

use std::io::Write;
use std::path::Path;

use crate::journal::Device;

use super::private_dir::create_private_dir;

/// The device id kept in `file`, made (eight random bytes, 0600) if there is none yet.
///
/// The file also holds where it lives on disk (its inode, on Unix; not the filesystem's
/// device number, which some systems renumber at boot). A copy of
/// it brought to another computer, by restoring a backup or copying a home folder, lives
/// somewhere else: that is noticed and the copy is replaced with a new id, so two computers
/// never stamp their changes as one. If the file cannot be read or written, a fresh id is
/// used for this run only: a change is then stamped by a device no other run shares, which
/// the merge handles like any other computer.
pub fn this_device(file: &Path) -> Device {
    if let Some((device, stamp)) = read(file) {
        match (stamp, place_of(file)) {
            // An id written as "device:inode" by an earlier build is compared by its inode.
            (Some(kept), Some(here)) if kept.rsplit(':').next() != Some(here.as_str()) => {
                // A copy from another computer: this one needs an id of its own.
                let _ = std::fs::remove_file(file);
            }
            (None, Some(here)) => {
                // Written before ids knew their place: this is where it lives.
                let _ = write_place(file, &device, &here);
                return device;
            }
            _ => return device,
        }
    }
    let device = Device::from_random(random_bytes());
    if write_new(file, device.as_str()).is_ok()
        && let Some(here) = place_of(file)
    {
        let _ = write_place(file, &device, &here);
    }
    // Another process may have made the file first: its id is the one to keep.
    read(file).map_or(device, |(kept, _)| kept)
}

/// The id in `file` and the place it was written at, if the file says.
fn read(file: &Path) -> Option<(Device, Option<String>)> {
    // A named pipe put there is not waited on; the id is made again instead.
    let text = crate::small_file::read_small_text(file, 4096).ok()??;
    let mut lines = text.lines();
    let device = Device::parse(lines.next()?)?;
    let place = lines.next().map(str::trim).filter(|p| !p.is_empty());
    Some((device, place.map(str::to_owned)))
}

/// Where `file` lives: its inode, which a copy made elsewhere does not share.
#[cfg(unix)]
fn place_of(file: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(file).ok()?;
    Some(meta.ino().to_string())
}

#[cfg(not(unix))]
fn place_of(_file: &Path) -> Option<String> {
    None
}

/// Adds the place to the id's file, in place (so its inode stays the same).
fn write_place(file: &Path, device: &Device, place: &str) -> std::io::Result<()> {
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(file)?;
    out.write_all(format!("{}\n{place}\n", device.as_str()).as_bytes())?;
    out.sync_all()
}

fn write_new(file: &Path, id: &str) -> std::io::Result<()> {
    if let Some(parent) = file.parent() {
        create_private_dir(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = options.open(file)?;
    out.write_all(format!("{id}\n").as_bytes())?;
    out.sync_all()
}

/// Eight bytes from the operating system's randomness: the random tail of a new UUIDv7.
fn random_bytes() -> [u8; 8] {
    let bytes = *uuid::Uuid::now_v7().as_bytes();
    let mut out = [0; 8];
    out.copy_from_slice(&bytes[8..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_id_is_made_once_and_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state").join("device");
        let first = this_device(&file);
        assert_eq!(first.as_str().len(), 16);
        assert_eq!(this_device(&file), first);
        assert_eq!(this_device(&file), first, "read back again, still the same");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_copy_brought_from_another_computer_gets_an_id_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state").join("device");
        let first = this_device(&file);
        // A backup restored elsewhere: the same bytes, in a file that lives somewhere else.
        let restored = dir.path().join("other").join("device");
        std::fs::create_dir_all(restored.parent().unwrap()).unwrap();
        std::fs::copy(&file, &restored).unwrap();
        let second = this_device(&restored);
        assert_ne!(second, first, "the copy is replaced with a new id");
        assert_eq!(
            this_device(&restored),
            second,
            "and that id is kept from then on"
        );
        assert_eq!(
            this_device(&file),
            first,
            "the first computer keeps its own"
        );
    }

    #[test]
    fn an_id_written_before_it_knew_its_place_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("device");
        std::fs::write(&file, "0123456789abcdef\n").unwrap();
        let kept = this_device(&file);
        assert_eq!(kept.as_str(), "0123456789abcdef");
        assert_eq!(this_device(&file), kept);
    }
}

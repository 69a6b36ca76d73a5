//! This computer's device id, for the clocks of the changes made here. It is kept in
//! mend's state folder, never beside the journal, so a synced folder never carries it.

use std::io::Write;
use std::path::Path;

use crate::journal::Device;

use super::private_dir::create_private_dir;

/// The device id kept in `file`, made (eight random bytes, 0600) if there is none yet.
/// If the file cannot be read or written, a fresh id is used for this run only: a change
/// is then stamped by a device no other run shares, which the merge handles like any
/// other computer.
pub fn this_device(file: &Path) -> Device {
    if let Some(device) = std::fs::read_to_string(file)
        .ok()
        .and_then(|text| Device::parse(&text))
    {
        return device;
    }
    let device = Device::from_random(random_bytes());
    let _ = write_new(file, device.as_str());
    // Another process may have made the file first: its id is the one to keep.
    std::fs::read_to_string(file)
        .ok()
        .and_then(|text| Device::parse(&text))
        .unwrap_or(device)
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
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }
}

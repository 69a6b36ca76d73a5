//! A short, stable name for one journal file, to keep its backups and drafts apart from others'.

use std::path::Path;

/// The journal's file stem and a hash of its absolute path, like `journal-1f0c…`: the same
/// journal always gets the same name, and two journals with one file name get two.
///
/// The store names the backup folder with it and the paths name the drafts and window state,
/// so it lives below both.
pub fn file_key(journal: &Path) -> String {
    let absolute = std::path::absolute(journal).unwrap_or_else(|_| journal.to_owned());
    let stem = journal
        .file_stem()
        .map_or_else(|| "journal".into(), |s| s.to_string_lossy().into_owned());
    format!(
        "{stem}-{:016x}",
        fnv1a(absolute.to_string_lossy().as_bytes())
    )
}

/// The 64-bit FNV-1a hash: stable across builds and platforms, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

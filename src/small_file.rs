//! Reading a file mend expects to be small and regular without waiting on or reading without
//! end whatever else may sit at its path (a named pipe, a device, a folder).

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Opens for reading without waiting: opening a FIFO would otherwise block until a writer came.
pub fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// What a path that is not a regular file is, as said in an error.
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "something else"
    }
}

/// The text of the regular file at `path`, `Ok(None)` when there is none. Anything else at
/// the path, a file over `max` bytes, or one that is not UTF-8 is an error naming the path.
pub fn read_small_text(path: &Path, max: u64) -> Result<Option<String>, String> {
    let named = |what: String| format!("{} {what}", path.display());
    let mut file = match open_nonblocking(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(named(format!("could not be read: {err}"))),
    };
    let meta = file
        .metadata()
        .map_err(|err| named(format!("could not be read: {err}")))?;
    if !meta.is_file() {
        return Err(named(format!("is {}, not a regular file", kind_of(&meta))));
    }
    let mut bytes = Vec::new();
    (&mut file)
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| named(format!("could not be read: {err}")))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
        return Err(named(format!("is larger than {max} bytes")));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| named("is not UTF-8 text".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::read_small_text;

    #[test]
    fn a_missing_file_is_none_and_a_large_or_odd_one_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let path = dir.path().join("shared.json");
        assert_eq!(read_small_text(&path, 10), Ok(None));
        std::fs::write(&path, "{}").expect("written");
        assert_eq!(read_small_text(&path, 10), Ok(Some("{}".to_owned())));
        std::fs::write(&path, "x".repeat(11)).expect("written");
        let large = read_small_text(&path, 10).unwrap_err();
        assert!(
            large.contains("shared.json is larger than 10 bytes"),
            "{large}"
        );
        let folder = read_small_text(dir.path(), 10).unwrap_err();
        assert!(
            folder.contains("is a folder, not a regular file"),
            "{folder}"
        );
    }
}

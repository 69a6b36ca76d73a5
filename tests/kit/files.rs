//! Looking through a folder's files for words, as a test checks that none stay readable.

use std::path::{Path, PathBuf};

/// Every file under `dir`, with its bytes.
pub fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_default();
                all.push((path, bytes));
            }
        }
    }
    all
}

/// The files under `dir` that hold `words` readable.
pub fn holding(dir: &Path, words: &str) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(words.len()).any(|w| w == words.as_bytes()))
        .map(|(path, _)| path)
        .collect()
}

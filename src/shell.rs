//! Words and paths as they can be pasted into a shell, for the commands mend suggests.

use std::borrow::Cow;

/// `text` as one shell word: as it is when it is plain, in quotes when it holds a space, a
/// quote or anything else a shell would read apart (shlex's quoting, which every POSIX shell
/// reads back). A nul byte, which no shell word can hold, is left out.
pub fn quoted(text: &str) -> Cow<'_, str> {
    match shlex::try_quote(text) {
        Ok(word) => word,
        Err(_) => Cow::Owned(quoted(&text.replace('\0', "")).into_owned()),
    }
}

/// A command line mend suggests, each word quoted as [`quoted`] does.
pub fn command(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| quoted(word))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_command_splits_back_into_the_same_words() {
        let words = [
            "mend",
            "write",
            "--as",
            "Mary Ann",
            "O'Neil",
            "/home/sam/My Journal/journal.json",
            "$HOME",
            "",
            "plain",
        ];
        let line = command(&words);
        assert_eq!(shlex::split(&line), Some(words.map(str::to_owned).to_vec()));
        assert_eq!(quoted("plain"), "plain", "plain words stay as they are");
        assert_eq!(shlex::split(&quoted("a\0b")), Some(vec!["ab".to_owned()]));
    }
}

//! What a journal that cannot be parsed is told in: the field and what was wrong, never a value from the file.
//!
//! serde's messages quote the value they could not read ("unknown variant `It is late, but
//! I wanted…`"), and in a journal that value is often a partner's words. This is the one
//! place that turns them into words of mend's own, with the field's path in the file.

use serde_json::error::Category;

use crate::journal::Journal;
use crate::journal::text::one_line;

/// The message for a failure to read `bytes` as a journal: serde's `message` (without its
/// position) rewritten so no value from the file is quoted, and the field's path, like
/// `entries[3].stage`, when the file is valid JSON with a value mend cannot use.
pub fn describe(message: &str, category: Category, bytes: &[u8]) -> String {
    let what = match category {
        Category::Data => without_values(message),
        // A syntax message names what was expected, not what was found. In a file that is
        // JSON all through it is about one value (a `null` where a choice belongs), so its
        // field is named too; elsewhere the line and column say where the file breaks.
        Category::Syntax if is_json(bytes) => format!("a value mend cannot read ({message})"),
        Category::Syntax | Category::Eof | Category::Io => return message.to_owned(),
    };
    match field(bytes) {
        Some(field) => format!("the field `{field}` has {what}"),
        None => what,
    }
}

/// Whether `bytes` are JSON all through, whatever their shape.
fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// Where the value that failed sits, found by reading the file again with its path tracked
/// (only ever on this path of failure, so loading a good journal costs nothing more).
fn field(bytes: &[u8]) -> Option<String> {
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    let err = serde_path_to_error::deserialize::<_, Journal>(&mut reader).err()?;
    let path = err.path().to_string();
    // Keys are the file's own: keep them short and printable.
    let path: String = one_line(&path).chars().take(80).collect();
    (path != ".").then_some(path)
}

/// serde's data error in mend's words: the kind of value found and what was expected,
/// never the value itself.
fn without_values(message: &str) -> String {
    // serde writes "…, expected X" last, and X comes from mend's code, never from the file.
    let expected = message
        .rfind(", expected ")
        .map(|at| &message[at + 2..])
        .unwrap_or("");
    let with_expected = |found: &str| match expected {
        "" => found.to_owned(),
        expected => format!("{found} where mend {expected}"),
    };
    if message.starts_with("unknown variant ") {
        return with_expected("an unknown value");
    }
    for (start, found) in [
        ("invalid type: ", "the wrong kind of value"),
        ("invalid value: ", "a value that is not valid"),
    ] {
        if let Some(rest) = message.strip_prefix(start) {
            let kind = rest.split(['"', '`', ',']).next().unwrap_or("").trim();
            let plain = !kind.is_empty()
                && kind.len() <= 20
                && kind.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
            return match plain {
                true => with_expected(&format!("{found} ({kind})")),
                false => with_expected(found),
            };
        }
    }
    let safe_start = ["invalid length ", "missing field `", "duplicate field `"];
    if safe_start.iter().any(|s| message.starts_with(s)) {
        return format!("a problem: {message}");
    }
    // Anything else (a date or id that does not parse, say): keep what was expected,
    // drop what was found.
    let cut = message.find(", found").or_else(|| message.find(" found "));
    let kept = cut
        .map_or(message, |at| &message[..at])
        .trim_end_matches([':', ',', ' ']);
    if kept.contains(['"', '`']) && cut.is_none() {
        return "a value mend cannot read".to_owned();
    }
    format!("a value mend cannot read: {kept}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_never_quoted() {
        for (message, words) in [
            (
                "unknown variant `It is late, but I wanted`, expected one of `communication`, `reciprocity`, `healing`",
                "an unknown value where mend expected one of `communication`, `reciprocity`, `healing`",
            ),
            (
                "invalid type: string \"my secret\", expected u8",
                "the wrong kind of value (string) where mend expected u8",
            ),
            (
                "invalid value: integer `99`, expected a rating",
                "a value that is not valid (integer) where mend expected a rating",
            ),
            (
                "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `I` at 1",
                "a value mend cannot read: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]",
            ),
            ("missing field `text`", "a problem: missing field `text`"),
        ] {
            assert_eq!(without_values(message), words, "{message}");
        }
    }
}

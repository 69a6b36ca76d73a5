//! Journal text made safe to show: the one place that decides what a control character becomes.
//!
//! # Neutralised at output, not refused at input
//!
//! Entry text, notes, promises, kind acts and names reach mend from more places than its
//! own input checks: a hand-edited file, the other laptop's file in a shared folder, a file
//! written by an older mend, a merge of all of them. A rule at input alone could never cover
//! those, and a partner who edits the shared file by hand could still put `ESC ] 52` (set the
//! clipboard) or `ESC [ 2 J` (clear the screen) in front of the other. So the journal keeps
//! the words exactly as they were written, and every way out of mend goes through
//! [`printable`] (or [`one_line`] where the text must stay on one line):
//!
//! - the command line's standard output and error (`cli::output`), whatever prints there
//!   (clap's usage errors, which quote what was typed, included), and the strings of its
//!   JSON listings before they are serialized;
//! - the weekly summary, as Markdown, HTML and JSON alike (`export::summary` builds every
//!   format from text that went through here);
//! - the full-screen UI: what is pasted goes through [`printable`] (the editor) or
//!   [`one_line`] (one-line fields); what is drawn goes through ratatui's buffer, which
//!   drops every control character (so a carriage return or an escape is left out there
//!   rather than marked) before anything reaches the terminal. A check of every cell per
//!   frame would add nothing but the noncharacters, which only HTML forbids, for 6.6 µs of
//!   a 79 µs frame (80×24, release build, measured with a throwaway test in this change).
//!
//! Partner names are the one exception, refused at input as well (`check_name`): a name is
//! shown in every heading, so it should be plain from the start.
//!
//! What a character becomes:
//! - `\n` and `\t` stay;
//! - `\r\n` becomes `\n`, and a lone `\r` also becomes `\n`: a carriage return was meant as a
//!   line break, and shown as one it can neither hide the text before it (a terminal would
//!   write over it) nor start a heading or a list where mend does not (each line is then
//!   escaped like any other);
//! - every other C0 control, DEL, every C1 control, the Unicode noncharacters (which HTML
//!   forbids) and the bidirectional embeddings, overrides and isolates (which can show words
//!   in another order than they were written) become U+FFFD, so the reader sees that
//!   something was there.
//!
//! JSON is treated like any other output: a program that prints a string it read from
//! `mend log --json` (`jq -r`) writes straight to a terminal, so the strings are cleaned
//! before they are serialized, not only escaped by it.

use std::borrow::Cow;

/// What stands in for a character that must not be shown.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` must never reach a terminal or an export (line breaks and tabs may).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_noncharacter(c) || is_bidi_control(c)
}

/// The embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) that make text
/// show in an order other than the one it was written in, so words could pass for others.
/// The plain marks (U+200E, U+200F) stay: they only nudge the order of their neighbours.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// U+FDD0..U+FDEF and the last two code points of every plane.
fn is_noncharacter(c: char) -> bool {
    let code = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// The text with its line breaks and tabs, and nothing else that a terminal or an export
/// would read as a command (see the module's notes). Borrowed when nothing needs changing.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c if is_unsafe(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`printable`], for a place that holds one line (a list row, a form field): line
/// breaks and tabs become single spaces, so the text cannot start a line of its own.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let printable = printable(text);
    if !printable.contains(['\n', '\t']) {
        return printable;
    }
    Cow::Owned(printable.replace(['\n', '\t'], " "))
}

/// `text` with its first letter a capital, to begin a sentence with words from elsewhere.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_tabs_stay_and_plain_text_is_borrowed() {
        let text = "a\tb\nc ünïcödé 😊";
        assert!(matches!(printable(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escapes_bells_and_c1_become_replacement_characters() {
        assert_eq!(
            printable("\u{1b}]52;c;cm0gLXJmIH4=\u{7}x\u{0}\u{7f}\u{9b}2J"),
            "\u{fffd}]52;c;cm0gLXJmIH4=\u{fffd}x\u{fffd}\u{fffd}\u{fffd}2J"
        );
        assert_eq!(
            printable("a\u{fdd0}\u{ffff}\u{10fffe}"),
            "a\u{fffd}\u{fffd}\u{fffd}"
        );
    }

    #[test]
    fn bidirectional_overrides_and_isolates_are_replaced_and_plain_marks_stay() {
        // "Trojan Source": an override shows "kept" where "not kept" reads backwards.
        assert_eq!(
            printable("I \u{202E}tpek ton\u{202C} it"),
            "I \u{fffd}tpek ton\u{fffd} it"
        );
        assert_eq!(printable("\u{2066}a\u{2069}"), "\u{fffd}a\u{fffd}");
        let hebrew = "שלום\u{200F} ok\u{200E}";
        assert_eq!(printable(hebrew), hebrew);
    }

    #[test]
    fn a_carriage_return_is_a_line_break_and_cannot_hide_text() {
        assert_eq!(printable("secret\rshown"), "secret\nshown");
        assert_eq!(printable("windows\r\nline"), "windows\nline");
        assert_eq!(printable("\r\r\n"), "\n\n");
    }

    #[test]
    fn one_line_keeps_everything_on_its_line() {
        assert_eq!(one_line("a\nb\r\nc\td\re"), "a b c d e");
        assert!(matches!(one_line("plain"), Cow::Borrowed("plain")));
    }
}

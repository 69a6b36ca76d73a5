//! The summary as Markdown that reads well as plain text: no HTML, and user text escaped.

use super::document::{Block, Inline, document};
use super::summary::Summary;
use crate::journal::text::one_line;

/// The summary as Markdown, ending in one newline.
pub fn render(summary: &Summary) -> String {
    let blocks: Vec<String> = document(summary).iter().map(block).collect();
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// Blocks as Markdown, ending in one newline (for a part of the summary shown on its own).
pub fn render_blocks(blocks: &[Block]) -> String {
    let blocks: Vec<String> = blocks.iter().map(block).collect();
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading(level, title) => {
            format!(
                "{} {}",
                "#".repeat(usize::from(*level)),
                escape(one_line(title).trim())
            )
        }
        Block::Paragraph(inlines) | Block::Lead(inlines) => at_line_start(&inline(inlines)),
        Block::List(items) => items
            .iter()
            .map(|item| format!("- {}", at_line_start(&inline(item))))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Quote(text) => {
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            lines
                .iter()
                .enumerate()
                .map(|(at, line)| {
                    if line.is_empty() {
                        return ">".to_owned();
                    }
                    // A line followed by another in the same paragraph ends in a hard break,
                    // so the partner's line breaks stay line breaks.
                    let next_is_text = lines.get(at + 1).is_some_and(|next| !next.is_empty());
                    let end = if next_is_text { HARD_BREAK } else { "" };
                    format!("> {}{end}", at_line_start(&escape(line)))
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

/// Two spaces before a line break: a line break in the rendered page, invisible as plain text.
const HARD_BREAK: &str = "  ";

/// A partner's words inside a line, their line breaks kept as hard breaks. The lines after
/// the first are indented, so they stay inside a list item, and escaped at their start.
fn written(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    lines
        .iter()
        .enumerate()
        .map(|(at, line)| match at {
            0 => escape(line),
            _ => format!("  {}", at_line_start(&escape(line))),
        })
        .collect::<Vec<_>>()
        .join(&format!("{HARD_BREAK}\n"))
}

/// Runs of text on one line (line breaks become spaces), except a partner's [`Inline::Written`]
/// words, whose line breaks are kept as hard breaks.
fn inline(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|run| match run {
            Inline::Text(text) => escape(&one_line(text)),
            Inline::Strong(text) => delimited("**", text),
            Inline::Emphasis(text) => delimited("*", text),
            Inline::Written(text) => written(text),
        })
        .collect()
}

/// Text between emphasis marks, trimmed: a mark next to a space would not be read as one.
fn delimited(mark: &str, text: &str) -> String {
    match one_line(text).trim() {
        "" => String::new(),
        text => format!("{mark}{}{mark}", escape(text)),
    }
}

/// Backslash-escapes what Markdown would read as markup anywhere in a line: emphasis,
/// code, links, HTML, entities, strikethrough, heading marks and table cells.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a list, a quote or a heading underline at the start of a line
/// (`- `, `+ `, `1. `, `=`), after `escape`.
fn at_line_start(escaped: &str) -> String {
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let rest = &escaped[digits..];
    if digits > 0
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")")
    {
        return format!("{}\\{}", &escaped[..digits], rest);
    }
    match escaped.chars().next() {
        Some('-' | '+' | '=') => format!("\\{escaped}"),
        _ => escaped.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(
            escape("<b>hi</b> *so* [x](y) `z` _a_ &amp; #1 ~~s~~"),
            "\\<b\\>hi\\</b\\> \\*so\\* \\[x\\](y) \\`z\\` \\_a\\_ \\&amp; \\#1 \\~\\~s\\~\\~"
        );
        assert_eq!(at_line_start("- not a list"), "\\- not a list");
        assert_eq!(at_line_start("1. not a list"), "1\\. not a list");
        assert_eq!(at_line_start("2026 was hard"), "2026 was hard");
        assert_eq!(at_line_start("=== "), "\\=== ");
    }

    #[test]
    fn a_quote_keeps_its_lines_and_its_blank_lines() {
        let quoted = block(&Block::Quote("First line\n\n- second\n  > third".into()));
        assert_eq!(quoted, "> First line\n>\n> \\- second  \n> \\> third");
    }
}

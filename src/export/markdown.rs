//! The summary as Markdown that reads well as plain text: no HTML, and user text escaped.

use super::document::{Block, Inline, document};
use super::summary::Summary;

/// The summary as Markdown, ending in one newline.
pub fn render(summary: &Summary) -> String {
    let blocks: Vec<String> = document(summary).iter().map(block).collect();
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading(level, title) => {
            format!("{} {}", "#".repeat(usize::from(*level)), escape(title))
        }
        Block::Paragraph(inlines) => at_line_start(&inline(inlines)),
        Block::List(items) => items
            .iter()
            .map(|item| format!("- {}", inline(item)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Quote(text) => text
            .lines()
            .map(|line| match line.trim() {
                "" => ">".to_owned(),
                line => format!("> {}", at_line_start(&escape(line))),
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Runs of text on one line (line breaks in user text become spaces).
fn inline(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|run| match run {
            Inline::Text(text) => escape(&one_line(text)),
            Inline::Strong(text) => format!("**{}**", escape(&one_line(text))),
            Inline::Emphasis(text) => format!("*{}*", escape(&one_line(text))),
        })
        .collect()
}

fn one_line(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join(" ")
}

/// Backslash-escapes what Markdown would read as markup anywhere in a line: emphasis,
/// code, links, HTML, entities, strikethrough and heading marks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '#'
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
        assert_eq!(quoted, "> First line\n>\n> \\- second\n> \\> third");
    }
}

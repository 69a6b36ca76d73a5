//! The summary as one self-contained HTML page with inline CSS that prints well on A4.

use std::fmt::Write;

use super::document::{Block, Inline, document};
use super::summary::Summary;

const STYLE: &str = "\
@page { size: A4; margin: 18mm 16mm; }
body { font-family: Charter, 'Bitstream Charter', 'Iowan Old Style', Georgia, 'Times New Roman', serif;
  font-size: 11.5pt; line-height: 1.5; color: #222; background: #fff; max-width: 42em; margin: 2em auto; padding: 0 1em;
  overflow-wrap: anywhere; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.08em; margin-bottom: .3em; }
h4 { font-size: 1em; font-style: italic; font-weight: normal; margin-bottom: .2em; }
h2, h3, h4, .lead { break-after: avoid; page-break-after: avoid; }
p, li, blockquote { break-inside: avoid; page-break-inside: avoid; }
ul { padding-left: 1.3em; }
blockquote { margin: .3em 0 1em; padding-left: 1em; border-left: 3px solid #bbb; white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } }
";

/// The summary as an HTML document, ending in one newline.
pub fn render(summary: &Summary) -> String {
    let blocks = document(summary);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading(1, title) => Some(title.as_str()),
            _ => None,
        })
        .unwrap_or("Weekly summary");
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(title)
    );
    for b in &blocks {
        out.push_str(&block(b));
        out.push('\n');
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading(level, title) => format!("<h{level}>{}</h{level}>", escape(title)),
        Block::Paragraph(inlines) => format!("<p>{}</p>", inline(inlines)),
        Block::Lead(inlines) => format!("<p class=\"lead\">{}</p>", inline(inlines)),
        Block::List(items) => {
            let items: String = items
                .iter()
                .map(|item| format!("<li>{}</li>\n", inline(item)))
                .collect();
            format!("<ul>\n{items}</ul>")
        }
        Block::Quote(text) => format!("<blockquote dir=\"auto\">{}</blockquote>", escape(text)),
    }
}

fn inline(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|run| match run {
            Inline::Text(text) => escape(text),
            Inline::Strong(text) => format!("<strong>{}</strong>", escape(text)),
            Inline::Emphasis(text) => format!("<em>{}</em>", escape(text)),
            Inline::Written(text) => {
                format!("<bdi>{}</bdi>", escape(text.trim()).replace('\n', "<br>\n"))
            }
        })
        .collect()
}

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        let quote = block(&Block::Quote("a <b>\nline".into()));
        assert_eq!(
            quote,
            "<blockquote dir=\"auto\">a &lt;b&gt;\nline</blockquote>"
        );
    }
}

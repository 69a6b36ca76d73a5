//! Text as the screens show it: tabs opened up to tab stops, names fitted to a column, and
//! words wrapped under their own first line.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Columns between tab stops.
pub const TAB_STOP: usize = 4;

/// `line` with each tab replaced by the spaces up to the next tab stop (a terminal cell
/// cannot hold a tab, so it would otherwise vanish).
pub fn expand_tabs(line: &str) -> String {
    if !line.contains('\t') {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + TAB_STOP);
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let spaces = TAB_STOP - column % TAB_STOP;
            out.extend(std::iter::repeat_n(' ', spaces));
            column += spaces;
        } else {
            out.push(c);
            column += c.width().unwrap_or(0);
        }
    }
    out
}

/// How many columns `text` takes on screen.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `text` in exactly `columns` columns: cut with an ellipsis when wider, padded with spaces
/// when narrower.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    if width(text) <= columns {
        out.push_str(text);
        used = width(text);
    } else if columns > 0 {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > columns - 1 {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// `items` joined by `separator` after `lead`, as lines at most `columns` wide: broken
/// between items, and inside one only where it cannot fit on a line of its own. Every line
/// after the first starts with `indent` spaces (at most half the width), so wrapped words
/// stay under their block instead of running back to the screen's edge.
pub fn hanging<'a>(
    lead: Span<'a>,
    items: &[String],
    separator: &str,
    indent: usize,
    columns: usize,
) -> Vec<Line<'a>> {
    let mut out = Hanging {
        lines: Vec::new(),
        used: width(&lead.content),
        spans: vec![lead],
        text: String::new(),
        indent: " ".repeat(indent.min(columns / 2)),
    };
    for (i, item) in items.iter().enumerate() {
        let gap = if i == 0 { "" } else { separator };
        if !out.text.is_empty() && out.used + width(gap) + width(item) > columns {
            out.next_line();
        }
        for (j, word) in item.split(' ').enumerate() {
            let mut before = match (out.text.is_empty(), j) {
                (true, _) => "",
                (false, 0) => gap,
                (false, _) => " ",
            };
            if !out.text.is_empty() && out.used + width(before) + width(word) > columns {
                out.next_line();
                before = "";
            }
            out.text.push_str(before);
            out.text.push_str(word);
            out.used += width(before) + width(word);
        }
    }
    out.next_line();
    out.lines
}

/// `line` broken at spaces into lines at most `columns` wide, each after the first starting
/// with `indent` spaces (at most half the width), its styles kept: a field's words wrap
/// under the words, not under its label. A word longer than a line is left for the
/// paragraph to break.
pub fn hang_line(line: Line<'static>, indent: usize, columns: usize) -> Vec<Line<'static>> {
    let indent = indent.min(columns / 2);
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let style = span.style;
        for piece in span.content.split_inclusive(' ') {
            let word = piece.trim_end_matches(' ');
            let spaces = piece.len() - word.len();
            // A styled space is the cursor: it moves to the next line rather than vanish.
            let needed = if word.is_empty() && style != ratatui::style::Style::default() {
                spaces
            } else {
                width(word)
            };
            if needed > 0 && used > indent && used + needed > columns {
                lines.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            let kept = spaces.min(columns.saturating_sub(used + width(word)));
            let text = format!("{word}{}", " ".repeat(kept));
            used += width(&text);
            spans.push(Span::styled(text, style));
        }
    }
    lines.push(Line::from(spans));
    lines
}

/// The lines [`hanging`] has made so far, and the one it is filling.
struct Hanging<'a> {
    lines: Vec<Line<'a>>,
    spans: Vec<Span<'a>>,
    text: String,
    used: usize,
    indent: String,
}

impl Hanging<'_> {
    /// Ends the line being filled and starts the next at the indent.
    fn next_line(&mut self) {
        self.spans.push(Span::raw(std::mem::take(&mut self.text)));
        self.lines.push(Line::from(std::mem::take(&mut self.spans)));
        self.spans.push(Span::raw(self.indent.clone()));
        self.used = self.indent.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_field_wraps_under_its_words_with_its_cursor() {
        let cursor =
            ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED);
        let line = Line::from(vec![
            Span::raw("Alex      "),
            Span::raw("I feel alone when plans change"),
            Span::styled(" ", cursor),
        ]);
        let lines = hang_line(line, 10, 30);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            ["Alex      I feel alone when ", "          plans change "],
            "{text:?}"
        );
        assert!(text.iter().all(|l| width(l) <= 30));
        let last = lines
            .last()
            .and_then(|l| l.spans.last())
            .expect("the cursor");
        assert_eq!(last.style, cursor, "the cursor is kept");
    }

    #[test]
    fn tabs_open_to_the_next_stop() {
        assert_eq!(expand_tabs("a\tb"), "a   b");
        assert_eq!(expand_tabs("\tx"), "    x");
        assert_eq!(expand_tabs("abcd\te"), "abcd    e");
        assert_eq!(expand_tabs("日\tx"), "日  x");
    }

    #[test]
    fn names_fit_their_column() {
        assert_eq!(fit("Sam", 5), "Sam  ");
        assert_eq!(fit("Alexandria", 6), "Alexa…");
        assert_eq!(fit("Zoë", 3), "Zoë");
        assert_eq!(fit("日本語", 4), "日… ");
        assert_eq!(fit("x", 0), "");
    }

    fn shown(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wrapped_items_keep_under_their_first_line() {
        let items = ["safety 4.0 (first week)", "trust 4.0 (first week)"].map(str::to_owned);
        let lines = hanging(Span::raw("  Sam  "), &items, " · ", 7, 40);
        assert_eq!(
            shown(&lines),
            [
                "  Sam  safety 4.0 (first week)",
                "       trust 4.0 (first week)"
            ]
        );
        let all = hanging(Span::raw("  Sam  "), &items, " · ", 7, 80);
        assert_eq!(
            shown(&all),
            ["  Sam  safety 4.0 (first week) · trust 4.0 (first week)"]
        );
        // An item too long for a line of its own breaks between its words, still indented.
        let long = ["one two three four five six".to_owned()];
        assert_eq!(
            shown(&hanging(Span::raw("  "), &long, "", 2, 12)),
            ["  one two", "  three four", "  five six"]
        );
        // The indent never takes more than half the width.
        assert_eq!(
            shown(&hanging(Span::raw(""), &items, " · ", 30, 24)),
            [
                "safety 4.0 (first week)",
                "            trust 4.0",
                "            (first week)"
            ]
        );
    }
}

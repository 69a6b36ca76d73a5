//! Text as the screens show it: tabs opened up to tab stops, and names fitted to a column.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}

//! A search query: words matched ignoring case, accents and how the spaces between them fall.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What someone looks for, folded once: lower case, accents dropped, spaces made single.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    folded: String,
}

impl Query {
    /// The query for `text`, or `None` when it holds nothing but spaces (or only accents).
    pub fn new(text: &str) -> Option<Query> {
        let mut folded = String::new();
        fold(text, &mut folded, |_, _| {});
        let folded = folded.trim().to_owned();
        (!folded.is_empty()).then_some(Query { folded })
    }

    /// The query as it is matched: "Été  au café" is "ete au cafe".
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Whether every text that holds this query also holds `earlier`, so this query's hits
    /// are among `earlier`'s (as when one more letter is typed).
    pub fn narrows(&self, earlier: &Query) -> bool {
        self.folded.contains(&earlier.folded)
    }

    /// Whether `text` holds the query anywhere.
    pub fn matches(&self, text: &str) -> bool {
        if text.is_ascii() {
            if self.is_one_ascii_word() {
                return self.next_plain(text.as_bytes(), 0).is_some();
            }
            return !self.find_ascii(text).is_empty();
        }
        let mut folded = String::with_capacity(text.len());
        fold(text, &mut folded, |_, _| {});
        folded.contains(&self.folded)
    }

    /// Where in `text` the query is, as byte ranges of `text` itself (whole characters, with
    /// any accents that were written apart from their letter), in order and not overlapping.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        if text.is_ascii() {
            if self.is_one_ascii_word() {
                return self.find_plain(text);
            }
            return self.find_ascii(text);
        }
        self.find_any(text)
    }

    /// Whether the query is ASCII with no space in it: then, in ASCII text, it is found by
    /// comparing bytes without case, with nothing folded or copied (the common case, and the
    /// one every keystroke of a first word takes).
    fn is_one_ascii_word(&self) -> bool {
        self.folded.is_ascii() && !self.folded.contains(' ')
    }

    /// Where the query (one ASCII word) next starts in `text` at or after `from`.
    fn next_plain(&self, text: &[u8], from: usize) -> Option<usize> {
        let word = self.folded.as_bytes();
        let first = *word.first()?;
        let last_start = text.len().checked_sub(word.len())?;
        (from..=last_start).find(|&at| {
            text[at].to_ascii_lowercase() == first
                && text[at..at + word.len()].eq_ignore_ascii_case(word)
        })
    }

    /// [`Query::find`] for one ASCII word in ASCII text: its places, not overlapping, with
    /// places that touch joined into one range.
    fn find_plain(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let len = self.folded.len();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let mut from = 0;
        while let Some(at) = self.next_plain(bytes, from) {
            match ranges.last_mut() {
                Some(before) if before.end >= at => before.end = at + len,
                _ => ranges.push(at..at + len),
            }
            from = at + len;
        }
        ranges
    }

    /// [`Query::find`] for any text.
    fn find_any(&self, text: &str) -> Vec<Range<usize>> {
        let mut folded = String::with_capacity(text.len());
        fold(text, &mut folded, |_, _| {});
        let spans: Vec<Range<usize>> = folded
            .match_indices(&self.folded)
            .map(|(at, found)| at..at + found.len())
            .collect();
        if spans.is_empty() {
            return spans;
        }
        // Fold again, following which characters of `text` each folded one came from, and
        // turn each span of the folded text into the characters it covers.
        let mut ranges = Ranges {
            spans: &spans,
            next: 0,
            start: None,
            found: Vec::with_capacity(spans.len()),
        };
        let mut current: Range<usize> = 0..0;
        folded.clear();
        fold(text, &mut folded, |at, from| match from {
            Source::New(range) => {
                ranges.settle(at, &current);
                current = range;
            }
            Source::Dropped(end) => current.end = end,
        });
        ranges.settle(usize::MAX, &current);
        ranges.found
    }
}

impl Query {
    /// [`Query::find`] for ASCII text, most of any journal, in one pass: each byte is a
    /// character, only case and runs of white space to fold.
    fn find_ascii(&self, text: &str) -> Vec<Range<usize>> {
        let mut folded = Vec::with_capacity(text.len());
        // For each run of white space folded to one space: where that space is in `folded`,
        // and how many bytes of `text` were left out up to the end of the run.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut left_out = 0;
        for &byte in text.as_bytes() {
            let space = byte == b' ' || (b'\t'..=b'\r').contains(&byte);
            match (space, folded.last()) {
                (true, Some(b' ')) => {
                    left_out += 1;
                    let at = folded.len() - 1;
                    match runs.last_mut() {
                        Some(run) if run.0 == at => run.1 = left_out,
                        _ => runs.push((at, left_out)),
                    }
                }
                (true, _) => folded.push(b' '),
                (false, _) => folded.push(byte.to_ascii_lowercase()),
            }
        }
        let Ok(folded) = String::from_utf8(folded) else {
            return Vec::new();
        };
        // Bytes of `text` left out before the folded byte `at` (`through`: or just after it).
        let left_before = |at: usize, through: bool| {
            let runs_before = runs.partition_point(|r| r.0 < at || (through && r.0 == at));
            runs_before.checked_sub(1).map_or(0, |i| runs[i].1)
        };
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (at, found) in folded.match_indices(&self.folded) {
            let last = at + found.len() - 1;
            let range = at + left_before(at, false)..last + 1 + left_before(last, true);
            match ranges.last_mut() {
                Some(before) if before.end >= range.start => before.end = before.end.max(range.end),
                _ => ranges.push(range),
            }
        }
        ranges
    }
}

/// Turns spans of folded text into ranges of the text, as the folding goes on.
struct Ranges<'s> {
    spans: &'s [Range<usize>],
    /// The span being turned.
    next: usize,
    /// Where it starts in the text, once known.
    start: Option<usize>,
    found: Vec<Range<usize>>,
}

impl Ranges<'_> {
    /// The characters of the folded text before `upto` came from `last`, at the latest:
    /// settle every span edge that lies before it.
    fn settle(&mut self, upto: usize, last: &Range<usize>) {
        while let Some(span) = self.spans.get(self.next) {
            let start = match self.start {
                Some(start) => start,
                None if span.start < upto => *self.start.insert(last.start),
                None => return,
            };
            if span.end > upto {
                return;
            }
            match self.found.last_mut() {
                Some(before) if before.end >= start => before.end = before.end.max(last.end),
                _ => self.found.push(start..last.end),
            }
            self.next += 1;
            self.start = None;
        }
    }
}

/// Where a piece of the folded text came from.
enum Source {
    /// A folded character from these bytes of the text.
    New(Range<usize>),
    /// Bytes up to here folded to nothing (an accent written apart, a second space): they
    /// belong with the character before.
    Dropped(usize),
}

/// Appends `text` folded to `out`: lower case, letters without their accents (by compatibility
/// decomposition, then dropping the combining marks), and each run of white space as one
/// space. Tells `origin` where each folded character begins in `out` and what it came from.
fn fold(text: &str, out: &mut String, mut origin: impl FnMut(usize, Source)) {
    let mut after_space = false;
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        // Most of any text: a letter, digit or mark of ASCII, only made lower case.
        if c.is_ascii_graphic() {
            after_space = false;
            origin(out.len(), Source::New(start..end));
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_whitespace() {
            if after_space {
                origin(out.len(), Source::Dropped(end));
            } else {
                origin(out.len(), Source::New(start..end));
                out.push(' ');
            }
            after_space = true;
            continue;
        }
        after_space = false;
        if c.is_ascii() {
            origin(out.len(), Source::New(start..end));
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut any = false;
        for letter in c.to_lowercase().nfkd().filter(|d| !is_combining_mark(*d)) {
            if !any {
                origin(out.len(), Source::New(start..end));
                any = true;
            }
            out.push(letter);
        }
        if !any {
            origin(out.len(), Source::Dropped(end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
        let Some(query) = Query::new(query) else {
            return Vec::new();
        };
        query.find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn case_and_accents_do_not_matter_either_way() {
        assert_eq!(found("cafe", "Le Café du coin"), ["Café"]);
        assert_eq!(found("CAFÉ", "un cafe noir"), ["cafe"]);
        assert_eq!(found("ÉTÉ", "tout l'été, été"), ["été", "été"]);
        assert_eq!(found("zoe", "Zoë said so"), ["Zoë"]);
        assert!(Query::new("naive").is_some_and(|q| q.matches("So NAÏVE of me")));
        assert!(Query::new("walk").is_some_and(|q| !q.matches("we talked")));
    }

    #[test]
    fn an_accent_written_apart_from_its_letter_is_part_of_the_match() {
        let decomposed = "cafe\u{301} au lait";
        assert_eq!(found("café", decomposed), ["cafe\u{301}"]);
        assert_eq!(found("e", "e\u{301}"), ["e\u{301}"]);
    }

    #[test]
    fn spaces_and_line_breaks_between_words_match_one_space() {
        assert_eq!(found("came home", "I came\n  home late"), ["came\n  home"]);
        assert_eq!(found("  came   home ", "came home"), ["came home"]);
    }

    #[test]
    fn a_query_of_nothing_finds_nothing() {
        assert_eq!(Query::new("   "), None);
        assert_eq!(Query::new("\u{301}"), None);
        assert_eq!(
            Query::new(" Été ")
                .map(|q| q.folded().to_owned())
                .as_deref(),
            Some("ete")
        );
    }

    #[test]
    fn ranges_are_whole_characters_of_the_text_and_do_not_overlap() {
        let text = "Ǆ İstanbul ﬁne 😊 ÅÅÅ";
        for query in ["dž", "i", "istanbul", "ﬁ", "😊", "aa", "a"] {
            let Some(q) = Query::new(query) else {
                continue;
            };
            let ranges = q.find(text);
            assert!(!ranges.is_empty(), "{query}");
            for pair in ranges.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{query}: {ranges:?}");
            }
            for r in ranges {
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
        assert_eq!(found("aa", "ÅÅÅ"), ["ÅÅ"]);
    }

    proptest::proptest! {
        #[test]
        fn ascii_text_is_found_as_any_text_is(
            text in "[aAbB \t\n\r\x0b\x0c.]{0,40}",
            query in "[aAbB \n]{1,4}",
        ) {
            if let Some(query) = Query::new(&query) {
                proptest::prop_assert_eq!(query.find_ascii(&text), query.find_any(&text));
                proptest::prop_assert_eq!(query.find(&text), query.find_any(&text));
                proptest::prop_assert_eq!(query.matches(&text), !query.find_any(&text).is_empty());
            }
        }
    }

    #[test]
    fn a_longer_query_narrows_a_shorter_one() {
        let q = |text| Query::new(text).unwrap();
        assert!(q("Caf").narrows(&q("ca")));
        assert!(q("a café").narrows(&q("CAFE")));
        assert!(!q("ca").narrows(&q("caf")));
        assert!(!q("cb").narrows(&q("ca")));
    }
}

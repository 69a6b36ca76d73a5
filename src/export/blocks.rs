//! The blocks and runs of text a summary is made of, and its one way of naming a day.

use chrono::NaiveDate;

/// A run of text: every kind is escaped by the renderer, so user text is always safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// On one line: a line break in it becomes a space.
    Text(String),
    Strong(String),
    Emphasis(String),
    /// A partner's own words inside a line (a check-in note): its line breaks are kept and
    /// it reads in its own direction (Arabic or Hebrew inside an English line, say).
    Written(String),
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the title.
    Heading(u8, String),
    Paragraph(Vec<Inline>),
    /// A paragraph that introduces the block after it (the prompt an entry answers), kept
    /// on the same printed page as that block.
    Lead(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    /// Text written by a partner, its line breaks kept.
    Quote(String),
}

/// "Monday 23 November".
pub fn long_day(day: NaiveDate) -> String {
    day.format("%A %-d %B").to_string()
}

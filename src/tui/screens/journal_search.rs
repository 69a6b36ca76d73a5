//! Search in the journal: a line to type the words in, the hits newest first with the words
//! marked, and one hit opened.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::ops::Range;

use crate::journal::text::is_unsafe;
use crate::journal::{Hit, Journal, PartnerId, Query, RecordId, narrow};
use crate::tui::keys::tables::{SEARCH, SEARCH_HIT, SearchKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::theme::Theme;
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::rows::{name_columns, rows_in_view};
use crate::tui::widgets::text;

/// The most characters a search may have.
const MOST_QUERY_CHARS: usize = 80;
/// How many characters a hit's line shows before its first match.
const LEAD_CHARS: usize = 16;

/// What is typed, what it found, and which hit is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub input: LineInput,
    /// What the typed words find, newest first.
    pub hits: Vec<Hit>,
    /// The query `hits` are for, while they hold for the journal as it is.
    pub searched: Option<Query>,
    pub selected: usize,
    /// A hit that is not an entry, shown whole.
    pub showing: bool,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState {
            input: LineInput::new(MOST_QUERY_CHARS),
            hits: Vec::new(),
            searched: None,
            selected: 0,
            showing: false,
        }
    }
}

/// What a key did in the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchOutcome {
    Stay,
    /// Leave the search for the list.
    Leave,
    /// Open this entry.
    Open(RecordId),
}

impl SearchState {
    /// Looks again for what is typed, as `reader` may read the journal at `now`.
    pub fn run(&mut self, journal: &Journal, reader: PartnerId, now: DateTime<FixedOffset>) {
        self.searched = None;
        self.typed(journal, reader, now);
    }

    /// Looks for what is typed: among the hits already found when the words only grew (one
    /// more letter typed), else through the whole journal.
    fn typed(&mut self, journal: &Journal, reader: PartnerId, now: DateTime<FixedOffset>) {
        let chosen = self.hits.get(self.selected).map(|h| (h.record, h.kind));
        let query = Query::new(self.input.text());
        let earlier = std::mem::take(&mut self.hits);
        self.hits = match (&query, &self.searched) {
            (Some(query), Some(before)) if query.narrows(before) => narrow(earlier, query),
            (Some(query), _) => journal.search(query, reader, now),
            (None, _) => Vec::new(),
        };
        self.searched = query;
        self.selected = chosen
            .and_then(|c| self.hits.iter().position(|h| (h.record, h.kind) == c))
            .unwrap_or(0);
        self.showing &= !self.hits.is_empty();
    }

    /// Whether letters are typed into the search now.
    pub fn types_text(&self) -> bool {
        !self.showing
    }

    pub fn handle_key(
        &mut self,
        key: KeyEvent,
        journal: &Journal,
        reader: PartnerId,
        now: DateTime<FixedOffset>,
    ) -> SearchOutcome {
        let last = self.hits.len().saturating_sub(1);
        let table = if self.showing { SEARCH_HIT } else { SEARCH };
        match command(table, key, !self.showing) {
            Some(SearchKey::Up) => self.selected = self.selected.saturating_sub(1),
            Some(SearchKey::Down) => self.selected = (self.selected + 1).min(last),
            Some(SearchKey::Back) if self.showing => self.showing = false,
            Some(SearchKey::Back) if self.input.text().is_empty() => return SearchOutcome::Leave,
            Some(SearchKey::Back) => {
                self.input = LineInput::new(MOST_QUERY_CHARS);
                self.run(journal, reader, now);
            }
            Some(SearchKey::Open) => match self.hits.get(self.selected) {
                Some(Hit {
                    entry: Some(entry), ..
                }) => return SearchOutcome::Open(*entry),
                Some(_) => self.showing = true,
                None => {}
            },
            None if self.showing => {}
            None => {
                if self.input.on_key(key) {
                    self.typed(journal, reader, now);
                }
            }
        }
        SearchOutcome::Stay
    }

    /// Pasted text joins the search.
    pub fn paste(
        &mut self,
        text: &str,
        journal: &Journal,
        reader: PartnerId,
        now: DateTime<FixedOffset>,
    ) {
        if !self.showing {
            self.input.paste(text);
            self.typed(journal, reader, now);
        }
    }

    pub fn bindings(&self) -> Vec<Hint> {
        hints(if self.showing { SEARCH_HIT } else { SEARCH })
    }
}

/// How the query's words are marked among the others: bold and underlined, so they show
/// without colour too.
fn marked(theme: Theme) -> Style {
    theme
        .gentle()
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// `text` as spans, the `ranges` marked; line breaks and tabs become spaces and anything a
/// terminal would read as a command a visible mark.
fn spans(text: &str, ranges: &[Range<usize>], theme: Theme) -> Vec<Span<'static>> {
    let clean = |part: &str| -> String {
        part.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                c if is_unsafe(c) => crate::journal::text::REPLACEMENT,
                c => c,
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut at = 0;
    for range in ranges {
        if range.start > at {
            out.push(Span::raw(clean(&text[at..range.start])));
        }
        out.push(Span::styled(clean(&text[range.clone()]), marked(theme)));
        at = range.end;
    }
    if at < text.len() {
        out.push(Span::raw(clean(&text[at..])));
    }
    out
}

/// Where a hit's line starts: a little before its first match, at a character.
fn lead(hit: &Hit) -> usize {
    let first = hit.ranges.first().map_or(0, |r| r.start);
    hit.text[..first]
        .char_indices()
        .rev()
        .nth(LEAD_CHARS - 1)
        .map_or(0, |(at, _)| at)
}

/// One hit on the list, from a little before its first match.
fn hit_line(journal: &Journal, hit: &Hit, names: usize, theme: Theme) -> Line<'static> {
    let from = lead(hit);
    let ranges: Vec<Range<usize>> = hit
        .ranges
        .iter()
        .map(|r| r.start - from..r.end - from)
        .collect();
    let mut line = vec![
        Span::styled(hit.day.format("%a %e %b %Y").to_string(), theme.muted()),
        Span::raw(format!(
            "  {}  ",
            text::fit(journal.name_of(hit.author), names)
        )),
        Span::styled(format!("{:<15}", hit.kind.label()), theme.muted()),
    ];
    if from > 0 {
        line.push(Span::raw("…"));
    }
    line.extend(spans(&hit.text[from..], &ranges, theme));
    Line::from(line)
}

/// The search: the line being typed, then the hits, or the one shown whole.
pub fn draw(journal: &Journal, search: &SearchState, theme: Theme, frame: &mut Frame, area: Rect) {
    let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let mut typed = search.input.line("Search", !search.showing, theme);
    if !search.hits.is_empty() {
        typed.push_span(Span::styled(
            format!(
                "  {}",
                crate::words::count(search.hits.len(), "found", "found")
            ),
            theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(typed), top);
    if search.input.answer().is_none() {
        frame.render_widget(
            Paragraph::new(
                "Type to look through what you may read: entries and their replies, check-in \
                 notes, promises and kind acts. Case and accents do not matter.",
            )
            .style(theme.muted())
            .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    if search.hits.is_empty() {
        let asked = text::expand_tabs(search.input.text().trim());
        frame.render_widget(
            Paragraph::new(format!("Nothing found for “{asked}”."))
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    if search.showing
        && let Some(hit) = search.hits.get(search.selected)
    {
        draw_hit(journal, hit, theme, frame, body);
        return;
    }
    let names = name_columns(journal);
    // Only the hits that fit are drawn.
    let (first, height) = rows_in_view(search.selected, body);
    let lines: Vec<Line> = search
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(at, hit)| {
            let chosen = at == search.selected;
            let mut line = hit_line(journal, hit, names, theme);
            line.spans
                .insert(0, Span::raw(if chosen { "› " } else { "  " }));
            if chosen {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// A hit that is not an entry, whole: a check-in note, a promise, a kind act or a note on one.
fn draw_hit(journal: &Journal, hit: &Hit, theme: Theme, frame: &mut Frame, area: Rect) {
    let title = format!(
        " {} · {} · {} ",
        journal.name_of(hit.author),
        hit.day.format("%A %-d %B %Y"),
        hit.kind.label()
    );
    frame.render_widget(
        Paragraph::new(Line::from(spans(&hit.text, &hit.ranges, theme)))
            .block(
                Block::new()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(title),
            )
            .wrap(Wrap { trim: false }),
        area,
    );
}

//! The journal: entries newest first, filtered by partner and stage, to read, change or delete.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::journal::{Entry, Journal, PartnerId, RecordId, Stage};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{JOURNAL, JournalKey, READ};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::screens::journal_search::{self, SearchOutcome, SearchState};
use crate::tui::view::View;
use crate::tui::widgets::text;

/// The widest a name is shown on the list; longer names end in "…".
const NAME_COLUMNS: usize = 12;

/// One entry on the list: where it is in the journal now, and which entry it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Index into the journal's entries, valid until the journal changes (then rows are rebuilt).
    pub index: usize,
    /// The entry's id, which stays the same when other entries are added.
    pub id: RecordId,
}

/// The journal screen's state: the filters, the rows they give, and what is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrowseState {
    pub partner_filter: Option<PartnerId>,
    pub stage_filter: Option<Stage>,
    /// The entries shown, newest first; rebuilt when the journal or a filter changes.
    pub rows: Vec<Row>,
    pub selected: usize,
    /// The entry being read, and how far it is scrolled.
    pub reading: Option<Row>,
    pub scroll: u16,
    /// The search, while it is open (`/`); an entry opened from it returns to it.
    pub search: Option<SearchState>,
}

impl BrowseState {
    /// Rebuilds the rows: entries `reader` may see (shared ones and their own private ones).
    /// The selected and open entries are found again by id, since indexes may have moved.
    pub fn rebuild(&mut self, journal: &Journal, reader: Option<PartnerId>) {
        let selected_id = self.rows.get(self.selected).map(|row| row.id);
        let mut rows: Vec<Row> = journal
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.meta.deleted)
            .filter(|(_, e)| e.is_shared() || Some(e.meta.author) == reader)
            .filter(|(_, e)| self.partner_filter.is_none_or(|p| e.meta.author == p))
            .filter(|(_, e)| self.stage_filter.is_none_or(|s| e.stage == s))
            .map(|(index, e)| Row {
                index,
                id: e.meta.id,
            })
            .collect();
        rows.sort_by(|a, b| {
            let (a, b) = (&journal.entries[a.index], &journal.entries[b.index]);
            (b.day, b.meta.created).cmp(&(a.day, a.meta.created))
        });
        self.rows = rows;
        let find = |id: RecordId| self.rows.iter().position(|row| row.id == id);
        self.selected = selected_id
            .and_then(find)
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
        self.reading = self
            .reading
            .and_then(|open| find(open.id))
            .map(|at| self.rows[at]);
    }

    /// Opens the entry `id` to read, wherever it is in the journal.
    fn open(&mut self, journal: &Journal, id: RecordId) {
        let index = journal.entries.iter().position(|e| e.meta.id == id);
        self.reading = index.map(|index| Row { index, id });
        self.scroll = 0;
    }

    pub fn selected_entry<'a>(&self, journal: &'a Journal) -> Option<&'a Entry> {
        self.rows
            .get(self.selected)
            .and_then(|row| journal.entries.get(row.index))
    }
}

impl View for BrowseState {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let (Some(journal), Some(me)) = (ctx.journal, ctx.partner) else {
            return None;
        };
        let browse = self;
        if browse.reading.is_none()
            && let Some(search) = &mut browse.search
        {
            match search.handle_key(key, journal, me, ctx.now) {
                SearchOutcome::Stay => {}
                SearchOutcome::Leave => browse.search = None,
                SearchOutcome::Open(id) => browse.open(journal, id),
            }
            return None;
        }
        let entry = match browse.reading {
            Some(row) => journal.entries.get(row.index),
            None => browse.selected_entry(journal),
        };
        let own = entry.filter(|e| e.meta.author == me).map(|e| e.meta.id);
        let page = 10;
        let reading = browse.reading.is_some();
        let table = if reading { READ } else { JOURNAL };
        match command(table, key, false)? {
            JournalKey::Back if reading => browse.reading = None,
            JournalKey::Back => return Some(Action::GoHome),
            JournalKey::Up if reading => browse.scroll = browse.scroll.saturating_sub(1),
            JournalKey::Down if reading => browse.scroll = browse.scroll.saturating_add(1),
            JournalKey::Up => browse.selected = browse.selected.saturating_sub(1),
            JournalKey::Down => {
                browse.selected = (browse.selected + 1).min(browse.rows.len().saturating_sub(1));
            }
            JournalKey::PageUp => browse.selected = browse.selected.saturating_sub(page),
            JournalKey::PageDown => {
                browse.selected = (browse.selected + page).min(browse.rows.len().saturating_sub(1))
            }
            JournalKey::First => browse.selected = 0,
            JournalKey::Last => browse.selected = browse.rows.len().saturating_sub(1),
            JournalKey::Read => {
                browse.reading = browse.rows.get(browse.selected).copied();
                browse.scroll = 0;
            }
            JournalKey::Partner => {
                let ids: Vec<Option<PartnerId>> = std::iter::once(None)
                    .chain(journal.partners.iter().map(|p| Some(p.id)))
                    .collect();
                let at = ids
                    .iter()
                    .position(|p| *p == browse.partner_filter)
                    .unwrap_or(0);
                browse.partner_filter = ids[(at + 1) % ids.len()];
                browse.rebuild(journal, Some(me));
            }
            JournalKey::Stage => {
                browse.stage_filter = match browse.stage_filter {
                    None => Some(Stage::Communication),
                    Some(Stage::Healing) => None,
                    Some(stage) => Some(stage.next()),
                };
                browse.rebuild(journal, Some(me));
            }
            JournalKey::Edit => match own {
                Some(id) => return Some(Action::EditEntry(id)),
                None if entry.is_some() => {
                    return Some(Action::Warn(
                        "Only the partner who wrote an entry can change it.".to_owned(),
                    ));
                }
                None => {}
            },
            JournalKey::Delete => match own {
                Some(id) => return Some(Action::ConfirmDelete(id)),
                None if entry.is_some() => {
                    return Some(Action::Warn(
                        "Only the partner who wrote an entry can delete it.".to_owned(),
                    ));
                }
                None => {}
            },
            JournalKey::Undo => return Some(Action::UndoDelete),
            JournalKey::Search => browse.search = Some(SearchState::default()),
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self, frame, area);
    }

    fn title(&self, name: &str) -> String {
        format!("Journal · {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        match (self.reading, &self.search) {
            (Some(_), _) => hints(READ),
            (None, Some(search)) => search.bindings(),
            (None, None) => hints(JOURNAL),
        }
    }

    fn on_journal_changed(&mut self, ctx: &Ctx) {
        if let Some(journal) = ctx.journal {
            self.rebuild(journal, ctx.partner);
            if let (Some(search), Some(me)) = (&mut self.search, ctx.partner) {
                search.run(journal, me, ctx.now);
            }
        }
    }

    fn types_text(&self) -> bool {
        self.reading.is_none() && self.search.as_ref().is_some_and(SearchState::types_text)
    }

    fn on_paste(&mut self, text: &str, ctx: &Ctx) -> Option<Action> {
        if let (None, Some(search), Some(journal), Some(me)) =
            (self.reading, &mut self.search, ctx.journal, ctx.partner)
        {
            search.paste(text, journal, me, ctx.now);
        }
        None
    }
}

fn draw(ctx: &Ctx, browse: &BrowseState, frame: &mut Frame, area: Rect) {
    let Some(journal) = ctx.journal else {
        return;
    };
    let theme = ctx.theme;
    if let (None, Some(search)) = (browse.reading, &browse.search) {
        journal_search::draw(journal, search, theme, frame, area);
        return;
    }
    let [filters, body] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let who = browse
        .partner_filter
        .map_or("both of you", |p| journal.name_of(p));
    let stage = browse.stage_filter.map_or("all stages", Stage::title);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                crate::words::count(browse.rows.len(), "entry", "entries"),
                theme.heading(),
            ),
            Span::styled(format!(" · by {who} · {stage}"), theme.muted()),
        ])),
        filters,
    );
    if let Some(row) = browse.reading
        && let Some(entry) = journal.entries.get(row.index)
    {
        draw_entry(ctx, journal, entry, browse.scroll, frame, body);
        return;
    }
    if browse.rows.is_empty() {
        frame.render_widget(
            Paragraph::new("Nothing here yet. Entries you write will gather here, newest first.")
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    // Every row's columns line up: the day is padded ("Tue  3 Nov"), and names take the
    // width of the longer name, up to NAME_COLUMNS.
    let name_columns = journal
        .partners
        .iter()
        .map(|p| text::width(&p.name))
        .max()
        .unwrap_or(0)
        .min(NAME_COLUMNS);
    // Only the rows that fit are drawn, so a ten-year journal costs the same as a new one.
    let height = usize::from(body.height.max(1));
    let first = browse.selected.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = browse
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .filter_map(|(at, row)| journal.entries.get(row.index).map(|e| (at, e)))
        .map(|(at, e)| {
            let chosen = at == browse.selected;
            let first_line = e.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let private = if e.is_shared() { "" } else { " (private)" };
            let line = Line::from(vec![
                Span::raw(if chosen { "› " } else { "  " }),
                Span::styled(e.day.format("%a %e %b %Y").to_string(), theme.muted()),
                Span::raw(format!(
                    "  {} ",
                    text::fit(journal.name_of(e.meta.author), name_columns)
                )),
                Span::styled(format!("{:<14}", e.stage.as_str()), theme.muted()),
                Span::raw(format!("{}{private}", text::expand_tabs(first_line))),
            ]);
            if chosen {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn draw_entry(
    ctx: &Ctx,
    journal: &Journal,
    entry: &Entry,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = ctx.theme;
    let private = if entry.is_shared() {
        ""
    } else {
        " · private (hidden from your partner; not encrypted)"
    };
    let title = format!(
        " {} · {} · {}{private} ",
        journal.name_of(entry.meta.author),
        entry.day.format("%A %-d %B %Y"),
        entry.stage.title()
    );
    let mut lines = Vec::new();
    if let Some(prompt) = &entry.prompt {
        lines.push(Line::styled(prompt.clone(), theme.prompt()));
        lines.push(Line::raw(""));
    }
    lines.extend(entry.text.lines().map(|l| Line::raw(text::expand_tabs(l))));
    frame.render_widget(
        Paragraph::new(lines)
            .block(
                Block::new()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(title),
            )
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

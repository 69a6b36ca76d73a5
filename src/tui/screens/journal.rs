//! The journal: entries newest first, filtered by partner and stage, to read, change or delete.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::journal_draw;
use crate::journal::{Entry, Journal, PartnerId, Reader, RecordId, Sight, Stage};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{JOURNAL, JournalKey, READ, READ_EARLIER, READ_THEIRS};
use crate::tui::keys::{Binding, Hint, command, hints};
use crate::tui::popups::dialog::Dialog;
use crate::tui::popups::reply_form::ReplyForm;
use crate::tui::screens::journal_search::{SearchOutcome, SearchState};
use crate::tui::view::View;

/// One entry on the list: where it is in the journal now, and which entry it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Index into the journal's entries, valid until the journal changes (then rows are rebuilt).
    pub index: usize,
    /// The entry's id, which stays the same when other entries are added.
    pub id: RecordId,
    /// When its author changed it after it opened to the reader.
    pub edited: Option<DateTime<Utc>>,
    /// Whether the reader wrote it (their keys are edit and delete; a partner's, reply).
    pub mine: bool,
    /// Whether the reader wrote it and it keeps earlier versions, which they may let go.
    pub earlier: bool,
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
    /// Rebuilds the rows: entries `reader` may read at `now` (their own, and the other's
    /// shared ones once open: tonight's wait until the reader has written). The selected and
    /// open entries are found again by id, since indexes may have moved.
    pub fn rebuild(
        &mut self,
        journal: &Journal,
        reader: Option<PartnerId>,
        now: DateTime<FixedOffset>,
    ) {
        let selected_id = self.rows.get(self.selected).map(|row| row.id);
        let reader = reader.map_or(Reader::Both, Reader::Partner);
        // Worked out once, so a ten-year journal costs one pass rather than one per entry.
        let first = journal.first_written();
        let mut rows: Vec<Row> = journal
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.meta.deleted)
            .filter(|(_, e)| self.partner_filter.is_none_or(|p| e.meta.author == p))
            .filter(|(_, e)| self.stage_filter.is_none_or(|s| e.stage == s))
            .filter_map(
                |(index, e)| match journal.sight_with(&first, e, reader, now) {
                    Sight::Open { edited } => Some(Row {
                        index,
                        id: e.meta.id,
                        edited,
                        mine: reader == Reader::Partner(e.meta.author),
                        earlier: reader == Reader::Partner(e.meta.author)
                            && !e.earlier_versions.is_empty(),
                    }),
                    Sight::Waiting | Sight::Hidden => None,
                },
            )
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

    /// Opens the entry `id` for `reader` to read, wherever it is in the journal, marked as
    /// edited when it changed after it opened to them.
    fn open(
        &mut self,
        journal: &Journal,
        id: RecordId,
        reader: PartnerId,
        now: DateTime<FixedOffset>,
    ) {
        let index = journal.entries.iter().position(|e| e.meta.id == id);
        self.reading = index.map(|index| {
            let edited = match journal.sight(&journal.entries[index], Reader::Partner(reader), now)
            {
                Sight::Open { edited } => edited,
                Sight::Waiting | Sight::Hidden => None,
            };
            let entry = &journal.entries[index];
            let mine = entry.meta.author == reader;
            Row {
                index,
                id,
                edited,
                mine,
                earlier: mine && !entry.earlier_versions.is_empty(),
            }
        });
        self.scroll = 0;
    }

    /// The keys of the list, or of the entry being read: whose it is, and whether it keeps
    /// earlier versions its author may let go.
    fn table(&self) -> &'static [Binding<JournalKey>] {
        match self.reading {
            Some(row) if !row.mine => READ_THEIRS,
            Some(row) if row.earlier => READ_EARLIER,
            Some(_) => READ,
            None => JOURNAL,
        }
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
                SearchOutcome::Open(id) => browse.open(journal, id, me, ctx.now),
            }
            return None;
        }
        let entry = match browse.reading {
            Some(row) => journal.entries.get(row.index),
            None => browse.selected_entry(journal),
        };
        let own = entry.filter(|e| e.meta.author == me).map(|e| e.meta.id);
        let reply = entry.map(|e| reply_to(journal, e, me, ctx));
        let page = 10;
        let reading = browse.reading.is_some();
        let table = browse.table();
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
                browse.rebuild(journal, Some(me), ctx.now);
            }
            JournalKey::Stage => {
                browse.stage_filter = match browse.stage_filter {
                    None => Some(Stage::Communication),
                    Some(Stage::Healing) => None,
                    Some(stage) => Some(stage.next()),
                };
                browse.rebuild(journal, Some(me), ctx.now);
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
            JournalKey::Reply => return reply,
            JournalKey::LetEarlierGo => return let_earlier_go(entry, me),
            JournalKey::Search => browse.search = Some(SearchState::default()),
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        journal_draw::draw(ctx, self, frame, area);
    }

    fn title(&self, name: &str) -> String {
        format!("Journal · {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        match (self.reading, &self.search) {
            (None, Some(search)) => search.bindings(),
            _ => hints(self.table()),
        }
    }

    /// After this window's own save: if it let the earlier words of the entry being read go
    /// (the saved entry keeps fewer than before), says so.
    fn on_saved(&mut self, before: Option<&Journal>, ctx: &Ctx) -> Option<Action> {
        let id = self.reading?.id;
        let kept = |j: &Journal| {
            j.entries
                .iter()
                .find(|e| e.meta.id == id && !e.meta.deleted)
                .map(|e| e.earlier_versions.len())
        };
        let (was, now) = (kept(before?)?, kept(ctx.journal?)?);
        (now < was).then(|| {
            Action::Tell(if now == 0 {
                "The earlier words are let go. The entry keeps the words you see.".to_owned()
            } else {
                "The earlier words you saw are let go. Words that arrived since are kept below."
                    .to_owned()
            })
        })
    }

    fn on_journal_changed(&mut self, ctx: &Ctx) {
        if let Some(journal) = ctx.journal {
            self.rebuild(journal, ctx.partner, ctx.now);
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

/// Asks the author before letting go of the earlier versions they can see now; only the
/// entry being read, and only its author's (the list's `l` does nothing).
fn let_earlier_go(entry: Option<&Entry>, me: PartnerId) -> Option<Action> {
    let entry = entry.filter(|e| e.meta.author == me)?;
    if entry.earlier_versions.is_empty() {
        return None;
    }
    let seen = entry.earlier_versions.iter().map(|v| v.clock.clone());
    Some(Action::ConfirmLetEarlierGo(entry.meta.id, seen.collect()))
}

/// The reply form on the other partner's entry, or the domain's refusal said kindly.
fn reply_to(journal: &Journal, entry: &Entry, me: PartnerId, ctx: &Ctx) -> Action {
    match journal.check_can_reply(entry.meta.id, me, ctx.today) {
        Ok(()) => Action::OpenForm(Box::new(Dialog::Reply(ReplyForm::new(
            entry.meta.id,
            me,
            journal.name_of(entry.meta.author),
            &entry.text,
            (journal.live_replies())
                .find(|r| r.entry == entry.meta.id && r.meta.author == me)
                .map(|r| r.meta.clock.clone()),
        )))),
        Err(refusal) => Action::Tell(refusal.to_string()),
    }
}

//! Promises and kind acts: both partners' promises to keep, mark and notice, and the reciprocity card.

mod list;
mod refusal;
pub mod rows;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::journal::{Journal, PartnerId, PromiseAction, RecordId};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{KIND_ACTS, PROMISES, PromisesKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::popups::details::Details;
use crate::tui::popups::dialog::Dialog;
use crate::tui::popups::note_form::{NoteForm, NotePurpose};
use crate::tui::popups::promise_form::PromiseForm;
use crate::tui::view::View;
use crate::tui::widgets::reciprocity_card::{self, CARD_HEIGHT, CardRow};
use refusal::refusal_words;
use rows::{Item, Row};

/// The two lists on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Promises,
    KindActs,
}

/// The promises screen's state: the lines shown and the chosen one. Its forms are popups.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PromisesState {
    pub tab: Tab,
    /// Rebuilt when the journal changes.
    pub rows: Vec<Row>,
    /// Index into `rows` of the chosen line; always a line with an item, when there is one.
    pub selected: usize,
    pub card: Vec<CardRow>,
    /// The record to choose at the next rebuild: the one a saved change was about.
    pub follow_next: Option<RecordId>,
}

impl PromisesState {
    /// Rebuilds the lines for `reader`, keeping the same item chosen when it is still there.
    pub fn rebuild(&mut self, journal: &Journal, reader: PartnerId, today: NaiveDate) {
        let followed = self.follow_next.take().and_then(|id| {
            [Item::Promise(id), Item::KindAct(id)]
                .into_iter()
                .find(|item| journal_has(journal, *item))
        });
        let chosen = followed.or(self.chosen());
        self.rows = match self.tab {
            Tab::Promises => rows::promise_rows(journal, reader, today),
            Tab::KindActs => rows::kind_rows(journal, reader),
        };
        let again = chosen.and_then(|item| self.rows.iter().position(|r| r.item == Some(item)));
        self.selected = again.unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
        if self.chosen().is_none() {
            self.step(1);
        }
    }

    pub fn chosen(&self) -> Option<Item> {
        self.rows.get(self.selected).and_then(|r| r.item)
    }

    /// Moves the choice `by` items up (negative) or down, skipping headings.
    fn step(&mut self, by: isize) {
        let items: Vec<usize> = (0..self.rows.len())
            .filter(|&at| self.rows[at].item.is_some())
            .collect();
        let Some(&first) = items.first() else {
            self.selected = 0;
            return;
        };
        let at = items.iter().position(|&i| i >= self.selected);
        let target = match at {
            Some(at) if items[at] == self.selected => at as isize + by,
            Some(at) if by > 0 => at as isize + by - 1,
            Some(at) => at as isize + by,
            None => items.len() as isize + by,
        };
        self.selected = usize::try_from(target)
            .ok()
            .and_then(|t| items.get(t.min(items.len() - 1)).copied())
            .unwrap_or(first);
    }
}

impl View for PromisesState {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let (Some(journal), Some(me)) = (ctx.journal, ctx.partner) else {
            return None;
        };
        let state = self;
        let open = |dialog: Dialog| Some(Action::OpenForm(Box::new(dialog)));
        let today = ctx.today;
        let other = journal.other_partner(me).map(|p| (p.id, p.name.clone()));
        let chosen = state.chosen();
        let promise = match chosen {
            Some(Item::Promise(id)) => journal.live_promises().find(|p| p.meta.id == id),
            _ => None,
        };
        let kind_act = match chosen {
            Some(Item::KindAct(id)) => journal.live_kind_acts().find(|k| k.meta.id == id),
            _ => None,
        };
        let other_name = other.as_ref().map_or("your partner", |(_, n)| n.as_str());
        let mut refusal: Option<String> = None;
        let mut form: Option<Dialog> = None;
        let table = match state.tab {
            Tab::Promises => PROMISES,
            Tab::KindActs => KIND_ACTS,
        };
        match command(table, key, false)? {
            PromisesKey::Back => return Some(Action::GoHome),
            PromisesKey::Up => state.step(-1),
            PromisesKey::Down => state.step(1),
            PromisesKey::PageUp => state.step(-10),
            PromisesKey::PageDown => state.step(10),
            PromisesKey::First => {
                state.selected = 0;
                state.step(1);
            }
            PromisesKey::Last => {
                state.selected = state.rows.len();
                state.step(-1);
            }
            PromisesKey::SwitchTab => {
                state.tab = match state.tab {
                    Tab::Promises => Tab::KindActs,
                    Tab::KindActs => Tab::Promises,
                };
                state.selected = 0;
                state.rebuild(journal, me, today);
            }
            PromisesKey::Details => {
                form = match chosen {
                    Some(Item::Promise(id)) => Some(Dialog::Details(Details::Promise(id))),
                    Some(Item::KindAct(id)) => Some(Dialog::Details(Details::KindAct(id))),
                    None => None,
                }
            }
            PromisesKey::New => match (state.tab, &other) {
                (Tab::Promises, Some((to, name))) => {
                    let week_end = journal.clock().week_of(today).end();
                    form = Some(Dialog::Promise(PromiseForm::new(
                        me, *to, name, today, week_end,
                    )));
                }
                (Tab::KindActs, Some((_, name))) => {
                    form = Some(Dialog::Note(NoteForm::new(
                        NotePurpose::NewKindAct { day: today },
                        me,
                        "",
                        name,
                    )));
                }
                (_, None) => {}
            },
            PromisesKey::Received => {
                if let (Tab::KindActs, Some((from, name))) = (state.tab, &other) {
                    match journal.check_can_receive(me, *from) {
                        Err(why) => refusal = Some(refusal_words(&why, name)),
                        Ok(()) => {
                            form = Some(Dialog::Note(NoteForm::new(
                                NotePurpose::ReceivedKindAct {
                                    day: today,
                                    from: *from,
                                },
                                me,
                                "",
                                name,
                            )));
                        }
                    }
                }
            }
            pressed @ (PromisesKey::Keep
            | PromisesKey::Break
            | PromisesKey::Withdraw
            | PromisesKey::Renegotiate) => match promise {
                Some(p) => match p.check_can_change(me) {
                    Err(why) => refusal = Some(refusal_words(&why, journal.name_of(p.by()))),
                    Ok(()) if pressed == PromisesKey::Renegotiate => {
                        let week_end = journal.clock().week_of(today).end();
                        let renegotiate = PromiseForm::new(me, p.to, other_name, today, week_end)
                            .renegotiate(p.meta.id, &p.text, p.due, p.size);
                        form = Some(Dialog::Promise(renegotiate));
                    }
                    Ok(()) => {
                        let action = match pressed {
                            PromisesKey::Keep => PromiseAction::Keep,
                            PromisesKey::Break => PromiseAction::Break,
                            _ => PromiseAction::Withdraw,
                        };
                        form = Some(Dialog::Note(NoteForm::new(
                            NotePurpose::Close {
                                id: p.meta.id,
                                action,
                            },
                            me,
                            &p.text,
                            other_name,
                        )));
                    }
                },
                None if kind_act.is_some() => {
                    refusal = Some("Kind acts are not promises; there is nothing to mark.".into());
                }
                None => {}
            },
            PromisesKey::Notice => {
                if let Some(p) = promise {
                    match p.check_can_acknowledge(me) {
                        Err(why) => refusal = Some(refusal_words(&why, other_name)),
                        Ok(()) => {
                            form = Some(Dialog::Note(NoteForm::new(
                                NotePurpose::NoticePromise(p.meta.id),
                                me,
                                &p.text,
                                other_name,
                            )));
                        }
                    }
                } else if let Some(k) = kind_act {
                    match k.check_can_acknowledge(me) {
                        Err(why) => refusal = Some(refusal_words(&why, other_name)),
                        Ok(()) => {
                            form = Some(Dialog::Note(NoteForm::new(
                                NotePurpose::NoticeKindAct(k.meta.id),
                                me,
                                &k.text,
                                other_name,
                            )));
                        }
                    }
                }
            }
        }
        match form {
            Some(dialog) => open(dialog),
            None => refusal.map(Action::Warn),
        }
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self, frame, area);
    }

    fn title(&self, name: &str) -> String {
        format!("Promises · {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        match self.tab {
            Tab::Promises => hints(PROMISES),
            Tab::KindActs => hints(KIND_ACTS),
        }
    }

    fn follow(&mut self, record: RecordId) {
        self.follow_next = Some(record);
    }

    fn on_journal_changed(&mut self, ctx: &Ctx) {
        let Some(journal) = ctx.journal else {
            return;
        };
        if let Some(reader) = ctx.partner {
            self.rebuild(journal, reader, ctx.today);
        }
        if let Some(progress) = ctx.progress {
            self.card = reciprocity_card::rows(progress, journal);
        }
    }
}

/// Whether `item` is a live record of its kind in `journal`.
fn journal_has(journal: &Journal, item: Item) -> bool {
    match item {
        Item::Promise(id) => journal.live_promises().any(|p| p.meta.id == id),
        Item::KindAct(id) => journal.live_kind_acts().any(|k| k.meta.id == id),
    }
}

fn draw(ctx: &Ctx, state: &PromisesState, frame: &mut Frame, area: Rect) {
    if ctx.journal.is_none() {
        return;
    }
    let theme = ctx.theme;
    let card_height = if area.height >= CARD_HEIGHT + 8 {
        CARD_HEIGHT
    } else {
        0
    };
    let [tabs, list, card] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(card_height),
    ])
    .areas(area);
    let tab = |label: &str, on: bool| {
        if on {
            Span::styled(format!(" {label} "), theme.selected())
        } else {
            Span::styled(format!(" {label} "), theme.muted())
        }
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            tab("Promises", state.tab == Tab::Promises),
            Span::raw(" "),
            tab("Kind acts", state.tab == Tab::KindActs),
            Span::styled("   Tab switches", theme.muted()),
        ])),
        tabs,
    );
    list::draw_rows(ctx.theme, &state.rows, state.selected, frame, list);
    if card_height > 0 && state.tab == Tab::Promises {
        reciprocity_card::draw(&state.card, theme, frame, card);
    }
}

//! The plan for hard moments: both partners' items, to add, change, retire, agree to or suggest on.

mod dialog;
mod form;
mod refusal;
pub mod rows;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::journal::{Change, Journal, PartnerId, PlanItem, RecordId, ReviewKind};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::done_words::done_words;
use crate::tui::keys::tables::{PLAN, PlanKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::popups::outcome::Outcome;
use crate::tui::view::View;
pub use dialog::{PlanDialog, ReviewForm};
pub use form::ItemForm;
use refusal::refusal_words;

/// The plan screen's state: the items in order, the chosen one, and any open dialog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanState {
    /// The items in use, this partner's first; rebuilt when the journal changes.
    pub items: Vec<RecordId>,
    /// Index into `items` of the chosen item.
    pub selected: usize,
    pub dialog: Option<PlanDialog>,
    /// A change was sent to be saved; the dialog closes when it is, and says this.
    pub saving: Option<String>,
    /// The change sent, so that once it is saved the choice moves to the item it changed.
    pub sent: Option<Change>,
}

impl PlanState {
    /// Rebuilds the order for `reader`, keeping `follow` (or the same item) chosen.
    pub fn rebuild(&mut self, journal: &Journal, reader: PartnerId, follow: Option<RecordId>) {
        let chosen = follow.or(self.chosen());
        self.items = rows::items_in_order(journal, reader);
        let again = chosen.and_then(|id| self.items.iter().position(|i| *i == id));
        self.selected = again.unwrap_or(self.selected.min(self.items.len().saturating_sub(1)));
    }

    pub fn chosen(&self) -> Option<RecordId> {
        self.items.get(self.selected).copied()
    }

    fn step(&mut self, by: isize) {
        let last = self.items.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + by).clamp(0, last) as usize;
    }

    /// Opens the dialog a key asks for on `item`, or says kindly why it is not this
    /// partner's to do; the journal's rules decide which.
    fn open_for(
        &mut self,
        key: PlanKey,
        item: &PlanItem,
        me: PartnerId,
        journal: &Journal,
    ) -> Option<String> {
        let owner = journal.name_of(item.owner()).to_owned();
        let other = journal
            .other_partner(item.owner())
            .map_or_else(|| "your partner".to_owned(), |p| p.name.clone());
        let check = match key {
            PlanKey::Edit | PlanKey::Retire => item.check_can_change(me),
            _ => item.check_can_review(me),
        };
        if let Err(why) = check {
            return Some(refusal_words(&why, &owner, &other));
        }
        let subject = item.brings_it_on.clone();
        let id = item.meta.id;
        self.dialog = Some(match key {
            PlanKey::Edit => PlanDialog::Item(ItemForm::edit(item, &other)),
            PlanKey::Retire => PlanDialog::Retire {
                id,
                by: me,
                subject,
            },
            PlanKey::Agree => PlanDialog::Review(ReviewForm::new(
                id,
                me,
                ReviewKind::Agreed,
                &subject,
                &owner,
            )),
            _ => PlanDialog::Review(ReviewForm::new(
                id,
                me,
                ReviewKind::SuggestedChange,
                &subject,
                &owner,
            )),
        });
        None
    }
}

impl View for PlanState {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let (Some(journal), Some(me)) = (ctx.journal, ctx.partner) else {
            return None;
        };
        if let Some(dialog) = &mut self.dialog {
            if self.saving.is_some() {
                return None;
            }
            return match dialog.on_key(key) {
                Outcome::Stay => None,
                Outcome::Cancel => {
                    self.dialog = None;
                    None
                }
                Outcome::Submit(change) => {
                    self.saving = Some(done_words(&change, journal));
                    self.sent = Some(change.clone());
                    Some(Action::Apply(change))
                }
            };
        }
        let item = self
            .chosen()
            .and_then(|id| journal.live_plan_items().find(|p| p.meta.id == id));
        match command(PLAN, key, false)? {
            PlanKey::Back => return Some(Action::GoHome),
            PlanKey::Up => self.step(-1),
            PlanKey::Down => self.step(1),
            PlanKey::First => self.step(isize::MIN / 2),
            PlanKey::Last => self.step(isize::MAX / 2),
            PlanKey::New => {
                let other = journal
                    .other_partner(me)
                    .map_or_else(|| "your partner".to_owned(), |p| p.name.clone());
                self.dialog = Some(PlanDialog::Item(ItemForm::new(me, &other)));
            }
            PlanKey::LookedAt => {
                if let Some(item) = item {
                    let change = Change::LookedAtPlanItem {
                        id: item.meta.id,
                        by: me,
                    };
                    self.saving = Some(done_words(&change, journal));
                    self.sent = Some(change.clone());
                    return Some(Action::Apply(change));
                }
            }
            command @ (PlanKey::Edit | PlanKey::Retire | PlanKey::Agree | PlanKey::Suggest) => {
                match item {
                    Some(item) => {
                        return self.open_for(command, item, me, journal).map(Action::Warn);
                    }
                    None => {
                        return Some(Action::Tell(
                            "There is no plan item yet; n adds one.".to_owned(),
                        ));
                    }
                }
            }
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let (Some(journal), Some(me)) = (ctx.journal, ctx.partner) else {
            return;
        };
        let drawn = rows::plan_lines(
            journal,
            me,
            self.chosen(),
            ctx.now,
            ctx.theme,
            usize::from(area.width),
        );
        // The chosen item's lines are kept in view, from its first line when they all fit.
        let height = usize::from(area.height);
        let scroll = drawn
            .chosen
            .map_or(0, |(start, end)| end.saturating_sub(height).min(start));
        let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
        frame.render_widget(Paragraph::new(drawn.lines).scroll((scroll, 0)), area);
        if let Some(dialog) = &self.dialog {
            dialog.draw(ctx.theme, frame, area);
        }
    }

    fn title(&self, name: &str) -> String {
        format!("Plan for hard moments · {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(PLAN)
    }

    fn on_paste(&mut self, text: &str, _ctx: &Ctx) -> Option<Action> {
        if let Some(dialog) = &mut self.dialog {
            dialog.paste(text);
        }
        None
    }

    fn types_text(&self) -> bool {
        self.dialog.as_ref().is_some_and(PlanDialog::types_text)
    }

    fn on_saved(&mut self, before: Option<&Journal>, ctx: &Ctx) -> Option<Action> {
        let done = self.saving.take()?;
        let change = self.sent.take();
        self.dialog = None;
        if let (Some(change), Some(before), Some(after), Some(me)) =
            (change, before, ctx.journal, ctx.partner)
        {
            self.rebuild(after, me, change.changed_record(before, after));
        }
        Some(Action::Tell(done))
    }

    fn on_save_failed(&mut self, message: &str) -> String {
        self.saving = None;
        self.sent = None;
        let words = format!("Not saved: {message}");
        if let Some(dialog) = &mut self.dialog
            && !dialog.refused(words.clone())
        {
            self.dialog = None;
        }
        words
    }

    fn on_journal_changed(&mut self, ctx: &Ctx) {
        if let (Some(journal), Some(reader)) = (ctx.journal, ctx.partner) {
            self.rebuild(journal, reader, None);
        }
    }
}

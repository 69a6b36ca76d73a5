//! The plan for hard moments: both partners' items, to add, change, retire, agree to or suggest on.

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
use crate::tui::popups::dialog::Dialog;
use crate::tui::popups::plan_dialog::{PlanDialog, ReviewForm};
use crate::tui::popups::plan_form::ItemForm;
use crate::tui::view::View;
use refusal::refusal_words;

/// The plan screen's state: the items in order and the chosen one. Its forms are popups.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanState {
    /// The items in use, this partner's first; rebuilt when the journal changes.
    pub items: Vec<RecordId>,
    /// Index into `items` of the chosen item.
    pub selected: usize,
    /// "Looked at it together" was sent to be saved; once it is, this is said.
    pub saving: Option<String>,
    /// The item a form over this screen just saved, to choose once the journal is rebuilt.
    pub follow_next: Option<RecordId>,
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

    /// The form a key asks for on `item`, or kind words on why it is not this partner's to
    /// do; the journal's rules decide which.
    fn form_for(key: PlanKey, item: &PlanItem, me: PartnerId, journal: &Journal) -> Action {
        let owner = journal.name_of(item.owner()).to_owned();
        let other = journal
            .other_partner(item.owner())
            .map_or_else(|| "your partner".to_owned(), |p| p.name.clone());
        let check = match key {
            PlanKey::Edit | PlanKey::Retire => item.check_can_change(me),
            _ => item.check_can_review(me),
        };
        if let Err(why) = check {
            return Action::Warn(refusal_words(&why, &owner, &other));
        }
        let subject = item.brings_it_on.clone();
        let id = item.meta.id;
        let dialog = match key {
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
        };
        Action::OpenForm(Box::new(Dialog::Plan(dialog)))
    }
}

impl View for PlanState {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let (Some(journal), Some(me)) = (ctx.journal, ctx.partner) else {
            return None;
        };
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
                return Some(Action::OpenForm(Box::new(Dialog::Plan(PlanDialog::Item(
                    ItemForm::new(me, &other),
                )))));
            }
            PlanKey::LookedAt => {
                if let Some(item) = item {
                    let change = Change::LookedAtPlanItem {
                        id: item.meta.id,
                        by: me,
                    };
                    self.saving = Some(done_words(&change, journal));
                    return Some(Action::Apply(change));
                }
            }
            command @ (PlanKey::Edit | PlanKey::Retire | PlanKey::Agree | PlanKey::Suggest) => {
                match item {
                    Some(item) => {
                        return Some(Self::form_for(command, item, me, journal));
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
    }

    fn title(&self, name: &str) -> String {
        format!("Plan for hard moments · {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(PLAN)
    }

    /// "Looked at it together" is saved: say so.
    fn on_saved(&mut self, _before: Option<&Journal>, _ctx: &Ctx) -> Option<Action> {
        self.saving.take().map(Action::Tell)
    }

    fn on_save_failed(&mut self, message: &str) -> String {
        self.saving = None;
        format!("Not saved: {message}")
    }

    /// A form over this screen saved a change to `record`: choose it once the journal is
    /// rebuilt.
    fn follow(&mut self, record: RecordId) {
        self.follow_next = Some(record);
    }

    fn on_journal_changed(&mut self, ctx: &Ctx) {
        if let (Some(journal), Some(reader)) = (ctx.journal, ctx.partner) {
            let follow = self.follow_next.take();
            self.rebuild(journal, reader, follow);
        }
    }
}

//! The restore-draft popup: writing that was not saved, offered back.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::journal::PartnerId;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::draft::Draft;
use crate::tui::keys::popups::{RESTORE_DRAFT, RestoreKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::theme::Theme;
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, popup};

/// This partner's unsaved writing, offered back: bring it back, let it go, or decide later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestoreDraft {
    pub partner: PartnerId,
}

impl PopupView for RestoreDraft {
    fn handle_key(&mut self, key: KeyEvent, _ctx: &Ctx) -> Answer {
        match command(RESTORE_DRAFT, key, false) {
            Some(RestoreKey::Restore) => Answer::close_and(Action::RestoreDraft(self.partner)),
            Some(RestoreKey::Drop) => Answer::close_and(Action::DropDraft(self.partner)),
            Some(RestoreKey::Later) => Answer::CLOSE,
            None => Answer::STAY,
        }
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(RESTORE_DRAFT)
    }

    fn render(&self, ctx: &Ctx, below: &Below, frame: &mut Frame, area: Rect) {
        render(below.drafts.get(&self.partner), ctx.theme, frame, area);
    }
}

fn render(draft: Option<&Draft>, theme: Theme, frame: &mut Frame, area: Rect) {
    let words = draft.map_or(0, |d| d.text.split_whitespace().count());
    let when = draft.map_or_else(String::new, |d| d.day.format("%a %-d %b").to_string());
    let mut lines = vec![
        Line::raw(format!(
            "You have writing from {when} that was not saved ({}).",
            crate::words::count(words, "word", "words")
        )),
        // Only that it exists: its words show once its writer brings it back.
        Line::styled(
            "Its words stay hidden until you bring it back.",
            theme.muted(),
        ),
        Line::raw(""),
    ];
    lines.extend(
        RESTORE_DRAFT
            .iter()
            .map(|b| key_line(theme, b.hint, b.does)),
    );
    popup(frame, area, "Unsaved writing", lines, theme)
}

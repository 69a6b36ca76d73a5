//! What the popups' answers do: quit, leave the writing, delete, export, restore or drop a draft.

use ratatui::crossterm::event::KeyEvent;
use std::sync::Arc;

use super::{App, DeletedEntry, Screen};
use crate::journal::{Change, PartnerId, RecordId, Week};
use crate::tui::effects::{Effect, ExportRequest};
use crate::tui::screens::write::WriteState;

impl App {
    /// Lends the key to the popup on top; closes it if it says so, and does what it asks.
    pub(super) fn on_popup_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let answer = self.with_popup(|popup, ctx| Some(popup.handle_key(key, ctx)));
        match answer.and_then(|a| a.action) {
            Some(action) => self.act(action),
            None => Vec::new(),
        }
    }

    pub(super) fn quit_now(&mut self) -> Vec<Effect> {
        self.running = false;
        // A draft file, if one could be written, keeps the text for next time.
        vec![Effect::Quit]
    }

    /// Leaves the writing or check-in screen; the writing's draft goes with it.
    pub(super) fn leave_writing(&mut self) -> Vec<Effect> {
        let writing = matches!(self.screen, Screen::Write(_));
        self.go_home();
        match self.partner {
            Some(partner) if writing && !self.draft_waits(partner) => {
                vec![Effect::DeleteDraft(partner)]
            }
            _ => Vec::new(),
        }
    }

    /// Deletes an entry, keeping its words for `u` until the couple quits.
    pub(super) fn delete_entry(&mut self, id: RecordId) -> Vec<Effect> {
        let Some(by) = self.partner else {
            return Vec::new();
        };
        if let Some(entry) = self
            .journal
            .as_ref()
            .and_then(|j| j.entries.iter().find(|e| e.meta.id == id))
        {
            self.deleted.push(DeletedEntry {
                id,
                text: entry.text.clone(),
                prompt: entry.prompt.clone(),
            });
        }
        vec![Effect::Apply(Change::SetEntryDeleted {
            id,
            by,
            deleted: true,
        })]
    }

    pub(super) fn export(&mut self, week: Week, format: crate::export::Format) -> Vec<Effect> {
        match (self.shown(), &self.progress) {
            (Some(journal), Some(progress)) => vec![Effect::Export(Box::new(ExportRequest {
                journal: Arc::clone(journal),
                progress: Arc::clone(progress),
                week,
                format,
            }))],
            _ => Vec::new(),
        }
    }

    pub(super) fn restore_draft(&mut self, partner: PartnerId) {
        // Other words on the writing screen, given back after a lock, are never replaced.
        if let (Screen::Write(writing), Some(draft)) = (&self.screen, self.drafts.get(&partner))
            && writing.dirty
            && writing.text() != draft.text
        {
            self.warn(
                "The writing on this screen stays: save it or let it go first, and the unsaved writing kept earlier is offered again then.",
            );
            return;
        }
        // Brought back, the draft is the screen's: it no longer waits.
        match self.drafts.remove(&partner) {
            Some(draft) => {
                self.screen = Screen::Write(Box::new(WriteState::from_draft(&draft)));
                self.tell("Your unsaved writing is back.");
            }
            None => self.go_home(),
        }
    }

    pub(super) fn drop_draft(&mut self, partner: PartnerId) -> Vec<Effect> {
        self.drafts.remove(&partner);
        self.tell("The unsaved writing was let go.");
        vec![Effect::DeleteDraft(partner)]
    }
}

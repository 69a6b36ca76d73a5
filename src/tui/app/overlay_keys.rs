//! The keys of the small windows over the screen: help, the confirmations, restore-draft, export.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::sync::Arc;

use super::{App, DeletedEntry, Overlay, Screen};
use crate::journal::Change;
use crate::tui::effects::{Effect, ExportRequest};
use crate::tui::screens::write::WriteState;

impl App {
    pub(super) fn on_overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> Vec<Effect> {
        let yes = matches!(key.code, KeyCode::Char('y' | 'Y'));
        let no = matches!(key.code, KeyCode::Char('n' | 'N') | KeyCode::Esc);
        match overlay {
            Overlay::Help => {
                self.overlay = None;
                Vec::new()
            }
            Overlay::ConfirmQuit if yes => {
                self.overlay = None;
                self.running = false;
                // A draft file, if one could be written, keeps the text for next time.
                vec![Effect::Quit]
            }
            Overlay::ConfirmLeaveWrite if yes => {
                self.overlay = None;
                let writing = matches!(self.screen, Screen::Write(_));
                self.go_home();
                match self.partner {
                    Some(partner) if writing => {
                        self.drafts.remove(&partner);
                        vec![Effect::DeleteDraft(partner)]
                    }
                    _ => Vec::new(),
                }
            }
            Overlay::ConfirmDelete(id) if yes => {
                self.overlay = None;
                match self.partner {
                    Some(by) => {
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
                    None => Vec::new(),
                }
            }
            Overlay::ExportWeek(week) => {
                let format = crate::tui::popups::export::format_of(key);
                if format.is_some() || no {
                    self.overlay = None;
                }
                match (format, &self.journal, &self.progress) {
                    (Some(format), Some(journal), Some(progress)) => {
                        vec![Effect::Export(Box::new(ExportRequest {
                            journal: Arc::clone(journal),
                            progress: Arc::clone(progress),
                            week,
                            format,
                        }))]
                    }
                    _ => Vec::new(),
                }
            }
            Overlay::RestoreDraft(partner) => match key.code {
                KeyCode::Char('r' | 'R') | KeyCode::Enter => {
                    self.overlay = None;
                    match self.drafts.get(&partner).cloned() {
                        Some(draft) => {
                            self.screen = Screen::Write(Box::new(WriteState::from_draft(&draft)));
                            self.tell("Your unsaved writing is back.");
                        }
                        None => self.go_home(),
                    }
                    Vec::new()
                }
                KeyCode::Char('d' | 'D') => {
                    self.overlay = None;
                    self.drafts.remove(&partner);
                    self.tell("The unsaved writing was let go.");
                    vec![Effect::DeleteDraft(partner)]
                }
                KeyCode::Esc => {
                    self.overlay = None;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            _ if no => {
                self.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

//! The small windows over a screen, one file each: help, the confirmations, restore-draft, export.

pub mod confirm;
pub mod details;
pub mod dialog;
pub mod export;
pub mod hard_moment;
pub mod help;
pub mod note_form;
pub mod outcome;
pub mod promise_form;
pub mod restore_draft;
pub mod unsaved;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use std::collections::HashMap;

use crate::journal::{PartnerId, RecordId, Week};
use crate::tui::action::Action;
use crate::tui::draft::Draft;
use crate::tui::keys::Binding;
use crate::tui::theme::Theme;
use confirm::Question;
use unsaved::Unsaved;

/// A small window over the screen that asks or tells something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmLeaveWrite,
    ConfirmDelete(RecordId),
    RestoreDraft(PartnerId),
    /// Which format to write the summary of this week in.
    ExportWeek(Week),
}

/// What the popups read from the session below them.
pub struct Below<'a> {
    /// The keys of the screen under the popup, for the help.
    pub bindings: &'static [Binding],
    pub journal_path: &'a str,
    pub unsaved: Unsaved,
    pub drafts: &'a HashMap<PartnerId, Draft>,
    pub theme: Theme,
}

/// What a key did in a popup: whether it closes, and what the app must then do.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub close: bool,
    pub action: Option<Action>,
}

impl Answer {
    const STAY: Answer = Answer {
        close: false,
        action: None,
    };
    const CLOSE: Answer = Answer {
        close: true,
        action: None,
    };

    fn close_and(action: Action) -> Answer {
        Answer {
            close: true,
            action: Some(action),
        }
    }
}

impl Overlay {
    /// Answers one key: help closes on any key; a question on `y` or `n`/Esc.
    pub fn handle_key(&self, key: KeyEvent) -> Answer {
        let yes = matches!(key.code, KeyCode::Char('y' | 'Y'));
        let no = matches!(key.code, KeyCode::Char('n' | 'N') | KeyCode::Esc);
        match self {
            Overlay::Help => Answer::CLOSE,
            Overlay::ConfirmQuit if yes => Answer::close_and(Action::QuitNow),
            Overlay::ConfirmLeaveWrite if yes => Answer::close_and(Action::LeaveWriting),
            Overlay::ConfirmDelete(id) if yes => Answer::close_and(Action::DeleteEntry(*id)),
            Overlay::ExportWeek(week) => match export::format_of(key) {
                Some(format) => Answer::close_and(Action::Export(*week, format)),
                None if no => Answer::CLOSE,
                None => Answer::STAY,
            },
            Overlay::RestoreDraft(partner) => match key.code {
                KeyCode::Char('r' | 'R') | KeyCode::Enter => {
                    Answer::close_and(Action::RestoreDraft(*partner))
                }
                KeyCode::Char('d' | 'D') => Answer::close_and(Action::DropDraft(*partner)),
                KeyCode::Esc => Answer::CLOSE,
                _ => Answer::STAY,
            },
            _ if no => Answer::CLOSE,
            _ => Answer::STAY,
        }
    }

    /// Draws the popup over `area`. Reads the state; changes nothing.
    pub fn render(&self, below: &Below, frame: &mut Frame, area: Rect) {
        let theme = below.theme;
        match self {
            Overlay::Help => help::render(below.bindings, below.journal_path, theme, frame, area),
            Overlay::ConfirmQuit => {
                confirm::render(Question::Quit, below.unsaved, theme, frame, area)
            }
            Overlay::ConfirmLeaveWrite => {
                confirm::render(Question::LeaveWriting, below.unsaved, theme, frame, area)
            }
            Overlay::ConfirmDelete(_) => {
                confirm::render(Question::Delete, below.unsaved, theme, frame, area)
            }
            Overlay::ExportWeek(week) => export::render(*week, theme, frame, area),
            Overlay::RestoreDraft(partner) => {
                restore_draft::render(below.drafts.get(partner), theme, frame, area)
            }
        }
    }
}

//! Wiring "a hard moment, now" into the session: Ctrl-G opens it, it takes the keys, and the
//! saves it sends come back to it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::App;
use crate::tui::action::Action;
use crate::tui::effects::Effect;
use crate::tui::popups::hard_moment::{HardMomentPopup, MomentKey, is_open_key};

impl App {
    /// Opens the popup over whatever is showing; the screen below is left as it is.
    pub(super) fn open_hard_moment(&mut self) {
        if self.moment.is_none() {
            self.moment = Some(HardMomentPopup::new(&self.ctx()));
        }
    }

    /// Ctrl-G from anywhere, and every key while the popup is open; `None` lets the key through.
    pub(super) fn on_moment_key(&mut self, key: KeyEvent) -> Option<Vec<Effect>> {
        let Some(mut popup) = self.moment.take() else {
            return is_open_key(&key).then(|| self.act(Action::HardMoment));
        };
        let ctrl_c =
            key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
        if ctrl_c && !popup.is_saving() {
            // Ctrl-C closes the popup first; pressed again, it quits as everywhere. While a
            // save it sent is under way it stays, so the answer comes back to it.
            return Some(Vec::new());
        }
        let answer = popup.handle_key(key, &self.ctx());
        match answer {
            MomentKey::Stay => self.moment = Some(popup),
            MomentKey::Close => {}
            MomentKey::Save(change) => {
                self.moment = Some(popup);
                return Some(self.act(Action::Apply(change)));
            }
        }
        Some(Vec::new())
    }

    pub(super) fn paste_into_moment(&mut self, text: &str) -> Vec<Effect> {
        if let Some(popup) = &mut self.moment {
            popup.paste(text);
        }
        Vec::new()
    }

    pub(super) fn moment_is_saving(&self) -> bool {
        self.moment.as_ref().is_some_and(HardMomentPopup::is_saving)
    }

    /// What the popup sent is saved: it says so, and so does the notice line.
    pub(super) fn moment_saved(&mut self) -> bool {
        match self.moment.as_mut().and_then(HardMomentPopup::on_saved) {
            Some(done) => {
                self.tell(done);
                true
            }
            None => false,
        }
    }

    /// What the popup sent was refused: it keeps its words and says why, kindly.
    pub(super) fn moment_not_saved(&mut self, message: &str) {
        if let Some(words) = self.moment.as_mut().and_then(|m| m.on_save_failed(message)) {
            self.warn(words);
        }
    }
}

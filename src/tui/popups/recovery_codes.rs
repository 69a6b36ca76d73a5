//! Each partner's recovery code, shown once after setup, with plain words on what losing both means.

use age::secrecy::ExposeSecret;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::journal::RECOVERY_CODE_WORDS;
use crate::journal::text::one_line;
use crate::tui::ctx::Ctx;
use crate::tui::effects::Passphrase;
use crate::tui::keys::popups::{CodesKey, RECOVERY_CODES};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, popup};

/// The codes, held only while this shows; they are wiped when it closes.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryCodes {
    /// Each partner's name and code (a locked journal is not lent to popups).
    pub codes: Vec<(String, Passphrase)>,
}

impl PopupView for RecoveryCodes {
    fn handle_key(&mut self, key: KeyEvent, _ctx: &Ctx) -> Answer {
        match command(RECOVERY_CODES, key, false) {
            Some(CodesKey::Kept) => Answer::CLOSE,
            None => Answer::STAY,
        }
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(RECOVERY_CODES)
    }

    fn lets_ctrl_c_quit(&self) -> bool {
        true
    }

    fn render(&self, ctx: &Ctx, _below: &Below, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let mut lines = vec![Line::raw(RECOVERY_CODE_WORDS), Line::raw("")];
        for (name, code) in &self.codes {
            lines.push(Line::styled(
                format!("  {}: {}", one_line(name), code.0.expose_secret()),
                theme.title(),
            ));
        }
        lines.push(Line::raw(""));
        lines.extend(
            RECOVERY_CODES
                .iter()
                .map(|b| key_line(theme, b.hint, b.does)),
        );
        popup(frame, area, "Your recovery codes", lines, theme);
    }
}

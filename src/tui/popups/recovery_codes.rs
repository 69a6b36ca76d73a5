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
use crate::tui::theme::Theme;
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, popup, popup_fits, popup_inner_width};
use crate::tui::widgets::text::width;

const TITLE: &str = "Your recovery codes";

/// What the popup says where the codes cannot all be shown whole.
pub const TOO_SMALL: &str = "Make this window bigger to see your recovery codes whole. They are \
                             shown only this once, so they stay until you can see them.";

/// The codes, held only while this shows; they are wiped when it closes.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryCodes {
    /// Each partner's name and code (a locked journal is not lent to popups).
    pub codes: Vec<(String, Passphrase)>,
}

impl RecoveryCodes {
    /// Each code on a line of its own that fits `columns`, after its partner's name (on the
    /// same line where both fit, on the line above where not); `None` where a code itself
    /// does not fit, since a code wrapped or cut could be copied wrong.
    fn code_lines(&self, columns: usize, theme: Theme) -> Option<Vec<Line<'static>>> {
        let mut lines = Vec::new();
        for (name, code) in &self.codes {
            let name = one_line(name);
            let code = code.0.expose_secret();
            let together = format!("{name}: {code}");
            if width(&together) <= columns {
                lines.push(Line::styled(together, theme.title()));
            } else if width(code) <= columns {
                lines.push(Line::styled(format!("{name}:"), theme.title()));
                lines.push(Line::styled(code.to_owned(), theme.title()));
            } else {
                return None;
            }
        }
        Some(lines)
    }

    /// Whether the codes show whole in `area`.
    fn shows_codes(&self, area: Rect, ctx: &Ctx) -> bool {
        self.fitting_lines(area, ctx.theme).is_some()
    }

    /// What the popup shows in `area`: the words, the codes and the key where they fit;
    /// where they do not, only [`TOO_SMALL`].
    fn lines(&self, area: Rect, theme: Theme) -> Vec<Line<'static>> {
        self.fitting_lines(area, theme)
            .unwrap_or_else(|| vec![Line::raw(TOO_SMALL)])
    }

    /// The words, the codes and the key, spaced where there is room and close together
    /// where not, if they fit in `area` at all.
    fn fitting_lines(&self, area: Rect, theme: Theme) -> Option<Vec<Line<'static>>> {
        let words = Line::raw(RECOVERY_CODE_WORDS);
        let columns = popup_inner_width(area, TITLE, std::slice::from_ref(&words));
        let codes = self.code_lines(columns, theme)?;
        let keys: Vec<Line> = RECOVERY_CODES
            .iter()
            .map(|b| key_line(theme, b.hint, b.does))
            .collect();
        let spaced = [
            vec![words.clone(), Line::raw("")],
            codes.clone(),
            vec![Line::raw("")],
            keys.clone(),
        ]
        .concat();
        let close = [vec![words], codes, keys].concat();
        [spaced, close]
            .into_iter()
            .find(|lines| popup_fits(area, TITLE, lines))
    }
}

impl PopupView for RecoveryCodes {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Answer {
        match command(RECOVERY_CODES, key, false) {
            // Codes the window is too small to show are not closed unseen.
            Some(CodesKey::Kept) if ctx.window.is_some_and(|w| !self.shows_codes(w, ctx)) => {
                Answer::STAY
            }
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
        popup(frame, area, TITLE, self.lines(area, ctx.theme), ctx.theme);
    }
}

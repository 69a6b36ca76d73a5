//! Each partner's recovery code, shown once and to them alone: the other is asked to look away first.

use age::secrecy::ExposeSecret;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::journal::text::one_line;
use crate::journal::{recovery_code_next_words, recovery_code_words_for};
use crate::tui::ctx::Ctx;
use crate::tui::effects::Passphrase;
use crate::tui::keys::popups::{CodesKey, RECOVERY_CODE_NEXT, RECOVERY_CODE_SHOWN};
use crate::tui::keys::{Binding, Hint, command, hints};
use crate::tui::theme::Theme;
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, popup, popup_fits, popup_inner_width};
use crate::tui::widgets::text::width;

/// The popup's title; the words in it name whose code it is.
const TITLE: &str = "Recovery code";

/// What the popup says where a code cannot be shown whole.
pub const TOO_SMALL: &str = "Make this window bigger to see the recovery code whole. It is \
                             shown only this once, so it stays until you can see it.";

/// The codes, held only while this shows: each is wiped once its partner has kept it, the
/// rest when it closes. A code shows only after the others have been asked to look away,
/// since a partner's code opens that partner's private words.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryCodes {
    /// Each partner's name and code (a locked journal is not lent to popups).
    pub codes: Vec<(String, Passphrase)>,
    /// Whose code is next, or showing.
    pub at: usize,
    /// Whether that code shows now (else the others are asked to look away first).
    pub showing: bool,
}

impl RecoveryCodes {
    /// The codes, the first one's partner about to be shown theirs.
    pub fn new(codes: Vec<(String, Passphrase)>) -> RecoveryCodes {
        RecoveryCodes {
            codes,
            at: 0,
            showing: false,
        }
    }

    /// The name and code of the partner whose turn it is.
    fn current(&self) -> Option<(String, &str)> {
        let (name, code) = self.codes.get(self.at)?;
        Some((one_line(name).into_owned(), code.0.expose_secret()))
    }

    fn keys(&self) -> &'static [Binding<CodesKey>] {
        match self.showing {
            true => RECOVERY_CODE_SHOWN,
            false => RECOVERY_CODE_NEXT,
        }
    }

    /// Whether the code due now shows whole in `area` (asking to look away always does).
    fn shows_code(&self, area: Rect, ctx: &Ctx) -> bool {
        !self.showing || self.fitting_lines(area, ctx.theme).is_some()
    }

    /// What the popup shows in `area`: the words, the code and the key where they fit;
    /// where the code does not, only [`TOO_SMALL`].
    fn lines(&self, area: Rect, theme: Theme) -> Vec<Line<'static>> {
        self.fitting_lines(area, theme)
            .unwrap_or_else(|| vec![Line::raw(TOO_SMALL)])
    }

    /// The words, the code (while it shows) and the key, spaced where there is room and
    /// close together where not, if they fit in `area` at all. A code wrapped or cut could
    /// be copied wrong, so it shows on a line of its own, whole, or not at all.
    fn fitting_lines(&self, area: Rect, theme: Theme) -> Option<Vec<Line<'static>>> {
        let (name, code) = self.current()?;
        let others: Vec<String> = (self.codes.iter().enumerate())
            .filter(|(n, _)| *n != self.at)
            .map(|(_, (other, _))| one_line(other).into_owned())
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let words = Line::raw(match self.showing {
            true => recovery_code_words_for(&name),
            false => recovery_code_next_words(&name, &others),
        });
        let columns = popup_inner_width(area, TITLE, std::slice::from_ref(&words));
        let code = match self.showing {
            true if width(code) <= columns => vec![Line::styled(code.to_owned(), theme.title())],
            true => return None,
            false => Vec::new(),
        };
        let keys: Vec<Line> = (self.keys().iter())
            .map(|b| key_line(theme, b.hint, b.does))
            .collect();
        let gap = |lines: &Vec<Line<'static>>| match lines.is_empty() {
            true => Vec::new(),
            false => vec![Line::raw("")],
        };
        let spaced = [
            vec![words.clone(), Line::raw("")],
            code.clone(),
            gap(&code),
            keys.clone(),
        ]
        .concat();
        let close = [vec![words], code, keys].concat();
        [spaced, close]
            .into_iter()
            .find(|lines| popup_fits(area, TITLE, lines))
    }
}

impl PopupView for RecoveryCodes {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Answer {
        match command(self.keys(), key, false) {
            Some(CodesKey::Show) => {
                self.showing = true;
                Answer::STAY
            }
            // A code the window is too small to show is not closed unseen.
            Some(CodesKey::Kept) if ctx.window.is_some_and(|w| !self.shows_code(w, ctx)) => {
                Answer::STAY
            }
            Some(CodesKey::Kept) => {
                // Kept: this code is wiped now rather than held until the last one is.
                if let Some((_, code)) = self.codes.get_mut(self.at) {
                    *code = Passphrase::new("");
                }
                self.at += 1;
                self.showing = false;
                match self.at < self.codes.len() {
                    true => Answer::STAY,
                    false => Answer::CLOSE,
                }
            }
            None => Answer::STAY,
        }
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(self.keys())
    }

    fn render(&self, ctx: &Ctx, _below: &Below, frame: &mut Frame, area: Rect) {
        popup(frame, area, TITLE, self.lines(area, ctx.theme), ctx.theme);
    }
}

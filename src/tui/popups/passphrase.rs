//! The passphrase popup: an encrypted journal opens for a partner, or for both, with a passphrase typed hidden.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use zeroize::Zeroizing;

use crate::journal::PartnerId;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::effects::Passphrase;
use crate::tui::keys::popups::{PASSPHRASE, PassphraseKey};
use crate::tui::keys::{Hint, command, hints, typed_char};
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, snug_popup};

/// The most characters the popup takes: far more than any passphrase, few enough to draw.
const MOST: usize = 1024;

/// A passphrase being typed for `partner` (`None`: either partner's, for both of you).
/// What is typed is never drawn (one `•` per character) and is wiped when it goes.
#[derive(Clone, PartialEq)]
pub struct PassphrasePopup {
    pub partner: Option<PartnerId>,
    /// The partner's name (a locked journal is not lent to popups).
    name: Option<String>,
    typed: Zeroizing<String>,
    /// The passphrase is with the loop, being tried.
    pub opening: bool,
    /// Why the last passphrase did not open the journal.
    pub problem: Option<String>,
    /// Asked where the partner already is, because the journal was encrypted while it
    /// was open: opening it leaves them where they are.
    pub in_place: bool,
    /// What they were saving when it was asked, done once the journal opens; it goes if
    /// the popup does.
    pub then: Option<Box<Action>>,
}

impl std::fmt::Debug for PassphrasePopup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PassphrasePopup")
            .field("partner", &self.partner)
            .field("typed", &self.typed.chars().count())
            .field("opening", &self.opening)
            .finish()
    }
}

impl PassphrasePopup {
    pub fn new(partner: Option<(PartnerId, String)>) -> PassphrasePopup {
        let (partner, name) = partner.unzip();
        PassphrasePopup {
            partner,
            name,
            typed: Zeroizing::new(String::new()),
            opening: false,
            problem: None,
            in_place: false,
            then: None,
        }
    }

    /// Asked where `partner` already is, because the journal was encrypted while it was
    /// open: `then` is what they were saving, done once it opens.
    pub fn in_place(partner: (PartnerId, String), then: Option<Action>) -> PassphrasePopup {
        PassphrasePopup {
            in_place: true,
            then: then.map(Box::new),
            ..PassphrasePopup::new(Some(partner))
        }
    }

    /// The passphrase did not open the journal: say why, and start again with nothing typed.
    pub fn refused(&mut self, message: String) {
        self.typed.clear();
        self.opening = false;
        self.problem = Some(message);
    }

    fn push(&mut self, text: &str) {
        for c in text.chars().filter(|c| !c.is_control()) {
            if self.typed.chars().count() < MOST {
                self.typed.push(c);
            }
        }
    }
}

impl PopupView for PassphrasePopup {
    fn handle_key(&mut self, key: KeyEvent, _ctx: &Ctx) -> Answer {
        if self.opening {
            return Answer::STAY;
        }
        match command(PASSPHRASE, key, true) {
            Some(PassphraseKey::Open) if self.typed.is_empty() => Answer::STAY,
            Some(PassphraseKey::Open) => {
                self.opening = true;
                self.problem = None;
                let passphrase = Passphrase::new(&self.typed);
                self.typed.clear();
                Answer::stay_and(Action::Unlock {
                    partner: self.partner,
                    passphrase,
                })
            }
            Some(PassphraseKey::Erase) => {
                self.typed.pop();
                Answer::STAY
            }
            Some(PassphraseKey::Clear) => {
                self.typed.clear();
                Answer::STAY
            }
            Some(PassphraseKey::Cancel) => Answer::CLOSE,
            None => {
                if let Some(c) = typed_char(key) {
                    self.push(&c.to_string());
                }
                Answer::STAY
            }
        }
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(PASSPHRASE)
    }

    fn types_text(&self) -> bool {
        true
    }

    fn on_paste(&mut self, text: &str) {
        if !self.opening {
            self.push(text);
        }
    }

    fn render(&self, ctx: &Ctx, _below: &Below, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let name = self.name.as_deref().map(crate::journal::text::one_line);
        let (title, ask) = match &name {
            Some(name) => (
                format!("{name}'s passphrase"),
                format!("{name}'s evening is sealed. Type {name}'s passphrase:"),
            ),
            None => (
                "Both of you".to_owned(),
                "Either of your passphrases opens what you share:".to_owned(),
            ),
        };
        let dots: String = "•".repeat(self.typed.chars().count().min(40));
        let mut lines = Vec::new();
        if self.in_place {
            lines.push(Line::raw(
                "The journal was encrypted while it was open here. What you were writing is still on this screen, not saved yet.",
            ));
            lines.push(Line::raw(""));
        }
        lines.extend([
            Line::raw(ask),
            Line::raw(""),
            Line::styled(format!("  {dots}▏"), theme.title()),
            Line::raw(""),
        ]);
        if self.opening {
            lines.push(Line::styled("Opening…", theme.muted()));
        } else if let Some(problem) = &self.problem {
            lines.push(Line::styled(problem.clone(), theme.error()));
        } else {
            lines.push(Line::styled("What you type is not shown.", theme.muted()));
        }
        lines.push(Line::raw(""));
        lines.extend(hints(PASSPHRASE).iter().map(|(k, d)| key_line(theme, k, d)));
        snug_popup(frame, area, &title, lines, theme);
    }
}

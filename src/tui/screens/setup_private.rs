//! First-run setup, after the names: keep the journal private with a passphrase each, typed twice and never shown.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use zeroize::Zeroizing;

use crate::journal::{MIN_PASSPHRASE_CHARS, check_new_passphrase, check_passphrase_is_their_own};
use crate::tui::ctx::Ctx;
use crate::tui::effects::Passphrase;
use crate::tui::keys::popups::{SETUP_PASSPHRASE, SETUP_PRIVATE, SetupPrivateKey};
use crate::tui::keys::{Hint, command, hints, typed_char};

/// The most characters a passphrase may have here.
const MOST: usize = 1024;

/// Where setup is after the names.
#[derive(Clone, PartialEq)]
pub struct PrivateSetup {
    pub names: [String; 2],
    /// `None`: the question is showing; `Some(n)`: partner `n`'s passphrase is being typed.
    pub partner: Option<usize>,
    /// The passphrase typed once already, while it is typed again.
    first: Option<Zeroizing<String>>,
    typed: Zeroizing<String>,
    /// Each partner's passphrase, once typed twice the same.
    chosen: Vec<Zeroizing<String>>,
    pub problem: Option<String>,
    /// Enter was pressed on the question, which only y or n answers.
    pub unanswered: bool,
    /// The journal is being made and sealed.
    pub sealing: bool,
}

impl std::fmt::Debug for PrivateSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PrivateSetup")
            .field("partner", &self.partner)
            .field("chosen", &self.chosen.len())
            .finish()
    }
}

/// What a key on these steps leads to.
pub enum Next {
    Stay,
    /// Back to the names.
    Back,
    /// A journal without passphrases.
    Plain,
    /// A journal sealed with these passphrases, in the partners' order.
    Sealed(Vec<Passphrase>),
}

impl PrivateSetup {
    pub fn new(names: [String; 2]) -> PrivateSetup {
        PrivateSetup {
            names,
            partner: None,
            first: None,
            typed: Zeroizing::new(String::new()),
            chosen: Vec::new(),
            problem: None,
            unanswered: false,
            sealing: false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Next {
        if self.sealing {
            return Next::Stay;
        }
        let Some(partner) = self.partner else {
            return match command(SETUP_PRIVATE, key, false) {
                Some(SetupPrivateKey::Yes) => {
                    self.partner = Some(0);
                    Next::Stay
                }
                Some(SetupPrivateKey::No) => Next::Plain,
                Some(SetupPrivateKey::Unanswered) => {
                    self.unanswered = true;
                    Next::Stay
                }
                Some(SetupPrivateKey::Back) => Next::Back,
                _ => Next::Stay,
            };
        };
        match command(SETUP_PASSPHRASE, key, true) {
            Some(SetupPrivateKey::Continue) => self.next_passphrase(partner),
            Some(SetupPrivateKey::Erase) => {
                self.typed.pop();
                Next::Stay
            }
            Some(SetupPrivateKey::Back) => {
                *self = PrivateSetup::new(self.names.clone());
                Next::Stay
            }
            _ => {
                if let Some(c) = typed_char(key) {
                    self.paste(&c.to_string());
                }
                Next::Stay
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.partner.is_some() && !self.sealing {
            for c in text.chars().filter(|c| !c.is_control()) {
                if self.typed.chars().count() < MOST {
                    self.typed.push(c);
                }
            }
        }
    }

    /// Enter on a passphrase: the first typing, or the second that must match it.
    fn next_passphrase(&mut self, partner: usize) -> Next {
        let typed = std::mem::replace(&mut self.typed, Zeroizing::new(String::new()));
        self.problem = None;
        let Some(first) = self.first.take() else {
            if typed.chars().count() < MIN_PASSPHRASE_CHARS {
                self.problem = check_new_passphrase(&typed, &typed)
                    .err()
                    .map(str::to_owned);
            } else {
                self.first = Some(typed);
            }
            return Next::Stay;
        };
        if let Err(why) = check_new_passphrase(&first, &typed) {
            self.problem = Some(format!("{why} Please choose it again."));
            return Next::Stay;
        }
        let others: Vec<&str> = self.chosen.iter().map(|p| p.as_str()).collect();
        if let Err(why) = check_passphrase_is_their_own(&first, &others) {
            self.problem = Some(format!("{why} Please choose another."));
            return Next::Stay;
        }
        self.chosen.push(first);
        if partner + 1 < self.names.len() {
            self.partner = Some(partner + 1);
            return Next::Stay;
        }
        self.sealing = true;
        Next::Sealed(self.chosen.iter().map(|p| Passphrase::new(p)).collect())
    }

    pub fn bindings(&self) -> Vec<Hint> {
        match self.partner {
            None => hints(SETUP_PRIVATE),
            Some(_) => hints(SETUP_PASSPHRASE),
        }
    }

    pub fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let area = area.centered_horizontally(Constraint::Length(area.width.min(72)));
        let mut lines = vec![
            Line::styled("Keep it private with passphrases?", theme.title()),
            Line::raw(""),
        ];
        match self.partner {
            None => {
                lines.push(Line::raw(
                    "With a passphrase each, every word is sealed on this computer: a private entry opens with its writer's passphrase only, and the rest with either of yours. Without one, private words are hidden from the other's screens but anyone who opens the file can read them.",
                ));
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    "y: yes, a passphrase each    n: not now (mend encrypt turns it on later)",
                    theme.key(),
                ));
                if self.unanswered {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled(
                        "Enter does not choose for you: press y or n.",
                        theme.gentle(),
                    ));
                }
            }
            Some(partner) => {
                let name = self.names.get(partner).map_or("", String::as_str);
                let ask = match self.first {
                    None => format!(
                        "{name}, choose your passphrase (at least {MIN_PASSPHRASE_CHARS} characters):"
                    ),
                    Some(_) => format!("{name}, the same passphrase again:"),
                };
                lines.push(Line::raw(ask));
                lines.push(Line::raw(""));
                let dots = "•".repeat(self.typed.chars().count().min(40));
                lines.push(Line::styled(format!("  {dots}▏"), theme.title()));
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    "What you type is not shown. Only you should see this screen now.",
                    theme.muted(),
                ));
                if self.sealing {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled("Sealing…", theme.muted()));
                }
            }
        }
        if let Some(problem) = &self.problem {
            lines.push(Line::raw(""));
            lines.push(Line::styled(problem.clone(), theme.error()));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
    }
}

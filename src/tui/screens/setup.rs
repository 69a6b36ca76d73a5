//! First run: the two partners' names and roles, a word on what mend is for, and where it keeps things.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::journal::{Journal, MAX_NAME_CHARS, Role, check_name};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{SETUP, SetupKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::popups::unsaved::Unsaved;
use crate::tui::view::View;
use crate::tui::widgets::line_input::{add_fitting, left_out_words};

use super::setup_private::{Next, PrivateSetup};

/// The setup form: two names, two optional roles.
#[derive(Debug, Clone, Default)]
pub struct SetupForm {
    pub names: [String; 2],
    pub roles: [Option<Role>; 2],
    /// 0 and 2 are the names, 1 and 3 the roles.
    pub focus: usize,
    pub error: Option<String>,
    /// After the names: whether to keep the journal private with passphrases.
    pub private: Option<PrivateSetup>,
}

const FIELDS: usize = 4;

impl SetupForm {
    fn partner(&self) -> usize {
        self.focus / 2
    }

    fn on_name(&self) -> bool {
        self.focus.is_multiple_of(2)
    }

    /// Adds the first line of `text` to the name in focus, and says what did not fit.
    pub fn paste(&mut self, text: &str) {
        if self.on_name() {
            let line = text.lines().next().unwrap_or("");
            let name = &mut self.names[self.partner()];
            let left_out = add_fitting(name, MAX_NAME_CHARS, line);
            self.error = (left_out > 0).then(|| {
                let what = left_out_words(left_out);
                format!("{what}: a name holds at most {MAX_NAME_CHARS}.")
            });
        }
    }

    fn cycle_role(&mut self, step: isize) {
        let role = &mut self.roles[self.partner()];
        *role = Role::cycle(*role, step);
    }

    /// Makes the journal: plain, or sealed with `passphrases` in the partners' order.
    fn create(
        &mut self,
        now: chrono::DateTime<chrono::FixedOffset>,
        passphrases: Option<Vec<crate::tui::effects::Passphrase>>,
    ) -> Option<Action> {
        let [first, second] = match self.validate() {
            Ok(names) => names,
            Err(message) => {
                self.private = None;
                self.error = Some(message);
                return None;
            }
        };
        let made = Journal::new(
            (&first, self.roles[0]),
            (&second, self.roles[1]),
            now.with_timezone(&chrono::Utc),
            now.date_naive(),
        );
        match made {
            Ok(mut journal) => {
                journal.started = journal.clock().evening_of(now.naive_local());
                Some(match passphrases {
                    None => Action::Create(Box::new(journal)),
                    Some(passphrases) => Action::CreateSealed {
                        passphrases: journal
                            .partners
                            .iter()
                            .map(|p| p.id)
                            .zip(passphrases)
                            .collect(),
                        journal: Box::new(journal),
                    },
                })
            }
            Err(err) => {
                self.private = None;
                self.error = Some(err.to_string());
                None
            }
        }
    }

    /// The journal this form describes, or why it cannot be made yet.
    fn validate(&self) -> Result<[String; 2], String> {
        let first = check_name(&self.names[0]).map_err(|e| e.to_string())?;
        let second = check_name(&self.names[1]).map_err(|e| e.to_string())?;
        if first.to_lowercase() == second.to_lowercase() {
            return Err("Please give two different names.".to_owned());
        }
        Ok([first, second])
    }
}

impl View for SetupForm {
    /// Names typed are writing too: quitting asks first rather than letting them go unseen.
    fn unsaved(&self) -> Unsaved {
        match self.names.iter().any(|name| !name.trim().is_empty()) {
            true => Unsaved::OnlyOnScreen,
            false => Unsaved::Nothing,
        }
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let now = ctx.now;
        if let Some(private) = &mut self.private {
            return match private.handle_key(key) {
                Next::Stay => None,
                Next::Back => {
                    self.private = None;
                    None
                }
                Next::Plain => {
                    self.private = None;
                    self.create(now, None)
                }
                Next::Sealed(passphrases) => self.create(now, Some(passphrases)),
            };
        }
        let form = self;
        form.error = None;
        let typing = form.on_name();
        match command(SETUP, key, typing) {
            Some(SetupKey::Quit) => return Some(Action::Quit),
            Some(SetupKey::Next) => form.focus = (form.focus + 1) % FIELDS,
            Some(SetupKey::Previous) => form.focus = (form.focus + FIELDS - 1) % FIELDS,
            // A name is typed; the role keys choose only on a role.
            Some(SetupKey::RoleBack | SetupKey::RoleOn) if typing => {}
            Some(SetupKey::RoleBack) => form.cycle_role(-1),
            Some(SetupKey::RoleOn) => form.cycle_role(1),
            None if typing => match key.code {
                KeyCode::Backspace => {
                    let partner = form.partner();
                    form.names[partner].pop();
                }
                KeyCode::Char(c) if !c.is_control() => {
                    let partner = form.partner();
                    if form.names[partner].chars().count() < MAX_NAME_CHARS {
                        form.names[partner].push(c);
                    } else {
                        form.error =
                            Some(format!("A name holds at most {MAX_NAME_CHARS} characters."));
                    }
                }
                _ => {}
            },
            Some(SetupKey::Continue) if form.focus + 1 < FIELDS => {
                if form.on_name() && form.names[form.partner()].trim().is_empty() {
                    form.error = Some("Please type a name first.".to_owned());
                } else {
                    form.focus += 1;
                }
            }
            Some(SetupKey::Continue) => match form.validate() {
                // Names that hold: next, whether to keep it private with passphrases.
                Ok(names) => form.private = Some(PrivateSetup::new(names)),
                Err(message) => form.error = Some(message),
            },
            None => {}
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        match &self.private {
            Some(private) => private.render(ctx, frame, area),
            None => draw(ctx, self, frame, area),
        }
    }

    fn title(&self, _name: &str) -> String {
        "Welcome".to_owned()
    }

    fn bindings(&self) -> Vec<Hint> {
        match &self.private {
            Some(private) => private.bindings(),
            None => hints(SETUP),
        }
    }

    fn on_save_failed(&mut self, message: &str) -> String {
        self.private = None;
        self.error = Some(message.to_owned());
        message.to_owned()
    }

    fn on_paste(&mut self, text: &str, _ctx: &Ctx) -> Option<Action> {
        match &mut self.private {
            Some(private) => private.paste(text),
            None => self.paste(text),
        }
        None
    }

    fn types_text(&self) -> bool {
        true
    }
}

fn draw(ctx: &Ctx, form: &SetupForm, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let width = area.width.min(72);
    let area = area.centered_horizontally(Constraint::Length(width));
    let [intro, fields, roles, error] = Layout::vertical([
        Constraint::Length(10),
        Constraint::Length(6),
        Constraint::Length(3),
        Constraint::Fill(1),
    ])
    .areas(area);
    let text = vec![
        Line::styled("Welcome to mend.", theme.title()),
        Line::raw(""),
        Line::raw(
            "mend is a quiet place for the two of you to rebuild trust, a few minutes each evening.",
        ),
        Line::raw(
            "Each of you answers a gentle prompt, checks in on how safe and close you feel, and keeps track of promises.",
        ),
        Line::from(vec![
            Span::raw("Everything stays on this computer, in "),
            Span::styled(ctx.journal_path.to_owned(), theme.muted()),
            Span::raw("."),
        ]),
        Line::styled(crate::journal::support::NOT_THERAPY, theme.muted()),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), intro);

    let mut lines = Vec::new();
    for partner in 0..2 {
        let name_focus = form.focus == partner * 2;
        let role_focus = form.focus == partner * 2 + 1;
        let label = if partner == 0 {
            "First partner's name "
        } else {
            "Second partner's name"
        };
        let cursor = if name_focus { "▏" } else { "" };
        lines.push(Line::from(vec![
            Span::styled(if name_focus { "› " } else { "  " }, theme.key()),
            Span::raw(format!("{label}  ")),
            Span::styled(
                format!("{}{cursor}", form.names[partner]),
                if name_focus {
                    theme.selected()
                } else {
                    theme.prompt()
                },
            ),
        ]));
        let role = form.roles[partner].map_or("not said (optional)", Role::describe);
        lines.push(Line::from(vec![
            Span::styled(if role_focus { "› " } else { "  " }, theme.key()),
            Span::raw("  their role          "),
            Span::styled(
                format!("‹ {role} ›"),
                if role_focus {
                    theme.selected()
                } else {
                    theme.muted()
                },
            ),
        ]));
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines), fields);
    // What a role changes, said before one is chosen.
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(Role::EXPLAINED, theme.muted()),
            Line::styled(
                "Press Enter on the last line to create your journal.",
                theme.muted(),
            ),
        ])
        .wrap(Wrap { trim: true }),
        roles,
    );
    if let Some(message) = &form.error {
        frame.render_widget(
            Paragraph::new(Line::styled(message.clone(), theme.error())).wrap(Wrap { trim: true }),
            error,
        );
    }
}

//! Settings for both partners: names, roles, when the evening ends, the week's first day, the reveal.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::journal::{Change, Journal, MAX_NAME_CHARS, Reveal, Role, WeekStart};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::done_words::{done_words, reveal_words, week_start_name};
use crate::tui::keys::tables::{SETTINGS, SettingsKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::view::View;
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::text;

/// One line of the settings, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// The name of the first or second partner.
    Name(usize),
    Role(usize),
    DayEnds,
    WeekStarts,
    Reveal,
}

const ROWS: [Row; 7] = [
    Row::Name(0),
    Row::Name(1),
    Row::Role(0),
    Row::Role(1),
    Row::DayEnds,
    Row::WeekStarts,
    Row::Reveal,
];

/// The settings screen: the names as typed, which line has the focus, and the change sent.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsScreen {
    names: [LineInput; 2],
    /// The names as the journal holds them, to tell a name being typed from a saved one.
    saved_names: [String; 2],
    pub focus: usize,
    /// The change sent to be saved, for the words that say it is.
    sent: Option<Change>,
}

impl SettingsScreen {
    pub fn new(journal: &Journal) -> SettingsScreen {
        let saved_names = partner_names(journal);
        SettingsScreen {
            names: saved_names
                .clone()
                .map(|name| LineInput::with_text(MAX_NAME_CHARS, &name)),
            saved_names,
            focus: 0,
            sent: None,
        }
    }

    fn row(&self) -> Row {
        ROWS[self.focus.min(ROWS.len() - 1)]
    }

    /// Whether a name on screen differs from the journal's.
    pub fn name_changed(&self) -> bool {
        (0..2).any(|i| self.names[i].text().trim() != self.saved_names[i])
    }

    /// The change a ←/→ (`step` -1 or 1) makes on the focused line, if it is a choice.
    fn choose(&self, journal: &Journal, step: isize) -> Option<Change> {
        let settings = &journal.settings;
        Some(match self.row() {
            Row::Name(_) => return None,
            Row::Role(slot) => {
                let partner = journal.partners.get(slot)?;
                Change::SetRole {
                    partner: partner.id,
                    role: Role::cycle(partner.role, step),
                }
            }
            Row::DayEnds => Change::SetDayEndsAt {
                hour: u8::try_from((isize::from(settings.day_ends_at) + step).rem_euclid(24))
                    .unwrap_or(0),
            },
            Row::WeekStarts => Change::SetWeekStart {
                week_starts: match settings.week_starts {
                    WeekStart::Monday => WeekStart::Sunday,
                    WeekStart::Sunday => WeekStart::Monday,
                },
            },
            Row::Reveal => Change::SetReveal {
                reveal: match settings.reveal {
                    Reveal::AfterBoth => Reveal::AtOnce,
                    Reveal::AtOnce => Reveal::AfterBoth,
                },
            },
        })
    }

    fn send(&mut self, change: Change) -> Option<Action> {
        self.sent = Some(change.clone());
        Some(Action::Apply(change))
    }
}

fn partner_names(journal: &Journal) -> [String; 2] {
    [0, 1].map(|i| {
        journal
            .partners
            .get(i)
            .map_or_else(String::new, |p| p.name.clone())
    })
}

impl View for SettingsScreen {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let journal = ctx.journal?;
        let typing = matches!(self.row(), Row::Name(_));
        match command(SETTINGS, key, typing) {
            Some(SettingsKey::Back) if self.name_changed() => {
                self.names = self
                    .saved_names
                    .clone()
                    .map(|name| LineInput::with_text(MAX_NAME_CHARS, &name));
                return Some(Action::Tell(
                    "The name is as it was; nothing was changed. Esc again goes back.".to_owned(),
                ));
            }
            Some(SettingsKey::Back) => return Some(Action::ChooseWho),
            Some(SettingsKey::Previous) => self.focus = (self.focus + ROWS.len() - 1) % ROWS.len(),
            Some(SettingsKey::Next) => self.focus = (self.focus + 1) % ROWS.len(),
            Some(SettingsKey::Lower) => return self.choose(journal, -1).and_then(|c| self.send(c)),
            Some(SettingsKey::Raise) => return self.choose(journal, 1).and_then(|c| self.send(c)),
            Some(SettingsKey::Save) => {
                if let Row::Name(slot) = self.row() {
                    let partner = journal.partners.get(slot)?;
                    let name = self.names[slot].text().trim().to_owned();
                    if name == partner.name {
                        return Some(Action::Tell(format!(
                            "{} is already the name; type a new one, then Enter.",
                            partner.name
                        )));
                    }
                    return self.send(Change::RenamePartner {
                        partner: partner.id,
                        name,
                    });
                }
            }
            None => {
                if let Row::Name(slot) = self.row() {
                    self.names[slot].on_key(key);
                }
            }
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self, frame, area);
    }

    fn title(&self, _name: &str) -> String {
        "Settings, for both of you".to_owned()
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(SETTINGS)
    }

    fn types_text(&self) -> bool {
        matches!(self.row(), Row::Name(_))
    }

    fn on_paste(&mut self, text: &str, _ctx: &Ctx) -> Option<Action> {
        if let Row::Name(slot) = self.row() {
            self.names[slot].paste(text);
        }
        None
    }

    /// A name typed here follows the journal only where it was not being changed.
    fn on_journal_changed(&mut self, ctx: &Ctx) {
        let Some(journal) = ctx.journal else {
            return;
        };
        let saved = partner_names(journal);
        for (i, name) in saved.iter().enumerate() {
            if self.names[i].text().trim() == self.saved_names[i] {
                self.names[i] = LineInput::with_text(MAX_NAME_CHARS, name);
            }
        }
        self.saved_names = saved;
    }

    fn on_saved(&mut self, _before: Option<&Journal>, ctx: &Ctx) -> Option<Action> {
        let (change, journal) = (self.sent.take()?, ctx.journal?);
        if let Change::RenamePartner { partner, .. } = &change
            && let Some(slot) = journal.partners.iter().position(|p| p.id == *partner)
        {
            self.names[slot] = LineInput::with_text(MAX_NAME_CHARS, journal.name_of(*partner));
            self.saved_names[slot] = journal.name_of(*partner).to_owned();
        }
        Some(Action::Tell(done_words(&change, journal)))
    }

    /// The domain's refusal, worded as what was not changed; a typed name stays on screen.
    fn on_save_failed(&mut self, message: &str) -> String {
        match self.sent.take() {
            Some(Change::RenamePartner { .. }) => format!("The name was not changed. {message}"),
            _ => format!("Nothing was changed. {message}"),
        }
    }
}

fn draw(ctx: &Ctx, screen: &SettingsScreen, frame: &mut Frame, area: Rect) {
    let Some(journal) = ctx.journal else {
        return;
    };
    let theme = ctx.theme;
    let area = area.centered_horizontally(Constraint::Length(area.width.min(72)));
    let [intro, rows, _, about] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(u16::try_from(ROWS.len()).unwrap_or(u16::MAX)),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            "Shared by both of you. A choice is saved as soon as it changes.",
            theme.muted(),
        ))
        .wrap(Wrap { trim: true }),
        intro,
    );
    let lines: Vec<Line> = ROWS
        .iter()
        .enumerate()
        .map(|(at, row)| row_line(journal, screen, *row, at == screen.focus, ctx))
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    frame.render_widget(
        Paragraph::new(Line::styled(about_words(journal, screen), theme.muted()))
            .wrap(Wrap { trim: true }),
        about,
    );
}

/// The widest a name is shown in a label; longer names end in "…".
const LABEL_NAME_COLUMNS: usize = 12;
/// The labels' column, so the values line up.
const LABEL_COLUMNS: usize = 22;

fn row_line(
    journal: &Journal,
    screen: &SettingsScreen,
    row: Row,
    focused: bool,
    ctx: &Ctx,
) -> Line<'static> {
    let theme = ctx.theme;
    let name = |slot: usize| {
        let name = screen.saved_names.get(slot).map_or("", String::as_str);
        text::fit(name, LABEL_NAME_COLUMNS).trim_end().to_owned()
    };
    let settings = &journal.settings;
    let (label, value) = match row {
        Row::Name(slot) => {
            let label = format!("{}'s name", name(slot));
            let mut spans = vec![
                Span::styled(if focused { "› " } else { "  " }, theme.key()),
                Span::styled(text::fit(&label, LABEL_COLUMNS), label_style(focused, ctx)),
                Span::raw(screen.names[slot].text().to_owned()),
            ];
            if focused {
                spans.push(Span::styled(" ", theme.selected()));
            }
            if screen.names[slot].text().trim() != screen.saved_names[slot] {
                spans.push(Span::styled("  (not saved; Enter saves)", theme.muted()));
            }
            return Line::from(spans);
        }
        Row::Role(slot) => (
            format!("{}'s role", name(slot)),
            Role::describe_choice(journal.partners.get(slot).and_then(|p| p.role)).to_owned(),
        ),
        Row::DayEnds => (
            "The evening ends at".to_owned(),
            format!("{:02}:00", settings.day_ends_at),
        ),
        Row::WeekStarts => (
            "Weeks start on".to_owned(),
            week_start_name(settings.week_starts).to_owned(),
        ),
        Row::Reveal => (
            "Your partner's words".to_owned(),
            match settings.reveal {
                Reveal::AfterBoth => "open once you have both written",
                Reveal::AtOnce => "open as soon as they are saved",
            }
            .to_owned(),
        ),
    };
    let value = if focused {
        Span::styled(format!("‹ {value} ›"), theme.selected())
    } else {
        Span::raw(value)
    };
    Line::from(vec![
        Span::styled(if focused { "› " } else { "  " }, theme.key()),
        Span::styled(text::fit(&label, LABEL_COLUMNS), label_style(focused, ctx)),
        value,
    ])
}

fn label_style(focused: bool, ctx: &Ctx) -> ratatui::style::Style {
    if focused {
        ctx.theme.heading()
    } else {
        ctx.theme.muted()
    }
}

/// What the focused setting changes, in a plain sentence or two.
fn about_words(journal: &Journal, screen: &SettingsScreen) -> String {
    let settings = &journal.settings;
    match screen.row() {
        Row::Name(_) => format!(
            "Type a new name (up to {MAX_NAME_CHARS} characters), then Enter saves it. Everything already written keeps its author."
        ),
        Row::Role(_) => format!("{} ←/→ chooses.", Role::EXPLAINED),
        Row::DayEnds => format!(
            "Writing before {:02}:00 counts for the evening before, so a late night stays with its evening. ←/→ changes the hour.",
            settings.day_ends_at
        ),
        Row::WeekStarts => {
            "The first day of each week in \"Both of us\" and the weekly summary. ←/→ changes it."
                .to_owned()
        }
        Row::Reveal => format!("{} ←/→ changes it.", reveal_words(settings.reveal)),
    }
}

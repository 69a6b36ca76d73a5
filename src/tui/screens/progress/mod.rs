//! Looking back together: a chosen week's figures, in six sections, with week-by-week navigation.

mod calendar;
mod healing;
mod overview;
mod plan;
mod reciprocity;
mod shared;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::journal::{Journal, RatingName, Week};
use crate::progress::Progress;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{PROGRESS, ProgressKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::scroll::furthest;

/// The parts of the progress view, one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Overview,
    Healing,
    Reciprocity,
    Shared,
    Calendar,
    /// The plan for hard moments: moments shared, pauses asked for, the plan's changes.
    Plan,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::Healing,
        Section::Reciprocity,
        Section::Shared,
        Section::Calendar,
        Section::Plan,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Healing => "Healing",
            Section::Reciprocity => "Reciprocity",
            Section::Shared => "Shared words",
            Section::Calendar => "Calendar",
            Section::Plan => "The plan",
        }
    }

    fn step(self, by: isize) -> Section {
        let at = Section::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let len = Section::ALL.len() as isize;
        Section::ALL[(at as isize + by).rem_euclid(len) as usize]
    }
}

/// What the progress view shows: which week, which section, which rating, and how far down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressState {
    pub week: Week,
    pub section: Section,
    /// The rating the healing chart draws.
    pub rating: RatingName,
    /// Lines (or evenings, in shared words) scrolled past.
    pub scroll: u16,
}

/// Said when "Both of us" opens on last week because this one holds nothing yet.
pub const JUST_BEGUN: &str = "This week has just begun; here is last week.";

impl ProgressState {
    /// The view as it opens: on this week, or, when this week holds nothing yet (the evening
    /// of the weekly talk, often a Monday) and the week before holds something, on that last
    /// complete week. Says whether it chose last week, so the screen can say so.
    pub fn opening(
        progress: &Progress,
        first_week: Week,
        this_week: Week,
    ) -> (ProgressState, bool) {
        let last_week = this_week.previous();
        let use_last =
            !progress.has_data(this_week) && this_week > first_week && progress.has_data(last_week);
        let week = if use_last { last_week } else { this_week };
        (ProgressState::new(week), use_last)
    }

    pub fn new(week: Week) -> ProgressState {
        ProgressState {
            week,
            section: Section::Overview,
            rating: RatingName::Trust,
            scroll: 0,
        }
    }
}

impl crate::tui::view::View for ProgressState {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let (first_week, this_week) = ctx.journal?.week_range(ctx.today);
        let state = self;
        match command(PROGRESS, key, false)? {
            ProgressKey::WeekBack => {
                if state.week > first_week {
                    state.week = state.week.previous();
                    state.scroll = 0;
                } else {
                    return Some(Action::Tell(
                        "This is the week you started; there is nothing before it.".to_owned(),
                    ));
                }
            }
            ProgressKey::WeekOn => {
                if state.week < this_week {
                    state.week = state.week.next();
                    state.scroll = 0;
                } else {
                    return Some(Action::Tell(
                        "This is the current week; there is nothing after it yet.".to_owned(),
                    ));
                }
            }
            ProgressKey::ThisWeek => {
                state.week = this_week;
                state.scroll = 0;
            }
            ProgressKey::NextSection => {
                state.section = state.section.step(1);
                state.scroll = 0;
            }
            ProgressKey::PreviousSection => {
                state.section = state.section.step(-1);
                state.scroll = 0;
            }
            ProgressKey::Section => {
                let at = match key.code {
                    KeyCode::Char(c) => usize::from((c as u8).saturating_sub(b'1')),
                    _ => 0,
                };
                if let Some(section) = Section::ALL.get(at) {
                    state.section = *section;
                    state.scroll = 0;
                }
            }
            ProgressKey::Rating => {
                let at = RatingName::ALL.iter().position(|r| *r == state.rating);
                state.rating = RatingName::ALL[(at.unwrap_or(0) + 1) % 3];
            }
            ProgressKey::Up => state.scroll = state.scroll.saturating_sub(1),
            ProgressKey::Down => {
                state.scroll = state.scroll.saturating_add(1).min(scroll_limit(ctx, state));
            }
            ProgressKey::Export => return Some(Action::AskExport(state.week)),
            ProgressKey::Talk => return Some(Action::OpenTalk(state.week)),
            ProgressKey::Partner => return Some(Action::ChooseWho),
            ProgressKey::Quit => return Some(Action::Quit),
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self, frame, area);
    }

    fn title(&self, _name: &str) -> String {
        "Both of us, looking back".to_owned()
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(PROGRESS)
    }
}

/// How far down the section shown scrolls, in the window last drawn: shared words by
/// evening, until the last is at the top; the overview and the plan by row, until the last
/// is at the foot; the others not at all.
fn scroll_limit(ctx: &Ctx, state: &ProgressState) -> u16 {
    let (Some(journal), Some(progress)) = (ctx.journal, ctx.progress) else {
        return 0;
    };
    let [_, _, body] = bands(layout::body_after_key(ctx.window));
    let view = View {
        journal,
        progress,
        state,
        theme: ctx.theme,
    };
    let rows = |paragraph: Paragraph| furthest(paragraph.line_count(body.width), body.height);
    match state.section {
        Section::Shared => {
            let evenings = progress.shared_evenings(state.week).len();
            u16::try_from(evenings.saturating_sub(1)).unwrap_or(u16::MAX)
        }
        Section::Overview => rows(overview::paragraph(&view, body.width)),
        Section::Plan => rows(plan::paragraph(&view)),
        Section::Healing | Section::Reciprocity | Section::Calendar => 0,
    }
}

/// The week line, the section tabs and the section's body.
fn bands(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(area)
}

fn draw(ctx: &Ctx, state: &ProgressState, frame: &mut Frame, area: Rect) {
    let (Some(journal), Some(progress)) = (ctx.journal, ctx.progress) else {
        return;
    };
    let theme = ctx.theme;
    let [week_line, tabs, body] = bands(area);
    draw_week_line(progress, state.week, theme, frame, week_line);
    draw_tabs(state.section, theme, frame, tabs);
    if progress.weeks_with_data().next().is_none() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled("Nothing to look back on yet.", theme.heading()),
                Line::raw(""),
                Line::raw(
                    "Each evening, one of you writes a few lines or checks in. The weeks add up here: how safe, trusting and connected you each feel, the promises kept, and the words you shared.",
                ),
                Line::raw(""),
                Line::styled(
                    "Press p to choose who is here tonight and begin.",
                    theme.muted(),
                ),
            ])
            .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    let view = View {
        journal,
        progress,
        state,
        theme,
    };
    match state.section {
        Section::Overview => overview::draw(&view, frame, body),
        Section::Healing => healing::draw(&view, frame, body),
        Section::Reciprocity => reciprocity::draw(&view, frame, body),
        Section::Shared => shared::draw(&view, frame, body),
        Section::Calendar => calendar::draw(&view, frame, body),
        Section::Plan => plan::draw(&view, frame, body),
    }
}

/// What every section draws from.
pub(super) struct View<'a> {
    pub journal: &'a Journal,
    pub progress: &'a Progress,
    pub state: &'a ProgressState,
    pub theme: Theme,
}

impl View<'_> {
    /// The two partners as (slot, id, name), in the progress figures' order.
    pub fn partners(&self) -> Vec<(usize, crate::journal::PartnerId, &str)> {
        self.progress
            .partners()
            .iter()
            .enumerate()
            .map(|(slot, id)| (slot, *id, self.journal.name_of(*id)))
            .collect()
    }

    /// A short note for a week with nothing in it.
    pub fn quiet_week(&self) -> Option<Line<'static>> {
        (!self.progress.has_data(self.state.week)).then(|| {
            Line::styled(
                "Nothing was recorded this week. That is all right; ← and → move between weeks.",
                self.theme.muted(),
            )
        })
    }
}

fn draw_week_line(progress: &Progress, week: Week, theme: Theme, frame: &mut Frame, area: Rect) {
    let dates = format!(
        "{} – {}",
        week.start().format("%a %-d %b"),
        week.end().format("%a %-d %b %Y")
    );
    let when = if week == progress.this_week() {
        " · this week"
    } else {
        ""
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("Week {week}"), theme.heading()),
            Span::styled(format!(" · {dates}{when}"), theme.muted()),
            Span::styled("   ←/→ week", theme.muted()),
        ])),
        area,
    );
}

fn draw_tabs(section: Section, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (at, s) in Section::ALL.iter().enumerate() {
        let label = format!(" {} {} ", at + 1, s.title());
        spans.push(if *s == section {
            Span::styled(label, theme.selected())
        } else {
            Span::styled(label, theme.muted())
        });
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

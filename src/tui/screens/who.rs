//! Who is here tonight: one partner, or both of you to review together.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::journal::text::one_line;
use crate::journal::{Change, Journal, Partner, Role};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{WHO, WhoKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::theme::Theme;
use crate::tui::tonight::greeting;
use crate::tui::view::View;

/// "Who is here": which row is chosen; the last row is both partners together.
#[derive(Debug, Clone, Default)]
pub struct WhoScreen {
    pub selected: usize,
}

impl View for WhoScreen {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let journal = ctx.journal?;
        let rows = journal.partners.len() + 1;
        let selected = &mut self.selected;
        match command(WHO, key, false)? {
            WhoKey::Up => *selected = (*selected + rows - 1) % rows,
            WhoKey::Down => *selected = (*selected + 1) % rows,
            WhoKey::Pick => {
                if let KeyCode::Char(c) = key.code {
                    *selected = (c as usize).saturating_sub('1' as usize).min(rows - 1);
                }
            }
            WhoKey::Open => {
                return Some(match journal.partners.get(*selected) {
                    Some(partner) => Action::ChoosePartner(partner.id),
                    None => Action::LookBackTogether,
                });
            }
            WhoKey::Role => {
                let partner = journal.partners.get(*selected)?;
                return Some(Action::Apply(Change::SetRole {
                    partner: partner.id,
                    role: Role::cycle(partner.role, 1),
                }));
            }
            WhoKey::Settings => return Some(Action::OpenSettings),
            WhoKey::Quit => return Some(Action::Quit),
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self.selected, frame, area);
    }

    fn title(&self, _name: &str) -> String {
        "Who is here".to_owned()
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(WHO)
    }

    /// A role changed here: say so, and what a role changes.
    fn on_saved(&mut self, before: Option<&Journal>, ctx: &Ctx) -> Option<Action> {
        let (before, after) = (before?, ctx.journal?);
        let changed = after
            .partners
            .iter()
            .find(|p| before.partner(p.id).is_some_and(|old| old.role != p.role))?;
        Some(Action::Tell(crate::tui::done_words::done_words(
            &Change::SetRole {
                partner: changed.id,
                role: changed.role,
            },
            after,
        )))
    }
}

/// Columns the role lines are set in from the list's left edge, under the names.
const ROLE_INDENT: u16 = 3;

fn draw(ctx: &Ctx, selected: usize, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let Some(journal) = ctx.journal else {
        return;
    };
    let mut rows: Vec<String> = journal.partners.iter().map(|p| p.name.clone()).collect();
    rows.push("Both of us, to look back together".to_owned());
    let width = area.width.min(48);
    let role_width = width.saturating_sub(ROLE_INDENT);
    // Room for the longest role words of the two, so the list stays put as the choice moves.
    let role_height = journal
        .partners
        .iter()
        .map(|p| role_words(p, theme).line_count(role_width))
        .max()
        .unwrap_or(0)
        .max(2);
    let height = rows.len() * 2 + 3 + role_height;
    let area = area.centered(
        Constraint::Length(width),
        Constraint::Length(u16::try_from(height).unwrap_or(u16::MAX).min(area.height)),
    );
    let [title, list, role] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(u16::try_from(rows.len() * 2).unwrap_or(u16::MAX)),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(format!("{}.", greeting(ctx.now.time())), theme.title()),
            Line::raw("Who is here tonight?"),
        ]),
        title,
    );
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .flat_map(|(i, name)| {
            let chosen = i == selected;
            let style = if chosen {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            [
                Line::from(vec![
                    Span::styled(if chosen { " › " } else { "   " }, theme.key()),
                    Span::styled(format!(" {} ", name), style),
                ]),
                Line::raw(""),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    // The highlighted partner's role, and the key that changes it, set in under the names
    // so a line that wraps keeps to the same edge.
    if let Some(partner) = journal.partners.get(selected) {
        let [_, role] =
            Layout::horizontal([Constraint::Length(ROLE_INDENT), Constraint::Fill(1)]).areas(role);
        frame.render_widget(role_words(partner, theme), role);
    }
}

/// "Alex's role: the one repairing." and, on a line of its own, the key that changes it.
fn role_words(partner: &Partner, theme: Theme) -> Paragraph<'static> {
    Paragraph::new(vec![
        Line::styled(
            format!(
                "{}'s role: {}.",
                one_line(&partner.name),
                Role::describe_choice(partner.role)
            ),
            theme.muted(),
        ),
        Line::styled("Press r to change it.", theme.muted()),
    ])
    .wrap(Wrap { trim: true })
}

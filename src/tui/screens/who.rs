//! Who is here tonight: one partner, or both of you to review together.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Screen};
use crate::tui::effects::Effect;
use crate::tui::tonight::greeting;

impl App {
    pub(crate) fn who_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Some(journal) = &self.journal else {
            return Vec::new();
        };
        let rows = journal.partners.len() + 1;
        let ids: Vec<_> = journal.partners.iter().map(|p| p.id).collect();
        let Screen::Who { selected } = &mut self.screen else {
            return Vec::new();
        };
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => *selected = (*selected + rows - 1) % rows,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => *selected = (*selected + 1) % rows,
            KeyCode::Char(c @ '1'..='3') => *selected = (c as usize - '1' as usize).min(rows - 1),
            KeyCode::Enter => {
                return match ids.get(*selected) {
                    Some(id) => self.choose_partner(*id),
                    None => {
                        self.partner = None;
                        self.open_progress();
                        self.refresh();
                        Vec::new()
                    }
                };
            }
            KeyCode::Char('q') => return self.ask_quit(),
            _ => {}
        }
        Vec::new()
    }
}

pub fn draw(app: &App, selected: usize, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(journal) = &app.journal else {
        return;
    };
    let mut rows: Vec<String> = journal.partners.iter().map(|p| p.name.clone()).collect();
    rows.push("Both of us, to look back together".to_owned());
    let height = u16::try_from(rows.len() * 2 + 3).unwrap_or(u16::MAX);
    let area = area.centered(
        Constraint::Length(area.width.min(48)),
        Constraint::Length(height.min(area.height)),
    );
    let [title, list] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(format!("{}.", greeting(app.now.time())), theme.title()),
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
}

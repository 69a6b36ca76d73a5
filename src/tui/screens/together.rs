//! Both of you at one screen: this week's shared writing side by side, to read together.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::journal::{Journal, Week};
use crate::tui::app::{App, Effect, Overlay};

impl App {
    pub(crate) fn together_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match key.code {
            KeyCode::Char('p') | KeyCode::Esc => self.go_who(),
            KeyCode::Char('?') => self.overlay = Some(Overlay::Help),
            KeyCode::Char('q') => return self.ask_quit(),
            _ => {}
        }
        Vec::new()
    }
}

/// One partner's shared writing of the week, worked out when the journal changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub week: Week,
    /// Each entry's weekday and text, oldest first.
    pub entries: Vec<(String, String)>,
}

/// Both partners' shared entries of the week holding `today`. Private entries never appear.
pub fn columns(journal: &Journal, today: chrono::NaiveDate) -> Vec<Column> {
    let week = journal.clock().week_of(today);
    journal
        .partners
        .iter()
        .map(|partner| {
            let mut entries: Vec<_> = journal
                .live_entries()
                .filter(|e| e.meta.author == partner.id && e.is_shared() && week.contains(e.day))
                .collect();
            entries.sort_by_key(|e| (e.day, e.meta.created));
            Column {
                name: partner.name.clone(),
                week,
                entries: entries
                    .into_iter()
                    .map(|e| (e.day.format("%A").to_string(), e.text.clone()))
                    .collect(),
            }
        })
        .collect()
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let areas = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas::<2>(area);
    for (column, column_area) in app.together.iter().zip(areas) {
        let mut lines = Vec::new();
        for (weekday, text) in &column.entries {
            lines.push(Line::styled(weekday.clone(), theme.heading()));
            lines.extend(text.lines().map(|l| Line::raw(l.to_owned())));
            lines.push(Line::raw(""));
        }
        if lines.is_empty() {
            lines.push(Line::styled("Nothing shared this week yet.", theme.muted()));
        }
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(format!(" {} · week {} ", column.name, column.week));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            column_area,
        );
    }
}

//! Both of you at one screen: this week's shared writing side by side, to read together.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

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

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(journal) = &app.journal else {
        return;
    };
    let theme = app.theme;
    let week = journal.clock().week_of(app.today());
    let columns = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas::<2>(area);
    for (partner, column) in journal.partners.iter().zip(columns) {
        let mut entries: Vec<_> = journal
            .live_entries()
            .filter(|e| e.meta.author == partner.id && e.is_shared() && week.contains(e.day))
            .collect();
        entries.sort_by_key(|e| (e.day, e.meta.created));
        let mut lines = Vec::new();
        for e in entries {
            lines.push(Line::styled(
                e.day.format("%A").to_string(),
                theme.heading(),
            ));
            lines.extend(e.text.lines().map(|l| Line::raw(l.to_owned())));
            lines.push(Line::raw(""));
        }
        if lines.is_empty() {
            lines.push(Line::styled("Nothing shared this week yet.", theme.muted()));
        }
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(format!(" {} · week {week} ", partner.name));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            column,
        );
    }
}

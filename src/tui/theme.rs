//! Colours and text styles, calm by default and plain under NO_COLOR.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

/// The styles every screen draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn muted(self) -> Style {
        self.fg(Color::Gray).add_modifier(Modifier::DIM)
    }

    pub fn prompt(self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::ITALIC)
    }

    pub fn done(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn gentle(self) -> Style {
        self.fg(Color::Yellow)
    }

    /// Something changed by agreement: neither done nor undone.
    pub fn calm(self) -> Style {
        self.fg(Color::LightBlue)
    }

    pub fn key(self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn focus_border(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// The first and second partner told apart in charts and the calendar.
    pub fn partner(self, slot: usize) -> Style {
        self.fg(if slot == 0 {
            Color::LightCyan
        } else {
            Color::LightMagenta
        })
    }

    pub fn error(self) -> Style {
        self.fg(Color::LightRed)
    }

    /// Under NO_COLOR, removes every colour from a drawn frame (widgets may add their own),
    /// keeping bold and reverse, which crossterm would otherwise reset along with colours.
    pub fn strip_colors(self, buffer: &mut Buffer) {
        if self.color {
            return;
        }
        for cell in &mut buffer.content {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
            cell.underline_color = Color::Reset;
        }
    }
}

//! Drawing the settings screen: its lines, each value, and what the focused setting changes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Row, SettingsScreen};
use crate::journal::{Journal, MAX_NAME_CHARS, Reveal, Role};
use crate::tui::ctx::Ctx;
use crate::tui::done_words::{AT_ONCE_FROM_TOMORROW, reveal_words, week_start_name};
use crate::tui::widgets::text;

pub(super) fn draw(ctx: &Ctx, screen: &SettingsScreen, frame: &mut Frame, area: Rect) {
    let Some(journal) = ctx.journal else {
        return;
    };
    let theme = ctx.theme;
    let area = area.centered_horizontally(Constraint::Length(area.width.min(72)));
    let [intro, rows, _, about] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(u16::try_from(screen.rows().len()).unwrap_or(u16::MAX)),
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
    let lines: Vec<Line> = screen
        .rows()
        .iter()
        .enumerate()
        .map(|(at, row)| row_line(journal, screen, *row, at == screen.focus, ctx))
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    frame.render_widget(
        Paragraph::new(Line::styled(
            about_words(journal, screen, ctx),
            theme.muted(),
        ))
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
    let from_tomorrow = journal.at_once_from_tomorrow(ctx.today);
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
            match (settings.reveal, from_tomorrow) {
                (Reveal::AfterBoth, _) => "open once you have both written",
                (Reveal::AtOnce, false) => "open as soon as they are saved",
                (Reveal::AtOnce, true) => "open as soon as saved, from tomorrow",
            }
            .to_owned(),
        ),
        Row::LockAfter => (
            "Lock when unused for".to_owned(),
            crate::words::count(
                usize::from(settings.lock_after_minutes()),
                "minute",
                "minutes",
            ),
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
fn about_words(journal: &Journal, screen: &SettingsScreen, ctx: &Ctx) -> String {
    let settings = &journal.settings;
    let from_tomorrow = journal.at_once_from_tomorrow(ctx.today);
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
        Row::Reveal if from_tomorrow => format!("{AT_ONCE_FROM_TOMORROW} ←/→ changes it."),
        Row::Reveal => format!("{} ←/→ changes it.", reveal_words(settings.reveal)),
        Row::LockAfter => format!(
            "After {} with no key, mend locks itself: it forgets the keys and goes back to \"who is here\", keeping any writing as a sealed draft. It locks on quit too. ←/→ changes it.",
            crate::words::count(
                usize::from(settings.lock_after_minutes()),
                "minute",
                "minutes"
            )
        ),
    }
}

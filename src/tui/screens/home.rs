//! Tonight: the guided prompt, this evening's status, the other's words and the open promises.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{home_exchange, home_plan};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{HOME, HomeKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::tonight::{PromiseLine, Tonight};
use crate::tui::view::View;

/// The evening screen; everything it shows is tonight's, so it keeps no state of its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct HomeScreen;

impl View for HomeScreen {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let (Some(tonight), Some(_)) = (ctx.tonight, ctx.partner) else {
            return Some(Action::ChooseWho);
        };
        Some(match command(HOME, key, false)? {
            HomeKey::Write => Action::Write,
            HomeKey::CheckIn => Action::CheckIn,
            HomeKey::Journal => Action::OpenJournal,
            HomeKey::Promises => Action::OpenPromises,
            HomeKey::Plan => Action::OpenPlan,
            HomeKey::Stage => Action::ChooseStage(tonight.stage.next()),
            HomeKey::Prompt => Action::AnotherPrompt,
            HomeKey::LastAnswer => match tonight.last_answer {
                Some((entry, _)) => Action::ReadEntry(entry),
                None => Action::Tell("You have not answered this prompt before.".to_owned()),
            },
            HomeKey::Partner => Action::ChooseWho,
            HomeKey::Quit => Action::Quit,
        })
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, frame, area);
    }

    fn title(&self, name: &str) -> String {
        format!("Tonight with {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(HOME)
    }
}

fn draw(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let Some(tonight) = ctx.tonight else {
        return;
    };
    let theme = ctx.theme;
    let prompt_height = prompt_height(tonight, area.width);
    let [prompt_area, status_area] =
        Layout::vertical([Constraint::Length(prompt_height), Constraint::Fill(1)]).areas(area);

    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Line::from(vec![
            Span::raw(" Tonight's prompt · "),
            Span::styled(tonight.stage.title(), theme.heading()),
            Span::raw(" "),
        ]));
    let mut prompt = vec![
        Line::styled(tonight.purpose.clone(), theme.muted()),
        Line::raw(""),
    ];
    prompt.push(match &tonight.prompt {
        Some(text) => Line::styled(text.clone(), theme.prompt()),
        None => Line::raw("Write whatever is on your mind tonight."),
    });
    prompt.extend(last_answer_line(ctx, tonight));
    frame.render_widget(
        Paragraph::new(prompt)
            .block(block)
            .wrap(Wrap { trim: true }),
        prompt_area,
    );
    frame.render_widget(
        Paragraph::new(status_lines(ctx, tonight, status_area.width)).wrap(Wrap { trim: false }),
        status_area,
    );
}

/// Room for the prompt box: its text wrapped to the width, plus the purpose and borders.
fn prompt_height(tonight: &Tonight, width: u16) -> u16 {
    let inner = usize::from(width.saturating_sub(2).max(1));
    let prompt_len = tonight.prompt.as_deref().map_or(40, |p| p.chars().count());
    let purpose_len = tonight.purpose.chars().count();
    let last = usize::from(tonight.last_answer.is_some());
    let lines = prompt_len.div_ceil(inner) + purpose_len.div_ceil(inner).max(1) + 1 + last;
    u16::try_from(lines + 2).unwrap_or(u16::MAX).min(9)
}

/// "You answered this on 3 Nov; l reads it." under the prompt, when this partner has.
fn last_answer_line(ctx: &Ctx, tonight: &Tonight) -> Option<Line<'static>> {
    let (_, day) = tonight.last_answer?;
    let when = if day.year() == tonight.day.year() {
        day.format("%-d %b")
    } else {
        day.format("%-d %b %Y")
    };
    Some(Line::styled(
        format!("You answered this on {when}; l reads it again."),
        ctx.theme.muted(),
    ))
}

fn status_lines<'a>(ctx: &Ctx, tonight: &'a Tonight, width: u16) -> Vec<Line<'a>> {
    let theme = ctx.theme;
    let mut lines = home_plan::pause_and_date_lines(ctx, tonight);
    lines.push(Line::styled("This evening", theme.heading()));
    lines.push(if tonight.written > 0 {
        Line::from(vec![
            Span::styled("  ✓ ", theme.done()),
            Span::raw(written_words(tonight.written)),
        ])
    } else {
        Line::from(vec![
            Span::styled("  · ", theme.muted()),
            Span::raw("Nothing written yet. Whenever you are ready."),
        ])
    });
    lines.push(match tonight.checkin {
        Some([safety, trust, connection]) => Line::from(vec![
            Span::styled("  ✓ ", theme.done()),
            Span::raw(format!(
                "Checked in: safety {safety}, trust {trust}, connection {connection}"
            )),
        ]),
        None => Line::from(vec![
            Span::styled("  · ", theme.muted()),
            Span::raw("No check-in yet tonight."),
        ]),
    });
    lines.push(Line::raw(""));
    lines.extend(home_exchange::exchange_lines(ctx, tonight, width));
    promise_section(&mut lines, ctx, "Your open promises", &tonight.my_promises);
    promise_section(
        &mut lines,
        ctx,
        &format!("{}'s promises to you", tonight.other_name),
        &tonight.their_promises,
    );
    if !tonight.to_notice.is_empty() {
        lines.push(Line::styled(
            format!("Kept by {}; notice it if you like", tonight.other_name),
            theme.heading(),
        ));
        for p in &tonight.to_notice {
            lines.push(Line::from(vec![
                Span::styled("  ♡ ", theme.done()),
                Span::raw(p.text.clone()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    if let Some(look) = home_plan::look_line(ctx, tonight) {
        lines.push(look);
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(together_words(tonight), theme.muted()));
    lines
}

fn written_words(count: usize) -> String {
    match count {
        1 => "You wrote tonight.".to_owned(),
        n => format!("You wrote {n} entries tonight."),
    }
}

fn together_words(tonight: &Tonight) -> String {
    match tonight.day_number {
        n if n <= 1 => "This is your first evening with mend. Welcome.".to_owned(),
        n => format!("Evening {n} since you started with mend."),
    }
}

fn promise_section(lines: &mut Vec<Line<'_>>, ctx: &Ctx, heading: &str, promises: &[PromiseLine]) {
    if promises.is_empty() {
        return;
    }
    let theme = ctx.theme;
    lines.push(Line::styled(heading.to_owned(), theme.heading()));
    for p in promises.iter().take(4) {
        let mut spans = vec![
            Span::styled("  • ", theme.muted()),
            Span::raw(p.text.clone()),
        ];
        if let Some(due) = &p.due {
            let style = if p.overdue {
                theme.gentle()
            } else {
                theme.muted()
            };
            spans.push(Span::styled(format!("  ({due})"), style));
        }
        lines.push(Line::from(spans));
    }
    if promises.len() > 4 {
        lines.push(Line::styled(
            format!("  and {} more", promises.len() - 4),
            theme.muted(),
        ));
    }
    lines.push(Line::raw(""));
}

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
use crate::tui::layout;
use crate::tui::tonight::{PromiseLine, Tonight};
use crate::tui::view::View;
use crate::tui::widgets::scroll::{Row, Scroll};

/// The evening screen; everything it shows is tonight's, so it keeps only how far the part
/// under the prompt is scrolled.
#[derive(Debug, Clone, Copy, Default)]
pub struct HomeScreen {
    /// The line asked for first under the prompt; drawing never goes past the last line that
    /// can be first, so a window made taller shows as much as fits.
    pub scroll: usize,
}

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
            scroll => {
                self.scroll_by(scroll, ctx, tonight);
                return None;
            }
        })
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, frame, area, self.scroll);
    }

    fn title(&self, name: &str) -> String {
        format!("Tonight with {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(HOME)
    }
}

impl HomeScreen {
    /// Moves the part under the prompt, as it is laid out in the window last drawn.
    fn scroll_by(&mut self, key: HomeKey, ctx: &Ctx, tonight: &Tonight) {
        let [_, status_area] = areas(tonight, layout::body_after_key(ctx.window));
        let rows = status_rows(ctx, tonight, status_area.width);
        let list = Scroll::new(&rows, status_area);
        self.scroll = match key {
            HomeKey::Up => list.up(self.scroll),
            HomeKey::Down => list.down(self.scroll),
            HomeKey::PageUp => list.page_up(self.scroll),
            HomeKey::PageDown => list.page_down(self.scroll),
            HomeKey::Top => 0,
            HomeKey::Bottom => list.last_start(),
            _ => self.scroll,
        };
    }
}

/// The prompt's box, and the part under it.
fn areas(tonight: &Tonight, area: Rect) -> [Rect; 2] {
    let prompt_height = prompt_height(tonight, area.width);
    Layout::vertical([Constraint::Length(prompt_height), Constraint::Fill(1)]).areas(area)
}

fn draw(ctx: &Ctx, frame: &mut Frame, area: Rect, scroll: usize) {
    let Some(tonight) = ctx.tonight else {
        return;
    };
    let theme = ctx.theme;
    let [prompt_area, status_area] = areas(tonight, area);

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
    let rows = status_rows(ctx, tonight, status_area.width);
    Scroll::new(&rows, status_area).render(scroll, frame, status_area, theme);
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

/// Everything under the prompt, one row per line; a heading keeps its first line under it.
fn status_rows<'a>(ctx: &Ctx, tonight: &'a Tonight, width: u16) -> Vec<Row<'a>> {
    let theme = ctx.theme;
    let mut rows: Vec<Row> = home_plan::pause_and_date_lines(ctx, tonight)
        .into_iter()
        .map(Row::plain)
        .collect();
    rows.push(Row::heading(Line::styled("This evening", theme.heading())));
    rows.push(Row::plain(if tonight.written > 0 {
        Line::from(vec![
            Span::styled("  ✓ ", theme.done()),
            Span::raw(written_words(tonight.written)),
        ])
    } else {
        Line::from(vec![
            Span::styled("  · ", theme.muted()),
            Span::raw("Nothing written yet. Whenever you are ready."),
        ])
    }));
    rows.push(Row::plain(match tonight.checkin {
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
    }));
    rows.push(Row::plain(""));
    let exchange = home_exchange::exchange_lines(ctx, tonight, width);
    // Its first line, when there is one, is the heading "From Alex".
    for (at, line) in exchange.into_iter().enumerate() {
        rows.push(match at {
            0 => Row::heading(line),
            _ => Row::plain(line),
        });
    }
    promise_section(&mut rows, ctx, "Your open promises", &tonight.my_promises);
    promise_section(
        &mut rows,
        ctx,
        &format!("{}'s promises to you", tonight.other_name),
        &tonight.their_promises,
    );
    if !tonight.to_notice.is_empty() {
        rows.push(Row::heading(Line::styled(
            format!("Kept by {}; notice it if you like", tonight.other_name),
            theme.heading(),
        )));
        for p in &tonight.to_notice {
            rows.push(Row::plain(Line::from(vec![
                Span::styled("  ♡ ", theme.done()),
                Span::raw(p.text.clone()),
            ])));
        }
        rows.push(Row::plain(""));
    }
    if let Some(look) = home_plan::look_line(ctx, tonight) {
        rows.push(Row::plain(look));
        rows.push(Row::plain(""));
    }
    // "Evening 25 since…" closes the screen; it never pushes a kept promise out for a sign.
    rows.push(Row::quiet(Line::styled(
        together_words(tonight),
        theme.muted(),
    )));
    rows
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

fn promise_section(rows: &mut Vec<Row<'_>>, ctx: &Ctx, heading: &str, promises: &[PromiseLine]) {
    if promises.is_empty() {
        return;
    }
    let theme = ctx.theme;
    rows.push(Row::heading(Line::styled(
        heading.to_owned(),
        theme.heading(),
    )));
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
        rows.push(Row::plain(Line::from(spans)));
    }
    if promises.len() > 4 {
        rows.push(Row::plain(Line::styled(
            format!("  and {} more", promises.len() - 4),
            theme.muted(),
        )));
    }
    rows.push(Row::plain(""));
}

//! Drawing the whole app: a pure function of its state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Overlay, Screen, Unsaved};
use super::keys::Binding;
use super::theme::Theme;
use super::widgets::{hints::hint_line, popup::popup};

/// Below this size the screens cannot fit; a short note is drawn instead.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the app into the frame. Reads the state; changes nothing.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_small(app, frame, area);
    } else {
        let notice_height = app.notice.as_ref().map_or(1, |n| {
            let width = usize::from(area.width.saturating_sub(2).max(1));
            u16::try_from((n.text.chars().count() + 1).div_ceil(width))
                .unwrap_or(3)
                .clamp(1, 3)
        });
        let [header, body, notice, hints] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(notice_height),
            Constraint::Length(1),
        ])
        .areas(area);
        draw_header(app, frame, header);
        let body = body.inner(ratatui::layout::Margin::new(1, 0));
        app.screen.view().render(&app.ctx(), frame, body);
        if let Some(n) = &app.notice {
            let style = if n.problem {
                app.theme.error()
            } else {
                app.theme.done()
            };
            frame.render_widget(
                Paragraph::new(Line::styled(n.text.clone(), style)).wrap(Wrap { trim: true }),
                notice.inner(ratatui::layout::Margin::new(1, 0)),
            );
        }
        frame.render_widget(
            Paragraph::new(hint_line(bindings(app), app.theme, hints.width)),
            hints,
        );
        if let Some(overlay) = &app.overlay {
            draw_overlay(app, overlay, frame, area);
        }
    }
    app.theme.strip_colors(frame.buffer_mut());
}

/// The bindings of what is showing now.
pub fn bindings(app: &App) -> &'static [Binding] {
    app.screen.view().bindings()
}

fn screen_title(app: &App) -> String {
    let name = app.tonight.as_ref().map_or("", |t| t.name.as_str());
    match &app.screen {
        Screen::Setup(_) => "Welcome".to_owned(),
        Screen::Who { .. } => "Who is here".to_owned(),
        Screen::Home(_) => format!("Tonight with {name}"),
        Screen::Write(_) => format!("Writing · {name}"),
        Screen::Checkin(_) => format!("Check-in · {name}"),
        Screen::Journal(_) => format!("Journal · {name}"),
        Screen::Promises(_) => format!("Promises · {name}"),
        Screen::Progress(_) => "Both of us, looking back".to_owned(),
    }
}

fn draw_header(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(banner) = &app.banner {
        let [_, below] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {banner}"), app.theme.gentle())),
            below,
        );
    }
    let theme = app.theme;
    let date = app.today().format("%a %-d %b %Y").to_string();
    let title = screen_title(app);
    let used = 7 + title.chars().count() + date.chars().count();
    let gap = usize::from(area.width).saturating_sub(used + 1);
    let line = Line::from(vec![
        Span::styled(" mend ", theme.title()),
        Span::styled("· ", theme.muted()),
        Span::raw(title),
        Span::raw(" ".repeat(gap)),
        Span::styled(date, theme.muted()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_small(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let lines = vec![
        Line::styled("mend", theme.title()),
        Line::raw(screen_title(app)),
        Line::styled(
            "Make the window a little larger to see this screen.",
            theme.muted(),
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// A key and what it does, as a line of a popup.
fn key_line(theme: Theme, k: &str, what: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{k:>8}  "), theme.key()),
        Span::raw(what.to_owned()),
    ])
}

/// A yes/no question: what will happen, then what `y` and `n` do.
fn confirm(
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
    title: &str,
    explanation: &[&str],
    (yes, no): (&str, &str),
) {
    let mut lines: Vec<Line> = explanation.iter().map(|l| Line::raw(*l)).collect();
    lines.push(Line::raw(""));
    lines.push(key_line(theme, "y", yes));
    lines.push(key_line(theme, "n", no));
    popup(frame, area, title, lines, theme);
}

/// Said before letting go of writing that neither the journal nor a draft holds.
const NOT_SAVED_ANYWHERE: &str = "This writing is not saved anywhere yet. Leave it?";

fn draw_overlay(app: &App, overlay: &Overlay, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let key = |k: &str, what: &str| key_line(theme, k, what);
    match overlay {
        Overlay::Help => {
            let mut lines: Vec<Line> = bindings(app).iter().map(|(k, what)| key(k, what)).collect();
            lines.push(Line::raw(""));
            lines.push(key("Ctrl-C", "quit (asks first if something is unsaved)"));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Your journal stays on this computer:",
                theme.muted(),
            ));
            lines.push(Line::styled(app.journal_path.clone(), theme.muted()));
            lines.push(Line::styled("Press any key to close this.", theme.muted()));
            popup(frame, area, "Keys", lines, theme);
        }
        Overlay::ConfirmQuit => match app.unsaved() {
            Unsaved::OnlyOnScreen => confirm(
                frame,
                area,
                theme,
                "Quit?",
                &[NOT_SAVED_ANYWHERE, "Quitting lets it go."],
                ("quit and let it go", "keep writing"),
            ),
            Unsaved::InDraft | Unsaved::Nothing => confirm(
                frame,
                area,
                theme,
                "Quit?",
                &[
                    "Your writing is not saved in the journal yet.",
                    "It is kept as a draft, and mend will offer it back next time.",
                ],
                ("quit now", "keep writing"),
            ),
        },
        Overlay::ConfirmLeaveWrite => {
            let let_go = "What you wrote since the last save will be let go.";
            let explanation: &[&str] = match app.unsaved() {
                Unsaved::OnlyOnScreen => &[NOT_SAVED_ANYWHERE, let_go],
                Unsaved::InDraft | Unsaved::Nothing => &[let_go],
            };
            confirm(
                frame,
                area,
                theme,
                "Leave without saving?",
                explanation,
                ("leave and let it go", "keep writing"),
            )
        }
        Overlay::ConfirmDelete(_) => confirm(
            frame,
            area,
            theme,
            "Delete this entry?",
            &[
                "Its words will be removed from the journal.",
                "You can bring it back with u until you quit.",
                "Backups made before now still hold it until they rotate out (mend keeps the 10 newest and one a day for two weeks).",
            ],
            ("delete", "keep it"),
        ),
        Overlay::ExportWeek(week) => popup(
            frame,
            area,
            "Export this week",
            vec![
                Line::raw(format!(
                    "A summary of week {week} ({} – {}) to read before your weekly talk, to keep, or to bring to a counsellor.",
                    week.start().format("%-d %b"),
                    week.end().format("%-d %b %Y")
                )),
                Line::styled(
                    "It goes into a new file in the folder mend was started from. Private entries are never in it.",
                    theme.muted(),
                ),
                Line::raw(""),
                key("m", "Markdown (reads well as plain text)"),
                key("h", "HTML (one page that prints on A4)"),
                key("j", "JSON (the same figures as data)"),
                key("Esc", "not now"),
            ],
            theme,
        ),
        Overlay::RestoreDraft(partner) => {
            let draft = app.drafts.get(partner);
            let words = draft.map_or(0, |d| d.text.split_whitespace().count());
            let when = draft.map_or_else(String::new, |d| d.day.format("%a %-d %b").to_string());
            let preview = draft.map_or_else(String::new, |d| first_words(&d.text, 60));
            popup(
                frame,
                area,
                "Unsaved writing",
                vec![
                    Line::raw(format!(
                        "You have writing from {when} that was not saved ({}).",
                        crate::words::count(words, "word", "words")
                    )),
                    Line::styled(format!("\"{preview}\""), theme.prompt()),
                    Line::raw(""),
                    key("r", "bring it back"),
                    key("d", "let it go"),
                    key("Esc", "decide later"),
                ],
                theme,
            )
        }
    }
}

/// The start of a text, cut at a word boundary, with an ellipsis if there is more.
fn first_words(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let cut: String = flat.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

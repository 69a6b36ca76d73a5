//! Drawing the whole app: a pure function of its state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Popup};
use super::keys::Hint;
use super::keys::popups::ANY_KEY_CLOSES;
use super::layout::{self, Bands};
use super::view::{Below, Placement};
use super::widgets::hints::hint_line;

/// Below this size the screens cannot fit; a short note is drawn instead.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the app into the frame. Reads the state; changes nothing.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_small(app, frame, area);
        // "A hard moment, now" is drawn even where nothing else fits, and so are the recovery
        // codes, shown only once: they say for themselves when the window is too small.
        let below = Below {
            bindings: &[],
            unsaved: app.unsaved(),
            drafts: &app.drafts,
        };
        let ctx = app.popup_ctx();
        for moment in app
            .popups
            .iter()
            .filter(|p| matches!(p, Popup::HardMoment(_) | Popup::RecoveryCodes(_)))
        {
            moment.view().render(&ctx, &below, frame, area);
        }
    } else {
        let notice_rows = layout::notice_rows(
            app.notice.as_ref().map(|n| n.text.chars().count()),
            area.width,
        );
        let Bands {
            header,
            body,
            notice,
            hints,
        } = layout::bands(area, notice_rows);
        draw_header(app, frame, header);
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
            Paragraph::new(hint_line(
                &bindings(app),
                app.help_is_a_key(),
                app.hard_moment().is_some(),
                app.theme,
                hints.width,
            )),
            hints,
        );
        let below = Below {
            bindings: &app.screen.view().bindings(),
            unsaved: app.unsaved(),
            drafts: &app.drafts,
        };
        let ctx = app.popup_ctx();
        for popup in &app.popups {
            let popup = popup.view();
            let over = match popup.placement() {
                Placement::Screen => area,
                Placement::Body => body,
            };
            popup.render(&ctx, &below, frame, over);
        }
    }
    app.theme.strip_colors(frame.buffer_mut());
}

/// The keys that work now, for the hint line: the top popup's while one shows (only it gets
/// keys; a popup with none closes on any key), otherwise the screen's.
pub fn bindings(app: &App) -> Vec<Hint> {
    match app.popup().map(|popup| popup.view().bindings()) {
        Some(keys) if keys.is_empty() => vec![ANY_KEY_CLOSES],
        Some(keys) => keys,
        None => app.screen.view().bindings(),
    }
}

fn screen_title(app: &App) -> String {
    let name = app.tonight.as_ref().map_or("", |t| t.name.as_str());
    app.screen.view().title(name)
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

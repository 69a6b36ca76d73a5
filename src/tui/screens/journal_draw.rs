//! Drawing the journal screen: the list, the search over it, and one entry being read with
//! the earlier versions its reader may see.

use super::journal::BrowseState;
use crate::journal::text::one_line;
use crate::journal::{EarlierVersion, Entry, Journal, Reader, Stage, Visibility, local_time};
use crate::tui::ctx::Ctx;
use crate::tui::screens::journal_search;
use crate::tui::widgets::rows::{name_columns, rows_in_view};
use crate::tui::widgets::text;
use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// " · edited Tue 24 Nov 21:40", in local time as of `now`.
fn edited_words(edited: Option<DateTime<Utc>>, now: DateTime<FixedOffset>) -> String {
    edited
        .map(|at| {
            let local = local_time(at, now.offset());
            format!(" · edited {}", local.format("%a %-d %b %H:%M"))
        })
        .unwrap_or_default()
}

/// "Also written for this, on another computer (Tue 3 Nov, 21:40)", and "· private" when it
/// was written private (only its author sees such a version).
fn earlier_heading(version: &EarlierVersion, now: DateTime<FixedOffset>) -> String {
    let local = local_time(version.updated, now.offset());
    let private = if version.visibility == Visibility::Private {
        " · private"
    } else {
        ""
    };
    format!(
        "Also written for this, on another computer ({}){private}",
        local.format("%a %-d %b, %H:%M")
    )
}

pub fn draw(ctx: &Ctx, browse: &BrowseState, frame: &mut Frame, area: Rect) {
    let Some(journal) = ctx.journal else {
        return;
    };
    let theme = ctx.theme;
    if let (None, Some(search)) = (browse.reading, &browse.search) {
        journal_search::draw(journal, search, theme, frame, area);
        return;
    }
    let [filters, body] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let who = browse
        .partner_filter
        .map_or("both of you", |p| journal.name_of(p));
    let stage = browse.stage_filter.map_or("all stages", Stage::title);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                crate::words::count(browse.rows.len(), "entry", "entries"),
                theme.heading(),
            ),
            Span::styled(format!(" · by {who} · {stage}"), theme.muted()),
        ])),
        filters,
    );
    if let Some(row) = browse.reading
        && let Some(entry) = journal.entries.get(row.index)
    {
        draw_entry(
            ctx,
            journal,
            (entry, row.edited),
            browse.scroll,
            frame,
            body,
        );
        return;
    }
    if browse.rows.is_empty() {
        frame.render_widget(
            Paragraph::new("Nothing here yet. Entries you write will gather here, newest first.")
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    // Every row's columns line up: the day is padded ("Tue  3 Nov"), and names take the
    // width of the longer name, up to NAME_COLUMNS.
    let name_columns = name_columns(journal);
    // Only the rows that fit are drawn, so a ten-year journal costs the same as a new one.
    let (first, height) = rows_in_view(browse.selected, body);
    let lines: Vec<Line> = browse
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .filter_map(|(at, row)| journal.entries.get(row.index).map(|e| (at, row, e)))
        .map(|(at, row, e)| {
            let chosen = at == browse.selected;
            let first_line = e.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let private = if e.is_shared() { "" } else { "(private) " };
            let edited = if row.edited.is_some() {
                "(edited) "
            } else {
                ""
            };
            let line = Line::from(vec![
                Span::raw(if chosen { "› " } else { "  " }),
                Span::styled(e.day.format("%a %e %b %Y").to_string(), theme.muted()),
                Span::raw(format!(
                    "  {} ",
                    text::fit(journal.name_of(e.meta.author), name_columns)
                )),
                Span::styled(format!("{:<14}", e.stage.as_str()), theme.muted()),
                // Before the words, so a long first line cannot cut the marks off.
                Span::styled(private, theme.muted()),
                Span::styled(edited, theme.muted()),
                Span::raw(text::expand_tabs(first_line)),
            ]);
            if chosen {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn draw_entry(
    ctx: &Ctx,
    journal: &Journal,
    (entry, edited): (&Entry, Option<DateTime<Utc>>),
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = ctx.theme;
    let private = match (entry.is_shared(), journal.is_sealed()) {
        (true, _) => "",
        (false, true) => " · private (sealed with your passphrase)",
        (false, false) => " · private (hidden from your partner; not encrypted)",
    };
    let title = format!(
        " {} · {} · {}{private}{} ",
        journal.name_of(entry.meta.author),
        entry.day.format("%A %-d %B %Y"),
        entry.stage.title(),
        edited_words(edited, ctx.now)
    );
    let mut lines = Vec::new();
    if let Some(prompt) = &entry.prompt {
        lines.push(Line::styled(prompt.clone(), theme.prompt()));
        lines.push(Line::raw(""));
    }
    lines.extend(entry.text.lines().map(|l| Line::raw(text::expand_tabs(l))));
    for reply in journal.replies_to(entry.meta.id) {
        lines.push(Line::raw(""));
        let name = one_line(journal.name_of(reply.meta.author)).into_owned();
        let when = local_time(reply.meta.updated, ctx.now.offset()).format("%a %-d %b %H:%M");
        lines.push(Line::from(vec![
            Span::styled("↳ ", theme.calm()),
            Span::styled(format!("{name}, {when}: "), theme.muted()),
            Span::raw(one_line(reply.words()).into_owned()),
        ]));
    }
    let reader = ctx.partner.map_or(Reader::Both, Reader::Partner);
    for version in entry.earlier_versions_for(reader) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            earlier_heading(version, ctx.now),
            theme.muted(),
        ));
        lines.extend(
            version
                .text
                .lines()
                .map(|l| Line::raw(text::expand_tabs(l))),
        );
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(
                Block::new()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(title),
            )
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

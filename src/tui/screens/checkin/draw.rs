//! How the check-in is drawn: the three scales, the note, and who reads what.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{CheckinForm, NOTE_CHARS};
use crate::journal::text::one_line;
use crate::journal::{Rating, RatingName, Visibility};
use crate::tui::ctx::Ctx;

const QUESTIONS: [(RatingName, &str, &str); 3] = [
    (
        RatingName::Safety,
        "How safe do you feel with your partner tonight?",
        "How safe did you feel with your partner that evening?",
    ),
    (
        RatingName::Trust,
        "How much do you trust them tonight?",
        "How much did you trust them that evening?",
    ),
    (
        RatingName::Connection,
        "How close and connected do you feel?",
        "How close and connected did you feel?",
    ),
];

pub(super) fn draw(ctx: &Ctx, form: &CheckinForm, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let area = area.centered_horizontally(Constraint::Length(area.width.min(70)));
    let note_line = note_paragraph(ctx, form);
    // The note grows as it is typed, but never past the hint under it; when it is taller
    // than its room, it scrolls so the line being typed stays in sight.
    let note_rows = u16::try_from(note_line.line_count(area.width)).unwrap_or(u16::MAX);
    let room = area.height.saturating_sub(3 + 9 + 1 + 1).max(1);
    let note_height = note_rows.max(2).min(room);
    let [intro, scales, note, _, help] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(9),
        Constraint::Length(note_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let evening = form.day.format("%A %-d %B");
    let heading = match (form.is_earlier(), form.replacing) {
        (false, true) => "You checked in earlier tonight; saving replaces it.".to_owned(),
        (false, false) => {
            "A quick check-in. There are no right answers, and a low evening is just one evening."
                .to_owned()
        }
        (true, true) => {
            format!("{evening}: you checked in that evening; saving replaces it. PgDn moves on.")
        }
        (true, false) => {
            format!("{evening}: no check-in that evening. Saving adds one; PgDn moves on.")
        }
    };
    frame.render_widget(
        Paragraph::new(Line::styled(heading, theme.muted())).wrap(Wrap { trim: true }),
        intro,
    );

    let bar_width = usize::from(area.width.saturating_sub(24)).clamp(11, 33) / 11;
    let mut lines = Vec::new();
    for (index, (name, tonight, earlier)) in QUESTIONS.iter().enumerate() {
        let question = if form.is_earlier() { earlier } else { tonight };
        let focused = form.focus == index;
        let value = form.values[index];
        let filled = "█".repeat(usize::from(value) * bar_width);
        let empty = "░".repeat(usize::from(Rating::MAX - value) * bar_width);
        lines.push(Line::from(vec![
            Span::styled(if focused { "› " } else { "  " }, theme.key()),
            Span::styled(
                format!("{:<11}", name.as_str()),
                if focused {
                    theme.heading()
                } else {
                    theme.muted()
                },
            ),
            Span::styled(
                filled,
                if focused {
                    theme.focus_border()
                } else {
                    theme.muted()
                },
            ),
            Span::styled(empty, theme.border()),
            Span::styled(
                format!(" {value:>2}"),
                if focused {
                    theme.selected()
                } else {
                    theme.muted()
                },
            ),
        ]));
        lines.push(Line::styled(format!("  {question}"), theme.muted()));
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines), scales);
    frame.render_widget(
        note_line.scroll((note_rows.saturating_sub(note.height), 0)),
        note,
    );
    // Who will read what is saved here, said plainly before it is saved.
    let other = ctx
        .partner
        .zip(ctx.journal)
        .and_then(|(me, journal)| journal.other_partner(me))
        .map_or("Your partner", |p| p.name.as_str());
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                "Enter saves. Esc goes back without saving. PgUp: an earlier evening.",
                theme.muted(),
            ),
            Line::styled(
                who_reads(
                    one_line(other).as_ref(),
                    form.note_visibility,
                    ctx.journal.is_some_and(|j| j.is_sealed()),
                ),
                theme.muted(),
            ),
        ])
        .wrap(Wrap { trim: true }),
        help,
    );
}

/// Who reads the ratings and the note, in true words for the note's current choice.
fn who_reads(other: &str, note: Visibility, sealed: bool) -> String {
    let ratings = format!("{other} sees these ratings in \"Both of us\" and the weekly summary.");
    match note {
        Visibility::Shared => format!(
            "{ratings} The note is shared: {other} reads it in the weekly summary. Ctrl-T keeps it private."
        ),
        Visibility::Private if sealed => format!(
            "{ratings} The note is private: sealed with your own passphrase, which {other}'s cannot open, and left out of the summary. Ctrl-T shares it."
        ),
        Visibility::Private => format!(
            "{ratings} The note is private: hidden from {other}'s screens and from the summary; not locked or encrypted. Ctrl-T shares it."
        ),
    }
}

/// "A note for tonight: …", with a cursor when the note has the focus.
fn note_paragraph(ctx: &Ctx, form: &CheckinForm) -> Paragraph<'static> {
    let theme = ctx.theme;
    let note_focused = form.focus == 3;
    let cursor = if note_focused { "▏" } else { "" };
    let shown = if form.note.is_empty() && !note_focused {
        Span::styled("(optional)", theme.muted())
    } else {
        Span::styled(
            format!("{}{cursor}", form.note),
            if note_focused {
                theme.selected()
            } else {
                theme.prompt()
            },
        )
    };
    let left_out = form.note_overflow.notice(NOTE_CHARS, theme);
    Paragraph::new(Line::from_iter(
        [
            Span::styled(if note_focused { "› " } else { "  " }, theme.key()),
            Span::raw(match (form.note_visibility, form.is_earlier()) {
                (Visibility::Shared, false) => "A note for tonight (shared): ",
                (Visibility::Private, false) => "A note for tonight (private): ",
                (Visibility::Shared, true) => "A note for that evening (shared): ",
                (Visibility::Private, true) => "A note for that evening (private): ",
            }),
            shown,
        ]
        .into_iter()
        .chain(left_out),
    ))
    .wrap(Wrap { trim: false })
}

//! The evening check-in: safety, trust and connection from 0 to 10, and an optional note.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::journal::Change;
use crate::journal::text::one_line;
use crate::journal::{Journal, NewCheckin, Rating, RatingName, Visibility};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::keys::tables::{CHECKIN, CheckinKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::popups::unsaved::Unsaved;
use crate::tui::view::View;

/// The longest check-in note, in characters.
pub const NOTE_CHARS: usize = 280;

/// The check-in form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinForm {
    pub values: [u8; 3],
    pub note: String,
    /// The note as saved in the journal, to tell whether the one on screen is new writing.
    saved_note: String,
    /// Who may read the note (Ctrl-T changes it); the ratings are always shared.
    pub note_visibility: Visibility,
    /// 0-2 the scales, 3 the note.
    pub focus: usize,
    /// Replacing tonight's earlier check-in.
    pub replacing: bool,
    /// The last key was the digit 1, so a 0 next makes 10.
    one_typed: bool,
}

impl CheckinForm {
    pub fn new(existing: Option<[u8; 3]>, note: Option<String>) -> CheckinForm {
        let note = note.unwrap_or_default();
        CheckinForm {
            values: existing.unwrap_or([5, 5, 5]),
            saved_note: note.clone(),
            note,
            note_visibility: Visibility::Shared,
            focus: 0,
            replacing: existing.is_some(),
            one_typed: false,
        }
    }

    /// The form for an evening whose saved note is private (or not).
    pub fn with_note_private(mut self, private: bool) -> CheckinForm {
        if private {
            self.note_visibility = Visibility::Private;
        }
        self
    }

    fn toggle_note_visibility(&mut self) {
        self.note_visibility = match self.note_visibility {
            Visibility::Shared => Visibility::Private,
            Visibility::Private => Visibility::Shared,
        };
    }

    /// Whether the note on screen differs from the one in the journal.
    pub fn note_changed(&self) -> bool {
        self.note.trim() != self.saved_note.trim()
    }

    pub fn paste(&mut self, text: &str) {
        if self.focus == 3 {
            let room = NOTE_CHARS.saturating_sub(self.note.chars().count());
            self.note.extend(one_line(text).chars().take(room));
        }
    }

    fn set(&mut self, value: u8) {
        if let Some(slot) = self.values.get_mut(self.focus) {
            *slot = value.min(Rating::MAX);
        }
    }
}

impl View for CheckinForm {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let today = ctx.today;
        let partner = ctx.partner?;
        let form = self;
        let one_typed = std::mem::take(&mut form.one_typed);
        let save = |form: &CheckinForm| {
            let note = Some(form.note.clone()).filter(|n| !n.trim().is_empty());
            Some(Action::Apply(Change::Checkin(NewCheckin {
                author: partner,
                day: today,
                safety: Rating::saturating(form.values[0]),
                trust: Rating::saturating(form.values[1]),
                connection: Rating::saturating(form.values[2]),
                note,
                note_visibility: form.note_visibility,
            })))
        };
        let typing = form.focus == 3;
        match command(CHECKIN, key, typing) {
            Some(CheckinKey::Back) if form.note_changed() => return Some(Action::ConfirmLeave),
            Some(CheckinKey::Back) => return Some(Action::GoHome),
            Some(CheckinKey::Save) => return save(form),
            Some(CheckinKey::Previous) => form.focus = (form.focus + 3) % 4,
            Some(CheckinKey::Next) => form.focus = (form.focus + 1) % 4,
            Some(CheckinKey::NoteVisibility) => form.toggle_note_visibility(),
            // The ratings' keys do nothing on the note; its characters are text.
            Some(CheckinKey::Lower | CheckinKey::Raise | CheckinKey::Digit) if typing => {}
            Some(CheckinKey::Lower) => {
                let value = form.values[form.focus].saturating_sub(1);
                form.set(value);
            }
            Some(CheckinKey::Raise) => {
                let value = form.values[form.focus].saturating_add(1);
                form.set(value);
            }
            Some(CheckinKey::Digit) => {
                if let KeyCode::Char(c @ '0'..='9') = key.code {
                    let digit = c as u8 - b'0';
                    if digit == 0 && one_typed {
                        form.set(10);
                    } else {
                        form.set(digit);
                        form.one_typed = digit == 1;
                    }
                }
            }
            None if typing => match key.code {
                KeyCode::Backspace => {
                    form.note.pop();
                }
                KeyCode::Char(c) if form.note.chars().count() < NOTE_CHARS => form.note.push(c),
                _ => {}
            },
            None => {}
        }
        None
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self, frame, area);
    }

    fn title(&self, name: &str) -> String {
        format!("Check-in · {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(CHECKIN)
    }

    fn on_paste(&mut self, text: &str, _ctx: &Ctx) -> Option<Action> {
        self.paste(text);
        None
    }

    fn types_text(&self) -> bool {
        true
    }

    /// Check-in notes have no draft.
    fn unsaved(&self) -> Unsaved {
        if self.note_changed() {
            Unsaved::OnlyOnScreen
        } else {
            Unsaved::Nothing
        }
    }

    fn on_saved(&mut self, _before: Option<&Journal>, _ctx: &Ctx) -> Option<Action> {
        Some(Action::CheckedIn)
    }
}

const QUESTIONS: [(RatingName, &str); 3] = [
    (
        RatingName::Safety,
        "How safe do you feel with your partner tonight?",
    ),
    (RatingName::Trust, "How much do you trust them tonight?"),
    (
        RatingName::Connection,
        "How close and connected do you feel?",
    ),
];

fn draw(ctx: &Ctx, form: &CheckinForm, frame: &mut Frame, area: Rect) {
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
    let heading = if form.replacing {
        "You checked in earlier tonight; saving replaces it."
    } else {
        "A quick check-in. There are no right answers, and a low evening is just one evening."
    };
    frame.render_widget(
        Paragraph::new(Line::styled(heading, theme.muted())).wrap(Wrap { trim: true }),
        intro,
    );

    let bar_width = usize::from(area.width.saturating_sub(24)).clamp(11, 33) / 11;
    let mut lines = Vec::new();
    for (index, (name, question)) in QUESTIONS.iter().enumerate() {
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
            Line::styled("Enter saves. Esc goes back without saving.", theme.muted()),
            Line::styled(
                who_reads(one_line(other).as_ref(), form.note_visibility),
                theme.muted(),
            ),
        ])
        .wrap(Wrap { trim: true }),
        help,
    );
}

/// Who reads the ratings and the note, in true words for the note's current choice.
fn who_reads(other: &str, note: Visibility) -> String {
    let ratings = format!("{other} sees these ratings in \"Both of us\" and the weekly summary.");
    match note {
        Visibility::Shared => format!(
            "{ratings} The note is shared: {other} reads it in the weekly summary. Ctrl-T keeps it private."
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
    Paragraph::new(Line::from(vec![
        Span::styled(if note_focused { "› " } else { "  " }, theme.key()),
        Span::raw(match form.note_visibility {
            Visibility::Shared => "A note for tonight (shared): ",
            Visibility::Private => "A note for tonight (private): ",
        }),
        shown,
    ]))
    .wrap(Wrap { trim: false })
}

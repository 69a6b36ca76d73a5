//! Drawing "a hard moment, now": each step as lines in one calm window. Changes nothing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use super::breath::{BREATHS, Phase};
use super::{Choice, HardMomentPopup, Step, choices, plan_items, to_look_back};
use crate::journal::{Journal, PartnerId, local_time};
use crate::tui::ctx::Ctx;
use crate::tui::keys::hard_moment::{
    BREATHE, BREATHE_BEFORE_SETUP, CHOICES, ChoiceKey, LOOK_BACK, ONLY_CLOSE, PAUSE, PLAN_NOW,
    WHOSE,
};
use crate::tui::keys::{Binding, KeyPattern, hints};
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::key_line;
use ratatui::crossterm::event::KeyCode;

/// Draws the popup over `area`.
pub fn render(popup: &HardMomentPopup, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let journal = ctx.journal.map(|j| j.as_ref());
    let mut lines = Vec::new();
    if let Some(said) = &popup.said {
        let style = if said.problem {
            theme.error()
        } else {
            theme.done()
        };
        lines.push(Line::styled(said.text.clone(), style));
        lines.push(Line::raw(""));
    }
    match (&popup.step, journal, popup.who) {
        (Step::Breathe, _, _) => {
            let locked = ctx.locked || ctx.journal.is_some_and(|j| !super::can_act(j));
            breathe(popup, locked, theme, &mut lines)
        }
        (Step::Who(row), Some(journal), _) => who(journal, *row, theme, &mut lines),
        (Step::Plan, Some(journal), Some(me)) => plan(journal, me, theme, &mut lines),
        (Step::Choices(row), Some(journal), Some(me)) => {
            let other = other_name(journal, me);
            lines.push(Line::styled("What might help now?", theme.heading()));
            for (i, choice) in choices(journal, me).into_iter().enumerate() {
                let (key, what) = match choice {
                    Choice::Pause => (ChoiceKey::Pause, format!("Ask {other} for a pause")),
                    Choice::Note => (
                        ChoiceKey::Note,
                        "Note this moment, in a line or two".to_owned(),
                    ),
                    Choice::LookBack => (
                        ChoiceKey::LookBack,
                        "Say how an earlier moment went".to_owned(),
                    ),
                };
                lines.push(row_line(i == *row, &letter_of(key), &what, theme));
            }
            lines.push(Line::raw(""));
            key_lines(CHOICES, theme, &mut lines);
        }
        (Step::Pause(form), Some(journal), Some(me)) => {
            let other = other_name(journal, me);
            lines.push(Line::raw(format!(
                "Ask {other} for some time. {other} will see it on their screen, as a request to respect."
            )));
            lines.push(Line::raw(""));
            lines.push(form.until.line(
                "I need some time; I'll come back at ",
                !form.on_note,
                theme,
            ));
            if form.is_tomorrow(ctx.now) {
                lines.push(Line::styled(
                    "That is tomorrow, as that time has passed today.",
                    theme.gentle(),
                ));
            }
            lines.push(
                form.note
                    .line("A short note, if you like: ", form.on_note, theme),
            );
            if let Some(error) = &form.error {
                lines.push(Line::styled(error.clone(), theme.error()));
            }
            lines.push(Line::raw(""));
            key_lines(PAUSE, theme, &mut lines);
        }
        (Step::Note(form), Some(journal), Some(me)) => {
            let other = other_name(journal, me);
            lines.push(Line::raw(
                "How it feels right now, in a line or two. There is no need to say what happened.",
            ));
            lines.push(form.text.line("Words:", true, theme));
            lines.push(Line::raw(""));
            lines.push(if form.shared {
                Line::raw(format!(
                    "Shared with {other}: not hidden from their screens."
                ))
            } else if journal.is_sealed() {
                Line::raw(
                    "Private: sealed with your own passphrase; your partner's cannot open it.",
                )
            } else {
                Line::raw("Private: hidden from your partner's screens; not locked or encrypted.")
            });
            let items = plan_items(journal, me);
            if !items.is_empty() {
                let met = form.item.and_then(|i| items.get(i)).map_or_else(
                    || "nothing from your plan".to_owned(),
                    |p| p.brings_it_on.clone(),
                );
                lines.push(Line::from(vec![
                    Span::styled("Met with: ", theme.muted()),
                    Span::raw(met),
                ]));
            }
            lines.push(Line::raw(""));
            key_lines(form.keys(), theme, &mut lines);
        }
        (Step::LookBack(look), Some(journal), Some(me)) => {
            lines.push(Line::styled(
                "How did an earlier moment go?",
                theme.heading(),
            ));
            let offset = *ctx.now.offset();
            for (i, moment) in to_look_back(journal, me).into_iter().enumerate() {
                let when = local_time(moment.meta.created, &offset).format("%a %-d %b, %H:%M");
                let what = format!("{when}  {}", moment.text);
                lines.push(row_line(i == look.row, "", &what, theme));
            }
            lines.push(Line::raw(""));
            key_lines(LOOK_BACK, theme, &mut lines);
        }
        _ => key_lines(ONLY_CLOSE, theme, &mut lines),
    }
    let title = match (journal, popup.who) {
        (Some(journal), Some(me)) => format!("A hard moment · {}", journal.name_of(me)),
        _ => "A hard moment".to_owned(),
    };
    window(frame, area, &title, lines, theme);
}

/// The popup's width when there is room: the same for every step, so it does not jump.
const WIDTH: u16 = 68;

/// A bordered window centred in `area`, keeping each line's indent (the lists and keys line up).
fn window(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, theme: Theme) {
    let width = WIDTH.min(area.width);
    let inner = usize::from(width.saturating_sub(4).max(1));
    let height: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let height = u16::try_from(height + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let window = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, window);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(format!(" {title} "))
        .padding(Padding::horizontal(1));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        window,
    );
}

fn other_name(journal: &Journal, me: PartnerId) -> String {
    journal
        .other_partner(me)
        .map_or_else(|| "your partner".to_owned(), |p| p.name.clone())
}

/// A row of a list: a marker when chosen, its key, and what it does.
fn row_line(chosen: bool, key: &str, what: &str, theme: Theme) -> Line<'static> {
    let (mark, style) = if chosen {
        ("› ", theme.selected())
    } else {
        ("  ", theme.calm())
    };
    let key = if key.is_empty() {
        String::new()
    } else {
        format!("{key}  ")
    };
    Line::from(vec![
        Span::styled(mark, theme.key()),
        Span::styled(key, theme.key()),
        Span::styled(what.to_owned(), style),
    ])
}

fn breathe(popup: &HardMomentPopup, locked: bool, theme: Theme, lines: &mut Vec<Line>) {
    lines.push(Line::raw(
        "There is nothing to explain. First, a few slow breaths together.",
    ));
    lines.push(Line::raw(""));
    for phase in Phase::ALL {
        let now = phase == popup.breath.phase;
        let count: Vec<String> = (1..=phase.count()).map(|n| n.to_string()).collect();
        let what = format!("{:<27}{}", phase.words(), count.join(" · "));
        lines.push(row_line(now, "", &what, theme));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "Breath {} of {BREATHS}. Count along slowly, then press Space.",
            popup.breath.breath
        ),
        theme.muted(),
    ));
    if popup.breath.rested {
        lines.push(Line::styled(
            "Take more breaths if you like, or go on when you are ready.",
            theme.muted(),
        ));
    }
    lines.push(Line::raw(""));
    if popup.has_journal {
        key_lines(BREATHE, theme, lines);
        return;
    }
    // Before setup, or while an encrypted journal is locked, Enter closes; the line before it
    // says when it will show the plan.
    let when = match locked {
        true => {
            "Once you choose your name and type your passphrase, this key also shows your plan and lets you ask for a pause."
        }
        false => {
            "Once your journal is set up, this key also shows your plan and lets you ask for a pause."
        }
    };
    for binding in BREATHE_BEFORE_SETUP.iter().filter(|b| !b.hint.is_empty()) {
        if binding.keys.contains(&KeyPattern::Key(KeyCode::Enter)) {
            lines.push(Line::styled(when, theme.muted()));
        }
        lines.push(key_line(theme, binding.hint, binding.does));
    }
}

fn who(journal: &Journal, row: usize, theme: Theme, lines: &mut Vec<Line>) {
    lines.push(Line::styled("Whose moment is it?", theme.heading()));
    for (i, partner) in journal.partners.iter().enumerate() {
        lines.push(row_line(i == row, "", &partner.name, theme));
    }
    lines.push(Line::raw(""));
    key_lines(WHOSE, theme, lines);
}

fn plan(journal: &Journal, me: PartnerId, theme: Theme, lines: &mut Vec<Line>) {
    lines.push(Line::styled("Your plan for hard moments", theme.heading()));
    let items = plan_items(journal, me);
    if items.is_empty() {
        lines.push(Line::raw(
            "There is nothing in your plan yet, and that is all right.",
        ));
        // The evening screen's key for the plan, as its table has it.
        let plan_key = crate::tui::keys::tables::HOME
            .iter()
            .find(|b| b.command == Some(crate::tui::keys::tables::HomeKey::Plan));
        let how = match plan_key {
            Some(key) => format!(
                "press {} on your evening screen, or run `mend plan add`",
                key.hint
            ),
            None => "run `mend plan add`".to_owned(),
        };
        lines.push(Line::styled(
            format!("When you feel ready, add what helps you: {how}."),
            theme.muted(),
        ));
    }
    for item in items {
        lines.push(Line::raw(""));
        lines.push(Line::styled(item.brings_it_on.clone(), theme.prompt()));
        lines.push(Line::from(vec![
            Span::styled("What helps me: ", theme.muted()),
            Span::raw(item.helps_me.clone()),
        ]));
        lines.push(Line::from(vec![
            Span::styled("What I ask of you: ", theme.muted()),
            Span::raw(item.i_ask_of_you.clone()),
        ]));
    }
    lines.push(Line::raw(""));
    key_lines(PLAN_NOW, theme, lines);
}

/// The keys of `table` a step lists, one to a line, from the table it answers with.
fn key_lines<C>(table: &[Binding<C>], theme: Theme, lines: &mut Vec<Line>) {
    for (key, does) in hints(table) {
        lines.push(key_line(theme, key, does));
    }
}

/// The letter a choice is picked with, from the choices' table, for its row.
fn letter_of(choice: ChoiceKey) -> String {
    CHOICES
        .iter()
        .filter(|b| b.command == Some(choice))
        .flat_map(|b| b.keys.iter())
        .find_map(|p| match p {
            KeyPattern::Key(KeyCode::Char(c)) => Some(c.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

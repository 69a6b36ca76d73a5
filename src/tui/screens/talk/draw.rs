//! Drawing the weekly talk: the step's few calm lines, from the screen's state and the journal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Field, TalkScreen};
use crate::journal::talk_flow::{IssueTurn, Step};
use crate::journal::text::one_line;
use crate::journal::{APPRECIATIONS, Journal, PartnerId, Talk};
use crate::progress::Progress;
use crate::progress::talk_words::{appreciation_starters, week_in_words};
use crate::tui::ctx::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::line_input::label_column;
use crate::tui::widgets::text::{hang_line, width};

/// The step's number and name, as the heading shows it.
fn step_name(step: Step) -> (usize, &'static str) {
    match step {
        Step::Arriving { .. } => (1, "Arriving"),
        Step::Appreciations => (2, "Appreciations"),
        Step::WentWell => (3, "What went well"),
        Step::Issue { .. } => (4, "One thing to talk about"),
        Step::NextWeek { .. } => (5, "Next week"),
        Step::Closing | Step::Closed => (6, "Closing"),
    }
}

pub(super) fn draw(ctx: &Ctx, screen: &TalkScreen, frame: &mut Frame, area: Rect) {
    let Some(journal) = ctx.journal else {
        return;
    };
    let theme = ctx.theme;
    let talk = journal.talk_for(screen.week);
    let week = screen.week;
    let (number, name) = step_name(screen.step);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("Week {week}"), theme.heading()),
            Span::styled(
                format!(
                    " · {} – {}",
                    week.start().format("%a %-d %b"),
                    week.end().format("%a %-d %b")
                ),
                theme.muted(),
            ),
        ]),
        Line::styled(format!("Step {number} of 6 · {name}"), theme.heading()),
        Line::raw(""),
    ];
    let d = Drawing {
        journal,
        talk,
        screen,
        theme,
        columns: usize::from(area.width),
    };
    match screen.step {
        Step::Arriving { asking } => d.arriving(asking, &mut lines),
        Step::Appreciations => d.appreciations(ctx.progress.map(AsRef::as_ref), &mut lines),
        Step::WentWell => d.went_well(ctx.progress.map(AsRef::as_ref), &mut lines),
        Step::Issue {
            speaker,
            listener,
            turn,
        } => d.issue(speaker, listener, turn, &mut lines),
        Step::NextWeek { answering } => d.next_week(answering, &mut lines),
        Step::Closing => d.closing(&mut lines),
        Step::Closed => d.closed(&mut lines),
    }
    lines.push(Line::raw(""));
    if let Some(error) = &screen.error {
        lines.push(Line::styled(error.clone(), theme.error()));
    } else if talk.is_some() && !screen.saving {
        lines.push(Line::styled(
            "Every word is saved as you write. Esc pauses; come back to it this week.",
            theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

struct Drawing<'a> {
    journal: &'a Journal,
    talk: Option<&'a Talk>,
    screen: &'a TalkScreen,
    theme: Theme,
    /// The width the lines are drawn in.
    columns: usize,
}

impl Drawing<'_> {
    fn name(&self, id: PartnerId) -> String {
        one_line(self.journal.name_of(id)).into_owned()
    }

    /// The field being written, with its cursor, or the saved words of another part; words
    /// too long for a line wrap under the words, not under the label.
    fn field_line(&self, label: &str, field: Field) -> Vec<Line<'static>> {
        let line = if self.screen.field == Some(field) {
            self.screen.input.line(label, true, self.theme)
        } else {
            let saved = field.saved(self.talk);
            Line::from(vec![
                Span::styled(label_column(label), self.theme.muted()),
                Span::raw(one_line(&saved).into_owned()),
            ])
        };
        hang_line(line, width(&label_column(label)), self.columns)
    }

    fn arriving(&self, asking: PartnerId, lines: &mut Vec<Line<'static>>) {
        lines.push(Line::raw(
            "Half an hour, side by side. You take turns: one writes while the other listens, and mend keeps each part as it is written.",
        ));
        lines.push(Line::raw(""));
        for side in self.talk.iter().flat_map(|t| &t.sides) {
            if let Some(safe) = side.safe {
                let said = if safe { "yes" } else { "not tonight" };
                lines.push(Line::styled(
                    format!("{}: {said}", self.name(side.partner)),
                    self.theme.muted(),
                ));
            }
        }
        lines.push(Line::styled(
            format!(
                "{}, do you feel safe enough to talk tonight?",
                self.name(asking)
            ),
            self.theme.prompt(),
        ));
        lines.push(Line::styled(
            "y yes · n not tonight. If either of you says no, tonight is appreciations only, and that is fine.",
            self.theme.muted(),
        ));
    }

    fn appreciations(&self, progress: Option<&Progress>, lines: &mut Vec<Line<'static>>) {
        lines.push(Line::raw(
            "Each of you names three things you appreciated in the other this week.",
        ));
        let order = TalkScreen::order(self.journal, self.talk);
        for (slot, &id) in order.iter().enumerate() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!("{} appreciated", self.name(id)),
                self.theme.partner(slot),
            ));
            for i in 0..APPRECIATIONS {
                lines.extend(self.field_line(&format!("  {}.", i + 1), Field::Appreciation(id, i)));
            }
            if let Some(Field::Appreciation(writing, _)) = self.screen.field
                && writing == id
                && let Some(progress) = progress
            {
                let starters = appreciation_starters(progress, self.journal, self.screen.week, id);
                if !starters.is_empty() {
                    let starters: Vec<String> =
                        starters.iter().map(|s| one_line(s).into_owned()).collect();
                    lines.push(Line::styled(
                        format!("  Perhaps: {}", starters.join(" · ")),
                        self.theme.muted(),
                    ));
                }
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Read them together. Enter moves to the next line, and on from the last.",
            self.theme.muted(),
        ));
    }

    fn went_well(&self, progress: Option<&Progress>, lines: &mut Vec<Line<'static>>) {
        lines.push(Line::raw("Your week, read together:"));
        lines.push(Line::raw(""));
        let week = progress
            .map(|p| week_in_words(p, self.journal, self.screen.week))
            .unwrap_or_default();
        for line in &week {
            lines.push(Line::raw(format!("  {}", one_line(line))));
        }
        if week.is_empty() {
            lines.push(Line::raw("  A quiet week: nothing was written down."));
        }
        lines.push(Line::raw(""));
        let ready = match week.is_empty() {
            true => "A quiet week is still a week you came back to. Enter when you are ready.",
            false => "Enter when you are ready.",
        };
        lines.push(Line::styled(ready, self.theme.muted()));
    }

    fn issue(
        &self,
        speaker: PartnerId,
        listener: PartnerId,
        turn: IssueTurn,
        lines: &mut Vec<Line<'static>>,
    ) {
        let (s, l) = (self.name(speaker), self.name(listener));
        lines.push(Line::styled(
            format!("{s} speaks, {l} listens. One issue each, at most; either may skip."),
            self.theme.muted(),
        ));
        lines.push(Line::raw(""));
        let speaking = turn == IssueTurn::Speak;
        if speaking {
            lines.push(Line::styled(
                format!("{s}, what do you feel, and what do you need?"),
                self.theme.prompt(),
            ));
            lines.push(Line::styled(
                "You might try: I feel … when … I need …",
                self.theme.gentle(),
            ));
        }
        lines.extend(self.field_line(&s, Field::Issue(speaker)));
        if speaking {
            lines.push(Line::styled(
                "Enter when done; Enter with nothing written skips, and that is fine.",
                self.theme.muted(),
            ));
            return;
        }
        if turn == IssueTurn::Listen {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!("{l}, what did you hear? Say it back in your words, without a defence."),
                self.theme.prompt(),
            ));
        }
        lines.extend(self.field_line(&format!("{l} heard"), Field::Heard(listener)));
        match turn {
            IssueTurn::Confirm if !self.screen.clarifying => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    format!("{s}, is that it? y yes, that's it · c clarify once"),
                    self.theme.prompt(),
                ));
            }
            IssueTurn::Confirm | IssueTurn::Clarify => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    format!("{s}, say once more what you meant."),
                    self.theme.prompt(),
                ));
                lines.extend(self.field_line(&s, Field::Clarify(speaker)));
            }
            IssueTurn::ListenAgain => {
                lines.extend(self.field_line(&s, Field::Clarify(speaker)));
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    format!("{l}, what did you hear this time?"),
                    self.theme.prompt(),
                ));
                lines.extend(self.field_line(&format!("{l} heard"), Field::HeardAgain(listener)));
            }
            IssueTurn::Speak | IssueTurn::Listen => {}
        }
    }

    fn next_week(&self, answering: Option<PartnerId>, lines: &mut Vec<Line<'static>>) {
        lines.push(Line::styled(
            "What would help you feel cared for this week?",
            self.theme.prompt(),
        ));
        lines.push(Line::raw(""));
        let order = TalkScreen::order(self.journal, self.talk);
        for &id in &order {
            lines.extend(self.field_line(&self.name(id), Field::CaredFor(id)));
        }
        lines.push(Line::raw(""));
        if answering.is_some() {
            lines.push(Line::styled("Enter when done.", self.theme.muted()));
            return;
        }
        for (at, &id) in order.iter().enumerate() {
            let other = order.iter().find(|p| **p != id).copied();
            if let Some(other) = other
                && self
                    .talk
                    .and_then(|t| t.side(id))
                    .is_some_and(|s| s.cared_for.is_some())
            {
                lines.push(Line::styled(
                    format!(
                        "{} {} can make {}'s answer a promise, due this coming week",
                        at + 1,
                        self.name(other),
                        self.name(id)
                    ),
                    self.theme.muted(),
                ));
            }
        }
        let made = self.talk.map_or(0, |t| t.promises.len());
        if made > 0 {
            lines.push(Line::styled(
                format!(
                    "{} made from this talk.",
                    crate::words::count(made, "promise", "promises")
                ),
                self.theme.done(),
            ));
        }
        lines.push(Line::styled("Enter to close the talk.", self.theme.muted()));
    }

    fn closing(&self, lines: &mut Vec<Line<'static>>) {
        lines.push(Line::raw(
            "Thank you, both, for sitting down together. Whatever was said, you came to listen.",
        ));
        lines.push(Line::raw(""));
        lines.push(Line::styled("Enter to close the talk.", self.theme.muted()));
    }

    fn closed(&self, lines: &mut Vec<Line<'static>>) {
        lines.push(Line::raw("This week's talk is closed and saved."));
        let order = TalkScreen::order(self.journal, self.talk);
        for &id in &order {
            let Some(side) = self.talk.and_then(|t| t.side(id)) else {
                continue;
            };
            let thanks: Vec<String> = side
                .written_appreciations()
                .map(|a| one_line(a).into_owned())
                .collect();
            if !thanks.is_empty() {
                lines.push(Line::raw(format!(
                    "{} appreciated: {}",
                    self.name(id),
                    thanks.join(" · ")
                )));
            }
        }
        lines.push(Line::styled("Esc to go back.", self.theme.muted()));
    }
}

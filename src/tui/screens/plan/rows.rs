//! The plan screen's lines: each item's three parts, where it stands, its hard date and last look.

use chrono::{DateTime, FixedOffset};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::journal::text::one_line;
use crate::journal::{Journal, PartnerId, PlanItem, RecordId, ReviewKind, local_time};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::width;

/// The items in use, this partner's first, each partner's in the order they were made.
pub fn items_in_order(journal: &Journal, reader: PartnerId) -> Vec<RecordId> {
    let mut items: Vec<&PlanItem> = journal.plan_items_in_use().collect();
    items.sort_by_key(|p| (p.owner() != reader, p.meta.id));
    items.iter().map(|p| p.meta.id).collect()
}

/// What is drawn: every line, and where the chosen item's lines start and end.
pub struct Drawn {
    pub lines: Vec<Line<'static>>,
    pub chosen: Option<(usize, usize)>,
}

/// The whole plan as lines wrapped to `columns`, for `reader`, with `chosen` marked.
pub fn plan_lines(
    journal: &Journal,
    reader: PartnerId,
    chosen: Option<RecordId>,
    now: DateTime<FixedOffset>,
    theme: Theme,
    columns: usize,
) -> Drawn {
    let other = journal
        .other_partner(reader)
        .map_or_else(|| "your partner".to_owned(), |p| p.name.clone());
    let intro = "One item for each hard situation, in your own words. The other reads it and agrees or suggests a change, so the plan is agreed, not imposed.";
    let mut out = Drawn {
        lines: wrap(intro, columns.max(10))
            .into_iter()
            .map(|piece| Line::styled(piece, theme.muted()))
            .collect(),
        chosen: None,
    };
    out.lines.push(Line::raw(""));
    let ids = items_in_order(journal, reader);
    for mine in [true, false] {
        let heading = if mine {
            "Your plan".to_owned()
        } else {
            format!("{other}'s plan")
        };
        out.lines.push(Line::styled(heading, theme.heading()));
        let theirs: Vec<&PlanItem> = ids
            .iter()
            .filter_map(|id| journal.live_plan_items().find(|p| p.meta.id == *id))
            .filter(|p| (p.owner() == reader) == mine)
            .collect();
        if theirs.is_empty() {
            let none = if mine {
                "  Nothing here yet. n adds an item whenever you are ready.".to_owned()
            } else {
                format!("  {other} has no plan items yet.")
            };
            out.lines.push(Line::styled(none, theme.muted()));
        }
        for item in theirs {
            let start = out.lines.len();
            let is_chosen = chosen == Some(item.meta.id);
            item_lines(
                &mut out.lines,
                item,
                journal,
                reader,
                is_chosen,
                now,
                theme,
                columns,
            );
            if is_chosen {
                out.chosen = Some((start, out.lines.len()));
            }
        }
        out.lines.push(Line::raw(""));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn item_lines(
    lines: &mut Vec<Line<'static>>,
    item: &PlanItem,
    journal: &Journal,
    reader: PartnerId,
    chosen: bool,
    now: DateTime<FixedOffset>,
    theme: Theme,
    columns: usize,
) {
    let mark = if chosen { "› " } else { "  " };
    let first_style = if chosen {
        theme.selected()
    } else {
        theme.prompt()
    };
    let mut push = |label: &str, text: &str, style: Style, lead: &str| {
        let body = format!("{label}{}", one_line(text));
        for (at, piece) in wrap(&body, columns.saturating_sub(4).max(10))
            .into_iter()
            .enumerate()
        {
            let lead = if at == 0 { lead } else { "    " };
            lines.push(Line::from(vec![
                Span::styled(lead.to_owned(), style),
                Span::styled(piece, style),
            ]));
        }
    };
    push("What brings it on: ", &item.brings_it_on, first_style, mark);
    push("What helps me: ", &item.helps_me, Style::default(), "    ");
    push(
        "What I ask of you: ",
        &item.i_ask_of_you,
        Style::default(),
        "    ",
    );
    let owner = journal.name_of(item.owner()).to_owned();
    let other = journal
        .other_partner(item.owner())
        .map_or_else(|| "your partner".to_owned(), |p| p.name.clone());
    let mine = item.owner() == reader;
    let mut about = vec![standing(item, mine, &owner, &other)];
    if let Some(date) = hard_date_words(item) {
        about.push(date);
    }
    about.push(format!("last looked at {}", looked_words(item, now)));
    push("", &about.join(" · "), theme.muted(), "    ");
    if let Some((note, latest)) = latest_suggestion(item) {
        let label = match (mine, latest) {
            (true, true) => format!("{other} suggested: "),
            (true, false) => format!("{other}'s last suggestion: "),
            (false, true) => "You suggested: ".to_owned(),
            (false, false) => "Your last suggestion: ".to_owned(),
        };
        push(&label, &format!("“{note}”"), theme.calm(), "    ");
    }
}

/// Where the item stands, for the reader: agreed, or waiting to be read, in calm words.
fn standing(item: &PlanItem, mine: bool, owner: &str, other: &str) -> String {
    match (item.reviews.last().map(|r| r.kind), mine) {
        (Some(ReviewKind::Agreed), true) => format!("agreed by {other}"),
        (Some(ReviewKind::Agreed), false) => "you agreed".to_owned(),
        (Some(ReviewKind::SuggestedChange), true) => format!("{other} suggested a change"),
        (Some(ReviewKind::SuggestedChange), false) => {
            format!("you suggested a change; {owner} may edit it")
        }
        (Some(ReviewKind::Edited), true) => format!("changed; waiting for {other} to read it"),
        (None, true) => format!("waiting for {other} to read it"),
        (Some(ReviewKind::Edited), false) => {
            "changed since you read it; a agrees, s suggests".to_owned()
        }
        (None, false) => "for you to read; a agrees, s suggests".to_owned(),
    }
}

/// "hard date: Thu 3 Dec 2026", or "hard date: 14 March, every year".
fn hard_date_words(item: &PlanItem) -> Option<String> {
    let date = item.hard_date?;
    Some(if item.yearly {
        format!("hard date: {}, every year", date.format("%-d %B"))
    } else {
        format!("hard date: {}", date.format("%a %-d %b %Y"))
    })
}

/// "today", "yesterday", "3 days ago", "5 weeks ago", by local calendar days.
fn looked_words(item: &PlanItem, now: DateTime<FixedOffset>) -> String {
    let looked = local_time(item.last_looked_at, now.offset()).date();
    match (now.date_naive() - looked).num_days() {
        ..=0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        days @ 2..=13 => format!("{days} days ago"),
        days => format!("{} weeks ago", days / 7),
    }
}

/// The note of the latest suggested change, if any was made, and whether nothing (an edit,
/// an agreement) came after it.
fn latest_suggestion(item: &PlanItem) -> Option<(&str, bool)> {
    let at = item
        .reviews
        .iter()
        .rposition(|r| r.kind == ReviewKind::SuggestedChange)?;
    let note = item.reviews[at].note.as_deref()?;
    Some((note, at + 1 == item.reviews.len()))
}

/// `text` broken at spaces into pieces of at most `columns` columns (a longer word is cut).
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let gap = usize::from(!line.is_empty());
        if !line.is_empty() && width(&line) + gap + width(word) > columns {
            pieces.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if width(&line) + width(&c.to_string()) > columns {
                pieces.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    pieces.push(line);
    pieces
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_a_word_longer_than_the_line() {
        assert_eq!(wrap("a walk then tea", 7), vec!["a walk", "then", "tea"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
    }
}

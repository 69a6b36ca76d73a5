//! The lines of the promises screen, worked out from the journal when it changes.

use chrono::NaiveDate;

use crate::journal::{Journal, KindAct, PartnerId, Promise, PromiseStatus, RecordId};

/// What a selectable line stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Promise(RecordId),
    KindAct(RecordId),
}

/// How a line looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Heading,
    /// A quiet line, such as "none yet".
    Note,
    Open,
    /// Open, with its due day behind it: marked gently.
    Late,
    Closed,
    Noticed,
}

/// One line of the list: its words, worked out once, and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub item: Option<Item>,
    pub look: Look,
    pub text: String,
    /// The right-hand words: a due day, an outcome, or who noticed.
    pub detail: String,
}

impl Row {
    fn heading(text: impl Into<String>) -> Row {
        Row {
            item: None,
            look: Look::Heading,
            text: text.into(),
            detail: String::new(),
        }
    }

    fn note(text: impl Into<String>) -> Row {
        Row {
            item: None,
            look: Look::Note,
            text: text.into(),
            detail: String::new(),
        }
    }
}

/// A due day in words, from the evening `today`.
pub fn due_words(due: NaiveDate, today: NaiveDate) -> String {
    match (due - today).num_days() {
        0 => "due tonight".to_owned(),
        1 => "due tomorrow".to_owned(),
        2..=6 => format!("due {}", due.format("%A")),
        _ if due < today => format!("was due {}; still open", due.format("%a %-d %b")),
        _ => format!("due {}", due.format("%a %-d %b")),
    }
}

/// The words for how a promise ended, as the list shows them.
pub fn outcome_words(status: PromiseStatus) -> &'static str {
    match status {
        PromiseStatus::Open => "Open",
        PromiseStatus::Kept => "Kept",
        PromiseStatus::Broken => "Not kept",
        PromiseStatus::Renegotiated => "Renegotiated",
        PromiseStatus::Withdrawn => "Withdrawn",
    }
}

fn open_row(p: &Promise, today: NaiveDate) -> Row {
    let late = p.is_overdue(today);
    Row {
        item: Some(Item::Promise(p.meta.id)),
        look: if late { Look::Late } else { Look::Open },
        text: p.text.clone(),
        detail: p.due.map_or_else(String::new, |due| due_words(due, today)),
    }
}

fn closed_row(journal: &Journal, p: &Promise) -> Row {
    let by = journal.name_of(p.by());
    let detail = match p.noticed() {
        Some(_) => format!("{} noticed", journal.name_of(p.to)),
        None if p.status.can_be_acknowledged() => "not noticed yet".to_owned(),
        None => String::new(),
    };
    Row {
        item: Some(Item::Promise(p.meta.id)),
        look: if p.noticed().is_some() {
            Look::Noticed
        } else {
            Look::Closed
        },
        text: format!("{by}: {}", p.text),
        detail,
    }
}

/// The promises tab: the reader's open promises, their partner's, then closed ones by outcome.
pub fn promise_rows(journal: &Journal, reader: PartnerId, today: NaiveDate) -> Vec<Row> {
    let other = journal
        .other_partner(reader)
        .map_or("your partner", |p| p.name.as_str());
    let mut open: Vec<&Promise> = journal
        .live_promises()
        .filter(|p| p.status.is_open())
        .collect();
    open.sort_by_key(|p| (p.due.is_none(), p.due, p.made, p.meta.id));
    let mut rows = Vec::new();
    for (heading, by_reader) in [
        (format!("Your promises to {other}"), true),
        (format!("{other}'s promises to you"), false),
    ] {
        rows.push(Row::heading(heading));
        let before = rows.len();
        rows.extend(
            open.iter()
                .filter(|p| (p.by() == reader) == by_reader)
                .map(|p| open_row(p, today)),
        );
        if rows.len() == before {
            rows.push(Row::note(if by_reader {
                "Nothing open. Press n to make a promise."
            } else {
                "Nothing open."
            }));
        }
    }
    let mut closed: Vec<&Promise> = journal
        .live_promises()
        .filter(|p| !p.status.is_open())
        .collect();
    closed.sort_by_key(|p| std::cmp::Reverse((p.closed_at(), p.meta.id)));
    for status in [
        PromiseStatus::Kept,
        PromiseStatus::Renegotiated,
        PromiseStatus::Broken,
        PromiseStatus::Withdrawn,
    ] {
        let group: Vec<Row> = closed
            .iter()
            .filter(|p| p.status == status)
            .map(|p| closed_row(journal, p))
            .collect();
        if !group.is_empty() {
            rows.push(Row::heading(format!(
                "{} ({})",
                outcome_words(status),
                group.len()
            )));
            rows.extend(group);
        }
    }
    rows
}

fn kind_row(journal: &Journal, act: &KindAct) -> Row {
    let doer = journal.name_of(act.doer());
    let who = match act.received_by() {
        Some(receiver) => format!("{doer} did this for {}", journal.name_of(receiver)),
        None => doer.to_owned(),
    };
    Row {
        item: Some(Item::KindAct(act.meta.id)),
        look: if act.is_noticed() {
            Look::Noticed
        } else {
            Look::Open
        },
        text: format!("{}  {who}: {}", act.day.format("%a %-d %b"), act.text),
        detail: match &act.acknowledged {
            Some(ack) if act.received_by() == Some(ack.by) => {
                format!("{} noted it", journal.name_of(ack.by))
            }
            Some(ack) => format!("{} noticed", journal.name_of(ack.by)),
            None => String::new(),
        },
    }
}

/// The kind acts tab: the partner's acts waiting to be noticed first, then all, newest first.
pub fn kind_rows(journal: &Journal, reader: PartnerId) -> Vec<Row> {
    let mut acts: Vec<&KindAct> = journal.live_kind_acts().collect();
    acts.sort_by_key(|k| std::cmp::Reverse((k.day, k.meta.id)));
    let waits_for_reader = |k: &KindAct| k.doer() != reader && !k.is_noticed();
    let (waiting, others): (Vec<&KindAct>, Vec<&KindAct>) =
        acts.into_iter().partition(|k| waits_for_reader(k));
    let mut rows = Vec::new();
    if !waiting.is_empty() {
        rows.push(Row::heading("Waiting for you to notice"));
        rows.extend(waiting.iter().map(|k| kind_row(journal, k)));
    }
    rows.push(Row::heading("Kind acts, newest first"));
    if others.is_empty() && waiting.is_empty() {
        rows.push(Row::note(
            "None yet. Something small done unasked counts. Press n to add one.",
        ));
    }
    rows.extend(others.iter().map(|k| kind_row(journal, k)));
    rows
}

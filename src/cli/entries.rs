//! `mend init`, `write` and `checkin`.

use anyhow::Result;

use super::context::{CommandContext, partner_id, usage};
use super::input::{kept_texts, read_entry_text, read_limited};
use super::output::{human_day, say};
use super::{CheckinArgs, InitArgs, StageArg, WriteArgs};
use crate::journal::support::{needs_support, support_lines};
use crate::journal::text::one_line;
use crate::journal::{Journal, NewCheckin, NewEntry, Rating, Role, Stage, Visibility};

impl From<StageArg> for Stage {
    fn from(stage: StageArg) -> Stage {
        match stage {
            StageArg::Communication => Stage::Communication,
            StageArg::Reciprocity => Stage::Reciprocity,
            StageArg::Healing => Stage::Healing,
        }
    }
}

pub fn init(ctx: &CommandContext, args: InitArgs) -> Result<()> {
    let [first, second] = args.partners.as_slice() else {
        return Err(usage(format!(
            "Give exactly two partners (--partner NAME --partner NAME); {} given.",
            args.partners.len()
        )));
    };
    let roles = match args.roles.as_slice() {
        [] => [None, None],
        [a, b] => [Some(parse_role(a)?), Some(parse_role(b)?)],
        other => {
            return Err(usage(format!(
                "Give one role for each partner (--roles hurt,repairing); {} given.",
                other.len()
            )));
        }
    };
    let started = ctx.now.date_naive();
    let mut journal = Journal::new(
        (first, roles[0]),
        (second, roles[1]),
        ctx.now_utc(),
        started,
    )?;
    journal.started = ctx.today(&journal);
    ctx.store().create(journal)?;
    say!(
        "Created a journal for {} and {} at {}.",
        first.trim(),
        second.trim(),
        ctx.paths.journal.display()
    )?;
    Ok(())
}

fn parse_role(text: &str) -> Result<Role> {
    Role::parse(text).ok_or_else(|| {
        usage(format!(
            "\"{}\" is not a role; use hurt, repairing or both.",
            text.trim()
        ))
    })
}

pub fn write(ctx: &CommandContext, args: WriteArgs) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let author = partner_id(&journal, &args.author)?;
    // Every argument is checked before any text is asked for: nothing typed is refused after.
    ctx.check_day_flag(&journal, "--day", args.day)?;
    let today = ctx.today(&journal);
    journal.check_new_entry(author, args.day.unwrap_or(today), today)?;
    let typed = read_entry_text(&ctx.paths.drafts, author)?;
    let visibility = if args.private {
        Visibility::Private
    } else {
        Visibility::Shared
    };
    let stage = Stage::from(args.stage);
    let saved = store.update(|journal| {
        let today = ctx.today(journal);
        let day = args.day.unwrap_or(today);
        let new = NewEntry {
            author,
            day,
            stage,
            prompt_id: None,
            prompt: None,
            text: typed.text.clone(),
            visibility,
        };
        journal.add_entry(new, ctx.now_utc(), today)?;
        Ok((day, journal.name_of(author).to_owned()))
    });
    let (day, name) = saved.map_err(|e| typed.not_saved(e))?;
    typed.saved();
    let from_before = if typed.reopened {
        ": the writing kept from before"
    } else {
        ""
    };
    say!(
        "Saved {name}'s {} entry for the evening of {} ({stage}){from_before}.",
        visibility.as_str(),
        human_day(day)
    )?;
    if let Some(path) = kept_texts(&ctx.paths.drafts, author).first() {
        say!(
            "Writing from an earlier editor is still kept in {}; `{}` at a terminal opens it again.",
            path.display(),
            crate::shell::command(&["mend", "write", "--as", &name])
        )?;
    }
    Ok(())
}

pub fn checkin(ctx: &CommandContext, args: CheckinArgs) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let author = partner_id(&journal, &args.author)?;
    ctx.check_day_flag(&journal, "--day", args.day)?;
    let note = if args.note_stdin {
        Some(read_limited(std::io::stdin().lock(), "note")?)
    } else {
        None
    };
    let asked = if args.private_note {
        Some(Visibility::Private)
    } else if args.shared_note {
        Some(Visibility::Shared)
    } else {
        None
    };
    let saved = store.update(|journal| {
        let today = ctx.today(journal);
        let day = args.day.unwrap_or(today);
        // Checking in again without a new note keeps the evening's note, unless asked not to.
        // Who may read the note stays as chosen earlier that evening unless asked otherwise,
        // so a private note is never shared by a second check-in; a first note is shared.
        let earlier = journal.checkin_for(author, day);
        let note_visibility = asked
            .or(earlier.map(|c| c.note_visibility))
            .unwrap_or(Visibility::Shared);
        let earlier = earlier.filter(|c| c.note.is_some() && note.is_none() && !args.clear_note);
        let kept_note = earlier.is_some();
        let new = NewCheckin {
            author,
            day,
            safety: Rating::new(args.safety)?,
            trust: Rating::new(args.trust)?,
            connection: Rating::new(args.connection)?,
            note: note
                .clone()
                .or_else(|| earlier.and_then(|c| c.note.clone())),
            note_visibility,
        };
        let safety = new.safety;
        let (_, replaced) = journal.upsert_checkin(new, ctx.now_utc(), today)?;
        let has_note = journal
            .checkin_for(author, day)
            .is_some_and(|c| c.note.is_some());
        let support = needs_support(safety).then(|| support_lines(&journal.settings));
        let other = journal
            .other_partner(author)
            .map_or_else(|| "your partner".to_owned(), |p| p.name.clone());
        Ok(Saved {
            day,
            replaced,
            name: journal.name_of(author).to_owned(),
            other,
            kept_note,
            note: has_note.then_some(note_visibility),
            support,
        })
    })?;
    let verb = if saved.replaced { "Updated" } else { "Saved" };
    let kept = if saved.kept_note {
        " The note from earlier that evening is kept (--clear-note removes it)."
    } else {
        ""
    };
    say!(
        "{verb} {}'s check-in for the evening of {}: safety {}, trust {}, connection {}.{kept}",
        saved.name,
        human_day(saved.day),
        args.safety,
        args.trust,
        args.connection
    )?;
    let other = one_line(&saved.other);
    say!(
        "{other} sees these ratings in \"Both of us\" and in the weekly summary.{}",
        match saved.note {
            Some(Visibility::Shared) => " The note is shared: it is in the weekly summary too.",
            Some(Visibility::Private) if store.journal().is_some_and(|j| j.is_sealed()) =>
                " The note is private: hidden from your partner's screens and from the summary, and sealed with your own passphrase.",
            Some(Visibility::Private) =>
                " The note is private: hidden from your partner's screens and from the summary; not locked or encrypted.",
            None => "",
        }
    )?;
    for line in saved.support.unwrap_or_default() {
        say!("{}", one_line(&line))?;
    }
    Ok(())
}

/// What a check-in saved, to say so afterwards.
struct Saved {
    day: chrono::NaiveDate,
    replaced: bool,
    name: String,
    other: String,
    kept_note: bool,
    /// Who may read the note, when there is one.
    note: Option<Visibility>,
    support: Option<Vec<String>>,
}

//! `mend settings`: show the journal's settings, or change them.

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::context::{CommandContext, partner_id};
use super::input::{not_saved_if_typed, saved_if_typed};
use super::output::say;
use super::usage_error::usage;
use super::words::given_or_read;
use crate::journal::settings::{check_day_ends_at, check_lock_after};
use crate::journal::text::one_line;
use crate::journal::{Journal, PartnerId, Reveal, Role, WeekStart};

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// The hour (0-23) at which one evening ends and the next day begins
    #[arg(long, value_name = "HOUR")]
    pub day_ends_at: Option<u8>,
    /// The first day of your week
    #[arg(long, value_enum, value_name = "DAY")]
    pub week_starts: Option<WeekStartArg>,
    /// Add a support contact (a counsellor, a local helpline), one line read from standard
    /// input or $EDITOR, such as "Our counsellor: 555 0101"
    #[arg(long)]
    pub add_contact: bool,
    /// Remove every support contact
    #[arg(long, conflicts_with = "add_contact")]
    pub clear_contacts: bool,
    /// Change a partner's role: hurt, repairing, both, or none for not saying. A role only
    /// chooses which prompts that partner is offered. Give it once for each partner to change
    #[arg(long, value_name = "NAME=ROLE")]
    pub role: Vec<String>,
    /// When one partner's shared words for an evening open to the other: after-both (once the
    /// other has written that evening too) or at-once
    #[arg(long, value_enum, value_name = "WHEN")]
    pub reveal: Option<RevealArg>,
    /// In an encrypted journal, the minutes (1-240) without a key after which the full-screen
    /// app locks itself; 15 unless chosen
    #[arg(long, value_name = "MINUTES")]
    pub lock_after_minutes: Option<u16>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RevealArg {
    AfterBoth,
    AtOnce,
}

impl From<RevealArg> for Reveal {
    fn from(arg: RevealArg) -> Reveal {
        match arg {
            RevealArg::AfterBoth => Reveal::AfterBoth,
            RevealArg::AtOnce => Reveal::AtOnce,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum WeekStartArg {
    Monday,
    Sunday,
}

impl From<WeekStartArg> for WeekStart {
    fn from(arg: WeekStartArg) -> WeekStart {
        match arg {
            WeekStartArg::Monday => WeekStart::Monday,
            WeekStartArg::Sunday => WeekStart::Sunday,
        }
    }
}

pub fn settings(ctx: &CommandContext, args: SettingsArgs) -> Result<()> {
    let changes = args.day_ends_at.is_some()
        || args.week_starts.is_some()
        || args.add_contact
        || args.clear_contacts
        || args.reveal.is_some()
        || args.lock_after_minutes.is_some()
        || !args.role.is_empty();
    // Settings are in the clear, even in an encrypted journal: no passphrase is asked, as
    // in the app's settings screen, and the words are written back sealed as they were.
    let (mut store, journal) = ctx.load_sealed()?;
    if !changes {
        return show(ctx, &journal);
    }
    // Everything typed is checked before anything is asked for or written.
    if let Some(hour) = args.day_ends_at {
        check_day_ends_at(hour)?;
    }
    if let Some(minutes) = args.lock_after_minutes {
        check_lock_after(minutes)?;
    }
    let roles = args
        .role
        .iter()
        .map(|given| role_change(&journal, given))
        .collect::<Result<Vec<_>>>()?;
    let contact = if args.add_contact {
        let command = ["mend", "settings", "--add-contact"];
        Some(given_or_read(
            ctx,
            Vec::new(),
            "contact",
            ("contact", None),
            &command,
        )?)
    } else {
        None
    };
    store
        .update(|journal| {
            if let Some(hour) = args.day_ends_at {
                journal.set_day_ends_at(hour)?;
            }
            if let Some(week_starts) = args.week_starts {
                journal.settings.week_starts = week_starts.into();
            }
            if let Some(reveal) = args.reveal {
                journal.set_reveal(reveal.into(), ctx.today(journal));
            }
            if let Some(minutes) = args.lock_after_minutes {
                journal.set_lock_after_minutes(minutes)?;
            }
            if args.clear_contacts {
                journal.clear_support_contacts();
            }
            if let Some(contact) = &contact {
                journal.add_support_contact(&contact.text)?;
            }
            for (partner, role) in &roles {
                journal.set_role(*partner, *role, ctx.now_utc())?;
            }
            Ok(())
        })
        .map_err(|err| not_saved_if_typed(contact.as_ref(), err))?;
    saved_if_typed(contact.as_ref());
    say!("Saved.")?;
    let journal = store.journal().unwrap_or(&journal);
    show(ctx, journal)
}

/// The reveal setting in plain words.
fn reveal_words(reveal: Reveal) -> &'static str {
    match reveal {
        Reveal::AfterBoth => {
            "Each evening, your shared words open to your partner once they have written too (or when the evening ends)."
        }
        Reveal::AtOnce => "Shared words open to your partner as soon as they are saved.",
    }
}

/// A `--role NAME=ROLE` as the partner and the role to give them, or a usage error naming it.
fn role_change(journal: &Journal, given: &str) -> Result<(PartnerId, Option<Role>)> {
    let Some((name, role)) = given.rsplit_once('=') else {
        return Err(usage(format!(
            "--role \"{}\": give a name and a role, like --role {}=hurt.",
            one_line(given.trim()),
            one_line(journal.partners.first().map_or("NAME", |p| p.name.as_str()))
        )));
    };
    let partner = partner_id(journal, name)?;
    let role = Role::parse_choice(role).ok_or_else(|| {
        usage(format!(
            "--role \"{}\": \"{}\" is not a role; use hurt, repairing, both or none.",
            one_line(given.trim()),
            one_line(role.trim())
        ))
    })?;
    Ok((partner, role))
}

/// Prints the settings in plain words.
fn show(ctx: &CommandContext, journal: &Journal) -> Result<()> {
    let settings = &journal.settings;
    let week = match settings.week_starts {
        WeekStart::Monday => "Monday",
        WeekStart::Sunday => "Sunday",
    };
    say!(
        "Settings of {}:\n  An evening ends at {:02}:00; writing before then counts for the evening before.\n  Weeks start on {week}.",
        ctx.paths.journal.display(),
        settings.day_ends_at
    )?;
    match journal.at_once_from_tomorrow(ctx.today(journal)) {
        true => say!(
            "  From tomorrow evening, shared words open to your partner as soon as they are saved. Tonight's still wait until you have both written."
        )?,
        false => say!("  {}", reveal_words(settings.reveal))?,
    }
    if journal.is_sealed() || settings.lock_after_minutes.is_some() {
        say!(
            "  The full screen locks itself after {} with no key (mend settings --lock-after-minutes N).",
            crate::words::count(
                usize::from(settings.lock_after_minutes()),
                "minute",
                "minutes"
            )
        )?;
    }
    for partner in &journal.partners {
        say!(
            "  {}'s role: {}.",
            one_line(&partner.name),
            Role::describe_choice(partner.role)
        )?;
    }
    say!(
        "  {} (mend settings --role NAME=hurt|repairing|both|none)",
        Role::EXPLAINED
    )?;
    if settings.support_contacts.is_empty() {
        say!(
            "  No support contacts yet. Add one with: echo \"Our counsellor: 555 0101\" | mend settings --add-contact"
        )?;
    } else {
        say!("  Support contacts, shown after a check-in with safety 2 or below:")?;
        for contact in &settings.support_contacts {
            say!("    {}", one_line(contact))?;
        }
    }
    Ok(())
}

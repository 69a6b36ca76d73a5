//! What every command needs: where the journal is and what time it is.

use anyhow::{Result, bail};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::sync::Arc;

use crate::journal::{DomainError, Journal, PartnerId};
use crate::paths::Paths;
use crate::store::Store;

pub use super::usage_error::usage;

/// The journal's paths and the moment the command runs.
pub struct CommandContext {
    pub paths: Paths,
    pub now: DateTime<FixedOffset>,
    /// The partner the command names (`--as NAME` or `--by NAME`), if any: their passphrase
    /// is tried first when an encrypted journal is unlocked, saving a wrong try.
    pub acting: Option<String>,
}

/// The partner a command line names with `--as NAME`, `--as=NAME`, `--by NAME` or `--by=NAME`.
pub fn acting_partner(args: impl IntoIterator<Item = String>) -> Option<String> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        for flag in ["--as", "--by"] {
            if arg == flag {
                return args.next();
            }
            if let Some(name) = arg
                .strip_prefix(flag)
                .and_then(|rest| rest.strip_prefix('='))
            {
                return Some(name.to_owned());
            }
        }
    }
    None
}

impl CommandContext {
    pub fn now_utc(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }

    /// This evening, by the journal's own day boundary.
    pub fn today(&self, journal: &Journal) -> NaiveDate {
        journal.clock().evening_of(self.now.naive_local())
    }

    /// Refuses a `flag` day outside the journal, before anything is read or written.
    pub fn check_day_flag(
        &self,
        journal: &Journal,
        flag: &str,
        day: Option<NaiveDate>,
    ) -> Result<()> {
        match day {
            Some(day) => check_flag(flag, journal.check_day(day, self.today(journal))),
            None => Ok(()),
        }
    }

    pub fn store(&self) -> CommandStore {
        let paths = &self.paths;
        CommandStore(Store::with_backups(
            &paths.journal,
            &paths.backups_root,
            crate::now::now_utc,
        ))
    }

    /// Loads the journal as it is on disk, without unlocking an encrypted one: for what
    /// needs no words (sharing it, merging into it), so it asks no passphrase.
    pub fn load_sealed(&self) -> Result<(CommandStore, Arc<Journal>)> {
        let mut store = self.store();
        let Some(journal) = store.load()? else {
            bail!(
                "There is no journal at {} yet. Run `mend` to set one up, or `mend init --partner NAME --partner NAME`.",
                self.paths.journal.display()
            );
        };
        Ok((store, journal))
    }

    /// Loads the journal to act as the partner `who` picks from it (found by what is in the
    /// clear, such as who made a promise): an encrypted one is unlocked with that partner's
    /// own passphrase, asked for by name, and refused with the other's.
    pub fn load_as(
        &self,
        who: impl FnOnce(&Journal) -> Result<PartnerId>,
    ) -> Result<(CommandStore, Arc<Journal>)> {
        let (mut store, journal) = self.load_sealed()?;
        if !journal.is_sealed() {
            return Ok((store, journal));
        }
        let partner = who(&journal)?;
        let name = journal.name_of(partner).to_owned();
        let opened = crate::unlock::unlock(&mut store, &journal, Some(&name), Some(&name))?;
        if !opened.opened().private_words_of(partner) {
            let name = crate::journal::text::one_line(&name);
            bail!(
                "This is {name}'s to do, with {name}'s own passphrase, and the passphrase given is not theirs. Nothing was read or changed."
            );
        }
        Ok((store, opened))
    }

    /// Loads the journal, saying how to make one if there is none yet.
    pub fn load(&self) -> Result<(CommandStore, Arc<Journal>)> {
        let (mut store, journal) = self.load_sealed()?;
        let journal = match journal.is_sealed() {
            true => {
                let first = self.acting.as_deref().or(self.paths.partner.as_deref());
                crate::unlock::unlock(&mut store, &journal, first, self.acting.as_deref())?
            }
            false => journal,
        };
        Ok((store, journal))
    }
}

/// The store one command uses. What the store has to tell the person without stopping the
/// command (a journal made private again, a backup that failed) is printed to standard
/// error as a note when the command is done with it.
pub struct CommandStore(Store);

impl std::ops::Deref for CommandStore {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.0
    }
}

impl std::ops::DerefMut for CommandStore {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.0
    }
}

impl Drop for CommandStore {
    fn drop(&mut self) {
        for notice in self.0.take_notices() {
            // Through the one gate to the terminal, like every other message.
            super::output::warn(format_args!("note: {notice}"));
        }
    }
}

/// A day, due day or week given with `flag`, refused by the journal's one rule for days
/// (`Journal::check_day` and its kin); the refusal names the flag as well as the value.
pub fn check_flag(flag: &str, checked: Result<(), DomainError>) -> Result<()> {
    checked.map_err(|err| usage(format!("{flag}: {err}")))
}

/// The id of a partner named only as the other side of something (a promise made to
/// them, a kind act they did): no passphrase of theirs is needed, as nothing is done as them.
pub fn other_partner_id(journal: &Journal, name: &str) -> Result<PartnerId> {
    Ok(journal.partner_named(name)?.id)
}

/// A partner's id by name, as a usage error if the journal has no such partner.
/// On an encrypted journal, acting as a partner needs that partner's own passphrase.
pub fn partner_id(journal: &Journal, name: &str) -> Result<PartnerId> {
    let partner = journal.partner_named(name)?;
    their_own_passphrase(journal, partner.id)?;
    Ok(partner.id)
}

/// Refuses acting as `partner` in an encrypted journal opened with the other partner's
/// passphrase. Like every passphrase that does not open the journal, this is exit code 1,
/// not a mistake in what was typed on the command line.
pub fn their_own_passphrase(journal: &Journal, partner: PartnerId) -> Result<()> {
    if journal.opened().private_words_of(partner) {
        return Ok(());
    }
    let name = journal.partner(partner).map_or_else(
        || "That partner".to_owned(),
        |p| crate::journal::text::one_line(&p.name).into_owned(),
    );
    bail!(
        "{name} may only be chosen with {name}'s own passphrase, and the passphrase given is not theirs. Nothing was read or changed."
    )
}

#[cfg(test)]
mod tests {
    use super::acting_partner;

    fn args(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn the_partner_a_command_names_is_found_in_each_form() {
        assert_eq!(
            acting_partner(args("mend log --as sam")).as_deref(),
            Some("sam")
        );
        assert_eq!(
            acting_partner(args("mend promise keep 01a --by=Alex")).as_deref(),
            Some("Alex")
        );
        assert_eq!(acting_partner(args("mend log --asx sam")), None);
        assert_eq!(acting_partner(args("mend check")), None);
    }
}

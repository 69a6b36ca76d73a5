//! Changing the couple's settings, with the rules each value must keep.

use super::{DomainError, Journal, Reveal, WeekStart};
use chrono::NaiveDate;

/// How many support contacts the settings hold at most, and how long one may be.
pub const MOST_CONTACTS: usize = 5;
pub const MAX_CONTACT_CHARS: usize = 120;

/// An hour at which an evening may end: 0 to 23.
pub fn check_day_ends_at(hour: u8) -> Result<u8, DomainError> {
    if hour > 23 {
        return Err(DomainError::BadHour(hour));
    }
    Ok(hour)
}

/// A number of minutes without a key after which mend may lock itself: 1 to 240.
pub fn check_lock_after(minutes: u16) -> Result<u16, DomainError> {
    match super::LOCK_AFTER_RANGE.contains(&minutes) {
        true => Ok(minutes),
        false => Err(DomainError::BadLockAfter(minutes)),
    }
}

/// The waits the settings screen goes through with ←/→, in minutes.
pub const LOCK_AFTER_CHOICES: [u16; 8] = [1, 5, 10, 15, 30, 60, 120, 240];

impl Journal {
    /// Sets how many minutes without a key an encrypted journal waits before it locks itself.
    pub fn set_lock_after_minutes(&mut self, minutes: u16) -> Result<(), DomainError> {
        self.settings.lock_after_minutes = Some(check_lock_after(minutes)?);
        Ok(())
    }

    /// Adds one contact line to the settings: plain words on one line, not too long, and
    /// not more than a handful in all.
    pub fn add_support_contact(&mut self, contact: &str) -> Result<(), DomainError> {
        let contact = contact.trim();
        if contact.is_empty() {
            return Err(DomainError::EmptyText("contact"));
        }
        if contact.chars().count() > MAX_CONTACT_CHARS || contact.chars().any(char::is_control) {
            return Err(DomainError::BadContact);
        }
        if self.settings.support_contacts.len() >= MOST_CONTACTS {
            return Err(DomainError::TooManyContacts);
        }
        self.settings.support_contacts.push(contact.to_owned());
        Ok(())
    }

    /// Removes every contact line.
    pub fn clear_support_contacts(&mut self) {
        self.settings.support_contacts.clear();
    }

    /// Sets the hour at which one evening ends and the next day begins (0-23).
    pub fn set_day_ends_at(&mut self, hour: u8) -> Result<(), DomainError> {
        self.settings.day_ends_at = check_day_ends_at(hour)?;
        Ok(())
    }

    /// Sets the first day of the couple's week; says whether anything changed.
    pub fn set_week_starts(&mut self, week_starts: WeekStart) -> bool {
        let changed = self.settings.week_starts != week_starts;
        self.settings.week_starts = week_starts;
        changed
    }

    /// Sets when one partner's shared words for an evening open to the other; says whether
    /// anything changed. Opening at once starts with the evening after `today`: tonight's
    /// words keep waiting, so changing the setting never opens them early. Waiting again
    /// starts at once.
    pub fn set_reveal(&mut self, reveal: Reveal, today: NaiveDate) -> bool {
        let changed = self.settings.reveal != reveal;
        if changed {
            self.settings.at_once_from = match reveal {
                Reveal::AtOnce => today.succ_opt(),
                Reveal::AfterBoth => None,
            };
        }
        self.settings.reveal = reveal;
        changed
    }

    /// Whether opening at once is chosen but starts only after the evening `today`.
    pub fn at_once_from_tomorrow(&self, today: NaiveDate) -> bool {
        self.settings.reveal == Reveal::AtOnce
            && self.settings.at_once_from.is_some_and(|from| from > today)
    }

    /// Whether the words of an entry written for the evening `day` open at once.
    pub fn opens_at_once(&self, day: NaiveDate) -> bool {
        self.settings.reveal == Reveal::AtOnce
            && self.settings.at_once_from.is_none_or(|from| day >= from)
    }
}

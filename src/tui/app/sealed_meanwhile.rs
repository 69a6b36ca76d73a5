//! A journal encrypted while it is open (by `mend encrypt` in another terminal, say): the
//! passphrase is asked where the partner is, and what they were saving waits for it.

use super::{App, Popup, Screen};
use crate::journal::Journal;
use crate::tui::action::Action;
use crate::tui::effects::Effect;
use crate::tui::popups::passphrase::PassphrasePopup;

impl App {
    /// Whether `arrived` seals words the partner here had open: it was encrypted meanwhile.
    pub(super) fn sealed_meanwhile(&self, arrived: &Journal) -> bool {
        let (Some(partner), Some(held)) = (self.partner, &self.journal) else {
            return false;
        };
        let had_open = !held.is_sealed() || held.opened().private_words_of(partner);
        !matches!(self.screen, Screen::Who(_))
            && had_open
            && arrived.is_sealed()
            && !arrived.opened().private_words_of(partner)
    }

    /// "Both of us" on a journal encrypted meanwhile shows nothing open: back to "who is
    /// here", saying why. Returns whether it went.
    pub(super) fn together_sealed_meanwhile(&mut self, arrived: &Journal) -> bool {
        let went = self.partner.is_none()
            && !matches!(self.screen, Screen::Who(_))
            && self.journal.as_ref().is_some_and(|held| !held.is_sealed())
            && arrived.is_sealed()
            && !arrived.opened().shared_words();
        if went {
            self.go_who();
            self.tell("The journal was encrypted while it was open here. Choose who is here to open it with a passphrase.");
        }
        went
    }

    /// Asks the partner here for their passphrase where they are; `then` (what they were
    /// saving) is done once the journal opens. Nothing is asked for "both of us".
    pub(super) fn ask_passphrase_here(&mut self, then: Option<Action>) -> bool {
        let Some(partner) = self.partner else {
            return false;
        };
        let Some(name) = self
            .journal
            .as_ref()
            .and_then(|j| j.partner(partner))
            .map(|p| p.name.clone())
        else {
            return false;
        };
        self.popups.retain(|p| !matches!(p, Popup::Passphrase(_)));
        self.popups
            .push(Popup::Passphrase(Box::new(PassphrasePopup::in_place(
                (partner, name),
                then,
            ))));
        true
    }

    /// A save asked for while the partner's words are sealed and their passphrase not
    /// given (the journal was encrypted while it was open) waits for the passphrase.
    /// Returns what to do instead of `action` when it waits, `None` when it goes ahead.
    pub(super) fn wait_for_passphrase(&mut self, action: &Action) -> Option<Vec<Effect>> {
        let waits = matches!(action, Action::Apply(_) | Action::SaveEntry { .. })
            && !matches!(self.screen, Screen::Who(_))
            && self.partner.is_some_and(|p| self.needs_passphrase_of(p));
        (waits && self.ask_passphrase_here(Some(action.clone()))).then(Vec::new)
    }

    /// The passphrase asked for here opened the journal: the partner stays where they are,
    /// and what was waiting is done.
    pub(super) fn unlocked_here(&mut self, then: Option<Action>) -> Vec<Effect> {
        self.refresh();
        match then {
            Some(action) => self.act(action),
            None => Vec::new(),
        }
    }
}

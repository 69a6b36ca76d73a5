//! An encrypted journal in the app: asking for a passphrase, opening, and locking again when unused.

use chrono::{DateTime, FixedOffset};
use std::sync::Arc;

use super::locking::{Held, Kept, LockReason};
use super::{App, Popup, Screen, Unsaved};
use crate::journal::{Journal, Opened, PartnerId};
use crate::store::seal::wipe_if_last;
use crate::tui::ctx::Ctx;
use crate::tui::draft::Draft;
use crate::tui::effects::Effect;
use crate::tui::popups::passphrase::PassphrasePopup;
use crate::tui::screens::home::HomeScreen;

impl App {
    /// Whether words are typed in a popup, or held while the journal is locked.
    pub(super) fn typed_in_popups(&self) -> bool {
        !self.locking.held.is_empty() || self.popups.iter().any(|p| p.view().has_typed_words())
    }

    /// Keeps the words typed but not saved anywhere (the writing screen's are in a sealed
    /// draft, unless it could not be written), for the same partner to find again once they
    /// unlock; returns whether the screen's words were held.
    fn hold_unsaved_words(&mut self) -> bool {
        let Some(partner) = self.partner else {
            return false;
        };
        let screen_holds = self.screen.view().unsaved() == Unsaved::OnlyOnScreen;
        let popups: Vec<Popup> = std::mem::take(&mut self.popups)
            .into_iter()
            .filter(|p| p.view().has_typed_words())
            .collect();
        if !screen_holds && popups.is_empty() {
            return false;
        }
        let screen = screen_holds
            .then(|| std::mem::replace(&mut self.screen, Screen::Home(HomeScreen::default())));
        match self.locking.held.iter_mut().find(|h| h.partner == partner) {
            // Held words are given back whenever their partner opens their evening, so none
            // are held for this partner now; were any, their popups stay beside the new ones.
            Some(before) => {
                before.popups.extend(popups);
                before.screen = screen.or(before.screen.take());
            }
            None => self.locking.held.push(Held {
                partner,
                screen,
                popups,
            }),
        }
        screen_holds
    }

    /// Gives `partner` back the words held for them when mend locked itself.
    pub(super) fn give_back_held_words(&mut self, partner: PartnerId) {
        let Some(at) = self.locking.held.iter().position(|h| h.partner == partner) else {
            return;
        };
        let held = self.locking.held.remove(at);
        if let Some(screen) = held.screen {
            self.screen = screen;
            self.refresh();
        }
        self.popups.extend(held.popups);
    }

    /// What the popups may read: the same, but a locked journal is kept from them, so none
    /// ever shows its sealed words ("a hard moment, now" then offers the breaths only).
    pub fn popup_ctx(&self) -> Ctx<'_> {
        let locked = |j: &&Arc<Journal>| j.is_sealed() && !j.opened().shared_words();
        Ctx {
            journal: self.journal.as_ref().filter(|j| !locked(j)),
            ..self.ctx()
        }
    }

    /// Whether the journal is encrypted and holds `partner`'s private words sealed: their
    /// evening needs their passphrase first.
    pub(super) fn needs_passphrase_of(&self, partner: PartnerId) -> bool {
        self.journal
            .as_ref()
            .is_some_and(|j| j.is_sealed() && !j.opened().private_words_of(partner))
    }

    /// Whether the journal is encrypted and some of its words are open.
    pub(super) fn holds_words_open(&self) -> bool {
        self.journal
            .as_ref()
            .is_some_and(|j| j.is_sealed() && j.opened().shared_words())
    }

    /// Whether the journal is encrypted and nothing in it is open yet.
    pub(super) fn needs_any_passphrase(&self) -> bool {
        self.journal
            .as_ref()
            .is_some_and(|j| j.is_sealed() && !j.opened().shared_words())
    }

    /// Asks for `partner`'s passphrase (`None`: either partner's, for both of you).
    pub(super) fn ask_passphrase(&mut self, partner: Option<PartnerId>) {
        self.popups.retain(|p| !matches!(p, Popup::Passphrase(_)));
        let named = partner.and_then(|p| {
            let name = self.journal.as_ref()?.partner(p)?.name.clone();
            Some((p, name))
        });
        self.popups
            .push(Popup::Passphrase(Box::new(PassphrasePopup::new(named))));
    }

    /// The passphrase opened the journal: show it, with the partner's draft, and go on to
    /// where the couple was going.
    pub(super) fn unlocked(
        &mut self,
        partner: Option<PartnerId>,
        journal: Arc<Journal>,
        draft: Option<Draft>,
    ) -> Vec<Effect> {
        let asked_here = self.popups.iter_mut().find_map(|p| match p {
            Popup::Passphrase(ask) if ask.in_place => Some(ask.then.take()),
            _ => None,
        });
        self.popups.retain(|p| !matches!(p, Popup::Passphrase(_)));
        self.locking.shown_before_sealing = None;
        self.locking.drafts_let_go = false;
        // Another partner's draft, opened before, is theirs alone: it stays sealed on disk.
        let opened = journal.opened();
        if journal.is_sealed() {
            self.drafts.retain(|p, _| opened.private_words_of(*p));
        }
        self.journal = Some(journal);
        self.locking.idle_since = self.now;
        if let Some(then) = asked_here
            && partner.is_some()
            && partner == self.partner
        {
            // The writing on screen is newer than any draft on disk: it stays as it is.
            return self.unlocked_here(then.map(|action| *action));
        }
        if let (Some(partner), Some(draft)) = (partner, draft) {
            self.drafts.insert(partner, draft);
        }
        match partner {
            Some(partner) => {
                let effects = self.choose_partner(partner);
                self.give_back_held_words(partner);
                effects
            }
            None => {
                self.look_back_together();
                Vec::new()
            }
        }
    }

    /// The passphrase did not open the journal: the popup says so kindly and stays, empty.
    pub(super) fn not_unlocked(&mut self, message: String) {
        match self.popups.last_mut() {
            Some(Popup::Passphrase(ask)) => ask.refused(message),
            _ => self.warn(message),
        }
    }

    /// Before a passphrase is tried on "who is here": a locked journal shows only names and
    /// settings there, so the app keeps those and lets go of the sealed words. The store then
    /// holds the only copy and opens it in place rather than copying it first (a refused
    /// passphrase leaves the app on "who is here", which needs no more).
    pub fn let_go_of_sealed_words(&mut self) {
        if let Some(shown) = self.journal.take() {
            let locked = shown.is_sealed() && shown.opened() == Opened::Nothing;
            self.journal = Some(match locked {
                true => Arc::new(shown.header_only()),
                false => shown,
            });
        }
    }

    /// The keys are forgotten: back to "who is here" on the sealed journal. Without one (the
    /// file could not be read just then) the app keeps only the journal's names and
    /// settings, so no opened word stays behind "who is here".
    pub(super) fn locked(&mut self, journal: Option<Arc<Journal>>) {
        let opened = match journal {
            Some(sealed) => self.journal.replace(sealed),
            None => match self.journal.take() {
                Some(shown) if shown.is_sealed() && shown.opened() != Opened::Nothing => {
                    let mut names = shown.header_only();
                    names.set_opened(Opened::Nothing);
                    self.journal = Some(Arc::new(names));
                    Some(shown)
                }
                shown => {
                    self.journal = shown;
                    None
                }
            },
        };
        let shown_before = self.locking.shown_before_sealing.take();
        let drafting = self.locking.locking_because.is_some_and(|(_, d)| d);
        // A draft that could not be written leaves the writing only on screen: it is held.
        let screen_held = self.hold_unsaved_words();
        let holds_theirs = self
            .locking
            .held
            .iter()
            .any(|h| Some(h.partner) == self.partner);
        self.locking.kept = match (drafting && !screen_held, holds_theirs) {
            (true, _) => Kept::Drafted,
            (false, true) => Kept::Held,
            (false, false) => Kept::Nothing,
        };
        self.drafts.clear();
        self.locking.drafts_let_go = true;
        self.popups.clear();
        // "Who is here" opens on the partner who was here.
        self.go_who();
        self.partner = None;
        self.deleted.clear();
        self.refresh();
        // The store let go of the opened journal as it locked, and now the app has too.
        for opened in [opened, shown_before].into_iter().flatten() {
            wipe_if_last(opened);
        }
    }

    /// Locks the journal after a while with no key: any writing on screen is kept first, as
    /// a sealed draft.
    pub fn lock_now(&mut self) -> Vec<Effect> {
        self.lock_because(LockReason::Idle)
    }

    /// Locks the journal as the partner goes back to "who is here", so whoever chooses a
    /// name next opens only their own evening, with their own passphrase.
    pub(super) fn lock_on_leaving(&mut self) -> Vec<Effect> {
        self.lock_because(LockReason::Left)
    }

    fn lock_because(&mut self, reason: LockReason) -> Vec<Effect> {
        let draft = self.unsaved_draft();
        self.locking.locking_because = Some((reason, draft.is_some()));
        let mut effects: Vec<Effect> = draft.map(Effect::SaveDraft).into_iter().collect();
        effects.push(Effect::Lock);
        effects
    }

    /// What to tell once the journal is locked: why, and where any writing went.
    pub(super) fn locked_notice(&mut self, minutes: u16) -> String {
        let (reason, _) = self
            .locking
            .locking_because
            .take()
            .unwrap_or((LockReason::Idle, false));
        let kept = match std::mem::take(&mut self.locking.kept) {
            Kept::Drafted => " What you were writing is kept as a draft, sealed.",
            Kept::Held => " What you typed is held, unseen, until you open your evening again.",
            Kept::Nothing => "",
        };
        match reason {
            LockReason::Idle => format!(
                "mend locked itself after {} with no key.{kept} Choose your name to go on.",
                crate::words::count(usize::from(minutes), "minute", "minutes")
            ),
            LockReason::Left => format!(
                "Locked: each of you opens your own evening with your own passphrase.{kept}"
            ),
        }
    }

    /// Whether an unlocked encrypted journal has waited long enough for a key, at `now`.
    pub(super) fn idle_too_long(&self, now: DateTime<FixedOffset>) -> bool {
        let Some(journal) = &self.journal else {
            return false;
        };
        // Words show while the journal is open, or while a journal encrypted meanwhile
        // still shows as it was.
        let shows_words =
            journal.opened() != Opened::Nothing || self.locking.shown_before_sealing.is_some();
        if !journal.is_sealed() || !shows_words {
            return false;
        }
        let minutes = i64::from(journal.settings.lock_after_minutes());
        now.signed_duration_since(self.locking.idle_since) >= chrono::TimeDelta::minutes(minutes)
    }
}

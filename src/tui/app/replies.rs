//! The loop's replies: a save that finished or failed, a draft kept, an editor or export done.

use std::sync::Arc;

use super::{App, Popup, Screen};
use crate::journal::{Journal, PartnerId};
use crate::tui::effects::{Effect, Reply};
use crate::tui::view::View;

impl App {
    /// The loop's answer to an effect, and any effects that follow from it.
    pub fn on_reply(&mut self, reply: Reply) -> Vec<Effect> {
        match reply {
            Reply::Created(Ok(journal)) => {
                self.journal = Some(journal);
                self.go_who();
                self.tell("Your journal is ready. Choose who is here tonight.");
            }
            Reply::CreatedSealed(Ok((journal, codes))) => {
                let codes = codes
                    .into_iter()
                    .map(|(p, code)| (journal.name_of(p).to_owned(), code))
                    .collect();
                self.journal = Some(journal);
                self.go_who();
                self.popups.push(super::Popup::RecoveryCodes(
                    crate::tui::popups::recovery_codes::RecoveryCodes::new(codes),
                ));
                self.tell("Your journal is ready, and every word in it is sealed. Choose who is here tonight.");
            }
            Reply::CreatedSealed(Err(message)) | Reply::Created(Err(message)) => {
                if let Screen::Setup(form) = &mut self.screen {
                    form.on_save_failed(&message);
                }
                self.warn(message);
            }
            Reply::Saved(Ok(journal)) => {
                let before = self.journal.replace(journal);
                return self.after_save(before);
            }
            Reply::SavedBesideChanged(journal) => {
                let before = self.journal.replace(journal);
                let effects = self.after_save(before);
                self.tell(
                    "This entry was changed in another window while you wrote. Both are kept: yours is saved as a new entry beside it.",
                );
                return effects;
            }
            Reply::SavedUnconfirmed(journal, warning) => {
                let before = self.journal.replace(journal);
                let effects = self.after_save(before);
                self.warn(warning);
                return effects;
            }
            Reply::NotSaved { message, on_disk } => {
                if let Some(journal) = on_disk {
                    self.journal = Some(journal);
                    self.refresh();
                }
                return self.on_reply(Reply::Saved(Err(message)));
            }
            Reply::Saved(Err(message)) => {
                // The popup that sent the change keeps its words; otherwise the screen did.
                let from_popup = self
                    .popups
                    .last_mut()
                    .and_then(|popup| popup.view_mut().on_save_failed(&message));
                let words = match from_popup {
                    Some(words) => words,
                    None => self.screen.view_mut().on_save_failed(&message),
                };
                self.warn(words);
            }
            Reply::Edited(Ok(text)) => {
                if let Some(action) = self.with_view(|view, ctx| view.on_edited(&text, ctx)) {
                    return self.act(action);
                }
            }
            Reply::Edited(Err(message)) => self.warn(message),
            Reply::DraftKept(partner) => self.set_draft_kept(partner, true),
            Reply::DraftNotKept(partner, message) => {
                self.set_draft_kept(partner, false);
                self.warn(format!(
                    "Your writing is only on this screen for now: the draft could not be written (mend tries again as you type). {}.",
                    crate::journal::text::capitalized(&message)
                ));
            }
            Reply::DraftNotRemoved(message) => self.warn(message),
            Reply::DraftFound(partner, Some(draft))
                if self.partner == Some(partner) && !self.drafts.contains_key(&partner) =>
            {
                self.drafts.insert(partner, draft);
                self.popups.push(Popup::RestoreDraft(
                    crate::tui::popups::restore_draft::RestoreDraft { partner },
                ));
            }
            Reply::DraftFound(..) => {}
            Reply::Exported(Ok(path)) => self.tell(format!(
                "The summary is saved to {} (readable only by your account on this computer).",
                path.display()
            )),
            Reply::Exported(Err(message)) => {
                self.warn(format!("No summary was written: {message}"))
            }
            Reply::Arrived(journal) => self.on_arrived(journal),
            Reply::ArrivedUnreadable(message) => self.warn(message),
            Reply::Unlocked {
                partner,
                journal,
                draft,
            } => return self.unlocked(partner, journal, draft),
            Reply::NotUnlocked { message, .. } => self.not_unlocked(message),
            Reply::Locked(journal) => {
                let minutes = self
                    .journal
                    .as_ref()
                    .map_or(crate::journal::DEFAULT_LOCK_AFTER_MINUTES, |j| {
                        j.settings.lock_after_minutes()
                    });
                self.locked(journal);
                let notice = self.locked_notice(minutes);
                self.tell(notice);
            }
        }
        Vec::new()
    }

    /// Another window or laptop saved the journal: show it. What is typed, an open form and
    /// the chosen row stay, since screens rebuild by record id. Before setup is done there is
    /// no journal of this window's to replace; its own save will say one exists.
    fn on_arrived(&mut self, journal: Arc<Journal>) {
        if self.journal.is_none() {
            return;
        }
        let sealed_meanwhile = self.sealed_meanwhile(&journal);
        self.together_sealed_meanwhile(&journal);
        if !journal.is_sealed() {
            // Decrypted meanwhile: no passphrase is needed any more.
            self.popups.retain(|p| !matches!(p, Popup::Passphrase(_)));
            self.locking.shown_before_sealing = None;
        }
        let shown = self.journal.replace(journal);
        if sealed_meanwhile && self.locking.shown_before_sealing.is_none() {
            // The screens go on showing what they showed, never the sealed words.
            self.locking.shown_before_sealing = shown;
        }
        if sealed_meanwhile {
            self.ask_passphrase_here(None);
        }
        self.refresh();
    }

    /// Records whether the draft file holds the writing on screen, as the disk reported.
    pub(super) fn set_draft_kept(&mut self, partner: PartnerId, kept: bool) {
        self.screen.view_mut().on_draft_kept(partner, kept);
    }

    /// After a successful save: close the form that sent it, or leave the writing or check-in
    /// screen, and say so kindly. `before` is the journal as it was shown before the save.
    fn after_save(&mut self, before: Option<Arc<Journal>>) -> Vec<Effect> {
        let answer = self.with_popup(|popup, ctx| popup.on_saved(before.as_deref(), ctx));
        let mut effects = match answer.and_then(|a| a.action) {
            Some(action) => self.act(action),
            None => Vec::new(),
        };
        let action = self.with_view(|view, ctx| view.on_saved(before.as_deref(), ctx));
        self.refresh();
        if let Some(action) = action {
            effects.extend(self.act(action));
        }
        effects
    }
}

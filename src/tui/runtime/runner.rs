//! The real world effects run against: the journal store, the drafts folder, `$EDITOR` and exports.

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use serde::{Deserialize, Serialize};
use std::io::stdout;
use std::path::Path;
use std::sync::Arc;

use super::moved_away::{JournalHome, moved_words};
use crate::editor::{edit_kept_text, keeping, new_kept_text};
use crate::journal::{Change, Edited, Journal, PartnerId};
use crate::paths::Paths;
use crate::store::{Freshness, RealFs, Store, create_private_dir};
use crate::tui::draft::{Draft, Drafts};
use crate::tui::draft_hold::{DraftHolds, HELD_ELSEWHERE, WAITING_ELSEWHERE};
use crate::tui::effects::{Effect, ExportRequest, Passphrase, Reply};
use crate::tui::signals::Signals;
use crate::tui::world::World;

/// What the app remembers between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct UiState {
    pub(super) last_partner: Option<PartnerId>,
}

/// Runs effects against the disk and the terminal.
pub(super) struct Runner<'a> {
    pub(super) store: Store,
    pub(super) drafts: Drafts,
    /// The partners' drafts this window keeps, so another window never writes over them.
    pub(super) holds: DraftHolds,
    /// Where the journal was remembered to live when the window opened.
    pub(super) home: JournalHome,
    /// The newest draft not written yet: the keys waiting together are typed into the screen
    /// first, then the draft is written once, before the frame and before any other effect.
    pub(super) pending_draft: Option<Draft>,
    pub(super) paths: &'a Paths,
    pub(super) terminal: &'a mut DefaultTerminal,
    pub(super) signals: &'a Signals,
}

impl Runner<'_> {
    /// Writes `draft`, once this window holds its partner's draft; while another window
    /// does, nothing is written and the error says why.
    pub(super) fn keep_draft(&mut self, draft: &Draft) -> Result<()> {
        let partner = draft.partner;
        if !self.holds.hold(partner)? {
            anyhow::bail!(HELD_ELSEWHERE);
        }
        // A draft left by a window that has quit, never offered here, is not written over;
        // it is let go of at once, so the next window to open is offered it.
        if !self.holds.owns(partner) && self.drafts.exists(partner) {
            self.holds.release(partner);
            anyhow::bail!(WAITING_ELSEWHERE);
        }
        super::unlocking::keep_draft(&self.store, &self.drafts, draft)?;
        self.holds.own(partner);
        Ok(())
    }
}

impl World for Runner<'_> {
    fn create(&mut self, journal: Journal) -> Reply {
        let result = self.store.create(journal);
        Reply::Created(journal_after(&self.store, result))
    }

    fn create_sealed(
        &mut self,
        journal: Journal,
        passphrases: &[(PartnerId, Passphrase)],
        now: DateTime<FixedOffset>,
    ) -> Reply {
        Reply::CreatedSealed(super::unlocking::create_sealed(
            &mut self.store,
            journal,
            passphrases,
            now,
        ))
    }

    fn apply(&mut self, change: &Change, now: DateTime<FixedOffset>) -> Reply {
        if let Some(folder) = self.home.moved_to(self.paths) {
            return Reply::NotSaved {
                message: moved_words(&folder),
                on_disk: self.store.shared(),
            };
        }
        save_change(&mut self.store, change, now)
    }

    fn save_draft(&mut self, draft: Draft) -> Option<Reply> {
        // Written before the next frame or the next other effect, whichever is first.
        self.pending_draft = Some(draft);
        None
    }

    fn write_held_draft(&mut self, next: Option<&Effect>) -> Option<Reply> {
        let newer_draft = matches!(
            (next, &self.pending_draft),
            (Some(Effect::SaveDraft(new)), Some(old)) if new.partner == old.partner
        );
        if newer_draft {
            return None;
        }
        let draft = self.pending_draft.take()?;
        Some(match self.keep_draft(&draft) {
            Ok(()) => Reply::DraftKept(draft.partner),
            Err(e) => Reply::DraftNotKept(draft.partner, crate::message::error_text(&e)),
        })
    }

    fn load_draft(&mut self, partner: PartnerId) -> Reply {
        let found = super::unlocking::found_draft(&self.store, &self.drafts, partner)
            .filter(|_| self.holds.offer(partner));
        Reply::DraftFound(partner, found)
    }

    fn delete_draft(&mut self, partner: PartnerId) -> Option<Reply> {
        // Another window's draft for the same partner is theirs, and stays: one held by a
        // window still open, or left by one that has quit and never offered here.
        if matches!(self.holds.hold(partner), Ok(false))
            || (!self.holds.owns(partner) && self.drafts.exists(partner))
        {
            return None;
        }
        let removed = self.drafts.remove(partner);
        self.holds.release(partner);
        removed
            .err()
            .map(|e| Reply::DraftNotRemoved(crate::message::error_text(&e)))
    }

    fn remember_partner(&mut self, partner: PartnerId) {
        let state = UiState {
            last_partner: Some(partner),
        };
        // Forgetting who was here last is harmless, so a failure here is not shown.
        if let (Ok(bytes), Some(dir)) = (serde_json::to_vec(&state), self.paths.ui_state.parent()) {
            let _ = create_private_dir(dir);
            let _ = crate::store::write_atomically(&self.paths.ui_state, &bytes, &RealFs);
        }
    }

    fn open_editor(&mut self, text: &str, partner: PartnerId) -> Reply {
        let drafts = &self.paths.drafts;
        let edited =
            with_terminal_released(self.terminal, || edit_on_screen(drafts, partner, text));
        // Ctrl-C in the editor was meant for the editor, not for mend.
        self.signals.forget_interrupt();
        Reply::Edited(edited)
    }

    fn export(&mut self, request: &ExportRequest) -> Reply {
        Reply::Exported(export_week(request, self.paths))
    }

    fn unlock(&mut self, partner: Option<PartnerId>, passphrase: &Passphrase) -> Reply {
        let mut reply = super::unlocking::unlock_store(
            &mut self.store,
            Some(&self.drafts),
            partner,
            passphrase,
        );
        if let Reply::Unlocked { draft, .. } = &mut reply
            && let Some(offered) = draft.as_ref().map(|d| d.partner)
            && !self.holds.offer(offered)
        {
            *draft = None;
        }
        reply
    }

    fn lock(&mut self) -> Reply {
        super::unlocking::lock_store(&mut self.store)
    }

    /// Where the store's warnings become notices. (The store keeps them as values; it never
    /// prints over the screen.)
    fn take_warnings(&mut self) -> Vec<String> {
        self.store.take_notices()
    }
}

/// Applies `change` to the newest journal on disk and saves it: the app's answer to
/// [`Effect::Apply`], public so that tests can run two windows on one file.
pub fn save_change(store: &mut Store, change: &Change, now: DateTime<FixedOffset>) -> Reply {
    let result = store.update(|journal| {
        let today = journal.clock().evening_of(now.naive_local());
        Ok(change.apply_telling(journal, now.with_timezone(&chrono::Utc), today)?)
    });
    match (result, store.shared()) {
        (Ok(Edited::BesideAChangedEntry(_)), Some(journal)) => Reply::SavedBesideChanged(journal),
        (Ok(_), _) => Reply::Saved(journal_after(store, Ok(()))),
        (Err(err), on_disk) => match (err.downcast_ref::<crate::store::SaveError>(), on_disk) {
            // Only flushing the folder failed: the change is in the file, so the app must
            // treat it as saved (saving again would add it twice).
            (Some(save), Some(journal)) if save.new_version_in_place() => {
                Reply::SavedUnconfirmed(journal, save.to_string())
            }
            // Refused or not saved: the store holds the journal as it is on disk, which
            // another window may have changed, so the app shows that.
            (_, on_disk) => Reply::NotSaved {
                message: crate::message::error_text(&err),
                on_disk,
            },
        },
    }
}

/// Looks (one stat) for a save by another window or laptop, and reads it if there was one:
/// the reply to hand the app, if any. Public so that tests can run two windows on one file.
pub fn look_for_changes(store: &mut Store) -> Option<Reply> {
    match store.look_for_changes() {
        Freshness::Same => None,
        Freshness::Newer(journal) => Some(Reply::Arrived(journal)),
        Freshness::Unreadable(message) => Some(Reply::ArrivedUnreadable(message)),
    }
}

/// The journal as saved, for the app to show, or why the save failed.
fn journal_after(store: &Store, result: Result<()>) -> Result<Arc<Journal>, String> {
    result.map_err(|e| crate::message::error_text(&e))?;
    store
        .shared()
        .ok_or_else(|| "The journal was saved but could not be read back.".to_owned())
}

/// Opens the editor on the text on screen, in a file kept in the drafts folder while the
/// editor is open (and after a failure, which says where), so a killed terminal loses nothing.
fn edit_on_screen(drafts: &Path, partner: PartnerId, text: &str) -> Result<String, String> {
    let path = create_private_dir(drafts)
        .with_context(|| format!("Could not create the drafts folder {}", drafts.display()))
        .and_then(|()| new_kept_text(drafts, partner, text))
        .map_err(|e| crate::message::error_text(&e))?;
    match edit_kept_text(&path, "entry") {
        Ok(edited) => {
            // The text goes back on screen and into the draft; the file has done its job.
            let _ = std::fs::remove_file(&path);
            Ok(edited)
        }
        // Untouched by the editor, the file holds only what is on the screen (and in the
        // draft, sealed in an encrypted journal): nothing is left behind in it.
        Err(e) if std::fs::read(&path).is_ok_and(|held| held == text.as_bytes()) => {
            let _ = std::fs::remove_file(&path);
            Err(format!(
                "{} Your writing is still here on the screen, as it was.",
                crate::message::error_text(&e)
            ))
        }
        Err(e) => Err(format!("{:#}", keeping(e, &path))),
    }
}

/// Leaves the full screen for another program (the editor), then comes back and redraws.
fn with_terminal_released<T>(
    terminal: &mut DefaultTerminal,
    work: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    use ratatui::crossterm::terminal::{
        EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
    };
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let result = work();
    let _ = enable_raw_mode();
    let _ = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste);
    if let Ok(size) = terminal.size() {
        let _ = terminal.resize(size.into());
    }
    result
}

/// Writes the summary of `week` into the folder mend was started from, under a name not yet
/// taken (`mend-2026-W48.md`, then `mend-2026-W48-2.md`, …).
fn export_week(
    request: &ExportRequest,
    paths: &Paths,
) -> std::result::Result<std::path::PathBuf, String> {
    let ExportRequest {
        journal,
        progress,
        week,
        format,
    } = request;
    let (week, format) = (*week, *format);
    let folder =
        std::env::current_dir().map_err(|e| format!("could not find the current folder: {e}."))?;
    export_folder(&folder, paths)?;
    let name = crate::export::default_file_name(week, format);
    let stem = name.trim_end_matches(&format!(".{}", format.extension()));
    let path = std::iter::once(folder.join(&name))
        .chain((2..100).map(|n| folder.join(format!("{stem}-{n}.{}", format.extension()))))
        .find(|p| p.symlink_metadata().is_err())
        .ok_or_else(|| format!("{} and 98 numbered copies already exist.", name))?;
    crate::export::write_week(journal, progress, week, format, &path, false)
        .map_err(|e| e.to_string())
}

/// `folder`, if a summary may be written there: never into the shared folder (the sync engine
/// would carry it off unencrypted) or mend's own state and config folders.
fn export_folder(folder: &std::path::Path, paths: &Paths) -> std::result::Result<(), String> {
    match paths.is_mends_own(&folder.join("summary")) {
        true => Err(format!(
            "mend was started in its own folder ({}), where the summary is not written: the sync engine would copy it unencrypted, or it would sit among mend's own files. Start mend from another folder, or use `mend export --output FILE`.",
            folder.display()
        )),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_never_written_into_the_shared_folder_or_mends_own_folders() {
        let home = tempfile::tempdir().expect("temp dir");
        let shared = home.path().join("Sync").join("mend");
        let (state, config) = (home.path().join("state"), home.path().join("config"));
        for dir in [&shared, &state, &config] {
            std::fs::create_dir_all(dir).expect("folder");
        }
        let paths = Paths::under(shared.clone(), &state, &config);
        assert!(export_folder(&shared, &paths).is_err());
        assert!(export_folder(&state, &paths).is_err());
        let told = export_folder(&shared, &paths).unwrap_err();
        assert!(told.contains("mend export --output FILE"), "{told}");
        assert_eq!(export_folder(home.path(), &paths), Ok(()));
    }
}

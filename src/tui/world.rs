//! What effects run against (the journal store, drafts, editor, export), and the one loop that runs them.

use chrono::{DateTime, FixedOffset};
use std::collections::VecDeque;

use super::app::App;
use super::draft::Draft;
use super::effects::{Effect, ExportRequest, Passphrase, Reply};
use crate::journal::{Change, Journal, PartnerId};

/// The world outside the app: the real one (disk, terminal, editor) or a test's in-memory one.
/// Each method runs one kind of effect and answers with the reply the app is owed, if any.
pub trait World {
    /// Writes a new journal (first run).
    fn create(&mut self, journal: Journal) -> Reply;
    /// Writes a new journal sealed with new keys for these passphrases, then locks it.
    fn create_sealed(
        &mut self,
        journal: Journal,
        passphrases: &[(PartnerId, Passphrase)],
        now: DateTime<FixedOffset>,
    ) -> Reply;
    /// Applies `change` to the newest journal and saves it, "now" being `now`.
    fn apply(&mut self, change: &Change, now: DateTime<FixedOffset>) -> Reply;
    /// Keeps the writing on screen as a draft (the real world writes it a little later).
    fn save_draft(&mut self, draft: Draft) -> Option<Reply>;
    /// Writes the draft `save_draft` held back, if any, before `next` runs (`None`: before
    /// the next frame); a newer draft of the same writing may simply replace it instead.
    fn write_held_draft(&mut self, next: Option<&Effect>) -> Option<Reply>;
    /// Reads `partner`'s draft from disk (opened with the keys held, when it is sealed).
    fn load_draft(&mut self, partner: PartnerId) -> Reply;
    fn delete_draft(&mut self, partner: PartnerId) -> Option<Reply>;
    /// Remembers who was here last; forgetting is harmless, so it has no reply.
    fn remember_partner(&mut self, partner: PartnerId);
    /// Opens `$VISUAL`/`$EDITOR` on `text`, written by `partner`.
    fn open_editor(&mut self, text: &str, partner: PartnerId) -> Reply;
    fn export(&mut self, request: &ExportRequest) -> Reply;
    /// Opens the encrypted journal with `passphrase`, for `partner` (`None`: both of you).
    fn unlock(&mut self, partner: Option<PartnerId>, passphrase: &Passphrase) -> Reply;
    /// Forgets the keys and holds the journal sealed again.
    fn lock(&mut self) -> Reply;
    /// Warnings the store gathered while running effects (a backup that failed, say), to show
    /// as a notice rather than print over the screen.
    fn take_warnings(&mut self) -> Vec<String>;
}

/// Runs `effects` against `world`, in order, and every effect that their replies lead to.
pub fn run_effects(world: &mut impl World, app: &mut App, effects: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        // Effects run in order: a draft asked for before this effect is written first.
        if let Some(reply) = world.write_held_draft(Some(&effect)) {
            queue.extend(app.on_reply(reply));
        }
        let reply = match effect {
            Effect::Create(journal) => Some(world.create(*journal)),
            Effect::CreateSealed {
                journal,
                passphrases,
            } => Some(world.create_sealed(*journal, &passphrases, app.now)),
            Effect::Apply(change) => Some(world.apply(&change, app.now)),
            Effect::SaveDraft(draft) => world.save_draft(draft),
            Effect::LoadDraft(partner) => Some(world.load_draft(partner)),
            Effect::DeleteDraft(partner) => world.delete_draft(partner),
            Effect::RememberPartner(partner) => {
                world.remember_partner(partner);
                None
            }
            Effect::OpenEditor { text, partner } => Some(world.open_editor(&text, partner)),
            Effect::Export(request) => Some(world.export(&request)),
            Effect::Unlock {
                partner,
                passphrase,
            } => {
                // Only "who is here" needs no more than names and settings if the passphrase
                // is refused; a passphrase asked where the partner is keeps the journal shown.
                if matches!(app.screen, super::app::Screen::Who(_)) {
                    app.let_go_of_sealed_words();
                }
                Some(world.unlock(partner, &passphrase))
            }
            Effect::Lock => Some(world.lock()),
            Effect::Quit => None,
        };
        if let Some(reply) = reply {
            queue.extend(app.on_reply(reply));
        }
        for warning in world.take_warnings() {
            app.warn(warning);
        }
    }
}

/// Writes the draft held back, if any, and runs what the app makes of how that went.
pub fn keep_held_draft(world: &mut impl World, app: &mut App) {
    if let Some(reply) = world.write_held_draft(None) {
        let effects = app.on_reply(reply);
        run_effects(world, app, effects);
    }
}

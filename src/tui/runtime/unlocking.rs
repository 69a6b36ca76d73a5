//! Opening an encrypted journal inside the app with a typed passphrase, locking it again, and keeping drafts sealed.

use crate::journal::{Clock, Journal, OpensWith, PartnerId, Sealing};
use crate::store::Store;
use crate::store::seal::{DraftSealer, Sealer, UnlockError};
use crate::tui::draft::{Draft, Drafts};
use crate::tui::effects::{Passphrase, Reply, SealedJournal};

/// Tries `passphrase` on the journal `store` holds: `partner`'s own, or for both of you
/// (`None`) each partner's in turn, keeping the shared words only. A passphrase that does
/// not open it reads and changes nothing. With `drafts`, the partner's sealed draft is opened
/// too. Public so that tests can unlock as the running app does.
pub fn unlock_store(
    store: &mut Store,
    drafts: Option<&Drafts>,
    partner: Option<PartnerId>,
    passphrase: &Passphrase,
) -> Reply {
    let refused = |message: String| Reply::NotUnlocked { partner, message };
    let Some(journal) = store.shared() else {
        return refused("There is no journal to open.".to_owned());
    };
    let Some(sealing) = journal.sealing.clone() else {
        // A plain journal needs no passphrase: it is open already.
        return Reply::Unlocked {
            partner,
            journal,
            draft: None,
        };
    };
    let tried: Vec<(PartnerId, String)> = journal
        .partners
        .iter()
        .filter(|p| partner.is_none_or(|wanted| wanted == p.id))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    let whose = match partner {
        Some(p) => format!("{}'s words", journal.name_of(p)),
        None => "what you share".to_owned(),
    };
    // Let go, so the store, holding the only copy, can open it in place.
    drop(journal);
    let tried = store.while_unlocking(|| first_that_opens(&sealing, &tried, passphrase));
    match tried {
        Ok(Some((who, sealer))) => {
            let sealer = match partner {
                Some(_) => sealer,
                None => sealer.shared_only(),
            };
            let draft_sealer = sealer.drafts_of(who);
            match store.unlock(sealer) {
                Ok(Some(journal)) => Reply::Unlocked {
                    partner,
                    journal,
                    draft: partner.and_then(|p| drafts?.load_for(p, draft_sealer.as_ref())),
                },
                Ok(None) => {
                    let _ = store.lock_keys();
                    refused("The journal went away while it was being opened.".to_owned())
                }
                Err(err) => {
                    let _ = store.lock_keys();
                    refused(format!(
                        "The journal could not be opened: {}. Nothing was changed.",
                        crate::message::error_text(&anyhow::Error::from(err))
                    ))
                }
            }
        }
        Ok(None) => refused(format!(
            "That passphrase does not open {whose}. Nothing was changed. Capitals and spaces count."
        )),
        Err(err) => refused(format!(
            "{}. Nothing was changed.",
            crate::journal::text::capitalized(&err.to_string())
        )),
    }
}

/// The keys of the first of `tried` whose passphrase `passphrase` is, trying each in turn;
/// `None` if it is none of theirs. A damaged wrapped key is an error.
fn first_that_opens(
    sealing: &Sealing,
    tried: &[(PartnerId, String)],
    passphrase: &Passphrase,
) -> Result<Option<(PartnerId, Sealer)>, UnlockError> {
    for (who, name) in tried {
        match Sealer::unlock(sealing, *who, name, &passphrase.0, OpensWith::Passphrase) {
            Ok(sealer) => return Ok(Some((*who, sealer))),
            Err(
                UnlockError::WrongSecret(_) | UnlockError::WrongCode(_) | UnlockError::NoKeyFor(_),
            ) => {}
            Err(err @ UnlockError::Damaged(_)) => return Err(err),
        }
    }
    Ok(None)
}
/// Writes `journal` (first run) sealed with new keys wrapped for each partner's passphrase,
/// then forgets the keys: the app opens it like any encrypted journal. Answers with the
/// journal as held, locked, and each partner's recovery code. Public for the tests.
pub fn create_sealed(
    store: &mut Store,
    mut journal: Journal,
    passphrases: &[(PartnerId, Passphrase)],
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<SealedJournal, String> {
    let secrets: Vec<_> = passphrases
        .iter()
        .map(|(partner, passphrase)| (*partner, passphrase.0.clone()))
        .collect();
    let clock = Clock::start(now.to_utc(), journal.device());
    let (sealer, sealing, codes) = Sealer::create(&secrets, &clock);
    journal.sealing = Some(sealing);
    store.hold_keys(sealer);
    let made = store.create(journal);
    let locked = store.lock_keys();
    made.map_err(|e| crate::message::error_text(&e))?;
    let locked = locked
        .map_err(|e| crate::message::error_text(&anyhow::Error::from(e)))?
        .ok_or_else(|| "The journal was made but could not be read back.".to_owned())?;
    let codes = codes
        .into_iter()
        .map(|(partner, code)| (partner, Passphrase(code)))
        .collect();
    Ok((locked, codes))
}

/// Forgets the keys (wiped as they drop) and holds the journal sealed again.
pub fn lock_store(store: &mut Store) -> Reply {
    match store.lock_keys() {
        Ok(journal) => Reply::Locked(journal),
        Err(_) => Reply::Locked(None),
    }
}

/// The key `partner`'s draft is sealed with: `Ok(None)` for a plain journal, and an error
/// when the journal is encrypted but `partner`'s key is not held (nothing plain is written).
pub fn draft_sealer(store: &Store, partner: PartnerId) -> Result<Option<DraftSealer>, String> {
    let encrypted = store.shared().is_some_and(|j| j.is_sealed());
    if !encrypted && store.may_be_encrypted_on_disk() {
        // Encrypted meanwhile, perhaps: no draft is written plain until the new file is read.
        return Err("the journal on disk changed a moment ago and may be encrypted now; the draft is written once mend has read it".to_owned());
    }
    if !encrypted {
        return Ok(None);
    }
    match store.sealer().and_then(|s| s.drafts_of(partner)) {
        Some(sealer) => Ok(Some(sealer)),
        None => Err("the journal is locked, so the draft cannot be sealed".to_owned()),
    }
}

/// `partner`'s draft on disk, opened with their key when the journal is encrypted, if there
/// is one this store can open.
pub fn found_draft(store: &Store, drafts: &Drafts, partner: PartnerId) -> Option<Draft> {
    let sealer = draft_sealer(store, partner).ok()?;
    drafts.load_for(partner, sealer.as_ref())
}

/// Writes `draft`, sealed when the journal is encrypted.
pub fn keep_draft(store: &Store, drafts: &Drafts, draft: &Draft) -> anyhow::Result<()> {
    let sealer = draft_sealer(store, draft.partner).map_err(anyhow::Error::msg)?;
    drafts.save(draft, sealer.as_ref())
}

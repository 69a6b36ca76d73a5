//! Unlocking an encrypted journal with a partner's passphrase, before a command or the app.

pub mod input;

use age::secrecy::SecretString;
use anyhow::{Result, bail};
use std::path::Path;
use std::sync::Arc;

use crate::journal::text::one_line;
use crate::journal::{Journal, OpensWith, PartnerId, Sealing};
use crate::store::Store;
use crate::store::seal::{Sealer, UnlockError};
use input::{PASSPHRASE_FILE, need, secret_file, secret_for, secret_in_file};

/// The partners in the order their passphrases are tried: this laptop's partner first.
fn in_order(journal: &Journal, laptop: Option<&str>) -> Vec<(PartnerId, String)> {
    let mut partners: Vec<(PartnerId, String)> = journal
        .partners
        .iter()
        .map(|p| (p.id, p.name.clone()))
        .collect();
    partners.sort_by_key(|(_, name)| laptop.is_none_or(|l| !l.eq_ignore_ascii_case(name)));
    partners
}

/// The keys the first of `tries` that opens gives, trying them all at once; `None` if none
/// does. A damaged wrapped key is an error.
fn first_that_opens(
    sealing: &Sealing,
    tries: &[(PartnerId, String, SecretString)],
    journal_path: &Path,
) -> Result<Option<Sealer>> {
    let results: Vec<Result<Sealer, UnlockError>> = std::thread::scope(|scope| {
        let running: Vec<_> = tries
            .iter()
            .map(|(partner, name, secret)| {
                scope.spawn(move || {
                    Sealer::unlock(
                        sealing,
                        *partner,
                        &one_line(name),
                        secret,
                        OpensWith::Passphrase,
                    )
                })
            })
            .collect();
        running
            .into_iter()
            .map(|run| {
                run.join()
                    .unwrap_or_else(|_| Err(UnlockError::Damaged("?".to_owned())))
            })
            .collect()
    });
    for result in results {
        match result {
            Ok(sealer) => return Ok(Some(sealer)),
            Err(
                UnlockError::WrongSecret(_) | UnlockError::WrongCode(_) | UnlockError::NoKeyFor(_),
            ) => {}
            Err(err) => bail!(
                "Could not unlock the journal {}: {err}.",
                journal_path.display()
            ),
        }
    }
    Ok(None)
}

/// Opens `journal` in `store` with a passphrase from `MEND_PASSPHRASE_FILE` or the terminal.
/// It opens the shared words and the private words of the partner it belongs to. A wrong
/// passphrase changes nothing.
/// `acting` is the partner the command was told to act as (`--as`, `--by`), whose passphrase
/// the prompt asks for by name.
pub fn unlock(
    store: &mut Store,
    journal: &Journal,
    laptop: Option<&str>,
    acting: Option<&str>,
) -> Result<Arc<Journal>> {
    let Some(sealing) = &journal.sealing else {
        bail!("This journal is not encrypted.");
    };
    let file = secret_file(PASSPHRASE_FILE)?;
    let named = acting.and_then(|name| journal.partner_named(name).ok());
    let prompt = match named {
        Some(partner) => format!("{}'s passphrase: ", one_line(&partner.name)),
        None => "Your mend passphrase: ".to_owned(),
    };
    let typed = match file {
        Some(_) => None,
        None => Some(need(
            secret_for(PASSPHRASE_FILE, "you", &prompt)?,
            PASSPHRASE_FILE,
            named.map(|partner| partner.name.as_str()),
        )?),
    };
    let mut tries: Vec<(PartnerId, String, SecretString)> = Vec::new();
    for (partner, name) in in_order(journal, laptop) {
        let secret = match (&typed, &file) {
            (Some(secret), _) => secret.clone(),
            (None, Some((_, text))) => match secret_in_file(text, &name) {
                Some(secret) => secret,
                None => continue,
            },
            (None, None) => continue,
        };
        tries.push((partner, name, secret));
    }
    if let (Some((path, _)), true) = (&file, tries.is_empty()) {
        bail!(
            "{PASSPHRASE_FILE} ({}) has no line for either of you: it holds a passphrase on its first line, or `NAME: passphrase` lines. Nothing was read or changed.",
            path.display()
        );
    }
    // The partner named first is most likely right: tried alone, so a right guess costs one
    // scrypt run. Otherwise every partner is tried at once, one thread each.
    let (first, rest) = match laptop {
        Some(_) if !tries.is_empty() => tries.split_at(1),
        _ => tries.split_at(0),
    };
    let journal_path = store.path().to_owned();
    for group in [first, rest] {
        // The journal's records are written out meanwhile, for the first save once it opens.
        let opened = store.while_unlocking(|| first_that_opens(sealing, group, &journal_path));
        if let Some(sealer) = opened? {
            return match store.unlock(sealer)? {
                Some(opened) => Ok(opened),
                None => bail!("The journal went away while it was being unlocked."),
            };
        }
    }
    bail!(
        "That passphrase does not open this journal, so nothing was read or changed in {}. Passphrases care about capitals and spaces; if it is lost, a recovery code can set a new one (`mend passphrase recover --as NAME`).",
        store.path().display()
    )
}

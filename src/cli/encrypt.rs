//! `mend encrypt`, `mend decrypt` and `mend passphrase`: turning encryption on and off, and
//! each partner's passphrase and recovery code.

use age::secrecy::{ExposeSecret, SecretString};
use anyhow::{Context, Result, bail};
use clap::Subcommand;

use super::context::{CommandContext, partner_id};
use super::output::{warn, write_stdout};

use crate::journal::text::one_line;
use crate::journal::{Clock, Journal, KeyWrap, Opened, OpensWith, PLAIN_VERSION, PartnerId};
use crate::store::seal::{Sealer, new_recovery_code, normalized_code, wrap};
use crate::store::{Listing, RealFs, merged_copies, write_atomically};
use crate::tui::draft::Drafts;
use crate::unlock::input::{
    NEW_PASSPHRASE_FILE, PASSPHRASE_FILE, RECOVERY_FILE, need, new_secret_for, secret_for,
};

#[derive(Debug, Subcommand)]
pub enum PassphraseCommand {
    /// Change your passphrase (asks for the one you have now, then the new one twice)
    Change {
        #[arg(long = "as", value_name = "NAME")]
        name: String,
    },
    /// Set a new passphrase with your recovery code, when the passphrase is lost
    Recover {
        #[arg(long = "as", value_name = "NAME")]
        name: String,
    },
    /// Make a new recovery code (the old one stops working)
    NewCode {
        #[arg(long = "as", value_name = "NAME")]
        name: String,
    },
}

/// The clock a new wrapped key is stamped with: inside a store update, where the journal
/// carries this computer's device.
fn stamp(ctx: &CommandContext, journal: &Journal) -> Clock {
    Clock::start(ctx.now_utc(), journal.device())
}

/// `mend encrypt`: both partners choose a passphrase, and every word is sealed.
pub fn encrypt(ctx: &CommandContext) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    if journal.is_sealed() {
        bail!(
            "This journal is already encrypted. To change a passphrase: `mend passphrase change --as NAME`."
        );
    }
    let mut passphrases: Vec<(PartnerId, SecretString)> = Vec::new();
    for partner in &journal.partners {
        let others: Vec<&str> = passphrases.iter().map(|(_, p)| p.expose_secret()).collect();
        let secret = new_secret_for(PASSPHRASE_FILE, &partner.name, &others)?;
        passphrases.push((partner.id, secret));
    }
    let (sealer, mut sealing, codes) = Sealer::create(&passphrases, &stamp(ctx, &journal));
    store.hold_keys(sealer);
    store.update(|journal| {
        // Stamped here, where the journal carries this computer's device.
        let changed = stamp(ctx, journal);
        for wrap in &mut sealing.wraps {
            wrap.changed = changed.clone();
        }
        journal.sealing = Some(sealing);
        Ok(())
    })?;
    let others = seal_the_shared_folder(&mut store);
    super::encrypt_elsewhere::seal_left_behind(ctx, &mut store, &journal)?;
    let removed = (store.backups()).map_or(0, |backups| backups.remove_plain_of_couple(&journal));
    let sealed_drafts = super::encrypt_elsewhere::seal_plain_drafts(ctx, &store, &journal);
    write_stdout(format_args!(
        "The journal is encrypted now: every word in it is sealed, and each of you opens it with your own passphrase.\n"
    ))?;
    let sealed_too = match others {
        0 => None,
        1 => Some("The other laptop's file in the shared folder is sealed now too".to_owned()),
        n => Some(format!(
            "The {n} other laptops' files in the shared folder are sealed now too"
        )),
    };
    if let Some(sealed_too) = sealed_too {
        write_stdout(format_args!(
            "{sealed_too}; there, mend asks for the partner's passphrase the next time it opens the journal.\n"
        ))?;
    }
    if sealed_drafts > 0 {
        write_stdout(format_args!(
            "Unsaved writing kept as a draft ({sealed_drafts}) is sealed now too, each with its writer's own key.\n"
        ))?;
    }
    if removed > 0 {
        write_stdout(format_args!(
            "The {} held the words unsealed; {} removed. Backups from now on are sealed too.\n",
            crate::words::count(removed, "earlier backup", "earlier backups"),
            if removed == 1 { "it was" } else { "they were" }
        ))?;
    }
    super::encrypt_elsewhere::name_kept_texts(ctx, &journal)?;
    super::recovery_codes::show(&journal, &codes)
}

/// On a shared folder, writes this laptop's sealed file over every other laptop's file (it
/// holds all of theirs, merged), and seals the conflict copies kept in `conflicts-merged/`,
/// so no plain word stays in the folder. Returns how many laptops' files it sealed.
fn seal_the_shared_folder(store: &mut crate::store::Store) -> usize {
    let Some(shared) = store.shared_files().cloned() else {
        return 0;
    };
    let Some(sealing) = store.journal().and_then(|j| j.sealing.clone()) else {
        return 0;
    };
    let Ok(bytes) = std::fs::read(&shared.own) else {
        return 0;
    };
    let mut sealed = 0;
    for (path, _) in Listing::of(&shared.folder).devices {
        if path == shared.own {
            continue;
        }
        match write_atomically(&path, &bytes, &RealFs) {
            Ok(()) => sealed += 1,
            Err(err) => warn(format_args!(
                "The other laptop's file {} could not be sealed ({err}); it holds words unsealed until that laptop saves.",
                path.display()
            )),
        }
    }
    for copy in merged_copies(&shared.folder) {
        if let Err(why) = super::encrypt_elsewhere::seal_copy(&copy, store, &sealing) {
            warn(format_args!(
                "The conflict copy {} kept in the shared folder could not be sealed ({why}); delete it once you no longer need it.",
                copy.display()
            ));
        }
    }
    sealed
}

/// `mend decrypt`: with both partners' passphrases, every word is written unsealed again.
pub fn decrypt(ctx: &CommandContext, yes: bool) -> Result<()> {
    let (mut store, journal) = ctx.load()?;
    let Some(sealing) = journal.sealing.clone() else {
        bail!("This journal is not encrypted.");
    };
    if !yes {
        bail!(
            "`mend decrypt` writes every word, private ones too, unsealed: anyone who can open the file or its backups, or the shared folder's provider, can read it then. If you both want that, run `mend decrypt --yes`. Nothing was changed."
        );
    }
    let mut keys: Option<Sealer> = None;
    for partner in &journal.partners {
        let prompt = format!("{}'s passphrase: ", one_line(&partner.name));
        let secret = need(
            secret_for(PASSPHRASE_FILE, &partner.name, &prompt)?,
            PASSPHRASE_FILE,
            Some(&partner.name),
        )?;
        let sealer = Sealer::unlock(
            &sealing,
            partner.id,
            &one_line(&partner.name),
            &secret,
            OpensWith::Passphrase,
        )
        .map_err(|err| anyhow::anyhow!("{err}; nothing was changed"))?;
        match &mut keys {
            Some(keys) => keys.join(sealer),
            None => keys = Some(sealer),
        }
    }
    let Some(keys) = keys else {
        bail!("This journal has no partners.");
    };
    let opened = store
        .unlock(keys)?
        .context("The journal went away while it was opened.")?;
    if opened.opened() != Opened::Everything {
        bail!("Not every word could be opened, so nothing was changed.");
    }
    store.update(|journal| {
        journal.sealing = None;
        journal.version = PLAIN_VERSION;
        Ok(())
    })?;
    // Drafts of unsaved writing are opened too, or the app could no longer offer them back.
    if let Some(keys) = store.sealer() {
        let drafts = Drafts::new(&ctx.paths.drafts);
        for partner in &opened.partners {
            if let Some(draft) = drafts.load_for(partner.id, keys.drafts_of(partner.id).as_ref()) {
                drafts.save(&draft, None)?;
            }
        }
    }
    write_stdout(format_args!(
        "The journal is no longer encrypted: its words are written unsealed. Earlier backups stay sealed.\n"
    ))
}

/// `mend passphrase …`.
pub fn passphrase(ctx: &CommandContext, command: PassphraseCommand) -> Result<()> {
    let (name, opens_with) = match &command {
        PassphraseCommand::Change { name } | PassphraseCommand::NewCode { name } => {
            (name, OpensWith::Passphrase)
        }
        PassphraseCommand::Recover { name } => (name, OpensWith::RecoveryCode),
    };
    let mut store = ctx.store();
    let journal = store.load()?.context("There is no journal yet.")?;
    let Some(sealing) = journal.sealing.clone() else {
        bail!("This journal is not encrypted; `mend encrypt` turns encryption on.");
    };
    let partner = journal.partner_named(name)?.clone();
    // The name as it may be printed: a hand-edited journal could hold control characters.
    let shown = one_line(&partner.name).into_owned();
    let secret = match opens_with {
        OpensWith::Passphrase => {
            let prompt = format!("{}'s passphrase now: ", one_line(&partner.name));
            need(
                secret_for(PASSPHRASE_FILE, &partner.name, &prompt)?,
                PASSPHRASE_FILE,
                Some(&partner.name),
            )?
        }
        OpensWith::RecoveryCode => {
            let typed = need(
                secret_for(
                    RECOVERY_FILE,
                    &partner.name,
                    &format!("{}'s recovery code: ", one_line(&partner.name)),
                )?,
                RECOVERY_FILE,
                Some(&partner.name),
            )?;
            normalized_code(typed.expose_secret())
        }
    };
    // The records are written out meanwhile, so the save of the new key copies them.
    let sealer = store
        .while_unlocking(|| Sealer::unlock(&sealing, partner.id, &shown, &secret, opens_with))
        .map_err(|err| anyhow::anyhow!("{err}; nothing was changed"))?;
    let keys = sealer
        .keys_of(partner.id)
        .context("The unlocked keys are not this partner's.")?;
    let opened = store
        .unlock(sealer)?
        .context("The journal went away while it was opened.")?;
    partner_id(&opened, &partner.name)?;
    let (new_secret, what, code) = match command {
        PassphraseCommand::NewCode { .. } => {
            let code = new_recovery_code();
            (code.clone(), OpensWith::RecoveryCode, Some(code))
        }
        _ => (
            new_secret_for(NEW_PASSPHRASE_FILE, &partner.name, &[])?,
            OpensWith::Passphrase,
            None,
        ),
    };
    let wrapped = wrap(&keys, &new_secret);
    store.update(|journal| {
        let changed = stamp(ctx, journal);
        if let Some(sealing) = &mut journal.sealing {
            sealing.replace(KeyWrap {
                partner: partner.id,
                opens_with: what,
                wrapped,
                changed,
                extra: Default::default(),
            });
        }
        Ok(())
    })?;
    match code {
        Some(code) => write_stdout(format_args!(
            "A new recovery code for {}; the old one no longer works. It is shown only now, so keep it somewhere safe, apart from this laptop:\n\n  {}\n",
            shown,
            code.expose_secret()
        )),
        None => {
            if opens_with == OpensWith::RecoveryCode {
                warn(format_args!(
                    "note: your recovery code still works; `{}` makes a new one.",
                    crate::shell::command(&["mend", "passphrase", "new-code", "--as", &shown])
                ));
            }
            write_stdout(format_args!(
                "{}'s passphrase is changed. Every word is kept as it was.\n",
                shown
            ))
        }
    }
}

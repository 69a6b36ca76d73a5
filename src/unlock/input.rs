//! Where passphrases and recovery codes come from: a file named by an environment variable,
//! or the terminal with the typing hidden. Never the command line, never a variable's value.
//!
//! A file holds one secret on its first line, or one per partner as `NAME: secret` lines
//! (for steps that need both partners' passphrases, like `mend encrypt`).

use age::secrecy::SecretString;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use zeroize::Zeroizing;

use crate::journal::text::one_line;

/// The file holding the passphrase(s) of whoever runs the command.
pub const PASSPHRASE_FILE: &str = "MEND_PASSPHRASE_FILE";
/// The file holding a new passphrase (`mend passphrase change`, `recover`).
pub const NEW_PASSPHRASE_FILE: &str = "MEND_NEW_PASSPHRASE_FILE";
/// The file holding a recovery code (`mend passphrase recover`).
pub const RECOVERY_FILE: &str = "MEND_RECOVERY_FILE";

/// A secret for `name` from the file `variable` names, or typed at the terminal after
/// `prompt`. `Ok(None)` when neither is available.
pub fn secret_for(variable: &str, name: &str, prompt: &str) -> Result<Option<SecretString>> {
    if let Some((file, text)) = secret_file(variable)? {
        return Ok(Some(from_file_text(&text, name).with_context(|| {
            format!(
                "{variable} ({}) holds no secret for {}",
                file.display(),
                one_line(name)
            )
        })?));
    }
    typed(prompt)
}

/// The file `variable` names and its text, if it names one; an error naming both when it
/// cannot be read or holds nothing.
pub fn secret_file(variable: &str) -> Result<Option<(PathBuf, Zeroizing<String>)>> {
    let Some(file) = std::env::var_os(variable).map(PathBuf::from) else {
        return Ok(None);
    };
    let text = Zeroizing::new(std::fs::read_to_string(&file).with_context(|| {
        format!(
            "Could not read {variable} ({}); nothing was read or changed",
            file.display()
        )
    })?);
    if text.trim().is_empty() {
        bail!(
            "{variable} ({}) is empty: it holds a passphrase on its first line, or one `NAME: passphrase` line for each of you. Nothing was read or changed.",
            file.display()
        );
    }
    Ok(Some((file, text)))
}

/// What to say of each secret file named in the environment that others on this computer
/// can read (its mode lets the group or everyone in): a passphrase kept there is not private.
pub fn secret_files_others_can_read() -> Vec<String> {
    let mut said = Vec::new();
    #[cfg(unix)]
    for variable in [PASSPHRASE_FILE, NEW_PASSPHRASE_FILE, RECOVERY_FILE] {
        use std::os::unix::fs::PermissionsExt;
        let Some(file) = std::env::var_os(variable).map(PathBuf::from) else {
            continue;
        };
        let Ok(meta) = std::fs::metadata(&file) else {
            continue;
        };
        let mode = meta.permissions().mode() & 0o777;
        if meta.is_file() && mode & 0o077 != 0 {
            said.push(format!(
                "{variable} ({}) can be read by others on this computer (mode {mode:o}); `chmod 600 {}` keeps it yours alone.",
                file.display(),
                file.display()
            ));
        }
    }
    said
}

/// The secret for `name` in the text of the file `variable` names, if it holds one.
pub fn secret_in_file(text: &str, name: &str) -> Option<SecretString> {
    from_file_text(text, name).ok()
}

/// The secret for `name` in a file's text: its `NAME: ` line, or else its only line.
fn from_file_text(text: &str, name: &str) -> Result<SecretString> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let named = lines.iter().find_map(|line| {
        let (who, secret) = line.split_once(": ")?;
        who.trim().eq_ignore_ascii_case(name).then_some(secret)
    });
    match (named, lines.as_slice()) {
        (Some(secret), _) => Ok(SecretString::from(secret.to_owned())),
        (None, [only]) if !looks_named(only) => Ok(SecretString::from((*only).to_owned())),
        _ => bail!("no line for this partner"),
    }
}

/// Whether a line looks like `NAME: secret` (a name with no spaces before ": ").
fn looks_named(line: &str) -> bool {
    line.split_once(": ")
        .is_some_and(|(who, _)| !who.is_empty() && !who.contains(' '))
}

/// A secret typed at the terminal, hidden; `None` when there is no terminal.
fn typed(prompt: &str) -> Result<Option<SecretString>> {
    match rpassword::prompt_password(prompt) {
        Ok(secret) => Ok(Some(SecretString::from(secret))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) if err.raw_os_error() == Some(libc::ENXIO) => Ok(None),
        Err(err) => Err(err).context("Could not read the passphrase from the terminal"),
    }
}

/// How many times a new passphrase typed at the terminal is asked for before giving up.
const NEW_PASSPHRASE_TRIES: usize = 3;

/// A new passphrase for `name`: from `variable`'s file, or typed twice at the terminal, and
/// not one of `others` (the other partner's, chosen just before). Typed, a passphrase that
/// does not meet the rules is asked for again, saying why, up to three times.
pub fn new_secret_for(variable: &str, name: &str, others: &[&str]) -> Result<SecretString> {
    use age::secrecy::ExposeSecret;
    let their_own = |secret: &SecretString| {
        crate::journal::check_passphrase_is_their_own(secret.expose_secret(), others)
    };
    if std::env::var_os(variable).is_some() {
        let secret = long_enough(need(secret_for(variable, name, "")?, variable, Some(name))?)?;
        if let Err(why) = their_own(&secret) {
            bail!(
                "{why} With {variable}, give one `NAME: passphrase` line for each of you. Nothing was changed."
            );
        }
        return Ok(secret);
    }
    let mut why_again = String::new();
    for _ in 0..NEW_PASSPHRASE_TRIES {
        let first = need(
            typed(&format!(
                "{why_again}A new passphrase for {} (at least {} characters): ",
                one_line(name),
                crate::journal::MIN_PASSPHRASE_CHARS
            ))?,
            variable,
            Some(name),
        )?;
        let again = need(typed("The same passphrase again: ")?, variable, Some(name))?;
        let checked =
            crate::journal::check_new_passphrase(first.expose_secret(), again.expose_secret())
                .and_then(|()| their_own(&first));
        match checked {
            Ok(()) => return Ok(first),
            Err(why) => why_again = format!("{why} Please choose again.\n"),
        }
    }
    bail!(
        "{}Nothing was changed.",
        why_again.replace("Please choose again.\n", "")
    );
}

/// A new passphrase from a file, held to the same rule as one typed.
fn long_enough(secret: SecretString) -> Result<SecretString> {
    use age::secrecy::ExposeSecret;
    if let Err(why) =
        crate::journal::check_new_passphrase(secret.expose_secret(), secret.expose_secret())
    {
        bail!("{why} Nothing was changed.");
    }
    Ok(secret)
}

/// `secret`, or a message saying how to give one; `name` is whose it is (`None`: anyone's).
pub fn need(
    secret: Option<SecretString>,
    variable: &str,
    name: Option<&str>,
) -> Result<SecretString> {
    let whose = name.map_or_else(
        || "a partner's".to_owned(),
        |name| format!("{}'s", one_line(name)),
    );
    secret.with_context(|| {
        format!(
            "This journal is encrypted, and mend needs {whose} passphrase: run this in a terminal, or set {variable} to a file that holds it (0600). Nothing was read or changed."
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    #[test]
    fn a_file_holds_one_secret_or_one_per_partner() {
        let one = from_file_text("river stone: by the sea\n", "Alex");
        assert_eq!(
            one.ok().map(|s| s.expose_secret().to_owned()).as_deref(),
            Some("river stone: by the sea")
        );
        let both = "Alex: first words here\nsam: second words here\n";
        let sam = from_file_text(both, "Sam").ok();
        assert_eq!(
            sam.map(|s| s.expose_secret().to_owned()).as_deref(),
            Some("second words here")
        );
        assert!(from_file_text("Alex: first words here\n", "Sam").is_err());
        assert!(from_file_text("", "Sam").is_err());
    }
}

//! What the tests on encrypted journals share: a small encrypted journal made by the binary,
//! running commands with a passphrase file, and opening a file through the library.

use crate::kit::Mend;
use age::secrecy::SecretString;
use mend::journal::{Journal, OpensWith};
use mend::store::Store;
use mend::store::seal::Sealer;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;

pub const ALICE: &str = "lantern by the window";
pub const BOB: &str = "green kettle morning";
pub const TOKEN: &str = "mend-sealed:";

/// A sandbox with an encrypted journal, and a passphrase file for each partner.
pub struct Locked {
    pub m: Mend,
    pub alice: PathBuf,
    pub bob: PathBuf,
}

impl Locked {
    /// Alice's and Bob's journal with words of every kind, private and shared, encrypted.
    pub fn small() -> Locked {
        let m = Mend::with_journal();
        m.ok(
            &["write", "--as", "Alice", "--stage", "healing", "--private"],
            "a fear kept to myself",
        );
        m.write("Bob", "we walked by the river");
        let mut checkin = vec!["checkin", "--as", "Bob", "--note-stdin", "--private-note"];
        checkin.extend(["--safety", "3", "--trust", "4", "--connection", "5"]);
        m.ok(&checkin, "a note only for me");
        let promise = ["promise", "add", "--by", "Bob", "--to", "Alice"];
        m.ok(&[&promise[..], &["Call", "if", "late"]].concat(), "");
        m.ok(&["kind", "add", "--by", "Alice", "Made", "tea"], "");
        Locked::encrypt(m)
    }

    /// Encrypts the journal in `m` with Alice's and Bob's passphrases.
    pub fn encrypt(m: Mend) -> Locked {
        let both = secret_file(&m, "both", &format!("Alice: {ALICE}\nBob: {BOB}\n"));
        let alice = secret_file(&m, "alice", &format!("{ALICE}\n"));
        let bob = secret_file(&m, "bob", &format!("{BOB}\n"));
        let locked = Locked { m, alice, bob };
        locked.ok(&both, &["encrypt"], "");
        locked
    }

    /// Runs `mend ARGS` with `MEND_PASSPHRASE_FILE` naming `pass`.
    pub fn run(&self, pass: &Path, args: &[&str], stdin: &str) -> Output {
        let mut cmd = self.m.std_command();
        cmd.env("MEND_PASSPHRASE_FILE", pass);
        assert_cmd::Command::from_std(cmd)
            .args(args)
            .write_stdin(stdin.as_bytes().to_vec())
            .output()
            .expect("run mend")
    }

    /// As `run`, and it must succeed; its standard output.
    #[track_caller]
    pub fn ok(&self, pass: &Path, args: &[&str], stdin: &str) -> String {
        let out = self.run(pass, args, stdin);
        assert!(
            out.status.success(),
            "mend {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// A 0600 file in the sandbox holding `text`.
pub fn secret_file(m: &Mend, name: &str, text: &str) -> PathBuf {
    let path = m.dir.path().join(name);
    std::fs::write(&path, text).expect("write a secret file");
    crate::kit::set_private(&path);
    path
}

/// The journal at `path` loaded by the store and unlocked with the passphrases of `who`
/// (name, passphrase), as a command does; a refusal as its message.
pub fn open_file(path: &Path, who: &[(&str, &str)]) -> Result<Arc<Journal>, String> {
    let mut store = Store::new(path, None);
    let journal = store
        .load()
        .map_err(|e| e.to_string())?
        .ok_or("no journal")?;
    let Some(sealing) = &journal.sealing else {
        return Ok(journal);
    };
    let mut held: Option<Sealer> = None;
    for (name, passphrase) in who {
        // By name, or where that name stood: damage may change a name and nothing else.
        let at = if *name == "Alice" { 0 } else { 1 };
        let partner = match journal.partner_named(name) {
            Ok(partner) => partner.id,
            Err(_) => journal.partners.get(at).ok_or("a partner is missing")?.id,
        };
        let secret = SecretString::from((*passphrase).to_owned());
        let sealer = Sealer::unlock(sealing, partner, name, &secret, OpensWith::Passphrase)
            .map_err(|e| format!("unlock: {e}"))?;
        match &mut held {
            Some(held) => held.join(sealer),
            None => held = Some(sealer),
        }
    }
    let sealer = held.ok_or("no passphrase given")?;
    store
        .unlock(sealer)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| "the journal went away".to_owned())
}

/// Opened with both passphrases: every word readable.
pub fn open_both(path: &Path) -> Result<Arc<Journal>, String> {
    open_file(path, &[("Alice", ALICE), ("Bob", BOB)])
}

/// Every string value in `value` that is a sealed token, with its path.
pub fn tokens(value: &serde_json::Value, path: &str, found: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) if s.starts_with(TOKEN) => {
            found.push((path.to_owned(), s.clone()));
        }
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                tokens(child, &format!("{path}/{key}"), found);
            }
        }
        serde_json::Value::Array(items) => {
            for (n, child) in items.iter().enumerate() {
                tokens(child, &format!("{path}/{n}"), found);
            }
        }
        _ => {}
    }
}

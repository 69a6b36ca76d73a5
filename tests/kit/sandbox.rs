//! The sandbox every test runs `mend` in: a private temp home, XDG folders and a fixed clock.

use std::path::{Path, PathBuf};
use std::process::Output;

/// The moment every command believes it is ("this evening" is 2026-11-25).
pub const NOW: &str = "2026-11-25T21:00:00+00:00";
/// The evening of `NOW`.
pub const TODAY: &str = "2026-11-25";

/// The built `mend` binary.
pub fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("mend")
}

/// A temp folder holding a home, the XDG folders and a journal path (not created yet).
pub struct Mend {
    pub dir: tempfile::TempDir,
    /// `<temp>/journals/journal.json`, alone in its own folder.
    pub journal: PathBuf,
}

impl Default for Mend {
    fn default() -> Self {
        Self::new()
    }
}

impl Mend {
    pub fn new() -> Mend {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = dir.path().join("journals").join("journal.json");
        Mend { dir, journal }
    }

    /// A sandbox whose journal lies in its own folder, beside the home and the XDG folders,
    /// which are made: a short path, as the pty tests read it back from an 80-column screen.
    pub fn flat() -> Mend {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = dir.path().join("journal.json");
        for sub in ["home", "data", "state", "config"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("sandbox folder");
        }
        Mend { dir, journal }
    }

    /// A harness with a journal for Alice and Bob already created.
    pub fn with_journal() -> Mend {
        let m = Mend::new();
        m.init();
        m
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn data_home(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn state_home(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    pub fn config_home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// The journal's folder.
    pub fn journal_dir(&self) -> PathBuf {
        self.journal.parent().unwrap().to_owned()
    }

    /// Where all backups live: `$XDG_STATE_HOME/mend/backups`.
    pub fn backups_root(&self) -> PathBuf {
        self.state_home().join("mend").join("backups")
    }

    /// The environment every run gets, as (name, value); `None` removes the variable.
    pub fn env(&self) -> Vec<(&'static str, Option<String>)> {
        let path = |path: PathBuf| Some(path.display().to_string());
        vec![
            ("MEND_NOW", Some(NOW.to_owned())),
            ("HOME", path(self.home())),
            ("XDG_DATA_HOME", path(self.data_home())),
            ("XDG_STATE_HOME", path(self.state_home())),
            ("XDG_CONFIG_HOME", path(self.config_home())),
            ("NO_COLOR", Some("1".to_owned())),
            ("EDITOR", None),
            ("VISUAL", None),
            ("MEND_JOURNAL", None),
            ("RUST_BACKTRACE", None),
            ("RUST_LIB_BACKTRACE", None),
            // Encrypted journals in tests use a small scrypt work factor (debug builds only).
            ("MEND_TEST_WORK_FACTOR", Some("10".to_owned())),
            ("MEND_PASSPHRASE_FILE", None),
            ("MEND_NEW_PASSPHRASE_FILE", None),
            ("MEND_RECOVERY_FILE", None),
        ]
    }

    /// Gives `cmd` the environment every command runs with, in the sandbox's folder.
    fn configure(&self, cmd: &mut std::process::Command) {
        for (name, value) in self.env() {
            match value {
                Some(value) => cmd.env(name, value),
                None => cmd.env_remove(name),
            };
        }
        cmd.current_dir(self.dir.path());
    }

    /// A plain `std::process::Command` for `mend --journal <journal>`, environment set.
    pub fn std_command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(bin());
        self.configure(&mut cmd);
        cmd.arg("--journal").arg(&self.journal);
        cmd
    }

    /// The same command started by `sh -c "PREFIX exec mend …"`, so the shell can set limits
    /// or a umask first.
    pub fn std_command_after(&self, prefix: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c").arg(shell_line(prefix)).arg(bin());
        self.configure(&mut cmd);
        cmd.arg("--journal").arg(&self.journal);
        cmd
    }

    /// `mend` with the environment set but no `--journal` (so the default path is used).
    pub fn command_without_journal(&self) -> assert_cmd::Command {
        let mut cmd = std::process::Command::new(bin());
        self.configure(&mut cmd);
        assert_cmd::Command::from_std(cmd)
    }

    /// Runs `mend --journal <journal> ARGS` with `stdin` on standard input.
    pub fn run(&self, args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
        let mut cmd = assert_cmd::Command::from_std(self.std_command());
        cmd.args(args)
            .write_stdin(stdin.as_ref().to_vec())
            .output()
            .expect("run mend")
    }

    /// Runs a command that must succeed; returns its standard output.
    #[track_caller]
    pub fn ok(&self, args: &[&str], stdin: impl AsRef<[u8]>) -> String {
        let out = self.run(args, stdin);
        assert!(
            out.status.success(),
            "mend {args:?} failed with {}:\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Runs a command that must succeed and print JSON; returns it parsed.
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args, "");
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("mend {args:?} printed bad JSON: {e}\n{out}"))
    }

    /// Creates a journal for Alice (hurt) and Bob (repairing).
    #[track_caller]
    pub fn init(&self) {
        self.ok(
            &[
                "init",
                "--partner",
                "Alice",
                "--partner",
                "Bob",
                "--roles",
                "hurt,repairing",
            ],
            "",
        );
    }

    /// Writes a shared entry as `author` with this text.
    #[track_caller]
    pub fn write(&self, author: &str, text: &str) {
        self.ok(&["write", "--as", author, "--stage", "communication"], text);
    }

    /// The journal file's bytes.
    pub fn journal_bytes(&self) -> Vec<u8> {
        std::fs::read(&self.journal).expect("read journal")
    }

    /// The journal file's bytes, or `None` if there is no file.
    pub fn journal_bytes_if_any(&self) -> Option<Vec<u8>> {
        match std::fs::read(&self.journal) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("read journal: {e}"),
        }
    }

    /// The journal file, parsed as plain JSON.
    pub fn journal_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.journal_bytes()).expect("journal is JSON")
    }

    /// Replaces the journal file with these bytes.
    pub fn put_journal(&self, bytes: impl AsRef<[u8]>) {
        std::fs::create_dir_all(self.journal_dir()).unwrap();
        std::fs::write(&self.journal, bytes).unwrap();
    }

    /// The partner id of the partner with this exact name.
    pub fn partner_id(&self, name: &str) -> String {
        let json = self.journal_json();
        json["partners"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no partner {name}"))["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The id of the record with this text in what `LIST_ARGS` prints (`promise list --json`,
    /// `kind list --json`).
    #[track_caller]
    pub fn id_with_text(&self, list_args: &[&str], text: &str) -> String {
        id_with_text(&self.json(list_args), text)
    }

    /// Every backup file under the backups root, sorted by path.
    pub fn backups(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut stack = vec![self.backups_root()];
        while let Some(dir) = stack.pop() {
            let Ok(read) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in read {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    found.push(path);
                }
            }
        }
        found.sort();
        found
    }

    /// The names of the files in the journal's folder, sorted.
    pub fn journal_dir_names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.journal_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Adds one healing entry at `NOW` by the partner at `partner` (0 or 1) through `store`,
/// as the CLI and the TUI do.
pub fn add_entry(
    store: &mut mend::store::Store,
    partner: usize,
    text: &str,
    visibility: mend::journal::Visibility,
) -> anyhow::Result<()> {
    let now = chrono::DateTime::parse_from_rfc3339(NOW)
        .expect("NOW is RFC 3339")
        .to_utc();
    let today = now.date_naive();
    store.update(|j| {
        let author = j.partners[partner].id;
        j.add_entry(
            mend::journal::NewEntry {
                author,
                day: today,
                stage: mend::journal::Stage::Healing,
                prompt_id: None,
                prompt: None,
                text: text.to_owned(),
                visibility,
            },
            now,
            today,
        )?;
        Ok(())
    })
}

/// The id of the record with this text in a JSON list of records.
#[track_caller]
pub fn id_with_text(list: &serde_json::Value, text: &str) -> String {
    let items = list.as_array().expect("the list is a JSON array");
    let item = items
        .iter()
        .find(|item| item["text"] == text)
        .unwrap_or_else(|| panic!("nothing with text {text:?} in {list:#}"));
    item["id"].as_str().expect("the id is a string").to_owned()
}

/// The `sh -c` line that runs `prefix` and then becomes the program given after it.
pub fn shell_line(prefix: &str) -> String {
    format!("{prefix} exec \"$0\" \"$@\"")
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether the tests run as root (who can write into read-only folders).
pub fn running_as_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// The file's permission bits.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

impl Mend {
    /// Moves the journal's first evening to `day` (YYYY-MM-DD), so that the evenings from
    /// then on can be written: days before a journal started are refused.
    pub fn set_started(&self, day: &str) {
        let mut json = self.journal_json();
        json["started"] = day.into();
        self.put_journal(serde_json::to_vec_pretty(&json).unwrap());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&self.journal, std::fs::Permissions::from_mode(0o600))
                .unwrap();
        }
    }
}

/// Sets a file to mode 0600, as mend keeps its journals.
pub fn set_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// Starts `cmd` with `text` sent to its standard input (then closed), and its standard
/// error captured.
pub fn spawn_with_stdin(mut cmd: std::process::Command, text: &str) -> std::process::Child {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mend");
    // A process killed before it reads its input makes this fail; callers expect that.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes());
    child
}

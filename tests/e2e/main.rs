//! End-to-end tests: the real binary in a pseudo-terminal.
//!
//! Each test runs `mend` (the full-screen journal, or a command that opens `$EDITOR`) in its
//! own pty with a private temp home, a fixed clock and `EDITOR=true`, types keys into it, reads
//! the screen back through a vt100 parser, and checks the journal file on disk afterwards.
#![cfg(unix)]

#[path = "../kit/mod.rs"]
mod kit;

mod editor;
mod editor_words;
mod encryption;
mod exchange;
mod hard_moment;
mod journeys;
mod live_refresh;
mod screens;
mod settings;
mod shared_folder;
mod talk;
mod terminal;
mod two_windows;

use kit::Mend;
use kit::pty::{COLS, PATIENCE, ROWS, Session};
use portable_pty::CommandBuilder;
use serde_json::Value;
use std::num::NonZeroU16;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

const ENTER: &[u8] = b"\r";
const TAB: &[u8] = b"\t";
const DOWN: &[u8] = b"\x1b[B";
const LEFT: &[u8] = b"\x1b[D";
const RIGHT: &[u8] = b"\x1b[C";
const END: &[u8] = b"\x1b[F";
const CTRL_S: &[u8] = b"\x13";

/// The kit's sandbox with the journal in its own folder, opened in a pty with `EDITOR=true`.
struct Sandbox(Mend);

impl std::ops::Deref for Sandbox {
    type Target = Mend;
    fn deref(&self) -> &Mend {
        &self.0
    }
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox(Mend::flat())
    }

    /// A sandbox whose journal was created by `mend init` for Alex and Sam.
    fn with_journal() -> Sandbox {
        let sandbox = Sandbox::new();
        sandbox.cli(&["init", "--partner", "Alex", "--partner", "Sam"], "");
        sandbox
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    /// Runs a `mend` subcommand on this journal (no pty) and returns its standard output.
    fn cli(&self, args: &[&str], stdin: &str) -> String {
        self.ok(args, stdin)
    }

    /// Shared words open as soon as they are saved, tonight included: the setting is chosen
    /// as of the evening before, since one chosen tonight waits for tomorrow.
    fn open_words_at_once(&self) {
        let out = self
            .std_command()
            .env("MEND_NOW", "2026-11-24T21:00:00+00:00")
            .args(["settings", "--reveal", "at-once"])
            .output()
            .expect("run mend settings");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Opens the full-screen app on this journal in a fresh pty.
    fn tui(&self) -> Session {
        self.tui_with(&[])
    }

    fn tui_with(&self, extra: &[(&str, &str)]) -> Session {
        self.tui_running(&[], extra)
    }

    /// Opens `mend ARGS...` on this journal in a fresh pty, with extra environment.
    fn tui_running(&self, args: &[&str], extra: &[(&str, &str)]) -> Session {
        Session::spawn(self.command("", args, extra))
    }

    /// `mend ARGS...` for a pty, run through `sh -c "PREFIX exec mend …"` when `prefix` is
    /// not empty, with `EDITOR=true` and the extra environment.
    fn command(&self, prefix: &str, args: &[&str], extra: &[(&str, &str)]) -> CommandBuilder {
        let mut cmd = self.pty_command_after(prefix, args);
        cmd.env("EDITOR", "true");
        for (name, value) in extra {
            cmd.env(name, value);
        }
        cmd
    }

    fn entries(&self) -> Vec<Value> {
        self.journal_json()["entries"]
            .as_array()
            .expect("entries")
            .clone()
    }

    /// Every draft file under `$XDG_STATE_HOME/mend/drafts`.
    fn draft_files(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
            let Ok(read) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in read.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_none_or(|e| e != "lock") {
                    // A lock says which window keeps a draft; it holds no words.
                    found.push(path);
                }
            }
        }
        let mut found = Vec::new();
        walk(&self.path("state").join("mend").join("drafts"), &mut found);
        found
    }
}

/// Collapses runs of whitespace and drops box-drawing borders, so wrapped text can be compared.
pub fn flat(text: &str) -> String {
    text.replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Opens the home screen of the partner who is selected on "Who is here tonight?".
pub fn open_as(tui: &mut Session, name: &str) {
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.wait_for(&format!("›  {name}"), PATIENCE);
    tui.send(ENTER);
    tui.wait_for(&format!("Tonight with {name}"), PATIENCE);
}

/// From the home screen, opens the writing screen; returns the prompt shown above the editor.
pub fn open_writing(tui: &mut Session) -> String {
    tui.send(b"w");
    let screen = tui.wait_for("Take your time. Start anywhere.", PATIENCE);
    // The prompt is everything between the header and the editor's top border.
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("┌ Your entry"))
        .unwrap_or_else(|| panic!("no editor on screen:\n{screen}"));
    flat(&lines[2..top].join("\n"))
}

/// Opens the app again as Alex, where the "Unsaved writing" dialog is drawn in the same frame
/// as the home screen, and brings the draft holding `text` back into the editor.
fn bring_the_draft_back(sandbox: &Sandbox, text: &str) -> Session {
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    tui.wait_for_all(&["Unsaved writing", "r  bring it back"], PATIENCE);
    tui.send(b"r");
    tui.wait_for_all(&["Your unsaved writing is back.", text], PATIENCE);
    tui
}

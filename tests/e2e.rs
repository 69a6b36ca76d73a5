//! End-to-end tests: the real binary in a pseudo-terminal.
//!
//! Each test runs `mend` (no subcommand, so the full-screen journal) in its own 80x24 pty with a
//! private temp home, a fixed clock and `EDITOR=true`, types keys into it, reads the screen back
//! through a vt100 parser, and checks the journal file on disk afterwards.
#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, ExitStatus, PtySize, native_pty_system};
use serde_json::Value;

#[path = "support/dsr.rs"]
mod dsr;
use dsr::Dsr;

/// The moment the app believes it is: the evening of 2026-11-25.
const NOW: &str = "2026-11-25T21:00:00+00:00";
const ROWS: u16 = 24;
const COLS: u16 = 80;
/// How long to wait for something to show up. Generous: a loaded machine and a debug build.
const PATIENCE: Duration = Duration::from_secs(20);

const ENTER: &[u8] = b"\r";
const TAB: &[u8] = b"\t";
const DOWN: &[u8] = b"\x1b[B";
const LEFT: &[u8] = b"\x1b[D";
const RIGHT: &[u8] = b"\x1b[C";
const END: &[u8] = b"\x1b[F";
const CTRL_S: &[u8] = b"\x13";

// ------------------------------------------------------------------------------ harness

/// A private temp folder: the home, the XDG folders and the journal path (not created yet).
struct Sandbox {
    dir: tempfile::TempDir,
    journal: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = dir.path().join("journal.json");
        for sub in ["home", "data", "state", "config"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("sandbox folder");
        }
        Sandbox { dir, journal }
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

    /// The environment every run gets, as (name, value); `None` removes the variable.
    fn env(&self) -> Vec<(&'static str, Option<String>)> {
        let path = |sub: &str| Some(self.path(sub).display().to_string());
        vec![
            ("HOME", path("home")),
            ("XDG_DATA_HOME", path("data")),
            ("XDG_STATE_HOME", path("state")),
            ("XDG_CONFIG_HOME", path("config")),
            ("MEND_NOW", Some(NOW.to_owned())),
            ("EDITOR", Some("true".to_owned())),
            ("VISUAL", None),
            ("MEND_JOURNAL", None),
            ("NO_COLOR", Some("1".to_owned())),
            ("TERM", Some("xterm-256color".to_owned())),
            ("RUST_BACKTRACE", None),
            ("RUST_LIB_BACKTRACE", None),
        ]
    }

    /// Runs a `mend` subcommand on this journal (no pty) and returns its standard output.
    fn cli(&self, args: &[&str], stdin: &str) -> String {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mend"));
        cmd.arg("--journal").arg(&self.journal).args(args);
        cmd.current_dir(self.dir.path());
        for (name, value) in self.env() {
            match value {
                Some(value) => cmd.env(name, value),
                None => cmd.env_remove(name),
            };
        }
        cmd.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().expect("run mend");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .expect("write stdin");
        let out = child.wait_with_output().expect("wait for mend");
        assert!(
            out.status.success(),
            "mend {args:?} failed: {}\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Opens the full-screen app on this journal in a fresh pty.
    fn tui(&self) -> Tui {
        self.tui_with(&[])
    }

    fn tui_with(&self, extra: &[(&str, &str)]) -> Tui {
        self.tui_running(&[], extra)
    }

    /// Opens `mend ARGS...` on this journal in a fresh pty, with extra environment.
    fn tui_running(&self, args: &[&str], extra: &[(&str, &str)]) -> Tui {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mend"));
        cmd.arg("--journal");
        cmd.arg(&self.journal);
        for arg in args {
            cmd.arg(arg);
        }
        cmd.cwd(self.dir.path());
        for (name, value) in self.env() {
            match value {
                Some(value) => cmd.env(name, value),
                None => cmd.env_remove(name),
            }
        }
        for (name, value) in extra {
            cmd.env(name, value);
        }
        Tui::spawn(cmd)
    }

    fn journal_json(&self) -> Value {
        let bytes = std::fs::read(&self.journal).expect("read the journal");
        serde_json::from_slice(&bytes).expect("the journal is JSON")
    }

    fn partner_id(&self, name: &str) -> String {
        let journal = self.journal_json();
        journal["partners"]
            .as_array()
            .expect("partners")
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no partner {name}: {journal:#}"))["id"]
            .as_str()
            .expect("partner id")
            .to_owned()
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
                } else {
                    found.push(path);
                }
            }
        }
        let mut found = Vec::new();
        walk(&self.path("state").join("mend").join("drafts"), &mut found);
        found
    }
}

/// The app running in a pty: keys go in, the screen comes back.
struct Tui {
    parser: vt100::Parser<Dsr>,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Every byte the app wrote to the terminal.
    raw: Vec<u8>,
    exit: Option<ExitStatus>,
}

impl Tui {
    fn spawn(cmd: CommandBuilder) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn mend");
        drop(pair.slave); // else the reader never sees the end
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _master = pair.master; // kept open for as long as we read
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        let parser = vt100::Parser::new_with_callbacks(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
            Dsr::default(),
        );
        Tui {
            parser,
            rx,
            writer,
            child,
            raw: Vec::new(),
            exit: None,
        }
    }

    /// Feeds what the app wrote (waiting up to `timeout` for it) into the screen, and answers
    /// cursor position queries. False when nothing came.
    fn pump(&mut self, timeout: Duration) -> bool {
        match self.rx.recv_timeout(timeout) {
            Ok(bytes) => {
                self.raw.extend_from_slice(&bytes);
                self.parser.process(&bytes);
                while self.parser.callbacks().pending > 0 {
                    self.parser.callbacks_mut().pending -= 1;
                    let (row, col) = self.parser.screen().cursor_position();
                    // The app may be gone already; a lost answer does not matter then.
                    let _ = write!(self.writer, "\x1b[{};{}R", row + 1, col + 1);
                    let _ = self.writer.flush();
                }
                true
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                if self.exit.is_some() {
                    // Nothing more will come; do not spin.
                    std::thread::sleep(timeout.min(Duration::from_millis(10)));
                }
                false
            }
        }
    }

    /// The screen as text, one line a row.
    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Esc on its own, then a pause, so it is not read together with the next keys as Alt+key.
    fn esc(&mut self) {
        self.send(b"\x1b");
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Waits until the screen shows `text`, and returns the screen. Panics with the screen on
    /// timeout.
    fn wait_for(&mut self, text: &str, timeout: Duration) -> String {
        self.wait_for_all(&[text], timeout)
    }

    /// Waits until the screen shows every one of `texts` at once, and returns the screen.
    /// (A frame can arrive in several reads, so one text showing does not mean the rest has.)
    fn wait_for_all(&mut self, texts: &[&str], timeout: Duration) -> String {
        self.wait_until(&format!("{texts:?} on screen"), timeout, |screen| {
            let contents = screen.contents();
            texts.iter().all(|text| contents.contains(text))
        });
        self.screen()
    }

    /// Waits until `done` holds for the screen; panics with the screen on timeout.
    fn wait_until(
        &mut self,
        what: &str,
        timeout: Duration,
        mut done: impl FnMut(&vt100::Screen) -> bool,
    ) {
        let deadline = Instant::now() + timeout;
        loop {
            if done(self.parser.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                panic!(
                    "timed out after {timeout:?} waiting for {what}; the app {}; screen:\n{}",
                    match &self.exit {
                        Some(status) => format!("exited ({status:?})"),
                        None => "is running".to_owned(),
                    },
                    self.screen()
                );
            }
            self.pump(left.min(Duration::from_millis(50)));
            if self.exit.is_none() {
                self.exit = self.child.try_wait().expect("check on mend");
            }
        }
    }

    /// Waits for the app to exit, reading its output meanwhile.
    fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        while self.exit.is_none() {
            self.exit = self.child.try_wait().expect("check on mend");
            if self.exit.is_some() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "mend did not exit within {timeout:?}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
        self.exit.clone().unwrap()
    }

    /// After exit: reads until the app has left the alternate screen, then what is still
    /// queued. Panics when it never leaves.
    fn wait_left_alternate_screen(&mut self) {
        self.wait_until("the app to leave the alternate screen", PATIENCE, |s| {
            !s.alternate_screen()
        });
        self.drain();
    }

    /// After exit: reads everything that is left, until the pty reports its end.
    fn drain(&mut self) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            match self.rx.recv_timeout(Duration::from_millis(50)) {
                Ok(bytes) => {
                    self.raw.extend_from_slice(&bytes);
                    self.parser.process(&bytes);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Kills the app with SIGKILL, as a crash or a closed laptop lid would.
    fn kill_hard(&mut self) {
        // portable-pty's `Child::kill` sends SIGHUP first; std's `Child::kill` is SIGKILL.
        let child: &mut dyn portable_pty::Child = &mut *self.child;
        let std_child = child
            .downcast_mut::<std::process::Child>()
            .expect("portable-pty runs a std::process::Child on unix");
        std_child.kill().expect("SIGKILL mend");
        let status = self.child.wait().expect("wait for the killed mend");
        assert!(!status.success(), "{status:?}");
        self.exit = Some(status);
    }

    /// Quits with `q` from a screen where that quits, and checks the terminal was restored.
    fn quit(&mut self) {
        self.send(b"q");
        let status = self.wait_exit(PATIENCE);
        assert!(
            status.success(),
            "exit status {status:?}; screen:\n{}",
            self.screen()
        );
        self.wait_left_alternate_screen();
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave the app running.
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let child: &mut dyn portable_pty::Child = &mut *self.child;
            if let Some(std_child) = child.downcast_mut::<std::process::Child>() {
                let _ = std_child.kill();
            }
            let _ = self.child.wait();
        }
    }
}

/// Collapses runs of whitespace and drops box-drawing borders, so wrapped text can be compared.
fn flat(text: &str) -> String {
    text.replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Opens the home screen of the partner who is selected on "Who is here tonight?".
fn open_as(tui: &mut Tui, name: &str) {
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.wait_for(&format!("›  {name}"), PATIENCE);
    tui.send(ENTER);
    tui.wait_for(&format!("Tonight with {name}"), PATIENCE);
}

/// From the home screen, opens the writing screen; returns the prompt shown above the editor.
fn open_writing(tui: &mut Tui) -> String {
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

// ------------------------------------------------------------------------------ tests

#[test]
fn first_run_setup_creates_the_journal() {
    let sandbox = Sandbox::new();
    assert!(!sandbox.journal.exists());
    let mut tui = sandbox.tui();
    tui.wait_for("Welcome to mend", PATIENCE);
    assert!(tui.parser.screen().alternate_screen());
    let path = sandbox.journal.display().to_string();
    tui.wait_until("setup to say where the journal will be", PATIENCE, |s| {
        flat(&s.contents()).contains(&path)
    });

    tui.type_text("Zoë");
    tui.wait_for("Zoë▏", PATIENCE);
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text("Rafael");
    tui.wait_for("Rafael▏", PATIENCE);
    tui.send(TAB);
    tui.send(ENTER);
    tui.wait_for_all(&["Who is here tonight?", "Zoë", "Rafael"], PATIENCE);

    assert!(sandbox.journal.is_file(), "the journal was created");
    assert_eq!(mode(&sandbox.journal), 0o600, "the journal is private");
    let journal = sandbox.journal_json();
    let names: Vec<&str> = journal["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Zoë", "Rafael"], "{journal:#}");
    assert_eq!(journal["started"], "2026-11-25");

    tui.quit();
}

#[test]
fn write_and_save_an_entry() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    let prompt = open_writing(&mut tui);
    let editor_title = tui
        .screen()
        .lines()
        .find(|l| l.contains("┌ Your entry"))
        .map(flat)
        .unwrap();

    let text = "Café au lait, naïve façade — we talked 🌱 and it helped.";
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);
    tui.send(CTRL_S);
    tui.wait_for_all(&["Saved: ", "You wrote tonight."], PATIENCE);
    tui.quit();
    assert!(!tui.parser.screen().alternate_screen());

    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    let entry = &entries[0];
    assert_eq!(entry["text"], text);
    assert_eq!(entry["author"], sandbox.partner_id("Alex").as_str());
    assert_eq!(entry["day"], "2026-11-25");
    assert_eq!(entry["visibility"], "shared");
    let prompt_id = entry["prompt_id"].as_str().expect("a prompt id");
    assert!(!prompt_id.is_empty());
    assert_eq!(
        entry["prompt"].as_str().expect("the prompt text"),
        prompt,
        "the prompt saved is the one shown"
    );
    let stage = entry["stage"].as_str().expect("a stage");
    assert!(
        ["communication", "reciprocity", "healing"].contains(&stage),
        "{stage}"
    );
    assert!(
        editor_title.to_lowercase().contains(&format!("· {stage}")),
        "the stage saved ({stage}) is the one shown: {editor_title}"
    );
    assert!(
        sandbox.draft_files().is_empty(),
        "{:?}",
        sandbox.draft_files()
    );
}

#[test]
fn check_in_from_the_tui() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    open_as(&mut tui, "Sam");

    // Esc leaves the check-in without saving.
    tui.send(b"c");
    tui.wait_for("A quick check-in", PATIENCE);
    tui.esc();
    tui.wait_for("No check-in yet tonight.", PATIENCE);

    tui.send(b"c");
    tui.wait_for("A quick check-in", PATIENCE);
    tui.send(b"7"); // safety: 7
    tui.send(DOWN);
    tui.send(b"10"); // trust: 1 then 0 makes 10
    tui.send(DOWN);
    tui.send(LEFT); // connection: 5 → 3
    tui.send(LEFT);
    tui.send(DOWN);
    let note = "Calmer tonight — merci, ça va.";
    tui.type_text(note);
    let screen = tui.wait_for(&format!("{note}▏"), PATIENCE);
    let value = |name: &str| {
        let line = screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no {name} row:\n{screen}"));
        line.split_whitespace().last().unwrap().to_owned()
    };
    assert_eq!(
        [value("safety"), value("trust"), value("connection")],
        ["7", "10", "3"],
        "{screen}"
    );
    tui.send(ENTER);
    tui.wait_for("Check-in saved.", PATIENCE);
    tui.quit();

    let journal = sandbox.journal_json();
    let checkins = journal["checkins"].as_array().expect("checkins");
    assert_eq!(checkins.len(), 1, "{journal:#}");
    let checkin = &checkins[0];
    assert_eq!(checkin["author"], sandbox.partner_id("Sam").as_str());
    assert_eq!(checkin["day"], "2026-11-25");
    assert_eq!(checkin["safety"], 7);
    assert_eq!(checkin["trust"], 10);
    assert_eq!(checkin["connection"], 3);
    assert_eq!(checkin["note"], note);
}

#[test]
fn a_draft_survives_kill_and_is_offered_back() {
    let sandbox = Sandbox::with_journal();
    let alex = sandbox.partner_id("Alex");
    let text = "Words I have not saved yet, über careful.";

    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);
    // Drafts are written on every change; the screen is drawn after the change is kept.
    std::thread::sleep(Duration::from_millis(300));
    let drafts = sandbox.draft_files();
    assert_eq!(drafts.len(), 1, "one draft: {drafts:?}");
    let draft = &drafts[0];
    assert!(
        draft.starts_with(sandbox.path("state").join("mend").join("drafts")),
        "{}",
        draft.display()
    );
    assert_eq!(mode(draft), 0o600, "the draft is private");
    let kept: Value = serde_json::from_slice(&std::fs::read(draft).unwrap()).unwrap();
    assert_eq!(kept["text"], text);
    assert_eq!(kept["partner"], alex.as_str());
    tui.kill_hard();
    assert!(sandbox.entries().is_empty(), "nothing was saved yet");
    drop(tui);

    let mut tui = sandbox.tui();
    // Alex was here last, so Alex is already chosen.
    open_as(&mut tui, "Alex");
    tui.wait_for_all(&["Unsaved writing", "r  bring it back"], PATIENCE);
    tui.send(b"r");
    // The text is back in the editor.
    tui.wait_for_all(&["Your unsaved writing is back.", text], PATIENCE);
    tui.send(CTRL_S);
    tui.wait_for("Saved: ", PATIENCE);
    assert!(
        sandbox.draft_files().is_empty(),
        "the draft is gone once saved: {:?}",
        sandbox.draft_files()
    );
    tui.quit();

    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["text"], text);
    assert_eq!(entries[0]["author"], alex.as_str());
    assert_eq!(entries[0]["prompt"], kept["prompt"]);
    assert_eq!(entries[0]["stage"], kept["stage"]);
}

#[test]
fn the_terminal_is_restored_after_a_panic() {
    let sandbox = Sandbox::with_journal();
    let secret = "The quetzal saw the lighthouse at Zanzibar in 4417.";
    sandbox.cli(&["write", "--as", "Alex", "--stage", "healing"], secret);
    assert_eq!(sandbox.entries()[0]["text"], secret);

    let mut tui = sandbox.tui_with(&[("MEND_TEST_PANIC_AFTER_DRAW", "1")]);
    let status = tui.wait_exit(PATIENCE);
    assert!(!status.success(), "{status:?}");
    assert!(
        status.signal().is_none(),
        "a panic, not a signal: {status:?}"
    );
    tui.wait_left_alternate_screen();

    // What the app drew on the alternate screen before it panicked.
    let leave = b"\x1b[?1049l";
    let drawn = tui
        .raw
        .windows(leave.len())
        .position(|w| w == leave)
        .expect("the app left the alternate screen");
    let mut before = vt100::Parser::new(
        NonZeroU16::new(ROWS).unwrap(),
        NonZeroU16::new(COLS).unwrap(),
        0,
    );
    before.process(&tui.raw[..drawn]);
    let first_frame = before.screen().contents();
    assert!(
        first_frame.contains("Who is here tonight?"),
        "the app drew before it panicked:\n{first_frame}"
    );

    let output = String::from_utf8_lossy(&tui.raw).into_owned();
    // ratatui draws words one by one, so look for each distinctive word too.
    assert!(!output.contains(secret), "the entry leaked:\n{output:?}");
    for word in ["quetzal", "lighthouse", "Zanzibar", "4417"] {
        assert!(
            !output.contains(word),
            "the entry leaked ({word}):\n{output:?}"
        );
    }
    assert!(
        !tui.parser.screen().hide_cursor(),
        "the cursor is shown again"
    );
    let screen = tui.screen();
    assert!(screen.contains("panicked"), "{screen}");
    // Raw mode is off again: the message's new lines start at the left edge (output
    // processing turns \n into \r\n again), not where the previous line ended.
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("mend was asked to panic")),
        "{screen}"
    );
}

// ------------------------------------------------------------ the terminal is given back

impl Tui {
    /// Sends `signal` (a name `kill -s` knows, such as TERM) to the app.
    fn signal(&mut self, signal: &str) {
        let pid = self.child.process_id().expect("mend's process id");
        let status = std::process::Command::new("kill")
            .args(["-s", signal, &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {signal} {pid}: {status:?}");
    }

    /// Checks that the app's last bytes gave the terminal back: after it last entered the
    /// alternate screen it left it, and the cursor it hid is shown again.
    fn assert_terminal_given_back(&self) {
        let find_last = |needle: &[u8]| self.raw.windows(needle.len()).rposition(|w| w == needle);
        let entered = find_last(b"\x1b[?1049h").expect("the app used the full screen");
        let left = find_last(b"\x1b[?1049l");
        assert!(
            left.is_some_and(|left| left > entered),
            "the app never left the alternate screen: {:?}",
            String::from_utf8_lossy(&self.raw[entered..])
        );
        let hidden = find_last(b"\x1b[?25l").unwrap_or(0);
        let shown = find_last(b"\x1b[?25h");
        assert!(
            shown.is_some_and(|shown| shown > hidden && shown > entered),
            "the cursor is still hidden: {:?}",
            String::from_utf8_lossy(&self.raw[entered..])
        );
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen() && !screen.hide_cursor());
    }
}

/// Types unsaved words, sends `signal`, and expects the exit status 128 + `number`, the
/// terminal given back and the words in the draft.
fn stopped_by_a_signal_keeps_the_draft(signal: &str, number: u32) {
    let sandbox = Sandbox::with_journal();
    let text = format!("Not saved yet when {signal} came, über careful.");
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text(&text);
    tui.wait_for(&text, PATIENCE);
    tui.signal(signal);
    let status = tui.wait_exit(PATIENCE);
    tui.wait_left_alternate_screen();
    assert!(
        status.signal().is_none() && status.exit_code() == 128 + number,
        "SIG{signal}: exit status {status:?}; screen:\n{}",
        tui.screen()
    );
    tui.assert_terminal_given_back();
    let screen = flat(&tui.screen());
    assert!(
        screen.contains("stopped mend. Your unsaved writing is kept as a draft"),
        "{screen}"
    );
    assert!(
        !screen.contains(&text),
        "the words stay off the screen: {screen}"
    );
    let drafts = sandbox.draft_files();
    assert_eq!(drafts.len(), 1, "one draft: {drafts:?}");
    let kept: Value = serde_json::from_slice(&std::fs::read(&drafts[0]).unwrap()).unwrap();
    assert_eq!(kept["text"], text.as_str());
    assert!(sandbox.entries().is_empty(), "nothing was saved");
}

#[test]
fn sigterm_keeps_the_draft_and_gives_the_terminal_back() {
    stopped_by_a_signal_keeps_the_draft("TERM", 15);
}

#[test]
fn sighup_keeps_the_draft_and_gives_the_terminal_back() {
    stopped_by_a_signal_keeps_the_draft("HUP", 1);
}

#[test]
fn sigint_from_outside_keeps_the_draft_and_gives_the_terminal_back() {
    stopped_by_a_signal_keeps_the_draft("INT", 2);
}

#[test]
fn an_interrupt_while_the_editor_is_open_belongs_to_the_editor() {
    let sandbox = Sandbox::with_journal();
    // The app runs `sh -c "$EDITOR \"$1\""`: this editor waits a moment, then writes.
    let mut tui = sandbox.tui_with(&[("EDITOR", "sleep 1; printf 'from my editor' >")]);
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.send(b"\x05"); // Ctrl-E
    tui.wait_until("the editor to take the terminal", PATIENCE, |s| {
        !s.alternate_screen()
    });
    tui.signal("INT");
    tui.wait_for("from my editor", PATIENCE);
    assert!(tui.exit.is_none(), "mend is still running");
    tui.send(b"\x11"); // Ctrl-Q
    tui.wait_for("It is kept as a draft", PATIENCE);
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
}

#[test]
fn a_dumb_terminal_is_pointed_to_the_commands() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui_with(&[("TERM", "dumb")]);
    let status = tui.wait_exit(PATIENCE);
    tui.drain();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let output = String::from_utf8_lossy(&tui.raw).into_owned();
    assert_eq!(
        output.trim_end(),
        "mend: The full-screen journal needs a full terminal, and this one says it is \
         \"dumb\" (TERM=dumb). Every part of mend also works as a plain command: see mend --help.",
        "one line and nothing else (no escape sequences)"
    );
}

#[test]
fn a_corrupt_journal_is_named_with_its_line_and_never_opens_setup() {
    let sandbox = Sandbox::with_journal();
    let good = std::fs::read_to_string(&sandbox.journal).expect("the journal");
    let line = good
        .lines()
        .position(|l| l.contains("\"partners\""))
        .expect("a partners line")
        + 1;
    let bad = good.replacen("\"partners\":", "\"partners\" oops:", 1);
    std::fs::write(&sandbox.journal, &bad).expect("spoil the journal");

    let mut tui = sandbox.tui();
    let status = tui.wait_exit(PATIENCE);
    tui.drain();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let output = String::from_utf8_lossy(&tui.raw).into_owned();
    let screen = flat(&tui.screen());
    assert!(
        screen.contains(&sandbox.journal.display().to_string())
            && screen.contains(&format!("line {line}, column")),
        "names the file and the line: {screen}"
    );
    assert!(!output.contains("Welcome to mend"), "{output:?}");
    let screen = tui.parser.screen();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
    assert_eq!(
        std::fs::read_to_string(&sandbox.journal).expect("the journal"),
        bad,
        "a journal that cannot be read is left as it is"
    );
}

#[test]
fn exporting_twice_writes_a_second_file_and_leaves_the_first_untouched() {
    let sandbox = Sandbox::with_journal();
    let first = sandbox.path("mend-2026-W48.md");
    let second = sandbox.path("mend-2026-W48-2.md");
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    tui.send(DOWN);
    tui.send(ENTER);
    tui.wait_for("Week 2026-W48", PATIENCE);
    let export = |tui: &mut Tui, path: &Path| {
        tui.send(b"e");
        tui.wait_for("Export this week", PATIENCE);
        tui.send(b"m");
        tui.wait_until(
            &format!("{} to be written", path.display()),
            PATIENCE,
            |_| path.exists(),
        );
        tui.wait_for("The summary is saved to", PATIENCE);
    };
    export(&mut tui, &first);
    assert_eq!(mode(&first), 0o600, "the summary is private");
    // The couple added their own notes to the first summary.
    let mut notes = std::fs::read(&first).expect("the first summary");
    notes.extend_from_slice(b"\nOur notes from the talk.\n");
    std::fs::write(&first, &notes).expect("add notes");
    export(&mut tui, &second);
    assert_eq!(
        std::fs::read(&first).expect("the first summary"),
        notes,
        "the first file is left byte for byte"
    );
    let summary = std::fs::read_to_string(&second).expect("the second summary");
    assert!(summary.contains("2026-W48"), "{summary}");
    tui.quit();
}

#[test]
fn pasting_text_goes_into_the_entry() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    assert!(tui.parser.screen().bracketed_paste(), "paste is bracketed");
    tui.send(b"\x1b[200~line one\rline two\x1b[201~");
    tui.wait_for_all(&["line one", "line two", "4 words"], PATIENCE);
    tui.send(CTRL_S);
    tui.wait_for("Saved: ", PATIENCE);
    tui.quit();

    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["text"], "line one\nline two");
}

/// With `text` in Alex's editor: quits with Ctrl-Q and "y" (the dialog promises a draft),
/// starts again, and expects the writing to be offered back.
fn quit_and_expect_the_draft_back(sandbox: &Sandbox, mut tui: Tui, text: &str) {
    tui.send(b"\x11"); // Ctrl-Q
    tui.wait_for("It is kept as a draft", PATIENCE);
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
    tui.wait_left_alternate_screen();
    drop(tui);

    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    // The dialog is drawn in the same frame as the home screen.
    tui.wait_for_all(&["Unsaved writing", "r  bring it back"], PATIENCE);
    tui.send(b"r");
    tui.wait_for_all(&["Your unsaved writing is back.", text], PATIENCE);
    tui.send(b"\x11");
    tui.wait_for("It is kept as a draft", PATIENCE);
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
}

#[test]
fn a_pasted_entry_is_offered_back_after_quitting() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.send(b"\x1b[200~pasted from my notes\x1b[201~");
    tui.wait_for("pasted from my notes", PATIENCE);
    quit_and_expect_the_draft_back(&sandbox, tui, "pasted from my notes");
}

#[test]
fn text_from_the_editor_is_offered_back_after_quitting() {
    let sandbox = Sandbox::with_journal();
    // The app runs `sh -c "$EDITOR \"$1\""`, so this editor overwrites the file.
    let mut tui = sandbox.tui_with(&[("EDITOR", "printf 'written in my editor' >")]);
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.send(b"\x05"); // Ctrl-E
    tui.wait_for("written in my editor", PATIENCE);
    quit_and_expect_the_draft_back(&sandbox, tui, "written in my editor");
}

// ------------------------------------------------------------ known bugs (ignored)

#[test]
fn a_draft_let_go_is_not_offered_again() {
    let sandbox = Sandbox::with_journal();
    let text = "Something I decided not to keep.";
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    tui.type_text(text);
    tui.wait_for(text, PATIENCE);
    tui.kill_hard();
    drop(tui);

    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    tui.wait_for_all(&["Unsaved writing", "r  bring it back"], PATIENCE);
    tui.send(b"r");
    tui.wait_for_all(&["Your unsaved writing is back.", text], PATIENCE);
    tui.esc();
    tui.wait_for("leave and let it go", PATIENCE);
    tui.send(b"y");
    tui.wait_for("No check-in yet tonight.", PATIENCE);
    assert!(
        sandbox.draft_files().is_empty(),
        "{:?}",
        sandbox.draft_files()
    );
    tui.send(b"w");
    // Expected: a fresh, empty editor. Actual: the "Unsaved writing" dialog again, and r
    // would bring back the text that was let go.
    tui.wait_until("the editor or the dialog", PATIENCE, |s| {
        let contents = s.contents();
        contents.contains("Take your time. Start anywhere.")
            || contents.contains("r  bring it back")
    });
    let screen = tui.screen();
    assert!(
        !screen.contains("Unsaved writing"),
        "the writing that was let go is offered again:\n{screen}"
    );
    tui.send(b"\x11"); // Ctrl-Q: nothing unsaved, so it quits at once
    assert!(tui.wait_exit(PATIENCE).success());
}

/// The numbers on a partner's line of the reciprocity card ("this week" or "4 weeks").
fn card_numbers(screen: &str, name: &str, period: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&format!("{name} ")) && l.contains("this week"))
        .unwrap_or_else(|| panic!("no card line for {name}:\n{screen}"));
    let line = if period == "this week" {
        lines[at]
    } else {
        lines[at + 1]
    };
    line.split(period)
        .nth(1)
        .unwrap_or_else(|| panic!("no {period} on {line:?}"))
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '–')
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_promise_made_kept_and_noticed_shows_on_the_card() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");

    // Alex makes a promise due tomorrow, then marks it kept.
    tui.send(b"o");
    tui.wait_for("Your promises to Sam", PATIENCE);
    tui.send(b"n");
    tui.wait_for("A promise to Sam", PATIENCE);
    tui.type_text("Cook on Thursday");
    tui.send(TAB);
    tui.send(RIGHT);
    tui.send(RIGHT);
    tui.wait_for("[tomorrow]", PATIENCE);
    tui.send(ENTER);
    tui.wait_for("Promise made.", PATIENCE);
    tui.wait_for("due tomorrow", PATIENCE);
    tui.send(b"k");
    tui.wait_for("Sam will see it and can say they noticed.", PATIENCE);
    tui.send(ENTER);
    let screen = tui.wait_for("Marked kept.", PATIENCE);
    // made, kept, renegotiated, not kept, noticed, keep rate
    assert_eq!(
        card_numbers(&screen, "Alex", "this week"),
        ["1", "1", "0", "0", "0", "100%"]
    );

    // Sam comes to the screen and notices it.
    tui.esc();
    tui.send(b"p");
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    open_as(&mut tui, "Sam");
    tui.wait_for("waiting for you to notice", PATIENCE);
    tui.send(b"o");
    tui.wait_for("Alex: Cook on Thursday", PATIENCE);
    tui.send(END);
    tui.send(b"a");
    tui.wait_for("Let Alex know you saw it.", PATIENCE);
    tui.type_text("Dinner was lovely");
    tui.send(ENTER);
    let screen = tui.wait_for("Alex will see that you noticed.", PATIENCE);
    assert_eq!(
        card_numbers(&screen, "Alex", "this week"),
        ["1", "1", "0", "0", "1", "100%"],
        "{screen}"
    );
    assert_eq!(
        card_numbers(&screen, "Alex", "4 weeks"),
        ["1", "1", "0", "0", "1", "100%"],
        "{screen}"
    );
    tui.esc();
    tui.wait_for("Tonight with Sam", PATIENCE);
    tui.quit();

    let journal = sandbox.journal_json();
    let promise = &journal["promises"][0];
    assert_eq!(promise["text"], "Cook on Thursday");
    assert_eq!(promise["due"], "2026-11-26");
    assert_eq!(promise["status"], "kept");
    assert_eq!(promise["author"], sandbox.partner_id("Alex").as_str());
    assert_eq!(
        promise["acknowledged"]["by"],
        sandbox.partner_id("Sam").as_str()
    );
    assert_eq!(promise["acknowledged"]["note"], "Dinner was lovely");
}

#[test]
fn both_of_us_opens_the_progress_view_and_moves_back_a_week() {
    let sandbox = Sandbox::with_journal();
    // The couple started the week before, so that week can be written and looked back on.
    let mut journal: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&sandbox.journal).unwrap()).unwrap();
    journal["started"] = "2026-11-16".into();
    std::fs::write(&sandbox.journal, serde_json::to_vec(&journal).unwrap()).unwrap();
    sandbox.cli(
        &[
            "checkin",
            "--as",
            "alex",
            "--safety",
            "6",
            "--trust",
            "5",
            "--connection",
            "7",
            "--day",
            "2026-11-18",
        ],
        "",
    );
    let mut tui = sandbox.tui();
    tui.wait_for("Who is here tonight?", PATIENCE);
    tui.send(DOWN);
    tui.send(DOWN);
    tui.send(ENTER);
    tui.wait_for_all(&["Week 2026-W48", "How each of you feels"], PATIENCE);
    tui.send(LEFT);
    let screen = tui.wait_for("Week 2026-W47", PATIENCE);
    assert!(screen.contains("Mon 16 Nov – Sun 22 Nov 2026"), "{screen}");
    assert!(screen.contains("trust 5.0 (first week)"), "{screen}");
    tui.quit();
}

#[test]
fn the_demo_opens_a_sample_journal_and_leaves_nothing_behind() {
    let sandbox = Sandbox::with_journal();
    let before = std::fs::read(&sandbox.journal).expect("the real journal");
    let tmp = sandbox.path("tmp");
    std::fs::create_dir_all(&tmp).expect("tmp");
    let tmp_text = tmp.display().to_string();
    let mut tui = sandbox.tui_running(&["demo"], &[("TMPDIR", tmp_text.as_str())]);
    tui.wait_for("A sample journal to try things on", PATIENCE);
    tui.send(ENTER);
    let screen = tui.wait_for("Tonight with Alex", PATIENCE);
    assert!(screen.contains("Yours is untouched."), "{screen}");
    tui.send(b"o");
    tui.wait_for("Following through", PATIENCE);
    tui.esc();
    tui.wait_for("Tonight with Alex", PATIENCE);
    tui.quit();
    assert_eq!(
        std::fs::read(&sandbox.journal).expect("still there"),
        before
    );
    let left: Vec<_> = std::fs::read_dir(&tmp).expect("tmp").collect();
    assert!(
        left.is_empty(),
        "the sample journal's folder is removed: {left:?}"
    );
}

#[test]
fn five_thousand_typed_characters_are_saved_with_one_ctrl_s() {
    let sandbox = Sandbox::with_journal();
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    // Typed, not pasted: one byte a key, sent in chunks as a fast typist or a key repeat would.
    let text: String = "steady words ".repeat(400).chars().take(5_000).collect();
    let text = text.trim_end().to_owned();
    for chunk in text.as_bytes().chunks(256) {
        tui.send(chunk);
        tui.pump(Duration::from_millis(5));
    }
    tui.send(CTRL_S);
    tui.wait_for("Saved: ", Duration::from_secs(120));
    tui.quit();
    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "one entry");
    let saved = entries[0]["text"].as_str().expect("the text");
    assert_eq!(saved.chars().count(), text.chars().count());
    assert_eq!(saved, text);
}

#[test]
fn on_a_full_disk_the_screen_never_claims_a_draft_and_quitting_asks() {
    let sandbox = Sandbox::with_journal();
    // A file size limit makes every write past 2-4 KiB fail (EFBIG, as a full disk would):
    // the journal with the long text and the draft holding it both fail; small files do not.
    let mut cmd = CommandBuilder::new("sh");
    cmd.arg("-c");
    cmd.arg("trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\"");
    cmd.arg(env!("CARGO_BIN_EXE_mend"));
    cmd.arg("--journal");
    cmd.arg(&sandbox.journal);
    cmd.cwd(sandbox.dir.path());
    for (name, value) in sandbox.env() {
        match value {
            Some(value) => cmd.env(name, value),
            None => cmd.env_remove(name),
        }
    }
    let mut tui = Tui::spawn(cmd);
    open_as(&mut tui, "Alex");
    open_writing(&mut tui);
    let text = "too much to keep ".repeat(300);
    tui.send(format!("\x1b[200~{text}\x1b[201~").as_bytes());
    tui.wait_for("only on this screen", PATIENCE);
    tui.send(CTRL_S);
    let screen = tui.wait_for("Not saved", PATIENCE);
    assert!(!flat(&screen).contains("in the draft."), "{screen}");
    assert!(flat(&screen).contains("only on this screen"), "{screen}");
    tui.send(b"\x11"); // Ctrl-Q
    let asking = tui.wait_for("not saved anywhere yet", PATIENCE);
    assert!(!asking.contains("kept as a draft"), "{asking}");
    tui.send(b"y");
    assert!(tui.wait_exit(PATIENCE).success());
    assert!(sandbox.entries().is_empty());
}

#[test]
fn a_deleted_entry_stays_gone_after_quitting_and_opening_again() {
    let sandbox = Sandbox::with_journal();
    let words = "The walk by the canal, and what you said after.";
    sandbox.cli(
        &["write", "--as", "alex", "--stage", "communication"],
        words,
    );
    let mut tui = sandbox.tui();
    open_as(&mut tui, "Alex");
    tui.send(b"j");
    tui.wait_for("The walk by the canal", PATIENCE);
    tui.send(b"d");
    tui.wait_for("Delete this entry?", PATIENCE);
    tui.send(b"y");
    tui.wait_until("the entry to leave the list", PATIENCE, |s| {
        !s.contents().contains("The walk by the canal")
    });
    tui.esc();
    tui.wait_for("Tonight with Alex", PATIENCE);
    tui.quit();

    let mut again = sandbox.tui();
    open_as(&mut again, "Alex");
    again.send(b"j");
    let screen = again.wait_for("entries", PATIENCE);
    assert!(!screen.contains("The walk by the canal"), "{screen}");
    again.esc();
    again.wait_for("Tonight with Alex", PATIENCE);
    again.quit();

    let bytes = std::fs::read_to_string(&sandbox.journal).expect("the journal");
    assert!(!bytes.contains("canal"), "the words are gone from the file");
    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "the tombstone stays: {entries:#?}");
    assert_eq!(entries[0]["deleted"], true);
}

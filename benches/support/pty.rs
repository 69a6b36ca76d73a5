//! The release binary in a pseudo-terminal: spawn it on a journal, watch its screen, time it.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::fixtures::{NOW, Sample};

#[path = "../../tests/support/dsr.rs"]
mod dsr;
use dsr::Dsr;

const ROWS: u16 = 24;
const COLS: u16 = 80;

/// The who-is-here screen, fully drawn: its question, and the hint bar on the last row.
pub const WHO_SCREEN: [&str; 2] = ["Who is here tonight?", "q quit"];

/// A private folder holding a journal file and the home and XDG folders mend may use.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub journal: PathBuf,
}

impl Sandbox {
    pub fn with(sample: &Sample) -> Sandbox {
        let dir = match tempfile::tempdir() {
            Ok(dir) => dir,
            Err(err) => panic!("making a temp folder: {err}"),
        };
        let journal = dir.path().join("journal.json");
        if let Err(err) = std::fs::write(&journal, &sample.bytes) {
            panic!("writing {}: {err}", journal.display());
        }
        Sandbox { dir, journal }
    }

    pub fn file_size(&self) -> u64 {
        std::fs::metadata(&self.journal).map_or(0, |m| m.len())
    }

    /// Starts `mend` on this journal in a fresh 80x24 pseudo-terminal.
    pub fn spawn(&self) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mend"));
        cmd.arg("--journal");
        cmd.arg(&self.journal);
        cmd.cwd(self.dir.path());
        let folder = |name: &str| self.dir.path().join(name);
        cmd.env("HOME", folder("home"));
        cmd.env("XDG_DATA_HOME", folder("data"));
        cmd.env("XDG_STATE_HOME", folder("state"));
        cmd.env("XDG_CONFIG_HOME", folder("config"));
        cmd.env("MEND_NOW", NOW);
        cmd.env("NO_COLOR", "1");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("MEND_JOURNAL");
        Session::spawn(cmd)
    }
}

/// `mend` running in a pseudo-terminal, with the moment it was started.
pub struct Session {
    pub started: Instant,
    parser: vt100::Parser<Dsr>,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn spawn(cmd: CommandBuilder) -> Session {
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = match native_pty_system().openpty(size) {
            Ok(pair) => pair,
            Err(err) => panic!("opening a pseudo-terminal: {err}"),
        };
        let (reader, writer) = match (pair.master.try_clone_reader(), pair.master.take_writer()) {
            (Ok(reader), Ok(writer)) => (reader, writer),
            _ => panic!("could not read and write the pseudo-terminal"),
        };
        let (tx, rx) = mpsc::channel();
        let master = pair.master;
        std::thread::spawn(move || {
            let _master = master; // kept open for as long as we read
            let mut reader = reader;
            let mut buf = [0u8; 16384];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let child = match pair.slave.spawn_command(cmd) {
            Ok(child) => child,
            Err(err) => panic!("starting mend: {err}"),
        };
        drop(pair.slave);
        let one = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        Session {
            started,
            parser: vt100::Parser::new_with_callbacks(one(ROWS), one(COLS), 0, Dsr::default()),
            rx,
            writer,
            child,
        }
    }

    /// Reads the screen until it shows every one of `texts`; how long after the start that
    /// was, or `None` after `patience`.
    pub fn wait_for(&mut self, texts: &[&str], patience: Duration) -> Option<Duration> {
        let deadline = Instant::now() + patience;
        loop {
            let contents = self.parser.screen().contents();
            if texts.iter().all(|text| contents.contains(text)) {
                return Some(self.started.elapsed());
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            let bytes = self.rx.recv_timeout(left).ok()?;
            self.parser.process(&bytes);
            while self.parser.callbacks().pending > 0 {
                self.parser.callbacks_mut().pending -= 1;
                let (row, col) = self.parser.screen().cursor_position();
                let _ = write!(self.writer, "\x1b[{};{}R", row + 1, col + 1);
                let _ = self.writer.flush();
            }
        }
    }

    /// The screen as text, for messages when something did not show up.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let _ = self.writer.write_all(bytes);
        let _ = self.writer.flush();
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Ends the app at once (SIGKILL) and waits for it.
    pub fn kill(mut self) {
        let child: &mut dyn portable_pty::Child = &mut *self.child;
        if let Some(std_child) = child.downcast_mut::<std::process::Child>() {
            let _ = std_child.kill();
        } else {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// A field of `/proc/<pid>/status` in KiB, such as `VmHWM` (the peak resident memory).
pub fn proc_status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("status"));
    status.ok()?.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// The median, fastest and 90th-percentile of some timings.
pub fn summary(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |q: f64| {
        let index = ((times.len().saturating_sub(1)) as f64 * q).round() as usize;
        times.get(index).copied().unwrap_or_default()
    };
    (at(0.5), at(0.0), at(0.9))
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

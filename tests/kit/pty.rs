//! The real `mend` in a pseudo-terminal: spawn it, type into it, read its screen back, answer
//! its cursor-position queries, and end it.

use portable_pty::{CommandBuilder, ExitStatus, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::sandbox::{Mend, bin, shell_line};

/// The terminal size every session gets unless it asks for another.
pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;
/// How long to wait for something to show up. Generous: a loaded machine and a debug build.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Remembers Device Status Report requests (`CSI 6n`) so the session can answer them.
#[derive(Default)]
pub struct Dsr {
    pub pending: usize,
}

impl vt100::Callbacks for Dsr {
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        i1: Option<u8>,
        _: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        if c == 'n' && i1.is_none() && params == [&[6u16][..]] {
            self.pending += 1;
        }
    }
}

impl Mend {
    /// `mend --journal <journal> ARGS` for a pseudo-terminal, with this sandbox's environment.
    pub fn pty_command(&self, args: &[&str]) -> CommandBuilder {
        self.pty_command_after("", args)
    }

    /// The same run started by `sh -c "PREFIX exec mend …"`, so the shell can set limits or
    /// variables first; an empty `prefix` starts `mend` directly.
    pub fn pty_command_after(&self, prefix: &str, args: &[&str]) -> CommandBuilder {
        let mut cmd = if prefix.is_empty() {
            CommandBuilder::new(bin())
        } else {
            let mut sh = CommandBuilder::new("sh");
            sh.arg("-c");
            sh.arg(shell_line(prefix));
            sh.arg(bin());
            sh
        };
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
        cmd.env("TERM", "xterm-256color");
        cmd
    }
}

/// A program running in a pty: keys go in, the screen comes back.
pub struct Session {
    /// The moment just before the program was started.
    pub started: Instant,
    pub parser: vt100::Parser<Dsr>,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Every byte the program wrote to the terminal.
    pub raw: Vec<u8>,
    pub exit: Option<ExitStatus>,
}

impl Session {
    /// Starts `cmd` in a fresh 80x24 pty.
    pub fn spawn(cmd: CommandBuilder) -> Session {
        Session::spawn_sized(cmd, ROWS, COLS)
    }

    /// Starts `cmd` in a fresh pty of `rows` x `cols`.
    pub fn spawn_sized(cmd: CommandBuilder, rows: u16, cols: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn mend");
        drop(pair.slave); // else the reader never sees the end
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, rx) = mpsc::channel();
        let master = pair.master;
        std::thread::spawn(move || {
            let _master = master; // kept open for as long as we read
            let mut buf = [0u8; 16384];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let one = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        Session {
            started,
            parser: vt100::Parser::new_with_callbacks(one(rows), one(cols), 0, Dsr::default()),
            rx,
            writer,
            child,
            raw: Vec::new(),
            exit: None,
        }
    }

    /// Feeds what the program wrote (waiting up to `timeout` for it) into the screen, and
    /// answers cursor position queries. False when nothing came.
    pub fn pump(&mut self, timeout: Duration) -> bool {
        match self.rx.recv_timeout(timeout) {
            Ok(bytes) => {
                self.raw.extend_from_slice(&bytes);
                self.parser.process(&bytes);
                while self.parser.callbacks().pending > 0 {
                    self.parser.callbacks_mut().pending -= 1;
                    let (row, col) = self.parser.screen().cursor_position();
                    // The program may be gone already; a lost answer does not matter then.
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
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    pub fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Esc on its own, then a pause, so it is not read together with the next keys as Alt+key.
    pub fn esc(&mut self) {
        self.send(b"\x1b");
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Waits until the screen shows `text`, and returns the screen. Panics with the screen on
    /// timeout.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) -> String {
        self.wait_for_all(&[text], timeout)
    }

    /// Waits until the screen shows every one of `texts` at once, and returns the screen.
    /// (A frame can arrive in several reads, so one text showing does not mean the rest has.)
    pub fn wait_for_all(&mut self, texts: &[&str], timeout: Duration) -> String {
        self.wait_until(&format!("{texts:?} on screen"), timeout, |screen| {
            shows_all(screen, texts)
        });
        self.screen()
    }

    /// How long after the start the screen showed every one of `texts`, or `None` when it
    /// did not within `patience`.
    pub fn shown_after(&mut self, texts: &[&str], patience: Duration) -> Option<Duration> {
        self.try_wait_until(patience, |screen| shows_all(screen, texts))
            .then(|| self.started.elapsed())
    }

    /// Waits until `done` holds for the screen; panics with the screen on timeout.
    pub fn wait_until(
        &mut self,
        what: &str,
        timeout: Duration,
        done: impl FnMut(&vt100::Screen) -> bool,
    ) {
        if !self.try_wait_until(timeout, done) {
            panic!(
                "timed out after {timeout:?} waiting for {what}; the app {}; screen:\n{}",
                match &self.exit {
                    Some(status) => format!("exited ({status:?})"),
                    None => "is running".to_owned(),
                },
                self.screen()
            );
        }
    }

    /// Reads until `done` holds for the screen (true) or `timeout` has passed (false).
    pub fn try_wait_until(
        &mut self,
        timeout: Duration,
        mut done: impl FnMut(&vt100::Screen) -> bool,
    ) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if done(self.parser.screen()) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            self.pump(left.min(Duration::from_millis(50)));
            self.check_exit();
        }
    }

    /// Notes the exit status once the program has ended; whether it has.
    pub fn check_exit(&mut self) -> bool {
        if self.exit.is_none() {
            self.exit = self.child.try_wait().expect("check on mend");
        }
        self.exit.is_some()
    }

    /// Waits for the program to exit, reading its output meanwhile.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        while !self.check_exit() {
            assert!(
                Instant::now() < deadline,
                "mend did not exit within {timeout:?}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
        self.exit.clone().expect("the exit status was just noted")
    }

    /// After exit: reads until the app has left the alternate screen, then what is still
    /// queued. Panics when it never leaves.
    pub fn wait_left_alternate_screen(&mut self) {
        self.wait_until("the app to leave the alternate screen", PATIENCE, |s| {
            !s.alternate_screen()
        });
        self.drain();
    }

    /// After exit: reads everything that is left, until the pty reports its end.
    pub fn drain(&mut self) {
        self.read_for(PATIENCE);
    }

    /// Reads what comes for `time`, or until the pty reports its end.
    pub fn read_for(&mut self, time: Duration) {
        let deadline = Instant::now() + time;
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

    /// Kills the program with SIGKILL, as a crash or a closed laptop lid would.
    pub fn kill_hard(&mut self) {
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
    pub fn quit(&mut self) {
        self.send(b"q");
        let status = self.wait_exit(PATIENCE);
        assert!(
            status.success(),
            "exit status {status:?}; screen:\n{}",
            self.screen()
        );
        self.wait_left_alternate_screen();
    }

    /// The program's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends `signal` (a name `kill -s` knows, such as TERM) to the program.
    pub fn signal(&mut self, signal: &str) {
        let pid = self.pid().expect("mend's process id");
        let status = std::process::Command::new("kill")
            .args(["-s", signal, &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {signal} {pid}: {status:?}");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let child: &mut dyn portable_pty::Child = &mut *self.child;
            if let Some(std_child) = child.downcast_mut::<std::process::Child>() {
                let _ = std_child.kill();
            }
            let _ = self.child.wait();
        }
    }
}

fn shows_all(screen: &vt100::Screen, texts: &[&str]) -> bool {
    let contents = screen.contents();
    texts.iter().all(|text| contents.contains(text))
}

/// A field of `/proc/<pid>/status` in KiB, such as `VmHWM` (the peak resident memory).
pub fn proc_status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("status"));
    status.ok()?.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

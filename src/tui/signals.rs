//! The signals that end the full-screen app (SIGTERM, SIGHUP, SIGINT), caught as flags for the
//! event loop, so that it can keep the draft and give the terminal back before it exits.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::SigId;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The app was stopped by a signal. `mend` exits with 128 + the signal's number, as a shell
/// does for a program a signal ended.
#[derive(Debug, thiserror::Error)]
#[error("{} stopped mend. {kept}", name(*.signal))]
pub struct Stopped {
    pub signal: i32,
    /// What became of unsaved writing, in plain words.
    pub kept: String,
}

impl Stopped {
    /// The exit status: 128 + the signal's number.
    pub fn exit_code(&self) -> u8 {
        u8::try_from(128 + self.signal).unwrap_or(1)
    }
}

fn name(signal: i32) -> &'static str {
    match signal {
        SIGTERM => "A request to stop (SIGTERM)",
        SIGHUP => "The terminal closing (SIGHUP)",
        SIGINT => "An interrupt (SIGINT)",
        _ => "A signal",
    }
}

/// Flags that the signal handlers raise; the event loop looks at them between events.
pub struct Signals {
    flags: Vec<(i32, Arc<AtomicBool>)>,
    ids: Vec<SigId>,
}

impl Signals {
    /// Catches SIGTERM, SIGHUP and SIGINT until this is dropped.
    pub fn catch() -> std::io::Result<Signals> {
        let mut signals = Signals {
            flags: Vec::new(),
            ids: Vec::new(),
        };
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            let flag = Arc::new(AtomicBool::new(false));
            signals
                .ids
                .push(signal_hook::flag::register(signal, Arc::clone(&flag))?);
            signals.flags.push((signal, flag));
        }
        Ok(signals)
    }

    /// The first signal that arrived since the last look, if any.
    pub fn take(&self) -> Option<i32> {
        self.flags
            .iter()
            .find(|(_, flag)| flag.swap(false, Ordering::SeqCst))
            .map(|(signal, _)| *signal)
    }

    /// Forgets an interrupt that came while another program (the editor) had the terminal:
    /// Ctrl-C there was meant for that program, not for mend.
    pub fn forget_interrupt(&self) {
        for (signal, flag) in &self.flags {
            if *signal == SIGINT {
                flag.store(false, Ordering::SeqCst);
            }
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

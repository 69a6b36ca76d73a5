//! Peak memory with a journal open: the release binary in a pseudo-terminal, taken to the home
//! screen and the journal list, then its peak resident size (`VmHWM`) read before it quits.

#[path = "../tests/kit/mod.rs"]
mod kit;

use kit::fixtures::{WHO_SCREEN, file_size, make, sandbox_with};
use kit::pty::{Session, proc_status_kib};
use mend::cli::DemoLength;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_secs(10);

fn main() {
    println!("peak memory (VmHWM) with the journal open, home screen and journal list shown");
    for (label, length) in [
        ("one week", DemoLength::Weeks(1)),
        ("one year", DemoLength::Years(1)),
        ("ten years", DemoLength::Years(10)),
    ] {
        let sandbox = sandbox_with(&make(length));
        let mut session = Session::spawn(sandbox.pty_command(&[]));
        let steps: [(&[u8], &[&str]); 3] = [
            (b"", &WHO_SCREEN),
            (b"\r", &["Tonight with Alex"]),
            (b"j", &["Journal · Alex"]),
        ];
        for (keys, texts) in steps {
            session.send(keys);
            if session.shown_after(texts, PATIENCE).is_none() {
                panic!(
                    "{texts:?} did not appear on the {label} journal; screen:\n{}",
                    session.screen()
                );
            }
        }
        let peak = session.pid().and_then(|pid| proc_status_kib(pid, "VmHWM"));
        session.kill_hard();
        let size = file_size(&sandbox);
        let Some(peak_kib) = peak else {
            println!("  {label}: peak memory cannot be read here (no /proc)");
            continue;
        };
        let ratio = (peak_kib * 1024) as f64 / size as f64;
        let verdict = if label == "ten years" {
            if ratio < 3.0 {
                "  target under 3x: met"
            } else {
                "  target under 3x: not met yet"
            }
        } else {
            ""
        };
        println!(
            "  {label:<9} file {:>6.1} MiB  peak {:>6.1} MiB  {ratio:.2}x the file{verdict}",
            size as f64 / (1024.0 * 1024.0),
            peak_kib as f64 / 1024.0,
        );
    }
}

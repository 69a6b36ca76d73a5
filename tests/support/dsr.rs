//! Cursor-position queries from the app (`CSI 6n`), counted so a pty harness can answer them.

/// Remembers Device Status Report requests (`CSI 6n`) so the harness can answer them.
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

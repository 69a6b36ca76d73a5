//! A slow breathing count: in for 4, hold for 4, out for 6, three times, one key at a time.

/// How many slow breaths make one round of the count.
pub const BREATHS: u8 = 3;

/// One part of a breath.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    #[default]
    In,
    Hold,
    Out,
}

impl Phase {
    /// All three, in order.
    pub const ALL: [Phase; 3] = [Phase::In, Phase::Hold, Phase::Out];

    /// How far to count in this part.
    pub fn count(self) -> u8 {
        match self {
            Phase::In | Phase::Hold => 4,
            Phase::Out => 6,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Phase::In => "Breathe in slowly",
            Phase::Hold => "Hold gently",
            Phase::Out => "Breathe out, slower still",
        }
    }
}

/// Where the count is: which breath, and which part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Breath {
    /// 1 to [`BREATHS`].
    pub breath: u8,
    pub phase: Phase,
    /// The three breaths were taken once; the count may go round again.
    pub rested: bool,
}

impl Default for Breath {
    fn default() -> Breath {
        Breath {
            breath: 1,
            phase: Phase::In,
            rested: false,
        }
    }
}

impl Breath {
    /// On to the next part of the breath; after the last breath, round again from the first.
    pub fn step(&mut self) {
        self.phase = match self.phase {
            Phase::In => Phase::Hold,
            Phase::Hold => Phase::Out,
            Phase::Out => {
                if self.breath >= BREATHS {
                    self.breath = 1;
                    self.rested = true;
                } else {
                    self.breath += 1;
                }
                Phase::In
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_breaths_then_round_again() {
        let mut breath = Breath::default();
        for _ in 0..8 {
            breath.step();
        }
        assert_eq!(
            (breath.breath, breath.phase, breath.rested),
            (3, Phase::Out, false)
        );
        breath.step();
        assert_eq!(
            (breath.breath, breath.phase, breath.rested),
            (1, Phase::In, true)
        );
    }
}

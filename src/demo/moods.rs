//! The demo couple's check-in ratings: a slow climb, with a harder week or two now and then.

use fastrand::Rng;

use crate::journal::{Rating, Role};

/// How many evenings it takes to cover about two thirds of the climb.
const CLIMB_EVENINGS: f64 = 150.0;

/// A stretch of harder evenings: the ratings drop at once, stay low for a few days, then
/// recover day by day.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Setback {
    start: u32,
    length: u32,
    depth: f64,
}

/// Where both partners' ratings stand on each evening of the demo.
#[derive(Debug, Clone, PartialEq)]
pub struct Moods {
    setbacks: Vec<Setback>,
}

impl Moods {
    /// Plans the setbacks for `evenings`: the first within the first twelve weeks (in their
    /// middle third), then one every three to six months.
    pub fn plan(evenings: u32, rng: &mut Rng) -> Moods {
        let first_window = evenings.min(84);
        let mut start = first_window / 3 + rng.u32(0..=first_window / 3);
        let mut setbacks = Vec::new();
        while start < evenings {
            setbacks.push(Setback {
                start,
                length: rng.u32(7..=14),
                depth: 2.5 + rng.f64(),
            });
            start += rng.u32(90..=180);
        }
        Moods { setbacks }
    }

    /// Whether evening `n` (counted from the first) falls in a harder stretch.
    pub fn in_setback(&self, n: u32) -> bool {
        self.drop_on(n) > 0.0
    }

    /// A partner's safety, trust and connection on evening `n`, with a little day-to-day noise.
    pub fn ratings(&self, role: Option<Role>, n: u32, rng: &mut Rng) -> [Rating; 3] {
        let climbed = 1.0 - (-f64::from(n) / CLIMB_EVENINGS).exp();
        let drop = self.drop_on(n);
        start_and_end(role).map(|(from, to)| {
            let noise = f64::from(rng.i8(-1..=1)) * 0.6;
            let level = from + (to - from) * climbed - drop + noise;
            Rating::saturating(level.round().clamp(0.0, 10.0) as u8)
        })
    }

    fn drop_on(&self, n: u32) -> f64 {
        self.setbacks
            .iter()
            .filter(|s| n >= s.start && n < s.start + s.length)
            .map(|s| {
                let left = f64::from(s.start + s.length - n);
                let recovering = f64::from(s.length) / 2.0;
                s.depth * (left / recovering).min(1.0)
            })
            .fold(0.0, f64::max)
    }
}

/// Safety, trust and connection at the start and after the climb, by role.
fn start_and_end(role: Option<Role>) -> [(f64, f64); 3] {
    match role {
        Some(Role::Hurt) => [(3.0, 8.0), (2.0, 7.5), (3.0, 8.0)],
        Some(Role::Repairing) => [(5.0, 8.0), (4.0, 8.0), (3.5, 8.0)],
        Some(Role::Both) | None => [(4.0, 8.0), (3.0, 7.5), (3.5, 8.0)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn average(moods: &Moods, role: Role, evenings: std::ops::Range<u32>) -> f64 {
        let mut rng = Rng::with_seed(1);
        let count = evenings.len() as f64;
        let total: u32 = evenings
            .flat_map(|n| moods.ratings(Some(role), n, &mut rng))
            .map(|r| u32::from(r.value()))
            .sum();
        f64::from(total) / count / 3.0
    }

    #[test]
    fn ratings_climb_slowly_over_twelve_weeks() {
        let moods = Moods { setbacks: vec![] };
        let first = average(&moods, Role::Hurt, 0..14);
        let last = average(&moods, Role::Hurt, 70..84);
        assert!(last > first + 1.0, "from {first:.1} to {last:.1}");
        assert!(last < 7.0, "too fast: {last:.1} after twelve weeks");
    }

    #[test]
    fn twelve_weeks_hold_one_setback_that_lowers_the_ratings() {
        let moods = Moods::plan(84, &mut Rng::with_seed(9));
        assert_eq!(moods.setbacks.len(), 1);
        let setback = moods.setbacks[0];
        assert!((7..=14).contains(&setback.length));
        let week = setback.start..setback.start + 7;
        let without = Moods { setbacks: vec![] };
        let calm = average(&without, Role::Hurt, week.clone());
        let hard = average(&moods, Role::Hurt, week);
        assert!(
            hard < calm - 0.8,
            "{hard:.1} in the setback, {calm:.1} without"
        );
    }

    #[test]
    fn ten_years_have_setbacks_spread_out() {
        let moods = Moods::plan(3650, &mut Rng::with_seed(2));
        assert!((20..=40).contains(&moods.setbacks.len()));
        assert!(
            moods
                .setbacks
                .windows(2)
                .all(|w| w[1].start - w[0].start >= 90)
        );
    }
}

//! Moments within one demo evening: from about eight until half past eleven (UTC), always later.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use fastrand::Rng;

/// One evening, handing out moments that only ever move forward (so no two records share one).
pub struct Evening {
    pub day: NaiveDate,
    last: DateTime<Utc>,
}

impl Evening {
    /// The evening of `day`, its first moment a little after 20:00.
    pub fn new(day: NaiveDate, rng: &mut Rng) -> Evening {
        let mut evening = Evening {
            day,
            last: Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN)),
        };
        evening.last = evening.at(20, 0) + Duration::seconds(rng.i64(0..1200));
        evening
    }

    /// A fixed time of this evening.
    pub fn at(&self, hour: u32, minute: u32) -> DateTime<Utc> {
        let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN);
        Utc.from_utc_datetime(&self.day.and_time(time))
    }

    /// The next moment: a few minutes on, or a few seconds on once it is past 23:30.
    pub fn next(&mut self, rng: &mut Rng) -> DateTime<Utc> {
        let step = if self.last < self.at(23, 30) {
            Duration::seconds(rng.i64(60..900))
        } else {
            Duration::seconds(rng.i64(1..10))
        };
        self.last += step;
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_move_forward_within_the_evening() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let mut rng = Rng::with_seed(4);
        let mut evening = Evening::new(day, &mut rng);
        let moments: Vec<_> = (0..12).map(|_| evening.next(&mut rng)).collect();
        assert!(moments.windows(2).all(|w| w[0] < w[1]));
        assert!(moments[0] >= evening.at(20, 0));
        assert!(moments.iter().all(|m| m.date_naive() == day));
    }
}

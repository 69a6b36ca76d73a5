//! Figures in plain, calm words: a rating's trend as a sentence, and weekly means as a sparkline.

use super::healing::RatingTrend;

/// A change smaller than this (either way) reads as "about the same".
///
/// Ratings are whole numbers from 0 to 10, so a quarter point is one evening in four
/// rated one step differently: too little to call a direction.
pub const ABOUT_THE_SAME: f64 = 0.25;

/// The eight bar heights of a sparkline, lowest first.
pub const SPARK_BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The mark a sparkline shows for a week without a check-in.
pub const SPARK_NO_DATA: char = '·';

impl RatingTrend {
    /// The change in plain words, like "trust up 0.8 from the last four weeks".
    pub fn describe(&self) -> String {
        describe_trend(self)
    }

    /// The change alone, like "up 0.8 from the last four weeks", for a line that already
    /// names the rating and shows this week's mean.
    pub fn change_in_words(&self) -> String {
        change_in_words(self)
    }

    /// This week's mean and the change in a few words, like "trust 6.5 (up 0.8)".
    pub fn describe_briefly(&self) -> String {
        describe_trend_briefly(self)
    }
}

/// A rating's week in words, like "trust up 0.8 from the last four weeks".
pub fn describe_trend(trend: &RatingTrend) -> String {
    let name = trend.name;
    let words = change_in_words(trend);
    match (trend.this_week, trend.last_four_weeks) {
        (None, _) => format!("{name}: no check-in yet this week"),
        (Some(now), None) if trend.checked_in_before => {
            format!("{name} {now:.1} this week, with {words}")
        }
        (Some(now), None) => format!("{name} {now:.1} this week, {words}"),
        (Some(_), Some(_)) => format!("{name} {words}"),
    }
}

/// How a rating moved this week against the four weeks before: decided once, then put into
/// long or brief words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Movement {
    NoCheckin,
    FirstWeek,
    NothingToCompare,
    AboutTheSame,
    Up(f64),
    Down(f64),
}

fn movement(trend: &RatingTrend) -> Movement {
    let Some(now) = trend.this_week else {
        return Movement::NoCheckin;
    };
    let Some(before) = trend.last_four_weeks else {
        return if trend.checked_in_before {
            Movement::NothingToCompare
        } else {
            Movement::FirstWeek
        };
    };
    let change = now - before;
    if change.abs() < ABOUT_THE_SAME {
        Movement::AboutTheSame
    } else if change > 0.0 {
        Movement::Up(change)
    } else {
        Movement::Down(change.abs())
    }
}

/// How a rating moved, without its name or this week's mean, like "up 0.8 from the last
/// four weeks", for a line that shows the name and the mean already.
pub fn change_in_words(trend: &RatingTrend) -> String {
    match movement(trend) {
        Movement::NoCheckin => "no check-in this week".to_owned(),
        Movement::NothingToCompare => "nothing from the four weeks before to compare".to_owned(),
        Movement::FirstWeek => "the first week with check-ins".to_owned(),
        Movement::AboutTheSame => "about the same as the last four weeks".to_owned(),
        Movement::Up(by) => format!("up {by:.1} from the last four weeks"),
        Movement::Down(by) => format!("down {by:.1} from the last four weeks"),
    }
}

/// One gentle line on a week's trends (both partners' ratings together): what moved, never
/// who is to blame.
pub fn describe_week(trends: &[RatingTrend]) -> &'static str {
    if trends.iter().all(|t| t.this_week.is_none()) {
        return "This was a week with no check-ins. The trend picks up again whenever you check in.";
    }
    let changes: Vec<f64> = trends.iter().filter_map(RatingTrend::change).collect();
    if changes.is_empty() {
        return "This week's check-ins start the trend; it will say more as the weeks go on.";
    }
    let rose = changes.iter().any(|c| *c >= ABOUT_THE_SAME);
    let dipped = changes.iter().any(|c| *c <= -ABOUT_THE_SAME);
    match (rose, dipped) {
        (false, false) => {
            "Safety, trust and connection felt much as they did over the four weeks before."
        }
        (true, false) => {
            "Some ratings rose against the four weeks before; it may help to talk about what made the difference."
        }
        (false, true) => {
            "Some ratings dipped against the four weeks before. Dips are part of repair; this may be a week to talk gently about what weighed on you."
        }
        (true, true) => {
            "Some ratings rose and some dipped against the four weeks before; both are worth talking about, with care and without blame."
        }
    }
}

/// A rating's week in a few words, for a line holding all three: "trust 6.5 (up 0.8)",
/// "safety 7.0 (about the same)", "connection 5.0 (first week)", or "trust –" with no check-in.
pub fn describe_trend_briefly(trend: &RatingTrend) -> String {
    let name = trend.name;
    let Some(now) = trend.this_week else {
        return format!("{name} –");
    };
    let how = match movement(trend) {
        Movement::NoCheckin => return format!("{name} –"),
        Movement::NothingToCompare => "nothing to compare".to_owned(),
        Movement::FirstWeek => "first week".to_owned(),
        Movement::AboutTheSame => "about the same".to_owned(),
        Movement::Up(by) => format!("up {by:.1}"),
        Movement::Down(by) => format!("down {by:.1}"),
    };
    format!("{name} {now:.1} ({how})")
}

/// Weekly means on the 0-10 scale as bars, one character a week.
///
/// A mean is rounded to the nearest of eight heights: 0 is the lowest bar, 10 the highest.
/// A week without a check-in shows `SPARK_NO_DATA`.
pub fn sparkline(means: impl IntoIterator<Item = Option<f64>>) -> String {
    means
        .into_iter()
        .map(|mean| match mean {
            Some(mean) => SPARK_BARS[bar_height(mean)],
            None => SPARK_NO_DATA,
        })
        .collect()
}

fn bar_height(mean: f64) -> usize {
    let top = SPARK_BARS.len() - 1;
    let scaled = (mean.clamp(0.0, 10.0) / 10.0 * top as f64).round();
    // `scaled` lies in 0..=top, so the conversion is exact.
    (scaled as usize).min(top)
}

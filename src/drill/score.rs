//! Scoring an estimate against the truth on a log scale, as the practice tools do.
//!
//! e = log10(estimate ÷ truth): signed for bias, its size for the score. Points = 100 · max(0,
//! 1 − |e|). An interval "lo..hi" (90% sure) gets the log-space interval score of Gneiting &
//! Raftery: width log10(hi/lo) plus (2/α) × how far outside the truth lies, in log10 units.

use serde::{Deserialize, Serialize};

/// How close a single estimate came.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// |e| ≤ 0.1: covers 86,400 ≈ 10^5 and 2^10 ≈ 10^3 rounding.
    OnTarget,
    /// |e| ≤ log10 2: at most 2× off.
    Within2x,
    /// |e| ≤ 0.5.
    Within3x,
    /// |e| ≤ 1.
    OrderOfMagnitude,
    Miss,
}

impl Band {
    pub fn of(e: f64) -> Band {
        match e.abs() {
            a if a <= 0.1 => Band::OnTarget,
            // Exactly 2× off (log10 2 = 0.30103) is within 2×, whatever the rounding.
            a if a <= std::f64::consts::LOG10_2 + 1e-9 => Band::Within2x,
            a if a <= 0.5 => Band::Within3x,
            a if a <= 1.0 => Band::OrderOfMagnitude,
            _ => Band::Miss,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Band::OnTarget => "on target",
            Band::Within2x => "within 2×",
            Band::Within3x => "within 3×",
            Band::OrderOfMagnitude => "right order of magnitude",
            Band::Miss => "a miss: more than 10× off",
        }
    }
}

/// The score of one number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// log10(estimate ÷ truth): positive is high.
    pub e: f64,
    pub band: Band,
    pub points: f64,
}

/// How far off an answer of 0 is from a truth that is not (or the other way), in dex: beyond any
/// reading, a miss.
pub const ZERO_MISS: f64 = 20.0;

/// Scores `estimate` against `truth` (both at least 0): 0 for 0 is exact; 0 for anything else,
/// or anything for 0, a miss of [`ZERO_MISS`].
pub fn score(estimate: f64, truth: f64) -> Score {
    let e = match (estimate == 0.0, truth == 0.0) {
        (true, true) => 0.0,
        (true, false) => -ZERO_MISS,
        (false, true) => ZERO_MISS,
        // A difference of logs, not the log of a ratio: 4e-320 ÷ 1e5 would round to 0, and e to
        // -inf.
        (false, false) => estimate.log10() - truth.log10(),
    };
    Score {
        e,
        band: Band::of(e),
        points: 100.0 * (1.0 - e.abs()).max(0.0),
    }
}

/// The score of a "lo..hi" interval stated with `confidence` (0.9 for 90%).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IntervalScore {
    /// log10(hi ÷ lo).
    pub width: f64,
    /// (2/α) × distance outside, in log10 units; 0 when the truth is inside.
    pub penalty: f64,
    /// width + penalty: lower is better.
    pub total: f64,
    pub hit: bool,
}

pub fn interval(lo: f64, hi: f64, truth: f64, confidence: f64) -> IntervalScore {
    let alpha = 1.0 - confidence;
    // Differences of logs, which no ratio of tiny and huge values rounds to 0 or infinity.
    let width = hi.log10() - lo.log10();
    let outside = if truth < lo {
        lo.log10() - truth.log10()
    } else if truth > hi {
        truth.log10() - hi.log10()
    } else {
        0.0
    };
    let penalty = 2.0 / alpha * outside;
    IntervalScore {
        width,
        penalty,
        total: width + penalty,
        hit: outside == 0.0,
    }
}

/// A big number in words: 1.2e10 → "12 billion"; None below a million.
pub fn in_words(x: f64) -> Option<String> {
    const NAMES: [(f64, &str); 5] = [
        (1e18, "quintillion"),
        (1e15, "quadrillion"),
        (1e12, "trillion"),
        (1e9, "billion"),
        (1e6, "million"),
    ];
    let (scale, name) = NAMES.iter().find(|(s, _)| x.abs() >= *s)?;
    Some(format!("{} {name}", crate::units::format::Sig(x / scale)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tiny_answer_against_a_huge_truth_has_a_finite_error() {
        // Found by the answer fuzz target: 4.012e-320 ÷ 2.87e18 rounds to 0, whose log is -inf.
        let s = score(4.012e-320, 2.87e18);
        assert!(s.e.is_finite() && s.e < -337.0, "{s:?}");
        assert_eq!(s.points, 0.0);
        let i = interval(4e-320, 5e-320, 2.87e18, 0.9);
        assert!(i.total.is_finite() && !i.hit, "{i:?}");
    }

    use super::*;

    #[test]
    fn single_estimates_by_hand() {
        // 5e4 against 1.157e5: e = log10(0.432) = −0.364 → within 3×; points 100 × 0.636 = 63.6.
        let s = score(5e4, 115_740.7);
        assert!((s.e - (-0.3644)).abs() < 1e-3, "{s:?}");
        assert_eq!(s.band, Band::Within3x);
        assert!((s.points - 63.56).abs() < 0.05, "{s:?}");
        // 10^5 for 86,400: e = log10(1.157) = 0.063 → on target.
        assert_eq!(score(1e5, 86_400.0).band, Band::OnTarget);
        // Exactly 2× high: e = log10 2 = 0.30103 → within 2×; 1.9× too; 2.01× → within 3×.
        assert_eq!(score(2.0, 1.0).band, Band::Within2x);
        assert_eq!(score(68_848.0, 34_424.0).band, Band::Within2x);
        assert_eq!(score(1.9, 1.0).band, Band::Within2x);
        assert_eq!(score(2.01, 1.0).band, Band::Within3x);
        // 0 for 0 is exact; 0 for 5, or 5 for 0, a miss of 20 dex.
        assert_eq!(score(0.0, 0.0).points, 100.0);
        assert_eq!(
            (score(0.0, 5.0).e, score(0.0, 5.0).points),
            (-ZERO_MISS, 0.0)
        );
        assert_eq!(score(5.0, 0.0).band, Band::Miss);
        // 20× low: e = −1.301 → a miss, 0 points.
        let s = score(1.0, 20.0);
        assert_eq!((s.band, s.points), (Band::Miss, 0.0));
        // exact: 100 points.
        assert_eq!(score(7.0, 7.0).points, 100.0);
    }

    #[test]
    fn interval_scores_by_hand() {
        // 50k..200k around 115,741: width log10(4) = 0.602, inside → total 0.602, a hit.
        let s = interval(5e4, 2e5, 115_740.7, 0.9);
        assert!(
            (s.width - 0.60206).abs() < 1e-5 && s.hit && s.penalty == 0.0,
            "{s:?}"
        );
        // 10k..50k misses 115,741 by log10(115,741/50,000) = 0.3645 dex; penalty 2/0.1 × 0.3645 = 7.29;
        // width log10(5) = 0.699 → total 7.99.
        let s = interval(1e4, 5e4, 115_740.7, 0.9);
        assert!(!s.hit);
        assert!((s.penalty - 7.290).abs() < 1e-3, "{s:?}");
        assert!((s.total - 7.989).abs() < 1e-3, "{s:?}");
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(in_words(1.2e10).as_deref(), Some("12 billion"));
        assert_eq!(in_words(3.5e6).as_deref(), Some("3.5 million"));
        assert_eq!(in_words(5.475e16).as_deref(), Some("54.8 quadrillion"));
        assert_eq!(in_words(999_999.0), None);
    }
}

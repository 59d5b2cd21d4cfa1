//! A quantity written as a range, `lo..hi`: a 90% interval, read as a lognormal whose p5 is `lo`
//! and whose p95 is `hi` when both are positive, and as a normal otherwise; a fraction strictly
//! between 0 and 1 at both ends is a logit-normal, so that no sample passes 100%.
//!
//! The interval knows its field's [`Kind`], so every value it gives (its median, a sample, its
//! ends) is one the field accepts: never below zero, a fraction never above 1, an integer whole
//! and at least 1.

use super::Kind;
use super::parse::{ParseError, parse};

/// The standard normal quantile of 0.95: a 90% interval spans ±1.6449 σ around its median.
pub const Z95: f64 = 1.644_853_626_951_472_2;

/// A 90% interval of a quantity, in the kind's base unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub kind: Kind,
}

/// How an interval spreads between and beyond its ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// ln x is normal: both ends positive.
    Lognormal,
    /// x is normal: the low end is 0.
    Normal,
    /// ln(x ÷ (1 − x)) is normal: a fraction with both ends strictly between 0 and 1.
    LogitNormal,
}

impl Shape {
    /// Its name in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Lognormal => "lognormal",
            Shape::Normal => "normal",
            Shape::LogitNormal => "logit-normal",
        }
    }
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Interval {
    pub fn shape(&self) -> Shape {
        match self.kind {
            Kind::Fraction if self.lo > 0.0 && self.hi < 1.0 => Shape::LogitNormal,
            _ if self.lo > 0.0 => Shape::Lognormal,
            _ => Shape::Normal,
        }
    }

    /// The distribution's centre and spread on its own scale: (ln median, log-σ) for a
    /// lognormal, (mean, σ) for a normal, (logit median, σ of the logit) for a logit-normal.
    pub fn params(&self) -> (f64, f64) {
        let (l, h) = match self.shape() {
            Shape::Lognormal => (self.lo.ln(), self.hi.ln()),
            Shape::Normal => (self.lo, self.hi),
            Shape::LogitNormal => (logit(self.lo), logit(self.hi)),
        };
        ((l + h) / 2.0, (h - l) / (2.0 * Z95))
    }

    /// The value at `z` standard deviations from the median (z = ±1.6449 gives the ends).
    pub fn at(&self, z: f64) -> f64 {
        let (centre, spread) = self.params();
        self.value_at(centre, spread, z)
    }

    /// [`Interval::at`] with [`Interval::params`] worked out once, for a sampler.
    #[inline]
    pub fn value_at(&self, centre: f64, spread: f64, z: f64) -> f64 {
        let y = centre + spread * z;
        let x = match self.shape() {
            Shape::Lognormal => y.exp(),
            Shape::Normal => y,
            Shape::LogitNormal => logistic(y),
        };
        self.fit(x)
    }

    /// The median: √(lo × hi) for a lognormal, (lo + hi) ÷ 2 for a normal, the logistic of the
    /// mean logit for a logit-normal.
    pub fn median(&self) -> f64 {
        if self.shape() == Shape::Lognormal {
            // √(lo × hi) taken directly is correctly rounded (500M..2B gives 1e9 exactly, where
            // exp of the mean log gives 999,999,999.9999993); past f64's range, each root apart.
            let product = self.lo * self.hi;
            let root = if product.is_normal() {
                product.sqrt()
            } else {
                self.lo.sqrt() * self.hi.sqrt()
            };
            return self.fit(root);
        }
        self.at(0.0)
    }

    /// `x` made a value the field accepts: at least 0, a fraction at most 1, an integer whole
    /// and at least 1; a value too large to represent is the largest that is.
    #[inline]
    pub fn fit(&self, x: f64) -> f64 {
        let x = if x.is_finite() { x.max(0.0) } else { f64::MAX };
        match self.kind {
            Kind::Fraction => x.min(1.0),
            Kind::Integer => x.round().max(1.0),
            _ => x,
        }
    }
}

/// Reads `text` as a range `lo..hi` of `kind`; `None` when it has no `..` (a plain value).
///
/// Both ends are read by [`parse`] as the field's kind; an empty end, a high end below the low
/// end, or an end of another kind is an error that says which end and what to write.
pub fn parse_range(text: &str, kind: Kind) -> Option<Result<Interval, ParseError>> {
    let (lo_text, hi_text) = text.trim().split_once("..")?;
    let (lo_text, hi_text) = (lo_text.trim(), hi_text.trim());
    let example = example(kind);
    let fail = |problem: String, hint: String| Some(Err(ParseError { problem, hint }));
    if lo_text.is_empty() || hi_text.is_empty() {
        let end = if lo_text.is_empty() { "low" } else { "high" };
        return fail(
            format!("the range \"{}\" has no {end} end", text.trim()),
            format!("write both ends of a 90% interval, low end first, such as \"{example}\""),
        );
    }
    if hi_text.starts_with('.') || hi_text.contains("..") {
        return fail(
            format!("\"{}\" is not a range", text.trim()),
            format!("write a range with two dots, such as \"{example}\""),
        );
    }
    let end = |t: &str, which: &str| {
        parse(t, kind).map_err(|e| ParseError {
            problem: format!("the {which} end of \"{}\": {}", text.trim(), e.problem),
            hint: e.hint,
        })
    };
    let lo = match end(lo_text, "low") {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let hi = match end(hi_text, "high") {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    if hi < lo {
        // "1KB..5": a bare high end is read in the base unit; the unit was meant for both.
        let unit = super::unit(lo_text).text.trim();
        let hint = if hi_text.parse::<f64>().is_ok() && !unit.is_empty() {
            format!("write the unit on both ends, such as \"{lo_text}..{hi_text} {unit}\"")
        } else {
            format!("write the low end first: \"{hi_text}..{lo_text}\"")
        };
        return fail(
            format!("the range \"{}\" runs from high to low", text.trim()),
            hint,
        );
    }
    Some(Ok(Interval { lo, hi, kind }))
}

/// A range of `kind` to show in a hint.
fn example(kind: Kind) -> &'static str {
    match kind {
        Kind::Count => "100M..400M",
        Kind::Integer => "128..512",
        Kind::Factor | Kind::Number => "1.5..3",
        Kind::Flop => "1e18..1e19",
        Kind::DeviceTime => "\"1k device-hours..10k device-hours\"",
        Kind::Fraction => "0.6..0.8",
        Kind::Size => "100 KB..300 KB",
        Kind::SizePerDay => "500 TB/day..1 PB/day",
        Kind::Duration => "30 ms..80 ms",
        Kind::Rate => "10k/s..50k/s",
        Kind::DataRate => "1 Gbps..10 Gbps",
        Kind::Money => "$1..$3",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str, kind: Kind) -> Interval {
        parse_range(text, kind).unwrap().unwrap()
    }

    fn error(text: &str, kind: Kind) -> ParseError {
        parse_range(text, kind).unwrap().unwrap_err()
    }

    #[test]
    fn reads_both_ends_in_the_fields_kind() {
        let r = range("100M..400M", Kind::Count);
        assert_eq!((r.lo, r.hi), (1e8, 4e8));
        // 30 ms = 0.03 s, 80 ms = 0.08 s.
        let r = range(" 30ms .. 80 ms ", Kind::Duration);
        assert_eq!((r.lo, r.hi), (0.03, 0.08));
        assert!(parse_range("400M", Kind::Count).is_none());
    }

    #[test]
    fn the_median_of_a_lognormal_is_the_geometric_mean() {
        // √(100M × 400M) = √(4e16) = 2e8 (e^((ln 1e8 + ln 4e8) ÷ 2), to the last bits).
        assert!((range("100M..400M", Kind::Count).median() / 2e8 - 1.0).abs() < 1e-15);
        // √(5e8 × 2e9) = √1e18 = 1e9, exactly.
        assert_eq!(range("500M..2B", Kind::Count).median(), 1e9);
        // √(1e200 × 1e300) = 1e250: the product overflows, the roots apart do not.
        let wide = range("1e200..1e300", Kind::Count).median();
        assert!((wide / 1e250 - 1.0).abs() < 1e-12, "{wide}");
        // A range from zero is a normal: (0 + 4) ÷ 2 = 2.
        assert_eq!(range("0..4", Kind::Count).median(), 2.0);
    }

    #[test]
    fn the_ends_are_the_5th_and_95th_percentiles() {
        let r = range("100M..400M", Kind::Count);
        // ln 1e8 = 18.4207, ln 4e8 = 19.8070: centre 19.1139, σ = 1.3863 ÷ 3.2897 = 0.42141.
        let (centre, sigma) = r.params();
        assert!((centre - 19.113_827).abs() < 1e-5, "{centre}");
        assert!((sigma - 0.421_410).abs() < 1e-5, "{sigma}");
        assert!((r.at(-Z95) - 1e8).abs() < 1.0);
        assert!((r.at(Z95) - 4e8).abs() < 1.0);
    }

    #[test]
    fn a_fraction_between_0_and_1_is_a_logit_normal_that_stays_below_1() {
        let f = range("70%..90%", Kind::Fraction);
        assert_eq!(f.shape(), Shape::LogitNormal);
        // logit 0.7 = ln(0.7 ÷ 0.3) = 0.84730, logit 0.9 = ln 9 = 2.19722: the median is the
        // logistic of their mean 1.52226, 1 ÷ (1 + e^−1.52226) = 0.82087.
        assert!((f.median() - 0.820_87).abs() < 1e-5, "{}", f.median());
        assert!((f.at(-Z95) - 0.7).abs() < 1e-12 && (f.at(Z95) - 0.9).abs() < 1e-12);
        // Five σ above: still below 1, where a lognormal would pass it (0.79 × e^(5 × 0.076)).
        assert!(f.at(5.0) < 1.0);
        // A range that reaches 100% is a lognormal held at 1.
        assert_eq!(range("0.6..1", Kind::Fraction).shape(), Shape::Lognormal);
    }

    #[test]
    fn values_stay_inside_the_fields_domain() {
        let f = range("0.6..1", Kind::Fraction);
        assert_eq!(f.at(10.0), 1.0);
        let n = range("0..2", Kind::Count);
        // A normal with mean 1 and σ = 2 ÷ 3.29 = 0.608: 3 σ below is −0.82, held at 0.
        assert_eq!(n.at(-3.0), 0.0);
        let i = range("128..512", Kind::Integer);
        // e^(ln 256 + 0.4214 × 0.5) = 256 × 1.2345 = 316.0 → 316.
        assert_eq!(i.at(0.5), 316.0);
    }

    #[test]
    fn bad_ranges_say_which_end_and_what_to_write() {
        let e = error("400M..100M", Kind::Count);
        assert!(e.problem.contains("high to low"), "{e}");
        assert!(e.hint.contains("100M..400M"), "{e}");
        let e = error("..400M", Kind::Count);
        assert!(e.problem.contains("no low end"), "{e}");
        let e = error("30ms..2GB", Kind::Duration);
        assert!(e.problem.contains("high end"), "{e}");
        let e = error("1...2", Kind::Count);
        assert!(e.problem.contains("not a range"), "{e}");
        let e = error("5..5..6", Kind::Count);
        assert!(e.problem.contains("not a range"), "{e}");
        // A bare high end is bytes: 5 B is below 1 KB, and the unit was meant for both ends.
        let e = error("1KB..5", Kind::Size);
        assert!(e.hint.contains("\"1KB..5 KB\""), "{e}");
        let e = error("0.5..1.5", Kind::Fraction);
        assert!(e.problem.contains("more than 1"), "{e}");
    }
}

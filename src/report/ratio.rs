//! A ratio between two values, as `compare` and the screen's delta column write it.

use crate::units::{Human, Kind};
use std::fmt;

/// A ratio as napkin writes it: "×3.0", "×0.5", "×1.04", "×12.5", "×1,230"; three significant
/// figures, and a decimal kept below 10 so that an unchanged value reads "×1.0".
pub struct Ratio(pub f64);

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A factor is written "3×": the number alone, then the sign in front.
        let factor = Human::new(self.0, Kind::Factor).to_string();
        let number = factor.trim_end_matches('×');
        let decimal = if self.0 < 10.0 && !number.contains('.') {
            ".0"
        } else {
            ""
        };
        write!(f, "×{number}{decimal}")
    }
}

#[cfg(test)]
mod tests {
    use super::Ratio;

    #[test]
    fn ratios_read_with_three_figures() {
        let r = |x: f64| Ratio(x).to_string();
        assert_eq!(r(3.0), "×3.0");
        assert_eq!(r(1.0), "×1.0");
        assert_eq!(r(0.5), "×0.5");
        assert_eq!(r(1.04), "×1.04");
        assert_eq!(r(12.5), "×12.5");
        assert_eq!(r(1234.0), "×1,230");
        assert_eq!(r(1.0 / 3.0), "×0.333");
    }
}

//! The interview rounding: one significant figure, or a half step below 3 (1, 1.5, 2, 2.5, 3).
//!
//! 115,741 → 100,000; 6,944 → 7,000; 1.3e9 → 1.5e9; 2.8e4 → 3e4. The napkin value of
//! seconds per day is the convention 10^5 and is written in the derivations that use it.

/// Rounds `x` the way a candidate would on a napkin.
pub fn napkin(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let sign = x.signum();
    let x = x.abs();
    let exponent = super::decimal::magnitude(x);
    let scale = super::decimal::pow10(exponent);
    let mantissa = x / scale;
    let rounded = if mantissa < 3.0 {
        (mantissa * 2.0).round() / 2.0
    } else {
        mantissa.round()
    };
    // Undo the float error of the scale (1.5 × 1e5 should be exactly 150,000).
    let value = rounded * scale;
    if exponent >= 1 {
        sign * value.round()
    } else {
        let decimals = super::decimal::pow10(1 - exponent);
        sign * (value * decimals).round() / decimals
    }
}

#[cfg(test)]
mod tests {
    use super::napkin;

    #[test]
    fn one_figure_or_a_half_step() {
        assert_eq!(napkin(115_740.7), 100_000.0);
        assert_eq!(napkin(6_944.4), 7_000.0);
        assert_eq!(napkin(3_472.2), 3_000.0);
        assert_eq!(napkin(1.3e9), 1.5e9);
        assert_eq!(napkin(2.8e4), 3e4);
        assert_eq!(napkin(2.2), 2.0);
        // Below 3 the half steps hold for single digits too: 2.31 → 2.5, 1.4 → 1.5.
        assert_eq!(napkin(2.31), 2.5);
        assert_eq!(napkin(1.4), 1.5);
        assert_eq!(napkin(13.0), 15.0);
        assert_eq!(napkin(9.6), 10.0);
        assert_eq!(napkin(0.634), 0.6);
        assert_eq!(napkin(1.024e12), 1e12);
        assert_eq!(napkin(0.0), 0.0);
    }
}

//! Decimal exponents and significant figures: what the formatting and the napkin rounding both
//! need to know about a number's size.

/// 10^-24 to 10^24: exact from 10^0 to 10^22, the nearest f64 elsewhere (as the literals are).
const POW10: [f64; 49] = [
    1e-24, 1e-23, 1e-22, 1e-21, 1e-20, 1e-19, 1e-18, 1e-17, 1e-16, 1e-15, 1e-14, 1e-13, 1e-12,
    1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4,
    1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22, 1e23, 1e24,
];

/// 10^k, from the table where it reaches (so 10^3 is exactly 1000).
pub fn pow10(k: i32) -> f64 {
    match usize::try_from(k + 24) {
        Ok(i) if i < POW10.len() => POW10[i],
        _ => 10f64.powi(k),
    }
}

/// The decimal exponent of a finite positive `a`: floor(log10(a)), exact at powers of ten.
pub fn magnitude(a: f64) -> i32 {
    if (POW10[0]..POW10[POW10.len() - 1]).contains(&a) {
        POW10.partition_point(|&p| p <= a) as i32 - 25
    } else {
        a.log10().floor() as i32
    }
}

/// Rounds to `digits` significant figures, at any size a float holds (subnormals included).
pub fn round_sig(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let m = magnitude(x.abs());
    if m < -290 {
        // 10^(digits − 1 − m) would overflow: round a copy moved up into the normal range.
        return round_sig(x * 1e300, digits) / 1e300;
    }
    let scale = pow10(digits - 1 - m);
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents_are_exact_at_powers_of_ten() {
        assert_eq!(magnitude(1000.0), 3);
        assert_eq!(magnitude(999.999), 2);
        assert_eq!(magnitude(0.001), -3);
        assert_eq!(magnitude(0.00099), -4);
        assert_eq!(magnitude(1e30), 30);
        assert_eq!(pow10(3), 1000.0);
    }

    #[test]
    fn significant_figures() {
        // 115,740.7 → 116,000; 0.0123456 → 0.0123; 999.7 → 1,000 (a new decade).
        assert_eq!(round_sig(115_740.7, 3), 116_000.0);
        assert_eq!(round_sig(0.0123456, 3), 0.0123);
        assert_eq!(round_sig(999.7, 3), 1000.0);
        assert_eq!(round_sig(-12.34, 3), -12.3);
        // The smallest subnormal is rounded, not turned into NaN.
        assert!(round_sig(5e-324, 3) > 0.0);
        assert_eq!(round_sig(1.234e-310, 3), 1.23e-310);
    }
}

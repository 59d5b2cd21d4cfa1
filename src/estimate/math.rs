//! The two pieces of mathematics the ML outputs need beyond arithmetic: the normal quantile (for
//! an experiment's α and power) and the generalised harmonic number (for a Zipf cache's hit
//! ratio), both without loops that grow with their inputs.

use statrs::distribution::{ContinuousCDF, Normal};

/// Φ⁻¹(p): the standard normal quantile, from `statrs` (a well-kept crate, accurate to about
/// 1e-15 over (0, 1)). `p` must be in (0, 1); the scenario's validation sees to that.
pub fn normal_quantile(p: f64) -> f64 {
    // Normal::standard() cannot fail; inverse_cdf is defined on (0, 1).
    Normal::standard().inverse_cdf(p)
}

/// Terms summed exactly before the Euler–Maclaurin tail takes over.
const EXACT_TERMS: f64 = 16.0;

/// H(n, s) = Σ_{i=1}^{n} i^(−s), the generalised harmonic number, for a real `n` ≥ 1 (whole in
/// use) and `s` ≥ 0. See [`Zipf::harmonic`]; several numbers of one `s` share a [`Zipf`].
pub fn harmonic(n: f64, s: f64) -> f64 {
    Zipf::new(s).harmonic(n)
}

/// Zipf popularity of exponent `s`, with the terms i^(−s) for i = 1..=16 worked out once for the
/// harmonic numbers of any `n`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zipf {
    s: f64,
    terms: [f64; EXACT_TERMS as usize],
}

impl Zipf {
    pub fn new(s: f64) -> Zipf {
        // From the primes' powers: six exponentials instead of sixteen powers, for this runs in
        // every Monte Carlo sample of a scenario with a cache.
        let p = |prime: f64| (-s * prime.ln()).exp();
        let (p2, p3, p5, p7, p11, p13) = (p(2.0), p(3.0), p(5.0), p(7.0), p(11.0), p(13.0));
        let terms = [
            1.0,
            p2,
            p3,
            p2 * p2,
            p5,
            p2 * p3,
            p7,
            p2 * p2 * p2,
            p3 * p3,
            p2 * p5,
            p11,
            p2 * p2 * p3,
            p13,
            p2 * p7,
            p3 * p5,
            p2 * p2 * p2 * p2,
        ];
        Zipf { s, terms }
    }

    /// H(n, s) = Σ_{i=1}^{n} i^(−s).
    ///
    /// The first fifteen terms are summed; the rest, from m = 16 to n, by Euler–Maclaurin:
    /// ∫_m^n x^(−s) dx + (f(m) + f(n))/2 + Σ_k B₂ₖ/(2k)! (f⁽²ᵏ⁻¹⁾(n) − f⁽²ᵏ⁻¹⁾(m)) with
    /// f(x) = x^(−s), to k = 3. The remainder is below f⁽⁷⁾(m) ÷ 5,000 ≈ 1e-12 at s = 1, so the
    /// result is exact to about twelve digits whatever `n` is (10^12 costs what 10^3 costs).
    pub fn harmonic(&self, n: f64) -> f64 {
        let (s, terms) = (self.s, &self.terms);
        let n = n.floor();
        if n <= EXACT_TERMS {
            return terms[..n.max(0.0) as usize].iter().sum();
        }
        let m = EXACT_TERMS;
        // Σ_{i=1}^{m−1}: the terms before the tail, which starts at m itself.
        let head: f64 = terms[..m as usize - 1].iter().sum();
        // Every power of m and n below is f(m) = m^(−s) or f(n) = n^(−s) times a whole power.
        let (fm, fn_) = (terms[m as usize - 1], n.powf(-s));
        let integral = if (s - 1.0).abs() < 1e-12 {
            (n / m).ln()
        } else {
            (n * fn_ - m * fm) / (1.0 - s)
        };
        let ends = (fm + fn_) / 2.0;
        // f'(x) = −s x^(−s−1); f'''(x) = −s(s+1)(s+2) x^(−s−3); f⁽⁵⁾(x) = −s(s+1)…(s+4) x^(−s−5).
        // B₂ = 1/6, B₄ = −1/30, B₆ = 1/42; divided by 2!, 4!, 6!.
        let d1 = |x: f64, fx: f64| -s * fx / x;
        let d3 = |x: f64, fx: f64| -s * (s + 1.0) * (s + 2.0) * fx / x.powi(3);
        let d5 =
            |x: f64, fx: f64| -s * (s + 1.0) * (s + 2.0) * (s + 3.0) * (s + 4.0) * fx / x.powi(5);
        let corrections = (d1(n, fn_) - d1(m, fm)) / 12.0 - (d3(n, fn_) - d3(m, fm)) / 720.0
            + (d5(n, fn_) - d5(m, fm)) / 30_240.0;
        head + integral + ends + corrections
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(n: u64, s: f64) -> f64 {
        (1..=n).map(|i| (i as f64).powf(-s)).sum()
    }

    #[test]
    fn the_quantiles_an_experiment_needs_match_the_published_values() {
        // z for α = 0.05 two-sided is Φ⁻¹(0.975) = 1.959964; for power 0.8, Φ⁻¹(0.8) = 0.841621
        // (tables of the normal distribution; also Python's statistics.NormalDist).
        assert!((normal_quantile(0.975) - 1.959_964).abs() < 1e-6);
        assert!((normal_quantile(0.8) - 0.841_621).abs() < 1e-6);
        // Φ⁻¹(0.5) = 0 and the quantile is odd about it.
        assert!(normal_quantile(0.5).abs() < 1e-12);
        assert!((normal_quantile(0.025) + 1.959_964).abs() < 1e-6);
    }

    #[test]
    fn the_harmonic_number_matches_the_exact_sum_for_small_n() {
        // H(1) = 1; H(4, 1) = 1 + 1/2 + 1/3 + 1/4 = 25/12.
        assert_eq!(harmonic(1.0, 1.0), 1.0);
        assert!((harmonic(4.0, 1.0) - 25.0 / 12.0).abs() < 1e-15);
        for s in [0.0, 0.5, 0.8, 1.0, 1.2, 2.0] {
            for n in [10_u64, 16, 17, 20, 100, 1_000, 54_321] {
                let (got, want) = (harmonic(n as f64, s), exact(n, s));
                assert!(
                    ((got - want) / want).abs() < 1e-11,
                    "H({n}, {s}) = {got}, exact {want}"
                );
            }
        }
    }

    #[test]
    fn the_harmonic_number_at_ten_million_matches_reference_values() {
        // H(10^7, 1) = ln(10^7) + γ + 1/(2·10^7) − 1/(12·10^14) = 16.118095650958319…
        // (ln 10^7 = 16.11809565095832; γ = 0.5772156649015329).
        let h = harmonic(1e7, 1.0);
        let reference = 16.118_095_650_958_32 + 0.577_215_664_901_532_9 + 5e-8;
        assert!((h - reference).abs() < 1e-9, "{h} vs {reference}");
        // H(10^7, 2) = π²/6 − 1/10^7 + 1/(2·10^14) = 1.644933966…: ζ(2) minus the tail ∫ x⁻² dx.
        let zeta2 = std::f64::consts::PI.powi(2) / 6.0;
        assert!((harmonic(1e7, 2.0) - (zeta2 - 1e-7 + 5e-15)).abs() < 1e-12);
    }

    #[test]
    fn a_cache_of_the_top_hundred_thousand_of_ten_million_hits_72_percent_at_s_1() {
        // Breslau et al.'s independent-reference model: hit = H(k, s) ÷ H(N, s).
        // H(10^5, 1) = ln 10^5 + γ + 1/(2·10^5) = 11.512925 + 0.577216 + 0.000005 = 12.090146;
        // H(10^7, 1) = 16.695311; 12.090146 ÷ 16.695311 = 0.724164.
        let hit = harmonic(1e5, 1.0) / harmonic(1e7, 1.0);
        assert!((hit - 0.724_164).abs() < 1e-6, "{hit}");
    }

    #[test]
    fn a_trillion_costs_no_more_than_a_thousand() {
        // Finite and monotone at the far end: H(10^12, 1) ≈ ln 10^12 + γ = 27.631021 + 0.577216.
        let h = harmonic(1e12, 1.0);
        assert!((h - 28.208_236_7).abs() < 1e-6, "{h}");
        assert!(harmonic(1e12, 0.8) > harmonic(1e11, 0.8));
    }
}

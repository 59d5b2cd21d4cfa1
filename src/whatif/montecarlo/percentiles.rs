//! Nearest-rank percentiles of one output's samples.

/// The 5th, 50th and 95th nearest-rank percentiles of `values` (reordered in place).
pub fn percentiles(values: &mut [f64]) -> (f64, f64, f64) {
    let n = values.len();
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    // An output no range reaches is the same in every sample.
    let first = values[0];
    if values.iter().all(|&v| v == first) {
        return (first, first, first);
    }
    // The ⌈p·N⌉-th smallest, counted from 1.
    let rank = |p: f64| ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
    let (i5, i50, i95) = (rank(0.05), rank(0.50), rank(0.95));
    let (below, &mut p50, above) = values.select_nth_unstable_by(i50, f64::total_cmp);
    let p5 = if i5 < i50 {
        *below.select_nth_unstable_by(i5, f64::total_cmp).1
    } else {
        p50
    };
    let p95 = if i95 > i50 {
        *above
            .select_nth_unstable_by(i95 - i50 - 1, f64::total_cmp)
            .1
    } else {
        p50
    };
    (p5, p50, p95)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank_samples() {
        // 1..=100 shuffled: the ⌈5⌉-th is 5, the ⌈50⌉-th 50, the ⌈95⌉-th 95.
        let mut v: Vec<f64> = (1..=100).map(|i| ((i * 37) % 100 + 1) as f64).collect();
        assert_eq!(percentiles(&mut v), (5.0, 50.0, 95.0));
        // Ten values: ⌈0.5⌉ = 1st, ⌈5⌉ = 5th, ⌈9.5⌉ = 10th.
        let mut v: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        assert_eq!(percentiles(&mut v), (1.0, 5.0, 10.0));
        assert_eq!(percentiles(&mut [7.0]), (7.0, 7.0, 7.0));
    }
}

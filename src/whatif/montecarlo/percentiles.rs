//! Nearest-rank percentiles of the outputs' samples, and the ways a run finds them without
//! selecting: an output that is another times a factor has its percentiles times the factor (a
//! copy: times 1), and an output that moves with one range alone, in one direction, has its
//! percentiles at the samples where that range's draw has its own (checked by counting, so that
//! the numbers are those a selection gives).

/// The ranks, counted from 0, of the 5th, 50th and 95th nearest-rank percentiles of `n`
/// samples: the ⌈p·n⌉-th smallest.
pub fn ranks(n: usize) -> [usize; 3] {
    [0.05, 0.50, 0.95].map(|p: f64| ((p * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1)
}

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
    let [i5, i50, i95] = ranks(n);
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

/// The factor `c` > 0 that makes `b` `a` times `c`, sample for sample and to the bit, if there
/// is one (1 for a copy): then the percentiles of `b` are those of `a` times `c`, since rounding
/// a product keeps the order of its factors (ties included). A fleet's devices are its
/// replicas times the devices a replica, its cost a day its devices times a price.
pub fn multiple(b: &[f64], a: &[f64]) -> Option<f64> {
    let times = |c: f64| {
        let product = |(&x, &y): (&f64, &f64)| (x * c).to_bits() == y.to_bits();
        c > 0.0 && c.is_finite() && a.iter().zip(b).all(product)
    };
    // The factor is a sample's quotient, which rounding can leave a unit in the last place off:
    // the quotients of the first few samples, and the whole numbers nearest them.
    let quotients = a
        .iter()
        .zip(b)
        .filter(|(x, _)| **x != 0.0)
        .map(|(x, y)| y / x);
    quotients
        .take(3)
        .flat_map(|q| [q, q.round()])
        .find(|&c| times(c))
}

/// Where one range's draws have the percentiles' ranks, and the ranks mirrored: the samples
/// where an output that rises with the range alone has its percentiles, and where one that
/// falls with it has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Order {
    pub rising: [usize; 3],
    pub falling: [usize; 3],
}

impl Order {
    /// The order of `z`, one range's draws (each a different number, as draws from a
    /// continuous distribution are).
    pub fn of(z: &[f64], scratch: &mut Vec<(f64, usize)>) -> Order {
        let n = z.len();
        let ranks = ranks(n);
        scratch.clear();
        scratch.extend(z.iter().copied().zip(0..));
        let mut at = |rank: usize| {
            scratch
                .select_nth_unstable_by(rank, |a, b| a.0.total_cmp(&b.0))
                .1
                .1
        };
        Order {
            rising: ranks.map(&mut at),
            falling: ranks.map(|k| at(n - 1 - k)),
        }
    }

    /// The percentiles of `values` read at these samples, when counting shows they are the
    /// percentiles (`values` must hold no NaN; the columns of a run are finite).
    pub fn percentiles(&self, values: &[f64]) -> Option<(f64, f64, f64)> {
        let at = |samples: [usize; 3]| samples.map(|i| values.get(i).copied());
        let [Some(lo), _, Some(hi)] = at(self.rising) else {
            return None;
        };
        let samples = if lo <= hi { self.rising } else { self.falling };
        let [Some(p5), Some(p50), Some(p95)] = at(samples) else {
            return None;
        };
        let want = [p5, p50, p95];
        ranked(values, want, ranks(values.len())).then_some((p5, p50, p95))
    }
}

/// Whether each `want[j]` is the `ranks[j]`-th smallest of `values`: fewer than `ranks[j] + 1`
/// values below it and more than `ranks[j]` at most it. The comparisons are numeric, which
/// order finite numbers as [`f64::total_cmp`] does except 0 against −0: a wanted 0 is not
/// counted (the caller selects instead).
fn ranked(values: &[f64], want: [f64; 3], ranks: [usize; 3]) -> bool {
    if want.iter().any(|&c| c == 0.0 || !c.is_finite()) {
        return false;
    }
    let (mut below, mut at_most) = ([0_usize; 3], [0_usize; 3]);
    for &x in values {
        for j in 0..3 {
            below[j] += usize::from(x < want[j]);
            at_most[j] += usize::from(x <= want[j]);
        }
    }
    (0..3).all(|j| below[j] <= ranks[j] && ranks[j] < at_most[j])
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
        // 10,000 samples: the 500th, 5,000th and 9,500th, counted from 1.
        assert_eq!(ranks(10_000), [499, 4_999, 9_499]);
        assert_eq!(ranks(1), [0, 0, 0]);
    }

    /// 1,000 draws, a different number each: i × 0.618… taken modulo 1, around 0.
    fn draws() -> Vec<f64> {
        (0..1_000)
            .map(|i| (f64::from(i) * 0.618_033_988_75).fract() - 0.5)
            .collect()
    }

    fn selected(v: &[f64]) -> (f64, f64, f64) {
        percentiles(&mut v.to_vec())
    }

    #[test]
    fn an_output_moving_with_one_range_has_its_percentiles_where_the_draws_have_theirs() {
        let z = draws();
        let order = Order::of(&z, &mut Vec::new());
        // Rising (with whole-number steps, so with ties), and falling.
        let rising: Vec<f64> = z.iter().map(|z| (100.0 * z.exp()).ceil()).collect();
        assert_eq!(order.percentiles(&rising), Some(selected(&rising)));
        let falling: Vec<f64> = z.iter().map(|z| 3.0 - z).collect();
        assert_eq!(order.percentiles(&falling), Some(selected(&falling)));
        // The samples are those of the draws' ranks: the 50th, 500th and 950th of 1,000.
        let mut sorted = z.clone();
        sorted.sort_by(f64::total_cmp);
        assert_eq!(
            order.rising.map(|i| z[i]),
            [49, 499, 949].map(|k| sorted[k])
        );
        assert_eq!(
            order.falling.map(|i| z[i]),
            [950, 500, 50].map(|k| sorted[k])
        );
    }

    #[test]
    fn an_output_times_a_factor_has_its_percentiles_times_the_factor() {
        // 0.1, 0.2, …, 100.0 in a shuffled order (tenths are inexact in binary), and 24 times
        // each: the 50th, 500th and 950th of 1,000 are 5.0, 50.0 and 95.0, times 24.
        let a: Vec<f64> = (1..=1_000)
            .map(|i| f64::from((i * 37) % 1_000 + 1) / 10.0)
            .collect();
        let b: Vec<f64> = a.iter().map(|x| x * 24.0).collect();
        assert_eq!(multiple(&b, &a), Some(24.0));
        let (p5, p50, p95) = selected(&a);
        assert_eq!(selected(&b), (p5 * 24.0, p50 * 24.0, p95 * 24.0));
        assert_eq!(selected(&b), (120.0, 1_200.0, 2_280.0));
        // A copy is a multiple by 1.
        assert_eq!(multiple(&a, &a), Some(1.0));
        // Not a multiple: one sample off, another plus 1, a negative factor, nothing but 0.
        let mut off = b.clone();
        off[999] = f64::from_bits(off[999].to_bits() + 1);
        assert_eq!(multiple(&off, &a), None);
        let plus: Vec<f64> = a.iter().map(|x| x + 1.0).collect();
        assert_eq!(multiple(&plus, &a), None);
        let negative: Vec<f64> = a.iter().map(|x| -x).collect();
        assert_eq!(multiple(&negative, &a), None);
        assert_eq!(multiple(&b, &[0.0; 1_000]), None);
    }

    #[test]
    fn an_output_that_does_not_move_with_the_range_alone_is_selected() {
        let z = draws();
        let order = Order::of(&z, &mut Vec::new());
        // Up and then down: the samples at the draws' ranks are not its percentiles.
        let hump: Vec<f64> = z.iter().map(|z| 1.0 - z * z).collect();
        assert_eq!(order.percentiles(&hump), None);
        // Moving with another range as well: the draws in another order.
        let other: Vec<f64> = z.iter().rev().zip(&z).map(|(a, b)| a + b + 2.0).collect();
        assert_eq!(order.percentiles(&other), None);
        // A percentile at 0 is not counted (0 and −0 compare equal): the draws less their
        // median, 0 at the median's sample.
        let median = z[order.rising[1]];
        let through_zero: Vec<f64> = z.iter().map(|z| z - median).collect();
        assert_eq!(selected(&through_zero).1, 0.0);
        assert_eq!(order.percentiles(&through_zero), None);
    }
}

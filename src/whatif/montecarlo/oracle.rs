//! The Monte Carlo done the plain way, for tests: each sample drawn and set in turn (through a
//! [`Value`], as a file or `--set` sets it), the whole estimate worked out for it, every output
//! kept. What a run computes in part, in columns and on several threads must be exactly this.

use super::{Options, SampleError, Spread, Swing, Uncertainty, percentiles};
use crate::estimate::{self, Estimate, Givens, OutputId, Values};
use crate::scenario::Scenario;
use crate::scenario::overrides;
use crate::scenario::schema::Value;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

/// Every output of `s` by the whole estimate, in the order of `ids`, the medians' (an output the
/// scenario does not give is 0).
pub fn whole(s: &Scenario, givens: &Givens, ids: &[OutputId]) -> Vec<f64> {
    let (mut values, mut sections) = (Vec::new(), Vec::new());
    let mut t = Values {
        values: &mut values,
        sections: Some(&mut sections),
        givens,
    };
    estimate::run(s, &mut Estimate::default(), &mut t);
    if sections.iter().eq(ids.iter().map(|id| &id.section)) {
        return values;
    }
    let (_, outputs) = estimate::explain_given(s, givens);
    let value = |id: &OutputId| {
        outputs
            .iter()
            .find(|o| o.id == *id)
            .map_or(0.0, |o| o.value)
    };
    ids.iter().map(value).collect()
}

/// The first output of `row` that is not a finite number.
fn broken(row: &[f64]) -> Option<usize> {
    row.iter().position(|v| !v.is_finite())
}

/// The run of `s`'s ranges, sample by sample over the whole estimate.
pub fn run(s: &Scenario, options: Options) -> Result<Uncertainty, SampleError> {
    let targets: Vec<_> = s
        .ranges
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, overrides::resolve(s, &r.path)?, r.interval)))
        .collect();
    let ids: Vec<OutputId> = estimate::explain(s).1.into_iter().map(|o| o.id).collect();
    let n = options.samples;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut trial = s.clone();
    let mut columns = vec![Vec::with_capacity(n); ids.len()];
    for _ in 0..n {
        let mut z = Vec::new();
        for &(_, at, interval) in &targets {
            z.push(StandardNormal.sample(&mut rng));
            at.set(&mut trial, Value::Num(interval.at(*z.last().unwrap())));
        }
        let row = whole(&trial, &[], &ids);
        if let Some(output) = broken(&row) {
            let (t, z) = targets
                .iter()
                .zip(z)
                .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
                .unwrap();
            return Err(SampleError {
                output,
                input: Some(s.ranges[t.0].path.clone()),
                value: t.2.at(z),
            });
        }
        for (column, v) in columns.iter_mut().zip(row) {
            column.push(v);
        }
    }
    let mut spreads: Vec<Spread> = columns
        .iter_mut()
        .map(|c| {
            let (p5, p50, p95) = percentiles(c);
            Spread {
                p5,
                p50,
                p95,
                sensitivity: Vec::new(),
            }
        })
        .collect();
    for &(index, at, interval) in &targets {
        let end = |x: f64| {
            let mut trial = s.clone();
            at.set(&mut trial, Value::Num(interval.fit(x)));
            whole(&trial, &[], &ids)
        };
        let (low, high) = (end(interval.lo), end(interval.hi));
        for (j, spread) in spreads.iter_mut().enumerate() {
            spread.sensitivity.push(Swing {
                input: index,
                low: low[j],
                high: high[j],
            });
        }
    }
    for spread in &mut spreads {
        spread
            .sensitivity
            .sort_by(|a, b| b.width().total_cmp(&a.width()));
    }
    Ok(Uncertainty { options, spreads })
}

//! Ranged inputs carried through joint samples to percentiles, and what drives each output.
//!
//! Each input written `lo..hi` is a 90% interval ([`Interval`]). A run draws `samples` joint
//! samples, one standard normal per range per sample from a ChaCha8 generator seeded with `seed`
//! (the same seed gives the same numbers on every machine), sets each ranged field, and runs the
//! whole estimate: outputs that are whole numbers per sample (servers, shards) stay whole, and
//! every ceiling and maximum is applied per sample, which multiplying the ends of the ranges
//! (interval arithmetic) gets wrong. Percentiles are nearest-rank: the p-th of N sorted samples
//! is the ⌈p·N⌉-th, always one of the samples.
//!
//! The sensitivity of an output to one range is the output with that input at its p5 and at its
//! p95 and every other range at its median: a one-at-a-time swing, the bars of a tornado chart.

use crate::estimate::{self, Estimate, Givens, In, Line, Out, OutputId, Section, Trace, Values};
use crate::scenario::overrides::{self, InputRef};
use crate::scenario::{InputPath, Scenario};
use crate::units::Interval;
use crate::units::Kind;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use std::fmt;

/// Joint samples drawn when not told otherwise.
pub const DEFAULT_SAMPLES: usize = 10_000;
/// The seed used when not told otherwise, so the same scenario prints the same percentiles.
pub const DEFAULT_SEED: u64 = 2026;
/// The most samples a run takes (about 1.5 GB of outputs at 60 outputs a sample would be far
/// past what percentiles need).
pub const MAX_SAMPLES: usize = 1_000_000;

/// How many samples to draw, and from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub samples: usize,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            samples: DEFAULT_SAMPLES,
            seed: DEFAULT_SEED,
        }
    }
}

/// One output's value with one range at an end and every other range at its median.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    /// The range's index in [`Scenario::ranges`].
    pub input: usize,
    /// The output with the input at its low end (p5).
    pub low: f64,
    /// The output with the input at its high end (p95).
    pub high: f64,
}

impl Swing {
    /// How far the output moves across the input's interval.
    pub fn width(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// One output's percentiles over the samples, and its swings, widest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub sensitivity: Vec<Swing>,
}

/// What a run found: one [`Spread`] per output, in the order the estimate computes them (the
/// order of [`estimate::values_into`] and of [`estimate::explain`] before sorting).
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    pub options: Options,
    pub spreads: Vec<Spread>,
}

/// A sample gave an output that is not a finite number: the ranges reach values too large to
/// compute with.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleError {
    /// The output's position in the estimate's order.
    pub output: usize,
    /// The ranged input whose value was farthest from its median, in σ, in that sample.
    pub input: Option<InputPath>,
    /// That input's value in the sample, in its base unit.
    pub value: f64,
}

/// The buffers a run reuses: one per screen or per command, so that a run allocates nothing per
/// sample and, once warm, nothing per run beyond its result.
#[derive(Default)]
pub struct MonteCarlo {
    scenario: Scenario,
    estimate: Estimate,
    row: Vec<f64>,
    /// The section of each output at the medians, and of each output of the sample at hand: a
    /// sample whose outputs differ is read by id (see [`Keyed`]).
    layout: Vec<Section>,
    sections: Vec<Section>,
    /// The outputs' ids in the order computed at the medians, worked out the first time a
    /// sample needs them.
    ids: Vec<OutputId>,
    /// Output-major: output j's samples at `j * samples ..`, each column sorted in place.
    table: Vec<f64>,
    /// Values given for outputs, held in every sample.
    givens: Vec<(OutputId, f64)>,
    targets: Vec<Target>,
    z: Vec<f64>,
}

/// Puts each output's value where its id stands among the medians' outputs: the path for a
/// sample whose outputs are not the medians' (a stage's "in flight" is given only when its
/// latency is above 0). An output the sample does not give stays 0: nothing in flight.
struct Keyed<'a> {
    ids: &'a [OutputId],
    givens: &'a Givens,
    values: &'a mut [f64],
    /// The first output, by its place among the ids, that came out NaN or infinite.
    bad: Option<usize>,
}

impl Trace for Keyed<'_> {
    fn step(&mut self, _: f64, _: Kind, _: impl FnOnce(&mut Line)) {}
    fn uses(&mut self, _: In<'_>) {}
    fn reads(&mut self, _: Out<'_>) {}
    fn repeat(&mut self, _: Out<'_>) {}
    fn output(&mut self, id: Out<'_>, _: fmt::Arguments<'_>, _: Kind, value: f64) -> f64 {
        let value = self
            .givens
            .iter()
            .find(|(g, _)| id.is(g))
            .map_or(value, |&(_, v)| v);
        if let Some(j) = self.ids.iter().position(|known| id.is(known)) {
            self.values[j] = value;
            if !value.is_finite() && self.bad.is_none() {
                self.bad = Some(j);
            }
        }
        value
    }
}

/// A ranged input made ready to sample.
#[derive(Clone, Copy, Debug)]
struct Target {
    /// Its index in [`Scenario::ranges`].
    index: usize,
    at: InputRef,
    interval: Interval,
    centre: f64,
    spread: f64,
}

impl MonteCarlo {
    /// Samples the ranges of `s`; `None` when it has none. `s` is left as it was.
    pub fn run(
        &mut self,
        s: &Scenario,
        options: Options,
    ) -> Option<Result<Uncertainty, SampleError>> {
        self.run_given(s, options, &[])
    }

    /// [`MonteCarlo::run`] with values given for outputs, the same in every sample.
    pub fn run_given(
        &mut self,
        s: &Scenario,
        options: Options,
        givens: &Givens,
    ) -> Option<Result<Uncertainty, SampleError>> {
        if s.ranges.is_empty() {
            return None;
        }
        if self.givens != givens {
            self.givens = givens.to_vec();
            // The outputs' ids are read again for the new givens.
            self.ids.clear();
        }
        Some(self.sample(s, options))
    }

    fn sample(&mut self, s: &Scenario, options: Options) -> Result<Uncertainty, SampleError> {
        self.scenario.clone_from(s);
        self.targets.clear();
        for (index, r) in s.ranges.iter().enumerate() {
            // A range is recorded only on a field the scenario has, so it resolves; one that
            // does not (a section removed since) is left at its value.
            if let Some(at) = overrides::resolve(s, &r.path) {
                let (centre, spread) = r.interval.params();
                self.targets.push(Target {
                    index,
                    at,
                    interval: r.interval,
                    centre,
                    spread,
                });
            }
        }

        // The outputs at every median are the columns; most samples give the same ones.
        self.ids.clear();
        self.layout.clear();
        estimate::run(
            &self.scenario,
            &mut self.estimate,
            &mut Values {
                values: &mut self.row,
                sections: Some(&mut self.layout),
                givens: &self.givens,
            },
        );
        let width = self.row.len();
        let n = options.samples.clamp(1, MAX_SAMPLES);
        // Every cell is written below: only a table of another size is resized.
        self.table.resize(n * width, 0.0);
        let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
        self.z.resize(self.targets.len(), 0.0);
        for i in 0..n {
            for (t, z) in self.targets.iter().zip(self.z.iter_mut()) {
                *z = StandardNormal.sample(&mut rng);
                let x = t.interval.value_at(t.centre, t.spread, *z);
                t.at.set_number(&mut self.scenario, x);
            }
            if let Err(bad) = self.evaluate(s) {
                return Err(self.blame(s, bad));
            }
            for (cell, &v) in self.table[i..].iter_mut().step_by(n).zip(&self.row) {
                *cell = v;
            }
        }

        let mut spreads = Vec::with_capacity(width);
        for column in self.table.chunks_exact_mut(n) {
            let (p5, p50, p95) = percentiles(column);
            spreads.push(Spread {
                p5,
                p50,
                p95,
                sensitivity: Vec::with_capacity(self.targets.len()),
            });
        }
        self.swings(s, &mut spreads)?;
        Ok(Uncertainty {
            options: Options {
                samples: n,
                ..options
            },
            spreads,
        })
    }

    /// The outputs of the scenario as it stands into `self.row`, one for each of the medians'
    /// outputs, in their order; the first output that is not a finite number, if any.
    fn evaluate(&mut self, s: &Scenario) -> Result<(), usize> {
        self.row.clear();
        self.sections.clear();
        estimate::run(
            &self.scenario,
            &mut self.estimate,
            &mut Values {
                values: &mut self.row,
                sections: Some(&mut self.sections),
                givens: &self.givens,
            },
        );
        if self.sections == self.layout {
            return match self.row.iter().position(|v| !v.is_finite()) {
                Some(bad) => Err(bad),
                None => Ok(()),
            };
        }
        if self.ids.is_empty() {
            self.ids = estimate::explain_given(s, &self.givens)
                .1
                .into_iter()
                .map(|o| o.id)
                .collect();
        }
        self.row.clear();
        self.row.resize(self.layout.len(), 0.0);
        let mut keyed = Keyed {
            ids: &self.ids,
            givens: &self.givens,
            values: &mut self.row,
            bad: None,
        };
        estimate::run(&self.scenario, &mut self.estimate, &mut keyed);
        keyed.bad.map_or(Ok(()), Err)
    }

    /// Each range at its p5 and its p95 in turn, the others at their medians.
    fn swings(&mut self, s: &Scenario, spreads: &mut [Spread]) -> Result<(), SampleError> {
        self.scenario.clone_from(s);
        let mut low = Vec::with_capacity(spreads.len());
        for i in 0..self.targets.len() {
            let t = self.targets[i];
            for (end, x) in [(0, t.interval.lo), (1, t.interval.hi)] {
                let x = t.interval.fit(x);
                t.at.set_number(&mut self.scenario, x);
                self.evaluate(s).map_err(|output| SampleError {
                    output,
                    input: Some(s.ranges[t.index].path.clone()),
                    value: x,
                })?;
                if end == 0 {
                    low.clone_from(&self.row);
                }
            }
            for (spread, (&low, &high)) in spreads.iter_mut().zip(low.iter().zip(&self.row)) {
                spread.sensitivity.push(Swing {
                    input: t.index,
                    low,
                    high,
                });
            }
            t.at.set_number(&mut self.scenario, t.interval.median());
        }
        for spread in spreads {
            // Widest first; equal swings keep the order the ranges were written in.
            spread
                .sensitivity
                .sort_by(|a, b| b.width().total_cmp(&a.width()));
        }
        Ok(())
    }

    /// The input that strayed farthest from its median in the sample that broke `output`.
    fn blame(&self, s: &Scenario, output: usize) -> SampleError {
        let farthest = self
            .targets
            .iter()
            .zip(&self.z)
            .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()));
        match farthest {
            Some((t, &z)) => SampleError {
                output,
                input: Some(s.ranges[t.index].path.clone()),
                value: t.interval.value_at(t.centre, t.spread, z),
            },
            None => SampleError {
                output,
                input: None,
                value: 0.0,
            },
        }
    }
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

    fn scenario(traffic: &str) -> Scenario {
        crate::scenario::load_str(
            &format!("[meta]\nid = \"t\"\ntitle = \"T\"\n[traffic]\n{traffic}\n"),
            "t.toml",
        )
        .unwrap()
    }

    fn spread_of(s: &Scenario, id: &str) -> Spread {
        let (_, outputs) = estimate::explain(s);
        let i = outputs.iter().position(|o| o.id == id).unwrap();
        let u = MonteCarlo::default()
            .run(s, Options::default())
            .unwrap()
            .unwrap();
        u.spreads[i].clone()
    }

    #[test]
    fn a_product_of_lognormals_is_lognormal_with_the_root_sum_square_sigma() {
        let s = scenario("dau = \"100M..400M\"\nrequests_per_user_per_day = \"2..8\"");
        // Each range spans a factor 4 over ±1.6449 σ: σ = ln 4 ÷ 3.2897 = 0.42141.
        // avg QPS = DAU × requests ÷ 86,400 s: its log-σ is √(0.42141² + 0.42141²) = 0.59597,
        // its median √(1e8 × 4e8) × √(2 × 8) ÷ 86,400 = 2e8 × 4 ÷ 86,400 = 9,259.3/s,
        // its p95 9,259.3 × e^(1.6449 × 0.59597) = 9,259.3 × e^0.98030 = 9,259.3 × 2.6653
        // = 24,679/s and its p5 9,259.3 ÷ 2.6653 = 3,474.0/s.
        let q = spread_of(&s, "traffic.avg_qps");
        let close = |got: f64, want: f64, tol: f64| {
            assert!((got / want - 1.0).abs() < tol, "{got} vs {want}");
        };
        close(q.p50, 9_259.3, 0.02);
        close(q.p95, 24_679.0, 0.04);
        close(q.p5, 3_474.0, 0.04);
        // Multiplying the ends (interval arithmetic) would claim 1e8 × 2 ÷ 86,400 = 2,314.8/s
        // and 4e8 × 8 ÷ 86,400 = 37,037/s: both more than 30% outside the true p5 and p95.
        assert!(q.p5 > 2_314.8 * 1.3 && q.p95 < 37_037.0 / 1.3, "{q:?}");
    }

    #[test]
    fn the_swing_of_each_range_is_the_output_at_its_ends() {
        let s = scenario("dau = \"100M..400M\"\nrequests_per_user_per_day = \"4..6\"");
        let q = spread_of(&s, "traffic.avg_qps");
        // DAU at 100M and 400M, requests at √24 = 4.899: 1e8 × 4.899 ÷ 86,400 = 5,670/s and
        // 4e8 × 4.899 ÷ 86,400 = 22,680/s. Requests at 4 and 6 with DAU at 2e8: 9,259/s and
        // 13,889/s. DAU swings wider, so it comes first.
        assert_eq!(q.sensitivity.len(), 2);
        assert_eq!(q.sensitivity[0].input, 0);
        assert!((q.sensitivity[0].low - 5_670.0).abs() < 1.0, "{q:?}");
        assert!((q.sensitivity[0].high - 22_680.0).abs() < 1.0, "{q:?}");
        assert!((q.sensitivity[1].low - 9_259.3).abs() < 0.1, "{q:?}");
        assert!((q.sensitivity[1].high - 13_888.9).abs() < 0.1, "{q:?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_percentiles_and_another_seed_others() {
        let s = scenario("dau = \"100M..400M\"\nrequests_per_user_per_day = 5");
        let mut mc = MonteCarlo::default();
        let run = |mc: &mut MonteCarlo, seed| {
            let options = Options {
                samples: 1_000,
                seed,
            };
            mc.run(&s, options).unwrap().unwrap().spreads[0].clone()
        };
        let a = run(&mut mc, 1);
        assert_eq!(a, run(&mut mc, 1));
        assert_ne!(a.p95, run(&mut mc, 2).p95);
        // No ranges: nothing to sample.
        let plain = scenario("dau = \"100M\"\nrequests_per_user_per_day = 5");
        assert!(mc.run(&plain, Options::default()).is_none());
    }
}

//! Ranged inputs carried through joint samples to percentiles, and what drives each output.
//!
//! Each input written `lo..hi` is a 90% interval ([`Interval`]). A run
//! draws `samples` joint samples, one standard normal per range per sample from a ChaCha8
//! generator seeded with `seed` (the same seed gives the same numbers on every machine), sets each
//! ranged field, and runs the estimate: outputs that are whole numbers per sample (servers,
//! shards) stay whole, and every ceiling and maximum is applied per sample, which multiplying the
//! ends of the ranges (interval arithmetic) gets wrong. Percentiles are nearest-rank: the p-th of
//! N sorted samples is the ⌈p·N⌉-th, always one of the samples.
//!
//! A sample runs only the parts of the estimate a range reaches and keeps only the outputs that
//! vary, as the graph recorded at the medians tells (`plan.rs`); every other output is its value
//! at the medians. The draws are made first, in one stream (and kept for the next run with the
//! same seed, samples and number of ranges: a keystroke on the screen, which keeps the values
//! they give as well while the ranges stay the same), then the samples are computed in slices
//! (`worker.rs`) that the machine's cores take in turn as each finishes one when there are
//! enough samples to pay for it (`share.rs`): the numbers are the same however many slices
//! there are and whichever thread computes them. An output whose samples are another's times a
//! factor (a copy: times 1), or that reads one range alone and moves one way with it, has its
//! percentiles found without a selection (`percentiles.rs`), and they are the same numbers.
//!
//! The sensitivity of an output to one range is the output with that input at its p5 and at its
//! p95 and every other range at its median: a one-at-a-time swing, the bars of a tornado chart.

#[cfg(test)]
mod oracle;
mod percentiles;
mod plan;
mod share;
mod worker;

pub use percentiles::percentiles;
use percentiles::{Order, multiple};

use crate::estimate::{Estimate, Givens};
use crate::scenario::overrides;
use crate::scenario::{InputPath, Scenario};
use crate::units::Interval;
use plan::Plan;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use share::share;
use std::sync::{Mutex, PoisonError};
use worker::{Broken, Job, Target, Worker};

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
/// order of [`values_into`](crate::estimate::values_into) and of
/// [`explain`](crate::estimate::explain) before sorting).
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
/// sample and, once warm, little per run beyond its result and its plan.
#[derive(Default)]
pub struct MonteCarlo {
    plan: Plan,
    /// The whole estimate at the medians, where every sample starts.
    medians: Estimate,
    /// One per slice of the samples; the first also works out the swings.
    workers: Vec<Worker>,
    targets: Vec<Target>,
    /// The standard normal draws, target-major: target t's for sample i at `t * n + i`.
    z: Vec<f64>,
    /// The samples, seed and ranges `z` was drawn for: a run with the same three (a keystroke
    /// on the screen) draws nothing.
    drawn: Option<(usize, u64, usize)>,
    /// Each range's values, `z` turned into the input's unit, laid out as `z`.
    x: Vec<f64>,
    /// The intervals `x` was worked out for, from the draws at hand: a run whose ranges are
    /// the same (a keystroke on another input) takes them as they are.
    valued: Option<Vec<Interval>>,
    /// Output-major: the c-th varying output's samples at `c * n ..`, each column sorted in place.
    table: Vec<f64>,
    /// The varying outputs with one range at its low end.
    low: Vec<f64>,
    /// Where each range's draws have the percentiles' ranks, found when an output reads that
    /// range alone; kept with the draws.
    orders: Vec<Option<Order>>,
    /// The draws of one range with their samples, to find their order.
    pairs: Vec<(f64, usize)>,
}

/// Samples per thread below which a run takes no more threads: a thread costs a copy of the
/// scenario and some microseconds to hand work over, which a thousand samples repay many times.
const MIN_SLICE: usize = 1_000;

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
        let shared = options.samples >= 2 * MIN_SLICE && rayon::current_num_threads() > 1;
        if shared && rayon::current_thread_index().is_none() {
            // The whole run on a pool thread: its shares then spawn their jobs on the pool
            // directly, where from another thread each would hand its scope to the pool and
            // wait (measured: 14% faster on two cores).
            return Some(rayon::scope(|_| self.sample(s, options, givens)));
        }
        Some(self.sample(s, options, givens))
    }

    fn sample(
        &mut self,
        s: &Scenario,
        options: Options,
        givens: &Givens,
    ) -> Result<Uncertainty, SampleError> {
        self.targets.clear();
        for (index, r) in s.ranges.iter().enumerate() {
            // A range is recorded only on a field the scenario has, so it resolves; one that
            // does not (a section removed since) is left at its value.
            if let Some(at) = overrides::resolve(s, &r.path) {
                self.targets.push(Target::new(index, at, r.interval));
            }
        }
        let ranged: Vec<&InputPath> = self
            .targets
            .iter()
            .map(|t| &s.ranges[t.index].path)
            .collect();
        self.plan = Plan::new(s, givens, &ranged, &mut self.medians);
        let n = options.samples.clamp(1, MAX_SAMPLES);
        self.draw(n, options.seed);
        self.values(n);
        self.columns(s, givens, n)
            .map_err(|broken| self.blame(s, n, broken))?;

        let found = self.percentiles(n);
        let mut found = found.into_iter();
        let mut columns = self.plan.columns.iter().peekable();
        let mut spreads = Vec::with_capacity(self.plan.medians.len());
        for (j, &v) in self.plan.medians.iter().enumerate() {
            // An output no range reaches is its value at the medians in every sample.
            let (p5, p50, p95) = match columns.next_if(|c| c.output == j) {
                Some(_) => found.next().unwrap_or((v, v, v)),
                None => (v, v, v),
            };
            spreads.push(Spread {
                p5,
                p50,
                p95,
                sensitivity: Vec::with_capacity(self.targets.len()),
            });
        }
        self.swings(s, givens, &mut spreads)?;
        Ok(Uncertainty {
            options: Options {
                samples: n,
                ..options
            },
            spreads,
        })
    }

    /// Draws `n` joint samples from `seed`: one standard normal per range per sample, in that
    /// order, so that the same seed gives the same samples however they are then computed.
    /// They depend on nothing else, so a run that drew them already keeps them.
    fn draw(&mut self, n: usize, seed: u64) {
        let ranges = self.targets.len();
        if self.drawn == Some((n, seed, ranges)) {
            return;
        }
        self.drawn = Some((n, seed, ranges));
        self.valued = None;
        self.orders.clear();
        self.z.resize(n * ranges, 0.0);
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        for i in 0..n {
            for t in 0..ranges {
                self.z[t * n + i] = StandardNormal.sample(&mut rng);
            }
        }
    }

    /// Turns the draws into each range's values, unless they are those of the run before.
    fn values(&mut self, n: usize) {
        let intervals = self.targets.iter().map(|t| t.interval);
        if self
            .valued
            .as_ref()
            .is_some_and(|v| v.iter().copied().eq(intervals.clone()))
        {
            return;
        }
        self.valued = Some(intervals.collect());
        self.x.resize(self.z.len(), 0.0);
        let columns = self.x.chunks_exact_mut(n).zip(self.z.chunks_exact(n));
        for ((x, z), t) in columns.zip(&self.targets) {
            for (x, &z) in x.iter_mut().zip(z) {
                *x = t.value(z);
            }
        }
    }

    /// Every sample's varying outputs into their columns of `table`, in slices that threads of
    /// rayon's pool take in turn (one thread unless there are enough samples to pay for more).
    fn columns(&mut self, s: &Scenario, givens: &Givens, n: usize) -> Result<(), Broken> {
        let width = self.plan.columns.len();
        // Every cell is written below: only a table of another size is resized.
        self.table.resize(n * width, 0.0);
        let threads = if n >= 2 * MIN_SLICE && !self.plan.live.is_empty() {
            rayon::current_num_threads().clamp(1, n / MIN_SLICE)
        } else {
            1
        };
        // Four slices a thread, so that a thread held back by another process costs little;
        // the last slice may be shorter.
        let len = if threads == 1 {
            n
        } else {
            n.div_ceil(4 * threads)
        };
        if self.workers.len() < threads {
            self.workers.resize_with(threads, Worker::default);
        }
        for w in &mut self.workers[..threads] {
            w.start(s, &self.medians);
        }
        let job = Job {
            plan: &self.plan,
            givens,
            targets: &self.targets,
            samples: n,
            x: &self.x,
        };
        let mut slices: Vec<Vec<&mut [f64]>> = (0..n.div_ceil(len))
            .map(|_| Vec::with_capacity(width))
            .collect();
        for column in self.table.chunks_exact_mut(n) {
            for (slice, part) in slices.iter_mut().zip(column.chunks_mut(len)) {
                slice.push(part);
            }
        }
        // The first sample that broke, of those computed.
        let first: Mutex<Option<Broken>> = Mutex::new(None);
        let earliest = || *first.lock().unwrap_or_else(PoisonError::into_inner);
        share(
            slices.into_iter().enumerate(),
            &mut self.workers[..threads],
            |w, (k, mut columns)| {
                let start = k * len;
                // A slice after a broken sample cannot hold the first.
                if earliest().is_some_and(|b| b.sample < start) {
                    return;
                }
                if let Err(b) = w.sample(&job, start..n.min(start + len), &mut columns) {
                    let mut first = first.lock().unwrap_or_else(PoisonError::into_inner);
                    if first.is_none_or(|f| b.sample < f.sample) {
                        *first = Some(b);
                    }
                }
            },
        );
        earliest().map_or(Ok(()), Err)
    }

    /// The percentiles of each varying output: an earlier output's column times a factor (1 for
    /// a copy) takes its percentiles times the factor; an output that reads one range alone is
    /// read at the samples where that range's draws have their percentiles, when counting shows
    /// those are its own; the others are selected, the selections first, the columns shared
    /// between the cores when there are several of enough samples.
    fn percentiles(&mut self, n: usize) -> Vec<(f64, f64, f64)> {
        let columns = &self.plan.columns;
        let mut found = vec![(0.0, 0.0, 0.0); columns.len()];
        // The earlier column each is a multiple of, to the bit, and the factor (1 for a copy).
        let table = &self.table;
        let column = |c: usize| &table[c * n..(c + 1) * n];
        let multiple_of: Vec<Option<(usize, f64)>> = (0..columns.len())
            .map(|c| (0..c).find_map(|d| Some((d, multiple(column(c), column(d))?))))
            .collect();
        self.orders.resize(self.targets.len(), None);
        for (c, col) in columns.iter().enumerate() {
            if let (None, Some(t)) = (multiple_of[c], col.alone) {
                let z = &self.z[t * n..(t + 1) * n];
                let order = &mut self.orders[t];
                order.get_or_insert_with(|| Order::of(z, &mut self.pairs));
            }
        }
        let threads = if n >= MIN_SLICE && found.len() > 1 {
            rayon::current_num_threads()
        } else {
            1
        };
        let orders = &self.orders;
        let mut jobs: Vec<_> = self
            .table
            .chunks_exact_mut(n)
            .zip(found.iter_mut())
            .zip(columns.iter().zip(&multiple_of))
            .filter(|(_, (_, multiple))| multiple.is_none())
            .map(|((values, slot), (col, _))| (values, slot, col.alone))
            .collect();
        // The selections first, the countings (a fraction of their time) last: the threads
        // finish together.
        jobs.sort_by_key(|&(_, _, alone)| alone.is_some());
        share(
            jobs.into_iter(),
            &mut vec![(); threads],
            |_, (values, slot, alone)| {
                let order = alone.and_then(|t| orders[t].as_ref());
                *slot = order
                    .and_then(|o| o.percentiles(values))
                    .unwrap_or_else(|| percentiles(values));
            },
        );
        for c in 0..found.len() {
            if let Some((d, factor)) = multiple_of[c] {
                let (p5, p50, p95) = found[d];
                found[c] = (p5 * factor, p50 * factor, p95 * factor);
            }
        }
        found
    }

    /// Each range at its p5 and its p95 in turn, the others at their medians.
    fn swings(
        &mut self,
        s: &Scenario,
        givens: &Givens,
        spreads: &mut [Spread],
    ) -> Result<(), SampleError> {
        let (plan, w) = (&self.plan, &mut self.workers[0]);
        for t in &self.targets {
            t.at.set_number(&mut w.scenario, t.interval.median());
        }
        for t in &self.targets {
            for (end, x) in [(0, t.interval.lo), (1, t.interval.hi)] {
                let x = t.interval.fit(x);
                t.at.set_number(&mut w.scenario, x);
                w.evaluate(plan, givens).map_err(|output| SampleError {
                    output,
                    input: Some(s.ranges[t.index].path.clone()),
                    value: x,
                })?;
                if end == 0 {
                    self.low.clear();
                    self.low.extend(plan.columns.iter().map(|c| w.row[c.at]));
                }
            }
            let mut columns = plan.columns.iter().zip(&self.low).peekable();
            for (j, spread) in spreads.iter_mut().enumerate() {
                let (low, high) = match columns.next_if(|(c, _)| c.output == j) {
                    Some((c, &low)) => (low, w.row[c.at]),
                    None => (plan.medians[j], plan.medians[j]),
                };
                spread.sensitivity.push(Swing {
                    input: t.index,
                    low,
                    high,
                });
            }
            t.at.set_number(&mut w.scenario, t.interval.median());
        }
        for spread in spreads {
            // Widest first; equal swings keep the order the ranges were written in.
            spread
                .sensitivity
                .sort_by(|a, b| b.width().total_cmp(&a.width()));
        }
        Ok(())
    }

    /// The input that strayed farthest from its median in the sample that broke an output.
    fn blame(&self, s: &Scenario, n: usize, broken: Broken) -> SampleError {
        let farthest = self
            .targets
            .iter()
            .enumerate()
            .map(|(t, target)| (target, self.z[t * n + broken.sample]))
            .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()));
        match farthest {
            Some((t, z)) => SampleError {
                output: broken.output,
                input: Some(s.ranges[t.index].path.clone()),
                value: t.value(z),
            },
            None => SampleError {
                output: broken.output,
                input: None,
                value: 0.0,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate;

    /// `s` with three of its numbers, spread over the file, ranged from half to twice their
    /// value.
    fn three_ranges(mut s: Scenario) -> Scenario {
        use crate::scenario::schema::{FieldKind, Value};
        let numbers: Vec<_> = overrides::paths(&s)
            .into_iter()
            .filter_map(|path| {
                let at = overrides::resolve(&s, &path)?;
                match (at.get(&s), at.kind) {
                    (Some(Value::Num(x)), FieldKind::Quantity(kind)) if x > 0.0 => {
                        Some((path, at, x, kind))
                    }
                    _ => None,
                }
            })
            .collect();
        let last = numbers.len() - 1;
        for i in [0, last / 2, last] {
            let (path, at, x, kind) = &numbers[i];
            let hi = if *kind == crate::units::Kind::Fraction {
                (2.0 * x).min(1.0)
            } else {
                2.0 * x
            };
            let interval = crate::units::Interval {
                lo: x / 2.0,
                hi,
                kind: *kind,
            };
            at.set_number(&mut s, interval.median());
            s.set_range(path, Some(interval));
        }
        s
    }

    #[test]
    fn a_run_is_exactly_the_whole_estimate_sample_by_sample_for_every_preset() {
        let mut mc = MonteCarlo::default();
        // One slice, then slices shared by as many threads as the machine has cores; one run
        // after another with the same draws, which each keeps from the run before.
        for samples in [1_000, 2_500] {
            for p in crate::presets::builtin() {
                let s = three_ranges(p.load().unwrap());
                let options = Options { samples, seed: 7 };
                let got = mc.run(&s, options).unwrap();
                assert!(got.is_ok(), "{}: {got:?}", p.id);
                assert_eq!(got, oracle::run(&s, options), "{} ({samples})", p.id);
            }
        }
    }

    #[test]
    fn an_output_times_a_factor_has_the_percentiles_a_selection_gives() {
        // The chatbot with its requests, answers and memory bandwidth ranged: its LLM devices
        // are its replicas × 8 (tensor parallel) and their cost a day the devices × 24 h × $3.
        let p = crate::presets::builtin()
            .into_iter()
            .find(|p| p.id == "chatbot");
        let mut s = p.unwrap().load().unwrap();
        for (path, range) in [
            ("traffic.qps", "1.5B/day..4B/day"),
            ("llm.output_tokens", "200..600"),
            ("llm.mbu", "0.4..0.8"),
        ] {
            overrides::set(&mut s, path, range).unwrap();
        }
        let mut mc = MonteCarlo::default();
        let options = Options::default();
        let got = mc.run(&s, options).unwrap();
        assert_eq!(got, oracle::run(&s, options));
        let column = |id: &str| {
            let c = mc
                .plan
                .columns
                .iter()
                .position(|c| mc.plan.ids[c.output] == id);
            let n = options.samples;
            &mc.table[c.unwrap() * n..][..n]
        };
        // Neither was selected (the columns are in the order sampled, where a selection
        // reorders its own): the cost is the devices × 72, the devices whole replicas × 8.
        let devices = column("llm.devices");
        assert_eq!(multiple(column("llm.cost_per_day"), devices), Some(72.0));
        assert!(devices.iter().all(|d| d % 8.0 == 0.0));
    }

    #[test]
    fn the_first_sample_too_large_to_compute_is_blamed_whichever_slice_holds_it() {
        // Each range spans 10^4 over ±1.6449 σ around 3e151: log10 of DAU × requests a day is
        // normal with mean 2 × 151.48 = 302.95 and σ √2 × 4 ÷ 3.2897 = 1.72, and past 308.25
        // (f64's largest, 1.8e308) 3.08 σ out: about once in 1,000 samples. The plain Monte Carlo
        // says where: with seed 0 the first sample to overflow is number 1,999, in the seventh
        // of eight slices of 2,500 samples shared by two threads; with seed 10, number 25, in
        // the first.
        let s = scenario("dau = \"3e149..3e153\"\nrequests_per_user_per_day = \"3e149..3e153\"");
        let mut mc = MonteCarlo::default();
        for (seed, first) in [(0, 1_999), (10, 25)] {
            let before = Options {
                samples: first - 1,
                seed,
            };
            assert!(oracle::run(&s, before).is_ok(), "seed {seed}");
            let options = Options {
                samples: 2_500,
                seed,
            };
            let got = mc.run(&s, options).unwrap();
            assert!(got.is_err(), "seed {seed}: {got:?}");
            assert_eq!(got, oracle::run(&s, options), "seed {seed}");
        }
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

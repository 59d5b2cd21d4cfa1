//! One sample at a time: the ranged fields set, the parts of the estimate they reach run again,
//! and the outputs that vary read off. A run has one worker per slice of its samples, each with
//! its own copy of the scenario and of the estimate at the medians.

use super::plan::Plan;
use crate::estimate::trace::given;
use crate::estimate::{self, Estimate, Givens, Out, OutputId, Trace};
use crate::scenario::Scenario;
use crate::scenario::overrides::InputRef;
use crate::units::{Interval, Kind};
use std::fmt;
use std::ops::Range;

/// A ranged input made ready to sample.
#[derive(Clone, Copy, Debug)]
pub(super) struct Target {
    /// Its index in [`Scenario::ranges`].
    pub index: usize,
    pub at: InputRef,
    pub interval: Interval,
    centre: f64,
    spread: f64,
}

impl Target {
    pub fn new(index: usize, at: InputRef, interval: Interval) -> Target {
        let (centre, spread) = interval.params();
        Target {
            index,
            at,
            interval,
            centre,
            spread,
        }
    }

    /// The input's value `z` standard deviations from its median.
    pub fn value(&self, z: f64) -> f64 {
        self.interval.value_at(self.centre, self.spread, z)
    }
}

/// The first sample, within a worker's slice, with an output that is not a finite number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Broken {
    pub sample: usize,
    /// The output's position among every output.
    pub output: usize,
}

/// Samples computed before their outputs go to the columns: a block of rows stays in the
/// nearest cache.
const BLOCK: usize = 128;

/// A copy of the scenario to set samples in, and of the estimate the parts run again in.
#[derive(Default)]
pub(super) struct Worker {
    pub scenario: Scenario,
    estimate: Estimate,
    /// The live outputs ([`Plan::live`]) of the scenario as it stands, after
    /// [`Worker::evaluate`].
    pub row: Vec<f64>,
    /// The live outputs of a block of samples, one row after another: the estimate writes each
    /// sample's outputs here, and the block's part of each column is read from it at once
    /// (copying a row's outputs to the columns one by one cost more than the sample's parts).
    rows: Vec<f64>,
    /// The section of each output the sample gave, in turn (as its number, so that the row
    /// compares with the plan's layout as bytes).
    sections: Vec<u8>,
}

impl Worker {
    /// Starts from `s` and the estimate `e` of it, both at the medians.
    pub fn start(&mut self, s: &Scenario, e: &Estimate) {
        self.scenario.clone_from(s);
        self.estimate.clone_from(e);
    }

    /// Computes the slice `samples` of the job's samples, writing each varying output into its
    /// column: `columns[c][k]` for the k-th sample of the slice.
    pub fn sample(
        &mut self,
        job: &Job<'_>,
        samples: Range<usize>,
        columns: &mut [&mut [f64]],
    ) -> Result<(), Broken> {
        let (plan, width) = (job.plan, job.plan.live.len().max(1));
        let mut buffer = std::mem::take(&mut self.rows);
        buffer.resize(BLOCK * width, 0.0);
        let mut finite = true;
        let mut broken_at = None;
        for block in (samples.start..samples.end).step_by(BLOCK) {
            let block = block..samples.end.min(block + BLOCK);
            let rows = &mut buffer[..block.len() * width];
            for (row, i) in rows.chunks_exact_mut(width).zip(block.clone()) {
                for (t, target) in job.targets.iter().enumerate() {
                    target
                        .at
                        .set_number(&mut self.scenario, job.x[t * job.samples + i]);
                }
                self.compute(plan, job.givens, row);
            }
            // The block's rows into the columns, one column at a time.
            let from = block.start - samples.start;
            for (column, c) in columns.iter_mut().zip(&plan.columns) {
                let column = &mut column[from..from + block.len()];
                // A live output's place is within the row: checked once, not at every row.
                assert!(c.at < width);
                for (slot, row) in column.iter_mut().zip(rows.chunks_exact(width)) {
                    *slot = row[c.at];
                }
                finite &= column.iter().fold(true, |all, x| all & x.is_finite());
            }
            if !finite || plan.broken.is_some() {
                let mut rows = rows.chunks_exact(width).zip(block);
                broken_at = rows.find_map(|(row, i)| Some((i, broken(plan, row).err()?)));
                if broken_at.is_some() {
                    break;
                }
            }
        }
        self.rows = buffer;
        match broken_at {
            Some((sample, output)) => Err(Broken { sample, output }),
            None => Ok(()),
        }
    }

    /// The live outputs of the scenario as it stands into `row`; the first output (by its
    /// position among every output) that is not a finite number, if any.
    pub fn evaluate(&mut self, plan: &Plan, givens: &Givens) -> Result<(), usize> {
        let mut row = std::mem::take(&mut self.row);
        row.resize(plan.live.len(), 0.0);
        self.compute(plan, givens, &mut row);
        self.row = row;
        broken(plan, &self.row)
    }

    /// The live outputs of the scenario as it stands into `row` (as long as the plan's).
    fn compute(&mut self, plan: &Plan, givens: &Givens, row: &mut [f64]) {
        self.sections.resize(plan.layout.len(), 0);
        let sample = Sample {
            row: &mut *row,
            sections: &mut self.sections,
            next: 0,
        };
        let (scenario, estimate) = (&self.scenario, &mut self.estimate);
        let given = if givens.is_empty() {
            let mut t = sample;
            estimate::run_parts(scenario, estimate, &mut t, plan.parts);
            t.next
        } else {
            let mut t = SampleGiven { sample, givens };
            estimate::run_parts(scenario, estimate, &mut t, plan.parts);
            t.sample.next
        };
        if !(given == plan.layout.len() && self.sections == plan.layout) {
            row.fill(0.0);
            let mut keyed = Keyed { plan, givens, row };
            estimate::run_parts(&self.scenario, &mut self.estimate, &mut keyed, plan.parts);
        }
    }
}

/// The first output, by its position among every output, that is not a finite number in the
/// live outputs `row`: a varying one, or one every sample gives.
fn broken(plan: &Plan, row: &[f64]) -> Result<(), usize> {
    let varying = plan.columns.iter().find(|c| !row[c.at].is_finite());
    match varying
        .map(|c| c.output)
        .into_iter()
        .chain(plan.broken)
        .min()
    {
        Some(bad) => Err(bad),
        None => Ok(()),
    }
}

/// What every worker of a run shares.
pub(super) struct Job<'a> {
    pub plan: &'a Plan,
    pub givens: &'a Givens,
    pub targets: &'a [Target],
    /// The run's samples.
    pub samples: usize,
    /// The ranges' values, target-major: target t's for sample i at `t * samples + i`.
    pub x: &'a [f64],
}

/// Writes each output in turn into the row, and its section beside it, to be compared with the
/// medians' once the sample is done.
struct Sample<'a> {
    row: &'a mut [f64],
    sections: &'a mut [u8],
    next: usize,
}

impl Trace for Sample<'_> {
    #[inline(always)]
    fn output(&mut self, id: Out<'_>, _: fmt::Arguments<'_>, _: Kind, value: f64) -> f64 {
        if let (Some(v), Some(s)) = (
            self.row.get_mut(self.next),
            self.sections.get_mut(self.next),
        ) {
            (*v, *s) = (value, id.section as u8);
        }
        self.next += 1;
        value
    }
}

/// [`Sample`] with values given for outputs.
struct SampleGiven<'a> {
    sample: Sample<'a>,
    givens: &'a Givens,
}

impl Trace for SampleGiven<'_> {
    fn output(&mut self, id: Out<'_>, label: fmt::Arguments<'_>, kind: Kind, value: f64) -> f64 {
        let value = given(self.givens, id).unwrap_or(value);
        self.sample.output(id, label, kind, value)
    }
}

/// Puts each output's value where its id stands among the medians' live outputs: the path for a
/// sample whose outputs are not the medians' (a stage's "in flight" is given only when its
/// latency is above 0). An output the sample does not give stays 0: nothing in flight.
struct Keyed<'a> {
    plan: &'a Plan,
    givens: &'a Givens,
    row: &'a mut [f64],
}

impl Keyed<'_> {
    fn position(&self, id: Out<'_>) -> Option<usize> {
        let ids: &[OutputId] = &self.plan.ids;
        self.plan.live.iter().position(|&i| id.is(&ids[i]))
    }
}

impl Trace for Keyed<'_> {
    fn output(&mut self, id: Out<'_>, _: fmt::Arguments<'_>, _: Kind, value: f64) -> f64 {
        let value = given(self.givens, id).unwrap_or(value);
        if let Some(j) = self.position(id) {
            self.row[j] = value;
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::super::oracle::whole;
    use super::*;
    use crate::estimate::Givens;
    use crate::scenario::InputPath;
    use crate::scenario::overrides;
    use crate::scenario::schema::{FieldKind, Value};

    /// A range around the value `x`: from a third to three times it (0 to 1 from 0), so that
    /// samples far out, past what validation would take, are met too.
    fn around(x: f64, kind: Kind) -> Interval {
        let (lo, hi) = if x > 0.0 {
            (x / 3.0, x * 3.0)
        } else {
            (0.0, 1.0)
        };
        let hi = if kind == Kind::Fraction {
            hi.min(1.0)
        } else {
            hi
        };
        Interval { lo, hi, kind }
    }

    /// Ranges the inputs at `paths` of `s` (each field at its range's median, as a file or
    /// `--set` leaves it), samples them at a few points each, partially (set as numbers) and
    /// wholly (set as values), and checks every output is the same to the bit.
    fn check(s: &Scenario, givens: &Givens, paths: &[InputPath]) {
        let mut s = s.clone();
        let targets: Vec<Target> = paths
            .iter()
            .enumerate()
            .filter_map(|(index, path)| {
                let at = overrides::resolve(&s, path)?;
                let (Some(Value::Num(x)), FieldKind::Quantity(kind)) = (at.get(&s), at.kind) else {
                    return None;
                };
                Some(Target::new(index, at, around(x, kind)))
            })
            .collect();
        for t in &targets {
            t.at.set_number(&mut s, t.interval.median());
        }
        let s = &s;
        let ranged: Vec<&InputPath> = targets.iter().map(|t| &paths[t.index]).collect();
        let mut medians = Estimate::default();
        let plan = Plan::new(s, givens, &ranged, &mut medians);
        let mut w = Worker::default();
        w.start(s, &medians);
        let mut full = s.clone();
        let zs = [-3.0, -Z95, -0.3, 0.0, 0.7, Z95, 3.0];
        for k in 0..zs.len() {
            for (t, target) in targets.iter().enumerate() {
                // Each range at another point of the list, so that they move apart.
                let x = target.value(zs[(k + 2 * t) % zs.len()]);
                target.at.set_number(&mut w.scenario, x);
                // The whole estimate's scenario set the plain way, through a value.
                target.at.set(&mut full, Value::Num(x));
            }
            let _ = w.evaluate(&plan, givens);
            let want = whole(&full, givens, &plan.ids);
            let mut live = plan.live.iter().zip(&w.row).peekable();
            for (j, &want) in want.iter().enumerate() {
                let got = match live.next_if(|&(&i, _)| i == j) {
                    Some((_, &v)) => v,
                    None => plan.medians[j],
                };
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "{}: {} with {paths:?}, sample {k}: {got} in part, {want} wholly",
                    s.meta.id,
                    plan.ids[j],
                );
            }
        }
    }

    use crate::units::interval::Z95;

    #[test]
    fn a_sample_computed_in_part_is_the_whole_estimate_for_every_preset_and_input() {
        for p in crate::presets::builtin() {
            let s = p.load().unwrap();
            let paths = overrides::paths(&s);
            for path in &paths {
                check(&s, &[], std::slice::from_ref(path));
            }
            // Three at a time, far apart in the file.
            let third = paths.len() / 3;
            for i in 0..third {
                let three = [&paths[i], &paths[i + third], &paths[i + 2 * third]];
                check(&s, &[], &three.map(Clone::clone));
            }
        }
    }

    #[test]
    fn a_sample_computed_in_part_keeps_the_values_given_for_outputs() {
        let p = crate::presets::builtin()
            .into_iter()
            .find(|p| p.id == "video-recommendation")
            .unwrap();
        let s = p.load().unwrap();
        let givens = [
            ("index.memory".parse().unwrap(), 3.2e11),
            ("traffic.peak_qps".parse().unwrap(), 1e5),
        ];
        for path in overrides::paths(&s) {
            check(&s, &givens, &[path]);
        }
    }
}

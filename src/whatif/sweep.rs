//! One or two inputs stepped across a span, and the thresholds an output crosses.
//!
//! An [`Axis`] is an input found once by its path ([`overrides::resolve`]) and the values it
//! takes: `steps` values from `lo` to `hi`, ends included, evenly spaced or (with
//! [`Spacing::Log`]) by equal ratios. A [`Sweeper`] holds the scenario and the estimate's buffers:
//! [`Sweeper::run`] estimates every point of the grid the axes make (the first axis varying
//! slowest, as nested loops in the order given), each point a [`overrides::set_number`] per axis
//! and one [`estimate::values_into`], with no allocation; [`Sweeper::until`] finds, along the
//! first axis, the smallest value at which a [`Condition`] holds, bisecting between the two steps
//! that bracket it.
//!
//! The columns are the outputs at the sweep's corners. An output the estimate gives only for
//! some values (nothing in flight at a stage with no latency) is `None` where it is not given;
//! a layout of outputs is known by how many there are, and read by id once.
//!
//! Errors are [`Diagnostic`]s with no location: the caller says where the span or the condition
//! was written.
//!
//! [`overrides::resolve`]: crate::scenario::overrides::resolve
//! [`overrides::set_number`]: crate::scenario::registry::InputRef::set_number
//! [`estimate::values_into`]: crate::estimate::values_into

use crate::estimate::{self, Estimate, OutputId, Section};
use crate::scenario::diagnostic::See;
use crate::scenario::overrides::{self, InputRef};
use crate::scenario::schema::FieldKind;
use crate::scenario::{Diagnostic, InputPath, Scenario, Subject};
use crate::units::{self, Human, Interval, Kind};

/// The most values one axis takes.
pub const MAX_STEPS: usize = 1_000;
/// The most points a sweep estimates (all axes together).
pub const MAX_ROWS: usize = 10_000;

/// How an axis spaces its values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Spacing {
    /// Equal differences: 100M, 250M, 400M.
    #[default]
    Linear,
    /// Equal ratios: 100M, 200M, 400M.
    Log,
}

/// One input stepped across a span.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The input's path.
    pub path: InputPath,
    input: InputRef,
    /// The span in the kind's base unit, ends included.
    pub span: Interval,
    pub steps: usize,
    pub spacing: Spacing,
}

/// A value as napkin writes it ([`Human`]), or, when that runs past 16 characters (a count far
/// beyond the largest prefix), with an exponent: "2.5e304".
pub fn shown(x: f64, kind: Kind) -> String {
    shown_in(x, kind, units::Style::Decimal)
}

/// [`shown`] with sizes in `style`.
pub fn shown_in(x: f64, kind: Kind, style: units::Style) -> String {
    let text = Human::styled(x, kind, style).to_string();
    if text.chars().count() > 16 {
        units::format::Sig(x).to_string()
    } else {
        text
    }
}

/// A problem with a span or a condition: what, and what to write instead.
fn invalid(subject: impl Into<Subject>, problem: String, hint: String) -> Diagnostic {
    Diagnostic {
        subject: subject.into(),
        problem,
        hint,
        ..Default::default()
    }
}

/// A sweep steps a number: `path` takes `kind`, which is not one.
pub fn not_a_quantity(path: &InputPath, kind: FieldKind) -> Diagnostic {
    let mut d = invalid(
        path.clone(),
        format!(
            "`{path}` takes {}, not a quantity: a sweep steps a number",
            kind.describe()
        ),
        String::new(),
    );
    d.see = Some(See::Compare);
    d
}

impl Axis {
    /// The input at `path` of `s`, stepped `steps` times from `lo` to `hi` (in its kind's base
    /// unit). Fails when `s` has no such input, when it is not a quantity, when the span runs
    /// backwards, when `steps` is outside 2 to [`MAX_STEPS`], or when log spacing starts at 0.
    pub fn new(
        s: &Scenario,
        path: &InputPath,
        (lo, hi): (f64, f64),
        steps: usize,
        spacing: Spacing,
    ) -> Result<Axis, Diagnostic> {
        let Some(input) = overrides::resolve(s, path) else {
            let all: Vec<String> = overrides::paths(s)
                .iter()
                .map(ToString::to_string)
                .collect();
            let text = path.to_string();
            let hint = crate::scenario::diagnostic::suggest_meaning_or(
                &text,
                crate::scenario::aliases::meant(&text).as_deref(),
                all.iter().map(String::as_str),
                "no input has a close name",
            );
            let mut d = invalid(path.clone(), format!("unknown input `{path}`"), hint);
            d.see = Some(See::Inputs);
            return Err(d);
        };
        let kind = match input.kind {
            FieldKind::Quantity(k) => k,
            other => return Err(not_a_quantity(path, other)),
        };
        if !(lo.is_finite() && hi.is_finite()) || lo < 0.0 || hi < lo {
            return Err(invalid(
                path.clone(),
                format!(
                    "the span {}..{} does not run from low to high",
                    Human::new(lo, kind),
                    Human::new(hi, kind)
                ),
                "write the low end first, both ends at least 0".into(),
            ));
        }
        if !(2..=MAX_STEPS).contains(&steps) {
            return Err(invalid(
                path.clone(),
                format!("{steps} steps"),
                format!("take 2 to {MAX_STEPS} steps (both ends are steps)"),
            ));
        }
        if spacing == Spacing::Log && lo <= 0.0 {
            return Err(invalid(
                path.clone(),
                "log spacing steps by equal ratios, and no ratio leads away from 0".into(),
                format!(
                    "start the span above 0 (such as {}..{}), or space it evenly",
                    Human::new(hi / 1000.0, kind),
                    Human::new(hi, kind)
                ),
            ));
        }
        Ok(Axis {
            path: path.clone(),
            input,
            span: Interval { lo, hi, kind },
            steps,
            spacing,
        })
    }

    /// The input's kind, which decides how its values are written.
    pub fn kind(&self) -> Kind {
        self.span.kind
    }

    /// The `i`-th value (0 is `lo`, `steps - 1` is `hi`), made one the field accepts: a whole
    /// number rounded, a fraction at most 1.
    pub fn value(&self, i: usize) -> f64 {
        let Interval { lo, hi, .. } = self.span;
        let last = self.steps.saturating_sub(1).max(1);
        let x = if i == 0 {
            lo
        } else if i >= last {
            hi
        } else {
            let t = i as f64 / last as f64;
            match self.spacing {
                Spacing::Linear => lo + (hi - lo) * t,
                Spacing::Log => lo * (hi / lo).powf(t),
            }
        };
        self.span.fit(x)
    }

    /// The value halfway between `a` and `b` as this axis spaces its values.
    fn between(&self, a: f64, b: f64) -> f64 {
        let mid = match self.spacing {
            Spacing::Log if a > 0.0 => (a * b).sqrt(),
            _ => a + (b - a) / 2.0,
        };
        self.span.fit(mid)
    }
}

/// One output of the sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its stable dotted id ("traffic.peak_qps").
    pub id: OutputId,
    pub label: String,
    pub section: Section,
    pub kind: Kind,
}

/// Every point of a sweep: the inputs and the outputs of each row.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub axes: Vec<Axis>,
    /// Every output, in the order `calc` lists them (by section, then as computed).
    pub columns: Vec<Column>,
    inputs: Vec<f64>,
    values: Vec<Option<f64>>,
}

impl Sweep {
    /// The number of rows (points estimated).
    pub fn len(&self) -> usize {
        self.inputs.len() / self.axes.len().max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// The axes' values at `row`, one an axis.
    pub fn inputs(&self, row: usize) -> &[f64] {
        let n = self.axes.len();
        &self.inputs[row * n..(row + 1) * n]
    }

    /// The outputs at `row`, one a column; `None` where the estimate at that point has no
    /// such output (the layout of outputs changed inside the span).
    pub fn outputs(&self, row: usize) -> &[Option<f64>] {
        let n = self.columns.len();
        &self.values[row * n..(row + 1) * n]
    }

    /// The column of the output `id`.
    pub fn column<Q: ?Sized>(&self, id: &Q) -> Option<usize>
    where
        OutputId: PartialEq<Q>,
    {
        self.columns.iter().position(|c| c.id == *id)
    }

    /// Whether the output in column `col` takes more than one value across the sweep.
    pub fn moves(&self, col: usize) -> bool {
        let mut values = (0..self.len()).map(|r| self.outputs(r)[col]);
        let first = values.next().flatten();
        values.any(|v| v != first)
    }
}

/// How an output is compared with a threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Gt,
    Ge,
    Lt,
    Le,
}

impl Op {
    /// As written: `>`, `>=`, `<`, `<=`.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
        }
    }

    fn holds(self, x: f64, threshold: f64) -> bool {
        match self {
            Op::Gt => x > threshold,
            Op::Ge => x >= threshold,
            Op::Lt => x < threshold,
            Op::Le => x <= threshold,
        }
    }
}

/// "index.shards > 1": an output, a comparison and a threshold in the output's base unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub output: OutputId,
    pub op: Op,
    pub value: f64,
    /// The output's kind, in which the threshold was read.
    pub kind: Kind,
}

impl Condition {
    /// Splits `"<output id> <op> <value>"` at its operator (`>=`, `<=`, `>` or `<`; spaces
    /// optional); `None` when it has no operator, either side is empty, or an operator's
    /// character is left on either side (`a >> 5`, `a == 5`, `a => 5`): one reading, that it is
    /// not a condition, for every operator napkin does not know.
    pub fn split(text: &str) -> Option<(&str, Op, &str)> {
        let at = text.find(['<', '>'])?;
        let (id, rest) = text.split_at(at);
        let (op, value) = match (rest.as_bytes()[0], rest.as_bytes().get(1)) {
            (b'>', Some(b'=')) => (Op::Ge, &rest[2..]),
            (b'<', Some(b'=')) => (Op::Le, &rest[2..]),
            (b'>', _) => (Op::Gt, &rest[1..]),
            _ => (Op::Lt, &rest[1..]),
        };
        let (id, value) = (id.trim(), value.trim());
        let stray = |s: &str| s.contains(['<', '>', '=', '!']);
        (!id.is_empty() && !value.is_empty() && !stray(id) && !stray(value))
            .then_some((id, op, value))
    }

    /// Reads `text` against the outputs of a sweep: the id must be one of `columns`, the value is
    /// read in the output's kind ("storage.total > 1 PB", "latency.budget_used >= 80%").
    pub fn parse(text: &str, columns: &[Column]) -> Result<Condition, Diagnostic> {
        let Some((id, op, value)) = Condition::split(text) else {
            return Err(invalid(
                Subject::Scenario,
                format!("\"{}\" is not a condition", text.trim()),
                "write \"<output id> <op> <value>\" with > >= < or <=, such as \"index.shards > 1\""
                    .into(),
            ));
        };
        let column = columns.iter().find(|c| c.id == id).ok_or_else(|| {
            let ids: Vec<String> = columns.iter().map(|c| c.id.to_string()).collect();
            let mut d = invalid(
                Subject::Named(id.to_string()),
                format!("no output `{id}`"),
                crate::scenario::diagnostic::suggest_or(id, ids.iter().map(String::as_str), ""),
            );
            d.see = Some(See::Outputs);
            d
        })?;
        let value = threshold(value, column.kind).map_err(|e| {
            invalid(
                Subject::Named(id.to_string()),
                format!("the threshold {}", e.problem),
                format!("{} ({} is a {})", e.hint, column.id, column.kind.name()),
            )
        })?;
        Ok(Condition {
            output: column.id.clone(),
            op,
            value,
            kind: column.kind,
        })
    }

    /// Whether the condition holds for the output's value `x` (never for a missing output).
    pub fn holds(&self, x: Option<f64>) -> bool {
        x.is_some_and(|x| self.op.holds(x, self.value))
    }
}

/// Reads a threshold in an output's kind: a whole-number output takes any count, and a fraction
/// may pass 1 (a latency budget 120% used).
fn threshold(text: &str, kind: Kind) -> Result<f64, units::ParseError> {
    match kind {
        Kind::Integer => units::parse(text, Kind::Count),
        Kind::Fraction => match text.trim().strip_suffix('%') {
            Some(percent) => units::parse(percent, Kind::Factor).map(|p| p / 100.0),
            None => units::parse(text, Kind::Factor),
        },
        _ => units::parse(text, kind),
    }
}

/// Where a condition starts to hold along the first axis, with the other axes at fixed values.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossing {
    /// The values of the other axes (empty for a one-input sweep).
    pub others: Vec<f64>,
    /// The smallest value of the first axis at which the condition holds, or `None` when it
    /// holds at no step.
    pub first: Option<f64>,
    /// The two steps `first` was bisected between; `None` when it holds at the low end already
    /// (or nowhere).
    pub between: Option<(f64, f64)>,
    /// The lowest and highest value the output took at the steps (for "never holds": how close).
    pub reached: Option<(f64, f64)>,
}

/// A condition's crossings: one for each combination of the other axes' values, in row order.
#[derive(Clone, Debug, PartialEq)]
pub struct Until {
    pub condition: Condition,
    pub crossings: Vec<Crossing>,
}

/// The scenario and the buffers a sweep reuses from point to point.
pub struct Sweeper {
    scenario: Scenario,
    axes: Vec<Axis>,
    columns: Vec<Column>,
    /// The layouts of outputs met so far: how many [`estimate::values_into`] gives, and where
    /// each column is among them (`None`: not computed in this layout).
    layouts: Vec<(usize, Vec<Option<usize>>)>,
    estimate: Estimate,
    values: Vec<f64>,
    /// The outputs at the point last estimated, by column.
    row: Vec<Option<f64>>,
}

impl Sweeper {
    /// Prepares a sweep of `axes` (at least one, each path once, at most [`MAX_ROWS`] points)
    /// over `scenario`. Its columns are the outputs the estimate gives at the corners of the
    /// sweep (each axis at either end), read once with their labels.
    pub fn new(scenario: Scenario, axes: Vec<Axis>) -> Result<Sweeper, Diagnostic> {
        if axes.is_empty() {
            return Err(invalid(
                Subject::Scenario,
                "nothing to sweep".into(),
                "give an input and its span, such as traffic.dau=100M..1B".into(),
            ));
        }
        for (i, a) in axes.iter().enumerate() {
            if axes[..i].iter().any(|b| b.path == a.path) {
                return Err(invalid(
                    a.path.clone(),
                    format!("`{}` is swept twice", a.path),
                    "sweep each input once".into(),
                ));
            }
        }
        let rows = axes
            .iter()
            .try_fold(1usize, |n, a| n.checked_mul(a.steps))
            .filter(|&n| n <= MAX_ROWS);
        if rows.is_none() {
            let steps: Vec<String> = axes.iter().map(|a| a.steps.to_string()).collect();
            return Err(invalid(
                Subject::Scenario,
                format!("{} points are too many", steps.join(" × ")),
                format!("a sweep estimates at most {MAX_ROWS} points: take fewer steps"),
            ));
        }
        let mut sweeper = Sweeper {
            scenario,
            axes,
            columns: Vec::new(),
            layouts: Vec::new(),
            estimate: Estimate::default(),
            values: Vec::new(),
            row: Vec::new(),
        };
        let mut point = vec![0.0; sweeper.axes.len()];
        for corner in 0..sweeper.corners() {
            sweeper.corner(corner, &mut point);
            let (_, outputs) = estimate::explain(&sweeper.scenario);
            for o in outputs {
                if !sweeper.columns.iter().any(|c| c.id == o.id) {
                    sweeper.columns.push(Column {
                        section: o.id.section,
                        id: o.id,
                        label: o.label,
                        kind: o.kind,
                    });
                }
            }
        }
        // In the order calc lists them: by section, then as computed.
        sweeper.columns.sort_by_key(|c| c.section);
        sweeper.values = Vec::with_capacity(sweeper.columns.len());
        sweeper.row = vec![None; sweeper.columns.len()];
        Ok(sweeper)
    }

    /// How many corners the sweep has: 2 ^ axes.
    fn corners(&self) -> usize {
        1 << self.axes.len().min(16)
    }

    /// Sets the axes to corner `corner` (bit k: axis k at its high end), written into `point`.
    fn corner(&mut self, corner: usize, point: &mut [f64]) {
        for (k, a) in self.axes.iter().enumerate() {
            let end = if corner >> k & 1 == 1 { a.steps - 1 } else { 0 };
            point[k] = a.value(end);
            a.input.set_number(&mut self.scenario, point[k]);
        }
    }

    /// Every output, as [`Sweep::columns`] will list them.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    pub fn axes(&self) -> &[Axis] {
        &self.axes
    }

    /// Checks the scenario at every corner of the sweep (each axis at either end) as a file is
    /// checked ([`crate::scenario::validate`]); the first problem says at which values it arises.
    pub fn validate_corners(&mut self) -> Result<(), Diagnostic> {
        let mut point = vec![0.0; self.axes.len()];
        for corner in 0..self.corners() {
            self.corner(corner, &mut point);
            if let Some(mut d) = crate::scenario::validate::validate(&self.scenario)
                .into_iter()
                .next()
            {
                d.problem = format!("at {}: {}", self.describe(&point), d.problem);
                return Err(d);
            }
        }
        Ok(())
    }

    /// "traffic.dau = 1B, stage.ranking.latency = 30 ms".
    fn describe(&self, point: &[f64]) -> String {
        let parts: Vec<String> = self
            .axes
            .iter()
            .zip(point)
            .map(|(a, &x)| format!("{} = {}", a.path, shown(x, a.kind())))
            .collect();
        parts.join(", ")
    }

    /// Estimates the scenario with the axes at `point`, leaving the outputs in `self.row`.
    fn eval(&mut self, point: &[f64]) -> Result<(), Diagnostic> {
        for (a, &x) in self.axes.iter().zip(point) {
            a.input.set_number(&mut self.scenario, x);
        }
        estimate::values_into(&self.scenario, &mut self.estimate, &mut self.values);
        let len = self.values.len();
        let layout = match self.layouts.iter().position(|(n, _)| *n == len) {
            Some(i) => i,
            None => {
                // Outputs that exist only for some values (a stage with no latency has nothing
                // in flight): this layout is read once by id, and its positions kept.
                let (_, outputs) = estimate::explain(&self.scenario);
                let at = self
                    .columns
                    .iter()
                    .map(|c| outputs.iter().position(|o| o.id == c.id))
                    .collect();
                self.layouts.push((len, at));
                self.layouts.len() - 1
            }
        };
        for (slot, at) in self.row.iter_mut().zip(&self.layouts[layout].1) {
            *slot = at.and_then(|i| self.values.get(i).copied());
        }
        if let Some(col) = self
            .row
            .iter()
            .position(|v| v.is_some_and(|v| !v.is_finite()))
        {
            let id = &self.columns[col].id;
            return Err(invalid(
                Subject::Named(id.to_string()),
                format!("too large to compute with at {}", self.describe(point)),
                "narrow the span, or check the inputs it uses for a value far too large, or a throughput or size far too small".into(),
            ));
        }
        Ok(())
    }

    /// Estimates every point: `steps` rows for one axis, the product of the axes' steps for a
    /// grid, the first axis varying slowest.
    pub fn run(&mut self) -> Result<Sweep, Diagnostic> {
        let rows: usize = self.axes.iter().map(|a| a.steps).product();
        let (n, width) = (self.axes.len(), self.columns.len());
        let mut inputs = Vec::with_capacity(rows * n);
        let mut values = Vec::with_capacity(rows * width);
        let mut point = vec![0.0; n];
        for r in 0..rows {
            let mut rest = r;
            for k in (0..n).rev() {
                let steps = self.axes[k].steps;
                point[k] = self.axes[k].value(rest % steps);
                rest /= steps;
            }
            self.eval(&point)?;
            inputs.extend_from_slice(&point);
            values.extend_from_slice(&self.row);
        }
        Ok(Sweep {
            axes: self.axes.clone(),
            columns: self.columns.clone(),
            inputs,
            values,
        })
    }

    /// Along the first axis, the smallest value at which `condition` holds, for each combination
    /// of the other axes' values in `sweep` (which [`Sweeper::run`] made). Between the last step
    /// where it does not hold and the first where it does, the value is bisected to a relative
    /// 10^-12 (to 1 for a whole-number input). A condition that holds only between two steps
    /// where it does not is not seen.
    pub fn until(&mut self, sweep: &Sweep, condition: &Condition) -> Result<Until, Diagnostic> {
        let col = sweep.column(&condition.output).ok_or_else(|| {
            invalid(
                Subject::Named(condition.output.to_string()),
                format!("no output `{}`", condition.output),
                "name an output of this scenario".into(),
            )
        })?;
        let steps = self.axes[0].steps;
        let stride = sweep.len() / steps.max(1);
        let mut crossings = Vec::with_capacity(stride);
        for rest in 0..stride {
            let row = |i: usize| i * stride + rest;
            let others = sweep.inputs(row(0))[1..].to_vec();
            let mut reached: Option<(f64, f64)> = None;
            for i in 0..steps {
                if let Some(x) = sweep.outputs(row(i))[col] {
                    let (lo, hi) = reached.unwrap_or((x, x));
                    reached = Some((lo.min(x), hi.max(x)));
                }
            }
            let hit = (0..steps).find(|&i| condition.holds(sweep.outputs(row(i))[col]));
            let (first, between) = match hit {
                None => (None, None),
                Some(0) => (Some(sweep.inputs(row(0))[0]), None),
                Some(i) => {
                    let below = sweep.inputs(row(i - 1))[0];
                    let above = sweep.inputs(row(i))[0];
                    let first = self.bisect(sweep.inputs(row(i)), col, condition, below, above)?;
                    (Some(first), Some((below, above)))
                }
            };
            crossings.push(Crossing {
                others,
                first,
                between,
                reached,
            });
        }
        Ok(Until {
            condition: condition.clone(),
            crossings,
        })
    }

    /// Narrows the first axis between `below` (the condition does not hold) and `above` (it
    /// does), the other axes as in `at`; returns the smallest value found where it holds.
    fn bisect(
        &mut self,
        at: &[f64],
        col: usize,
        condition: &Condition,
        mut below: f64,
        mut above: f64,
    ) -> Result<f64, Diagnostic> {
        let mut point = at.to_vec();
        for _ in 0..200 {
            if above - below <= above.abs() * 1e-12 {
                break;
            }
            let mid = self.axes[0].between(below, above);
            if mid <= below || mid >= above {
                break;
            }
            point[0] = mid;
            self.eval(&point)?;
            if condition.holds(self.row[col]) {
                above = mid;
            } else {
                below = mid;
            }
        }
        Ok(above)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::path::p;

    /// Flat f32 vectors of 256 dimensions (1,024 B each) on nodes of 100 GB at 50% headroom:
    /// 50 GB usable, so a second shard from 50e9 ÷ 1,024 = 48,828,125 vectors.
    fn flat() -> Scenario {
        crate::scenario::load_str(
            "[meta]\nid = \"flat\"\ntitle = \"Flat\"\n\
             [traffic]\ndau = \"100M\"\nrequests_per_user_per_day = 5\n\
             [embeddings]\nvectors = \"10M\"\ndim = 256\ndtype = \"f32\"\n\
             [index]\nkind = \"flat\"\nnode_memory = \"100 GB\"\nmemory_headroom = 0.5\n",
            "flat.toml",
        )
        .unwrap()
    }

    fn axis(s: &Scenario, path: &str, lo: f64, hi: f64, steps: usize, spacing: Spacing) -> Axis {
        Axis::new(s, &p(path), (lo, hi), steps, spacing).unwrap()
    }

    #[test]
    fn steps_are_even_or_geometric_with_both_ends() {
        let s = flat();
        let even = axis(&s, "traffic.dau", 1e8, 4e8, 3, Spacing::Linear);
        // 100M + (400M − 100M) × 1/2 = 250M.
        assert_eq!(
            [even.value(0), even.value(1), even.value(2)],
            [1e8, 2.5e8, 4e8]
        );
        let log = axis(&s, "traffic.dau", 1e8, 4e8, 3, Spacing::Log);
        // 100M × (400M ÷ 100M)^(1/2) = 100M × 2 = 200M.
        assert_eq!([log.value(0), log.value(1), log.value(2)], [1e8, 2e8, 4e8]);
        // A whole-number input is rounded: 128 + (512 − 128) × 1/3 = 256; 128 + 384 × 0.4 = 281.6 → 282.
        let dim = axis(&s, "embeddings.dim", 128.0, 512.0, 4, Spacing::Linear);
        assert_eq!(dim.value(1), 256.0);
        let dim = axis(&s, "embeddings.dim", 128.0, 512.0, 6, Spacing::Linear);
        assert_eq!(dim.value(2), 282.0);
    }

    #[test]
    fn a_sweep_estimates_every_step_by_position() {
        let s = flat();
        let dau = axis(&s, "traffic.dau", 1e8, 4e8, 3, Spacing::Linear);
        let mut sweeper = Sweeper::new(s, vec![dau]).unwrap();
        let sweep = sweeper.run().unwrap();
        assert_eq!(sweep.len(), 3);
        let qps = sweep.column("traffic.avg_qps").unwrap();
        // dau × 5 ÷ 86,400: 5e8 ÷ 86,400 = 5,787.04; 1.25e9 ÷ 86,400 = 14,467.6; 2e9 ÷ 86,400 = 23,148.1.
        for (row, expected) in [
            (0, 5e8 / 86_400.0),
            (1, 1.25e9 / 86_400.0),
            (2, 2e9 / 86_400.0),
        ] {
            let got = sweep.outputs(row)[qps].unwrap();
            assert!((got - expected).abs() < 1e-6, "{row}: {got}");
        }
        assert!(sweep.moves(qps));
        // The index does not read traffic: 10M × 1,024 B = 10.24 GB throughout.
        let memory = sweep.column("index.memory").unwrap();
        assert!(!sweep.moves(memory));
        assert_eq!(sweep.outputs(2)[memory], Some(1.024e10));
    }

    #[test]
    fn an_output_computed_only_inside_the_span_is_missing_where_it_is_not() {
        let s = crate::presets::builtin()
            .iter()
            .find(|p| p.id == "video-recommendation")
            .unwrap()
            .load()
            .unwrap();
        // A stage with no latency has nothing in flight: no fleet.ranking.concurrency at 0 s.
        let latency = axis(&s, "stage.ranking.latency", 0.0, 0.04, 3, Spacing::Linear);
        let mut sweeper = Sweeper::new(s, vec![latency]).unwrap();
        let sweep = sweeper.run().unwrap();
        let col = sweep.column("fleet.ranking.concurrency").unwrap();
        assert_eq!(sweep.outputs(0)[col], None);
        // 1B × 5 ÷ 86,400 × 2 = 115,740.7/s peak, each reaching ranking, × 20 ms = 2,314.8.
        let in_flight = sweep.outputs(1)[col].unwrap();
        assert!((in_flight - 1e9 * 5.0 / 86_400.0 * 2.0 * 0.02).abs() < 1e-6);
        // The other outputs keep their places: 30 ms candidates + 0 ms ranking + 10 ms re-ranking
        // + 20 ms overhead = 60 ms at 0 s; 80 ms at 20 ms.
        let total = sweep.column("latency.total").unwrap();
        assert!((sweep.outputs(0)[total].unwrap() - 0.06).abs() < 1e-12);
        assert!((sweep.outputs(1)[total].unwrap() - 0.08).abs() < 1e-12);
    }

    #[test]
    fn a_grid_varies_the_first_axis_slowest() {
        let s = flat();
        let dau = axis(&s, "traffic.dau", 1e8, 2e8, 2, Spacing::Linear);
        let vectors = axis(&s, "embeddings.vectors", 1e7, 3e7, 3, Spacing::Linear);
        let mut sweeper = Sweeper::new(s, vec![dau, vectors]).unwrap();
        let sweep = sweeper.run().unwrap();
        assert_eq!(sweep.len(), 6);
        assert_eq!(sweep.inputs(0), [1e8, 1e7]);
        assert_eq!(sweep.inputs(2), [1e8, 3e7]);
        assert_eq!(sweep.inputs(3), [2e8, 1e7]);
    }

    #[test]
    fn until_bisects_between_the_steps_that_bracket_the_crossing() {
        let s = flat();
        // 10M, 20M, …, 100M: 40M × 1,024 B = 40.96 GB fits 50 GB, 50M × 1,024 B = 51.2 GB does not.
        let vectors = axis(&s, "embeddings.vectors", 1e7, 1e8, 10, Spacing::Linear);
        let mut sweeper = Sweeper::new(s, vec![vectors]).unwrap();
        let sweep = sweeper.run().unwrap();
        let c = Condition::parse("index.shards > 1", sweeper.columns()).unwrap();
        let until = sweeper.until(&sweep, &c).unwrap();
        let crossing = &until.crossings[0];
        assert_eq!(crossing.between, Some((4e7, 5e7)));
        // 50 GB ÷ 1,024 B = 48,828,125 vectors exactly fill one shard; one more needs a second.
        let first = crossing.first.unwrap();
        assert!(
            first > 48_828_125.0 && first - 48_828_125.0 < 1e-3,
            "{first}"
        );
        // ⌈100M × 1,024 B ÷ 50 GB⌉ = ⌈2.048⌉ = 3 shards at most.
        assert_eq!(crossing.reached, Some((1.0, 3.0)));
        // Never: at most 3 shards.
        let c = Condition::parse("index.shards >= 4", sweeper.columns()).unwrap();
        let until = sweeper.until(&sweep, &c).unwrap();
        assert_eq!(until.crossings[0].first, None);
        // Already at the low end.
        let c = Condition::parse("index.shards>=1", sweeper.columns()).unwrap();
        let until = sweeper.until(&sweep, &c).unwrap();
        assert_eq!(until.crossings[0].first, Some(1e7));
        assert_eq!(until.crossings[0].between, None);
    }

    #[test]
    fn a_whole_number_input_is_bisected_to_whole_numbers() {
        let s = flat();
        // 10M vectors × dim × 4 B > 50 GB from dim > 50e9 ÷ 40M = 1,250: the first is 1,251.
        let dim = axis(&s, "embeddings.dim", 1000.0, 2000.0, 3, Spacing::Linear);
        let mut sweeper = Sweeper::new(s, vec![dim]).unwrap();
        let sweep = sweeper.run().unwrap();
        let c = Condition::parse("index.shards > 1", sweeper.columns()).unwrap();
        let until = sweeper.until(&sweep, &c).unwrap();
        assert_eq!(until.crossings[0].first, Some(1251.0));
    }

    #[test]
    fn conditions_read_the_threshold_in_the_outputs_kind() {
        let s = flat();
        let dau = axis(&s, "traffic.dau", 1e8, 2e8, 2, Spacing::Linear);
        let sweeper = Sweeper::new(s, vec![dau]).unwrap();
        let cols = sweeper.columns();
        let c = Condition::parse("index.memory >= 1 TB", cols).unwrap();
        assert_eq!((c.op, c.value), (Op::Ge, 1e12));
        let c = Condition::parse("traffic.peak_qps < 10k/s", cols).unwrap();
        assert_eq!((c.op, c.value), (Op::Lt, 1e4));
        let e = Condition::parse("index.shard > 1", cols).unwrap_err();
        assert!(e.hint.contains("`index.shards`"), "{e}");
        let e = Condition::parse("index.memory > 2 ms", cols).unwrap_err();
        assert!(e.problem.contains("duration"), "{e}");
        assert!(Condition::parse("index.memory", cols).is_err());
        assert_eq!(Condition::split("a.b<=3"), Some(("a.b", Op::Le, "3")));
        assert_eq!(Condition::split("> 3"), None);
        // A fraction may pass 100%: 1.2 and 120% are the same threshold.
        assert_eq!(threshold("120%", Kind::Fraction).unwrap(), 1.2);
        assert_eq!(threshold("1.2", Kind::Fraction).unwrap(), 1.2);
    }

    #[test]
    fn bad_axes_say_what_to_write() {
        let s = flat();
        // A misspelt path is caught where it is read, with the nearest paths of the scenario.
        let e = crate::scenario::overrides::parse_path(&s, "traffic.dua").unwrap_err();
        assert!(e.hint.contains("`traffic.dau`"), "{e}");
        // A path of a section the scenario lacks is no axis.
        let e = Axis::new(&s, &p("cache.items"), (1.0, 2.0), 5, Spacing::Linear).unwrap_err();
        assert!(e.problem.contains("unknown input"), "{e}");
        let e = Axis::new(&s, &p("index.kind"), (1.0, 2.0), 5, Spacing::Linear).unwrap_err();
        assert!(e.problem.contains("not a quantity"), "{e}");
        let e = Axis::new(&s, &p("traffic.dau"), (0.0, 2.0), 5, Spacing::Log).unwrap_err();
        assert!(e.problem.contains("log spacing"), "{e}");
        assert!(Axis::new(&s, &p("traffic.dau"), (1.0, 2.0), 1, Spacing::Linear).is_err());
        assert!(Axis::new(&s, &p("traffic.dau"), (2.0, 1.0), 5, Spacing::Linear).is_err());
        let a = axis(&s, "traffic.dau", 1.0, 2.0, 101, Spacing::Linear);
        let b = axis(&s, "embeddings.vectors", 1.0, 2.0, 100, Spacing::Linear);
        // 101 × 100 = 10,100 points, over 10,000.
        let e = Sweeper::new(s.clone(), vec![a.clone(), b]).err().unwrap();
        assert!(e.problem.contains("101 × 100"), "{e}");
        let e = Sweeper::new(s, vec![a.clone(), a]).err().unwrap();
        assert!(e.problem.contains("twice"), "{e}");
    }

    #[test]
    fn an_overflow_names_the_output_and_the_point() {
        let s = flat();
        let dau = axis(&s, "traffic.dau", 1e300, 1e308, 2, Spacing::Linear);
        let mut sweeper = Sweeper::new(s, vec![dau]).unwrap();
        let e = sweeper.run().unwrap_err();
        // 1e308 × 5 requests overflows f64.
        assert!(e.problem.contains("too large"), "{e}");
        assert!(e.problem.contains("traffic.dau = "), "{e}");
    }

    #[test]
    fn corners_are_checked_as_a_file_is() {
        let s = crate::scenario::load_str(
            "[meta]\nid = \"c\"\ntitle = \"C\"\n[traffic]\nqps = \"1k/s\"\n\
             [cache]\nitems = \"1M\"\ncached_items = \"100k\"\nitem_size = \"2 KB\"\n",
            "c.toml",
        )
        .unwrap();
        // A cache of 2M items over 1M items is refused, as in a file, at the high end.
        let cached = axis(&s, "cache.cached_items", 1e5, 2e6, 5, Spacing::Linear);
        let mut sweeper = Sweeper::new(s, vec![cached]).unwrap();
        let e = sweeper.validate_corners().unwrap_err();
        assert!(e.problem.starts_with("at cache.cached_items = 2M: "), "{e}");
        assert_eq!(e.subject.to_string(), "cache.cached_items");
    }
}

//! Naming the slip: when an answer matches what a known mistake gives (forgot the peak factor,
//! replication, the regions or the spares; bits for bytes; a k/M/B slip; per day for per second;
//! the embedding dtype's bytes; on the ML side the ×3 of forward + backward, the optimizer state,
//! relative vs absolute MDE, the consensus labels; on the generative side, in
//! [`super::genai`], the 2 of K and V, attention for KV heads, bits for bytes on the dtype, total
//! for active parameters, the weights a decode step reads), the feedback says which. Mistakes that drop an input are worked
//! out by running the estimate again without it, so the ceilings and sums come out as the
//! candidate's would; the rest are a fixed factor off the truth.

use super::question::Question;
use crate::estimate;
use crate::scenario::{Dtype, overrides};
use crate::units::Kind;

/// A known mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlipKind {
    PeakFactor,
    Replication,
    Regions,
    Spares,
    DtypeBytes,
    /// 10^5 s for a day: the napkin shortcut, not a mistake.
    NapkinDay,
    Thousand,
    PerDay,
    Bits,
    Binary,
    /// 2·N·D for 6·N·D: the forward pass alone.
    BackwardPass,
    OptimizerState,
    /// A relative MDE taken as absolute, or the other way round.
    MdeMixup,
    Consensus,
    /// The KV cache without its 2: keys alone, or values alone.
    KeysAndValues,
    /// Attention (query) heads where the KV cache keeps the fewer KV heads.
    AttentionHeads,
    /// A dtype's bits taken for its bytes (16 for f16).
    DtypeBits,
    /// A mixture of experts' total parameters where a token's FLOPs use the active ones.
    TotalParams,
    /// A decode step that reads only the KV cache, not the weights.
    WeightsEveryStep,
}

impl SlipKind {
    /// Whether the slip is a fine shortcut rather than a mistake.
    pub fn is_fine(self) -> bool {
        self == SlipKind::NapkinDay
    }
}

/// A slip an answer matches.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    pub kind: SlipKind,
    /// What went wrong and how to put it right.
    pub text: String,
    /// What the mistake gives.
    pub value: f64,
}

/// |log10(a ÷ b)|.
fn dex(a: f64, b: f64) -> f64 {
    (a / b).log10().abs()
}

/// How close an answer must be to a mistake's value (dex): about 5% for a re-run, 2% for a factor.
const RERUN_TOLERANCE: f64 = 0.02;
const FACTOR_TOLERANCE: f64 = 0.009;

/// The output's value with `sets` applied to the question's scenario.
fn rerun(q: &Question, sets: &[(String, String)]) -> Option<f64> {
    let mut s = q.scenario.clone();
    for (path, value) in sets {
        overrides::set(&mut s, path, value).ok()?;
    }
    let (_, outputs) = estimate::explain(&s);
    outputs
        .into_iter()
        .find(|o| o.id == q.output)
        .map(|o| o.value)
        .filter(|v| v.is_finite() && *v > 0.0)
}

/// The mistakes that drop an input, with what to set to make them, as they fit `q`.
/// A mistake that drops inputs: its kind, what it says, and the inputs to set to make it.
type Dropped = (SlipKind, String, Vec<(String, String)>);

fn dropped_inputs(q: &Question) -> Vec<Dropped> {
    let s = &q.scenario;
    let mut out = Vec::new();
    if let Some(t) = &s.traffic
        && t.peak_factor > 1.0
    {
        out.push((
            SlipKind::PeakFactor,
            format!(
                "forgot the peak factor: the average × {} is the peak",
                crate::units::format::Sig(t.peak_factor)
            ),
            vec![("traffic.peak_factor".into(), "1".into())],
        ));
    }
    let replicated: Vec<_> = s.corpora.iter().filter(|c| c.replication > 1.0).collect();
    if !replicated.is_empty() {
        let copies = replicated[0].replication;
        out.push((
            SlipKind::Replication,
            format!(
                "forgot replication: every item is kept {} times",
                crate::units::format::Sig(copies)
            ),
            replicated
                .iter()
                .map(|c| (format!("corpus.{}.replication", c.name), "1".into()))
                .collect(),
        ));
    }
    if s.serving.redundancy > 0.0 {
        out.push((
            SlipKind::Spares,
            format!(
                "forgot the spares: N+{k} adds {k} per stage and region",
                k = s.serving.redundancy
            ),
            vec![("serving.redundancy".into(), "0".into())],
        ));
    }
    if let Some(e) = &s.embeddings
        && matches!(e.dtype, Dtype::F32 | Dtype::F16)
    {
        let bytes = if e.dtype == Dtype::F32 { 4 } else { 2 };
        let name = if e.dtype == Dtype::F32 { "f32" } else { "f16" };
        out.push((
            SlipKind::DtypeBytes,
            format!(
                "forgot the embedding dtype's bytes: {name} takes {bytes} bytes a dimension, not 1"
            ),
            vec![("embeddings.dtype".into(), "int8".into())],
        ));
    }
    ml_dropped(q, &mut out);
    super::genai::rerun_slips(q, &mut out);
    out
}

/// The ML side's mistakes that drop or misread an input.
fn ml_dropped(q: &Question, out: &mut Vec<Dropped>) {
    let s = &q.scenario;
    let stateful: Vec<_> = s
        .embedding_tables
        .iter()
        .filter(|t| t.optimizer != crate::scenario::Optimizer::Sgd)
        .collect();
    if !stateful.is_empty() {
        out.push((
            SlipKind::OptimizerState,
            "forgot the optimizer state: Adam keeps 2 more copies of the weights (m and v), Adagrad 1, row-wise Adagrad one float per row".into(),
            stateful
                .iter()
                .map(|t| (format!("embedding_table.{}.optimizer", t.name), "sgd".into()))
                .collect(),
        ));
    }
    if let Some(x) = &s.experiment {
        let base = x.baseline_rate.or(x.baseline_mean).unwrap_or(0.0);
        let swap = match (x.mde_relative, x.mde_absolute) {
            // The relative MDE m read as an absolute δ, or δ read as relative.
            (Some(m), None) => Some(("experiment.mde_relative", "experiment.mde_absolute", m)),
            (None, Some(d)) => Some(("experiment.mde_absolute", "experiment.mde_relative", d)),
            _ => None,
        };
        if let Some((given, other, m)) = swap.filter(|_| base > 0.0 && base != 1.0) {
            out.push((
                SlipKind::MdeMixup,
                format!(
                    "mixed up relative and absolute MDE: a relative MDE m is an absolute δ = baseline × m ({} × m here), and n grows as 1/δ²",
                    crate::units::format::Sig(base)
                ),
                vec![(given.into(), String::new()), (other.into(), m.to_string())],
            ));
        }
    }
    if let Some(l) = &s.labelling
        && l.labels_per_item > 1.0
    {
        out.push((
            SlipKind::Consensus,
            format!(
                "forgot the consensus labels: each item needs {} labels (raters or boxes), not one",
                crate::units::format::Sig(l.labels_per_item)
            ),
            vec![("labelling.labels_per_item".into(), "1".into())],
        ));
    }
}

/// The mistakes that put the answer a fixed factor off, as they fit `q`: (kind, why, factor the
/// mistake multiplies the truth by).
fn factors(q: &Question) -> Vec<(SlipKind, String, f64)> {
    let working: String = q
        .steps
        .iter()
        .map(|s| crate::report::working::text(s, crate::units::format::Style::Decimal))
        .collect();
    let mut out = Vec::new();
    super::genai::factor_slips(q, &mut out);
    if let Some(t) = &q.scenario.training
        && t.params.is_some()
        && q.output.section == crate::estimate::Section::Training
    {
        out.push((
            SlipKind::BackwardPass,
            "forgot the ×3 of forward + backward: training is 6·N·D FLOPs (2N forward + 4N backward per example), not 2·N·D".into(),
            1.0 / 3.0,
        ));
    }
    let regions = q.scenario.serving.regions;
    if regions > 1.0
        && working.contains("regions")
        && q.output.section != crate::estimate::Section::Latency
    {
        out.push((
            SlipKind::Regions,
            format!(
                "forgot the regions: that is one region's share; × {} regions",
                crate::units::format::Sig(regions)
            ),
            1.0 / regions,
        ));
    }
    if working.contains("86,400") {
        for f in [86_400.0 / 1e5, 1e5 / 86_400.0] {
            out.push((
                SlipKind::NapkinDay,
                "you used 10^5 s for a day: fine, that is the napkin shortcut (a day is 86,400 s)"
                    .into(),
                f,
            ));
        }
    }
    for f in [1e3, 1e-3, 1e6, 1e-6] {
        out.push((
            SlipKind::Thousand,
            format!(
                "a k/M/B slip: your number is {}× too {}; count the zeroes (k = 10^3, M = 10^6, B = 10^9)",
                if !(1e-4..=1e4).contains(&f) { "a million" } else { "1,000" },
                if f > 1.0 { "high" } else { "low" }
            ),
            f,
        ));
    }
    if matches!(
        q.kind,
        Kind::Rate | Kind::DataRate | Kind::Count | Kind::Size | Kind::SizePerDay
    ) {
        for (f, why) in [
            (
                86_400.0,
                "per day for per second: that is the daily amount; a rate per second is the daily amount ÷ 86,400 s",
            ),
            (
                1.0 / 86_400.0,
                "per second for per day: that is the rate per second; a daily amount is the rate × 86,400 s",
            ),
        ] {
            out.push((SlipKind::PerDay, why.into(), f));
        }
    }
    if matches!(q.kind, Kind::Size | Kind::SizePerDay | Kind::DataRate) {
        out.push((
            SlipKind::Bits,
            "bits for bytes: your number is 8× too high; a byte is 8 bits".into(),
            8.0,
        ));
        out.push((
            SlipKind::Bits,
            "bits for bytes: your number is 8× too low; a byte is 8 bits".into(),
            1.0 / 8.0,
        ));
    }
    // GB for GiB at the truth's own prefix: 401 GB read as 401 GiB, or the other way.
    let power = (q.truth.log10() / 3.0).floor() as i32;
    if matches!(q.kind, Kind::Size | Kind::SizePerDay) && (1..=5).contains(&power) {
        let prefix = ["K", "M", "G", "T", "P"][power as usize - 1];
        let r = 1.024f64.powi(power);
        out.push((
            SlipKind::Binary,
            format!(
                "GB for GiB: your number is the answer in {prefix}iB (2^{}) written as {prefix}B (10^{}); 1 {prefix}iB = {r:.3} {prefix}B",
                10 * power,
                3 * power
            ),
            1.0 / r,
        ));
        out.push((
            SlipKind::Binary,
            format!(
                "GiB for GB: your number is the answer in {prefix}B (10^{}) made {r:.3}× larger, as if it were {prefix}iB (2^{})",
                3 * power,
                10 * power
            ),
            r,
        ));
    }
    out
}

/// The slip `value` matches, if any: it must be nearer what the mistake gives than the truth.
/// Dropped inputs are tried first, then the fixed factors; the closest match wins.
pub fn named(q: &Question, value: f64) -> Option<Slip> {
    if !(value > 0.0 && value.is_finite() && q.truth > 0.0) {
        return None;
    }
    let off = dex(value, q.truth);
    let mut best: Option<(f64, Slip)> = None;
    let consider =
        |best: &mut Option<(f64, Slip)>, kind, text: String, mistaken: f64, tolerance: f64| {
            let d = dex(value, mistaken);
            // Nearer the mistake than halfway from it to the truth: a mistake that changes little
            // needs an answer that matches it closely.
            if d > tolerance || d >= off || d >= dex(mistaken, q.truth) / 2.0 {
                return;
            }
            if best.as_ref().is_none_or(|(b, _)| d < *b) {
                *best = Some((
                    d,
                    Slip {
                        kind,
                        text,
                        value: mistaken,
                    },
                ));
            }
        };
    for (kind, text, sets) in dropped_inputs(q) {
        if let Some(v) = rerun(q, &sets) {
            consider(&mut best, kind, text, v, RERUN_TOLERANCE);
        }
    }
    if let Some((kind, text, v)) = super::genai::without_weights(q) {
        consider(&mut best, kind, text, v, RERUN_TOLERANCE);
    }
    if best.is_none() {
        for (kind, text, f) in factors(q) {
            consider(&mut best, kind, text, q.truth * f, FACTOR_TOLERANCE);
        }
    }
    best.map(|(_, s)| s)
}

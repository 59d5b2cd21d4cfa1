//! Naming the slip by recomputation: a known mistake is a variant of the working (an input
//! dropped or changed, a factor left out of a step, a unit read wrongly), and an answer matches
//! it when the variant, worked out, gives the answer. The estimate is run again with the input
//! changed (so ceilings and sums come out as the candidate's would), with the candidate's
//! earlier answers given in a walk, and the slip is named with the step it changes.
//!
//! Variants that change the working: the peak factor, the replication, the regions (the
//! "× regions" of the step), the N+k spares, the memory headroom, the IVF list ids, the
//! embedding dtype's bytes, the optimizer state (or Adam for row-wise Adagrad), the arms, CUPED,
//! the downsampling, the network overhead, relative vs absolute MDE, the consensus labels, the
//! ×3 of forward + backward. Unit slips put the answer a fixed factor off: per day vs per
//! second, bits for bytes, GB vs GiB, a k/M/B slip, and 10^5 s for a day (a shortcut, not a
//! mistake). The generative side's (in [`super::genai`]): the 2 of K and V, attention heads
//! for KV heads, bits for bytes on the dtype, total for active parameters, the weights a decode
//! step reads.

use super::question::Question;
use crate::estimate::{self, Dep, Op, Output, OutputId, Piece};
use crate::report::working;
use crate::scenario::{Dtype, IndexKind, InputPath, Optimizer, overrides};
use crate::units::Kind;
use crate::units::format::{Sig, Style};

/// A known mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlipKind {
    PeakFactor,
    Replication,
    Regions,
    Spares,
    Headroom,
    IvfIds,
    DtypeBytes,
    OptimizerState,
    /// Adam's two state copies where the table uses row-wise Adagrad's one float a row.
    AdamForRowwise,
    Arms,
    Cuped,
    Downsampling,
    Overhead,
    /// 10^5 s for a day: the napkin shortcut, not a mistake.
    NapkinDay,
    Thousand,
    PerDay,
    Bits,
    Binary,
    /// 2·N·D for 6·N·D: the forward pass alone.
    BackwardPass,
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
    pub const ALL: [SlipKind; 26] = [
        SlipKind::PeakFactor,
        SlipKind::Replication,
        SlipKind::Regions,
        SlipKind::Spares,
        SlipKind::Headroom,
        SlipKind::IvfIds,
        SlipKind::DtypeBytes,
        SlipKind::OptimizerState,
        SlipKind::AdamForRowwise,
        SlipKind::Arms,
        SlipKind::Cuped,
        SlipKind::Downsampling,
        SlipKind::Overhead,
        SlipKind::NapkinDay,
        SlipKind::Thousand,
        SlipKind::PerDay,
        SlipKind::Bits,
        SlipKind::Binary,
        SlipKind::BackwardPass,
        SlipKind::MdeMixup,
        SlipKind::Consensus,
        SlipKind::KeysAndValues,
        SlipKind::AttentionHeads,
        SlipKind::DtypeBits,
        SlipKind::TotalParams,
        SlipKind::WeightsEveryStep,
    ];

    /// Whether the slip is a fine shortcut rather than a mistake.
    pub fn is_fine(self) -> bool {
        self == SlipKind::NapkinDay
    }

    /// The stable name kept in the history: "peak_factor".
    pub fn key(self) -> &'static str {
        match self {
            SlipKind::PeakFactor => "peak_factor",
            SlipKind::Replication => "replication",
            SlipKind::Regions => "regions",
            SlipKind::Spares => "spares",
            SlipKind::Headroom => "headroom",
            SlipKind::IvfIds => "ivf_ids",
            SlipKind::DtypeBytes => "dtype_bytes",
            SlipKind::OptimizerState => "optimizer_state",
            SlipKind::AdamForRowwise => "adam_for_rowwise",
            SlipKind::Arms => "arms",
            SlipKind::Cuped => "cuped",
            SlipKind::Downsampling => "downsampling",
            SlipKind::Overhead => "overhead",
            SlipKind::NapkinDay => "napkin_day",
            SlipKind::Thousand => "thousand",
            SlipKind::PerDay => "per_day",
            SlipKind::Bits => "bits",
            SlipKind::Binary => "binary",
            SlipKind::BackwardPass => "backward_pass",
            SlipKind::MdeMixup => "mde_mixup",
            SlipKind::Consensus => "consensus",
            SlipKind::KeysAndValues => "keys_and_values",
            SlipKind::AttentionHeads => "attention_heads",
            SlipKind::DtypeBits => "dtype_bits",
            SlipKind::TotalParams => "total_params",
            SlipKind::WeightsEveryStep => "weights_every_step",
        }
    }

    /// The slip read back from the history.
    pub fn from_key(key: &str) -> Option<SlipKind> {
        SlipKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What the mistake is, in a few words: "forgot the peak factor".
    pub fn name(self) -> &'static str {
        match self {
            SlipKind::PeakFactor => "forgot the peak factor",
            SlipKind::Replication => "forgot the replication",
            SlipKind::Regions => "forgot the regions",
            SlipKind::Spares => "forgot the spares",
            SlipKind::Headroom => "forgot the memory headroom",
            SlipKind::IvfIds => "forgot the IVF list ids",
            SlipKind::DtypeBytes => "forgot the dtype's bytes",
            SlipKind::OptimizerState => "forgot the optimizer state",
            SlipKind::AdamForRowwise => "Adam's state for row-wise Adagrad",
            SlipKind::Arms => "forgot the arms",
            SlipKind::Cuped => "forgot CUPED",
            SlipKind::Downsampling => "forgot the downsampling",
            SlipKind::Overhead => "forgot the network overhead",
            SlipKind::NapkinDay => "10^5 s for a day",
            SlipKind::Thousand => "a k/M/B slip",
            SlipKind::PerDay => "per day for per second",
            SlipKind::Bits => "bits for bytes",
            SlipKind::Binary => "GB for GiB",
            SlipKind::BackwardPass => "forgot the backward pass",
            SlipKind::MdeMixup => "relative for absolute MDE",
            SlipKind::Consensus => "forgot the consensus labels",
            SlipKind::KeysAndValues => "forgot the 2 of K and V",
            SlipKind::AttentionHeads => "attention heads for KV heads",
            SlipKind::DtypeBits => "bits for bytes on the dtype",
            SlipKind::TotalParams => "total for active parameters",
            SlipKind::WeightsEveryStep => "forgot the weights each decode step reads",
        }
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
    /// The step the mistake changes, with its output's label: "Peak QPS: 57.9k/s average × peak
    /// factor 2 = 116k/s".
    pub step: Option<String>,
}

/// How a mistake changes the working.
enum Change {
    /// Inputs set to other values, the estimate worked out again.
    Set(Vec<(InputPath, String)>),
    /// The question's own last step without its "× input" (or "÷ input").
    Drop(InputPath),
    /// The answer a fixed factor off what the working gives.
    Factor(f64),
    /// The value the mistaken working gives, worked out by its own rule.
    Value(f64),
}

struct Mistake {
    kind: SlipKind,
    text: String,
    change: Change,
}

/// |log10(a ÷ b)|.
fn dex(a: f64, b: f64) -> f64 {
    (a.log10() - b.log10()).abs()
}

/// How close an answer must be to a mistake's value (dex): about 5% for a re-run, 2% for a factor.
const RERUN_TOLERANCE: f64 = 0.02;
const FACTOR_TOLERANCE: f64 = 0.009;

fn path(text: &str) -> InputPath {
    text.parse().expect("a path napkin writes itself")
}

fn set(pairs: &[(String, &str)]) -> Change {
    Change::Set(
        pairs
            .iter()
            .map(|(p, v)| (path(p), v.to_string()))
            .collect(),
    )
}

/// What the question's working is, as the estimate gives it with `givens`: every output.
fn worked(q: &Question, givens: &[(OutputId, f64)]) -> Vec<Output> {
    estimate::explain_given(&q.scenario, givens).1
}

/// The mistakes of the serving side that fit `q`'s scenario.
fn serving(q: &Question, out: &mut Vec<Mistake>) {
    let s = &q.scenario;
    let mut add = |kind, text: String, change| out.push(Mistake { kind, text, change });
    if let Some(t) = &s.traffic
        && t.peak_factor > 1.0
    {
        add(
            SlipKind::PeakFactor,
            format!(
                "forgot the peak factor: the average × {} is the peak",
                Sig(t.peak_factor)
            ),
            set(&[("traffic.peak_factor".into(), "1")]),
        );
    }
    let replicated: Vec<_> = s.corpora.iter().filter(|c| c.replication > 1.0).collect();
    if let Some(first) = replicated.first() {
        add(
            SlipKind::Replication,
            format!(
                "forgot replication: every item is kept {} times",
                Sig(first.replication)
            ),
            set(&replicated
                .iter()
                .map(|c| (format!("corpus.{}.replication", c.name), "1"))
                .collect::<Vec<_>>()),
        );
    }
    if let Some(fs) = &s.feature_store
        && fs.replication > 1.0
    {
        add(
            SlipKind::Replication,
            format!(
                "forgot replication: the feature store keeps {} copies",
                Sig(fs.replication)
            ),
            set(&[("feature_store.replication".into(), "1")]),
        );
    }
    if s.serving.regions > 1.0 {
        add(
            SlipKind::Regions,
            format!(
                "forgot the regions: that is one region's share; × {} regions",
                Sig(s.serving.regions)
            ),
            Change::Drop(path("serving.regions")),
        );
    }
    if s.serving.redundancy > 0.0 {
        add(
            SlipKind::Spares,
            format!(
                "forgot the spares: N+{k} adds {k} per stage and region",
                k = Sig(s.serving.redundancy)
            ),
            set(&[("serving.redundancy".into(), "0")]),
        );
    }
    if s.serving.overhead.value > 0.0 {
        add(
            SlipKind::Overhead,
            "forgot the network overhead: the latency outside the stages adds to their sum".into(),
            set(&[("serving.overhead".into(), "0 ms")]),
        );
    }
    index(q, &mut add);
}

/// The index's mistakes: the headroom, the list ids, the dtype's bytes.
fn index(q: &Question, add: &mut impl FnMut(SlipKind, String, Change)) {
    let s = &q.scenario;
    if let Some(ix) = &s.index {
        if ix.memory_headroom < 1.0 {
            add(
                SlipKind::Headroom,
                format!(
                    "forgot the memory headroom: only {} of a node's memory is usable",
                    crate::units::Human::new(ix.memory_headroom, Kind::Fraction)
                ),
                set(&[("index.memory_headroom".into(), "1")]),
            );
        }
        if matches!(
            ix.kind,
            IndexKind::IvfFlat | IndexKind::IvfSq8 | IndexKind::IvfPq
        ) && ix.id_bytes.value > 0.0
        {
            add(
                SlipKind::IvfIds,
                "forgot the IVF list ids: each vector's code sits in its list beside an 8-byte id"
                    .into(),
                set(&[("index.id_bytes".into(), "0 B")]),
            );
        }
    }
    if let Some(e) = &s.embeddings
        && let Some((name, bytes)) = match e.dtype {
            Dtype::F32 => Some(("f32", 4)),
            Dtype::F16 => Some(("f16", 2)),
            Dtype::Bf16 => Some(("bf16", 2)),
            _ => None,
        }
    {
        add(
            SlipKind::DtypeBytes,
            format!(
                "forgot the embedding dtype's bytes: {name} takes {bytes} bytes a dimension, not 1"
            ),
            set(&[("embeddings.dtype".into(), "int8")]),
        );
    }
}

/// The ML side's mistakes that fit `q`'s scenario.
fn ml(q: &Question, out: &mut Vec<Mistake>) {
    let s = &q.scenario;
    let mut add = |kind, text: String, change| out.push(Mistake { kind, text, change });
    let table = |t: &crate::scenario::EmbeddingTable, to: &'static str| {
        (format!("embedding_table.{}.optimizer", t.name), to)
    };
    let stateful: Vec<_> = s
        .embedding_tables
        .iter()
        .filter(|t| t.optimizer != Optimizer::Sgd)
        .map(|t| table(t, "sgd"))
        .collect();
    if !stateful.is_empty() {
        add(
            SlipKind::OptimizerState,
            "forgot the optimizer state: Adam keeps 2 more copies of the weights (m and v), Adagrad 1, row-wise Adagrad one float per row".into(),
            set(&stateful),
        );
    }
    let rowwise: Vec<_> = s
        .embedding_tables
        .iter()
        .filter(|t| t.optimizer == Optimizer::RowwiseAdagrad)
        .map(|t| table(t, "adam"))
        .collect();
    if !rowwise.is_empty() {
        add(
            SlipKind::AdamForRowwise,
            "Adam's state for row-wise Adagrad: row-wise Adagrad keeps one float a row, not two copies of the weights".into(),
            set(&rowwise),
        );
    }
    let memory = |key: &str, headroom: f64| (format!("{key}.memory_headroom"), headroom < 1.0);
    for (key, partial) in [
        s.training
            .as_ref()
            .map(|t| memory("training", t.memory_headroom)),
        s.feature_store
            .as_ref()
            .map(|f| memory("feature_store", f.memory_headroom)),
    ]
    .into_iter()
    .flatten()
    {
        if partial {
            add(
                SlipKind::Headroom,
                "forgot the memory headroom: only part of each device's or node's memory is usable"
                    .into(),
                set(&[(key, "1")]),
            );
        }
    }
    experiment(q, &mut add);
    if let Some(sa) = &s.sampling
        && sa.negative_keep_rate < 1.0
    {
        add(
            SlipKind::Downsampling,
            format!(
                "forgot the downsampling: only {} of the negatives are kept, so the kept set's positive rate is not the raw one",
                crate::units::Human::new(sa.negative_keep_rate, Kind::Fraction)
            ),
            set(&[("sampling.negative_keep_rate".into(), "1")]),
        );
    }
    if let Some(l) = &s.labelling
        && l.labels_per_item > 1.0
    {
        add(
            SlipKind::Consensus,
            format!(
                "forgot the consensus labels: each item needs {} labels (raters or boxes), not one",
                Sig(l.labels_per_item)
            ),
            set(&[("labelling.labels_per_item".into(), "1")]),
        );
    }
}

/// The generative side's mistakes that change the working ([`super::genai`]): inputs misread,
/// and a decode step that forgets the weights.
fn generative(q: &Question, out: &mut Vec<Mistake>) {
    let mut reruns = Vec::new();
    super::genai::rerun_slips(q, &mut reruns);
    for (kind, text, sets) in reruns {
        let sets = sets
            .into_iter()
            .filter_map(|(p, v)| Some((p.parse().ok()?, v)))
            .collect();
        out.push(Mistake {
            kind,
            text,
            change: Change::Set(sets),
        });
    }
    if let Some((kind, text, v)) = super::genai::without_weights(q) {
        out.push(Mistake {
            kind,
            text,
            change: Change::Value(v),
        });
    }
}

/// The generative side's unit slips: (kind, why, factor).
fn generative_factors(q: &Question) -> Vec<(SlipKind, String, f64)> {
    let mut out = Vec::new();
    super::genai::factor_slips(q, &mut out);
    out
}

/// The A/B test's mistakes: the arms, CUPED, relative for absolute MDE.
fn experiment(q: &Question, add: &mut impl FnMut(SlipKind, String, Change)) {
    let Some(x) = &q.scenario.experiment else {
        return;
    };
    add(
        SlipKind::Arms,
        format!(
            "forgot the arms: every one of the {} arms needs its sample",
            Sig(x.arms)
        ),
        Change::Drop(path("experiment.arms")),
    );
    if x.cuped_correlation > 0.0 {
        add(
            SlipKind::Cuped,
            format!(
                "forgot CUPED: a pre-period correlation ρ = {} cuts the variance by (1 − ρ²)",
                Sig(x.cuped_correlation)
            ),
            set(&[("experiment.cuped_correlation".into(), "0")]),
        );
    }
    let base = x.baseline_rate.or(x.baseline_mean).unwrap_or(0.0);
    let swap = match (x.mde_relative, x.mde_absolute) {
        // The relative MDE m read as an absolute δ, or δ read as relative.
        (Some(m), None) => Some(("experiment.mde_relative", "experiment.mde_absolute", m)),
        (None, Some(d)) => Some(("experiment.mde_absolute", "experiment.mde_relative", d)),
        _ => None,
    };
    if let Some((given, other, m)) = swap.filter(|_| base > 0.0 && base != 1.0) {
        add(
            SlipKind::MdeMixup,
            format!(
                "mixed up relative and absolute MDE: a relative MDE m is an absolute δ = baseline × m ({} × m here), and n grows as 1/δ²",
                Sig(base)
            ),
            Change::Set(vec![
                (path(given), String::new()),
                (path(other), m.to_string()),
            ]),
        );
    }
}

/// The unit slips and the shortcuts that put an answer a fixed factor off, as they fit `q`:
/// which apply is read from the working's graph (which outputs the answer builds on), not its
/// words.
fn factors(q: &Question, chain: &[&Output], out: &mut Vec<Mistake>) {
    let mut add = |kind, text: String, f: f64| {
        out.push(Mistake {
            kind,
            text,
            change: Change::Factor(f),
        })
    };
    let builds_on = |id: &str| chain.iter().any(|o| o.id == id);
    if builds_on("training.flops")
        && q.scenario
            .training
            .as_ref()
            .is_some_and(|t| t.params.is_some())
    {
        add(
            SlipKind::BackwardPass,
            "forgot the ×3 of forward + backward: training is 6·N·D FLOPs (2N forward + 4N backward per example), not 2·N·D".into(),
            1.0 / 3.0,
        );
    }
    if builds_on("traffic.avg_qps") {
        for f in [86_400.0 / 1e5, 1e5 / 86_400.0] {
            add(
                SlipKind::NapkinDay,
                "you used 10^5 s for a day: fine, that is the napkin shortcut (a day is 86,400 s)"
                    .into(),
                f,
            );
        }
    }
    for f in [1e3, 1e-3, 1e6, 1e-6] {
        add(
            SlipKind::Thousand,
            format!(
                "a k/M/B slip: your number is {}× too {}; count the zeroes (k = 10^3, M = 10^6, B = 10^9)",
                if !(1e-4..=1e4).contains(&f) {
                    "a million"
                } else {
                    "1,000"
                },
                if f > 1.0 { "high" } else { "low" }
            ),
            f,
        );
    }
    if matches!(
        q.kind,
        Kind::Rate | Kind::DataRate | Kind::Count | Kind::Size | Kind::SizePerDay
    ) {
        add(
            SlipKind::PerDay,
            "per day for per second: that is the daily amount; a rate per second is the daily amount ÷ 86,400 s".into(),
            86_400.0,
        );
        add(
            SlipKind::PerDay,
            "per second for per day: that is the rate per second; a daily amount is the rate × 86,400 s".into(),
            1.0 / 86_400.0,
        );
    }
    if matches!(q.kind, Kind::Size | Kind::SizePerDay | Kind::DataRate) {
        add(
            SlipKind::Bits,
            "bits for bytes: your number is 8× too high; a byte is 8 bits".into(),
            8.0,
        );
        add(
            SlipKind::Bits,
            "bits for bytes: your number is 8× too low; a byte is 8 bits".into(),
            1.0 / 8.0,
        );
    }
    binary(q, &mut add);
}

/// GB for GiB at the truth's own prefix: 401 GB read as 401 GiB, or the other way.
fn binary(q: &Question, add: &mut impl FnMut(SlipKind, String, f64)) {
    let power = (q.truth.log10() / 3.0).floor() as i32;
    if !(matches!(q.kind, Kind::Size | Kind::SizePerDay) && (1..=5).contains(&power)) {
        return;
    }
    let prefix = ["K", "M", "G", "T", "P"][power as usize - 1];
    let r = 1.024f64.powi(power);
    add(
        SlipKind::Binary,
        format!(
            "GB for GiB: your number is the answer in {prefix}iB (2^{}) written as {prefix}B (10^{}); 1 {prefix}iB = {r:.3} {prefix}B",
            10 * power,
            3 * power
        ),
        1.0 / r,
    );
    add(
        SlipKind::Binary,
        format!(
            "GiB for GB: your number is the answer in {prefix}B (10^{}) made {r:.3}× larger, as if it were {prefix}iB (2^{})",
            3 * power,
            10 * power
        ),
        r,
    );
}

/// The output itself and every output it builds on that is not given, as worked.
fn chain<'a>(outputs: &'a [Output], id: &OutputId, givens: &[(OutputId, f64)]) -> Vec<&'a Output> {
    let mut out: Vec<&Output> = super::chain::ancestors(outputs, id)
        .into_iter()
        .filter(|a| !givens.iter().any(|(g, _)| g == *a))
        .filter_map(|a| outputs.iter().find(|o| o.id == *a))
        .collect();
    out.extend(outputs.iter().find(|o| o.id == *id));
    out
}

/// "Peak QPS: 57.9k/s average × peak factor 2 = 116k/s": the first step of `chain` that names
/// one of `inputs`, with its output's label.
fn changed_step(chain: &[&Output], inputs: &[InputPath]) -> Option<String> {
    chain.iter().find_map(|o| {
        let step = o.steps.iter().rev().find(|s| {
            s.deps()
                .any(|d| matches!(d, Dep::Input(p) if inputs.contains(p)))
        })?;
        Some(format!(
            "{}: {}",
            o.label,
            working::text(step, Style::Decimal)
        ))
    })
}

/// What `change` gives for `q`'s output, from `base` (what the working gives) and the outputs
/// as worked with `givens`; and the step it changes.
fn apply(
    q: &Question,
    change: &Change,
    base: f64,
    chain: &[&Output],
    givens: &[(OutputId, f64)],
) -> Option<(f64, Option<String>)> {
    match change {
        Change::Factor(f) => Some((base * f, None)),
        Change::Value(v) => Some((*v, None)),
        Change::Drop(input) => {
            // The output's own last step multiplies (or divides) by the input.
            let own = chain.last()?;
            let last = own.steps.last()?;
            let at = last.pieces.iter().position(
                |p| matches!(p, Piece::Num { from: Some(Dep::Input(p)), .. } if p == input),
            )?;
            let (Some(Piece::Op(op)), Piece::Num { value, .. }) =
                (at.checked_sub(1).map(|i| &last.pieces[i]), &last.pieces[at])
            else {
                return None;
            };
            let v = match op {
                Op::Times if *value > 0.0 => base / value,
                Op::Divide => base * value,
                _ => return None,
            };
            Some((
                v,
                Some(format!(
                    "{}: {}",
                    own.label,
                    working::text(last, Style::Decimal)
                )),
            ))
        }
        Change::Set(sets) => {
            let mut s = q.scenario.clone();
            for (p, value) in sets {
                overrides::set_path(&mut s, p, value).ok()?;
            }
            let v = estimate::explain_given(&s, givens)
                .1
                .into_iter()
                .find(|o| o.id == q.output)?
                .value;
            let inputs: Vec<InputPath> = sets.iter().map(|(p, _)| p.clone()).collect();
            (v.is_finite() && v > 0.0).then(|| (v, changed_step(chain, &inputs)))
        }
    }
}

/// The slip `value` matches, if any: it must be nearer what the mistake gives than the truth.
pub fn named(q: &Question, value: f64) -> Option<Slip> {
    named_given(q, value, &[])
}

/// The slip `value` matches, with the candidate's earlier answers `givens` (outputs the
/// question's output builds on) taken as the working's: the mistake is judged against what
/// those numbers give. Changes of the working are tried first, then unit slips; the closest
/// match wins.
pub fn named_given(q: &Question, value: f64, givens: &[(OutputId, f64)]) -> Option<Slip> {
    if !(value > 0.0 && value.is_finite() && q.truth > 0.0) {
        return None;
    }
    let outputs = worked(q, givens);
    let base = outputs.iter().find(|o| o.id == q.output)?.value;
    if !(base > 0.0 && base.is_finite()) {
        return None;
    }
    let chain = chain(&outputs, &q.output, givens);
    let off = dex(value, base);
    let mut working_changes = Vec::new();
    serving(q, &mut working_changes);
    ml(q, &mut working_changes);
    generative(q, &mut working_changes);
    // The generative side's own factors first: at a tie they say more than the general ones.
    let mut units: Vec<Mistake> = generative_factors(q)
        .into_iter()
        .map(|(kind, text, f)| Mistake {
            kind,
            text,
            change: Change::Factor(f),
        })
        .collect();
    factors(q, &chain, &mut units);
    for (mistakes, tolerance) in [
        (working_changes, RERUN_TOLERANCE),
        (units, FACTOR_TOLERANCE),
    ] {
        let mut best: Option<(f64, Slip)> = None;
        for m in mistakes {
            let Some((mistaken, step)) = apply(q, &m.change, base, &chain, givens) else {
                continue;
            };
            let d = dex(value, mistaken);
            // Nearer the mistake than halfway from it to the working's value: a mistake that
            // changes little needs an answer that matches it closely.
            if d > tolerance || d >= off || d >= dex(mistaken, base) / 2.0 {
                continue;
            }
            if best.as_ref().is_none_or(|(b, _)| d < *b) {
                best = Some((
                    d,
                    Slip {
                        kind: m.kind,
                        text: m.text,
                        value: mistaken,
                        step,
                    },
                ));
            }
        }
        if let Some((_, slip)) = best {
            return Some(slip);
        }
    }
    None
}

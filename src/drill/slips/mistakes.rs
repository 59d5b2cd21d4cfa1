//! The catalogue of mistakes: for a question, every variant of its working that a known slip
//! makes (an input changed, a factor dropped, a unit read wrongly), serving side, ML side,
//! generative side and units.

use super::{Change, Mistake, SlipKind, path, set};
use crate::drill::question::Question;
use crate::estimate::Output;
use crate::scenario::{Dtype, IndexKind, Optimizer};
use crate::units::Kind;
use crate::units::format::Sig;

/// The mistakes of the serving side that fit `q`'s scenario.
pub(super) fn serving(q: &Question, out: &mut Vec<Mistake>) {
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
pub(super) fn ml(q: &Question, out: &mut Vec<Mistake>) {
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
pub(super) fn generative(q: &Question, out: &mut Vec<Mistake>) {
    let mut reruns = Vec::new();
    crate::drill::genai::rerun_slips(q, &mut reruns);
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
    if let Some((kind, text, v)) = crate::drill::genai::without_weights(q) {
        out.push(Mistake {
            kind,
            text,
            change: Change::Value(v),
        });
    }
}

/// The generative side's unit slips: (kind, why, factor).
pub(super) fn generative_factors(q: &Question) -> Vec<(SlipKind, String, f64)> {
    let mut out = Vec::new();
    crate::drill::genai::factor_slips(q, &mut out);
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
pub(super) fn factors(q: &Question, chain: &[&Output], out: &mut Vec<Mistake>) {
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

//! `[training]`: one model's training run (FLOPs, device time, wall time, cost) and its
//! accelerator.

use crate::accelerators::Accelerator;
use crate::scenario::diagnostic::suggest_or;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Bool, FieldKind::Quantity as Q, FieldKind::Text, Section, fields,
};
use crate::scenario::validate::Findings;
use crate::scenario::{Count, Named};
use crate::units::{self, Kind, SECONDS_PER_DAY};
use uom::si::f64::{Frequency, Information, Time};

/// One model's training: from scratch, or re-trained on a schedule.
#[derive(Clone, Debug)]
pub struct Training {
    /// Dense parameters: 6 × params FLOPs per example (forward 2, backward 4).
    pub params: Option<Count>,
    /// FLOPs per example, instead of params.
    pub flops_per_example: Option<Count>,
    /// Examples per run; or examples_per_day × window; or `[sampling]`'s kept examples × window.
    pub examples: Option<Count>,
    pub examples_per_day: Option<Count>,
    /// A language model's training tokens: the examples of 6 × N × D (give one of the two).
    pub tokens: Option<Count>,
    /// Without tokens or examples: D = 20 × params (Hoffmann et al. 2022, Chinchilla).
    pub compute_optimal: bool,
    /// The data one run trains on, with examples per day (default 1 d).
    pub window: Time,
    pub epochs: f64,
    /// A named accelerator ([`crate::accelerators`]).
    pub device: Option<Named<Accelerator>>,
    pub device_flops: Option<Frequency>,
    pub device_memory: Option<Information>,
    /// Model FLOPs utilisation.
    pub efficiency: f64,
    pub devices: f64,
    /// Dollars per device-hour.
    pub price_per_device_hour: Option<f64>,
    pub retrain_every: Option<Time>,
    /// Usable fraction of device memory for the embedding tables.
    pub memory_headroom: f64,
}

impl Default for Training {
    fn default() -> Self {
        Training {
            params: None,
            flops_per_example: None,
            examples: None,
            examples_per_day: None,
            tokens: None,
            compute_optimal: false,
            window: units::seconds(SECONDS_PER_DAY),
            epochs: 1.0,
            device: None,
            device_flops: None,
            device_memory: None,
            efficiency: 0.4,
            devices: 1.0,
            price_per_device_hour: None,
            retrain_every: None,
            memory_headroom: 0.8,
        }
    }
}

pub const FIELDS: &[Field<Training>] = fields!(Training {
    params: Q(Kind::Count), false, "dense parameters: 6 × params FLOPs per example (forward 2, backward 4)";
    flops_per_example: Q(Kind::Flop), false, "training FLOPs per example, instead of params";
    examples: Q(Kind::Count), false, "examples per run; or examples_per_day with window (default: [sampling]'s kept examples per day × window)";
    examples_per_day: Q(Kind::Count), false, "new examples a day; a run trains on examples_per_day × window";
    tokens: Q(Kind::Count), false, "a language model's training tokens: the examples of 6 × params × tokens (give tokens or examples)";
    compute_optimal: Bool, false, "with no tokens or examples, train on 20 tokens a parameter (Chinchilla, Hoffmann et al. 2022)";
    window: Q(Kind::Duration), false, "the data one run trains on, with examples per day (default 1 d)";
    epochs: Q(Kind::Factor), false, "passes over the examples (default 1)";
    device: Text, false, "a named accelerator (napkin's reference tab lists them: T4, A10G, L4, L40S, V100, A100, A100-40GB, H100, H100-PCIe, H200, B200, MI300X, TPU v4, TPU v5e, TPU v5p, TPU v6e); fills device_flops and device_memory";
    device_flops: Q(Kind::Rate), false, "peak FLOP/s of one accelerator (default: the named device's BF16, or FP16 where it has no BF16)";
    device_memory: Q(Kind::Size), false, "memory of one accelerator (default: the named device's)";
    efficiency: Q(Kind::Fraction), false, "model FLOPs utilisation, MFU (default 0.4; 0.1–0.3 for recommendation models)";
    devices: Q(Kind::Integer), false, "accelerators used at once (default 1)";
    price_per_device_hour: Q(Kind::Money), false, "dollars per accelerator-hour, for the cost";
    retrain_every: Q(Kind::Duration), false, "how often the model is retrained, for the cost per month (30 d)";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of device memory for the embedding tables (default 0.8)";
});

pub const ROW: Row<Training> = Row {
    section: Section::Training,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.training, |s| &mut s.training),
    check,
};

fn check(f: &mut Findings) {
    let s = f.s;
    let Some(t) = &s.training else { return };
    let at = |key| Section::Training.at(key);
    let section = Section::Training.path();
    match (t.params.is_some(), t.flops_per_example.is_some()) {
        (true, true) => f.say(
            at("flops_per_example"),
            "[training] gives both params and flops_per_example",
            "keep one: params (6 × params FLOPs per example) or flops_per_example",
        ),
        (false, false) => f.add(
            section.clone(),
            "[training] gives neither params nor flops_per_example",
            &[
                &[(&section, "params", "\"100M\"")],
                &[(&section, "flops_per_example", "\"600M\"")],
            ],
            "",
        ),
        _ => {}
    }
    data(f, t);
    match &t.device {
        Some(named) if named.found().is_none() => {
            let name = named.name();
            let known = crate::accelerators::names();
            let hint = format!(
                "{} Known: {}; or remove device and give device_flops and device_memory",
                suggest_or(name, known.iter().copied(), ""),
                known.join(", ")
            );
            f.say(
                at("device"),
                format!("\"{name}\" is not a known accelerator"),
                hint.trim_start(),
            );
        }
        None if t.device_flops.is_none() => f.add(
            at("device_flops"),
            "[training] names no device and gives no device_flops",
            &[
                &[(&section, "device", "\"A100\"")],
                &[(&section, "device_flops", "\"312T/s\"")],
            ],
            "",
        ),
        _ => {}
    }
}

/// The data a run trains on: one of examples, tokens, examples_per_day (with window), [sampling]'s
/// kept examples, or 20 tokens a parameter.
fn data(f: &mut Findings, t: &Training) {
    let at = |key| Section::Training.at(key);
    let section = Section::Training.path();
    let given: Vec<&str> = [
        ("examples", t.examples.is_some()),
        ("examples_per_day", t.examples_per_day.is_some()),
        ("tokens", t.tokens.is_some()),
    ]
    .into_iter()
    .filter(|(_, g)| *g)
    .map(|(k, _)| k)
    .collect();
    match given[..] {
        ["examples", "examples_per_day", ..] => f.say(
            at("examples_per_day"),
            "[training] gives both examples and examples_per_day",
            "keep one: examples per run, or examples_per_day with window",
        ),
        [first, second, ..] => f.say(
            at(second),
            format!("[training] gives both {first} and {second}"),
            "keep one: tokens and examples are the same input (the D of 6 × N × D); or examples_per_day with window",
        ),
        [first] if t.compute_optimal => f.say(
            at("compute_optimal"),
            format!("[training] gives {first} and compute_optimal = true"),
            format!("keep one: compute_optimal trains on 20 tokens a parameter in place of {first}"),
        ),
        [] if t.compute_optimal && t.params.is_none() => f.add(
            at("compute_optimal"),
            "compute_optimal = true needs params: the tokens are 20 × params",
            &[&[(&section, "params", "\"1B\"")]],
            "",
        ),
        [] if !t.compute_optimal && f.s.sampling.is_none() => f.add(
            section.clone(),
            "[training] has no examples and there is no [sampling] to take them from",
            &[
                &[(&section, "examples", "\"10B\"")],
                &[(&section, "tokens", "\"2T\"")],
                &[
                    (&section, "examples_per_day", "\"1B\""),
                    (&section, "window", "\"30 d\""),
                ],
            ],
            "",
        ),
        _ => {}
    }
}

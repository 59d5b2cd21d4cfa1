//! Training compute, time and cost: 6·N·D FLOPs (forward 2N, backward 4N per example) on
//! accelerators at a model FLOPs utilisation.

use super::{Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Named, Scenario, Training};
use crate::units::{Kind, SECONDS_PER_DAY};
use std::fmt;
use uom::si::frequency::hertz;
use uom::si::information::byte;
use uom::si::time::second;

/// A month for costs per month: 30 days, as napkin reads "1 mo".
pub const SECONDS_PER_MONTH: f64 = 30.0 * SECONDS_PER_DAY;

/// One training run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingEstimate {
    pub examples: f64,
    pub flops: f64,
    /// Accelerator-seconds.
    pub device_time: f64,
    /// Seconds on `devices` at once.
    pub wall_time: f64,
    /// Dollars per run, with a price.
    pub cost: Option<f64>,
    pub cost_per_month: Option<f64>,
}

/// Memory of one device in bytes: given, or the named device's; `None` without either.
pub fn device_memory(t: &Training) -> Option<f64> {
    t.device_memory.map(|m| m.get::<byte>()).or_else(|| {
        t.device
            .as_ref()
            .and_then(Named::found)
            .map(|a| a.memory.value)
    })
}

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::Training, &[name]), label, kind, value)
}

/// Chinchilla's compute-optimal tokens a parameter (Hoffmann et al. 2022, Table 3).
pub const TOKENS_PER_PARAM: f64 = 20.0;

/// A language model's training tokens, an output of their own: given, or 20 × params with
/// compute_optimal; `None` for a model trained on examples.
fn tokens<T: Trace>(tr: &Training, t: &mut T) -> Option<f64> {
    let d = match (tr.tokens, tr.compute_optimal, tr.params) {
        (Some(d), _, _) => {
            t.uses(In::of(S::Training, "tokens"));
            t.step(d.0, Kind::Count, |w| {
                w.q(d.0, Kind::Count)
                    .of(In::of(S::Training, "tokens"))
                    .t(" tokens a run (given)");
            });
            d.0
        }
        (None, true, Some(p)) => {
            t.uses(In::of(S::Training, "compute_optimal"));
            t.uses(In::of(S::Training, "params"));
            let d = TOKENS_PER_PARAM * p.0;
            t.step(d, Kind::Count, |w| {
                w.t("compute-optimal (Chinchilla): 20 tokens a parameter")
                    .op(Op::Times)
                    .q(p.0, Kind::Count)
                    .of(In::of(S::Training, "params"))
                    .t(" params")
                    .op(Op::Equals)
                    .q(d, Kind::Count)
                    .t(" tokens");
            });
            d
        }
        _ => return None,
    };
    Some(put(
        t,
        "tokens",
        format_args!("Training tokens per run"),
        Kind::Count,
        d,
    ))
}

/// The FLOPs of a run, tracing how; the same working starts every training output. `tokens`
/// are a language model's, worked out before.
fn flops<T: Trace>(e: &Estimate, tr: &Training, tokens: Option<f64>, t: &mut T) -> (f64, f64) {
    let per_example = match (tr.flops_per_example, tr.params) {
        (Some(f), _) => {
            t.uses(In::of(S::Training, "flops_per_example"));
            t.step(f.0, Kind::Flop, |w| {
                w.q(f.0, Kind::Flop).t(" per example (given)");
            });
            f.0
        }
        (None, Some(p)) => {
            t.uses(In::of(S::Training, "params"));
            let f = 6.0 * p.0;
            t.step(f, Kind::Flop, |w| {
                w.t("6")
                    .op(Op::Times)
                    .q(p.0, Kind::Count)
                    .of(In::of(S::Training, "params"))
                    .t(" params (forward 2")
                    .op(Op::Plus)
                    .t("backward 4)")
                    .op(Op::Equals)
                    .q(f, Kind::Flop)
                    .t(if tokens.is_some() {
                        " per token"
                    } else {
                        " per example"
                    });
            });
            f
        }
        _ => 0.0,
    };
    let window = tr.window.get::<second>();
    let days = window / SECONDS_PER_DAY;
    let examples = match (tr.examples, tr.examples_per_day, &e.sampling) {
        _ if tokens.is_some() => {
            t.repeat(Out::new(Section::Training, &["tokens"]));
            tokens.unwrap_or(0.0)
        }
        (Some(x), _, _) => {
            t.uses(In::of(S::Training, "examples"));
            x.0
        }
        (None, Some(d), _) => {
            t.uses(In::of(S::Training, "examples_per_day"));
            t.uses(In::of(S::Training, "window"));
            let x = d.0 * days;
            t.step(x, Kind::Count, |w| {
                w.q(d.0, Kind::Count)
                    .t(" examples/day")
                    .op(Op::Times)
                    .q(window, Kind::Duration)
                    .t(" window")
                    .op(Op::Equals)
                    .q(x, Kind::Count)
                    .t(" examples a run");
            });
            x
        }
        (None, None, Some(sa)) => {
            t.uses(In::of(S::Training, "window"));
            let x = sa.examples_per_day * days;
            t.step(x, Kind::Count, |w| {
                w.q(sa.examples_per_day, Kind::Count)
                    .of(Out::new(Section::Sampling, &["examples_per_day"]))
                    .t(" kept examples/day ([sampling])")
                    .op(Op::Times)
                    .q(window, Kind::Duration)
                    .t(" window")
                    .op(Op::Equals)
                    .q(x, Kind::Count)
                    .t(" examples a run");
            });
            x
        }
        _ => 0.0,
    };
    t.uses(In::of(S::Training, "epochs"));
    let total = per_example * examples * tr.epochs;
    t.step(total, Kind::Flop, |w| {
        w.q(per_example, Kind::Flop)
            .op(Op::Times)
            .q(examples, Kind::Count)
            .t(if tokens.is_some() {
                " tokens"
            } else {
                " examples"
            })
            .op(Op::Times)
            .sig(tr.epochs)
            .of(In::of(S::Training, "epochs"))
            .t(" epochs")
            .op(Op::Equals)
            .q(total, Kind::Flop);
    });
    (examples, total)
}

/// The device time of a run of `total` FLOPs, tracing the device's rate: peak FLOP/s of one
/// device given, or the named device's BF16 (FP16 where it has none).
fn device_time<T: Trace>(tr: &Training, total: f64, t: &mut T) -> f64 {
    let named = match tr.device_flops {
        Some(_) => None,
        None => tr
            .device
            .as_ref()
            .and_then(Named::found)
            .and_then(|a| a.training_flops().map(|f| (a, f))),
    };
    let peak = match (tr.device_flops, named) {
        (Some(f), _) => f.get::<hertz>(),
        (None, Some((_, (f, _)))) => f.value,
        (None, None) => 0.0,
    };
    if tr.device_flops.is_some() {
        t.uses(In::of(S::Training, "device_flops"));
    } else {
        t.uses(In::of(S::Training, "device"));
        if let Some((a, (_, precision))) = named {
            t.step(peak, Kind::Rate, |w| {
                w.t(a.name)
                    .t(": ")
                    .q(peak, Kind::Flop)
                    .t("/s dense ")
                    .t(precision)
                    .t(" peak (accelerator table)");
            });
        }
    }
    t.uses(In::of(S::Training, "efficiency"));
    let time = total / (peak * tr.efficiency);
    t.step(time, Kind::DeviceTime, |w| {
        w.q(total, Kind::Flop)
            .op(Op::Divide)
            .t("(")
            .q(peak, Kind::Flop)
            .t("/s")
            .op(Op::Times)
            .q(tr.efficiency, Kind::Fraction)
            .of(In::of(S::Training, "efficiency"))
            .t(" MFU)")
            .op(Op::Equals)
            .q(time, Kind::DeviceTime)
            .t(" (")
            .q(time, Kind::Duration)
            .t(" on one device)");
    });
    time
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(tr) = &s.training else {
        e.training = None;
        return;
    };
    let tokens = tokens(tr, t);
    let (examples, total) = flops(e, tr, tokens, t);
    let total = put(
        t,
        "flops",
        format_args!("Training FLOPs per run"),
        Kind::Flop,
        total,
    );

    // Each later output's working starts with the working of the one before it.
    t.repeat(Out::new(Section::Training, &["flops"]));
    let time = device_time(tr, total, t);
    let time = put(
        t,
        "device_time",
        format_args!("Accelerator time per run"),
        Kind::DeviceTime,
        time,
    );

    t.repeat(Out::new(Section::Training, &["device_time"]));
    t.uses(In::of(S::Training, "devices"));
    let wall = time / tr.devices;
    t.step(wall, Kind::Duration, |w| {
        w.q(time, Kind::Duration)
            .op(Op::Divide)
            .n(tr.devices)
            .t(" devices")
            .op(Op::Equals)
            .q(wall, Kind::Duration);
    });
    let wall = put(
        t,
        "wall_time",
        format_args!("Wall-clock time per run"),
        Kind::Duration,
        wall,
    );

    let cost = tr.price_per_device_hour.map(|price| {
        t.repeat(Out::new(Section::Training, &["device_time"]));
        t.uses(In::of(S::Training, "price_per_device_hour"));
        let hours = time / 3600.0;
        let cost = hours * price;
        t.step(cost, Kind::Money, |w| {
            w.q(time, Kind::DeviceTime)
                .of(Out::new(Section::Training, &["device_time"]))
                .op(Op::Times)
                .q(price, Kind::Money)
                .t("/device-hour")
                .op(Op::Equals)
                .q(cost, Kind::Money);
        });
        put(t, "cost", format_args!("Cost per run"), Kind::Money, cost)
    });
    let cost_per_month = match (cost, tr.retrain_every) {
        (Some(cost), Some(every)) => {
            t.reads(Out::new(Section::Training, &["cost"]));
            t.uses(In::of(S::Training, "retrain_every"));
            let every = every.get::<second>();
            let runs = SECONDS_PER_MONTH / every;
            let month = cost * runs;
            t.step(month, Kind::Money, |w| {
                w.t("30 d")
                    .op(Op::Divide)
                    .t("every ")
                    .q(every, Kind::Duration)
                    .op(Op::Equals)
                    .sig(runs)
                    .t(" runs")
                    .op(Op::Times)
                    .q(cost, Kind::Money)
                    .op(Op::Equals)
                    .q(month, Kind::Money)
                    .t(" a month (busy device-hours only)");
            });
            Some(put(
                t,
                "cost_per_month",
                format_args!("Cost per month"),
                Kind::Money,
                month,
            ))
        }
        _ => None,
    };
    e.training = Some(TrainingEstimate {
        examples,
        flops: total,
        device_time: time,
        wall_time: wall,
        cost,
        cost_per_month,
    });
}

//! Training compute, time and cost: 6·N·D FLOPs (forward 2N, backward 4N per example) on
//! accelerators at a model FLOPs utilisation.

use super::{Estimate, Section, Trace};
use crate::accelerators;
use crate::scenario::{Scenario, Training};
use crate::units::format::{Grouped, Human, Sig};
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
            .as_deref()
            .and_then(accelerators::find)
            .map(|a| a.memory.value)
    })
}

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) {
    t.output(
        Section::Training,
        format_args!("{name}"),
        label,
        kind,
        value,
    );
}

/// The FLOPs of a run, tracing how; the same working starts every training output.
fn flops<T: Trace>(e: &Estimate, tr: &Training, t: &mut T) -> (f64, f64) {
    let per_example = match (tr.flops_per_example, tr.params) {
        (Some(f), _) => {
            t.uses(format_args!("training.flops_per_example"));
            t.step(
                f.0,
                Kind::Count,
                format_args!("{} FLOPs per example (given)", Human::new(f.0, Kind::Count)),
            );
            f.0
        }
        (None, Some(p)) => {
            t.uses(format_args!("training.params"));
            let f = 6.0 * p.0;
            t.step(
                f,
                Kind::Count,
                format_args!(
                    "6 × {} params (forward 2 + backward 4) = {} FLOPs per example",
                    Human::new(p.0, Kind::Count),
                    Human::new(f, Kind::Count)
                ),
            );
            f
        }
        _ => 0.0,
    };
    let window = tr.window.get::<second>();
    let days = window / SECONDS_PER_DAY;
    let examples = match (tr.examples, tr.examples_per_day, &e.sampling) {
        (Some(x), _, _) => {
            t.uses(format_args!("training.examples"));
            x.0
        }
        (None, Some(d), _) => {
            t.uses(format_args!("training.examples_per_day"));
            t.uses(format_args!("training.window"));
            let x = d.0 * days;
            t.step(
                x,
                Kind::Count,
                format_args!(
                    "{} examples/day × {} window = {} examples a run",
                    Human::new(d.0, Kind::Count),
                    Human::new(window, Kind::Duration),
                    Human::new(x, Kind::Count)
                ),
            );
            x
        }
        (None, None, Some(sa)) => {
            t.inherit(|id| id == "sampling.examples_per_day");
            t.uses(format_args!("training.window"));
            let x = sa.examples_per_day * days;
            t.step(
                x,
                Kind::Count,
                format_args!(
                    "{} kept examples/day ([sampling]) × {} window = {} examples a run",
                    Human::new(sa.examples_per_day, Kind::Count),
                    Human::new(window, Kind::Duration),
                    Human::new(x, Kind::Count)
                ),
            );
            x
        }
        _ => 0.0,
    };
    t.uses(format_args!("training.epochs"));
    let total = per_example * examples * tr.epochs;
    t.step(
        total,
        Kind::Count,
        format_args!(
            "{} FLOPs × {} examples × {} epochs = {} FLOPs",
            Human::new(per_example, Kind::Count),
            Human::new(examples, Kind::Count),
            Sig(tr.epochs),
            Human::new(total, Kind::Count)
        ),
    );
    (examples, total)
}

/// The device time of a run of `total` FLOPs, tracing the device's rate: peak FLOP/s of one
/// device given, or the named device's BF16 (FP16 where it has none).
fn device_time<T: Trace>(tr: &Training, total: f64, t: &mut T) -> f64 {
    // The device is looked up once: this runs in every Monte Carlo sample.
    let named = match tr.device_flops {
        Some(_) => None,
        None => tr
            .device
            .as_deref()
            .and_then(accelerators::find)
            .and_then(|a| a.training_flops().map(|f| (a, f))),
    };
    let peak = match (tr.device_flops, named) {
        (Some(f), _) => f.get::<hertz>(),
        (None, Some((_, (f, _)))) => f.value,
        (None, None) => 0.0,
    };
    if tr.device_flops.is_some() {
        t.uses(format_args!("training.device_flops"));
    } else {
        t.uses(format_args!("training.device"));
        if let Some((a, (_, precision))) = named {
            t.step(
                peak,
                Kind::Rate,
                format_args!(
                    "{}: {} dense {precision} peak (accelerator table)",
                    a.name,
                    Human::new(peak, Kind::Rate)
                ),
            );
        }
    }
    t.uses(format_args!("training.efficiency"));
    let time = total / (peak * tr.efficiency);
    t.step(
        time,
        Kind::Duration,
        format_args!(
            "{} FLOPs ÷ ({} × {} MFU) = {} = {} device-hours",
            Human::new(total, Kind::Count),
            Human::new(peak, Kind::Rate),
            Human::new(tr.efficiency, Kind::Fraction),
            Human::new(time, Kind::Duration),
            Sig(time / 3600.0)
        ),
    );
    time
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(tr) = &s.training else {
        e.training = None;
        return;
    };
    let (examples, total) = flops(e, tr, t);
    put(
        t,
        "flops",
        format_args!("Training FLOPs per run"),
        Kind::Count,
        total,
    );

    // Each later output's working starts with the working of the one before it.
    t.repeat(format_args!("training.flops"));
    let time = device_time(tr, total, t);
    put(
        t,
        "device_time",
        format_args!("Accelerator time per run"),
        Kind::Duration,
        time,
    );

    t.repeat(format_args!("training.device_time"));
    t.uses(format_args!("training.devices"));
    let wall = time / tr.devices;
    t.step(
        wall,
        Kind::Duration,
        format_args!(
            "{} ÷ {} devices = {}",
            Human::new(time, Kind::Duration),
            Grouped(tr.devices),
            Human::new(wall, Kind::Duration)
        ),
    );
    put(
        t,
        "wall_time",
        format_args!("Wall-clock time per run"),
        Kind::Duration,
        wall,
    );

    let cost = tr.price_per_device_hour.map(|price| {
        t.repeat(format_args!("training.device_time"));
        t.uses(format_args!("training.price_per_device_hour"));
        let hours = time / 3600.0;
        let cost = hours * price;
        t.step(
            cost,
            Kind::Money,
            format_args!(
                "{} device-hours × {}/device-hour = {}",
                Sig(hours),
                Human::new(price, Kind::Money),
                Human::new(cost, Kind::Money)
            ),
        );
        put(t, "cost", format_args!("Cost per run"), Kind::Money, cost);
        cost
    });
    let cost_per_month = match (cost, tr.retrain_every) {
        (Some(cost), Some(every)) => {
            t.inherit(|id| id == "training.cost");
            t.uses(format_args!("training.retrain_every"));
            let every = every.get::<second>();
            let runs = SECONDS_PER_MONTH / every;
            let month = cost * runs;
            t.step(
                month,
                Kind::Money,
                format_args!(
                    "30 d ÷ every {} = {} runs × {} = {} a month (busy device-hours only)",
                    Human::new(every, Kind::Duration),
                    Grouped(runs.round()),
                    Human::new(cost, Kind::Money),
                    Human::new(month, Kind::Money)
                ),
            );
            put(
                t,
                "cost_per_month",
                format_args!("Cost per month"),
                Kind::Money,
                month,
            );
            Some(month)
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

//! Generating images or clips with a diffusion model: FLOPs an output (steps × FLOPs a step,
//! Peebles & Xie 2022 give them per model and resolution), the time an output takes on one
//! device, devices for the peak, cost an output and the outputs kept. The latent decoder's work
//! is small next to the steps (Rombach et al. 2022) and is left out.

use super::{Bracket, Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Diffusion, Named, Scenario};
use crate::units::{Kind, SECONDS_PER_DAY};
use std::fmt;
use uom::si::information::byte;
use uom::si::time::second;

/// One diffusion model's fleet.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DiffusionEstimate {
    pub flops_per_output: f64,
    /// Seconds on one device.
    pub time_per_output: f64,
    pub devices: f64,
    pub cost_per_output: Option<f64>,
    pub cost_per_day: Option<f64>,
    pub storage_per_day: Option<f64>,
    pub storage: Option<f64>,
}

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::Diffusion, &[name]), label, kind, value)
}

const fn out(name: &'static [&'static str]) -> Out<'static> {
    Out::new(Section::Diffusion, name)
}

/// FLOPs an output and its time on one device.
fn time<T: Trace>(d: &Diffusion, t: &mut T) -> (f64, f64) {
    let steps = d.steps.unwrap_or(0.0);
    let per_step = d.flops_per_step.map_or(0.0, |c| c.0);
    t.uses(In::of(S::Diffusion, "steps"));
    t.uses(In::of(S::Diffusion, "flops_per_step"));
    let flops = steps * per_step;
    t.step(flops, Kind::Flop, |w| {
        w.n(steps)
            .t(" denoising steps")
            .op(Op::Times)
            .q(per_step, Kind::Flop)
            .t(" a step")
            .op(Op::Equals)
            .q(flops, Kind::Flop)
            .t(" (the latent decoder left out: small next to the steps)");
    });
    let flops = put(
        t,
        "flops_per_output",
        format_args!("FLOPs an output"),
        Kind::Flop,
        flops,
    );

    t.reads(out(&["flops_per_output"]));
    let (rate, precision) = d.device_flops();
    t.uses(In::of(
        S::Diffusion,
        if d.device_flops.is_some() {
            "device_flops"
        } else {
            "device"
        },
    ));
    t.uses(In::of(S::Diffusion, "mfu"));
    if let (None, Some(name)) = (d.device_flops, d.device.as_ref().map(Named::name)) {
        t.step(rate, Kind::Rate, |w| {
            w.show(name)
                .t(": ")
                .q(rate, Kind::Flop)
                .t("/s dense ")
                .t(precision)
                .t(" peak (accelerator table)");
        });
    }
    let seconds = flops / (rate * d.mfu);
    t.step(seconds, Kind::Duration, |w| {
        w.q(flops, Kind::Flop)
            .of(out(&["flops_per_output"]))
            .op(Op::Divide)
            .t("(")
            .q(rate, Kind::Flop)
            .t("/s")
            .op(Op::Times)
            .q(d.mfu, Kind::Fraction)
            .t(" MFU)")
            .op(Op::Equals)
            .q(seconds, Kind::Duration)
            .t(" on one device");
    });
    let seconds = put(
        t,
        "time_per_output",
        format_args!("Time an output on one device"),
        Kind::Duration,
        seconds,
    );
    (flops, seconds)
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(d) = &s.diffusion else {
        e.diffusion = None;
        return;
    };
    let (flops, seconds) = time(d, t);
    let per_day = d.outputs_per_day.map_or(0.0, |c| c.0);
    let peak = d.peak_factor.unwrap_or_else(|| s.peak_factor());
    t.reads(out(&["time_per_output"]));
    t.uses(In::of(S::Diffusion, "outputs_per_day"));
    if d.peak_factor.is_some() {
        t.uses(In::of(S::Diffusion, "peak_factor"));
    } else if s.traffic.is_some() {
        t.uses(In::of(S::Traffic, "peak_factor"));
    }
    let busy = per_day / SECONDS_PER_DAY * peak * seconds;
    let devices = busy.ceil();
    t.step(devices, Kind::Count, |w| {
        w.bracket(Bracket::CeilOpen)
            .q(per_day, Kind::Count)
            .t(" outputs/day")
            .op(Op::Divide)
            .n(SECONDS_PER_DAY)
            .t(" s")
            .op(Op::Times)
            .sig(peak)
            .t(" peak")
            .op(Op::Times)
            .q(seconds, Kind::Duration)
            .of(out(&["time_per_output"]))
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .bracket(Bracket::CeilOpen)
            .sig(busy)
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(devices)
            .t(" devices busy at peak");
    });
    let devices = put(
        t,
        "devices",
        format_args!("Diffusion accelerators"),
        Kind::Integer,
        devices,
    );
    let mut est = DiffusionEstimate {
        flops_per_output: flops,
        time_per_output: seconds,
        devices,
        ..DiffusionEstimate::default()
    };
    if let Some(price) = d.price_per_device_hour {
        cost(est.time_per_output, devices, price, &mut est, t);
    }
    storage(d, per_day, &mut est, t);
    e.diffusion = Some(est);
}

/// Cost an output (busy device time only), and of the fleet a day.
fn cost<T: Trace>(seconds: f64, devices: f64, price: f64, est: &mut DiffusionEstimate, t: &mut T) {
    t.reads(out(&["time_per_output"]));
    t.uses(In::of(S::Diffusion, "price_per_device_hour"));
    let each = seconds * price / 3_600.0;
    t.step(each, Kind::Money, |w| {
        w.q(seconds, Kind::Duration)
            .of(out(&["time_per_output"]))
            .op(Op::Times)
            .q(price, Kind::Money)
            .t("/device-hour")
            .op(Op::Divide)
            .n(3_600.0)
            .t(" s")
            .op(Op::Equals)
            .q(each, Kind::Money)
            .t(" an output (busy device time only)");
    });
    est.cost_per_output = Some(put(
        t,
        "cost_per_output",
        format_args!("Cost an output"),
        Kind::Money,
        each,
    ));
    t.reads(out(&["devices"]));
    t.uses(In::of(S::Diffusion, "price_per_device_hour"));
    let day = devices * 24.0 * price;
    t.step(day, Kind::Money, |w| {
        w.n(devices)
            .of(out(&["devices"]))
            .t(" devices")
            .op(Op::Times)
            .t("24 h")
            .op(Op::Times)
            .q(price, Kind::Money)
            .t("/device-hour")
            .op(Op::Equals)
            .q(day, Kind::Money)
            .t(" a day (held for the peak all day)");
    });
    est.cost_per_day = Some(put(
        t,
        "cost_per_day",
        format_args!("Diffusion fleet cost a day"),
        Kind::Money,
        day,
    ));
}

/// The outputs kept: a day's, and over the retention.
fn storage<T: Trace>(d: &Diffusion, per_day: f64, est: &mut DiffusionEstimate, t: &mut T) {
    let Some(size) = d.output_size.map(|x| x.get::<byte>()) else {
        return;
    };
    t.uses(In::of(S::Diffusion, "outputs_per_day"));
    t.uses(In::of(S::Diffusion, "output_size"));
    let day = per_day * size;
    t.step(day, Kind::Size, |w| {
        w.q(per_day, Kind::Count)
            .t(" outputs/day")
            .op(Op::Times)
            .q(size, Kind::Size)
            .op(Op::Equals)
            .q(day, Kind::Size)
            .t(" a day");
    });
    let day = put(
        t,
        "storage_per_day",
        format_args!("Outputs stored a day"),
        Kind::Size,
        day,
    );
    est.storage_per_day = Some(day);
    let Some(retention) = d.retention.map(|r| r.get::<second>()) else {
        return;
    };
    t.reads(out(&["storage_per_day"]));
    t.uses(In::of(S::Diffusion, "retention"));
    let days = retention / SECONDS_PER_DAY;
    let kept = day * days;
    t.step(kept, Kind::Size, |w| {
        w.q(day, Kind::Size)
            .of(out(&["storage_per_day"]))
            .t(" a day")
            .op(Op::Times)
            .sig(days)
            .t(" days")
            .op(Op::Equals)
            .q(kept, Kind::Size);
    });
    est.storage = Some(put(
        t,
        "storage",
        format_args!("Outputs stored over the retention"),
        Kind::Size,
        kept,
    ));
}

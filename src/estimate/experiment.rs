//! A/B test sizing: the sample per arm (Evan Miller's two-proportion form, or 2(z_α/2 + z_β)²σ²/δ²
//! for a mean), CUPED's variance cut, and how many days the traffic needs.

use super::math::normal_quantile;
use super::{Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Correction, Experiment, Scenario};
use crate::units::{Kind, SECONDS_PER_DAY};
use std::fmt;

/// An experiment longer than this (four weeks) gets a warning.
pub const LONG_EXPERIMENT_DAYS: f64 = 28.0;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ExperimentEstimate {
    /// z_α/2 (α per comparison) and z_β.
    pub z: (f64, f64),
    /// Units per arm, rounded up.
    pub sample_size_per_arm: f64,
    pub days: f64,
}

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::Experiment, &[name]), label, kind, value)
}

const SAMPLE_SIZE: Out<'static> = Out::new(Section::Experiment, &["sample_size_per_arm"]);

/// The α each comparison with the control is tested at: α itself, or under Bonferroni with more
/// than two arms α ÷ (arms − 1).
pub fn per_comparison_alpha<T: Trace>(x: &Experiment, t: &mut T) -> f64 {
    if x.correction != Correction::Bonferroni || x.arms <= 2.0 {
        return x.alpha;
    }
    t.uses(In::of(S::Experiment, "correction"));
    t.uses(In::of(S::Experiment, "arms"));
    let comparisons = x.arms - 1.0;
    let alpha = x.alpha / comparisons;
    t.step(alpha, Kind::Fraction, |w| {
        w.t("Bonferroni: α")
            .op(Op::Divide)
            .t("(")
            .n(x.arms)
            .t(" arms")
            .op(Op::Minus)
            .t("1)")
            .op(Op::Equals)
            .sig(x.alpha)
            .op(Op::Divide)
            .n(comparisons)
            .op(Op::Equals)
            .sig(alpha)
            .t(" per comparison with the control");
    });
    alpha
}

/// z_α/2 (α per comparison) and z_β, tracing the working: where the sample size's starts.
fn z_scores<T: Trace>(x: &Experiment, t: &mut T) -> (f64, f64) {
    for key in ["alpha", "power", "cuped_correlation"] {
        t.uses(In::of(S::Experiment, key));
    }
    let alpha = per_comparison_alpha(x, t);
    let za = normal_quantile(1.0 - alpha / 2.0);
    let zb = normal_quantile(x.power);
    t.step(za, Kind::Factor, |w| {
        w.t("z_α/2")
            .op(Op::Equals)
            .t("Φ⁻¹(1")
            .op(Op::Minus)
            .sig(alpha)
            .t("/2)")
            .op(Op::Equals)
            .fixed(za, 6)
            .t(", z_β")
            .op(Op::Equals)
            .t("Φ⁻¹(")
            .sig(x.power)
            .t(")")
            .op(Op::Equals)
            .fixed(zb, 6);
    });
    (za, zb)
}

/// Per-arm sample size before rounding, from z_α/2 and z_β, tracing the working.
fn sample_size<T: Trace>(x: &Experiment, (za, zb): (f64, f64), t: &mut T) -> f64 {
    let n = match x.baseline_rate {
        Some(rate) => proportion(x, rate, za, zb, t),
        None => mean(x, za, zb, t),
    };
    let rho = x.cuped_correlation;
    if rho > 0.0 {
        let cut = n * (1.0 - rho * rho);
        t.step(cut, Kind::Count, |w| {
            w.t("CUPED:")
                .op(Op::Times)
                .t("(1")
                .op(Op::Minus)
                .sig(rho)
                .t("²)")
                .op(Op::Equals)
                .t("× ")
                .sig(1.0 - rho * rho)
                .op(Op::Equals)
                .q(cut, Kind::Count);
        });
        cut
    } else {
        n
    }
}

/// Units per arm for a proportion (Evan Miller's two-proportion z-test).
fn proportion<T: Trace>(x: &Experiment, rate: f64, za: f64, zb: f64, t: &mut T) -> f64 {
    t.uses(In::of(S::Experiment, "baseline_rate"));
    // The effect is taken from the baseline as given; a rate above one half is then mirrored
    // (1 − p, with the same absolute effect), as Evan Miller's calculator does.
    let delta = match (x.mde_relative, x.mde_absolute) {
        (Some(m), _) => {
            let d = rate * m;
            t.step(d, Kind::Factor, |w| {
                w.t("δ")
                    .op(Op::Equals)
                    .sig(rate)
                    .of(In::of(S::Experiment, "baseline_rate"))
                    .op(Op::Times)
                    .sig(m)
                    .of(In::of(S::Experiment, "mde_relative"))
                    .t(" relative")
                    .op(Op::Equals)
                    .sig(d);
            });
            d
        }
        (None, Some(d)) => {
            t.uses(In::of(S::Experiment, "mde_absolute"));
            d
        }
        _ => 0.0,
    };
    let p = if rate > 0.5 {
        let p = 1.0 - rate;
        t.step(p, Kind::Fraction, |w| {
            w.t("a rate above one half is mirrored: p")
                .op(Op::Equals)
                .t("1")
                .op(Op::Minus)
                .sig(rate)
                .op(Op::Equals)
                .sig(p)
                .t(", with the same δ");
        });
        p
    } else {
        rate
    };
    let p2 = p + delta;
    let null = (2.0 * p * (1.0 - p)).sqrt();
    let alt = (p * (1.0 - p) + p2 * (1.0 - p2)).sqrt();
    let n = (za * null + zb * alt).powi(2) / (delta * delta);
    t.step(n, Kind::Count, |w| {
        w.t("[")
            .fixed(za, 4)
            .op(Op::Times)
            .t("√(2")
            .op(Op::Times)
            .sig(p)
            .op(Op::Times)
            .sig(1.0 - p)
            .t(")")
            .op(Op::Plus)
            .fixed(zb, 4)
            .op(Op::Times)
            .t("√(")
            .sig(p)
            .op(Op::Times)
            .sig(1.0 - p)
            .op(Op::Plus)
            .sig(p2)
            .op(Op::Times)
            .sig(1.0 - p2)
            .t(")]²")
            .op(Op::Divide)
            .sig(delta)
            .t("²")
            .op(Op::Equals)
            .q(n, Kind::Count)
            .t(" per arm (two-proportion z-test, Evan Miller)");
    });
    n
}

/// Units per arm for a mean: 2(z_α/2 + z_β)²σ²/δ².
fn mean<T: Trace>(x: &Experiment, za: f64, zb: f64, t: &mut T) -> f64 {
    t.uses(In::of(S::Experiment, "stddev"));
    let sigma = x.stddev.unwrap_or(0.0);
    let delta = match (x.mde_relative, x.mde_absolute) {
        (Some(m), _) => {
            t.uses(In::of(S::Experiment, "baseline_mean"));
            t.uses(In::of(S::Experiment, "mde_relative"));
            let mean = x.baseline_mean.unwrap_or(0.0);
            let d = mean * m;
            t.step(d, Kind::Factor, |w| {
                w.t("δ")
                    .op(Op::Equals)
                    .t("mean ")
                    .sig(mean)
                    .op(Op::Times)
                    .sig(m)
                    .t(" relative")
                    .op(Op::Equals)
                    .sig(d);
            });
            d
        }
        (None, Some(d)) => {
            t.uses(In::of(S::Experiment, "mde_absolute"));
            d
        }
        _ => 0.0,
    };
    let n = 2.0 * (za + zb).powi(2) * sigma * sigma / (delta * delta);
    t.step(n, Kind::Count, |w| {
        w.t("2")
            .op(Op::Times)
            .t("(")
            .fixed(za, 4)
            .op(Op::Plus)
            .fixed(zb, 4)
            .t(")²")
            .op(Op::Times)
            .t("σ ")
            .sig(sigma)
            .t("²")
            .op(Op::Divide)
            .t("δ ")
            .sig(delta)
            .t("²")
            .op(Op::Equals)
            .q(n, Kind::Count)
            .t(" per arm (≈ 16σ²/δ²)");
    });
    n
}

/// Eligible users a day: given, or traffic.dau.
fn eligible<T: Trace>(s: &Scenario, x: &Experiment, t: &mut T) -> f64 {
    match x.eligible_daily_users {
        Some(u) => {
            t.uses(In::of(S::Experiment, "eligible_daily_users"));
            u.0
        }
        None => {
            t.uses(In::of(S::Traffic, "dau"));
            s.traffic
                .as_ref()
                .and_then(|tr| tr.dau)
                .map_or(0.0, |d| d.0)
        }
    }
}

/// The normal quantiles of α and power: a part of the estimate with no output of its own, whose
/// reads and working open the sample size's (and a range on α or power reaches it by them).
pub fn quantiles<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(x) = &s.experiment else {
        e.experiment = None;
        return;
    };
    let z = z_scores(x, t);
    e.experiment = Some(ExperimentEstimate {
        z,
        // The next parts'.
        ..e.experiment.unwrap_or_default()
    });
}

/// The sample each arm needs: a part of the estimate.
pub fn sample<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (Some(x), Some(found)) = (&s.experiment, &mut e.experiment) else {
        return;
    };
    let n = sample_size(x, found.z, t).ceil();
    found.sample_size_per_arm = put(
        t,
        "sample_size_per_arm",
        format_args!("Sample size per arm"),
        Kind::Integer,
        n,
    );
}

/// The days the eligible traffic takes to give every arm its sample: a part of the estimate.
pub fn duration<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (Some(x), Some(found)) = (&s.experiment, &mut e.experiment) else {
        return;
    };
    let n = found.sample_size_per_arm;
    t.uses(In::of(S::Experiment, "arms"));
    t.uses(In::of(S::Experiment, "allocation"));
    let users = eligible(s, x, t);
    if users == 0.0 {
        // No eligible users and no traffic.dau: the sample size stands, the duration cannot.
        t.step(0.0, Kind::Duration, |w| {
            w.t("no eligible users a day (experiment.eligible_daily_users, or traffic.dau): the time to fill the arms is not known");
        });
        put(
            t,
            "duration",
            format_args!("Experiment duration"),
            Kind::Duration,
            0.0,
        );
        found.days = 0.0;
        return;
    }
    let per_day = users * x.allocation;
    let days = n * x.arms / per_day;
    let weeks = (days / 7.0).ceil();
    t.step(days, Kind::Factor, |w| {
        w.n(n)
            .of(SAMPLE_SIZE)
            .t(" per arm")
            .op(Op::Times)
            .n(x.arms)
            .of(In::of(S::Experiment, "arms"))
            .t(" arms")
            .op(Op::Divide)
            .t("(")
            .q(users, Kind::Count)
            .t(" eligible users/day")
            .op(Op::Times)
            .q(x.allocation, Kind::Fraction)
            .t(" allocated")
            .op(Op::Equals)
            .q(per_day, Kind::Count)
            .t("/day)")
            .op(Op::Equals)
            .sig(days)
            .t(" days to fill every arm (run it for whole weeks, here ")
            .n(weeks)
            .t(if weeks == 1.0 { " week" } else { " weeks" })
            .t(", for day-of-week effects)");
    });
    let days = put(
        t,
        "duration",
        format_args!("Experiment duration"),
        Kind::Duration,
        days * SECONDS_PER_DAY,
    ) / SECONDS_PER_DAY;
    found.days = days;
}

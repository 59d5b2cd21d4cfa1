//! A/B test sizing: the sample per arm (Evan Miller's two-proportion form, or 2(z_α/2 + z_β)²σ²/δ²
//! for a mean), CUPED's variance cut, and how many days the traffic needs.

use super::math::normal_quantile;
use super::{Estimate, Section, Trace};
use crate::scenario::{Experiment, Scenario};
use crate::units::format::{Grouped, Human, Sig};
use crate::units::{Kind, SECONDS_PER_DAY};
use std::fmt;

/// An experiment longer than this (four weeks) gets a warning.
pub const LONG_EXPERIMENT_DAYS: f64 = 28.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExperimentEstimate {
    /// Units per arm, rounded up.
    pub sample_size_per_arm: f64,
    pub days: f64,
}

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) {
    t.output(
        Section::Experiment,
        format_args!("{name}"),
        label,
        kind,
        value,
    );
}

/// Per-arm sample size before rounding, tracing the working.
pub fn sample_size<T: Trace>(x: &Experiment, t: &mut T) -> f64 {
    for key in ["alpha", "power", "cuped_correlation"] {
        t.uses(format_args!("experiment.{key}"));
    }
    let za = normal_quantile(1.0 - x.alpha / 2.0);
    let zb = normal_quantile(x.power);
    t.step(
        za,
        Kind::Factor,
        format_args!(
            "z_α/2 = Φ⁻¹(1 − {}/2) = {:.6}, z_β = Φ⁻¹({}) = {:.6}",
            Sig(x.alpha),
            za,
            Sig(x.power),
            zb
        ),
    );
    let n = match x.baseline_rate {
        Some(rate) => {
            t.uses(format_args!("experiment.baseline_rate"));
            // Evan Miller's calculator mirrors a rate above one half.
            let p = if rate > 0.5 { 1.0 - rate } else { rate };
            let delta = match (x.mde_relative, x.mde_absolute) {
                (Some(m), _) => {
                    t.uses(format_args!("experiment.mde_relative"));
                    let d = p * m;
                    t.step(
                        d,
                        Kind::Factor,
                        format_args!("δ = {} × {} relative = {}", Sig(p), Sig(m), Sig(d)),
                    );
                    d
                }
                (None, Some(d)) => {
                    t.uses(format_args!("experiment.mde_absolute"));
                    d
                }
                _ => 0.0,
            };
            let p2 = p + delta;
            let null = (2.0 * p * (1.0 - p)).sqrt();
            let alt = (p * (1.0 - p) + p2 * (1.0 - p2)).sqrt();
            let n = (za * null + zb * alt).powi(2) / (delta * delta);
            t.step(
                n,
                Kind::Count,
                format_args!(
                    "[{:.4} × √(2 × {} × {}) + {:.4} × √({} × {} + {} × {})]² ÷ {}² = {} per arm (two-proportion z-test, Evan Miller)",
                    za,
                    Sig(p),
                    Sig(1.0 - p),
                    zb,
                    Sig(p),
                    Sig(1.0 - p),
                    Sig(p2),
                    Sig(1.0 - p2),
                    Sig(delta),
                    Human::new(n, Kind::Count)
                ),
            );
            n
        }
        None => {
            t.uses(format_args!("experiment.stddev"));
            let sigma = x.stddev.unwrap_or(0.0);
            let delta = match (x.mde_relative, x.mde_absolute) {
                (Some(m), _) => {
                    t.uses(format_args!("experiment.baseline_mean"));
                    t.uses(format_args!("experiment.mde_relative"));
                    let mean = x.baseline_mean.unwrap_or(0.0);
                    let d = mean * m;
                    t.step(
                        d,
                        Kind::Factor,
                        format_args!("δ = mean {} × {} relative = {}", Sig(mean), Sig(m), Sig(d)),
                    );
                    d
                }
                (None, Some(d)) => {
                    t.uses(format_args!("experiment.mde_absolute"));
                    d
                }
                _ => 0.0,
            };
            let n = 2.0 * (za + zb).powi(2) * sigma * sigma / (delta * delta);
            t.step(
                n,
                Kind::Count,
                format_args!(
                    "2 × ({:.4} + {:.4})² × σ {}² ÷ δ {}² = {} per arm (≈ 16σ²/δ²)",
                    za,
                    zb,
                    Sig(sigma),
                    Sig(delta),
                    Human::new(n, Kind::Count)
                ),
            );
            n
        }
    };
    let rho = x.cuped_correlation;
    if rho > 0.0 {
        let cut = n * (1.0 - rho * rho);
        t.step(
            cut,
            Kind::Count,
            format_args!(
                "CUPED: × (1 − {}²) = × {} = {}",
                Sig(rho),
                Sig(1.0 - rho * rho),
                Human::new(cut, Kind::Count)
            ),
        );
        cut
    } else {
        n
    }
}

/// Eligible users a day: given, or traffic.dau.
fn eligible<T: Trace>(s: &Scenario, x: &Experiment, t: &mut T) -> f64 {
    match x.eligible_daily_users {
        Some(u) => {
            t.uses(format_args!("experiment.eligible_daily_users"));
            u.0
        }
        None => {
            t.uses(format_args!("traffic.dau"));
            s.traffic
                .as_ref()
                .and_then(|tr| tr.dau)
                .map_or(0.0, |d| d.0)
        }
    }
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(x) = &s.experiment else {
        e.experiment = None;
        return;
    };
    let n = sample_size(x, t).ceil();
    put(
        t,
        "sample_size_per_arm",
        format_args!("Sample size per arm"),
        Kind::Count,
        n,
    );

    t.inherit(|id| id == "experiment.sample_size_per_arm");
    t.uses(format_args!("experiment.arms"));
    t.uses(format_args!("experiment.allocation"));
    let users = eligible(s, x, t);
    let per_day = users * x.allocation;
    let days = n * x.arms / per_day;
    let weeks = (days / 7.0).ceil();
    t.step(
        days,
        Kind::Factor,
        format_args!(
            "{} per arm × {} arms ÷ ({} eligible users/day × {} allocated = {}/day) = {} days; run {} (whole weeks, for day-of-week effects)",
            Grouped(n),
            Grouped(x.arms),
            Human::new(users, Kind::Count),
            Human::new(x.allocation, Kind::Fraction),
            Human::new(per_day, Kind::Count),
            Sig(days),
            WeeksText(weeks)
        ),
    );
    put(
        t,
        "duration",
        format_args!("Experiment duration"),
        Kind::Duration,
        days * SECONDS_PER_DAY,
    );
    e.experiment = Some(ExperimentEstimate {
        sample_size_per_arm: n,
        days,
    });
}

/// "1 week", "3 weeks".
struct WeeksText(f64);

impl fmt::Display for WeeksText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 1.0 {
            f.write_str("1 week")
        } else {
            write!(f, "{} weeks", Grouped(self.0))
        }
    }
}

//! Average and peak QPS, and the share one region serves.

use super::{Estimate, Section, Trace};
use crate::scenario::Scenario;
use crate::units::format::{Grouped, Human};
use crate::units::{Kind, SECONDS_PER_DAY, per_second};
use uom::si::frequency::hertz;

/// Declares the inputs of the average QPS.
fn uses_average<T: Trace>(s: &Scenario, t: &mut T) {
    let Some(tr) = s.requests() else { return };
    if tr.qps.is_some() {
        t.uses(format_args!("traffic.qps"));
    } else {
        t.uses(format_args!("traffic.dau"));
        t.uses(format_args!("traffic.requests_per_user_per_day"));
    }
}

/// Declares the inputs of the peak QPS, which every peak-sized output depends on.
pub(crate) fn uses_traffic<T: Trace>(s: &Scenario, t: &mut T) {
    if s.requests().is_some() {
        uses_average(s, t);
        t.uses(format_args!("traffic.peak_factor"));
    }
}

/// The average QPS and the peak factor, tracing the average's steps.
fn average<T: Trace>(s: &Scenario, t: &mut T) -> (f64, f64) {
    match s.requests() {
        None => {
            if s.traffic.is_some() {
                t.step(
                    0.0,
                    Kind::Rate,
                    format_args!("[traffic] gives no rate: the scenario serves no online requests"),
                );
            } else {
                t.step(
                    0.0,
                    Kind::Rate,
                    format_args!("no [traffic]: the scenario serves no online requests"),
                );
            }
            (0.0, 1.0)
        }
        Some(tr) => {
            uses_average(s, t);
            let avg = match (tr.qps, tr.dau, tr.requests_per_user_per_day) {
                (Some(q), _, _) => {
                    let q = q.get::<hertz>();
                    t.step(
                        q,
                        Kind::Rate,
                        format_args!("given: {}", Human::new(q, Kind::Rate)),
                    );
                    q
                }
                (None, Some(dau), Some(rpu)) => {
                    let per_day = dau.0 * rpu;
                    t.step(
                        per_day,
                        Kind::Count,
                        format_args!(
                            "{} DAU × {} req/user/day = {} req/day",
                            Human::new(dau.0, Kind::Count),
                            Human::new(rpu, Kind::Count),
                            Human::new(per_day, Kind::Count)
                        ),
                    );
                    let avg = per_day / SECONDS_PER_DAY;
                    t.step(
                        avg,
                        Kind::Rate,
                        format_args!(
                            "{} req/day ÷ {} s/day (napkin: 10^5) = {}",
                            Human::new(per_day, Kind::Count),
                            Grouped(SECONDS_PER_DAY),
                            Human::new(avg, Kind::Rate)
                        ),
                    );
                    avg
                }
                _ => 0.0,
            };
            (avg, tr.peak_factor)
        }
    }
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (avg, peak_factor) = average(s, t);
    t.output(
        Section::Traffic,
        format_args!("avg_qps"),
        format_args!("Average QPS"),
        Kind::Rate,
        avg,
    );

    let peak = avg * peak_factor;
    if s.requests().is_some() {
        // The peak's working starts from the average's, so it reads whole on its own.
        t.repeat(format_args!("traffic.avg_qps"));
        uses_traffic(s, t);
        t.step(
            peak,
            Kind::Rate,
            format_args!(
                "{} average × peak factor {} = {}",
                Human::new(avg, Kind::Rate),
                Grouped(peak_factor),
                Human::new(peak, Kind::Rate)
            ),
        );
    }
    t.output(
        Section::Traffic,
        format_args!("peak_qps"),
        format_args!("Peak QPS"),
        Kind::Rate,
        peak,
    );

    e.avg_qps = per_second(avg);
    e.peak_qps = per_second(peak);
    let sv = &s.serving;
    let share = if sv.region_failover && sv.regions > 1.0 {
        sv.regions - 1.0
    } else {
        sv.regions
    };
    e.region_peak_qps = per_second(peak / share);
}

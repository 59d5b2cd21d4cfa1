//! Average and peak QPS, and the share one region serves.

use super::{Estimate, In, Op, Out, Section, Trace};
use crate::scenario::Scenario;
use crate::scenario::schema::Section as S;
use crate::units::{Kind, SECONDS_PER_DAY, per_second};
use uom::si::frequency::hertz;

/// The average QPS.
pub const AVG_QPS: Out<'static> = Out::new(Section::Traffic, &["avg_qps"]);
/// The peak QPS, which every peak-sized output reads.
pub const PEAK_QPS: Out<'static> = Out::new(Section::Traffic, &["peak_qps"]);

/// Reads the peak QPS, where the scenario has requests: every peak-sized output does.
pub(crate) fn reads_peak<T: Trace>(s: &Scenario, t: &mut T) {
    if s.requests().is_some() {
        t.reads(PEAK_QPS);
    }
}

/// The average QPS, tracing its steps.
fn average<T: Trace>(s: &Scenario, t: &mut T) -> f64 {
    let Some(tr) = s.requests() else {
        t.step(0.0, Kind::Rate, |w| {
            if s.traffic.is_some() {
                w.t("[traffic] gives no rate: the scenario serves no online requests");
            } else {
                w.t("no [traffic]: the scenario serves no online requests");
            }
        });
        return 0.0;
    };
    match (tr.qps, tr.dau, tr.requests_per_user_per_day) {
        (Some(q), _, _) => {
            let q = q.get::<hertz>();
            t.uses(In::of(S::Traffic, "qps"));
            t.step(q, Kind::Rate, |w| {
                w.t("given: ")
                    .q(q, Kind::Rate)
                    .of(In::of(S::Traffic, "qps"));
            });
            q
        }
        (None, Some(dau), Some(rpu)) => {
            let per_day = dau.0 * rpu;
            t.step(per_day, Kind::Count, |w| {
                w.q(dau.0, Kind::Count)
                    .of(In::of(S::Traffic, "dau"))
                    .t(" DAU")
                    .op(Op::Times)
                    .q(rpu, Kind::Count)
                    .of(In::of(S::Traffic, "requests_per_user_per_day"))
                    .t(" req/user/day")
                    .op(Op::Equals)
                    .q(per_day, Kind::Count)
                    .t(" req/day");
            });
            let avg = per_day / SECONDS_PER_DAY;
            t.step(avg, Kind::Rate, |w| {
                w.q(per_day, Kind::Count)
                    .t(" req/day")
                    .op(Op::Divide)
                    .n(SECONDS_PER_DAY)
                    .t(" s/day (napkin: 10^5)")
                    .op(Op::Equals)
                    .q(avg, Kind::Rate);
            });
            avg
        }
        _ => 0.0,
    }
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let avg = average(s, t);
    let avg = t.output(AVG_QPS, format_args!("Average QPS"), Kind::Rate, avg);

    let peak_factor = s.requests().map_or(1.0, |tr| tr.peak_factor);
    let peak = avg * peak_factor;
    if s.requests().is_some() {
        // The peak's working starts from the average's, so it reads whole on its own.
        t.repeat(AVG_QPS);
        t.step(peak, Kind::Rate, |w| {
            w.q(avg, Kind::Rate)
                .of(AVG_QPS)
                .t(" average")
                .op(Op::Times)
                .t("peak factor ")
                .n(peak_factor)
                .of(In::of(S::Traffic, "peak_factor"))
                .op(Op::Equals)
                .q(peak, Kind::Rate);
        });
    }
    let peak = t.output(PEAK_QPS, format_args!("Peak QPS"), Kind::Rate, peak);

    e.avg_qps = per_second(avg);
    e.peak_qps = per_second(peak);
}

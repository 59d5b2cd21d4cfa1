//! Latency: online stages plus overhead against the budget, and the fan-out tail of a sharded
//! index (Dean & Barroso, "The Tail at Scale", CACM 2013).

use super::{Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Mode, Scenario};
use crate::units::{Kind, seconds};
use uom::si::time::second;

/// The latency of the online stages.
const TOTAL: Out<'static> = Out::new(Section::Latency, &["total"]);

/// The request's path through the online stages, against the budget: a part of the estimate.
pub fn path<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let total = critical_path(s, e, t);
    e.latency_total = seconds(total);
    e.budget_used = budget_used(s, total, t);
}

/// The requests a slow shard holds up: a part of the estimate.
pub fn fanout<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    e.fanout_slow = fanout_tail(s, e, t);
}

/// The online stages along the request's path, with the overhead: an output, and each
/// stage's start and finish kept in `e`.
fn critical_path<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) -> f64 {
    let overhead = s.serving.overhead.get::<second>();
    let mut total = overhead;
    if overhead > 0.0 {
        t.uses(In::of(S::Serving, "overhead"));
        t.step(overhead, Kind::Duration, |w| {
            w.t("overhead (network, serialisation): ")
                .q(overhead, Kind::Duration);
        });
    }
    // The critical path: a stage starts when everything before it has finished, or, with
    // parallel_with, when its partner starts; the path takes as long as the last finish.
    for (i, st) in s.stages.iter().enumerate() {
        if st.mode != Mode::Online {
            continue;
        }
        let l = st.latency.get::<second>();
        let partner = st
            .parallel_with
            .as_ref()
            .and_then(|p| s.stages[..i].iter().position(|e| &e.name == p));
        let start = match partner {
            Some(j) => e.stages.get(j).map_or(total, |p| p.start),
            None => total,
        };
        let finish = start + l;
        t.uses(In::entry(S::Stage, &st.name, "latency"));
        match partner {
            Some(j) => {
                t.uses(In::entry(S::Stage, &st.name, "parallel_with"));
                let longer = finish.max(total);
                t.step(longer, Kind::Duration, |w| {
                    w.t("∥ ")
                        .show(&st.name)
                        .t(" ")
                        .q(l, Kind::Duration)
                        .t(" beside ")
                        .show(&s.stages[j].name)
                        .t(" (from ")
                        .q(start, Kind::Duration)
                        .t(", ends ")
                        .q(finish, Kind::Duration)
                        .t("): the slower counts")
                        .op(Op::Equals)
                        .q(longer, Kind::Duration);
                });
            }
            // The path's first part reads on its own; the rest add to it.
            None if total == 0.0 => t.step(finish, Kind::Duration, |w| {
                w.show(&st.name).t(" ").q(l, Kind::Duration);
            }),
            None => t.step(finish, Kind::Duration, |w| {
                w.t("+ ")
                    .show(&st.name)
                    .t(" ")
                    .q(l, Kind::Duration)
                    .op(Op::Equals)
                    .q(finish, Kind::Duration);
            }),
        }
        total = total.max(finish);
        if let Some(est) = e.stages.get_mut(i) {
            est.start = start;
            est.finish = finish;
        }
    }

    t.output(
        TOTAL,
        format_args!("Latency, online stages"),
        Kind::Duration,
        total,
    )
}

/// The share of the latency budget the path takes, where there is a budget.
fn budget_used<T: Trace>(s: &Scenario, total: f64, t: &mut T) -> Option<f64> {
    s.serving.latency_budget.map(|b| {
        let b = b.get::<second>();
        let used = total / b;
        t.uses(In::of(S::Serving, "latency_budget"));
        t.step(used, Kind::Fraction, |w| {
            w.q(total, Kind::Duration)
                .of(TOTAL)
                .op(Op::Divide)
                .q(b, Kind::Duration)
                .of(In::of(S::Serving, "latency_budget"))
                .t(" budget")
                .op(Op::Equals)
                .q(used, Kind::Fraction);
        });
        t.output(
            Out::new(Section::Latency, &["budget_used"]),
            format_args!("Latency budget used"),
            Kind::Fraction,
            used,
        );
        used
    })
}

/// The share of requests that wait on at least one slow shard of the index.
fn fanout_tail<T: Trace>(s: &Scenario, e: &Estimate, t: &mut T) -> Option<f64> {
    match (&s.index, &e.index) {
        (Some(ix), Some(est)) if s.stages.iter().any(|st| st.index) => {
            let q = ix.shard_fast_probability;
            let n = est.shards;
            let all_fast = q.powf(n);
            let slow = 1.0 - all_fast;
            t.uses(In::of(S::Index, "shard_fast_probability"));
            t.step(all_fast, Kind::Fraction, |w| {
                w.t("P(all ")
                    .n(n)
                    .of(Out::new(Section::Index, &["shards"]))
                    .t(" shards fast)")
                    .op(Op::Equals)
                    .q(q, Kind::Fraction)
                    .t("^")
                    .n(n)
                    .op(Op::Equals)
                    .q(all_fast, Kind::Fraction);
            });
            t.step(slow, Kind::Fraction, |w| {
                w.t("1")
                    .op(Op::Minus)
                    .q(all_fast, Kind::Fraction)
                    .op(Op::Equals)
                    .q(slow, Kind::Fraction)
                    .t(" of requests wait on a slow shard");
            });
            let needed = q.powf(1.0 / n);
            t.step(needed, Kind::Fraction, |w| {
                w.t("for ")
                    .q(q, Kind::Fraction)
                    .t(" of requests to be fast, each shard must be fast ")
                    .q(q, Kind::Fraction)
                    .t("^(1/")
                    .n(n)
                    .t(")")
                    .op(Op::Equals)
                    .q(needed, Kind::Fraction)
                    .t(" of the time");
            });
            Some(t.output(
                Out::new(Section::Latency, &["fanout_slow_fraction"]),
                format_args!("Requests slowed by a shard"),
                Kind::Fraction,
                slow,
            ))
        }
        _ => None,
    }
}

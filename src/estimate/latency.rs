//! Latency: online stages plus overhead against the budget, and the fan-out tail of a sharded
//! index (Dean & Barroso, "The Tail at Scale", CACM 2013).

use super::{Estimate, Section, Trace};
use crate::scenario::{Mode, Scenario};
use crate::units::format::{Grouped, Human};
use crate::units::{Kind, seconds};
use uom::si::time::second;

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let overhead = s.serving.overhead.get::<second>();
    let mut total = overhead;
    if overhead > 0.0 {
        t.uses(format_args!("serving.overhead"));
        t.step(
            overhead,
            Kind::Duration,
            format_args!(
                "overhead (network, serialisation): {}",
                Human::new(overhead, Kind::Duration)
            ),
        );
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
        t.uses(format_args!("stage.{}.latency", st.name));
        match partner {
            Some(j) => {
                t.uses(format_args!("stage.{}.parallel_with", st.name));
                let longer = finish.max(total);
                t.step(
                    longer,
                    Kind::Duration,
                    format_args!(
                        "∥ {} {} beside {} (from {}, ends {}): the slower counts = {}",
                        st.name,
                        Human::new(l, Kind::Duration),
                        s.stages[j].name,
                        Human::new(start, Kind::Duration),
                        Human::new(finish, Kind::Duration),
                        Human::new(longer, Kind::Duration)
                    ),
                );
            }
            // The path's first part reads on its own; the rest add to it.
            None if total == 0.0 => t.step(
                finish,
                Kind::Duration,
                format_args!("{} {}", st.name, Human::new(l, Kind::Duration)),
            ),
            None => t.step(
                finish,
                Kind::Duration,
                format_args!(
                    "+ {} {} = {}",
                    st.name,
                    Human::new(l, Kind::Duration),
                    Human::new(finish, Kind::Duration)
                ),
            ),
        }
        total = total.max(finish);
        if let Some(est) = e.stages.get_mut(i) {
            est.start = start;
            est.finish = finish;
        }
    }
    t.output(
        Section::Latency,
        format_args!("total"),
        format_args!("Latency, online stages"),
        Kind::Duration,
        total,
    );
    e.latency_total = seconds(total);

    e.budget_used = s.serving.latency_budget.map(|b| {
        let b = b.get::<second>();
        let used = total / b;
        t.uses(format_args!("serving.latency_budget"));
        t.step(
            used,
            Kind::Fraction,
            format_args!(
                "{} ÷ {} budget = {}",
                Human::new(total, Kind::Duration),
                Human::new(b, Kind::Duration),
                Human::new(used, Kind::Fraction)
            ),
        );
        t.inherit(|id| id == "latency.total");
        t.output(
            Section::Latency,
            format_args!("budget_used"),
            format_args!("Latency budget used"),
            Kind::Fraction,
            used,
        );
        used
    });

    e.fanout_slow = match (&s.index, &e.index) {
        (Some(ix), Some(est)) if s.stages.iter().any(|st| st.index) => {
            let q = ix.shard_fast_probability;
            let n = est.shards;
            let all_fast = q.powf(n);
            let slow = 1.0 - all_fast;
            t.uses(format_args!("index.shard_fast_probability"));
            t.step(
                all_fast,
                Kind::Fraction,
                format_args!(
                    "P(all {} shards fast) = {}^{} = {}",
                    Grouped(n),
                    Human::new(q, Kind::Fraction),
                    Grouped(n),
                    Human::new(all_fast, Kind::Fraction)
                ),
            );
            t.step(
                slow,
                Kind::Fraction,
                format_args!(
                    "1 − {} = {} of requests wait on a slow shard",
                    Human::new(all_fast, Kind::Fraction),
                    Human::new(slow, Kind::Fraction)
                ),
            );
            let needed = q.powf(1.0 / n);
            t.step(needed, Kind::Fraction, format_args!(
                "for {} of requests to be fast, each shard must be fast {}^(1/{}) = {} of the time",
                Human::new(q, Kind::Fraction), Human::new(q, Kind::Fraction), Grouped(n), Human::new(needed, Kind::Fraction)
            ));
            t.inherit(|id| id == "index.shards");
            t.output(
                Section::Latency,
                format_args!("fanout_slow_fraction"),
                format_args!("Requests slowed by a shard"),
                Kind::Fraction,
                slow,
            );
            Some(slow)
        }
        _ => None,
    };
}

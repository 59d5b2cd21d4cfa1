//! Where the index lives: the shards one copy fills, the replicas each region needs for its
//! peak, and the peak one region serves.

use super::super::traffic::{PEAK_QPS, reads_peak};
use super::super::{Bracket, Estimate, In, Op, Trace};
use super::{DISK, MEMORY, REPLICAS, SHARDS};
use crate::scenario::schema::Section as S;
use crate::scenario::{Index, Scenario};
use crate::units::Kind;
use uom::si::frequency::hertz;
use uom::si::information::byte;

/// The shards one copy of the index needs: a fixed count, or the nodes its memory (and, on SSD,
/// its disk) fills.
pub(super) fn shards<T: Trace>(ix: &Index, memory: f64, disk: f64, t: &mut T) -> f64 {
    let node_mem = ix.node_memory.get::<byte>();
    let usable = node_mem * ix.memory_headroom;
    t.uses(In::of(S::Index, "node_memory"));
    t.uses(In::of(S::Index, "memory_headroom"));
    t.reads(MEMORY);
    let shards = match ix.shards {
        Some(fixed) => {
            t.uses(In::of(S::Index, "shards"));
            t.step(fixed, Kind::Count, |w| {
                w.t("given: ")
                    .n(fixed)
                    .t(" shards of ")
                    .q(memory / fixed, Kind::Size)
                    .t(" each (node: ")
                    .q(usable, Kind::Size)
                    .t(" usable)");
            });
            fixed
        }
        None => {
            let by_mem = (memory / usable).ceil().max(1.0);
            t.step(by_mem, Kind::Count, |w| {
                w.bracket(Bracket::CeilOpen)
                    .q(memory, Kind::Size)
                    .op(Op::Divide)
                    .t("(")
                    .q(node_mem, Kind::Size)
                    .of(In::of(S::Index, "node_memory"))
                    .t(" node")
                    .op(Op::Times)
                    .q(ix.memory_headroom, Kind::Fraction)
                    .of(In::of(S::Index, "memory_headroom"))
                    .t(" usable)")
                    .bracket(Bracket::CeilClose)
                    .op(Op::Equals)
                    .bracket(Bracket::CeilOpen)
                    .q(memory, Kind::Size)
                    .op(Op::Divide)
                    .q(usable, Kind::Size)
                    .bracket(Bracket::CeilClose)
                    .op(Op::Equals)
                    .n(by_mem)
                    .t(" shards");
            });
            match ix.node_disk {
                Some(nd) if disk > 0.0 => {
                    let nd = nd.get::<byte>();
                    let by_disk = (disk / nd).ceil().max(1.0);
                    t.uses(In::of(S::Index, "node_disk"));
                    t.reads(DISK);
                    t.step(by_disk, Kind::Count, |w| {
                        w.t("SSD: ")
                            .bracket(Bracket::CeilOpen)
                            .q(disk, Kind::Size)
                            .op(Op::Divide)
                            .q(nd, Kind::Size)
                            .t(" per node")
                            .bracket(Bracket::CeilClose)
                            .op(Op::Equals)
                            .n(by_disk)
                            .t(" shards; take the larger");
                    });
                    by_mem.max(by_disk)
                }
                _ => by_mem,
            }
        }
    };
    t.output(SHARDS, format_args!("Index shards"), Kind::Integer, shards)
}

/// Copies of the index a region needs for its share of the peak, with the spares.
pub(super) fn replicas<T: Trace>(s: &Scenario, e: &Estimate, ix: &Index, t: &mut T) -> f64 {
    let util = s.serving.target_utilization;
    // Whole spare servers: a validated input is whole already; a range's samples are rounded.
    let k = s.serving.redundancy.round();
    t.uses(In::of(S::Serving, "redundancy"));
    let replicas = match (ix.per_replica_qps, s.requests().is_some()) {
        (Some(prq), true) => {
            let prq = prq.get::<hertz>();
            reads_peak(s, t);
            let region_peak = region_peak(s, e, t);
            let base = (region_peak / (prq * util)).ceil().max(1.0);
            t.step(base, Kind::Count, |w| {
                w.bracket(Bracket::CeilOpen).q(region_peak, Kind::Rate);
                if s.serving.regions <= 1.0 {
                    w.of(PEAK_QPS);
                }
                w.op(Op::Divide)
                    .t("(")
                    .q(prq, Kind::Rate)
                    .of(In::of(S::Index, "per_replica_qps"))
                    .t(" per replica")
                    .op(Op::Times)
                    .q(util, Kind::Fraction)
                    .of(In::of(S::Serving, "target_utilization"))
                    .t(" utilisation)")
                    .bracket(Bracket::CeilClose)
                    .op(Op::Equals)
                    .n(base)
                    .t(" replicas");
            });
            if k > 0.0 {
                t.step(base + k, Kind::Count, |w| {
                    w.n(base)
                        .op(Op::Plus)
                        .n(k)
                        .of(In::of(S::Serving, "redundancy"))
                        .t(" spare (N+")
                        .n(k)
                        .t(")")
                        .op(Op::Equals)
                        .n(base + k)
                        .t(" replicas per region");
                });
            }
            base + k
        }
        _ => {
            t.step(1.0 + k, Kind::Count, |w| {
                w.t("no per_replica_qps or traffic: one copy")
                    .op(Op::Plus)
                    .n(k)
                    .of(In::of(S::Serving, "redundancy"))
                    .t(" spare");
            });
            1.0 + k
        }
    };
    t.output(
        REPLICAS,
        format_args!("Index replicas per region"),
        Kind::Integer,
        replicas,
    )
}

/// The peak one region serves: the peak ÷ regions, or ÷ (regions − 1) when the others must take
/// a lost region's share; with its step when there is more than one region.
pub(crate) fn region_peak<T: Trace>(s: &Scenario, e: &Estimate, t: &mut T) -> f64 {
    let sv = &s.serving;
    // The share depends on the region count even when it is 1.
    t.uses(In::of(S::Serving, "regions"));
    t.uses(In::of(S::Serving, "region_failover"));
    let peak = e.peak_qps.get::<hertz>();
    let share = if sv.region_failover && sv.regions > 1.0 {
        sv.regions - 1.0
    } else {
        sv.regions
    };
    let region = peak / share;
    if sv.regions <= 1.0 {
        return region;
    }
    if sv.region_failover {
        t.step(region, Kind::Rate, |w| {
            w.q(peak, Kind::Rate)
                .of(PEAK_QPS)
                .t(" peak")
                .op(Op::Divide)
                .t("(")
                .n(sv.regions)
                .of(In::of(S::Serving, "regions"))
                .t(" regions")
                .op(Op::Minus)
                .t("1, to survive losing one)")
                .op(Op::Equals)
                .q(region, Kind::Rate)
                .t(" per region");
        });
    } else {
        t.step(region, Kind::Rate, |w| {
            w.q(peak, Kind::Rate)
                .of(PEAK_QPS)
                .t(" peak")
                .op(Op::Divide)
                .n(sv.regions)
                .of(In::of(S::Serving, "regions"))
                .t(" regions")
                .op(Op::Equals)
                .q(region, Kind::Rate)
                .t(" per region");
        });
    }
    region
}

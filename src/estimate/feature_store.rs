//! The online feature store: memory of one copy, lookups at peak, and the nodes for both.

use super::{Bracket, Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{FeatureStore, Scenario};
use crate::units::Kind;
use std::fmt;
use uom::si::frequency::hertz;
use uom::si::information::byte;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeatureStoreEstimate {
    /// One copy, bytes.
    pub memory: f64,
    /// Lookups per second at peak.
    pub lookups: f64,
    /// Nodes for all copies' memory.
    pub memory_nodes: f64,
    /// Nodes for the lookups.
    pub lookup_nodes: f64,
    /// The larger of the two: replicas serve reads, so the copies count toward the lookups.
    pub nodes: f64,
}

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::FeatureStore, &[name]), label, kind, value)
}

const MEMORY: Out<'static> = Out::new(Section::FeatureStore, &["memory"]);
const LOOKUPS: Out<'static> = Out::new(Section::FeatureStore, &["lookups"]);

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(fs) = &s.feature_store else {
        e.feature_store = None;
        return;
    };
    let memory = memory(fs, t);
    let lookups = lookups(s, e, fs, t);
    let (memory_nodes, lookup_nodes, nodes) = nodes(fs, memory, lookups, s.requests().is_some(), t);
    e.feature_store = Some(FeatureStoreEstimate {
        memory,
        lookups,
        memory_nodes,
        lookup_nodes,
        nodes,
    });
}

/// One copy of the features: every entity's key overhead and feature values.
fn memory<T: Trace>(fs: &FeatureStore, t: &mut T) -> f64 {
    for key in [
        "entities",
        "features_per_entity",
        "feature_size",
        "entity_overhead",
    ] {
        t.uses(In::of(S::FeatureStore, key));
    }
    let overhead = fs.entity_overhead.get::<byte>();
    let size = fs.feature_size.get::<byte>();
    let per_entity = overhead + fs.features_per_entity.0 * size;
    t.step(per_entity, Kind::Size, |w| {
        w.t("per entity: ")
            .q(overhead, Kind::Size)
            .t(" key overhead")
            .op(Op::Plus)
            .q(fs.features_per_entity.0, Kind::Count)
            .t(" features")
            .op(Op::Times)
            .q(size, Kind::Size)
            .op(Op::Equals)
            .q(per_entity, Kind::Size);
    });
    let memory = fs.entities.0 * per_entity;
    t.step(memory, Kind::Size, |w| {
        w.q(fs.entities.0, Kind::Count)
            .t(" entities")
            .op(Op::Times)
            .q(per_entity, Kind::Size)
            .op(Op::Equals)
            .q(memory, Kind::Size)
            .t(" (one copy)");
    });

    put(
        t,
        "memory",
        format_args!("Feature store, one copy"),
        Kind::Size,
        memory,
    )
}

/// Lookups a second at peak.
fn lookups<T: Trace>(s: &Scenario, e: &Estimate, fs: &FeatureStore, t: &mut T) -> f64 {
    let peak = e.peak_qps.get::<hertz>();
    if s.requests().is_none() {
        t.step(0.0, Kind::Rate, |w| {
            w.t("no [traffic]: lookups are made per request, and there is no request rate");
        });
        return t.output(
            LOOKUPS,
            format_args!("Feature lookups at peak"),
            Kind::Rate,
            0.0,
        );
    }
    super::traffic::reads_peak(s, t);
    t.uses(In::of(S::FeatureStore, "entities_per_request"));
    t.uses(In::of(S::FeatureStore, "feature_views"));
    let lookups = peak * fs.entities_per_request.0 * fs.feature_views;
    t.step(lookups, Kind::Rate, |w| {
        w.q(peak, Kind::Rate);
        if s.requests().is_some() {
            w.of(super::traffic::PEAK_QPS);
        }
        w.t(" peak")
            .op(Op::Times)
            .q(fs.entities_per_request.0, Kind::Count)
            .t(" entities per request")
            .op(Op::Times)
            .sig(fs.feature_views)
            .t(" views")
            .op(Op::Equals)
            .q(lookups, Kind::Rate);
    });

    put(
        t,
        "lookups",
        format_args!("Feature lookups at peak"),
        Kind::Rate,
        lookups,
    )
}

/// Nodes for all copies' memory, nodes for the lookups, and the larger. Without requests (and
/// no lookups given) memory alone sizes the store, and the working says so.
fn nodes<T: Trace>(
    fs: &FeatureStore,
    memory: f64,
    lookups: f64,
    has_requests: bool,
    t: &mut T,
) -> (f64, f64, f64) {
    t.reads(MEMORY);
    t.reads(LOOKUPS);
    for key in [
        "node_memory",
        "memory_headroom",
        "replication",
        "per_node_ops",
    ] {
        t.uses(In::of(S::FeatureStore, key));
    }
    let node = fs.node_memory.get::<byte>();
    let per_node = fs.per_node_ops.get::<hertz>();
    let lookup_nodes = (lookups / per_node).ceil();
    if node == 0.0 {
        // No node_memory: the memory stands, the nodes cannot (the report says what they need).
        t.step(0.0, Kind::Count, |w| {
            w.t("no node memory (feature_store.node_memory): the nodes the store needs are not known");
        });
        put(
            t,
            "nodes",
            format_args!("Feature store nodes"),
            Kind::Integer,
            0.0,
        );
        return (0.0, lookup_nodes, 0.0);
    }
    let usable = node * fs.memory_headroom;
    let per_copy = (memory / usable).ceil();
    let memory_nodes = (per_copy * fs.replication).ceil();
    t.step(memory_nodes, Kind::Count, |w| {
        w.t("for memory: ")
            .bracket(Bracket::CeilOpen)
            .q(memory, Kind::Size)
            .op(Op::Divide)
            .t("(")
            .q(node, Kind::Size)
            .op(Op::Times)
            .q(fs.memory_headroom, Kind::Fraction)
            .op(Op::Equals)
            .q(usable, Kind::Size)
            .t(")")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(per_copy)
            .t(" nodes a copy")
            .op(Op::Times)
            .sig(fs.replication)
            .t(" copies")
            .op(Op::Equals)
            .n(memory_nodes)
            .t(" nodes");
    });
    if !has_requests && lookups == 0.0 {
        let nodes = memory_nodes;
        t.step(nodes, Kind::Count, |w| {
            w.t("no lookups to size for: they are made per request, and there is no [traffic]; memory alone sets the size: ")
                .n(nodes)
                .t(" nodes");
        });
        let nodes = put(
            t,
            "nodes",
            format_args!("Feature store nodes"),
            Kind::Integer,
            nodes,
        );
        return (memory_nodes, lookup_nodes, nodes);
    }
    t.step(lookup_nodes, Kind::Count, |w| {
        w.t("for lookups: ")
            .bracket(Bracket::CeilOpen)
            .q(lookups, Kind::Rate)
            .op(Op::Divide)
            .q(per_node, Kind::Rate)
            .t(" per node")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(lookup_nodes)
            .t(" nodes");
    });
    let nodes = memory_nodes.max(lookup_nodes);
    t.step(nodes, Kind::Count, |w| {
        w.t("the larger, as replicas serve reads too: ")
            .n(nodes)
            .t(" nodes (")
            .t(if lookup_nodes > memory_nodes {
                "lookups"
            } else {
                "memory"
            })
            .t(" sets the size)");
    });
    let nodes = put(
        t,
        "nodes",
        format_args!("Feature store nodes"),
        Kind::Integer,
        nodes,
    );
    (memory_nodes, lookup_nodes, nodes)
}

//! The online feature store: memory of one copy, lookups at peak, and the nodes for both.

use super::{Estimate, Section, Trace};
use crate::scenario::Scenario;
use crate::units::Kind;
use crate::units::format::{Grouped, Human, Sig};
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

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) {
    t.output(
        Section::FeatureStore,
        format_args!("{name}"),
        label,
        kind,
        value,
    );
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(fs) = &s.feature_store else {
        e.feature_store = None;
        return;
    };
    for key in [
        "entities",
        "features_per_entity",
        "feature_size",
        "entity_overhead",
    ] {
        t.uses(format_args!("feature_store.{key}"));
    }
    let overhead = fs.entity_overhead.get::<byte>();
    let size = fs.feature_size.get::<byte>();
    let per_entity = overhead + fs.features_per_entity.0 * size;
    t.step(
        per_entity,
        Kind::Size,
        format_args!(
            "per entity: {} key overhead + {} features × {} = {}",
            Human::new(overhead, Kind::Size),
            Human::new(fs.features_per_entity.0, Kind::Count),
            Human::new(size, Kind::Size),
            Human::new(per_entity, Kind::Size)
        ),
    );
    let memory = fs.entities.0 * per_entity;
    t.step(
        memory,
        Kind::Size,
        format_args!(
            "{} entities × {} = {} (one copy)",
            Human::new(fs.entities.0, Kind::Count),
            Human::new(per_entity, Kind::Size),
            Human::new(memory, Kind::Size)
        ),
    );
    put(
        t,
        "memory",
        format_args!("Feature store, one copy"),
        Kind::Size,
        memory,
    );

    let peak = e.peak_qps.get::<hertz>();
    super::traffic::uses_traffic(s, t);
    t.uses(format_args!("feature_store.entities_per_request"));
    t.uses(format_args!("feature_store.feature_views"));
    let lookups = peak * fs.entities_per_request.0 * fs.feature_views;
    t.step(
        lookups,
        Kind::Rate,
        format_args!(
            "{} peak × {} entities per request × {} views = {}",
            Human::new(peak, Kind::Rate),
            Human::new(fs.entities_per_request.0, Kind::Count),
            Sig(fs.feature_views),
            Human::new(lookups, Kind::Rate)
        ),
    );
    put(
        t,
        "lookups",
        format_args!("Feature lookups at peak"),
        Kind::Rate,
        lookups,
    );

    t.inherit(|id| id == "feature_store.memory" || id == "feature_store.lookups");
    for key in [
        "node_memory",
        "memory_headroom",
        "replication",
        "per_node_ops",
    ] {
        t.uses(format_args!("feature_store.{key}"));
    }
    let node = fs.node_memory.get::<byte>();
    let usable = node * fs.memory_headroom;
    let per_copy = (memory / usable).ceil();
    let memory_nodes = (per_copy * fs.replication).ceil();
    t.step(
        memory_nodes,
        Kind::Count,
        format_args!(
            "for memory: ⌈{} ÷ ({} × {} = {})⌉ = {} nodes a copy × {} copies = {} nodes",
            Human::new(memory, Kind::Size),
            Human::new(node, Kind::Size),
            Human::new(fs.memory_headroom, Kind::Fraction),
            Human::new(usable, Kind::Size),
            Grouped(per_copy),
            Sig(fs.replication),
            Grouped(memory_nodes)
        ),
    );
    let per_node = fs.per_node_ops.get::<hertz>();
    let lookup_nodes = (lookups / per_node).ceil();
    t.step(
        lookup_nodes,
        Kind::Count,
        format_args!(
            "for lookups: ⌈{} ÷ {} per node⌉ = {} nodes",
            Human::new(lookups, Kind::Rate),
            Human::new(per_node, Kind::Rate),
            Grouped(lookup_nodes)
        ),
    );
    let nodes = memory_nodes.max(lookup_nodes);
    t.step(
        nodes,
        Kind::Count,
        format_args!(
            "the larger, as replicas serve reads too: {} nodes ({} sets the size)",
            Grouped(nodes),
            if lookup_nodes > memory_nodes {
                "lookups"
            } else {
                "memory"
            }
        ),
    );
    put(
        t,
        "nodes",
        format_args!("Feature store nodes"),
        Kind::Count,
        nodes,
    );
    e.feature_store = Some(FeatureStoreEstimate {
        memory,
        lookups,
        memory_nodes,
        lookup_nodes,
        nodes,
    });
}

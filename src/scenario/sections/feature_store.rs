//! `[feature_store]`: an online feature store (Redis-like), one hash per entity.

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::{self, Kind};
use uom::si::f64::{Frequency, Information};

/// An online feature store (Redis-like): one hash per entity.
#[derive(Clone, Debug)]
pub struct FeatureStore {
    pub entities: Count,
    pub features_per_entity: Count,
    pub feature_size: Information,
    pub entity_overhead: Information,
    pub entities_per_request: Count,
    pub feature_views: f64,
    pub replication: f64,
    pub node_memory: Information,
    pub memory_headroom: f64,
    pub per_node_ops: Frequency,
}

impl Default for FeatureStore {
    fn default() -> Self {
        FeatureStore {
            entities: Count(0.0),
            features_per_entity: Count(0.0),
            feature_size: units::bytes(13.0),
            entity_overhead: units::bytes(140.0),
            entities_per_request: Count(1.0),
            feature_views: 1.0,
            replication: 1.0,
            node_memory: units::bytes(0.0),
            memory_headroom: 0.7,
            per_node_ops: units::per_second(150e3),
        }
    }
}

pub const FIELDS: &[Field<FeatureStore>] = fields!(FeatureStore {
    entities: Q(Kind::Count), false, "entities with features online (users, items)";
    features_per_entity: Q(Kind::Count), false, "feature values per entity";
    feature_size: Q(Kind::Size), false, "stored bytes per feature value, field included (default 13 B, Feast's Redis layout)";
    entity_overhead: Q(Kind::Size), true, "bytes per entity key beside its features (default 140 B: Redis per-key overhead, key and timestamp)";
    entities_per_request: Q(Kind::Count), false, "entities looked up per request, e.g. 1 user + 500 candidates = 501 (default 1)";
    feature_views: Q(Kind::Factor), false, "lookups per entity per request (default 1)";
    replication: Q(Kind::Factor), false, "copies of the store (default 1)";
    node_memory: Q(Kind::Size), false, "RAM of one store node";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of node memory (default 0.7)";
    per_node_ops: Q(Kind::Rate), false, "lookups per second one node serves (default 150k/s, redis-benchmark unpipelined)";
});

pub const ROW: Row<FeatureStore> = Row {
    section: Section::FeatureStore,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.feature_store, |s| &mut s.feature_store),
    check,
};

fn check(f: &mut Findings) {
    let Some(fs) = &f.s.feature_store else { return };
    let at = |key| Section::FeatureStore.at(key);
    let section = Section::FeatureStore.path();
    if fs.entities.0 == 0.0 || fs.features_per_entity.0 == 0.0 {
        f.add(
            section.clone(),
            "[feature_store] needs entities and features_per_entity",
            &[&[
                (&section, "entities", "\"500M\""),
                (&section, "features_per_entity", "100"),
            ]],
            "",
        );
    }
    // Without node_memory the store's memory stands alone: the report says the nodes need it.
    if fs.replication < 1.0 {
        f.say(
            at("replication"),
            format!("replication {} is below 1", fs.replication),
            "write 1 for a single copy, 2 for a primary and a replica",
        );
    }
}

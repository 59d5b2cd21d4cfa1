//! `[graph]`: a social or interaction graph stored as adjacency lists.

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::{self, Kind};
use uom::si::f64::Information;

/// A social or interaction graph stored as adjacency lists.
#[derive(Clone, Debug)]
pub struct Graph {
    pub nodes: Count,
    /// Average connections per node; each undirected edge appears in both nodes' lists.
    pub avg_degree: Count,
    pub bytes_per_edge: Information,
}

impl Default for Graph {
    fn default() -> Self {
        Graph {
            nodes: Count(0.0),
            avg_degree: Count(0.0),
            bytes_per_edge: units::bytes(8.0),
        }
    }
}

pub const FIELDS: &[Field<Graph>] = fields!(Graph {
    nodes: Q(Kind::Count), false, "nodes (users) in the graph";
    avg_degree: Q(Kind::Count), false, "average connections per node";
    bytes_per_edge: Q(Kind::Size), false, "bytes per adjacency-list entry (default 8 B: a 64-bit id)";
});

pub const ROW: Row<Graph> = Row {
    section: Section::Graph,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.graph, |s| &mut s.graph),
    check,
};

fn check(f: &mut Findings) {
    let Some(g) = &f.s.graph else { return };
    if g.nodes.0 == 0.0 || g.avg_degree.0 == 0.0 {
        let section = Section::Graph.path();
        f.add(
            section.clone(),
            "[graph] needs nodes and avg_degree",
            &[&[
                (&section, "nodes", "\"1B\""),
                (&section, "avg_degree", "1000"),
            ]],
            "",
        );
    }
}

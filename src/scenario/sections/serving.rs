//! `[serving]`: the latency budget, utilisation, spares and regions every stage is sized with.

use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Bool, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::{self, Kind};
use uom::si::f64::Time;

#[derive(Clone, Debug)]
pub struct Serving {
    pub latency_budget: Option<Time>,
    pub target_utilization: f64,
    /// N+k: spare servers per stage and region.
    pub redundancy: f64,
    pub regions: f64,
    /// Size each region to carry the load of a failed one: peak ÷ (regions − 1) per region.
    pub region_failover: bool,
    /// Latency outside the stages (network hops, serialisation), added to the total.
    pub overhead: Time,
}

impl Default for Serving {
    fn default() -> Self {
        Serving {
            latency_budget: None,
            target_utilization: 0.6,
            redundancy: 0.0,
            regions: 1.0,
            region_failover: false,
            overhead: units::seconds(0.0),
        }
    }
}

pub const FIELDS: &[Field<Serving>] = fields!(Serving {
    latency_budget: Q(Kind::Duration), false, "end-to-end latency allowed per request";
    target_utilization: Q(Kind::Fraction), false, "fraction of capacity used at peak (default 0.6)";
    redundancy: Q(Kind::Count), true, "N+k: spare servers per stage and region (default 0)";
    regions: Q(Kind::Integer), false, "regions serving traffic (default 1)";
    region_failover: Bool, false, "size each region to absorb a failed one: peak ÷ (regions − 1) (default false)";
    overhead: Q(Kind::Duration), true, "latency outside the stages: network, serialisation (default 0)";
});

pub const ROW: Row<Serving> = Row {
    section: Section::Serving,
    fields: FIELDS,
    holder: Holder::Always(|s| &s.serving, |s| &mut s.serving),
    check,
};

fn check(f: &mut Findings) {
    let at = |key| Section::Serving.at(key);
    // A range's median and samples may fall between whole numbers: they are rounded.
    let k = f.s.serving.redundancy;
    if k.fract() != 0.0 && f.s.range(&at("redundancy")).is_none() {
        f.say(
            at("redundancy"),
            format!("redundancy = {k} is not a whole number of spare servers"),
            format!("write {} or {}", k.floor(), k.ceil()),
        );
    }
    if f.s.serving.region_failover && f.s.serving.regions < 2.0 {
        f.say(
            at("region_failover"),
            "region_failover needs at least 2 regions",
            "set regions = 3, or region_failover = false",
        );
    }
}

//! `[cache]`: a cache of the most popular items in front of a stage or store (Zipf popularity).

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::{self, Human, Kind};
use uom::si::f64::Information;

/// A cache of the most popular items in front of a stage or store (Zipf popularity).
#[derive(Clone, Debug)]
pub struct Cache {
    /// Default: the first corpus's items.
    pub items: Option<Count>,
    pub cached_items: Count,
    pub zipf_s: f64,
    pub item_size: Information,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            items: None,
            cached_items: Count(0.0),
            zipf_s: 1.0,
            item_size: units::bytes(0.0),
        }
    }
}

pub const FIELDS: &[Field<Cache>] = fields!(Cache {
    items: Q(Kind::Count), false, "distinct items requested (default: the first corpus's items)";
    cached_items: Q(Kind::Count), false, "the most popular items kept in the cache";
    zipf_s: Q(Kind::Number), true, "Zipf popularity exponent s (default 1; 0.6–1.2 is typical; 0 is uniform popularity)";
    item_size: Q(Kind::Size), false, "bytes per cached item";
});

pub const ROW: Row<Cache> = Row {
    section: Section::Cache,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.cache, |s| &mut s.cache),
    check,
};

fn check(f: &mut Findings) {
    let s = f.s;
    let Some(c) = &s.cache else { return };
    let at = |key| Section::Cache.at(key);
    let section = Section::Cache.path();
    if c.cached_items.0 == 0.0 || c.item_size.value == 0.0 {
        f.add(
            section.clone(),
            "[cache] needs cached_items and item_size",
            &[&[
                (&section, "cached_items", "\"100k\""),
                (&section, "item_size", "\"2 KB\""),
            ]],
            "",
        );
    }
    let items = c.items.or(s.corpora.first().map(|k| k.items));
    match items {
        None => f.add(
            at("items"),
            "[cache] has no items and there is no corpus to take them from",
            &[&[(&section, "items", "\"10M\"")]],
            "",
        ),
        Some(n) if c.cached_items.0 > n.0 => f.say(
            at("cached_items"),
            format!(
                "the cache holds {} items of only {}",
                Human::new(c.cached_items.0, Kind::Count),
                Human::new(n.0, Kind::Count)
            ),
            "write cached_items at most items: the cache keeps the most popular of them",
        ),
        _ => {}
    }
}

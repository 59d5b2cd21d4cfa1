//! `[cache]`: a cache of the most popular items in front of a stage or store (Zipf popularity).

use crate::scenario::diagnostic::Subject;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::scenario::{Count, SectionPath};
use crate::units::{self, Human, Kind};
use uom::si::f64::Information;

/// The largest Zipf exponent: past it the most popular item alone takes nearly every request
/// (s = 10: 99.9%), and far past it (1e300) the hit ratio cannot be computed.
pub const MAX_ZIPF_S: f64 = 10.0;

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
    // Only what is missing: an input given (by --set or --vary too) is not asked for again.
    let missing: Vec<(&SectionPath, &'static str, &'static str)> = [
        (c.cached_items.0 == 0.0, "cached_items", "\"100k\""),
        (c.item_size.value == 0.0, "item_size", "\"2 KB\""),
    ]
    .into_iter()
    .filter(|(missing, _, _)| *missing)
    .map(|(_, key, value)| (&section, key, value))
    .collect();
    if !missing.is_empty() {
        let keys: Vec<&str> = missing.iter().map(|(_, key, _)| *key).collect();
        let subject = match keys[..] {
            [key] => Subject::Input(at(key)),
            _ => Subject::Section(section.clone()),
        };
        f.add(
            subject,
            format!("[cache] needs {}", keys.join(" and ")),
            &[&missing],
            "",
        );
    }
    if c.zipf_s > MAX_ZIPF_S {
        f.say(
            at("zipf_s"),
            format!(
                "a Zipf exponent of {} is past any popularity napkin models (at most {MAX_ZIPF_S})",
                units::format::Grouped(c.zipf_s)
            ),
            "write the popularity exponent s: 0.6–1.2 for most catalogues, 1 if unsure",
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

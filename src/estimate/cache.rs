//! A cache of the most popular items under Zipf popularity: hit ratio H(k, s) ÷ H(N, s)
//! (Breslau et al. 1999), the load left for the backend, and the cache's memory.

use super::math::Zipf;
use super::{Estimate, Section, Trace};
use crate::scenario::{Cache, Scenario};
use crate::units::Kind;
use crate::units::format::{Human, Sig};
use std::fmt;
use uom::si::frequency::hertz;
use uom::si::information::byte;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CacheEstimate {
    pub items: f64,
    pub hit_ratio: f64,
    pub backend_qps: f64,
    pub memory: f64,
    /// Items expected to be requested at least once a day (see [`hot_set`]).
    pub hot_set: f64,
}

/// Distinct items requested: `items`, or the first corpus's.
pub fn item_count(s: &Scenario, c: &Cache) -> f64 {
    c.items
        .map_or_else(|| s.corpora.first().map_or(0.0, |k| k.items.0), |n| n.0)
}

/// A day's hot set: the ranks expected to be requested at least once in `requests` (a day's
/// requests), i.e. requests × i^(−s) ÷ H(N, s) ≥ 1, so i ≤ (requests ÷ H(N, s))^(1/s), at most N.
/// `h_items` is H(N, s).
pub fn hot_set(requests: f64, h_items: f64, items: f64, s: f64) -> f64 {
    (requests / h_items).powf(1.0 / s).floor().min(items)
}

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) {
    t.output(Section::Cache, format_args!("{name}"), label, kind, value);
}

/// The items, the hit ratio and H(items, s), tracing how.
fn hit_ratio<T: Trace>(s: &Scenario, c: &Cache, t: &mut T) -> (f64, f64, f64) {
    if c.items.is_some() {
        t.uses(format_args!("cache.items"));
    } else if let Some(k) = s.corpora.first() {
        t.uses(format_args!("corpus.{}.items", k.name));
    }
    t.uses(format_args!("cache.cached_items"));
    t.uses(format_args!("cache.zipf_s"));
    let n = item_count(s, c);
    let k = c.cached_items.0;
    let zipf = Zipf::new(c.zipf_s);
    let (hk, hn) = (zipf.harmonic(k), zipf.harmonic(n));
    let hit = hk / hn;
    t.step(
        hit,
        Kind::Fraction,
        format_args!(
            "H({}, {}) ÷ H({}, {}) = {:.4} ÷ {:.4} = {} (top {} of {} items, Zipf s = {})",
            Human::new(k, Kind::Count),
            Sig(c.zipf_s),
            Human::new(n, Kind::Count),
            Sig(c.zipf_s),
            hk,
            hn,
            Human::new(hit, Kind::Fraction),
            Human::new(k, Kind::Count),
            Human::new(n, Kind::Count),
            Sig(c.zipf_s)
        ),
    );
    (n, hit, hn)
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(c) = &s.cache else {
        e.cache = None;
        return;
    };
    let (items, hit, h_items) = hit_ratio(s, c, t);
    put(
        t,
        "hit_ratio",
        format_args!("Cache hit ratio"),
        Kind::Fraction,
        hit,
    );

    t.repeat(format_args!("cache.hit_ratio"));
    super::traffic::uses_traffic(s, t);
    let peak = e.peak_qps.get::<hertz>();
    let backend = peak * (1.0 - hit);
    t.step(
        backend,
        Kind::Rate,
        format_args!(
            "{} peak × (1 − {}) = {}",
            Human::new(peak, Kind::Rate),
            Human::new(hit, Kind::Fraction),
            Human::new(backend, Kind::Rate)
        ),
    );
    put(
        t,
        "backend_qps",
        format_args!("Backend QPS behind the cache"),
        Kind::Rate,
        backend,
    );

    t.uses(format_args!("cache.cached_items"));
    t.uses(format_args!("cache.item_size"));
    let size = c.item_size.get::<byte>();
    let memory = c.cached_items.0 * size;
    t.step(
        memory,
        Kind::Size,
        format_args!(
            "{} items × {} = {}",
            Human::new(c.cached_items.0, Kind::Count),
            Human::new(size, Kind::Size),
            Human::new(memory, Kind::Size)
        ),
    );
    put(
        t,
        "memory",
        format_args!("Cache memory"),
        Kind::Size,
        memory,
    );

    let per_day = e.avg_qps.get::<hertz>() * crate::units::SECONDS_PER_DAY;
    e.cache = Some(CacheEstimate {
        items,
        hit_ratio: hit,
        backend_qps: backend,
        memory,
        hot_set: hot_set(per_day, h_items, items, c.zipf_s),
    });
}

//! A cache of the most popular items under Zipf popularity: hit ratio H(k, s) ÷ H(N, s)
//! (Breslau et al. 1999), the load left for the backend, and the cache's memory.

use super::math::Zipf;
use super::{Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Cache, Scenario};
use crate::units::Kind;
use std::fmt;
use uom::si::frequency::hertz;
use uom::si::information::byte;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CacheEstimate {
    pub items: f64,
    pub hit_ratio: f64,
    pub backend_qps: f64,
    pub memory: f64,
    /// H(items, s), the hit ratio's denominator.
    pub h_items: f64,
}

impl CacheEstimate {
    /// Items expected to be requested at least once a day (see [`hot_set`]): for a warning, so
    /// worked out when asked rather than in every Monte Carlo sample.
    pub fn hot_set(&self, c: &Cache, e: &Estimate) -> f64 {
        let per_day = e.avg_qps.get::<hertz>() * crate::units::SECONDS_PER_DAY;
        hot_set(per_day, self.h_items, self.items, c.zipf_s)
    }
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

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::Cache, &[name]), label, kind, value)
}

const HIT_RATIO: Out<'static> = Out::new(Section::Cache, &["hit_ratio"]);

/// The items, the hit ratio and H(items, s), tracing how.
fn hit_ratio<T: Trace>(s: &Scenario, c: &Cache, t: &mut T) -> (f64, f64, f64) {
    if c.items.is_some() {
        t.uses(In::of(S::Cache, "items"));
    } else if let Some(k) = s.corpora.first() {
        t.uses(In::entry(S::Corpus, &k.name, "items"));
    }
    t.uses(In::of(S::Cache, "cached_items"));
    t.uses(In::of(S::Cache, "zipf_s"));
    let n = item_count(s, c);
    let k = c.cached_items.0;
    let zipf = Zipf::new(c.zipf_s);
    let (hk, hn) = (zipf.harmonic(k), zipf.harmonic(n));
    let hit = hk / hn;
    if c.zipf_s == 0.0 {
        // H(k, 0) = k: every item equally popular, the cache holds its share.
        t.step(hit, Kind::Fraction, |w| {
            w.t("Zipf s = 0 is uniform popularity: ")
                .q(k, Kind::Count)
                .t(" cached")
                .op(Op::Divide)
                .q(n, Kind::Count)
                .t(" items")
                .op(Op::Equals)
                .q(hit, Kind::Fraction);
        });
        return (n, hit, hn);
    }
    t.step(hit, Kind::Fraction, |w| {
        w.t("H(")
            .q(k, Kind::Count)
            .t(", ")
            .sig(c.zipf_s)
            .t(")")
            .op(Op::Divide)
            .t("H(")
            .q(n, Kind::Count)
            .t(", ")
            .sig(c.zipf_s)
            .t(")")
            .op(Op::Equals)
            .fixed(hk, 4)
            .op(Op::Divide)
            .fixed(hn, 4)
            .op(Op::Equals)
            .q(hit, Kind::Fraction)
            .t(" (top ")
            .q(k, Kind::Count)
            .t(" of ")
            .q(n, Kind::Count)
            .t(" items, Zipf s")
            .op(Op::Equals)
            .sig(c.zipf_s)
            .t(")");
    });
    (n, hit, hn)
}

/// The share of requests the cache answers: a part of the estimate.
pub fn hits<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(c) = &s.cache else {
        e.cache = None;
        return;
    };
    let (items, hit, h_items) = hit_ratio(s, c, t);
    let hit = put(
        t,
        "hit_ratio",
        format_args!("Cache hit ratio"),
        Kind::Fraction,
        hit,
    );
    // The load and the memory are the next part's.
    let (backend_qps, memory) = e.cache.map_or((0.0, 0.0), |c| (c.backend_qps, c.memory));
    e.cache = Some(CacheEstimate {
        items,
        hit_ratio: hit,
        backend_qps,
        memory,
        h_items,
    });
}

/// The load the misses leave for the backend, and the cache's memory: a part of the estimate.
pub fn load<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (Some(c), Some(found)) = (&s.cache, e.cache) else {
        return;
    };
    let hit = found.hit_ratio;

    let peak = e.peak_qps.get::<hertz>();
    let backend = peak * (1.0 - hit);
    if s.requests().is_some() {
        t.repeat(HIT_RATIO);
        super::traffic::reads_peak(s, t);
        t.step(backend, Kind::Rate, |w| {
            w.q(peak, Kind::Rate)
                .of(super::traffic::PEAK_QPS)
                .t(" peak")
                .op(Op::Times)
                .t("(1")
                .op(Op::Minus)
                .q(hit, Kind::Fraction)
                .of(HIT_RATIO)
                .t(")")
                .op(Op::Equals)
                .q(backend, Kind::Rate);
        });
    } else {
        t.step(0.0, Kind::Rate, |w| {
            w.t("no [traffic]: the load the misses leave for the backend is a share of a request rate, and there is none");
        });
    }
    let backend = put(
        t,
        "backend_qps",
        format_args!("Backend QPS behind the cache"),
        Kind::Rate,
        backend,
    );

    t.uses(In::of(S::Cache, "cached_items"));
    t.uses(In::of(S::Cache, "item_size"));
    let size = c.item_size.get::<byte>();
    let memory = c.cached_items.0 * size;
    t.step(memory, Kind::Size, |w| {
        w.q(c.cached_items.0, Kind::Count)
            .t(" items")
            .op(Op::Times)
            .q(size, Kind::Size)
            .op(Op::Equals)
            .q(memory, Kind::Size);
    });
    if s.requests().is_none() && backend == 0.0 {
        // The backend QPS is left out of the report without a load: say why here.
        t.step(memory, Kind::Size, |w| {
            w.t("no backend QPS: the misses' load is a share of a request rate, and there is no [traffic]");
        });
    }
    let memory = put(
        t,
        "memory",
        format_args!("Cache memory"),
        Kind::Size,
        memory,
    );

    e.cache = Some(CacheEstimate {
        backend_qps: backend,
        memory,
        ..found
    });
}

//! Storage: each corpus at rest and its growth, the raw embeddings, the logs, the total.

use super::{CorpusEstimate, Estimate, Section, Trace};
use crate::scenario::{Dtype, Embeddings, Logging, Scenario};
use crate::units::format::{Grouped, Human};
use crate::units::{Kind, SECONDS_PER_DAY, bytes};
use std::fmt;
use uom::si::information::byte;
use uom::si::time::second;

/// Bytes one vector takes at rest in `dtype` (Faiss wiki "Faiss indexes"): f32 4d, f16 2d,
/// int8 d, binary d/8, PQ ceil(m·nbits/8).
pub fn dtype_bytes(dtype: Dtype, dim: f64, pq_m: f64, pq_nbits: f64) -> f64 {
    match dtype {
        Dtype::F32 => 4.0 * dim,
        Dtype::F16 => 2.0 * dim,
        Dtype::Int8 => dim,
        Dtype::Binary => (dim / 8.0).ceil(),
        Dtype::Pq => (pq_m * pq_nbits / 8.0).ceil(),
    }
}

/// How the dtype's bytes per vector are computed, for the derivation: a `Display` that
/// allocates nothing unless written.
pub struct DtypeFormula {
    pub dtype: Dtype,
    pub dim: f64,
    pub pq_m: f64,
    pub pq_nbits: f64,
}

impl fmt::Display for DtypeFormula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = Grouped(self.dim);
        match self.dtype {
            Dtype::F32 => write!(f, "4 B × {d} dims (f32)"),
            Dtype::F16 => write!(f, "2 B × {d} dims (f16)"),
            Dtype::Int8 => write!(f, "1 B × {d} dims (int8)"),
            Dtype::Binary => write!(f, "{d} dims ÷ 8 bits (binary)"),
            Dtype::Pq => write!(
                f,
                "PQ {} codes × {} bits ÷ 8",
                Grouped(self.pq_m),
                Grouped(self.pq_nbits)
            ),
        }
    }
}

/// The vectors embedded: `vectors`, or the first corpus's items.
pub fn vector_count(s: &Scenario, emb: &Embeddings) -> f64 {
    emb.vectors
        .map_or_else(|| s.corpora.first().map_or(0.0, |c| c.items.0), |v| v.0)
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    e.corpora.clear();
    let mut total = 0.0;
    let mut growth = 0.0;
    for c in &s.corpora {
        let size = c.item_size.get::<byte>();
        let at_rest = c.items.0 * size * c.replication;
        uses_copies(c, "items", t);
        t.step(
            at_rest,
            Kind::Size,
            format_args!(
                "{} items × {} × {} copies = {}",
                Human::new(c.items.0, Kind::Count),
                Human::new(size, Kind::Size),
                Grouped(c.replication),
                Human::new(at_rest, Kind::Size)
            ),
        );
        t.output(
            Section::Storage,
            format_args!("{}", c.name),
            format_args!("Storage: {}", c.name),
            Kind::Size,
            at_rest,
        );

        let per_day = c.new_items_per_day.0 * size * c.replication;
        uses_copies(c, "new_items_per_day", t);
        t.step(
            per_day,
            Kind::SizePerDay,
            format_args!(
                "{} new/day × {} × {} copies = {}",
                Human::new(c.new_items_per_day.0, Kind::Count),
                Human::new(size, Kind::Size),
                Grouped(c.replication),
                Human::new(per_day, Kind::SizePerDay)
            ),
        );
        t.output(
            Section::Storage,
            format_args!("{}.growth_per_day", c.name),
            format_args!("Growth per day: {}", c.name),
            Kind::SizePerDay,
            per_day,
        );

        let retained = match c.retention {
            Some(r) => {
                let days = r.get::<second>() / SECONDS_PER_DAY;
                let kept = per_day * days;
                uses_copies(c, "new_items_per_day", t);
                t.uses(format_args!("corpus.{}.retention", c.name));
                t.step(
                    kept,
                    Kind::Size,
                    format_args!(
                        "{} × {} days retention = {}",
                        Human::new(per_day, Kind::SizePerDay),
                        Grouped(days.round()),
                        Human::new(kept, Kind::Size)
                    ),
                );
                t.output(
                    Section::Storage,
                    format_args!("{}.retained_growth", c.name),
                    format_args!("Growth over retention: {}", c.name),
                    Kind::Size,
                    kept,
                );
                kept
            }
            None => 0.0,
        };
        total += at_rest + retained;
        growth += per_day;
        e.corpora.push(CorpusEstimate {
            at_rest: bytes(at_rest),
            growth_per_day: bytes(per_day),
            retained_growth: bytes(retained),
        });
    }

    let embeddings = match &s.embeddings {
        Some(emb) => {
            let n = vector_count(s, emb);
            let pq_m = emb.pq_m.unwrap_or(0.0);
            let per = dtype_bytes(emb.dtype, emb.dim, pq_m, emb.pq_nbits);
            uses_embeddings(s, emb, t);
            t.step(
                per,
                Kind::Size,
                format_args!(
                    "{} = {} per vector",
                    DtypeFormula {
                        dtype: emb.dtype,
                        dim: emb.dim,
                        pq_m,
                        pq_nbits: emb.pq_nbits
                    },
                    Human::new(per, Kind::Size)
                ),
            );
            let raw = n * per;
            t.step(
                raw,
                Kind::Size,
                format_args!(
                    "{} vectors × {} = {}",
                    Human::new(n, Kind::Count),
                    Human::new(per, Kind::Size),
                    Human::new(raw, Kind::Size)
                ),
            );
            t.output(
                Section::Storage,
                format_args!("embeddings"),
                format_args!("Embeddings at rest"),
                Kind::Size,
                raw,
            );
            raw
        }
        None => 0.0,
    };

    let (mut logs_per_day, mut logs) = (0.0, 0.0);
    for l in &s.logs {
        let (per_day, kept) = log_stream(s, l, t);
        t.output(
            Section::Storage,
            format_args!("log.{}", l.name),
            format_args!("Log: {}", l.name),
            Kind::Size,
            kept,
        );
        logs_per_day += per_day;
        logs += kept;
    }
    if let Some(l) = &s.logging {
        let (per_day, kept) = log_stream(s, l, t);
        logs_per_day += per_day;
        logs += kept;
    }
    if !s.logs.is_empty() {
        // The total's working repeats each stream's, so it reads whole on its own.
        for l in &s.logs {
            t.repeat(format_args!("storage.log.{}", l.name));
        }
        t.step(
            logs,
            Kind::Size,
            format_args!(
                "sum of {} log streams = {}",
                s.logs.len() + s.logging.is_some() as usize,
                Human::new(logs, Kind::Size)
            ),
        );
    } else if s.logging.is_none() {
        t.step(
            0.0,
            Kind::Size,
            format_args!("no [logging] or [[log]]: no logs counted"),
        );
    }
    t.inherit(|id| id.starts_with("storage.log."));
    t.output(
        Section::Storage,
        format_args!("logs"),
        format_args!("Logs (training data)"),
        Kind::Size,
        logs,
    );

    let graph = match &s.graph {
        Some(g) => {
            let per_edge = g.bytes_per_edge.get::<byte>();
            let entries = g.nodes.0 * g.avg_degree.0;
            let size = entries * per_edge;
            t.uses(format_args!("graph.nodes"));
            t.uses(format_args!("graph.avg_degree"));
            t.uses(format_args!("graph.bytes_per_edge"));
            t.step(
                entries,
                Kind::Count,
                format_args!(
                    "{} nodes × {} connections = {} adjacency entries (each edge in both lists)",
                    Human::new(g.nodes.0, Kind::Count),
                    Human::new(g.avg_degree.0, Kind::Count),
                    Human::new(entries, Kind::Count)
                ),
            );
            t.step(
                size,
                Kind::Size,
                format_args!(
                    "{} entries × {} = {}",
                    Human::new(entries, Kind::Count),
                    Human::new(per_edge, Kind::Size),
                    Human::new(size, Kind::Size)
                ),
            );
            t.output(
                Section::Storage,
                format_args!("graph"),
                format_args!("Graph (adjacency lists)"),
                Kind::Size,
                size,
            );

            let fof = g.avg_degree.0 * g.avg_degree.0;
            t.uses(format_args!("graph.avg_degree"));
            t.step(fof, Kind::Count, format_args!(
                "{} connections × {} of theirs = {} friends of friends per node (before de-duplication)",
                Human::new(g.avg_degree.0, Kind::Count), Human::new(g.avg_degree.0, Kind::Count), Human::new(fof, Kind::Count)
            ));
            t.output(
                Section::Graph,
                format_args!("friends_of_friends"),
                format_args!("Friends of friends per node"),
                Kind::Count,
                fof,
            );
            size
        }
        None => 0.0,
    };

    let text_index = match &s.text_index {
        Some(ti) => {
            let posting = ti.bytes_per_posting.get::<byte>();
            let size = ti.documents.0 * ti.terms_per_document.0 * posting * ti.replication;
            t.uses(format_args!("text_index.documents"));
            t.uses(format_args!("text_index.terms_per_document"));
            t.uses(format_args!("text_index.bytes_per_posting"));
            t.uses(format_args!("text_index.replication"));
            t.step(
                size,
                Kind::Size,
                format_args!(
                    "{} documents × {} terms × {} per posting × {} copies = {}",
                    Human::new(ti.documents.0, Kind::Count),
                    Human::new(ti.terms_per_document.0, Kind::Count),
                    Human::new(posting, Kind::Size),
                    Grouped(ti.replication),
                    Human::new(size, Kind::Size)
                ),
            );
            t.output(
                Section::Storage,
                format_args!("text_index"),
                format_args!("Text index (inverted)"),
                Kind::Size,
                size,
            );
            size
        }
        None => 0.0,
    };

    let growth_total = growth + logs_per_day;
    t.inherit(|id| id.ends_with(".growth_per_day") || id.starts_with("storage.log"));
    t.step(
        growth_total,
        Kind::SizePerDay,
        format_args!(
            "{} corpora + {} logs = {}",
            Human::new(growth, Kind::SizePerDay),
            Human::new(logs_per_day, Kind::SizePerDay),
            Human::new(growth_total, Kind::SizePerDay)
        ),
    );
    t.output(
        Section::Storage,
        format_args!("growth_per_day"),
        format_args!("Growth per day"),
        Kind::SizePerDay,
        growth_total,
    );

    let all = total + embeddings + logs + graph + text_index;
    t.inherit(|id| id.starts_with("storage.") && !id.ends_with("growth_per_day"));
    t.step(
        all,
        Kind::Size,
        format_args!(
            "{} corpora (with growth over retention) + {} embeddings + {} logs{}{} = {}",
            Human::new(total, Kind::Size),
            Human::new(embeddings, Kind::Size),
            Human::new(logs, Kind::Size),
            Extra(" graph", graph),
            Extra(" text index", text_index),
            Human::new(all, Kind::Size)
        ),
    );
    t.output(
        Section::Storage,
        format_args!("total"),
        format_args!("Total storage"),
        Kind::Size,
        all,
    );

    e.embeddings = bytes(embeddings);
    e.logs_per_day = bytes(logs_per_day);
    e.logs = bytes(logs);
    e.growth_per_day = bytes(growth_total);
    e.storage_total = bytes(all);
}

/// " + 1.2 TB graph" when there is one, nothing otherwise.
struct Extra(&'static str, f64);

impl fmt::Display for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.1 > 0.0 {
            write!(f, " + {}{}", Human::new(self.1, Kind::Size), self.0)
        } else {
            Ok(())
        }
    }
}

/// One log stream's bytes per day and bytes kept over its retention, traced.
fn log_stream<T: Trace>(s: &Scenario, l: &Logging, t: &mut T) -> (f64, f64) {
    let p = l.section();
    let events = match (
        l.events_per_day,
        l.events_per_user_per_day,
        s.traffic.as_ref().and_then(|t| t.dau),
    ) {
        (Some(n), _, _) => {
            t.uses(format_args!("{p}.events_per_day"));
            t.step(
                n.0,
                Kind::Count,
                format_args!("given: {} events/day", Human::new(n.0, Kind::Count)),
            );
            n.0
        }
        (None, Some(per_user), Some(dau)) => {
            let n = dau.0 * per_user.0;
            t.uses(format_args!("traffic.dau"));
            t.uses(format_args!("{p}.events_per_user_per_day"));
            t.step(
                n,
                Kind::Count,
                format_args!(
                    "{} DAU × {} events/user/day = {} events/day",
                    Human::new(dau.0, Kind::Count),
                    Human::new(per_user.0, Kind::Count),
                    Human::new(n, Kind::Count)
                ),
            );
            n
        }
        _ => 0.0,
    };
    let size = l.event_size.get::<byte>();
    let per_day = events * size;
    t.uses(format_args!("{p}.event_size"));
    t.step(
        per_day,
        Kind::SizePerDay,
        format_args!(
            "{} events/day × {} = {}",
            Human::new(events, Kind::Count),
            Human::new(size, Kind::Size),
            Human::new(per_day, Kind::SizePerDay)
        ),
    );
    let days = l.retention.get::<second>() / SECONDS_PER_DAY;
    let kept = per_day * days;
    t.uses(format_args!("{p}.retention"));
    t.step(
        kept,
        Kind::Size,
        format_args!(
            "{} × {} days retention = {}",
            Human::new(per_day, Kind::SizePerDay),
            Grouped(days.round()),
            Human::new(kept, Kind::Size)
        ),
    );
    (per_day, kept)
}

/// Declares a corpus count (`items` or `new_items_per_day`) with the item size and copies it
/// is multiplied by.
pub(crate) fn uses_copies<T: Trace>(c: &crate::scenario::Corpus, count: &str, t: &mut T) {
    t.uses(format_args!("corpus.{}.{count}", c.name));
    t.uses(format_args!("corpus.{}.item_size", c.name));
    t.uses(format_args!("corpus.{}.replication", c.name));
}

pub(crate) fn uses_embeddings<T: Trace>(s: &Scenario, emb: &Embeddings, t: &mut T) {
    if emb.vectors.is_some() {
        t.uses(format_args!("embeddings.vectors"));
    } else if let Some(c) = s.corpora.first() {
        t.uses(format_args!("corpus.{}.items", c.name));
    }
    t.uses(format_args!("embeddings.dim"));
    t.uses(format_args!("embeddings.dtype"));
    if emb.dtype == Dtype::Pq {
        t.uses(format_args!("embeddings.pq_m"));
        t.uses(format_args!("embeddings.pq_nbits"));
    }
}

//! Storage: each corpus at rest and its growth, the raw embeddings, the logs, the total.

use super::{CorpusEstimate, Estimate, In, Line, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Corpus, Dtype, Embeddings, Logging, Scenario};
use crate::units::{Kind, SECONDS_PER_DAY, bytes};
use uom::si::information::byte;
use uom::si::time::second;

/// Bytes one vector takes at rest in `dtype` (Faiss wiki "Faiss indexes"): f32 4d, f16 2d,
/// bf16 2d, int8 d, binary d/8, PQ ceil(m·nbits/8).
pub fn dtype_bytes(dtype: Dtype, dim: f64, pq_m: f64, pq_nbits: f64) -> f64 {
    match dtype {
        Dtype::F32 => 4.0 * dim,
        Dtype::F16 | Dtype::Bf16 => 2.0 * dim,
        Dtype::Int8 => dim,
        Dtype::Binary => (dim / 8.0).ceil(),
        Dtype::Pq => (pq_m * pq_nbits / 8.0).ceil(),
    }
}

/// How the dtype's bytes per vector are computed, for the derivation.
pub struct DtypeFormula {
    pub dtype: Dtype,
    pub dim: f64,
    pub pq_m: f64,
    pub pq_nbits: f64,
}

impl DtypeFormula {
    /// The formula of `[embeddings]`' vectors.
    pub fn of(emb: &Embeddings) -> DtypeFormula {
        DtypeFormula {
            dtype: emb.dtype,
            dim: emb.dim,
            pq_m: emb.pq_m.unwrap_or(0.0),
            pq_nbits: emb.pq_nbits,
        }
    }

    /// The bytes a vector takes ([`dtype_bytes`]).
    pub fn bytes(&self) -> f64 {
        dtype_bytes(self.dtype, self.dim, self.pq_m, self.pq_nbits)
    }

    /// "4 B × 256 dims (f32)", the dimensions and PQ codes being `[embeddings]`'s.
    pub fn write(&self, w: &mut Line) {
        let dims = |w: &mut Line| {
            w.n(self.dim).of(In::of(S::Embeddings, "dim")).t(" dims");
        };
        match self.dtype {
            Dtype::F32 | Dtype::F16 | Dtype::Bf16 | Dtype::Int8 => {
                let (b, name) = match self.dtype {
                    Dtype::F32 => (4.0, " (f32)"),
                    Dtype::F16 => (2.0, " (f16)"),
                    Dtype::Bf16 => (2.0, " (bf16)"),
                    _ => (1.0, " (int8)"),
                };
                w.n(b).t(" B").op(Op::Times);
                dims(w);
                w.t(name);
            }
            Dtype::Binary => {
                dims(w);
                w.op(Op::Divide).t("8 bits (binary)");
            }
            Dtype::Pq => {
                w.t("PQ ")
                    .n(self.pq_m)
                    .of(In::of(S::Embeddings, "pq_m"))
                    .t(" codes")
                    .op(Op::Times)
                    .n(self.pq_nbits)
                    .of(In::of(S::Embeddings, "pq_nbits"))
                    .t(" bits")
                    .op(Op::Divide)
                    .t("8");
            }
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
    let mut growth = 0.0;
    for c in &s.corpora {
        growth += corpus(c, e, t);
    }
    let embeddings = embeddings(s, t);
    let (logs_per_day, logs) = logs(s, t);
    let graph = graph(s, t);
    let text_index = text_index(s, t);

    // Generated outputs kept ([diffusion], worked out before the storage).
    let (outputs_per_day, outputs_kept) = e.diffusion.map_or((0.0, 0.0), |d| {
        (d.storage_per_day.unwrap_or(0.0), d.storage.unwrap_or(0.0))
    });
    let growth_total = growth + logs_per_day + outputs_per_day;
    for c in &s.corpora {
        t.reads(Out::new(Section::Storage, &[&c.name, "growth_per_day"]));
    }
    if outputs_per_day > 0.0 {
        t.reads(Out::new(Section::Diffusion, &["storage_per_day"]));
    }
    for l in Logging::all(s) {
        log_inputs(s, l, t);
    }
    t.step(growth_total, Kind::SizePerDay, |w| {
        w.sum(
            Kind::SizePerDay,
            &[
                (growth, " corpora"),
                (logs_per_day, " logs"),
                (outputs_per_day, " generated outputs"),
            ],
            growth_total,
        );
    });
    let growth_total = t.output(
        Out::new(Section::Storage, &["growth_per_day"]),
        format_args!("Growth per day"),
        Kind::SizePerDay,
        growth_total,
    );

    let corpora: f64 = e
        .corpora
        .iter()
        .map(|c| c.at_rest.get::<byte>() + c.retained_growth.get::<byte>())
        .sum();
    let all = corpora + embeddings + logs + graph + text_index + outputs_kept;
    if outputs_kept > 0.0 {
        t.reads(Out::new(Section::Diffusion, &["storage"]));
    }
    for c in &s.corpora {
        t.reads(Out::new(Section::Storage, &[&c.name]));
        if c.retention.is_some() {
            t.reads(Out::new(Section::Storage, &[&c.name, "retained_growth"]));
        }
    }
    for (part, there) in [
        ("embeddings", s.embeddings.is_some()),
        ("logs", true),
        ("graph", s.graph.is_some()),
        ("text_index", s.text_index.is_some()),
    ] {
        if there {
            t.reads(Out::new(Section::Storage, &[part]));
        }
    }
    t.step(all, Kind::Size, |w| {
        w.sum(
            Kind::Size,
            &[
                (corpora, " corpora (with growth over retention)"),
                (embeddings, " embeddings"),
                (logs, " logs"),
                (graph, " graph"),
                (text_index, " text index"),
                (outputs_kept, " generated outputs (over retention)"),
            ],
            all,
        );
    });
    let all = t.output(
        Out::new(Section::Storage, &["total"]),
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

/// Declares a corpus count (`items` or `new_items_per_day`) with the item size and copies it
/// is multiplied by.
fn uses_copies<T: Trace>(c: &Corpus, count: &'static str, t: &mut T) {
    t.uses(In::entry(S::Corpus, &c.name, count));
    t.uses(In::entry(S::Corpus, &c.name, "item_size"));
    t.uses(In::entry(S::Corpus, &c.name, "replication"));
}

/// A corpus at rest, its growth a day and over its retention (an output each), kept in `e`;
/// returns its growth a day.
fn corpus<T: Trace>(c: &Corpus, e: &mut Estimate, t: &mut T) -> f64 {
    let size = c.item_size.get::<byte>();
    let at_rest = c.items.0 * size * c.replication;
    uses_copies(c, "items", t);
    t.step(at_rest, Kind::Size, |w| {
        w.q(c.items.0, Kind::Count)
            .t(" items")
            .op(Op::Times)
            .q(size, Kind::Size)
            .op(Op::Times)
            .n(c.replication)
            .of(In::entry(S::Corpus, &c.name, "replication"))
            .t(" copies")
            .op(Op::Equals)
            .q(at_rest, Kind::Size);
    });
    let at_rest = t.output(
        Out::new(Section::Storage, &[&c.name]),
        format_args!("Storage: {}", c.name),
        Kind::Size,
        at_rest,
    );

    let per_day = c.new_items_per_day.0 * size * c.replication;
    uses_copies(c, "new_items_per_day", t);
    t.step(per_day, Kind::SizePerDay, |w| {
        w.q(c.new_items_per_day.0, Kind::Count)
            .t(" new/day")
            .op(Op::Times)
            .q(size, Kind::Size)
            .op(Op::Times)
            .n(c.replication)
            .of(In::entry(S::Corpus, &c.name, "replication"))
            .t(" copies")
            .op(Op::Equals)
            .q(per_day, Kind::SizePerDay);
    });
    let growth_parts = [c.name.as_str(), "growth_per_day"];
    let growth = Out::new(Section::Storage, &growth_parts);
    let per_day = t.output(
        growth,
        format_args!("Growth per day: {}", c.name),
        Kind::SizePerDay,
        per_day,
    );

    let retained = match c.retention {
        Some(r) => {
            let days = r.get::<second>() / SECONDS_PER_DAY;
            let kept = per_day * days;
            t.reads(growth);
            t.uses(In::entry(S::Corpus, &c.name, "retention"));
            t.step(kept, Kind::Size, |w| {
                w.q(per_day, Kind::SizePerDay)
                    .op(Op::Times)
                    .n(days.round())
                    .t(" days retention")
                    .op(Op::Equals)
                    .q(kept, Kind::Size);
            });
            t.output(
                Out::new(Section::Storage, &[&c.name, "retained_growth"]),
                format_args!("Growth over retention: {}", c.name),
                Kind::Size,
                kept,
            )
        }
        None => 0.0,
    };
    e.corpora.push(CorpusEstimate {
        at_rest: bytes(at_rest),
        growth_per_day: bytes(per_day),
        retained_growth: bytes(retained),
    });
    per_day
}

/// The raw vectors at rest.
fn embeddings<T: Trace>(s: &Scenario, t: &mut T) -> f64 {
    let Some(emb) = &s.embeddings else {
        return 0.0;
    };
    let n = vector_count(s, emb);
    let formula = DtypeFormula::of(emb);
    let per = formula.bytes();
    uses_embeddings(s, emb, t);
    t.step(per, Kind::Size, |w| {
        formula.write(w);
        w.op(Op::Equals).q(per, Kind::Size).t(" per vector");
    });
    let raw = n * per;
    t.step(raw, Kind::Size, |w| {
        w.q(n, Kind::Count)
            .t(" vectors")
            .op(Op::Times)
            .q(per, Kind::Size)
            .op(Op::Equals)
            .q(raw, Kind::Size);
    });
    t.output(
        Out::new(Section::Storage, &["embeddings"]),
        format_args!("Embeddings at rest"),
        Kind::Size,
        raw,
    )
}

/// Each `[[log]]` stream kept (an output each), and all logs a day and kept (the total an
/// output).
fn logs<T: Trace>(s: &Scenario, t: &mut T) -> (f64, f64) {
    let (mut logs_per_day, mut logs) = (0.0, 0.0);
    for l in &s.logs {
        let (per_day, kept) = log_stream(s, l, t);
        let kept = t.output(
            Out::new(Section::Storage, &["log", &l.name]),
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
            t.repeat(Out::new(Section::Storage, &["log", &l.name]));
        }
        t.step(logs, Kind::Size, |w| {
            w.t("sum of ")
                .n((s.logs.len() + usize::from(s.logging.is_some())) as f64)
                .t(" log streams")
                .op(Op::Equals)
                .q(logs, Kind::Size);
        });
    } else if s.logging.is_none() {
        t.step(0.0, Kind::Size, |w| {
            w.t("no [logging] or [[log]]: no logs counted");
        });
    }
    let logs = t.output(
        Out::new(Section::Storage, &["logs"]),
        format_args!("Logs (training data)"),
        Kind::Size,
        logs,
    );
    (logs_per_day, logs)
}

/// The graph's adjacency lists, and the friends of friends per node.
fn graph<T: Trace>(s: &Scenario, t: &mut T) -> f64 {
    let Some(g) = &s.graph else { return 0.0 };
    let per_edge = g.bytes_per_edge.get::<byte>();
    let entries = g.nodes.0 * g.avg_degree.0;
    let size = entries * per_edge;
    t.step(entries, Kind::Count, |w| {
        w.q(g.nodes.0, Kind::Count)
            .of(In::of(S::Graph, "nodes"))
            .t(" nodes")
            .op(Op::Times)
            .q(g.avg_degree.0, Kind::Count)
            .of(In::of(S::Graph, "avg_degree"))
            .t(" connections")
            .op(Op::Equals)
            .q(entries, Kind::Count)
            .t(" adjacency entries (each edge in both lists)");
    });
    t.step(size, Kind::Size, |w| {
        w.q(entries, Kind::Count)
            .t(" entries")
            .op(Op::Times)
            .q(per_edge, Kind::Size)
            .of(In::of(S::Graph, "bytes_per_edge"))
            .op(Op::Equals)
            .q(size, Kind::Size);
    });
    let size = t.output(
        Out::new(Section::Storage, &["graph"]),
        format_args!("Graph (adjacency lists)"),
        Kind::Size,
        size,
    );

    let fof = g.avg_degree.0 * g.avg_degree.0;
    t.step(fof, Kind::Count, |w| {
        w.q(g.avg_degree.0, Kind::Count)
            .of(In::of(S::Graph, "avg_degree"))
            .t(" connections")
            .op(Op::Times)
            .q(g.avg_degree.0, Kind::Count)
            .t(" of theirs")
            .op(Op::Equals)
            .q(fof, Kind::Count)
            .t(" friends of friends per node (before de-duplication)");
    });
    t.output(
        Out::new(Section::Graph, &["friends_of_friends"]),
        format_args!("Friends of friends per node"),
        Kind::Count,
        fof,
    );
    size
}

/// An inverted text index.
fn text_index<T: Trace>(s: &Scenario, t: &mut T) -> f64 {
    let Some(ti) = &s.text_index else { return 0.0 };
    let posting = ti.bytes_per_posting.get::<byte>();
    let size = ti.documents.0 * ti.terms_per_document.0 * posting * ti.replication;
    t.step(size, Kind::Size, |w| {
        w.q(ti.documents.0, Kind::Count)
            .of(In::of(S::TextIndex, "documents"))
            .t(" documents")
            .op(Op::Times)
            .q(ti.terms_per_document.0, Kind::Count)
            .of(In::of(S::TextIndex, "terms_per_document"))
            .t(" terms")
            .op(Op::Times)
            .q(posting, Kind::Size)
            .of(In::of(S::TextIndex, "bytes_per_posting"))
            .t(" per posting")
            .op(Op::Times)
            .n(ti.replication)
            .of(In::of(S::TextIndex, "replication"))
            .t(" copies")
            .op(Op::Equals)
            .q(size, Kind::Size);
    });
    t.output(
        Out::new(Section::Storage, &["text_index"]),
        format_args!("Text index (inverted)"),
        Kind::Size,
        size,
    )
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
            t.uses(In::at(&p, "events_per_day"));
            t.step(n.0, Kind::Count, |w| {
                w.t("given: ").q(n.0, Kind::Count).t(" events/day");
            });
            n.0
        }
        (None, Some(per_user), Some(dau)) => {
            let n = dau.0 * per_user.0;
            t.uses(In::of(S::Traffic, "dau"));
            t.uses(In::at(&p, "events_per_user_per_day"));
            t.step(n, Kind::Count, |w| {
                w.q(dau.0, Kind::Count)
                    .t(" DAU")
                    .op(Op::Times)
                    .q(per_user.0, Kind::Count)
                    .t(" events/user/day")
                    .op(Op::Equals)
                    .q(n, Kind::Count)
                    .t(" events/day");
            });
            n
        }
        _ => 0.0,
    };
    let size = l.event_size.get::<byte>();
    let per_day = events * size;
    t.uses(In::at(&p, "event_size"));
    t.step(per_day, Kind::SizePerDay, |w| {
        w.q(events, Kind::Count)
            .t(" events/day")
            .op(Op::Times)
            .q(size, Kind::Size)
            .op(Op::Equals)
            .q(per_day, Kind::SizePerDay);
    });
    let days = l.retention.get::<second>() / SECONDS_PER_DAY;
    let kept = per_day * days;
    t.uses(In::at(&p, "retention"));
    t.step(kept, Kind::Size, |w| {
        w.q(per_day, Kind::SizePerDay)
            .op(Op::Times)
            .n(days.round())
            .t(" days retention")
            .op(Op::Equals)
            .q(kept, Kind::Size);
    });
    (per_day, kept)
}

/// Declares the inputs of a log stream's bytes a day.
fn log_inputs<T: Trace>(s: &Scenario, l: &Logging, t: &mut T) {
    let p = l.section();
    if l.events_per_day.is_some() {
        t.uses(In::at(&p, "events_per_day"));
    } else if s.traffic.as_ref().and_then(|t| t.dau).is_some() {
        t.uses(In::of(S::Traffic, "dau"));
        t.uses(In::at(&p, "events_per_user_per_day"));
    }
    t.uses(In::at(&p, "event_size"));
}

/// Declares the inputs of the vectors at rest.
pub(crate) fn uses_embeddings<T: Trace>(s: &Scenario, emb: &Embeddings, t: &mut T) {
    if emb.vectors.is_some() {
        t.uses(In::of(S::Embeddings, "vectors"));
    } else if let Some(c) = s.corpora.first() {
        t.uses(In::entry(S::Corpus, &c.name, "items"));
    }
    t.uses(In::of(S::Embeddings, "dim"));
    t.uses(In::of(S::Embeddings, "dtype"));
    if emb.dtype == Dtype::Pq {
        t.uses(In::of(S::Embeddings, "pq_m"));
        t.uses(In::of(S::Embeddings, "pq_nbits"));
    }
}

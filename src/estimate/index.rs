//! The vector index: bytes per vector by kind and dtype, one copy's memory (and SSD for DiskANN),
//! shards from node memory, replicas from peak QPS, nodes.
//!
//! Layouts follow Faiss (wiki "Faiss indexes", faiss/impl/HNSW.h, faiss/IndexIVFPQ.cpp) and
//! DiskANN (microsoft/DiskANN src/disk_utils.cpp).

use super::engines::{self, ENGINES, Engine, Shape, variant};
use super::storage::{DtypeFormula, dtype_bytes, uses_embeddings, vector_count};
use super::traffic::{PEAK_QPS, reads_peak};
use super::{Bracket, Estimate, In, IndexEstimate, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Dtype, Embeddings, Index, IndexKind, Scenario};
use crate::units::{Kind, bytes};
use uom::si::frequency::hertz;
use uom::si::information::byte;

/// An SSD sector, the unit DiskANN packs graph nodes into.
pub const SECTOR_BYTES: f64 = 4096.0;
/// Faiss keeps the IVF-PQ precomputed table only up to this size (IndexIVFPQ.cpp: 2 GiB).
pub const PRECOMPUTED_TABLE_LIMIT: f64 = 2.0 * 1024.0 * 1024.0 * 1024.0;

/// Default IVF list count: 4·√N rounded to a power of two (the Faiss guideline is 4·√N to 16·√N).
pub fn default_nlist(n: f64) -> f64 {
    let target = 4.0 * n.max(1.0).sqrt();
    2f64.powf(target.log2().round()).max(1.0)
}

/// Memory of one copy of the index: per-vector bytes, per-index bytes, and SSD bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub per_vector: f64,
    pub fixed: f64,
    pub disk: f64,
}

/// The IVF centroids: `nlist` of them, float32 (binary for binary vectors, as Faiss
/// IndexBinaryIVF keeps them).
fn centroids<T: Trace>(emb: &Embeddings, nlist: f64, t: &mut T) -> f64 {
    let d = emb.dim;
    let centroid_bytes = if emb.dtype == Dtype::Binary {
        (d / 8.0).ceil()
    } else {
        4.0 * d
    };
    let c = nlist * centroid_bytes;
    t.step(c, Kind::Size, |w| {
        w.t("centroids: ")
            .n(nlist)
            .t(" lists")
            .op(Op::Times)
            .n(centroid_bytes)
            .t(" B")
            .op(Op::Equals)
            .q(c, Kind::Size);
    });
    c
}

/// Works out the layout of `ix` over `n` vectors of `emb`, tracing each term.
pub fn layout<T: Trace>(ix: &Index, emb: &Embeddings, n: f64, t: &mut T) -> Layout {
    let d = emb.dim;
    let data = dtype_bytes(emb.dtype, d, emb.pq_m.unwrap_or(0.0), emb.pq_nbits);
    let data_formula = DtypeFormula {
        dtype: emb.dtype,
        dim: d,
        pq_m: emb.pq_m.unwrap_or(0.0),
        pq_nbits: emb.pq_nbits,
    };
    let centroids = |nlist: f64, t: &mut T| centroids(emb, nlist, t);
    let nlist = || ix.nlist.unwrap_or_else(|| default_nlist(n));
    match ix.kind {
        IndexKind::Flat => {
            t.step(data, Kind::Size, |w| {
                w.t("flat: the vectors alone, ");
                data_formula.write(w);
                w.op(Op::Equals).q(data, Kind::Size).t(" per vector");
            });
            Layout {
                per_vector: data,
                fixed: 0.0,
                disk: 0.0,
            }
        }
        IndexKind::IvfFlat | IndexKind::IvfSq8 => {
            let (code, what) = if ix.kind == IndexKind::IvfSq8 {
                (d, "SQ8: 1 B × dims")
            } else {
                (data, "the vector")
            };
            let id = ix.id_bytes.get::<byte>();
            t.uses(In::of(S::Index, "id_bytes"));
            let per = code + id;
            if ix.kind == IndexKind::IvfSq8 {
                t.step(per, Kind::Size, |w| {
                    w.t(what)
                        .t(" ")
                        .n(code)
                        .op(Op::Plus)
                        .q(id, Kind::Size)
                        .of(In::of(S::Index, "id_bytes"))
                        .t(" list id")
                        .op(Op::Equals)
                        .q(per, Kind::Size)
                        .t(" per vector");
                });
            } else {
                t.step(per, Kind::Size, |w| {
                    data_formula.write(w);
                    w.op(Op::Plus)
                        .q(id, Kind::Size)
                        .of(In::of(S::Index, "id_bytes"))
                        .t(" list id")
                        .op(Op::Equals)
                        .q(per, Kind::Size)
                        .t(" per vector");
                });
            }
            let fixed = centroids(nlist(), t);
            Layout {
                per_vector: per,
                fixed,
                disk: 0.0,
            }
        }
        IndexKind::IvfPq => ivf_pq(ix, emb, n, t),
        IndexKind::Hnsw => {
            let m = ix.hnsw_m;
            let level0 = 8.0 * m;
            let upper = 4.0 * m / (m - 1.0);
            let per = data + level0 + upper + 12.0;
            t.step(per, Kind::Size, |w| {
                w.t("HNSW (Faiss HNSW.h): ")
                    .n(data)
                    .t(" data")
                    .op(Op::Plus)
                    .t("8·M")
                    .op(Op::Equals)
                    .n(level0)
                    .t(" level-0 links")
                    .op(Op::Plus)
                    .t("4·M/(M−1)")
                    .op(Op::Equals)
                    .q(upper, Kind::Count)
                    .t(" upper links")
                    .op(Op::Plus)
                    .t("12 B level and offset")
                    .op(Op::Equals)
                    .q(per, Kind::Size)
                    .t(" per vector (Faiss wiki short form 4d")
                    .op(Op::Plus)
                    .t("8M")
                    .op(Op::Equals)
                    .q(data + level0, Kind::Size)
                    .t(")");
            });
            Layout {
                per_vector: per,
                fixed: 0.0,
                disk: 0.0,
            }
        }
        IndexKind::DiskAnn => diskann(ix, emb, n, t),
    }
}

/// IVF-PQ (Faiss IndexIVFPQ): the codes and list ids per vector; centroids, codebook and the
/// precomputed table when it is kept.
fn ivf_pq<T: Trace>(ix: &Index, emb: &Embeddings, n: f64, t: &mut T) -> Layout {
    let d = emb.dim;
    let (pq_m, nbits) = ix.pq(emb);
    let pq_code = (pq_m * nbits / 8.0).ceil();
    let codebook = d * 2f64.powf(nbits) * 4.0;
    let nlist = || ix.nlist.unwrap_or_else(|| default_nlist(n));
    let centroids = |nlist: f64, t: &mut T| centroids(emb, nlist, t);
    let id = ix.id_bytes.get::<byte>();
    t.uses(In::of(S::Index, "id_bytes"));
    let per = pq_code + id;
    t.step(per, Kind::Size, |w| {
        w.t("PQ code ")
            .n(pq_m)
            .op(Op::Times)
            .n(nbits)
            .t(" bits")
            .op(Op::Divide)
            .t("8")
            .op(Op::Equals)
            .n(pq_code)
            .t(" B")
            .op(Op::Plus)
            .q(id, Kind::Size)
            .of(In::of(S::Index, "id_bytes"))
            .t(" list id")
            .op(Op::Equals)
            .q(per, Kind::Size)
            .t(" per vector");
    });
    let nl = nlist();
    let c = centroids(nl, t);
    t.step(codebook, Kind::Size, |w| {
        w.t("codebook: ")
            .n(d)
            .t(" dims")
            .op(Op::Times)
            .t("2^")
            .n(nbits)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Equals)
            .q(codebook, Kind::Size);
    });
    let table = nl * pq_m * 2f64.powf(nbits) * 4.0;
    let kept = if table <= PRECOMPUTED_TABLE_LIMIT {
        table
    } else {
        0.0
    };
    t.step(kept, Kind::Size, |w| {
        w.t("precomputed table: ")
            .n(nl)
            .t(" lists")
            .op(Op::Times)
            .n(pq_m)
            .op(Op::Times)
            .t("2^")
            .n(nbits)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Equals)
            .q(table, Kind::Size)
            .t(" (")
            .t(if kept > 0.0 {
                "kept: ≤ 2 GiB"
            } else {
                "not kept: over 2 GiB"
            })
            .t(")");
    });
    Layout {
        per_vector: per,
        fixed: c + codebook + kept,
        disk: 0.0,
    }
}

/// DiskANN: PQ codes in RAM, graph nodes with the full vectors on SSD, packed in sectors.
fn diskann<T: Trace>(ix: &Index, emb: &Embeddings, n: f64, t: &mut T) -> Layout {
    let d = emb.dim;
    let (pq_m, nbits) = ix.pq(emb);
    let pq_code = (pq_m * nbits / 8.0).ceil();
    let codebook = d * 2f64.powf(nbits) * 4.0;
    let data = dtype_bytes(emb.dtype, d, emb.pq_m.unwrap_or(0.0), emb.pq_nbits);
    let data_formula = DtypeFormula {
        dtype: emb.dtype,
        dim: d,
        pq_m: emb.pq_m.unwrap_or(0.0),
        pq_nbits: emb.pq_nbits,
    };
    t.step(pq_code, Kind::Size, |w| {
        w.t("DiskANN RAM: PQ code ")
            .n(pq_m)
            .op(Op::Times)
            .n(nbits)
            .t(" bits")
            .op(Op::Divide)
            .t("8")
            .op(Op::Equals)
            .q(pq_code, Kind::Size)
            .t(" per vector");
    });
    t.step(codebook, Kind::Size, |w| {
        w.t("PQ pivots: ")
            .n(d)
            .t(" dims")
            .op(Op::Times)
            .t("2^")
            .n(nbits)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Equals)
            .q(codebook, Kind::Size);
    });
    let node = (ix.degree + 1.0) * 4.0 + data;
    t.step(node, Kind::Size, |w| {
        w.t("SSD node: (R ")
            .n(ix.degree)
            .op(Op::Plus)
            .t("1)")
            .op(Op::Times)
            .t("4 B")
            .op(Op::Plus)
            .n(data)
            .t(" (");
        data_formula.write(w);
        w.t(")").op(Op::Equals).q(node, Kind::Size);
    });
    let disk = if node <= SECTOR_BYTES {
        let per_sector = (SECTOR_BYTES / node).floor();
        let sectors = (n / per_sector).ceil();
        t.step(sectors * SECTOR_BYTES, Kind::Size, |w| {
            w.n(per_sector)
                .t(" nodes per 4 KiB sector: ")
                .bracket(Bracket::CeilOpen)
                .q(n, Kind::Count)
                .op(Op::Divide)
                .n(per_sector)
                .bracket(Bracket::CeilClose)
                .t(" sectors")
                .op(Op::Times)
                .t("4,096 B")
                .op(Op::Equals)
                .q(sectors * SECTOR_BYTES, Kind::Size);
        });
        sectors * SECTOR_BYTES
    } else {
        let per_node = (node / SECTOR_BYTES).ceil();
        let disk = n * per_node * SECTOR_BYTES;
        t.step(disk, Kind::Size, |w| {
            w.n(per_node)
                .t(" sectors per node: ")
                .q(n, Kind::Count)
                .op(Op::Times)
                .n(per_node)
                .op(Op::Times)
                .t("4,096 B")
                .op(Op::Equals)
                .q(disk, Kind::Size);
        });
        disk
    };
    Layout {
        per_vector: pq_code,
        fixed: codebook,
        disk,
    }
}

/// Declares the PQ inputs from wherever they come (the index, or the embeddings).
fn uses_pq<T: Trace>(ix: &Index, t: &mut T) {
    let (m, nbits) = ix.pq_sources();
    t.uses(In::of(m, "pq_m"));
    t.uses(In::of(nbits, "pq_nbits"));
}

fn uses_index<T: Trace>(ix: &Index, t: &mut T) {
    t.uses(In::of(S::Index, "kind"));
    match ix.kind {
        IndexKind::Hnsw => t.uses(In::of(S::Index, "hnsw_m")),
        IndexKind::IvfFlat | IndexKind::IvfSq8 => t.uses(In::of(S::Index, "nlist")),
        IndexKind::IvfPq => {
            t.uses(In::of(S::Index, "nlist"));
            uses_pq(ix, t);
        }
        IndexKind::DiskAnn => {
            uses_pq(ix, t);
            t.uses(In::of(S::Index, "degree"));
        }
        IndexKind::Flat => {}
    }
}

/// One copy of the index, its memory and its shards: a part of the estimate.
pub fn size<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (Some(ix), Some(emb)) = (&s.index, &s.embeddings) else {
        e.index = None;
        return;
    };
    let n = vector_count(s, emb);
    let (per_vector, memory, disk) = one_copy(s, ix, emb, n, t);
    let shards = shards(ix, memory, disk, t);
    // Replicas, nodes and the engines' sizes are the next parts'.
    let (replicas, nodes, engines) = e.index.map_or((0.0, 0.0, [None; ENGINES]), |i| {
        (i.replicas, i.nodes, i.engines)
    });
    e.index = Some(IndexEstimate {
        vectors: n,
        bytes_per_vector: per_vector,
        memory: bytes(memory),
        disk: bytes(disk),
        shards,
        replicas,
        nodes,
        engines,
    });
}

/// The index's replicas for the peak and its nodes in every region: a part of the estimate.
pub fn placement<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (Some(ix), Some(found)) = (&s.index, e.index) else {
        return;
    };
    let shards = found.shards;
    let replicas = replicas(s, e, ix, t);

    let regions = s.serving.regions;
    let nodes = shards * replicas * regions;
    t.step(nodes, Kind::Count, |w| {
        w.n(shards)
            .of(SHARDS)
            .t(" shards")
            .op(Op::Times)
            .n(replicas)
            .of(REPLICAS)
            .t(" replicas")
            .op(Op::Times)
            .n(regions)
            .of(In::of(S::Serving, "regions"))
            .t(" regions")
            .op(Op::Equals)
            .n(nodes)
            .t(" nodes");
    });
    let nodes = t.output(
        Out::new(Section::Index, &["nodes"]),
        format_args!("Index nodes"),
        Kind::Integer,
        nodes,
    );
    if let Some(found) = &mut e.index {
        found.replicas = replicas;
        found.nodes = nodes;
    }
}

/// One copy of the index as each vector engine sizes it: a part of the estimate.
pub fn on_engines<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (Some(ix), Some(emb), Some(found)) = (&s.index, &s.embeddings, &mut e.index) else {
        return;
    };
    let n = found.vectors;
    let (pq_m, nbits) = if emb.dtype == Dtype::Pq {
        (emb.pq_m.unwrap_or(0.0), emb.pq_nbits)
    } else {
        ix.pq(emb)
    };
    let shape = Shape {
        kind: ix.kind,
        dtype: emb.dtype,
        n,
        d: emb.dim,
        m: ix.hnsw_m,
        nlist: ix.nlist.unwrap_or_else(|| default_nlist(n)),
        pq_m,
        nbits,
        data: dtype_bytes(emb.dtype, emb.dim, emb.pq_m.unwrap_or(0.0), emb.pq_nbits),
        faiss: found.memory.get::<byte>(),
    };
    let mut sizes = [None; ENGINES];
    for engine in Engine::ALL {
        if variant(engine, ix.kind, emb.dtype, emb.dim).is_none() {
            continue;
        }
        uses_embeddings(s, emb, t);
        uses_index(ix, t);
        if engine == Engine::Faiss {
            // Faiss's figure is napkin's own layout: the index memory above.
            t.reads(MEMORY);
        }
        let Some(size) = engines::memory(engine, &shape, t) else {
            continue;
        };
        let size = t.output(
            Out::new(Section::Index, &["engine", engine.key()]),
            format_args!("Index memory on {}", engine.name()),
            Kind::Size,
            size,
        );
        sizes[engine as usize] = Some(size);
    }
    found.engines = sizes;
}

/// One copy of the index: its bytes per vector, its memory and its SSD (outputs each).
fn one_copy<T: Trace>(
    s: &Scenario,
    ix: &Index,
    emb: &Embeddings,
    n: f64,
    t: &mut T,
) -> (f64, f64, f64) {
    uses_embeddings(s, emb, t);
    uses_index(ix, t);
    let lay = layout(ix, emb, n, &mut *t);
    let per_vector = t.output(
        BYTES_PER_VECTOR,
        format_args!("Index bytes per vector"),
        Kind::Size,
        lay.per_vector,
    );

    uses_embeddings(s, emb, t);
    uses_index(ix, t);
    let memory = n * per_vector + lay.fixed;
    t.step(memory, Kind::Size, |w| {
        w.q(n, Kind::Count)
            .t(" vectors")
            .op(Op::Times)
            .q(per_vector, Kind::Size)
            .of(BYTES_PER_VECTOR);
        if lay.fixed > 0.0 {
            w.op(Op::Plus).q(lay.fixed, Kind::Size).t(" per index");
        }
        w.op(Op::Equals).q(memory, Kind::Size);
    });
    let memory = t.output(
        MEMORY,
        format_args!("Index memory (one copy)"),
        Kind::Size,
        memory,
    );

    if ix.kind == IndexKind::DiskAnn {
        uses_embeddings(s, emb, t);
        uses_index(ix, t);
        t.step(lay.disk, Kind::Size, |w| {
            w.t("graph nodes with full vectors on SSD")
                .op(Op::Equals)
                .q(lay.disk, Kind::Size);
        });
    } else {
        t.step(0.0, Kind::Size, |w| {
            w.t(IndexKind::NAMES[ix.kind as usize])
                .t(" keeps the whole index in RAM");
        });
    }
    let disk = t.output(
        DISK,
        format_args!("Index on SSD (one copy)"),
        Kind::Size,
        lay.disk,
    );
    (per_vector, memory, disk)
}

/// The index's outputs the others read.
const BYTES_PER_VECTOR: Out<'static> = Out::new(Section::Index, &["bytes_per_vector"]);
const MEMORY: Out<'static> = Out::new(Section::Index, &["memory"]);
const DISK: Out<'static> = Out::new(Section::Index, &["disk"]);
const SHARDS: Out<'static> = Out::new(Section::Index, &["shards"]);
const REPLICAS: Out<'static> = Out::new(Section::Index, &["replicas"]);

/// The shards one copy of the index needs: a fixed count, or the nodes its memory (and, on SSD,
/// its disk) fills.
fn shards<T: Trace>(ix: &Index, memory: f64, disk: f64, t: &mut T) -> f64 {
    let node_mem = ix.node_memory.get::<byte>();
    let usable = node_mem * ix.memory_headroom;
    t.uses(In::of(S::Index, "node_memory"));
    t.uses(In::of(S::Index, "memory_headroom"));
    t.reads(MEMORY);
    let shards = match ix.shards {
        Some(fixed) => {
            t.uses(In::of(S::Index, "shards"));
            t.step(fixed, Kind::Count, |w| {
                w.t("given: ")
                    .n(fixed)
                    .t(" shards of ")
                    .q(memory / fixed, Kind::Size)
                    .t(" each (node: ")
                    .q(usable, Kind::Size)
                    .t(" usable)");
            });
            fixed
        }
        None => {
            let by_mem = (memory / usable).ceil().max(1.0);
            t.step(by_mem, Kind::Count, |w| {
                w.bracket(Bracket::CeilOpen)
                    .q(memory, Kind::Size)
                    .op(Op::Divide)
                    .t("(")
                    .q(node_mem, Kind::Size)
                    .of(In::of(S::Index, "node_memory"))
                    .t(" node")
                    .op(Op::Times)
                    .q(ix.memory_headroom, Kind::Fraction)
                    .of(In::of(S::Index, "memory_headroom"))
                    .t(" usable)")
                    .bracket(Bracket::CeilClose)
                    .op(Op::Equals)
                    .bracket(Bracket::CeilOpen)
                    .q(memory, Kind::Size)
                    .op(Op::Divide)
                    .q(usable, Kind::Size)
                    .bracket(Bracket::CeilClose)
                    .op(Op::Equals)
                    .n(by_mem)
                    .t(" shards");
            });
            match ix.node_disk {
                Some(nd) if disk > 0.0 => {
                    let nd = nd.get::<byte>();
                    let by_disk = (disk / nd).ceil().max(1.0);
                    t.uses(In::of(S::Index, "node_disk"));
                    t.reads(DISK);
                    t.step(by_disk, Kind::Count, |w| {
                        w.t("SSD: ")
                            .bracket(Bracket::CeilOpen)
                            .q(disk, Kind::Size)
                            .op(Op::Divide)
                            .q(nd, Kind::Size)
                            .t(" per node")
                            .bracket(Bracket::CeilClose)
                            .op(Op::Equals)
                            .n(by_disk)
                            .t(" shards; take the larger");
                    });
                    by_mem.max(by_disk)
                }
                _ => by_mem,
            }
        }
    };
    t.output(SHARDS, format_args!("Index shards"), Kind::Integer, shards)
}

/// Copies of the index a region needs for its share of the peak, with the spares.
fn replicas<T: Trace>(s: &Scenario, e: &Estimate, ix: &Index, t: &mut T) -> f64 {
    let util = s.serving.target_utilization;
    // Whole spare servers: a validated input is whole already; a range's samples are rounded.
    let k = s.serving.redundancy.round();
    t.uses(In::of(S::Serving, "redundancy"));
    let replicas = match (ix.per_replica_qps, s.requests().is_some()) {
        (Some(prq), true) => {
            let prq = prq.get::<hertz>();
            reads_peak(s, t);
            let region_peak = region_peak(s, e, t);
            let base = (region_peak / (prq * util)).ceil().max(1.0);
            t.step(base, Kind::Count, |w| {
                w.bracket(Bracket::CeilOpen).q(region_peak, Kind::Rate);
                if s.serving.regions <= 1.0 {
                    w.of(PEAK_QPS);
                }
                w.op(Op::Divide)
                    .t("(")
                    .q(prq, Kind::Rate)
                    .of(In::of(S::Index, "per_replica_qps"))
                    .t(" per replica")
                    .op(Op::Times)
                    .q(util, Kind::Fraction)
                    .of(In::of(S::Serving, "target_utilization"))
                    .t(" utilisation)")
                    .bracket(Bracket::CeilClose)
                    .op(Op::Equals)
                    .n(base)
                    .t(" replicas");
            });
            if k > 0.0 {
                t.step(base + k, Kind::Count, |w| {
                    w.n(base)
                        .op(Op::Plus)
                        .n(k)
                        .of(In::of(S::Serving, "redundancy"))
                        .t(" spare (N+")
                        .n(k)
                        .t(")")
                        .op(Op::Equals)
                        .n(base + k)
                        .t(" replicas per region");
                });
            }
            base + k
        }
        _ => {
            t.step(1.0 + k, Kind::Count, |w| {
                w.t("no per_replica_qps or traffic: one copy")
                    .op(Op::Plus)
                    .n(k)
                    .of(In::of(S::Serving, "redundancy"))
                    .t(" spare");
            });
            1.0 + k
        }
    };
    t.output(
        REPLICAS,
        format_args!("Index replicas per region"),
        Kind::Integer,
        replicas,
    )
}

/// The peak one region serves: the peak ÷ regions, or ÷ (regions − 1) when the others must take
/// a lost region's share; with its step when there is more than one region.
pub(crate) fn region_peak<T: Trace>(s: &Scenario, e: &Estimate, t: &mut T) -> f64 {
    let sv = &s.serving;
    // The share depends on the region count even when it is 1.
    t.uses(In::of(S::Serving, "regions"));
    t.uses(In::of(S::Serving, "region_failover"));
    let peak = e.peak_qps.get::<hertz>();
    let share = if sv.region_failover && sv.regions > 1.0 {
        sv.regions - 1.0
    } else {
        sv.regions
    };
    let region = peak / share;
    if sv.regions <= 1.0 {
        return region;
    }
    if sv.region_failover {
        t.step(region, Kind::Rate, |w| {
            w.q(peak, Kind::Rate)
                .of(PEAK_QPS)
                .t(" peak")
                .op(Op::Divide)
                .t("(")
                .n(sv.regions)
                .of(In::of(S::Serving, "regions"))
                .t(" regions")
                .op(Op::Minus)
                .t("1, to survive losing one)")
                .op(Op::Equals)
                .q(region, Kind::Rate)
                .t(" per region");
        });
    } else {
        t.step(region, Kind::Rate, |w| {
            w.q(peak, Kind::Rate)
                .of(PEAK_QPS)
                .t(" peak")
                .op(Op::Divide)
                .n(sv.regions)
                .of(In::of(S::Serving, "regions"))
                .t(" regions")
                .op(Op::Equals)
                .q(region, Kind::Rate)
                .t(" per region");
        });
    }
    region
}

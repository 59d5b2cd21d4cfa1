//! The vector index: bytes per vector by kind and dtype, one copy's memory (and SSD for DiskANN),
//! shards from node memory, replicas from peak QPS, nodes.
//!
//! Layouts follow Faiss (wiki "Faiss indexes", faiss/impl/HNSW.h, faiss/IndexIVFPQ.cpp) and
//! DiskANN (microsoft/DiskANN src/disk_utils.cpp).

use super::engines::{self, ENGINES, Engine, Shape, variant};
use super::storage::{DtypeFormula, dtype_bytes, uses_embeddings, vector_count};
use super::traffic::uses_traffic;
use super::{Estimate, IndexEstimate, Section, Trace};
use crate::scenario::{Dtype, Embeddings, Index, IndexKind, Scenario};
use crate::units::format::{Grouped, Human};
use crate::units::{Kind, bytes};
use uom::si::frequency::hertz;
use uom::si::information::byte;

/// Bytes of an IVF list id per vector (Faiss stores an int64 id).
pub const IVF_ID_BYTES: f64 = 8.0;
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

/// Works out the layout of `ix` over `n` vectors of `emb`, tracing each term.
pub fn layout<T: Trace>(ix: &Index, emb: &Embeddings, n: f64, t: &mut T) -> Layout {
    let d = emb.dim;
    let (pq_m, nbits) = ix.pq(emb);
    let data = dtype_bytes(emb.dtype, d, emb.pq_m.unwrap_or(0.0), emb.pq_nbits);
    let data_formula = DtypeFormula {
        dtype: emb.dtype,
        dim: d,
        pq_m: emb.pq_m.unwrap_or(0.0),
        pq_nbits: emb.pq_nbits,
    };
    // Binary IVF (Faiss IndexBinaryIVF) keeps binary centroids; the others keep float32 ones.
    let centroid_bytes = if emb.dtype == Dtype::Binary {
        (d / 8.0).ceil()
    } else {
        4.0 * d
    };
    let centroids = |nlist: f64, t: &mut T| {
        let c = nlist * centroid_bytes;
        t.step(
            c,
            Kind::Size,
            format_args!(
                "centroids: {} lists × {} B = {}",
                Grouped(nlist),
                Grouped(centroid_bytes),
                Human::new(c, Kind::Size)
            ),
        );
        c
    };
    let nlist = || ix.nlist.unwrap_or_else(|| default_nlist(n));
    let pq_code = (pq_m * nbits / 8.0).ceil();
    let codebook = d * 2f64.powf(nbits) * 4.0;
    match ix.kind {
        IndexKind::Flat => {
            t.step(
                data,
                Kind::Size,
                format_args!(
                    "flat: the vectors alone, {data_formula} = {} per vector",
                    Human::new(data, Kind::Size)
                ),
            );
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
            let per = code + IVF_ID_BYTES;
            if ix.kind == IndexKind::IvfSq8 {
                t.step(
                    per,
                    Kind::Size,
                    format_args!(
                        "{what} {} + 8 B list id = {} per vector",
                        Grouped(code),
                        Human::new(per, Kind::Size)
                    ),
                );
            } else {
                t.step(
                    per,
                    Kind::Size,
                    format_args!(
                        "{data_formula} + 8 B list id = {} per vector",
                        Human::new(per, Kind::Size)
                    ),
                );
            }
            let fixed = centroids(nlist(), t);
            Layout {
                per_vector: per,
                fixed,
                disk: 0.0,
            }
        }
        IndexKind::IvfPq => {
            let per = pq_code + IVF_ID_BYTES;
            t.step(
                per,
                Kind::Size,
                format_args!(
                    "PQ code {} × {} bits ÷ 8 = {} B + 8 B list id = {} per vector",
                    Grouped(pq_m),
                    Grouped(nbits),
                    Grouped(pq_code),
                    Human::new(per, Kind::Size)
                ),
            );
            let nl = nlist();
            let c = centroids(nl, t);
            t.step(
                codebook,
                Kind::Size,
                format_args!(
                    "codebook: {} dims × 2^{} × 4 B = {}",
                    Grouped(d),
                    Grouped(nbits),
                    Human::new(codebook, Kind::Size)
                ),
            );
            let table = nl * pq_m * 2f64.powf(nbits) * 4.0;
            let kept = if table <= PRECOMPUTED_TABLE_LIMIT {
                table
            } else {
                0.0
            };
            t.step(
                kept,
                Kind::Size,
                format_args!(
                    "precomputed table: {} lists × {} × 2^{} × 4 B = {} ({})",
                    Grouped(nl),
                    Grouped(pq_m),
                    Grouped(nbits),
                    Human::new(table, Kind::Size),
                    if kept > 0.0 {
                        "kept: ≤ 2 GiB"
                    } else {
                        "not kept: over 2 GiB"
                    }
                ),
            );
            Layout {
                per_vector: per,
                fixed: c + codebook + kept,
                disk: 0.0,
            }
        }
        IndexKind::Hnsw => {
            let m = ix.hnsw_m;
            let level0 = 8.0 * m;
            let upper = 4.0 * m / (m - 1.0);
            let per = data + level0 + upper + 12.0;
            t.step(per, Kind::Size, format_args!(
                "HNSW (Faiss HNSW.h): {} data + 8·M = {} level-0 links + 4·M/(M−1) = {} upper links + 12 B level and offset = {} per vector (Faiss wiki short form 4d + 8M = {})",
                Grouped(data), Grouped(level0), Human::new(upper, Kind::Count), Human::new(per, Kind::Size), Human::new(data + level0, Kind::Size)
            ));
            Layout {
                per_vector: per,
                fixed: 0.0,
                disk: 0.0,
            }
        }
        IndexKind::DiskAnn => {
            t.step(
                pq_code,
                Kind::Size,
                format_args!(
                    "DiskANN RAM: PQ code {} × {} bits ÷ 8 = {} per vector",
                    Grouped(pq_m),
                    Grouped(nbits),
                    Human::new(pq_code, Kind::Size)
                ),
            );
            t.step(
                codebook,
                Kind::Size,
                format_args!(
                    "PQ pivots: {} dims × 2^{} × 4 B = {}",
                    Grouped(d),
                    Grouped(nbits),
                    Human::new(codebook, Kind::Size)
                ),
            );
            let node = (ix.degree + 1.0) * 4.0 + data;
            t.step(
                node,
                Kind::Size,
                format_args!(
                    "SSD node: (R {} + 1) × 4 B + {} ({data_formula}) = {}",
                    Grouped(ix.degree),
                    Grouped(data),
                    Human::new(node, Kind::Size)
                ),
            );
            let disk = if node <= SECTOR_BYTES {
                let per_sector = (SECTOR_BYTES / node).floor();
                let sectors = (n / per_sector).ceil();
                t.step(
                    sectors * SECTOR_BYTES,
                    Kind::Size,
                    format_args!(
                        "{} nodes per 4 KiB sector: ⌈{} ÷ {}⌉ sectors × 4,096 B = {}",
                        Grouped(per_sector),
                        Human::new(n, Kind::Count),
                        Grouped(per_sector),
                        Human::new(sectors * SECTOR_BYTES, Kind::Size)
                    ),
                );
                sectors * SECTOR_BYTES
            } else {
                let per_node = (node / SECTOR_BYTES).ceil();
                let disk = n * per_node * SECTOR_BYTES;
                t.step(
                    disk,
                    Kind::Size,
                    format_args!(
                        "{} sectors per node: {} × {} × 4,096 B = {}",
                        Grouped(per_node),
                        Human::new(n, Kind::Count),
                        Grouped(per_node),
                        Human::new(disk, Kind::Size)
                    ),
                );
                disk
            };
            Layout {
                per_vector: pq_code,
                fixed: codebook,
                disk,
            }
        }
    }
}

/// Declares the PQ inputs from wherever they come (the index, or the embeddings).
fn uses_pq<T: Trace>(ix: &Index, t: &mut T) {
    let (m, nbits) = ix.pq_sources();
    t.uses(format_args!("{}.pq_m", m.key()));
    t.uses(format_args!("{}.pq_nbits", nbits.key()));
}

fn uses_index<T: Trace>(ix: &Index, t: &mut T) {
    t.uses(format_args!("index.kind"));
    match ix.kind {
        IndexKind::Hnsw => t.uses(format_args!("index.hnsw_m")),
        IndexKind::IvfFlat | IndexKind::IvfSq8 => t.uses(format_args!("index.nlist")),
        IndexKind::IvfPq => {
            t.uses(format_args!("index.nlist"));
            uses_pq(ix, t);
        }
        IndexKind::DiskAnn => {
            uses_pq(ix, t);
            t.uses(format_args!("index.degree"));
        }
        IndexKind::Flat => {}
    }
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let (Some(ix), Some(emb)) = (&s.index, &s.embeddings) else {
        e.index = None;
        return;
    };
    let n = vector_count(s, emb);

    uses_embeddings(s, emb, t);
    uses_index(ix, t);
    let lay = layout(ix, emb, n, &mut *t);
    t.output(
        Section::Index,
        format_args!("bytes_per_vector"),
        format_args!("Index bytes per vector"),
        Kind::Size,
        lay.per_vector,
    );

    uses_embeddings(s, emb, t);
    uses_index(ix, t);
    let memory = n * lay.per_vector + lay.fixed;
    t.step(
        memory,
        Kind::Size,
        format_args!(
            "{} vectors × {} + {} per index = {}",
            Human::new(n, Kind::Count),
            Human::new(lay.per_vector, Kind::Size),
            Human::new(lay.fixed, Kind::Size),
            Human::new(memory, Kind::Size)
        ),
    );
    t.output(
        Section::Index,
        format_args!("memory"),
        format_args!("Index memory (one copy)"),
        Kind::Size,
        memory,
    );

    if ix.kind == IndexKind::DiskAnn {
        uses_embeddings(s, emb, t);
        uses_index(ix, t);
        t.step(
            lay.disk,
            Kind::Size,
            format_args!(
                "graph nodes with full vectors on SSD = {}",
                Human::new(lay.disk, Kind::Size)
            ),
        );
    } else {
        t.step(
            0.0,
            Kind::Size,
            format_args!(
                "{} keeps the whole index in RAM",
                IndexKind::NAMES[ix.kind as usize]
            ),
        );
    }
    t.output(
        Section::Index,
        format_args!("disk"),
        format_args!("Index on SSD (one copy)"),
        Kind::Size,
        lay.disk,
    );

    let node_mem = ix.node_memory.get::<byte>();
    let usable = node_mem * ix.memory_headroom;
    t.uses(format_args!("index.node_memory"));
    t.uses(format_args!("index.memory_headroom"));
    let shards = match ix.shards {
        Some(fixed) => {
            t.uses(format_args!("index.shards"));
            t.step(
                fixed,
                Kind::Count,
                format_args!(
                    "given: {} shards of {} each (node: {} usable)",
                    Grouped(fixed),
                    Human::new(memory / fixed, Kind::Size),
                    Human::new(usable, Kind::Size)
                ),
            );
            fixed
        }
        None => {
            let by_mem = (memory / usable).ceil().max(1.0);
            t.step(
                by_mem,
                Kind::Count,
                format_args!(
                    "⌈{} ÷ ({} node × {} usable)⌉ = ⌈{} ÷ {}⌉ = {} shards",
                    Human::new(memory, Kind::Size),
                    Human::new(node_mem, Kind::Size),
                    Human::new(ix.memory_headroom, Kind::Fraction),
                    Human::new(memory, Kind::Size),
                    Human::new(usable, Kind::Size),
                    Grouped(by_mem)
                ),
            );
            match ix.node_disk {
                Some(nd) if lay.disk > 0.0 => {
                    let nd = nd.get::<byte>();
                    let by_disk = (lay.disk / nd).ceil().max(1.0);
                    t.uses(format_args!("index.node_disk"));
                    t.step(
                        by_disk,
                        Kind::Count,
                        format_args!(
                            "SSD: ⌈{} ÷ {} per node⌉ = {} shards; take the larger",
                            Human::new(lay.disk, Kind::Size),
                            Human::new(nd, Kind::Size),
                            Grouped(by_disk)
                        ),
                    );
                    by_mem.max(by_disk)
                }
                _ => by_mem,
            }
        }
    };
    t.inherit(|id| id == "index.memory" || id == "index.disk");
    t.output(
        Section::Index,
        format_args!("shards"),
        format_args!("Index shards"),
        Kind::Count,
        shards,
    );

    let util = s.serving.target_utilization;
    // Whole spare servers: a validated input is whole already; a range's samples are rounded.
    let k = s.serving.redundancy.round();
    let region_peak = e.region_peak_qps.get::<hertz>();
    let replicas = match (ix.per_replica_qps, s.requests().is_some()) {
        (Some(prq), true) => {
            let prq = prq.get::<hertz>();
            uses_traffic(s, t);
            t.uses(format_args!("index.per_replica_qps"));
            t.uses(format_args!("serving.target_utilization"));
            t.uses(format_args!("serving.redundancy"));
            region_share_step(s, e, t);
            let base = (region_peak / (prq * util)).ceil().max(1.0);
            t.step(
                base,
                Kind::Count,
                format_args!(
                    "⌈{} ÷ ({} per replica × {} utilisation)⌉ = {} replicas",
                    Human::new(region_peak, Kind::Rate),
                    Human::new(prq, Kind::Rate),
                    Human::new(util, Kind::Fraction),
                    Grouped(base)
                ),
            );
            if k > 0.0 {
                t.step(
                    base + k,
                    Kind::Count,
                    format_args!(
                        "{} + {} spare (N+{}) = {} replicas per region",
                        Grouped(base),
                        Grouped(k),
                        Grouped(k),
                        Grouped(base + k)
                    ),
                );
            }
            base + k
        }
        _ => {
            t.step(
                1.0 + k,
                Kind::Count,
                format_args!(
                    "no per_replica_qps or traffic: one copy + {} spare",
                    Grouped(k)
                ),
            );
            1.0 + k
        }
    };
    t.output(
        Section::Index,
        format_args!("replicas"),
        format_args!("Index replicas per region"),
        Kind::Count,
        replicas,
    );

    let regions = s.serving.regions;
    let nodes = shards * replicas * regions;
    t.uses(format_args!("serving.regions"));
    t.step(
        nodes,
        Kind::Count,
        format_args!(
            "{} shards × {} replicas × {} regions = {} nodes",
            Grouped(shards),
            Grouped(replicas),
            Grouped(regions),
            Grouped(nodes)
        ),
    );
    t.inherit(|id| id == "index.shards" || id == "index.replicas");
    t.output(
        Section::Index,
        format_args!("nodes"),
        format_args!("Index nodes"),
        Kind::Count,
        nodes,
    );

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
        faiss: memory,
    };
    let mut sizes = [None; ENGINES];
    for engine in Engine::ALL {
        if variant(engine, ix.kind, emb.dtype).is_none() {
            continue;
        }
        uses_embeddings(s, emb, t);
        uses_index(ix, t);
        let Some(size) = engines::memory(engine, &shape, t) else {
            continue;
        };
        t.output(
            Section::Index,
            format_args!("engine.{}", engine.key()),
            format_args!("Index memory on {}", engine.name()),
            Kind::Size,
            size,
        );
        sizes[engine as usize] = Some(size);
    }

    e.index = Some(IndexEstimate {
        vectors: n,
        bytes_per_vector: lay.per_vector,
        memory: bytes(memory),
        disk: bytes(lay.disk),
        shards,
        replicas,
        nodes,
        engines: sizes,
    });
}

/// States how much of the peak one region serves, when there is more than one.
pub(crate) fn region_share_step<T: Trace>(s: &Scenario, e: &Estimate, t: &mut T) {
    let sv = &s.serving;
    // The share depends on the region count even when it is 1.
    t.uses(format_args!("serving.regions"));
    t.uses(format_args!("serving.region_failover"));
    if sv.regions <= 1.0 {
        return;
    }
    let peak = e.peak_qps.get::<hertz>();
    let region = e.region_peak_qps.get::<hertz>();
    if sv.region_failover {
        t.step(
            region,
            Kind::Rate,
            format_args!(
                "{} peak ÷ ({} regions − 1, to survive losing one) = {} per region",
                Human::new(peak, Kind::Rate),
                Grouped(sv.regions),
                Human::new(region, Kind::Rate)
            ),
        );
    } else {
        t.step(
            region,
            Kind::Rate,
            format_args!(
                "{} peak ÷ {} regions = {} per region",
                Human::new(peak, Kind::Rate),
                Grouped(sv.regions),
                Human::new(region, Kind::Rate)
            ),
        );
    }
}

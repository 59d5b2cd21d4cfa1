//! The vector index: bytes per vector by kind and dtype, one copy's memory (and SSD for DiskANN),
//! shards from node memory, replicas from peak QPS, nodes.
//!
//! `layout.rs` holds one copy's layout by kind; `placement.rs` its shards, replicas and the peak
//! of a region. Layouts follow Faiss (wiki "Faiss indexes", faiss/impl/HNSW.h,
//! faiss/IndexIVFPQ.cpp) and DiskANN (microsoft/DiskANN src/disk_utils.cpp).

use super::engines::{self, ENGINES, Engine, Shape, variant};
use super::storage::{dtype_bytes, uses_embeddings, vector_count};
use super::{Estimate, In, IndexEstimate, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Dtype, Embeddings, Index, IndexKind, Scenario};
use crate::units::{Kind, bytes};
use uom::si::information::byte;

mod layout;
mod placement;

use layout::uses_index;
pub use layout::{Layout, PRECOMPUTED_TABLE_LIMIT, SECTOR_BYTES, default_nlist, layout};
pub(crate) use placement::region_peak;
use placement::{replicas, shards};

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
pub(super) const BYTES_PER_VECTOR: Out<'static> = Out::new(Section::Index, &["bytes_per_vector"]);
pub(super) const MEMORY: Out<'static> = Out::new(Section::Index, &["memory"]);
pub(super) const DISK: Out<'static> = Out::new(Section::Index, &["disk"]);
pub(super) const SHARDS: Out<'static> = Out::new(Section::Index, &["shards"]);
pub(super) const REPLICAS: Out<'static> = Out::new(Section::Index, &["replicas"]);

//! Milvus: for FLAT, IVF_FLAT, IVF_SQ8, HNSW and DISKANN, the query-node loading memory its
//! sizing tool computes (the index, plus two segments being loaded, × 1.15; milvus-io/milvus.io
//! src/utils/sizingTool.ts, `memoryAndDiskCalculator`); for IVF_PQ, which the tool has no entry
//! for, the index memory its docs work out (milvus-io/web-content
//! v2.6.x/site/en/userGuide/indexes/index-explained.md, "Memory usage estimation"). Each row
//! says which: basis "sizing tool" or "documented". Both model float32 vectors only.

use super::{Basis, DIM, Formula, HNSW_M, NLIST, Shape, Variant, v};
use crate::estimate::{Line, Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

const TOOL_SRC: &str = "milvus-io/milvus.io src/utils/sizingTool.ts";
const DOCS_SRC: &str = "milvus-io/web-content v2.6.x/site/en/userGuide/indexes/index-explained.md";
const MMAP_SRC: &str = "milvus-io/web-content v2.6.x/site/en/userGuide/search-query-get/mmap.md";

/// The sizing tool's default segment (its form's "1024 MB", which it converts at 1,024² B a MB).
pub const SEGMENT: f64 = 1024.0 * 1024.0 * 1024.0;
/// The tool's allowance over what it loads.
pub const LOADING: f64 = 1.15;

pub(super) fn variant(kind: IndexKind, dtype: Dtype) -> Option<Variant> {
    use IndexKind::*;
    if dtype != Dtype::F32 {
        return None;
    }
    let tool = |name| v(Formula::MilvusTool, name, Basis::Tool, TOOL_SRC);
    Some(match kind {
        Flat => tool("FLAT"),
        IvfFlat => tool("IVF_FLAT"),
        IvfSq8 => tool("IVF_SQ8"),
        Hnsw => tool("HNSW"),
        DiskAnn => v(Formula::MilvusDiskAnn, "DISKANN", Basis::Tool, TOOL_SRC),
        IvfPq => v(
            Formula::MilvusIvfPqDocs,
            "IVF_PQ",
            Basis::Documented,
            DOCS_SRC,
        ),
    })
}

pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    let total = match found.formula {
        Formula::MilvusDiskAnn => diskann(p, t),
        Formula::MilvusIvfPqDocs => ivf_pq(p, t),
        _ => loading(found, p, t),
    };
    if found.formula != Formula::MilvusDiskAnn {
        t.step(total, Kind::Size, |w| {
            w.t("memory-saving option, not modelled: mmap (queryNode.mmap.vectorField and ")
                .t("vectorIndex, off by default) maps the raw vectors and the index from local ")
                .t("disk into the page cache instead of loading them; the docs give no RAM ")
                .t("figure for it (")
                .t(MMAP_SRC)
                .t(")");
        });
    }
    total
}

/// The raw float32 vectors, as the tool counts them: N × 4 B × d.
fn raw_text(w: &mut Line, p: &Shape) {
    w.q(p.n, Kind::Count)
        .op(Op::Times)
        .t("4 B")
        .op(Op::Times)
        .n(p.d)
        .of(DIM)
        .t(" dims")
        .op(Op::Equals)
        .q(p.n * 4.0 * p.d, Kind::Size);
}

/// The index the tool loads for FLAT, IVF_FLAT, IVF_SQ8 and HNSW.
pub fn tool_index(kind: IndexKind, n: f64, d: f64, m: f64, nlist: f64) -> f64 {
    let raw = n * 4.0 * d;
    match kind {
        IndexKind::IvfFlat => raw + nlist * 4.0 * d,
        IndexKind::IvfSq8 => raw / 4.0 + nlist * 4.0 * d,
        IndexKind::Hnsw => (1.0 + 2.0 * m / d) * raw,
        _ => raw,
    }
}

/// The query node's loading memory for the index: (index + 2 segments) × 1.15.
fn loading<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    let index = tool_index(p.kind, p.n, p.d, p.m, p.nlist);
    t.step(index, Kind::Size, |w| {
        w.t(found.name).t(" index: ");
        match p.kind {
            IndexKind::IvfFlat | IndexKind::IvfSq8 => {
                w.t(if p.kind == IndexKind::IvfSq8 {
                    "raw ÷ 4"
                } else {
                    "raw"
                })
                .op(Op::Plus)
                .n(p.nlist)
                .of(NLIST)
                .t(" lists")
                .op(Op::Times)
                .n(4.0 * p.d)
                .t(" B centroid");
            }
            IndexKind::Hnsw => {
                w.t("(1")
                    .op(Op::Plus)
                    .t("2")
                    .op(Op::Times)
                    .t("M ")
                    .n(p.m)
                    .of(HNSW_M)
                    .op(Op::Divide)
                    .n(p.d)
                    .t(" dims)")
                    .op(Op::Times)
                    .t("raw");
            }
            _ => {
                w.t("raw");
            }
        }
        w.op(Op::Equals).q(index, Kind::Size).t(" (raw ");
        raw_text(w, p);
        if p.kind == IndexKind::Hnsw {
            w.t("; the docs' graph of N × 2·M links × 4 B plus the raw vectors is the same");
        }
        w.t(")");
    });
    let total = (index + 2.0 * SEGMENT) * LOADING;
    t.step(total, Kind::Size, |w| {
        w.t("query-node loading memory, the sizing tool's figure: (")
            .q(index, Kind::Size)
            .op(Op::Plus)
            .t("2 segments being loaded")
            .op(Op::Times)
            .t("1,024 MiB)")
            .op(Op::Times)
            .t("1.15")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(" (sizing tool, float32 only: ")
            .t(TOOL_SRC)
            .t(", milvus.io/tools/sizing)");
    });
    total
}

fn diskann<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let raw = p.n * 4.0 * p.d;
    let total = raw / 4.0 * LOADING;
    t.step(total, Kind::Size, |w| {
        w.t("DISKANN query-node memory, the sizing tool's figure: raw (");
        raw_text(w, p);
        w.t(")")
            .op(Op::Divide)
            .t("4")
            .op(Op::Times)
            .t("1.15")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t("; no segment term, the graph and the vectors on disk (sizing tool, float32 only: ")
            .t(TOOL_SRC)
            .t(")");
    });
    total
}

/// The docs' IVF_PQ index: N × (code + 2 B cluster id) + nlist × 4 B × d.
pub fn ivf_pq_bytes(n: f64, d: f64, nlist: f64, code: f64) -> f64 {
    n * (code + 2.0) + nlist * 4.0 * d
}

fn ivf_pq<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let code = p.pq_m * p.nbits / 8.0;
    let total = ivf_pq_bytes(p.n, p.d, p.nlist, code);
    t.step(total, Kind::Size, |w| {
        w.t("IVF_PQ index, the docs' recipe: ")
            .q(p.n, Kind::Count)
            .t(" vectors")
            .op(Op::Times)
            .t("(")
            .n(code)
            .t(" B code")
            .op(Op::Plus)
            .t("2 B cluster id)")
            .op(Op::Plus)
            .n(p.nlist)
            .of(NLIST)
            .t(" lists")
            .op(Op::Times)
            .t("4 B")
            .op(Op::Times)
            .n(p.d)
            .of(DIM)
            .t(" dims")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(": the index alone, no loading overhead; the sizing tool has no IVF_PQ (documented: ")
            .t(DOCS_SRC)
            .t(")");
    });
    total
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, size, small, w};
    use super::super::{Basis, Engine, variant};
    use super::ivf_pq_bytes;
    use crate::scenario::Dtype::*;
    use crate::scenario::IndexKind::*;

    #[test]
    fn milvus_follows_its_sizing_tool() {
        // sizingTool.ts: HNSW index (1 + 2m/d) × raw; loading (index + 2 × 1,024 MiB) × 1.15.
        // W HNSW: 307.2 GB × (1 + 64/768) = 332.8 GB; (332.8e9 + 2,147,483,648) × 1.15
        // = 334,947,483,648 × 1.15 = 385,189,606,195.2.
        close(size(Engine::Milvus, w(Hnsw, F32)), 385_189_606_195.2);
        // Small HNSW: 512 MB × (1 + 32/128) = 640,000,000; + 2,147,483,648 = 2,787,483,648
        // × 1.15 = 3,205,606,195.2.
        close(size(Engine::Milvus, small(Hnsw, F32)), 3_205_606_195.2);
        // Small IVF_FLAT: 512,000,000 + 1,024 × 512 = 512,524,288; + 2,147,483,648
        // = 2,660,007,936 × 1.15 = 3,059,009,126.4.
        close(size(Engine::Milvus, small(IvfFlat, F32)), 3_059_009_126.4);
        // W IVF_SQ8: 76.8e9 + 65,536 × 3,072 = 201,326,592 → 77,001,326,592 + 2,147,483,648
        // = 79,148,810,240 × 1.15 = 91,021,131,776.
        close(size(Engine::Milvus, w(IvfSq8, F32)), 91_021_131_776.0);
        // DISKANN (no segment term): W 307.2e9 ÷ 4 × 1.15 = 88.32e9; small 512e6 ÷ 4 × 1.15
        // = 147.2e6.
        close(size(Engine::Milvus, w(DiskAnn, F32)), 88_320_000_000.0);
        close(size(Engine::Milvus, small(DiskAnn, F32)), 147_200_000.0);
        // The tool models float32 only.
        assert!(variant(Engine::Milvus, Hnsw, F16, 768.0).is_none());
        let basis = |kind| variant(Engine::Milvus, kind, F32, 768.0).unwrap().basis;
        assert_eq!(basis(Hnsw), Basis::Tool);
        assert_eq!(basis(DiskAnn), Basis::Tool);
        assert_eq!(basis(IvfPq), Basis::Documented);
    }

    #[test]
    fn milvus_ivf_pq_is_the_docs_recipe() {
        // The docs' own example (index-explained.md): 1M vectors of 128 dims, 2,000 clusters,
        // PQ with 8 subquantizers (8 B a vector): centroids 2,000 × 128 × 4 = 1,024,000 B
        // ("1.0 MB") + cluster ids 1,000,000 × 2 = 2,000,000 ("2.0 MB") + codes 1,000,000 × 8
        // = 8,000,000 ("8.0 MB") = 11,024,000 B ("11.0 MB").
        close(ivf_pq_bytes(1e6, 128.0, 2000.0, 8.0), 11_024_000.0);
        // W: 10^8 × (64 + 2) + 65,536 × 3,072 = 6.6e9 + 201,326,592 = 6,801,326,592; small
        // 10^6 × (16 + 2) + 1,024 × 512 = 18,000,000 + 524,288 = 18,524,288.
        close(size(Engine::Milvus, w(IvfPq, F32)), 6_801_326_592.0);
        close(size(Engine::Milvus, small(IvfPq, F32)), 18_524_288.0);
    }
}

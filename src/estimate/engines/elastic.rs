//! Elasticsearch: the off-heap RAM of its "Tune approximate kNN search" page
//! (elastic/docs-content deploy-manage/production-guidance/optimize-performance/
//! approximate-knn-search.md): the vectors HNSW searches (quantised codes for a quantised index,
//! the raw floats on disk for rescoring) + the graph, N × 4 B × m. A float field is quantised by
//! default (elastic/elasticsearch docs/reference/elasticsearch/mapping-reference/dense-vector.md):
//! `bbq_hnsw` from 384 dimensions, `int8_hnsw` below (9.1+; 9.0 always `int8_hnsw`), so that is
//! the headline; the explicit float `hnsw` stays in the working as the option it is.

use super::{Basis, DIM, Formula, HNSW_M, Shape, Variant, v};
use crate::estimate::{Bracket, Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

const SRC: &str = "elastic/docs-content deploy-manage/production-guidance/optimize-performance/approximate-knn-search.md";
const DEFAULT_SRC: &str = "elastic/docs-content deploy-manage/production-guidance/optimize-performance/approximate-knn-search.md; elastic/elasticsearch docs/reference/elasticsearch/mapping-reference/dense-vector.md";

/// From this many dimensions a float field defaults to `bbq_hnsw` (9.1+).
pub const BBQ_FROM_DIMS: f64 = 384.0;

pub(super) fn variant(kind: IndexKind, dtype: Dtype, dim: f64) -> Option<Variant> {
    use Dtype::*;
    use IndexKind::*;
    let raw = |name| v(Formula::ElasticRaw, name, Basis::Documented, SRC);
    Some(match (kind, dtype) {
        (Hnsw, F32) if dim >= BBQ_FROM_DIMS => v(
            Formula::ElasticBbq,
            "bbq_hnsw (default)",
            Basis::Documented,
            DEFAULT_SRC,
        ),
        (Hnsw, F32) => v(
            Formula::ElasticInt8,
            "int8_hnsw (default)",
            Basis::Documented,
            DEFAULT_SRC,
        ),
        (Hnsw, Int8) => raw("hnsw, byte"),
        (Hnsw, Binary) => raw("hnsw, bit"),
        (Flat, F32) => raw("flat, float"),
        (Flat, Int8) => raw("flat, byte"),
        (Flat, Binary) => raw("flat, bit"),
        _ => return None,
    })
}

/// A `bbq` vector's bytes: the bits padded to a multiple of 64, + 14 B of corrections.
pub fn bbq_bytes(d: f64) -> f64 {
    (d / 64.0).ceil() * 8.0 + 14.0
}

/// An `int8` vector's bytes: one a dimension, + 16 B of corrections.
pub fn int8_bytes(d: f64) -> f64 {
    d + 16.0
}

/// The HNSW graph: N × 4 B × m.
pub fn graph(n: f64, m: f64) -> f64 {
    n * 4.0 * m
}

pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    match found.formula {
        Formula::ElasticRaw => raw(p, t),
        _ => quantised(found.formula == Formula::ElasticBbq, p, t),
    }
}

/// The default for float vectors: quantised codes and the graph in RAM, the floats on disk.
fn quantised<T: Trace>(bbq: bool, p: &Shape, t: &mut T) -> f64 {
    let (n, d, m) = (p.n, p.d, p.m);
    let per = if bbq { bbq_bytes(d) } else { int8_bytes(d) };
    let codes = n * per;
    t.step(codes, Kind::Size, |w| {
        if bbq {
            w.t("bbq_hnsw, the default for a float field of 384 dims or more (9.1+): ")
                .q(n, Kind::Count)
                .op(Op::Times)
                .t("(")
                .bracket(Bracket::CeilOpen)
                .n(d)
                .of(DIM)
                .t(" dims")
                .op(Op::Divide)
                .t("64")
                .bracket(Bracket::CeilClose)
                .op(Op::Times)
                .t("8 B")
                .op(Op::Plus)
                .t("14 B)");
        } else {
            w.t("int8_hnsw, the default for a float field under 384 dims (and every one in ")
                .t("9.0): ")
                .q(n, Kind::Count)
                .op(Op::Times)
                .t("(")
                .n(d)
                .of(DIM)
                .t(" dims")
                .op(Op::Times)
                .t("1 B")
                .op(Op::Plus)
                .t("16 B)");
        }
        w.op(Op::Equals).q(codes, Kind::Size);
    });
    let g = graph(n, m);
    graph_step(n, m, g, t);
    let total = codes + g;
    t.step(total, Kind::Size, |w| {
        w.q(codes, Kind::Size)
            .op(Op::Plus)
            .q(g, Kind::Size)
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(" off-heap, in the filesystem cache; the float vectors stay on disk for ")
            .t("rescoring (documented: ")
            .t(DEFAULT_SRC)
            .t(")");
    });
    let floats = n * 4.0 * d + g;
    t.step(floats, Kind::Size, |w| {
        w.t("not the default: index_options type hnsw keeps the floats in RAM, ")
            .q(n, Kind::Count)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Times)
            .n(d)
            .t(" dims")
            .op(Op::Plus)
            .t("graph")
            .op(Op::Equals)
            .q(floats, Kind::Size);
    });
    total
}

fn graph_step<T: Trace>(n: f64, m: f64, g: f64, t: &mut T) {
    t.step(g, Kind::Size, |w| {
        w.t("HNSW graph: ")
            .q(n, Kind::Count)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Times)
            .t("m ")
            .n(m)
            .of(HNSW_M)
            .op(Op::Equals)
            .q(g, Kind::Size);
    });
}

/// byte and bit vectors (not quantised), and the explicit flat index.
fn raw<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let (n, m) = (p.n, p.m);
    let vectors = n * p.data;
    let g = if p.kind == IndexKind::Hnsw {
        graph(n, m)
    } else {
        0.0
    };
    if g > 0.0 {
        graph_step(n, m, g, t);
    }
    let total = vectors + g;
    t.step(total, Kind::Size, |w| {
        w.q(n, Kind::Count)
            .t(" vectors")
            .op(Op::Times)
            .n(p.data)
            .t(" B");
        if g > 0.0 {
            w.op(Op::Plus).q(g, Kind::Size).t(" graph");
        } else {
            w.t(", no graph");
        }
        w.op(Op::Equals)
            .q(total, Kind::Size)
            .t(" off-heap, in the filesystem cache (documented: ")
            .t(SRC)
            .t(")");
    });
    if p.kind == IndexKind::Flat && p.dtype == Dtype::F32 {
        let int8 = n * int8_bytes(p.d);
        t.step(int8, Kind::Size, |w| {
            w.t("memory-saving option: int8_flat holds ")
                .q(n, Kind::Count)
                .op(Op::Times)
                .t("(")
                .n(p.d)
                .t(" dims")
                .op(Op::Plus)
                .t("16 B)")
                .op(Op::Equals)
                .q(int8, Kind::Size)
                .t(" instead, the floats on disk");
        });
    }
    total
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, size, sized, small, step_with, w};
    use super::super::{Engine, variant};
    use super::{bbq_bytes, graph, int8_bytes};
    use crate::scenario::Dtype::*;
    use crate::scenario::IndexKind::*;

    #[test]
    fn elasticsearch_reproduces_its_docs_example() {
        // approximate-knn-search.md: unquantised hnsw, float, m 16, 1,000,000 vectors of 1,024
        // dims: 1,000,000 × 4 × 16 + 1,000,000 × 4 × 1,024 = 64,000,000 + 4,096,000,000
        // = 4,160,000,000 B ("3.87GB", GiB): the non-default float line.
        let p = sized(Hnsw, F32, 1e6, 1024.0, 16.0);
        close(
            step_with(Engine::Elasticsearch, p, "not the default").value,
            4_160_000_000.0,
        );
        // The default for 1,024 float dims is bbq_hnsw: ⌈1,024 / 64⌉ × 8 + 14 = 142 B a vector;
        // 142,000,000 + the graph 64,000,000 = 206,000,000 B.
        close(size(Engine::Elasticsearch, p), 206_000_000.0);
        // The vector sizing calculator's checks (elastic/docs-builder calculations.test.ts):
        // bbq at 768 dims 96 + 14 = 110 B; at 100 dims ⌈100/64⌉ × 8 + 14 = 30 B; int8 at 768
        // dims 768 + 16 = 784 B, at 100 dims 116 B; the graph at m 16 is 64 B a vector.
        close(bbq_bytes(768.0), 110.0);
        close(bbq_bytes(100.0), 30.0);
        close(int8_bytes(768.0), 784.0);
        close(int8_bytes(100.0), 116.0);
        close(graph(1e6, 16.0), 64_000_000.0);
    }

    #[test]
    fn elasticsearch_quantises_float_vectors_by_default() {
        // W (768 dims ≥ 384, bbq_hnsw): 10^8 × 110 = 11e9 + graph 10^8 × 4 × 32 = 12.8e9
        // → 23.8e9; the float hnsw beside it 307.2e9 + 12.8e9 = 320e9.
        close(size(Engine::Elasticsearch, w(Hnsw, F32)), 23_800_000_000.0);
        close(
            step_with(Engine::Elasticsearch, w(Hnsw, F32), "not the default").value,
            320_000_000_000.0,
        );
        // Small (128 dims < 384, int8_hnsw): 10^6 × (128 + 16) = 144e6 + 10^6 × 4 × 16 = 64e6
        // → 208e6.
        close(size(Engine::Elasticsearch, small(Hnsw, F32)), 208_000_000.0);
        let name = |d| variant(Engine::Elasticsearch, Hnsw, F32, d).unwrap().name;
        assert_eq!(name(384.0), "bbq_hnsw (default)");
        assert_eq!(name(383.0), "int8_hnsw (default)");
    }

    #[test]
    fn elasticsearch_byte_bit_and_flat_are_not_quantised() {
        // byte at W: 76.8e9 + 12.8e9 = 89.6e9; bit small: 10^6 × 16 + 64e6 = 80e6.
        close(size(Engine::Elasticsearch, w(Hnsw, Int8)), 89_600_000_000.0);
        close(
            size(Engine::Elasticsearch, small(Hnsw, Binary)),
            80_000_000.0,
        );
        // Flat float (explicit): 512e6, no graph; int8_flat beside it 10^6 × 144 = 144e6.
        close(size(Engine::Elasticsearch, small(Flat, F32)), 512_000_000.0);
        close(
            step_with(Engine::Elasticsearch, small(Flat, F32), "int8_flat").value,
            144_000_000.0,
        );
        assert!(variant(Engine::Elasticsearch, IvfFlat, F32, 768.0).is_none());
        assert!(variant(Engine::Elasticsearch, Hnsw, F16, 768.0).is_none());
    }
}

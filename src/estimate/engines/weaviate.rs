//! Weaviate: its resource-planning page (weaviate/docs docs/weaviate/concepts/resources.md)
//! gives two figures for an HNSW index held in memory: the rule of thumb, 2 × the vectors, which
//! covers the Go garbage collector during imports, and the "more accurate" N × (vector + 10 B ×
//! maxConnections), the index at rest. The headline is the second: it counts the scenario's
//! graph, and napkin's `memory_headroom` is where runtime slack goes; the working shows both.
//! Compression (SQ, BQ, PQ) holds the codes in memory and the originals on disk
//! (docs/weaviate/concepts/vector-quantization.md): the int8, binary and pq rows.

use super::{Basis, DIM, Formula, HNSW_M, Shape, Variant, v};
use crate::estimate::{Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

const SRC: &str = "weaviate/docs docs/weaviate/concepts/resources.md";
const COMPRESSED_SRC: &str = "weaviate/docs docs/weaviate/concepts/resources.md, docs/weaviate/concepts/vector-quantization.md";

/// Bytes a connection, the top of the docs' 8–10 B.
pub const CONNECTION: f64 = 10.0;

pub(super) fn variant(kind: IndexKind, dtype: Dtype) -> Option<Variant> {
    if kind != IndexKind::Hnsw {
        // The flat index is disk-backed: no RAM figure.
        return None;
    }
    let compressed = |name| {
        v(
            Formula::WeaviateCompressed,
            name,
            Basis::Derived,
            COMPRESSED_SRC,
        )
    };
    Some(match dtype {
        Dtype::F32 => v(Formula::WeaviateHnsw, "hnsw", Basis::Documented, SRC),
        Dtype::Int8 => compressed("hnsw + SQ"),
        Dtype::Binary => compressed("hnsw + BQ"),
        Dtype::Pq => compressed("hnsw + PQ"),
        Dtype::F16 | Dtype::Bf16 => return None,
    })
}

/// The docs' "more accurate" estimate: N × (vector bytes + 10 B × maxConnections).
pub fn at_rest(n: f64, vector: f64, max_connections: f64) -> f64 {
    n * (vector + CONNECTION * max_connections)
}

/// The docs' rule of thumb: 2 × the memory of all the vectors.
pub fn rule_of_thumb(n: f64, vector: f64) -> f64 {
    2.0 * n * vector
}

pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    let (n, d, m) = (p.n, p.d, p.m);
    if found.formula == Formula::WeaviateCompressed {
        let total = at_rest(n, p.data, m);
        t.step(total, Kind::Size, |w| {
            w.q(n, Kind::Count)
                .t(" vectors")
                .op(Op::Times)
                .t("(")
                .n(p.data)
                .t(" B compressed code")
                .op(Op::Plus)
                .t("10 B")
                .op(Op::Times)
                .t("maxConnections ")
                .n(m)
                .of(HNSW_M)
                .t(")")
                .op(Op::Equals)
                .q(total, Kind::Size)
                .t(": compressed vectors in memory, the originals on disk (documented parts combined: ")
                .t(COMPRESSED_SRC)
                .t(")");
        });
        return total;
    }
    let raw = n * 4.0 * d;
    let rule = rule_of_thumb(n, 4.0 * d);
    t.step(rule, Kind::Size, |w| {
        w.t("rule of thumb: 2")
            .op(Op::Times)
            .t("the vectors (")
            .q(n, Kind::Count)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Times)
            .n(d)
            .of(DIM)
            .t(" dims")
            .op(Op::Equals)
            .q(raw, Kind::Size)
            .t(")")
            .op(Op::Equals)
            .q(rule, Kind::Size)
            .t(": what to provision while importing, the Go garbage collector included");
    });
    let total = at_rest(n, 4.0 * d, m);
    t.step(total, Kind::Size, |w| {
        w.t("headline, the \"more accurate\" estimate: ")
            .q(n, Kind::Count)
            .t(" vectors")
            .op(Op::Times)
            .t("(4 B")
            .op(Op::Times)
            .n(d)
            .t(" dims")
            .op(Op::Plus)
            .t("10 B")
            .op(Op::Times)
            .t("maxConnections ")
            .n(m)
            .of(HNSW_M)
            .t(")")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(": the index at rest, with the scenario's graph (8–10 B a connection; the base ")
            .t("layer allows 2 × maxConnections), without the garbage collector's overhead, ")
            .t("which memory_headroom has to leave room for (documented: ")
            .t(SRC)
            .t(")");
    });
    total
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, size, small, step_with, w};
    use super::super::{Engine, variant};
    use super::{at_rest, rule_of_thumb};
    use crate::scenario::Dtype::*;
    use crate::scenario::IndexKind::*;

    #[test]
    fn weaviate_reproduces_its_example_calculation() {
        // resources.md, "An example calculation": 1M 384-dimensional float32 vectors, one
        // vector 384 × 4 B = 1,536 B; rule of thumb 2 × 1e6 × 1,536 B = 3,072,000,000 B ("3 GB");
        // with maxConnections 64, 1e6 × (1,536 B + 64 × 10) = 2,176,000,000 B ("2.2 GB").
        close(rule_of_thumb(1e6, 1536.0), 3_072_000_000.0);
        close(at_rest(1e6, 1536.0, 64.0), 2_176_000_000.0);
        // The same through the engine: the headline is the "more accurate" figure, and the
        // rule of thumb is in the working.
        let p = super::super::tests::sized(Hnsw, F32, 1e6, 384.0, 64.0);
        close(size(Engine::Weaviate, p), 2_176_000_000.0);
        close(
            step_with(Engine::Weaviate, p, "rule of thumb").value,
            3_072_000_000.0,
        );
    }

    #[test]
    fn weaviate_counts_ten_bytes_a_connection() {
        // W: 10^8 × (3,072 + 10 × 32) = 339.2e9; small 10^6 × (512 + 160) = 672e6.
        close(size(Engine::Weaviate, w(Hnsw, F32)), 339_200_000_000.0);
        close(size(Engine::Weaviate, small(Hnsw, F32)), 672_000_000.0);
        // BQ at W: 10^8 × (96 + 320) = 41.6e9; SQ small: 10^6 × (128 + 160) = 288e6.
        close(size(Engine::Weaviate, w(Hnsw, Binary)), 41_600_000_000.0);
        close(size(Engine::Weaviate, small(Hnsw, Int8)), 288_000_000.0);
        // The flat index is disk-backed: no RAM figure.
        assert!(variant(Engine::Weaviate, Flat, F32, 768.0).is_none());
    }
}

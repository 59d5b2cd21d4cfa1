//! OpenSearch (Faiss engine): the memory estimates of its k-NN documentation
//! (opensearch-project/documentation-website), 1.1 × what the index holds: HNSW 1.1 × (vector +
//! 8 × m) a vector, IVF 1.1 × (vectors + 4 × nlist × d), PQ with a codebook per segment (300
//! segments, the docs' recommended default). Its memory-saving option is `on_disk` mode: Faiss
//! HNSW at `compression_level` 32× by default (1 bit a dimension), the full-precision vectors on
//! disk for rescoring.

use super::{Basis, DIM, Formula, HNSW_M, NLIST, Shape, Variant, v};
use crate::estimate::{Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

const SRC: &str = "opensearch-project/documentation-website _mappings/supported-field-types/knn-methods-engines.md, knn-memory-optimized.md, _vector-search/optimizing-storage/faiss-scalar-quantization.md";
const PQ_SRC: &str = "opensearch-project/documentation-website _vector-search/optimizing-storage/faiss-product-quantization.md";
const ON_DISK_SRC: &str = "opensearch-project/documentation-website _vector-search/optimizing-storage/disk-based-vector-search.md, binary-quantization.md";

/// The segment count the PQ formulas assume (the docs' recommended default).
pub const SEGMENTS: f64 = 300.0;
/// The docs' overhead on every estimate.
pub const OVERHEAD: f64 = 1.1;

pub(super) fn variant(kind: IndexKind, dtype: Dtype) -> Option<Variant> {
    use Dtype::*;
    use IndexKind::*;
    let doc = |f, name| v(f, name, Basis::Documented, SRC);
    Some(match (kind, dtype) {
        (Hnsw, F32) => doc(Formula::OpenSearchHnsw, "HNSW float"),
        (Hnsw, F16) => doc(Formula::OpenSearchHnsw, "HNSW fp16 (Faiss SQ)"),
        (Hnsw, Int8) => doc(Formula::OpenSearchHnsw, "HNSW byte"),
        (Hnsw, Binary) => doc(Formula::OpenSearchHnsw, "HNSW binary"),
        (Hnsw, Pq) => v(
            Formula::OpenSearchHnswPq,
            "HNSW-PQ",
            Basis::Documented,
            PQ_SRC,
        ),
        (IvfFlat, F32) => doc(Formula::OpenSearchIvf, "IVF float"),
        (IvfFlat, F16) => doc(Formula::OpenSearchIvf, "IVF fp16 (Faiss SQ)"),
        (IvfFlat, Int8) => doc(Formula::OpenSearchIvf, "IVF byte"),
        (IvfFlat, Binary) => doc(Formula::OpenSearchIvf, "IVF binary"),
        (IvfPq, F32) => v(
            Formula::OpenSearchIvfPq,
            "IVF-PQ",
            Basis::Documented,
            PQ_SRC,
        ),
        _ => return None,
    })
}

/// HNSW: 1.1 × (vector bytes + 8 × m) × N.
pub fn hnsw_bytes(n: f64, vector: f64, m: f64) -> f64 {
    OVERHEAD * (vector + 8.0 * m) * n
}

/// IVF: 1.1 × (vector bytes × N + nlist × centroid bytes).
pub fn ivf_bytes(n: f64, vector: f64, nlist: f64, centroid: f64) -> f64 {
    OVERHEAD * (vector * n + nlist * centroid)
}

/// HNSW-PQ: 1.1 × ((code + 24 + 8 × m) × N + segments × 2^nbits × 4 B × d).
pub fn hnsw_pq_bytes(n: f64, code: f64, m: f64, nbits: f64, d: f64, segments: f64) -> f64 {
    OVERHEAD * ((code + 24.0 + 8.0 * m) * n + segments * 2f64.powf(nbits) * 4.0 * d)
}

/// IVF-PQ: 1.1 × ((code + 24) × N + segments × (2^nbits × 4 B × d + 4 B × nlist × d)).
pub fn ivf_pq_bytes(n: f64, code: f64, nbits: f64, d: f64, nlist: f64, segments: f64) -> f64 {
    OVERHEAD * ((code + 24.0) * n + segments * (2f64.powf(nbits) * 4.0 * d + 4.0 * nlist * d))
}

pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    let total = match found.formula {
        Formula::OpenSearchHnsw => hnsw(p, t),
        Formula::OpenSearchHnswPq => hnsw_pq(p, t),
        Formula::OpenSearchIvf => ivf(p, t),
        _ => ivf_pq(p, t),
    };
    on_disk(p, total, t);
    total
}

fn hnsw<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let (n, m) = (p.n, p.m);
    let per = OVERHEAD * (p.data + 8.0 * m);
    let total = hnsw_bytes(n, p.data, m);
    t.step(total, Kind::Size, |w| {
        w.t("1.1")
            .op(Op::Times)
            .t("(")
            .n(p.data)
            .t(" B vector")
            .op(Op::Plus)
            .t("8")
            .op(Op::Times)
            .t("m ")
            .n(m)
            .of(HNSW_M)
            .t(")")
            .op(Op::Equals)
            .q(per, Kind::Size)
            .t(" per vector")
            .op(Op::Times)
            .q(n, Kind::Count)
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(": in_memory mode, the default, 10% overhead (documented: ")
            .t(SRC)
            .t(")");
    });
    total
}

fn ivf<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let centroid = if p.dtype == Dtype::Binary {
        p.d / 8.0
    } else {
        4.0 * p.d
    };
    let total = ivf_bytes(p.n, p.data, p.nlist, centroid);
    t.step(total, Kind::Size, |w| {
        w.t("1.1")
            .op(Op::Times)
            .t("(")
            .n(p.data)
            .t(" B")
            .op(Op::Times)
            .q(p.n, Kind::Count)
            .t(" vectors")
            .op(Op::Plus)
            .n(p.nlist)
            .of(NLIST)
            .t(" lists")
            .op(Op::Times)
            .n(centroid)
            .t(" B)")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(": 10% overhead (documented: ")
            .t(SRC)
            .t(")");
    });
    total
}

fn hnsw_pq<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let code = p.nbits / 8.0 * p.pq_m;
    let total = hnsw_pq_bytes(p.n, code, p.m, p.nbits, p.d, SEGMENTS);
    t.step(total, Kind::Size, |w| {
        w.t("1.1")
            .op(Op::Times)
            .t("((")
            .n(code)
            .t(" B code")
            .op(Op::Plus)
            .t("24")
            .op(Op::Plus)
            .t("8")
            .op(Op::Times)
            .t("m ")
            .n(p.m)
            .of(HNSW_M)
            .t(")")
            .op(Op::Times)
            .q(p.n, Kind::Count)
            .op(Op::Plus)
            .t("300 segments")
            .op(Op::Times)
            .t("2^")
            .n(p.nbits)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Times)
            .n(p.d)
            .of(DIM)
            .t(" dims)")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(" (documented: ")
            .t(PQ_SRC)
            .t(")");
    });
    total
}

fn ivf_pq<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let code = p.nbits / 8.0 * p.pq_m;
    let total = ivf_pq_bytes(p.n, code, p.nbits, p.d, p.nlist, SEGMENTS);
    t.step(total, Kind::Size, |w| {
        w.t("1.1")
            .op(Op::Times)
            .t("((")
            .n(code)
            .t(" B code")
            .op(Op::Plus)
            .t("24)")
            .op(Op::Times)
            .q(p.n, Kind::Count)
            .op(Op::Plus)
            .t("300 segments")
            .op(Op::Times)
            .t("(2^")
            .n(p.nbits)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Times)
            .n(p.d)
            .of(DIM)
            .t(" dims")
            .op(Op::Plus)
            .t("4 B")
            .op(Op::Times)
            .n(p.nlist)
            .of(NLIST)
            .t(" lists")
            .op(Op::Times)
            .n(p.d)
            .t(" dims))")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(": each segment keeps its own coarse quantiser (documented: ")
            .t(PQ_SRC)
            .t(")");
    });
    total
}

/// The memory-saving option for float vectors: `on_disk` mode, 1 bit a dimension in RAM.
fn on_disk<T: Trace>(p: &Shape, total: f64, t: &mut T) {
    if !matches!(p.dtype, Dtype::F32 | Dtype::F16) {
        return;
    }
    if p.kind == IndexKind::IvfFlat {
        t.step(total, Kind::Size, |w| {
            w.t("memory-saving option, not modelled for IVF: on_disk mode builds a Faiss HNSW ")
                .t("index by default (")
                .t(ON_DISK_SRC)
                .t(")");
        });
        return;
    }
    if p.kind != IndexKind::Hnsw {
        return;
    }
    let compressed = hnsw_bytes(p.n, p.d / 8.0, p.m);
    t.step(compressed, Kind::Size, |w| {
        w.t("memory-saving option, on_disk mode (compression_level 32× by default, 1 bit a ")
            .t("dim; the full-precision vectors on disk for rescoring): 1.1")
            .op(Op::Times)
            .t("(")
            .n(p.d)
            .t(" dims")
            .op(Op::Divide)
            .t("8")
            .op(Op::Plus)
            .t("8")
            .op(Op::Times)
            .t("m ")
            .n(p.m)
            .t(")")
            .op(Op::Times)
            .q(p.n, Kind::Count)
            .op(Op::Equals)
            .q(compressed, Kind::Size)
            .t(" (documented: ")
            .t(ON_DISK_SRC)
            .t(")");
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, size, sized, small, step_with, w};
    use super::super::{Engine, variant};
    use super::{hnsw_bytes, hnsw_pq_bytes, ivf_bytes, ivf_pq_bytes};
    use crate::scenario::Dtype::*;
    use crate::scenario::IndexKind::*;

    #[test]
    fn opensearch_reproduces_its_docs_examples() {
        // knn-methods-engines.md: 1M float vectors of 256 dims, m 16:
        // 1.1 × (4 × 256 + 8 × 16) × 1,000,000 = 1.1 × 1,152 × 10^6 = 1,267,200,000 ("≈ 1.267 GB").
        let p = sized(Hnsw, F32, 1e6, 256.0, 16.0);
        close(size(Engine::OpenSearch, p), 1_267_200_000.0);
        // IVF, nlist 128: 1.1 × (4 × 256 × 10^6 + 4 × 128 × 256) = 1.1 × 1,024,131,072
        // = 1,126,544,179.2 ("≈ 1.126 GB").
        close(ivf_bytes(1e6, 1024.0, 128.0, 1024.0), 1_126_544_179.2);
        // knn-memory-optimized.md, byte vectors: 1.1 × (256 + 8 × 16) × 10^6 = 422,400,000
        // ("≈ 0.39 GB", GiB).
        close(hnsw_bytes(1e6, 256.0, 16.0), 422_400_000.0);
        // on_disk at 32× (binary-quantization.md, 1-bit): 1.1 × (256 / 8 + 8 × 16) × 10^6
        // = 1.1 × 160 × 10^6 = 176,000,000 ("≈ 0.176 GB"): the memory-saving line.
        close(
            step_with(Engine::OpenSearch, p, "on_disk").value,
            176_000_000.0,
        );
        // faiss-product-quantization.md, HNSW-PQ: 1M × 256 dims, hnsw_m 16, pq_m 32, 8 bits,
        // 100 segments: 1.1 × ((32 + 24 + 128) × 10^6 + 100 × 256 × 4 × 256 = 26,214,400)
        // = 1.1 × 210,214,400 = 231,235,840 ("≈ 0.215 GB", GiB).
        close(
            hnsw_pq_bytes(1e6, 32.0, 16.0, 8.0, 256.0, 100.0),
            231_235_840.0,
        );
        // IVF-PQ: the example's arithmetic uses a 64 B code (its text says pq_m 32):
        // 1.1 × ((64 + 24) × 10^6 + 100 × (256 × 4 × 256 + 4 × 512 × 256) = 100 × 786,432)
        // = 1.1 × (88,000,000 + 78,643,200) = 183,307,520 ("≈ 0.171 GB", GiB).
        close(
            ivf_pq_bytes(1e6, 64.0, 8.0, 256.0, 512.0, 100.0),
            183_307_520.0,
        );
    }

    #[test]
    fn opensearch_adds_ten_percent() {
        // W: 1.1 × (3,072 + 256) = 3,660.8 B × 10^8; byte 1.1 × (768 + 256) = 1,126.4.
        close(size(Engine::OpenSearch, w(Hnsw, F32)), 366_080_000_000.0);
        close(size(Engine::OpenSearch, w(Hnsw, Int8)), 112_640_000_000.0);
        // Small: 1.1 × (512 + 128) = 704 B × 10^6.
        close(size(Engine::OpenSearch, small(Hnsw, F32)), 704_000_000.0);
        // IVF W: 1.1 × (307.2e9 + 4 × 65,536 × 768 = 201,326,592) = 338,141,459,251.2.
        close(size(Engine::OpenSearch, w(IvfFlat, F32)), 338_141_459_251.2);
        // IVF-PQ W: 1.1 × ((64 + 24) × 10^8 + 300 × (256 × 4 × 768 + 4 × 65,536 × 768))
        // = 1.1 × (8.8e9 + 300 × 202,113,024 = 60,633,907,200) = 76,377,297,920.
        close(size(Engine::OpenSearch, w(IvfPq, F32)), 76_377_297_920.0);
        // HNSW-PQ W: 1.1 × ((64 + 24 + 256) × 10^8 + 300 × 256 × 4 × 768 = 235,929,600)
        // = 1.1 × 34,635,929,600 = 38,099,522,560.
        close(size(Engine::OpenSearch, w(Hnsw, Pq)), 38_099_522_560.0);
        // Small IVF binary: 1.1 × (16 B × 10^6 + 1,024 × 16) = 1.1 × 16,016,384 = 17,618,022.4.
        close(
            size(Engine::OpenSearch, small(IvfFlat, Binary)),
            17_618_022.4,
        );
        // on_disk at W: 1.1 × (768 / 8 + 8 × 32) × 10^8 = 1.1 × 352 × 10^8 = 38.72e9.
        close(
            step_with(Engine::OpenSearch, w(Hnsw, F32), "on_disk").value,
            38_720_000_000.0,
        );
        assert!(variant(Engine::OpenSearch, Flat, F32, 768.0).is_none());
    }
}

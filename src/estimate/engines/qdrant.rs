//! Qdrant: its capacity-planning page (qdrant/landing_page
//! qdrant-landing/content/documentation/capacity-planning.md, "Calculating RAM and Disk Size")
//! sums what sits in RAM in the default tiers, dense vectors (`cached`) + the HNSW graph
//! (`cached`, base × m × 2 × 4 B × 1.2) + the id tracker (always resident, 52 B a point), then
//! adds about 20% headroom. One copy: the base is the points, replication factor 1. Its
//! memory-saving option is quantisation: a compressed copy `pinned` in RAM, the originals moved
//! to `cold` (…/manage-data/quantization.md).

use super::{Basis, DIM, Formula, HNSW_M, Shape, Variant, v};
use crate::estimate::{Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

const SRC: &str = "qdrant/landing_page qdrant-landing/content/documentation/capacity-planning.md";
const QUANT_SRC: &str = "qdrant/landing_page qdrant-landing/content/documentation/capacity-planning.md, qdrant-landing/content/documentation/manage-data/quantization.md";

/// The id tracker's bytes per point, always in RAM.
pub const ID_TRACKER: f64 = 52.0;
/// The headroom the page adds on the RAM total.
pub const HEADROOM: f64 = 1.2;
/// 4-bit TurboQuant (`bits4`, the default encoding): 8× of float32, 0.5 B a dimension.
pub const TURBO4: f64 = 0.5;

pub(super) fn variant(kind: IndexKind, dtype: Dtype) -> Option<Variant> {
    use Dtype::*;
    let graph = match kind {
        IndexKind::Hnsw => true,
        IndexKind::Flat => false,
        _ => return None,
    };
    let dense = |name| v(Formula::QdrantDense, name, Basis::Documented, SRC);
    let binary = |name| v(Formula::QdrantBinary, name, Basis::Documented, QUANT_SRC);
    Some(match (dtype, graph) {
        (F32, true) => dense("float32"),
        (F16, true) => dense("float16"),
        (Int8, true) => dense("uint8"),
        (Binary, true) => binary("binary quantization, float32 cold"),
        (F32, false) => dense("float32, no graph (m 0)"),
        (F16, false) => dense("float16, no graph (m 0)"),
        (Int8, false) => dense("uint8, no graph (m 0)"),
        (Binary, false) => binary("binary quantization, float32 cold, no graph (m 0)"),
        // Qdrant's datatypes are float32, float16 and uint8: no bfloat16, no PQ.
        (Bf16 | Pq, _) => return None,
    })
}

/// The page's RAM: (vectors in RAM + graph + id tracker) × 1.2, for `n` points.
pub fn ram(n: f64, vector_bytes: f64, m: f64) -> f64 {
    (n * vector_bytes + hnsw(n, m) + n * ID_TRACKER) * HEADROOM
}

/// The page's HNSW graph: base × m × 2 × 4 B × 1.2 (no graph for m 0).
pub fn hnsw(n: f64, m: f64) -> f64 {
    n * m * 2.0 * 4.0 * 1.2
}

pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    let (n, d) = (p.n, p.d);
    let m = if p.kind == IndexKind::Hnsw { p.m } else { 0.0 };
    let binary = found.formula == Formula::QdrantBinary;
    // Bytes a dimension of what sits in RAM: the datatype's, or binary quantization's bit.
    let b = if binary { 1.0 / 8.0 } else { p.data / d };
    let vectors = n * d * b;
    t.step(vectors, Kind::Size, |w| {
        if binary {
            w.t("binary quantization pinned in RAM (1 bit a dim, 32×; the float32 originals ")
                .t("in the cold tier, on disk): ");
        } else {
            w.t("dense vectors, cached tier: ");
        }
        w.q(n, Kind::Count)
            .t(" points")
            .op(Op::Times)
            .n(d)
            .of(DIM)
            .t(" dims")
            .op(Op::Times)
            .sig(b)
            .t(" B")
            .op(Op::Equals)
            .q(vectors, Kind::Size);
    });
    let graph = hnsw(n, m);
    if graph > 0.0 {
        t.step(graph, Kind::Size, |w| {
            w.t("HNSW graph, cached tier: ")
                .q(n, Kind::Count)
                .op(Op::Times)
                .t("m ")
                .n(m)
                .of(HNSW_M)
                .op(Op::Times)
                .t("2")
                .op(Op::Times)
                .t("4 B")
                .op(Op::Times)
                .t("1.2")
                .op(Op::Equals)
                .q(graph, Kind::Size);
        });
    }
    let total = ram(n, d * b, m);
    t.step(total, Kind::Size, |w| {
        w.t("(").q(vectors, Kind::Size).op(Op::Plus);
        if graph > 0.0 {
            w.q(graph, Kind::Size).op(Op::Plus);
        }
        w.t("id tracker ")
            .q(n, Kind::Count)
            .op(Op::Times)
            .t("52 B)")
            .op(Op::Times)
            .t("1.2 headroom")
            .op(Op::Equals)
            .q(total, Kind::Size);
        if graph == 0.0 {
            w.t(", no HNSW graph (hnsw_config m 0: a full scan)");
        }
        w.t(": RAM for one copy (replication factor 1) in the default tiers (documented: ")
            .t(found.source)
            .t(")");
    });
    if !binary {
        quantised(p, graph, total, t);
    }
    total
}

/// The memory-saving option: a 4-bit TurboQuant copy pinned in RAM, the originals cold.
fn quantised<T: Trace>(p: &Shape, graph: f64, total: f64, t: &mut T) {
    if p.dtype == Dtype::Int8 {
        t.step(total, Kind::Size, |w| {
            w.t("memory-saving option, not modelled for uint8 originals: quantisation (a ")
                .t("compressed copy pinned in RAM, the originals cold) (")
                .t(QUANT_SRC)
                .t(")");
        });
        return;
    }
    let n = p.n;
    let quantised = n * p.d * TURBO4;
    let with = (quantised + graph + n * ID_TRACKER) * HEADROOM;
    t.step(with, Kind::Size, |w| {
        w.t("memory-saving option, quantisation: 4-bit TurboQuant (bits4, the default, 8× of ")
            .t("float32) pinned in RAM, the originals moved to cold: (")
            .q(n, Kind::Count)
            .op(Op::Times)
            .n(p.d)
            .t(" dims")
            .op(Op::Times)
            .t("0.5 B")
            .op(Op::Equals)
            .q(quantised, Kind::Size)
            .op(Op::Plus)
            .t("graph and id tracker as above)")
            .op(Op::Times)
            .t("1.2")
            .op(Op::Equals)
            .q(with, Kind::Size)
            .t(" (")
            .t(QUANT_SRC)
            .t(")");
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, size, sized, small, step_with, w};
    use super::super::{Basis, Engine, variant};
    use super::{hnsw, ram};
    use crate::scenario::Dtype::*;
    use crate::scenario::IndexKind::*;

    #[test]
    fn qdrant_reproduces_its_capacity_planning_example() {
        // The page's example: 1M points, replication factor 2 → base 2,000,000; 768 dims
        // float32, default m 16, everything in the default tiers:
        // dense 2,000,000 × 768 × 4 B = 6,144,000,000 B ("≈ 5.72 GB", GiB);
        // HNSW 2,000,000 × 16 × 2 × 4 B × 1.2 = 307,200,000 B ("≈ 0.29 GB");
        // id tracker 2,000,000 × 52 B = 104,000,000 B ("≈ 0.10 GB");
        // RAM = 6,555,200,000 B ("≈ 6.11 GB") × 1.2 = 7,866,240,000 B ("≈ 7.33 GB to plan for").
        close(hnsw(2e6, 16.0), 307_200_000.0);
        close(ram(2e6, 3072.0, 16.0), 7_866_240_000.0);
        let page = sized(Hnsw, F32, 2e6, 768.0, 16.0);
        close(size(Engine::Qdrant, page), 7_866_240_000.0);
        // Its quantised example: 4-bit TurboQuant, originals cold: 2,000,000 × 768 × 0.5 B
        // = 768,000,000 B ("≈ 0.72 GB"); with the graph and id tracker as above:
        // (768,000,000 + 307,200,000 + 104,000,000) × 1.2 = 1,179,200,000 × 1.2
        // = 1,415,040,000 B.
        let line = step_with(Engine::Qdrant, page, "TurboQuant");
        close(line.value, 1_415_040_000.0);
    }

    #[test]
    fn qdrant_sizes_the_datatype_the_graph_and_the_id_tracker() {
        // W: 10^8 × (3,072 + 32 × 2 × 4 × 1.2 = 307.2 + 52) = 343.12e9 × 1.2 = 411.744e9.
        close(size(Engine::Qdrant, w(Hnsw, F32)), 411_744_000_000.0);
        // Small float16: 10^6 × (256 + 16 × 8 × 1.2 = 153.6 + 52) = 461.6e6 × 1.2 = 553.92e6.
        close(size(Engine::Qdrant, small(Hnsw, F16)), 553_920_000.0);
        // Small flat (m 0, no graph): 10^6 × (512 + 52) × 1.2 = 676.8e6.
        close(size(Engine::Qdrant, small(Flat, F32)), 676_800_000.0);
        // Binary quantization, originals cold: small 10^6 × (128/8 = 16 + 153.6 + 52)
        // = 221.6e6 × 1.2 = 265.92e6.
        close(size(Engine::Qdrant, small(Hnsw, Binary)), 265_920_000.0);
        let basis = variant(Engine::Qdrant, Hnsw, F32, 768.0).unwrap().basis;
        assert_eq!(basis, Basis::Documented);
        assert!(variant(Engine::Qdrant, IvfFlat, F32, 768.0).is_none());
        assert!(variant(Engine::Qdrant, Hnsw, Pq, 768.0).is_none());
    }
}

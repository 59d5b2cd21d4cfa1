//! hnswlib: the exact layout of `HierarchicalNSW<float>` and `BruteforceSearch<float>`, read from
//! its code (nmslib/hnswlib hnswlib/hnswalg.h, hnswlib/bruteforce.h).

use super::{Basis, DIM, Formula, Shape, Variant, v};
use crate::estimate::{Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

const HNSW_SRC: &str = "nmslib/hnswlib hnswlib/hnswalg.h";
const FLAT_SRC: &str = "nmslib/hnswlib hnswlib/bruteforce.h";

/// hnswlib's `label_lookup_` (a `std::unordered_map<size_t, unsigned>`): a 32 B node chunk plus
/// ≈ 8.12 B of buckets per entry, measured with libstdc++ and glibc on x86-64 (an estimate).
pub const LABEL_MAP: f64 = 40.117897;
/// `sizeof(std::mutex)` with glibc on x86-64: hnswlib keeps one per element.
pub const MUTEX: f64 = 40.0;

pub(super) fn variant(kind: IndexKind, dtype: Dtype) -> Option<Variant> {
    match (kind, dtype) {
        (IndexKind::Hnsw, Dtype::F32) => Some(v(
            Formula::HnswlibHnsw,
            "HierarchicalNSW<float>",
            Basis::Layout,
            HNSW_SRC,
        )),
        (IndexKind::Flat, Dtype::F32) => Some(v(
            Formula::HnswlibFlat,
            "BruteforceSearch<float>",
            Basis::Layout,
            FLAT_SRC,
        )),
        _ => None,
    }
}

pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    if found.formula == Formula::HnswlibFlat {
        return flat(p, t);
    }
    let (n, m) = (p.n, p.m);
    let level0 = level0(p, t);
    let (upper, headers) = upper_levels(m);
    let list = 4.0 * m + 4.0;
    t.step(upper + headers, Kind::Size, |w| {
        w.t("upper levels: (4·M")
            .op(Op::Plus)
            .t("4")
            .op(Op::Equals)
            .n(list)
            .t(" B)")
            .op(Op::Times)
            .t("1/(M−1)")
            .op(Op::Plus)
            .t("1 B")
            .op(Op::Times)
            .t("1/M")
            .op(Op::Equals)
            .n(upper)
            .t(" B, plus malloc chunk headers ")
            .n(headers)
            .t(" B");
    });
    let per = level0 + 8.0 + 4.0 + MUTEX + 2.0 + upper + headers + LABEL_MAP;
    t.step(per, Kind::Size, |w| {
        w.n(level0)
            .op(Op::Plus)
            .t("8 B list pointer")
            .op(Op::Plus)
            .t("4 B level")
            .op(Op::Plus)
            .n(MUTEX)
            .t(" B mutex")
            .op(Op::Plus)
            .t("2 B visited list")
            .op(Op::Plus)
            .n(upper + headers)
            .t(" B upper")
            .op(Op::Plus)
            .n(LABEL_MAP)
            .t(" B label map (measured, libstdc++: an estimate)")
            .op(Op::Equals)
            .q(per, Kind::Size)
            .t(" per vector");
    });
    let total = n * per;
    t.step(total, Kind::Size, |w| {
        w.q(n, Kind::Count)
            .t(" vectors")
            .op(Op::Times)
            .q(per, Kind::Size)
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(" (layout from code: ")
            .t(HNSW_SRC)
            .t(")");
    });
    total
}

/// The level-0 block of one element: 2·M links, their count, the vector and the label.
fn level0<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let (d, m) = (p.d, p.m);
    let level0 = 8.0 * m + 4.0 + 4.0 * d + 8.0;
    t.step(level0, Kind::Size, |w| {
        w.t("level-0 block: 2·M ")
            .n(2.0 * m)
            .t(" links")
            .op(Op::Times)
            .t("4 B")
            .op(Op::Plus)
            .t("4 B count")
            .op(Op::Plus)
            .t("4 B")
            .op(Op::Times)
            .n(d)
            .of(DIM)
            .t(" dims")
            .op(Op::Plus)
            .t("8 B label")
            .op(Op::Equals)
            .q(level0, Kind::Size);
    });
    level0
}

/// The upper levels per element, and the malloc chunk headers of their link lists: P(level ≥
/// l) = M^-l, so E[level] = 1/(M−1) lists of (4·M + 4) B, each malloc'd with one byte more, in
/// a glibc chunk.
fn upper_levels(m: f64) -> (f64, f64) {
    let list = 4.0 * m + 4.0;
    let upper = list / (m - 1.0) + 1.0 / m;
    let mut headers = 0.0;
    let mut level = 1.0;
    let mut share = (1.0 / m) * (1.0 - 1.0 / m);
    while share > 1e-15 {
        let asked = list * level + 1.0;
        headers += share * (malloc_chunk(asked) - asked);
        level += 1.0;
        share /= m;
    }
    (upper, headers)
}

/// The size of a glibc malloc chunk for a request of `x` bytes (8 B header, 16 B steps, 32 B
/// at least).
fn malloc_chunk(x: f64) -> f64 {
    (((x + 8.0) / 16.0).ceil() * 16.0).max(32.0)
}

fn flat<T: Trace>(p: &Shape, t: &mut T) -> f64 {
    let (n, d) = (p.n, p.d);
    let per = 4.0 * d + 8.0 + LABEL_MAP;
    let total = n * per;
    t.step(total, Kind::Size, |w| {
        w.q(n, Kind::Count)
            .t(" vectors")
            .op(Op::Times)
            .t("(4 B")
            .op(Op::Times)
            .n(d)
            .of(DIM)
            .t(" dims")
            .op(Op::Plus)
            .t("8 B label")
            .op(Op::Plus)
            .n(LABEL_MAP)
            .t(" B label map, measured: an estimate)")
            .op(Op::Equals)
            .q(n, Kind::Count)
            .op(Op::Times)
            .q(per, Kind::Size)
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(" (layout from code: ")
            .t(FLAT_SRC)
            .t(")");
    });
    total
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, size, small, w};
    use super::super::{Engine, variant};
    use crate::scenario::Dtype::*;
    use crate::scenario::IndexKind::*;

    #[test]
    fn hnswlib_allocates_its_level_0_block_upper_lists_locks_and_label_map() {
        // W: level 0 = 64 × 4 + 4 + 3,072 + 8 = 3,340; + 8 pointer + 4 level + 40 mutex
        // + 2 visited = 3,394; upper 132/31 + 1/32 = 4.258065 + 0.03125 = 4.289315;
        // malloc headers: malloc(133) is a 144 B chunk (11 B) × P(level 1) 31/1,024
        // + 23 B × 31/32,768 + 19 B × 31/1,048,576 + … = 0.355343; label map 40.117897.
        // 3,340 + 54 + 4.289315 + 0.355343 + 40.117897 = 3,438.762555 B × 10^8.
        let got = size(Engine::Hnswlib, w(Hnsw, F32));
        assert!((got - 343_876_255_500.0).abs() < 1e3, "{got}");
        // Small: level 0 = 32 × 4 + 4 + 512 + 8 = 652; + 54 = 706; upper 68/15 + 1/16
        // = 4.533333 + 0.0625 = 4.595833; headers: malloc(69) → 80 (11 B) × 15/256
        // = 0.644531, malloc(137) → 160 (23 B) × 15/4,096 = 0.084229, malloc(205) → 224
        // (19 B) × 15/65,536 = 0.004349, malloc(273) → 288 (15 B) × 15/16^5 = 0.000215,
        // then 0.000011: 0.733334. 706 + 4.595833 + 0.733334 + 40.117897 = 751.447064.
        let got = size(Engine::Hnswlib, small(Hnsw, F32));
        assert!((got - 751_447_064.0).abs() < 2.0, "{got}");
        // Flat (bruteforce.h): 512 + 8 label + 40.117897 = 560.117897 B × 10^6.
        close(size(Engine::Hnswlib, small(Flat, F32)), 560_117_897.0);
        assert!(variant(Engine::Hnswlib, IvfFlat, F32, 128.0).is_none());
        assert!(variant(Engine::Hnswlib, Hnsw, F16, 128.0).is_none());
    }
}

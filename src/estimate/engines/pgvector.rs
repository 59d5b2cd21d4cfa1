//! pgvector: the exact page layout of its HNSW and IVFFlat indexes, read from its code
//! (pgvector/pgvector src/hnsw.h, src/hnswbuild.c, src/ivfflat.h, src/ivfbuild.c): tuples
//! packed into 8 KiB PostgreSQL pages, which the index needs in shared buffers or the page cache.

use super::{Basis, Formula, NLIST, Shape, Variant, v};
use crate::estimate::{Bracket, Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

const HNSW_SRC: &str = "pgvector/pgvector src/hnsw.h, src/hnswbuild.c";
const IVF_SRC: &str = "pgvector/pgvector src/ivfflat.h, src/ivfbuild.c";

/// A PostgreSQL page, and what is left of it after the page header (24 B) and the index's
/// special space (8 B).
pub const PAGE: f64 = 8192.0;
pub const USABLE: f64 = 8160.0;

pub(super) fn variant(kind: IndexKind, dtype: Dtype) -> Option<Variant> {
    use Dtype::*;
    use IndexKind::*;
    let hnsw = |name| v(Formula::PgvectorHnsw, name, Basis::Layout, HNSW_SRC);
    let ivf = |name| v(Formula::PgvectorIvfflat, name, Basis::Layout, IVF_SRC);
    Some(match (kind, dtype) {
        (Hnsw, F32) => hnsw("hnsw vector"),
        (Hnsw, F16) => hnsw("hnsw halfvec"),
        (Hnsw, Binary) => hnsw("hnsw bit"),
        (IvfFlat, F32) => ivf("ivfflat vector"),
        (IvfFlat, F16) => ivf("ivfflat halfvec"),
        _ => return None,
    })
}

fn maxalign(x: f64) -> f64 {
    (x / 8.0).ceil() * 8.0
}

/// None when an element does not fit a page (pgvector refuses such an index).
pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> Option<f64> {
    if found.formula == Formula::PgvectorIvfflat {
        ivfflat(p, t)
    } else {
        hnsw(p, t)
    }
}

fn hnsw<T: Trace>(p: &Shape, t: &mut T) -> Option<f64> {
    let (n, m) = (p.n, p.m);
    // A stored value: varlena header and dims (8 B), then the components.
    let value = 8.0 + p.data;
    let element = maxalign(72.0 + value);
    let neighbours = maxalign(4.0 + 6.0 * 2.0 * m);
    let pair = element + neighbours + 8.0;
    let per_page = (USABLE / pair).floor();
    if per_page < 1.0 {
        return None;
    }
    t.step(pair, Kind::Size, |w| {
        w.t("element MAXALIGN(72")
            .op(Op::Plus)
            .n(value)
            .t(" B value)")
            .op(Op::Equals)
            .n(element)
            .op(Op::Plus)
            .t("level-0 neighbours MAXALIGN(4")
            .op(Op::Plus)
            .t("6 B")
            .op(Op::Times)
            .t("2·m ")
            .n(2.0 * m)
            .t(")")
            .op(Op::Equals)
            .n(neighbours)
            .op(Op::Plus)
            .t("2 line pointers 8 B")
            .op(Op::Equals)
            .q(pair, Kind::Size);
    });
    let pages = (n / per_page).ceil() + 1.0;
    let total = pages * PAGE;
    t.step(total, Kind::Size, |w| {
        w.bracket(Bracket::FloorOpen)
            .t("8,160")
            .op(Op::Divide)
            .n(pair)
            .bracket(Bracket::FloorClose)
            .op(Op::Equals)
            .n(per_page)
            .t(" per 8 KiB page: (")
            .bracket(Bracket::CeilOpen)
            .q(n, Kind::Count)
            .op(Op::Divide)
            .n(per_page)
            .bracket(Bracket::CeilClose)
            .op(Op::Plus)
            .t("1 meta page)")
            .op(Op::Times)
            .t("8,192 B")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(": level-0 page packing, a lower bound (an upper-level element, 1 in m, holds ")
            .t("m more neighbour slots and can push one to the next page) (layout from code: ")
            .t(HNSW_SRC)
            .t(")");
    });
    Some(total)
}

fn ivfflat<T: Trace>(p: &Shape, t: &mut T) -> Option<f64> {
    let n = p.n;
    let value = 8.0 + p.data;
    // An entry (8 B index tuple header) and a list's centroid (two 4 B block numbers) take the
    // same MAXALIGN(8 + value) and a 4 B line pointer.
    let tuple = maxalign(8.0 + value) + 4.0;
    let per_page = (USABLE / tuple).floor();
    if per_page < 1.0 {
        return None;
    }
    let per_list = (n / p.nlist / per_page).ceil();
    let pages = p.nlist * per_list + (p.nlist / per_page).ceil() + 1.0;
    let total = pages * PAGE;
    t.step(total, Kind::Size, |w| {
        w.t("tuple MAXALIGN(8")
            .op(Op::Plus)
            .n(value)
            .t(" B value)")
            .op(Op::Plus)
            .t("4")
            .op(Op::Equals)
            .n(tuple)
            .t(" B, ")
            .n(per_page)
            .t(" per 8 KiB page: (")
            .n(p.nlist)
            .of(NLIST)
            .t(" lists")
            .op(Op::Times)
            .bracket(Bracket::CeilOpen)
            .q(n / p.nlist, Kind::Count)
            .op(Op::Divide)
            .n(per_page)
            .bracket(Bracket::CeilClose)
            .t(" pages")
            .op(Op::Plus)
            .bracket(Bracket::CeilOpen)
            .n(p.nlist)
            .t(" centroids")
            .op(Op::Divide)
            .n(per_page)
            .bracket(Bracket::CeilClose)
            .op(Op::Plus)
            .t("1 meta)")
            .op(Op::Times)
            .t("8,192 B")
            .op(Op::Equals)
            .q(total, Kind::Size)
            .t(", lists taken as equal (layout from code: ")
            .t(IVF_SRC)
            .t(")");
    });
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, size, small, w};
    use super::super::{Engine, Shape, memory, variant};
    use crate::estimate::Silent;
    use crate::scenario::Dtype::*;
    use crate::scenario::IndexKind::*;

    #[test]
    fn pgvector_packs_8_kib_pages() {
        // W vector: MAXALIGN(72 + 3,080) = 3,152 + MAXALIGN(4 + 6 × 64 = 388) = 392 + 8
        // = 3,552; ⌊8,160 ÷ 3,552⌋ = 2 per page: (5 × 10^7 + 1) × 8,192 = 409,600,008,192.
        close(size(Engine::Pgvector, w(Hnsw, F32)), 409_600_008_192.0);
        // W halfvec: MAXALIGN(72 + 1,544) = 1,616 + 392 + 8 = 2,016; 4 per page:
        // (2.5 × 10^7 + 1) × 8,192 = 204,800,008,192.
        close(size(Engine::Pgvector, w(Hnsw, F16)), 204_800_008_192.0);
        // Small vector: MAXALIGN(72 + 520) = 592 + MAXALIGN(4 + 6 × 32 = 196) = 200 + 8 = 800;
        // 10 per page: (100,000 + 1) × 8,192 = 819,208,192.
        close(size(Engine::Pgvector, small(Hnsw, F32)), 819_208_192.0);
        // W ivfflat, 10,000 lists: MAXALIGN(8 + 3,080) + 4 = 3,092, 2 per page; 10,000 lists
        // × 5,000 pages + 5,000 centroid pages + 1 = 50,005,001 × 8,192 = 409,640,968,192.
        let lists = Shape {
            nlist: 10_000.0,
            ..w(IvfFlat, F32)
        };
        close(size(Engine::Pgvector, lists), 409_640_968_192.0);
        // Small ivfflat: MAXALIGN(8 + 520) + 4 = 532, 15 per page (7,980; 16 would be 8,512);
        // 1,024 lists of 976.5625 → ⌈65.1⌉ = 66 pages; centroids ⌈1,024 ÷ 15⌉ = 69; + 1:
        // (67,584 + 69 + 1) × 8,192 = 67,654 × 8,192 = 554,221,568.
        close(size(Engine::Pgvector, small(IvfFlat, F32)), 554_221_568.0);
        // Over 2,000 f32 dims an element does not fit a page: pgvector refuses, left out.
        let wide = Shape {
            d: 2048.0,
            data: 8192.0,
            ..w(Hnsw, F32)
        };
        assert_eq!(memory(Engine::Pgvector, &wide, &mut Silent), None);
        assert!(variant(Engine::Pgvector, Flat, F32, 768.0).is_none());
    }
}

//! Faiss: napkin's own layout (`index.memory`), under the name of the index Faiss would build
//! for the scenario's kind and dtype (an HNSW over int8, f16 or bf16 codes is an `IndexHNSWSQ`, not an
//! `IndexHNSWFlat`).

use super::{Basis, Formula, Shape, Variant, v};
use crate::estimate::Trace;
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

pub(super) fn variant(kind: IndexKind, dtype: Dtype) -> Variant {
    let (name, source) = index(kind, dtype);
    v(Formula::Faiss, name, Basis::Layout, source)
}

/// The Faiss class napkin's layout of a `kind` index over `dtype` vectors is, and where the
/// layout comes from.
fn index(kind: IndexKind, dtype: Dtype) -> (&'static str, &'static str) {
    use Dtype::*;
    use IndexKind::*;
    match (kind, dtype) {
        (Flat, F32) => ("IndexFlat", "facebookresearch/faiss faiss/IndexFlat.h"),
        (Flat, F16) => ("IndexScalarQuantizer (QT_fp16)", SQ_SRC),
        (Flat, Bf16) => ("IndexScalarQuantizer (QT_bf16)", SQ_SRC),
        (Flat, Int8) => ("IndexScalarQuantizer (QT_8bit)", SQ_SRC),
        (Flat, Binary) => (
            "IndexBinaryFlat",
            "facebookresearch/faiss faiss/IndexBinaryFlat.h",
        ),
        (Flat, Pq) => ("IndexPQ", "facebookresearch/faiss faiss/IndexPQ.h"),
        (IvfFlat, F32) => ("IndexIVFFlat", IVF_SRC),
        (IvfFlat, F16) => ("IndexIVFScalarQuantizer (QT_fp16)", IVF_SQ_SRC),
        (IvfFlat, Bf16) => ("IndexIVFScalarQuantizer (QT_bf16)", IVF_SQ_SRC),
        (IvfFlat, Int8) | (IvfSq8, _) => ("IndexIVFScalarQuantizer (QT_8bit)", IVF_SQ_SRC),
        (IvfFlat, Binary) => (
            "IndexBinaryIVF",
            "facebookresearch/faiss faiss/IndexBinaryIVF.h",
        ),
        (IvfFlat, Pq) | (IvfPq, _) => ("IndexIVFPQ", "facebookresearch/faiss faiss/IndexIVFPQ.cpp"),
        (Hnsw, F32) => ("IndexHNSWFlat", HNSW_SRC),
        (Hnsw, F16) => ("IndexHNSWSQ (QT_fp16)", HNSW_SRC),
        (Hnsw, Bf16) => ("IndexHNSWSQ (QT_bf16)", HNSW_SRC),
        (Hnsw, Int8) => ("IndexHNSWSQ (QT_8bit)", HNSW_SRC),
        (Hnsw, Binary) => (
            "IndexBinaryHNSW",
            "facebookresearch/faiss faiss/IndexBinaryHNSW.h, faiss/impl/HNSW.h",
        ),
        (Hnsw, Pq) => ("IndexHNSWPQ", HNSW_SRC),
        (DiskAnn, _) => (
            "DiskANN (PQ codes in RAM)",
            "microsoft/DiskANN src/disk_utils.cpp",
        ),
    }
}

const SQ_SRC: &str = "facebookresearch/faiss faiss/IndexScalarQuantizer.h";
const IVF_SRC: &str = "facebookresearch/faiss faiss/IndexIVFFlat.h, faiss/invlists/InvertedLists.h";
const IVF_SQ_SRC: &str =
    "facebookresearch/faiss faiss/IndexScalarQuantizer.h, faiss/invlists/InvertedLists.h";
const HNSW_SRC: &str =
    "facebookresearch/faiss faiss/IndexHNSW.h, faiss/impl/HNSW.h, faiss/impl/HNSW.cpp";

pub(super) fn memory<T: Trace>(found: &Variant, p: &Shape, t: &mut T) -> f64 {
    t.step(p.faiss, Kind::Size, |w| {
        w.t("Faiss ")
            .t(found.name)
            .t(" layout, as index.memory: ")
            .q(p.faiss, Kind::Size)
            .t(" (layout from code: ")
            .t(found.source)
            .t(")");
    });
    p.faiss
}

#[cfg(test)]
mod tests {
    use super::super::tests::w;
    use super::super::{Engine, memory, variant};
    use crate::estimate::Silent;
    use crate::scenario::{Dtype, IndexKind};

    #[test]
    fn faiss_is_napkins_layout_for_every_kind() {
        for kind in IndexKind::ALL {
            for dtype in Dtype::ALL {
                let p = super::super::Shape {
                    faiss: 123.0,
                    ..w(kind, dtype)
                };
                assert_eq!(memory(Engine::Faiss, &p, &mut Silent), Some(123.0));
            }
        }
    }

    #[test]
    fn faiss_names_the_index_it_would_build() {
        let name = |kind, dtype| variant(Engine::Faiss, kind, dtype, 768.0).unwrap().name;
        assert_eq!(name(IndexKind::Hnsw, Dtype::F32), "IndexHNSWFlat");
        // int8 and f16 codes under a graph: faiss/IndexHNSW.h's IndexHNSWSQ.
        assert_eq!(name(IndexKind::Hnsw, Dtype::Int8), "IndexHNSWSQ (QT_8bit)");
        assert_eq!(name(IndexKind::Hnsw, Dtype::F16), "IndexHNSWSQ (QT_fp16)");
        assert_eq!(name(IndexKind::Hnsw, Dtype::Bf16), "IndexHNSWSQ (QT_bf16)");
        assert_eq!(name(IndexKind::Hnsw, Dtype::Binary), "IndexBinaryHNSW");
        assert_eq!(name(IndexKind::Flat, Dtype::F32), "IndexFlat");
        assert_eq!(
            name(IndexKind::IvfSq8, Dtype::F32),
            "IndexIVFScalarQuantizer (QT_8bit)"
        );
    }
}

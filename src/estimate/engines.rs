//! One index, every engine: the RAM one full copy of the scenario's index needs as each vector
//! engine sizes it, with the engine's own formula and its public source.
//!
//! Faiss is napkin's exact layout ([`super::index::layout`]); hnswlib and pgvector are exact
//! layouts read from their code; Milvus, Qdrant, Weaviate, OpenSearch and Elasticsearch are the
//! formulas their documentation (or sizing tool) gives, some of them rules of thumb. [`variant`]
//! maps napkin's index kind and dtype to the engine's documented variant, or to none: an engine
//! that documents no such index is left out, not guessed.

use super::{Bracket, Line, Op, Trace};
use crate::scenario::{Dtype, IndexKind};
use crate::units::Kind;

/// The engines compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engine {
    Faiss,
    Hnswlib,
    Milvus,
    Qdrant,
    Weaviate,
    OpenSearch,
    Elasticsearch,
    Pgvector,
}

/// How many engines there are: the length of [`Engine::ALL`] and of an [`EngineSizes`].
pub const ENGINES: usize = 8;

/// Each engine's memory for one copy, in bytes, by `Engine as usize`; None where the engine
/// documents no such index.
pub type EngineSizes = [Option<f64>; ENGINES];

impl Engine {
    pub const ALL: [Engine; ENGINES] = [
        Engine::Faiss,
        Engine::Hnswlib,
        Engine::Milvus,
        Engine::Qdrant,
        Engine::Weaviate,
        Engine::OpenSearch,
        Engine::Elasticsearch,
        Engine::Pgvector,
    ];

    /// The last part of its output id (`index.engine.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Engine::Faiss => "faiss",
            Engine::Hnswlib => "hnswlib",
            Engine::Milvus => "milvus",
            Engine::Qdrant => "qdrant",
            Engine::Weaviate => "weaviate",
            Engine::OpenSearch => "opensearch",
            Engine::Elasticsearch => "elasticsearch",
            Engine::Pgvector => "pgvector",
        }
    }

    /// As the engine writes its name.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Faiss => "Faiss",
            Engine::Hnswlib => "hnswlib",
            Engine::Milvus => "Milvus",
            Engine::Qdrant => "Qdrant",
            Engine::Weaviate => "Weaviate",
            Engine::OpenSearch => "OpenSearch",
            Engine::Elasticsearch => "Elasticsearch",
            Engine::Pgvector => "pgvector",
        }
    }

    /// The engine with this key.
    pub fn from_key(key: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.key() == key)
    }
}

/// What kind of source a figure rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// An exact layout, read from the engine's code.
    Layout,
    /// The engine's documented formula (or its sizing tool's).
    Documented,
    /// The engine's documented rule of thumb: a multiplier, not a layout.
    RuleOfThumb,
    /// Documented parts, combined here (the engine publishes no combined formula).
    Derived,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Layout => "layout",
            Basis::Documented => "documented",
            Basis::RuleOfThumb => "rule of thumb",
            Basis::Derived => "documented parts",
        }
    }
}

/// The engine's variant of the scenario's index: which formula, what the engine calls it, and
/// where the formula comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Variant {
    formula: Formula,
    /// The engine's own name for the index ("IndexHNSWFlat", "int8 HNSW", "halfvec hnsw").
    pub name: &'static str,
    pub basis: Basis,
    /// Repository and file, or documentation page.
    pub source: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Formula {
    Faiss,
    HnswlibHnsw,
    HnswlibFlat,
    MilvusTool,
    MilvusDiskAnn,
    MilvusIvfPqDocs,
    QdrantRule,
    WeaviateHnsw,
    WeaviateCompressed,
    OpenSearchHnsw,
    OpenSearchHnswPq,
    OpenSearchIvf,
    OpenSearchIvfPq,
    ElasticHnsw,
    ElasticFlat,
    PgvectorHnsw,
    PgvectorIvfflat,
}

/// Where napkin's layout of each index kind comes from, by `IndexKind as usize`.
const FAISS_SRCS: [&str; 6] = [
    "facebookresearch/faiss faiss/IndexFlat.h",
    "facebookresearch/faiss faiss/IndexIVFFlat.h, faiss/invlists/InvertedLists.h",
    "facebookresearch/faiss faiss/IndexScalarQuantizer.h, faiss/invlists/InvertedLists.h",
    "facebookresearch/faiss faiss/IndexIVFPQ.cpp",
    "facebookresearch/faiss faiss/impl/HNSW.h, faiss/impl/HNSW.cpp",
    "microsoft/DiskANN src/disk_utils.cpp",
];
const HNSWLIB_SRC: &str = "nmslib/hnswlib hnswlib/hnswalg.h";
const HNSWLIB_FLAT_SRC: &str = "nmslib/hnswlib hnswlib/bruteforce.h";
const MILVUS_TOOL_SRC: &str =
    "milvus-io/milvus.io src/utils/sizingTool.ts (milvus.io/tools/sizing)";
const MILVUS_DOCS_SRC: &str =
    "milvus-io/web-content v2.6.x/site/en/userGuide/indexes/index-explained.md";
const QDRANT_SRC: &str = "qdrant.tech/documentation/capacity-planning (qdrant/landing_page qdrant-landing/content/documentation/operations/capacity-planning.md); qdrant/skills skills/qdrant-sizing/SKILL.md";
const WEAVIATE_SRC: &str = "weaviate/docs docs/weaviate/concepts/resources.md";
const WEAVIATE_PQ_SRC: &str = "weaviate/docs docs/weaviate/concepts/resources.md, docs/weaviate/concepts/vector-quantization.md";
const OPENSEARCH_SRC: &str = "opensearch-project/documentation-website _mappings/supported-field-types/knn-methods-engines.md, knn-memory-optimized.md, _vector-search/optimizing-storage/faiss-scalar-quantization.md";
const OPENSEARCH_PQ_SRC: &str = "opensearch-project/documentation-website _vector-search/optimizing-storage/faiss-product-quantization.md";
const ELASTIC_SRC: &str = "elastic/docs-content deploy-manage/production-guidance/optimize-performance/approximate-knn-search.md (\"Tune approximate kNN search\")";
const PGVECTOR_HNSW_SRC: &str = "pgvector/pgvector src/hnsw.h, src/hnswbuild.c";
const PGVECTOR_IVF_SRC: &str = "pgvector/pgvector src/ivfflat.h, src/ivfbuild.c";

const fn v(formula: Formula, name: &'static str, basis: Basis, source: &'static str) -> Variant {
    Variant {
        formula,
        name,
        basis,
        source,
    }
}

/// The engine's documented variant of a `kind` index over `dtype` vectors, or None when the
/// engine documents no such index (or no RAM figure for it).
pub fn variant(engine: Engine, kind: IndexKind, dtype: Dtype) -> Option<Variant> {
    use Basis::*;
    use Dtype::*;
    use Formula as F;
    use IndexKind::*;
    let found = match (engine, kind, dtype) {
        (Engine::Faiss, _, _) => v(
            F::Faiss,
            FAISS_NAMES[kind as usize],
            Layout,
            FAISS_SRCS[kind as usize],
        ),
        (Engine::Hnswlib, Hnsw, F32) => v(
            F::HnswlibHnsw,
            "HierarchicalNSW<float>",
            Layout,
            HNSWLIB_SRC,
        ),
        (Engine::Hnswlib, IndexKind::Flat, F32) => v(
            F::HnswlibFlat,
            "BruteforceSearch<float>",
            Layout,
            HNSWLIB_FLAT_SRC,
        ),
        (Engine::Milvus, IndexKind::Flat, F32) => {
            v(F::MilvusTool, "FLAT", Documented, MILVUS_TOOL_SRC)
        }
        (Engine::Milvus, IvfFlat, F32) => v(F::MilvusTool, "IVF_FLAT", Documented, MILVUS_TOOL_SRC),
        (Engine::Milvus, IvfSq8, F32) => v(F::MilvusTool, "IVF_SQ8", Documented, MILVUS_TOOL_SRC),
        (Engine::Milvus, Hnsw, F32) => v(F::MilvusTool, "HNSW", Documented, MILVUS_TOOL_SRC),
        (Engine::Milvus, DiskAnn, F32) => {
            v(F::MilvusDiskAnn, "DISKANN", Documented, MILVUS_TOOL_SRC)
        }
        (Engine::Milvus, IvfPq, F32) => {
            v(F::MilvusIvfPqDocs, "IVF_PQ", Documented, MILVUS_DOCS_SRC)
        }
        (Engine::Qdrant, Hnsw | IndexKind::Flat, F32) => {
            v(F::QdrantRule, "float32", RuleOfThumb, QDRANT_SRC)
        }
        (Engine::Qdrant, Hnsw | IndexKind::Flat, F16) => {
            v(F::QdrantRule, "float16", RuleOfThumb, QDRANT_SRC)
        }
        (Engine::Qdrant, Hnsw | IndexKind::Flat, Int8) => {
            v(F::QdrantRule, "uint8", RuleOfThumb, QDRANT_SRC)
        }
        (Engine::Weaviate, Hnsw, F32) => v(F::WeaviateHnsw, "hnsw", Documented, WEAVIATE_SRC),
        (Engine::Weaviate, Hnsw, Int8) => {
            v(F::WeaviateCompressed, "hnsw + SQ", Derived, WEAVIATE_PQ_SRC)
        }
        (Engine::Weaviate, Hnsw, Binary) => {
            v(F::WeaviateCompressed, "hnsw + BQ", Derived, WEAVIATE_PQ_SRC)
        }
        (Engine::Weaviate, Hnsw, Pq) => {
            v(F::WeaviateCompressed, "hnsw + PQ", Derived, WEAVIATE_PQ_SRC)
        }
        (Engine::OpenSearch, Hnsw, F32) => {
            v(F::OpenSearchHnsw, "HNSW float", Documented, OPENSEARCH_SRC)
        }
        (Engine::OpenSearch, Hnsw, F16) => v(
            F::OpenSearchHnsw,
            "HNSW fp16 (Faiss SQ)",
            Documented,
            OPENSEARCH_SRC,
        ),
        (Engine::OpenSearch, Hnsw, Int8) => {
            v(F::OpenSearchHnsw, "HNSW byte", Documented, OPENSEARCH_SRC)
        }
        (Engine::OpenSearch, Hnsw, Binary) => {
            v(F::OpenSearchHnsw, "HNSW binary", Documented, OPENSEARCH_SRC)
        }
        (Engine::OpenSearch, Hnsw, Pq) => v(
            F::OpenSearchHnswPq,
            "HNSW-PQ",
            Documented,
            OPENSEARCH_PQ_SRC,
        ),
        (Engine::OpenSearch, IvfFlat, F32) => {
            v(F::OpenSearchIvf, "IVF float", Documented, OPENSEARCH_SRC)
        }
        (Engine::OpenSearch, IvfFlat, F16) => v(
            F::OpenSearchIvf,
            "IVF fp16 (Faiss SQ)",
            Documented,
            OPENSEARCH_SRC,
        ),
        (Engine::OpenSearch, IvfFlat, Int8) => {
            v(F::OpenSearchIvf, "IVF byte", Documented, OPENSEARCH_SRC)
        }
        (Engine::OpenSearch, IvfFlat, Binary) => {
            v(F::OpenSearchIvf, "IVF binary", Documented, OPENSEARCH_SRC)
        }
        (Engine::OpenSearch, IvfPq, F32) => {
            v(F::OpenSearchIvfPq, "IVF-PQ", Documented, OPENSEARCH_PQ_SRC)
        }
        (Engine::Elasticsearch, Hnsw, F32) => {
            v(F::ElasticHnsw, "hnsw float", Documented, ELASTIC_SRC)
        }
        (Engine::Elasticsearch, Hnsw, Int8) => {
            v(F::ElasticHnsw, "hnsw byte", Documented, ELASTIC_SRC)
        }
        (Engine::Elasticsearch, Hnsw, Binary) => {
            v(F::ElasticHnsw, "hnsw bit", Documented, ELASTIC_SRC)
        }
        (Engine::Elasticsearch, IndexKind::Flat, F32) => {
            v(F::ElasticFlat, "flat float", Documented, ELASTIC_SRC)
        }
        (Engine::Elasticsearch, IndexKind::Flat, Int8) => {
            v(F::ElasticFlat, "flat byte", Documented, ELASTIC_SRC)
        }
        (Engine::Elasticsearch, IndexKind::Flat, Binary) => {
            v(F::ElasticFlat, "flat bit", Documented, ELASTIC_SRC)
        }
        (Engine::Pgvector, Hnsw, F32) => {
            v(F::PgvectorHnsw, "hnsw vector", Layout, PGVECTOR_HNSW_SRC)
        }
        (Engine::Pgvector, Hnsw, F16) => {
            v(F::PgvectorHnsw, "hnsw halfvec", Layout, PGVECTOR_HNSW_SRC)
        }
        (Engine::Pgvector, Hnsw, Binary) => {
            v(F::PgvectorHnsw, "hnsw bit", Layout, PGVECTOR_HNSW_SRC)
        }
        (Engine::Pgvector, IvfFlat, F32) => v(
            F::PgvectorIvfflat,
            "ivfflat vector",
            Layout,
            PGVECTOR_IVF_SRC,
        ),
        (Engine::Pgvector, IvfFlat, F16) => v(
            F::PgvectorIvfflat,
            "ivfflat halfvec",
            Layout,
            PGVECTOR_IVF_SRC,
        ),
        _ => return None,
    };
    Some(found)
}

/// Faiss's class for each napkin index kind, by `IndexKind as usize`.
const FAISS_NAMES: [&str; 6] = [
    "IndexFlat",
    "IndexIVFFlat",
    "IndexIVFScalarQuantizer (SQ8)",
    "IndexIVFPQ",
    "IndexHNSWFlat",
    "DiskANN (PQ codes in RAM)",
];

/// The scenario's index, as the formulas read it.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub kind: IndexKind,
    pub dtype: Dtype,
    /// Vectors.
    pub n: f64,
    /// Dimensions.
    pub d: f64,
    /// HNSW M.
    pub m: f64,
    /// IVF lists.
    pub nlist: f64,
    /// PQ codes per vector and bits per code (the index's, else the embeddings').
    pub pq_m: f64,
    pub nbits: f64,
    /// Bytes per vector of the dtype.
    pub data: f64,
    /// napkin's Faiss layout of one copy (`index.memory`).
    pub faiss: f64,
}

/// Milvus's sizing tool counts two segments (its default segment is 1,024 MiB) being loaded.
pub const MILVUS_SEGMENT: f64 = 1024.0 * 1024.0 * 1024.0;
/// hnswlib's `label_lookup_` (a `std::unordered_map<size_t, unsigned>`): a 32 B node chunk plus
/// ≈ 8.12 B of buckets per entry, measured with libstdc++ and glibc on x86-64 (an estimate).
pub const HNSWLIB_LABEL_MAP: f64 = 40.117897;
/// `sizeof(std::mutex)` with glibc on x86-64: hnswlib keeps one per element.
pub const MUTEX: f64 = 40.0;
/// A PostgreSQL page, and what is left of it after the page header (24 B) and the index's
/// special space (8 B).
pub const PG_PAGE: f64 = 8192.0;
pub const PG_USABLE: f64 = 8160.0;
/// OpenSearch's recommended segment count for the PQ formulas.
pub const OPENSEARCH_SEGMENTS: f64 = 300.0;

fn maxalign(x: f64) -> f64 {
    (x / 8.0).ceil() * 8.0
}

/// The size of a glibc malloc chunk for a request of `x` bytes (8 B header, 16 B steps, 32 B
/// at least).
fn malloc_chunk(x: f64) -> f64 {
    (((x + 8.0) / 16.0).ceil() * 16.0).max(32.0)
}

/// The memory of one copy of the index on `engine`, with its working, or None when the engine
/// documents no such index. Records steps only when it returns a size.
pub fn memory<T: Trace>(engine: Engine, p: &Shape, t: &mut T) -> Option<f64> {
    let found = variant(engine, p.kind, p.dtype)?;
    let (n, d, m) = (p.n, p.d, p.m);
    let src = found.source;
    let bytes = match found.formula {
        Formula::Faiss => {
            t.step(p.faiss, Kind::Size, |w| {
                w.t("Faiss ")
                    .t(found.name)
                    .t(" layout, as index.memory: ")
                    .q(p.faiss, Kind::Size)
                    .t(" (layout from code: ")
                    .t(src)
                    .t(")");
            });
            p.faiss
        }
        Formula::HnswlibHnsw => {
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
                    .t(" dims")
                    .op(Op::Plus)
                    .t("8 B label")
                    .op(Op::Equals)
                    .q(level0, Kind::Size);
            });
            // Upper levels: P(level ≥ l) = M^-l, so E[level] = 1/(M−1) lists of (4·M + 4) B,
            // each malloc'd with one byte more, in a glibc chunk.
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
            let per = level0 + 8.0 + 4.0 + MUTEX + 2.0 + upper + headers + HNSWLIB_LABEL_MAP;
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
                    .n(HNSWLIB_LABEL_MAP)
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
                    .t(src)
                    .t(")");
            });
            total
        }
        Formula::HnswlibFlat => {
            let per = 4.0 * d + 8.0 + HNSWLIB_LABEL_MAP;
            let total = n * per;
            t.step(total, Kind::Size, |w| {
                w.q(n, Kind::Count)
                    .t(" vectors")
                    .op(Op::Times)
                    .t("(4 B")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims")
                    .op(Op::Plus)
                    .t("8 B label")
                    .op(Op::Plus)
                    .n(HNSWLIB_LABEL_MAP)
                    .t(" B label map, measured: an estimate)")
                    .op(Op::Equals)
                    .q(n, Kind::Count)
                    .op(Op::Times)
                    .q(per, Kind::Size)
                    .op(Op::Equals)
                    .q(total, Kind::Size)
                    .t(" (layout from code: ")
                    .t(src)
                    .t(")");
            });
            total
        }
        Formula::MilvusTool => {
            let raw = n * 4.0 * d;
            let row = 4.0 * d;
            let raw_text = |w: &mut Line| {
                w.q(n, Kind::Count)
                    .op(Op::Times)
                    .t("4 B")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims")
                    .op(Op::Equals)
                    .q(raw, Kind::Size);
            };
            let index = match p.kind {
                IndexKind::IvfFlat | IndexKind::IvfSq8 => {
                    let (vectors, how) = if p.kind == IndexKind::IvfSq8 {
                        (raw / 4.0, "raw ÷ 4")
                    } else {
                        (raw, "raw")
                    };
                    let index = vectors + p.nlist * row;
                    t.step(index, Kind::Size, |w| {
                        w.t(found.name)
                            .t(": ")
                            .t(how)
                            .op(Op::Plus)
                            .n(p.nlist)
                            .t(" lists")
                            .op(Op::Times)
                            .n(row)
                            .t(" B")
                            .op(Op::Equals)
                            .q(index, Kind::Size)
                            .t(" (raw ");
                        raw_text(w);
                        w.t(")");
                    });
                    index
                }
                IndexKind::Hnsw => {
                    let index = (1.0 + 2.0 * m / d) * raw;
                    t.step(index, Kind::Size, |w| {
                        w.t("HNSW: (1")
                            .op(Op::Plus)
                            .t("2")
                            .op(Op::Times)
                            .t("M ")
                            .n(m)
                            .op(Op::Divide)
                            .n(d)
                            .t(" dims)")
                            .op(Op::Times)
                            .t("raw")
                            .op(Op::Equals)
                            .q(index, Kind::Size)
                            .t(" (raw ");
                        raw_text(w);
                        w.t(")");
                    });
                    index
                }
                _ => {
                    t.step(raw, Kind::Size, |w| {
                        w.t(found.name).t(": raw ");
                        raw_text(w);
                    });
                    raw
                }
            };
            let total = (index + 2.0 * MILVUS_SEGMENT) * 1.15;
            t.step(total, Kind::Size, |w| {
                w.t("loading memory: (")
                    .q(index, Kind::Size)
                    .op(Op::Plus)
                    .t("2 segments")
                    .op(Op::Times)
                    .t("1,024 MiB)")
                    .op(Op::Times)
                    .t("1.15")
                    .op(Op::Equals)
                    .q(total, Kind::Size)
                    .t(" (the sizing tool's estimate, float32 only: ")
                    .t(src)
                    .t(")");
            });
            total
        }
        Formula::MilvusDiskAnn => {
            let raw = n * 4.0 * d;
            let total = raw / 4.0 * 1.15;
            t.step(total, Kind::Size, |w| { w.t("DISKANN RAM: raw ").q(raw, Kind::Size).op(Op::Divide).t("4").op(Op::Times).t("1.15").op(Op::Equals).q(total, Kind::Size).t("; the graph and vectors are on disk (the sizing tool's estimate, float32 only: ").t(src).t(")"); });
            total
        }
        Formula::MilvusIvfPqDocs => {
            let code = p.pq_m * p.nbits / 8.0;
            let centroids = p.nlist * 4.0 * d;
            let total = n * (code + 2.0) + centroids;
            t.step(total, Kind::Size, |w| {
                w.q(n, Kind::Count)
                    .t(" vectors")
                    .op(Op::Times)
                    .t("(")
                    .n(code)
                    .t(" B code")
                    .op(Op::Plus)
                    .t("2 B cluster id)")
                    .op(Op::Plus)
                    .n(p.nlist)
                    .t(" lists")
                    .op(Op::Times)
                    .t("4 B")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims")
                    .op(Op::Equals)
                    .q(total, Kind::Size)
                    .t(" (the docs' recipe, a worked estimate: ")
                    .t(src)
                    .t("; the sizing tool has no IVF_PQ)");
            });
            total
        }
        Formula::QdrantRule => {
            let b = p.data / d;
            let hnsw = if p.kind == IndexKind::Hnsw {
                m * 2.0 * 4.0 * 1.2
            } else {
                0.0
            };
            let parts = n * (b * d + hnsw + 52.0);
            t.step(parts, Kind::Size, |w| {
                w.t("for comparison, Qdrant's component sum: ")
                    .q(n, Kind::Count)
                    .op(Op::Times)
                    .t("(")
                    .n(b)
                    .t(" B")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims")
                    .op(Op::Plus)
                    .t("HNSW m ")
                    .n(m)
                    .op(Op::Times)
                    .t("2")
                    .op(Op::Times)
                    .t("4 B")
                    .op(Op::Times)
                    .t("1.2")
                    .op(Op::Equals)
                    .n(hnsw)
                    .t(" B")
                    .op(Op::Plus)
                    .t("52 B id tracker)")
                    .op(Op::Equals)
                    .q(parts, Kind::Size)
                    .t(" (qdrant/skills skills/qdrant-sizing/SKILL.md)");
            });
            let total = n * d * b * 1.5;
            t.step(total, Kind::Size, |w| { w.q(n, Kind::Count).t(" vectors").op(Op::Times).n(d).t(" dims").op(Op::Times).n(b).t(" B").op(Op::Times).t("1.5").op(Op::Equals).q(total, Kind::Size).t(": the capacity-planning rule of thumb, 50% for metadata, indexes, point versions and optimisation segments, whatever the index and m (").t(src).t(")"); });
            total
        }
        Formula::WeaviateHnsw => {
            let raw = n * 4.0 * d;
            let doubled = n * (4.0 * d + 10.0 * 2.0 * m);
            let rule = 2.0 * raw;
            t.step(doubled, Kind::Size, |w| {
                w.t("with level 0's 2")
                    .op(Op::Times)
                    .t("maxConnections counted: ")
                    .q(n, Kind::Count)
                    .op(Op::Times)
                    .t("(4 B")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims")
                    .op(Op::Plus)
                    .t("10 B")
                    .op(Op::Times)
                    .n(2.0 * m)
                    .t(" connections)")
                    .op(Op::Equals)
                    .q(doubled, Kind::Size);
            });
            t.step(rule, Kind::Size, |w| {
                w.t("rule of thumb, with garbage collection: 2")
                    .op(Op::Times)
                    .t("the vectors ")
                    .q(raw, Kind::Size)
                    .op(Op::Equals)
                    .q(rule, Kind::Size);
            });
            let total = n * (4.0 * d + 10.0 * m);
            t.step(total, Kind::Size, |w| { w.q(n, Kind::Count).t(" vectors").op(Op::Times).t("(4 B").op(Op::Times).n(d).t(" dims").op(Op::Plus).t("10 B").op(Op::Times).t("maxConnections ").n(m).t(")").op(Op::Equals).q(total, Kind::Size).t(": the docs' \"more accurate\" estimate, 8–10 B a connection, without garbage collection (").t(src).t(")"); });
            total
        }
        Formula::WeaviateCompressed => {
            let total = n * (p.data + 10.0 * m);
            t.step(total, Kind::Size, |w| { w.q(n, Kind::Count).t(" vectors").op(Op::Times).t("(").n(p.data).t(" B compressed code").op(Op::Plus).t("10 B").op(Op::Times).t("maxConnections ").n(m).t(")").op(Op::Equals).q(total, Kind::Size).t(": compressed vectors in RAM, the originals on disk (documented parts combined: ").t(src).t(")"); });
            total
        }
        Formula::OpenSearchHnsw => {
            let per = 1.1 * (p.data + 8.0 * m);
            let total = n * per;
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
                    .t(")")
                    .op(Op::Equals)
                    .q(per, Kind::Size)
                    .t(" per vector")
                    .op(Op::Times)
                    .q(n, Kind::Count)
                    .op(Op::Equals)
                    .q(total, Kind::Size)
                    .t(": 10% overhead (documented: ")
                    .t(src)
                    .t(")");
            });
            total
        }
        Formula::OpenSearchHnswPq => {
            let code = p.nbits / 8.0 * p.pq_m;
            let books = OPENSEARCH_SEGMENTS * 2f64.powf(p.nbits) * 4.0 * d;
            let total = 1.1 * ((code + 24.0 + 8.0 * m) * n + books);
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
                    .n(m)
                    .t(")")
                    .op(Op::Times)
                    .q(n, Kind::Count)
                    .op(Op::Plus)
                    .t("300 segments")
                    .op(Op::Times)
                    .t("2^")
                    .n(p.nbits)
                    .op(Op::Times)
                    .t("4 B")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims)")
                    .op(Op::Equals)
                    .q(total, Kind::Size)
                    .t(" (documented: ")
                    .t(src)
                    .t(")");
            });
            total
        }
        Formula::OpenSearchIvf => {
            let centroid = if p.dtype == Dtype::Binary {
                d / 8.0
            } else {
                4.0 * d
            };
            let total = 1.1 * (p.data * n + p.nlist * centroid);
            t.step(total, Kind::Size, |w| {
                w.t("1.1")
                    .op(Op::Times)
                    .t("(")
                    .n(p.data)
                    .t(" B")
                    .op(Op::Times)
                    .q(n, Kind::Count)
                    .t(" vectors")
                    .op(Op::Plus)
                    .n(p.nlist)
                    .t(" lists")
                    .op(Op::Times)
                    .n(centroid)
                    .t(" B)")
                    .op(Op::Equals)
                    .q(total, Kind::Size)
                    .t(": 10% overhead (documented: ")
                    .t(src)
                    .t(")");
            });
            total
        }
        Formula::OpenSearchIvfPq => {
            let code = p.nbits / 8.0 * p.pq_m;
            let per_segment = 2f64.powf(p.nbits) * 4.0 * d + 4.0 * p.nlist * d;
            let total = 1.1 * ((code + 24.0) * n + OPENSEARCH_SEGMENTS * per_segment);
            t.step(total, Kind::Size, |w| {
                w.t("1.1")
                    .op(Op::Times)
                    .t("((")
                    .n(code)
                    .t(" B code")
                    .op(Op::Plus)
                    .t("24)")
                    .op(Op::Times)
                    .q(n, Kind::Count)
                    .op(Op::Plus)
                    .t("300 segments")
                    .op(Op::Times)
                    .t("(2^")
                    .n(p.nbits)
                    .op(Op::Times)
                    .t("4 B")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims")
                    .op(Op::Plus)
                    .t("4 B")
                    .op(Op::Times)
                    .n(p.nlist)
                    .t(" lists")
                    .op(Op::Times)
                    .n(d)
                    .t(" dims))")
                    .op(Op::Equals)
                    .q(total, Kind::Size)
                    .t(": each segment keeps its own coarse quantiser (documented: ")
                    .t(src)
                    .t(")");
            });
            total
        }
        Formula::ElasticHnsw | Formula::ElasticFlat => {
            let graph = if found.formula == Formula::ElasticHnsw {
                n * 4.0 * m
            } else {
                0.0
            };
            if p.dtype == Dtype::F32 && graph > 0.0 {
                let q = |per: f64| n * per + graph;
                t.step(q(d / 8.0 + 14.0), Kind::Size, |w| { w.t("for comparison, quantised in RAM (floats on disk): int8_hnsw ").q(q(d + 4.0), Kind::Size).t(", int4_hnsw ").q(q(d / 2.0 + 4.0), Kind::Size).t(", bbq_hnsw ").q(q(d / 8.0 + 14.0), Kind::Size).t(" (d").op(Op::Plus).t("4, d/2").op(Op::Plus).t("4, d/8").op(Op::Plus).t("14 B a vector); from 9.1 a float field of 384 dims or more defaults to bbq_hnsw"); });
            }
            let total = n * p.data + graph;
            if graph > 0.0 {
                t.step(total, Kind::Size, |w| {
                    w.q(n, Kind::Count)
                        .t(" vectors")
                        .op(Op::Times)
                        .n(p.data)
                        .t(" B")
                        .op(Op::Plus)
                        .t("HNSW graph ")
                        .q(n, Kind::Count)
                        .op(Op::Times)
                        .t("4 B")
                        .op(Op::Times)
                        .t("m ")
                        .n(m)
                        .op(Op::Equals)
                        .q(total, Kind::Size)
                        .t(": filesystem cache, outside the Java heap (documented: ")
                        .t(src)
                        .t(")");
                });
            } else {
                t.step(total, Kind::Size, |w| {
                    w.q(n, Kind::Count)
                        .t(" vectors")
                        .op(Op::Times)
                        .n(p.data)
                        .t(" B")
                        .op(Op::Equals)
                        .q(total, Kind::Size)
                        .t(", no graph: filesystem cache, outside the Java heap (documented: ")
                        .t(src)
                        .t(")");
                });
            }
            total
        }
        Formula::PgvectorHnsw => {
            // A stored value: varlena header and dims (8 B), then the components.
            let value = 8.0 + p.data;
            let element = maxalign(72.0 + value);
            let neighbours = maxalign(4.0 + 6.0 * 2.0 * m);
            let pair = element + neighbours + 8.0;
            let per_page = (PG_USABLE / pair).floor();
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
            let total = pages * PG_PAGE;
            t.step(total, Kind::Size, |w| { w.bracket(Bracket::FloorOpen).t("8,160").op(Op::Divide).n(pair).bracket(Bracket::FloorClose).op(Op::Equals).n(per_page).t(" per 8 KiB page: (").bracket(Bracket::CeilOpen).q(n, Kind::Count).op(Op::Divide).n(per_page).bracket(Bracket::CeilClose).op(Op::Plus).t("1 meta page)").op(Op::Times).t("8,192 B").op(Op::Equals).q(total, Kind::Size).t(": level-0 page packing, a lower bound (an upper-level element, 1 in m, holds m more neighbour slots and can push one to the next page) (layout from code: ").t(src).t(")"); });
            total
        }
        Formula::PgvectorIvfflat => {
            let value = 8.0 + p.data;
            // An entry (8 B index tuple header) and a list's centroid (two 4 B block numbers)
            // take the same MAXALIGN(8 + value) and a 4 B line pointer.
            let tuple = maxalign(8.0 + value) + 4.0;
            let per_page = (PG_USABLE / tuple).floor();
            if per_page < 1.0 {
                return None;
            }
            let per_list = (n / p.nlist / per_page).ceil();
            let pages = p.nlist * per_list + (p.nlist / per_page).ceil() + 1.0;
            let total = pages * PG_PAGE;
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
                    .t(src)
                    .t(")");
            });
            total
        }
    };
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::Silent;

    /// The worked example: N = 100M, d = 768, M = 32, f32; nlist 65,536; PQ 64 × 8 bits.
    fn w(kind: IndexKind, dtype: Dtype) -> Shape {
        let d = 768.0;
        Shape {
            kind,
            dtype,
            n: 1e8,
            d,
            m: 32.0,
            nlist: 65_536.0,
            pq_m: 64.0,
            nbits: 8.0,
            data: crate::estimate::storage::dtype_bytes(dtype, d, 64.0, 8.0),
            faiss: 0.0,
        }
    }

    /// A small case: N = 1M, d = 128, M = 16, f32; nlist 1,024; PQ 16 × 8 bits.
    fn small(kind: IndexKind, dtype: Dtype) -> Shape {
        let d = 128.0;
        Shape {
            n: 1e6,
            d,
            m: 16.0,
            nlist: 1024.0,
            pq_m: 16.0,
            data: crate::estimate::storage::dtype_bytes(dtype, d, 16.0, 8.0),
            ..w(kind, dtype)
        }
    }

    fn size(engine: Engine, p: Shape) -> f64 {
        memory(engine, &p, &mut Silent).unwrap_or(f64::NAN)
    }

    /// Equal to within a millionth of a byte per vector.
    fn close(got: f64, want: f64) {
        assert!((got - want).abs() <= want * 1e-9, "{got} ≠ {want}");
    }

    use Dtype::*;
    use IndexKind::*;

    #[test]
    fn faiss_is_napkins_layout_for_every_kind() {
        for kind in IndexKind::ALL {
            for dtype in Dtype::ALL {
                let p = Shape {
                    faiss: 123.0,
                    ..w(kind, dtype)
                };
                assert_eq!(memory(Engine::Faiss, &p, &mut Silent), Some(123.0));
            }
        }
    }

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
        assert!(variant(Engine::Hnswlib, IvfFlat, F32).is_none());
        assert!(variant(Engine::Hnswlib, Hnsw, F16).is_none());
    }

    #[test]
    fn milvus_follows_its_sizing_tool_and_docs() {
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
        // DISKANN: W 307.2e9 ÷ 4 × 1.15 = 88.32e9; small 512e6 ÷ 4 × 1.15 = 147.2e6.
        close(size(Engine::Milvus, w(DiskAnn, F32)), 88_320_000_000.0);
        close(size(Engine::Milvus, small(DiskAnn, F32)), 147_200_000.0);
        // IVF_PQ (docs recipe): W 10^8 × (64 + 2) + 201,326,592 = 6,801,326,592; small
        // 10^6 × (16 + 2) + 1,024 × 512 = 18,000,000 + 524,288 = 18,524,288.
        close(size(Engine::Milvus, w(IvfPq, F32)), 6_801_326_592.0);
        close(size(Engine::Milvus, small(IvfPq, F32)), 18_524_288.0);
        // The tool models float32 only.
        assert!(variant(Engine::Milvus, Hnsw, F16).is_none());
    }

    #[test]
    fn qdrant_is_its_rule_of_thumb() {
        // W: 10^8 × 768 × 4 × 1.5 = 460.8e9; small: 10^6 × 128 × 4 × 1.5 = 768e6;
        // small f16: 10^6 × 128 × 2 × 1.5 = 384e6.
        close(size(Engine::Qdrant, w(Hnsw, F32)), 460_800_000_000.0);
        close(size(Engine::Qdrant, small(Hnsw, F32)), 768_000_000.0);
        close(size(Engine::Qdrant, small(Flat, F16)), 384_000_000.0);
        assert_eq!(
            variant(Engine::Qdrant, Hnsw, F32).unwrap().basis,
            Basis::RuleOfThumb
        );
        assert!(variant(Engine::Qdrant, IvfFlat, F32).is_none());
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
        assert!(variant(Engine::Weaviate, Flat, F32).is_none());
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
        assert!(variant(Engine::OpenSearch, Flat, F32).is_none());
    }

    #[test]
    fn elasticsearch_counts_four_bytes_a_link() {
        // W: 307.2e9 + 10^8 × 4 × 32 = 12.8e9 → 320e9; byte: 76.8e9 + 12.8e9 = 89.6e9.
        close(size(Engine::Elasticsearch, w(Hnsw, F32)), 320_000_000_000.0);
        close(size(Engine::Elasticsearch, w(Hnsw, Int8)), 89_600_000_000.0);
        // Small: 512e6 + 10^6 × 4 × 16 = 64e6 → 576e6; flat: 512e6.
        close(size(Engine::Elasticsearch, small(Hnsw, F32)), 576_000_000.0);
        close(size(Engine::Elasticsearch, small(Flat, F32)), 512_000_000.0);
        assert!(variant(Engine::Elasticsearch, IvfFlat, F32).is_none());
    }

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
        assert!(variant(Engine::Pgvector, Flat, F32).is_none());
    }
}

//! One index, every engine: the RAM one full copy of the scenario's index needs as each vector
//! engine sizes it, with the engine's own formula and its public source.
//!
//! Faiss is napkin's exact layout ([`super::index::layout`]) under the name of the index Faiss
//! would build; hnswlib and pgvector are exact layouts read from their code; Milvus (its sizing
//! tool, and its docs for IVF_PQ), Qdrant, Weaviate, OpenSearch and Elasticsearch are the
//! formulas their documentation gives, as each engine ships by default. [`variant`] maps napkin's
//! index kind and dtype to the engine's documented variant, or to none: an engine that documents
//! no such index is left out, not guessed. Each engine's formulas live in a file of their own;
//! [`memory`] hands the scenario's [`Shape`] to the engine's.

mod elastic;
mod faiss;
mod hnswlib;
mod milvus;
mod opensearch;
mod pgvector;
mod qdrant;
mod weaviate;

use super::{In, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Dtype, IndexKind};

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
    /// The engine's documented formula.
    Documented,
    /// The engine's sizing tool (its code read): what the tool would tell you to provision.
    Tool,
    /// Documented parts, combined here (the engine publishes no combined formula).
    Derived,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Layout => "layout",
            Basis::Documented => "documented",
            Basis::Tool => "sizing tool",
            Basis::Derived => "documented parts",
        }
    }
}

/// The engine's variant of the scenario's index: which formula, what the engine calls it, and
/// where the formula comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Variant {
    formula: Formula,
    /// The engine's own name for the index ("IndexHNSWSQ (QT_8bit)", "bbq_hnsw", "float32").
    pub name: &'static str,
    pub basis: Basis,
    /// Repository and file (the sizing tool's, or the documentation's).
    pub source: &'static str,
}

/// Which of its formulas an engine's file applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Formula {
    Faiss,
    HnswlibHnsw,
    HnswlibFlat,
    MilvusTool,
    MilvusDiskAnn,
    MilvusIvfPqDocs,
    QdrantDense,
    QdrantBinary,
    WeaviateHnsw,
    WeaviateCompressed,
    OpenSearchHnsw,
    OpenSearchHnswPq,
    OpenSearchIvf,
    OpenSearchIvfPq,
    ElasticBbq,
    ElasticInt8,
    ElasticRaw,
    PgvectorHnsw,
    PgvectorIvfflat,
}

const fn v(formula: Formula, name: &'static str, basis: Basis, source: &'static str) -> Variant {
    Variant {
        formula,
        name,
        basis,
        source,
    }
}

/// The engine's variant of a `kind` index over `dtype` vectors of `dim` dimensions (as the
/// engine would build it by default), or None when the engine documents no such index (or no
/// RAM figure for it).
pub fn variant(engine: Engine, kind: IndexKind, dtype: Dtype, dim: f64) -> Option<Variant> {
    match engine {
        Engine::Faiss => Some(faiss::variant(kind, dtype)),
        Engine::Hnswlib => hnswlib::variant(kind, dtype),
        Engine::Milvus => milvus::variant(kind, dtype),
        Engine::Qdrant => qdrant::variant(kind, dtype),
        Engine::Weaviate => weaviate::variant(kind, dtype),
        Engine::OpenSearch => opensearch::variant(kind, dtype),
        Engine::Elasticsearch => elastic::variant(kind, dtype, dim),
        Engine::Pgvector => pgvector::variant(kind, dtype),
    }
}

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

/// The inputs the working names where it writes them as they are.
const HNSW_M: In<'static> = In::of(S::Index, "hnsw_m");
const DIM: In<'static> = In::of(S::Embeddings, "dim");
const NLIST: In<'static> = In::of(S::Index, "nlist");

/// The memory of one copy of the index on `engine`, with its working, or None when the engine
/// documents no such index. Records steps only when it returns a size.
pub fn memory<T: Trace>(engine: Engine, p: &Shape, t: &mut T) -> Option<f64> {
    let found = variant(engine, p.kind, p.dtype, p.d)?;
    match engine {
        Engine::Faiss => Some(faiss::memory(&found, p, t)),
        Engine::Hnswlib => Some(hnswlib::memory(&found, p, t)),
        Engine::Milvus => Some(milvus::memory(&found, p, t)),
        Engine::Qdrant => Some(qdrant::memory(&found, p, t)),
        Engine::Weaviate => Some(weaviate::memory(&found, p, t)),
        Engine::OpenSearch => Some(opensearch::memory(&found, p, t)),
        Engine::Elasticsearch => Some(elastic::memory(&found, p, t)),
        Engine::Pgvector => pgvector::memory(&found, p, t),
    }
}

#[cfg(test)]
mod tests {
    //! The shapes the engines' tests share, and the checks that hold for every engine.
    use super::*;
    use crate::estimate::{Out, Recorder, Section, Silent, Step};

    /// The worked example: N = 100M, d = 768, M = 32, f32; nlist 65,536; PQ 64 × 8 bits.
    pub(super) fn w(kind: IndexKind, dtype: Dtype) -> Shape {
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
    pub(super) fn small(kind: IndexKind, dtype: Dtype) -> Shape {
        sized(kind, dtype, 1e6, 128.0, 16.0)
    }

    /// N vectors of d dims, HNSW M = m; nlist 1,024; PQ 16 × 8 bits.
    pub(super) fn sized(kind: IndexKind, dtype: Dtype, n: f64, d: f64, m: f64) -> Shape {
        Shape {
            n,
            d,
            m,
            nlist: 1024.0,
            pq_m: 16.0,
            data: crate::estimate::storage::dtype_bytes(dtype, d, 16.0, 8.0),
            ..w(kind, dtype)
        }
    }

    pub(super) fn size(engine: Engine, p: Shape) -> f64 {
        memory(engine, &p, &mut Silent).unwrap_or(f64::NAN)
    }

    /// The steps of the engine's working for `p`.
    pub(super) fn steps(engine: Engine, p: Shape) -> Vec<Step> {
        let mut r = Recorder::default();
        let value = memory(engine, &p, &mut r).expect("a documented index");
        let path = ["engine", engine.key()];
        let id = Out::new(Section::Index, &path);
        r.output(id, format_args!("test"), crate::units::Kind::Size, value);
        r.outputs.pop().expect("the output").steps
    }

    /// The step's words and numbers, as plain text with the numbers' exact values.
    pub(super) fn words(s: &Step) -> String {
        use crate::estimate::Piece;
        s.pieces
            .iter()
            .map(|p| match p {
                Piece::Num { value, .. } => format!("{value}"),
                Piece::Op(op) => op.text().to_string(),
                Piece::Bracket(b) => b.text().to_string(),
                Piece::Text(t) => t.to_string(),
            })
            .collect()
    }

    /// The step whose words contain `needle`.
    pub(super) fn step_with(engine: Engine, p: Shape, needle: &str) -> Step {
        steps(engine, p)
            .into_iter()
            .find(|s| words(s).contains(needle))
            .unwrap_or_else(|| panic!("no step of {} says {needle:?}", engine.key()))
    }

    /// Equal to within a billionth.
    pub(super) fn close(got: f64, want: f64) {
        assert!((got - want).abs() <= want.abs() * 1e-9, "{got} ≠ {want}");
    }

    #[test]
    fn the_silent_path_computes_what_the_working_shows_for_every_engine() {
        for engine in Engine::ALL {
            for kind in IndexKind::ALL {
                for dtype in Dtype::ALL {
                    let p = Shape {
                        faiss: 123.0,
                        ..w(kind, dtype)
                    };
                    let silent = memory(engine, &p, &mut Silent);
                    let mut r = Recorder::default();
                    let shown = memory(engine, &p, &mut r);
                    assert_eq!(silent, shown, "{} {kind:?} {dtype:?}", engine.key());
                    if silent.is_some() {
                        let steps = steps(engine, p);
                        assert!(!steps.is_empty(), "{}", engine.key());
                        // Every engine names its source in its working.
                        let source = variant(engine, kind, dtype, p.d).unwrap().source;
                        let repo = source.split(' ').next().unwrap();
                        assert!(
                            steps.iter().any(|s| words(s).contains(repo)),
                            "{} {kind:?} {dtype:?}: {repo}",
                            engine.key()
                        );
                    }
                }
            }
        }
    }
}

//! One copy's layout by index kind and dtype: the bytes per vector, the per-index bytes (IVF
//! centroids, PQ codebooks, tables) and DiskANN's SSD, after Faiss (wiki "Faiss indexes",
//! faiss/impl/HNSW.h, faiss/IndexIVFPQ.cpp) and DiskANN (microsoft/DiskANN src/disk_utils.cpp);
//! and the index inputs each kind reads.

use super::super::storage::DtypeFormula;
use super::super::{Bracket, In, Line, Op, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Dtype, Embeddings, Index, IndexKind};
use crate::units::Kind;
use uom::si::information::byte;

/// An SSD sector, the unit DiskANN packs graph nodes into.
pub const SECTOR_BYTES: f64 = 4096.0;
/// Faiss keeps the IVF-PQ precomputed table only up to this size (IndexIVFPQ.cpp: 2 GiB).
pub const PRECOMPUTED_TABLE_LIMIT: f64 = 2.0 * 1024.0 * 1024.0 * 1024.0;

/// Default IVF list count: 4·√N rounded to a power of two (the Faiss guideline is 4·√N to 16·√N).
pub fn default_nlist(n: f64) -> f64 {
    let target = 4.0 * n.max(1.0).sqrt();
    2f64.powf(target.log2().round()).max(1.0)
}

/// Memory of one copy of the index: per-vector bytes, per-index bytes, and SSD bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub per_vector: f64,
    pub fixed: f64,
    pub disk: f64,
}

/// The IVF centroids: `nlist` of them, float32 (binary for binary vectors, as Faiss
/// IndexBinaryIVF keeps them).
fn centroids<T: Trace>(emb: &Embeddings, nlist: f64, t: &mut T) -> f64 {
    let d = emb.dim;
    let centroid_bytes = if emb.dtype == Dtype::Binary {
        (d / 8.0).ceil()
    } else {
        4.0 * d
    };
    let c = nlist * centroid_bytes;
    t.step(c, Kind::Size, |w| {
        w.t("centroids: ")
            .n(nlist)
            .t(" lists")
            .op(Op::Times)
            .n(centroid_bytes)
            .t(" B")
            .op(Op::Equals)
            .q(c, Kind::Size);
    });
    c
}

/// Works out the layout of `ix` over `n` vectors of `emb`, tracing each term.
pub fn layout<T: Trace>(ix: &Index, emb: &Embeddings, n: f64, t: &mut T) -> Layout {
    let data_formula = DtypeFormula::of(emb);
    let data = data_formula.bytes();
    let centroids = |nlist: f64, t: &mut T| centroids(emb, nlist, t);
    let nlist = || ix.nlist.unwrap_or_else(|| default_nlist(n));
    match ix.kind {
        IndexKind::Flat => {
            t.step(data, Kind::Size, |w| {
                w.t("flat: the vectors alone, ");
                data_formula.write(w);
                w.op(Op::Equals).q(data, Kind::Size).t(" per vector");
            });
            Layout {
                per_vector: data,
                fixed: 0.0,
                disk: 0.0,
            }
        }
        IndexKind::IvfFlat | IndexKind::IvfSq8 => {
            let (code, what) = if ix.kind == IndexKind::IvfSq8 {
                (emb.dim, "SQ8: 1 B × dims")
            } else {
                (data, "the vector")
            };
            let id = ix.id_bytes.get::<byte>();
            t.uses(In::of(S::Index, "id_bytes"));
            let per = code + id;
            if ix.kind == IndexKind::IvfSq8 {
                t.step(per, Kind::Size, |w| {
                    w.t(what)
                        .t(" ")
                        .n(code)
                        .op(Op::Plus)
                        .q(id, Kind::Size)
                        .of(In::of(S::Index, "id_bytes"))
                        .t(" list id")
                        .op(Op::Equals)
                        .q(per, Kind::Size)
                        .t(" per vector");
                });
            } else {
                t.step(per, Kind::Size, |w| {
                    data_formula.write(w);
                    w.op(Op::Plus)
                        .q(id, Kind::Size)
                        .of(In::of(S::Index, "id_bytes"))
                        .t(" list id")
                        .op(Op::Equals)
                        .q(per, Kind::Size)
                        .t(" per vector");
                });
            }
            let fixed = centroids(nlist(), t);
            Layout {
                per_vector: per,
                fixed,
                disk: 0.0,
            }
        }
        IndexKind::IvfPq => ivf_pq(ix, emb, n, t),
        IndexKind::Hnsw => {
            let m = ix.hnsw_m;
            let level0 = 8.0 * m;
            let upper = 4.0 * m / (m - 1.0);
            let per = data + level0 + upper + 12.0;
            t.step(per, Kind::Size, |w| {
                w.t("HNSW (Faiss HNSW.h): ")
                    .n(data)
                    .t(" data")
                    .op(Op::Plus)
                    .t("8·M")
                    .op(Op::Equals)
                    .n(level0)
                    .t(" level-0 links")
                    .op(Op::Plus)
                    .t("4·M/(M−1)")
                    .op(Op::Equals)
                    .q(upper, Kind::Count)
                    .t(" upper links")
                    .op(Op::Plus)
                    .t("12 B level and offset")
                    .op(Op::Equals)
                    .q(per, Kind::Size)
                    .t(" per vector (Faiss wiki short form 4d")
                    .op(Op::Plus)
                    .t("8M")
                    .op(Op::Equals)
                    .q(data + level0, Kind::Size)
                    .t(")");
            });
            Layout {
                per_vector: per,
                fixed: 0.0,
                disk: 0.0,
            }
        }
        IndexKind::DiskAnn => diskann(ix, emb, n, t),
    }
}

/// IVF-PQ (Faiss IndexIVFPQ): the codes and list ids per vector; centroids, codebook and the
/// precomputed table when it is kept.
fn ivf_pq<T: Trace>(ix: &Index, emb: &Embeddings, n: f64, t: &mut T) -> Layout {
    let pq = Pq::of(ix, emb);
    let nlist = || ix.nlist.unwrap_or_else(|| default_nlist(n));
    let centroids = |nlist: f64, t: &mut T| centroids(emb, nlist, t);
    let id = ix.id_bytes.get::<byte>();
    t.uses(In::of(S::Index, "id_bytes"));
    let per = pq.code + id;
    t.step(per, Kind::Size, |w| {
        pq.code_words(w.t("PQ code "))
            .n(pq.code)
            .t(" B")
            .op(Op::Plus)
            .q(id, Kind::Size)
            .of(In::of(S::Index, "id_bytes"))
            .t(" list id")
            .op(Op::Equals)
            .q(per, Kind::Size)
            .t(" per vector");
    });
    let nl = nlist();
    let c = centroids(nl, t);
    pq.codebook_step("codebook: ", t);
    let table = nl * pq.m * 2f64.powf(pq.nbits) * 4.0;
    let kept = if table <= PRECOMPUTED_TABLE_LIMIT {
        table
    } else {
        0.0
    };
    t.step(kept, Kind::Size, |w| {
        w.t("precomputed table: ")
            .n(nl)
            .t(" lists")
            .op(Op::Times)
            .n(pq.m)
            .op(Op::Times)
            .t("2^")
            .n(pq.nbits)
            .op(Op::Times)
            .t("4 B")
            .op(Op::Equals)
            .q(table, Kind::Size)
            .t(" (")
            .t(if kept > 0.0 {
                "kept: ≤ 2 GiB"
            } else {
                "not kept: over 2 GiB"
            })
            .t(")");
    });
    Layout {
        per_vector: per,
        fixed: c + pq.codebook + kept,
        disk: 0.0,
    }
}

/// DiskANN: PQ codes in RAM, graph nodes with the full vectors on SSD, packed in sectors.
fn diskann<T: Trace>(ix: &Index, emb: &Embeddings, n: f64, t: &mut T) -> Layout {
    let pq = Pq::of(ix, emb);
    let data_formula = DtypeFormula::of(emb);
    let data = data_formula.bytes();
    t.step(pq.code, Kind::Size, |w| {
        pq.code_words(w.t("DiskANN RAM: PQ code "))
            .q(pq.code, Kind::Size)
            .t(" per vector");
    });
    pq.codebook_step("PQ pivots: ", t);
    let node = (ix.degree + 1.0) * 4.0 + data;
    t.step(node, Kind::Size, |w| {
        w.t("SSD node: (R ")
            .n(ix.degree)
            .op(Op::Plus)
            .t("1)")
            .op(Op::Times)
            .t("4 B")
            .op(Op::Plus)
            .n(data)
            .t(" (");
        data_formula.write(w);
        w.t(")").op(Op::Equals).q(node, Kind::Size);
    });
    let disk = if node <= SECTOR_BYTES {
        let per_sector = (SECTOR_BYTES / node).floor();
        let sectors = (n / per_sector).ceil();
        t.step(sectors * SECTOR_BYTES, Kind::Size, |w| {
            w.n(per_sector)
                .t(" nodes per 4 KiB sector: ")
                .bracket(Bracket::CeilOpen)
                .q(n, Kind::Count)
                .op(Op::Divide)
                .n(per_sector)
                .bracket(Bracket::CeilClose)
                .t(" sectors")
                .op(Op::Times)
                .t("4,096 B")
                .op(Op::Equals)
                .q(sectors * SECTOR_BYTES, Kind::Size);
        });
        sectors * SECTOR_BYTES
    } else {
        let per_node = (node / SECTOR_BYTES).ceil();
        let disk = n * per_node * SECTOR_BYTES;
        t.step(disk, Kind::Size, |w| {
            w.n(per_node)
                .t(" sectors per node: ")
                .q(n, Kind::Count)
                .op(Op::Times)
                .n(per_node)
                .op(Op::Times)
                .t("4,096 B")
                .op(Op::Equals)
                .q(disk, Kind::Size);
        });
        disk
    };
    Layout {
        per_vector: pq.code,
        fixed: pq.codebook,
        disk,
    }
}

/// A product quantiser over `d` dims: `m` sub-quantisers of `nbits` bits, a vector's code in
/// whole bytes, and its codebook (`d` × 2^`nbits` centroids × 4 B).
struct Pq {
    d: f64,
    m: f64,
    nbits: f64,
    code: f64,
    codebook: f64,
}

impl Pq {
    /// The quantiser `ix` takes over `emb`'s vectors.
    fn of(ix: &Index, emb: &Embeddings) -> Pq {
        let (m, nbits) = ix.pq(emb);
        Pq {
            d: emb.dim,
            m,
            nbits,
            code: (m * nbits / 8.0).ceil(),
            codebook: emb.dim * 2f64.powf(nbits) * 4.0,
        }
    }

    /// "M × nbits bits ÷ 8 =", the code's size before its value.
    fn code_words<'w>(&self, w: &'w mut Line) -> &'w mut Line {
        w.n(self.m)
            .op(Op::Times)
            .n(self.nbits)
            .t(" bits")
            .op(Op::Divide)
            .t("8")
            .op(Op::Equals)
    }

    /// The codebook, `d` dims × 2^`nbits` centroids × 4 B, under `label`.
    fn codebook_step<T: Trace>(&self, label: &'static str, t: &mut T) {
        t.step(self.codebook, Kind::Size, |w| {
            w.t(label)
                .n(self.d)
                .t(" dims")
                .op(Op::Times)
                .t("2^")
                .n(self.nbits)
                .op(Op::Times)
                .t("4 B")
                .op(Op::Equals)
                .q(self.codebook, Kind::Size);
        });
    }
}

/// Declares the PQ inputs from wherever they come (the index, or the embeddings).
fn uses_pq<T: Trace>(ix: &Index, t: &mut T) {
    let (m, nbits) = ix.pq_sources();
    t.uses(In::of(m, "pq_m"));
    t.uses(In::of(nbits, "pq_nbits"));
}

pub(super) fn uses_index<T: Trace>(ix: &Index, t: &mut T) {
    t.uses(In::of(S::Index, "kind"));
    match ix.kind {
        IndexKind::Hnsw => t.uses(In::of(S::Index, "hnsw_m")),
        IndexKind::IvfFlat | IndexKind::IvfSq8 => t.uses(In::of(S::Index, "nlist")),
        IndexKind::IvfPq => {
            t.uses(In::of(S::Index, "nlist"));
            uses_pq(ix, t);
        }
        IndexKind::DiskAnn => {
            uses_pq(ix, t);
            t.uses(In::of(S::Index, "degree"));
        }
        IndexKind::Flat => {}
    }
}

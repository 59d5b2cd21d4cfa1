//! `[index]`: the vector index's kind and parameters, the nodes that hold it and the queries one
//! copy serves.

use super::embeddings::{Embeddings, check_divides, check_nbits};
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Choice, FieldKind::Quantity as Q, Section, fields,
};
use crate::scenario::validate::Findings;
use crate::units::{self, Kind};
use uom::si::f64::{Frequency, Information};

/// Bytes of the id an IVF list keeps per vector by default: Faiss's `idx_t`, an int64
/// (facebookresearch/faiss faiss/invlists/InvertedLists.h).
pub const IVF_ID_BYTES: f64 = 8.0;

/// Vector index structures whose memory napkin sizes, as Faiss and DiskANN lay them out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IndexKind {
    Flat,
    IvfFlat,
    IvfSq8,
    IvfPq,
    #[default]
    Hnsw,
    DiskAnn,
}

impl IndexKind {
    pub const NAMES: &'static [&'static str] =
        &["flat", "ivf_flat", "ivf_sq8", "ivf_pq", "hnsw", "diskann"];
    pub const ALL: [IndexKind; 6] = [
        IndexKind::Flat,
        IndexKind::IvfFlat,
        IndexKind::IvfSq8,
        IndexKind::IvfPq,
        IndexKind::Hnsw,
        IndexKind::DiskAnn,
    ];
}

#[derive(Clone, Debug)]
pub struct Index {
    pub kind: IndexKind,
    pub hnsw_m: f64,
    pub nlist: Option<f64>,
    pub pq_m: Option<f64>,
    /// Bits per PQ code; without it, 8 (or the embeddings' when their `pq_m` is used).
    pub pq_nbits: Option<f64>,
    /// DiskANN graph degree R.
    pub degree: f64,
    pub node_memory: Information,
    pub memory_headroom: f64,
    pub node_disk: Option<Information>,
    pub per_replica_qps: Option<Frequency>,
    /// A fixed shard count, instead of the one memory needs.
    pub shards: Option<f64>,
    /// Probability that one shard answers within its latency (0.99 = its p99).
    pub shard_fast_probability: f64,
    /// Bytes of the id an IVF list keeps beside each vector's code.
    pub id_bytes: Information,
}

impl Default for Index {
    fn default() -> Self {
        Index {
            kind: IndexKind::Hnsw,
            hnsw_m: 32.0,
            nlist: None,
            pq_m: None,
            pq_nbits: None,
            degree: 64.0,
            node_memory: units::bytes(0.0),
            memory_headroom: 0.7,
            node_disk: None,
            per_replica_qps: None,
            shards: None,
            shard_fast_probability: 0.99,
            id_bytes: units::bytes(IVF_ID_BYTES),
        }
    }
}

impl Index {
    /// Where the PQ parameters come from: the section giving m, and the one giving nbits.
    pub fn pq_sources(&self) -> (Section, Section) {
        let m = if self.pq_m.is_some() {
            Section::Index
        } else {
            Section::Embeddings
        };
        let nbits = if self.pq_nbits.is_some() || self.pq_m.is_some() {
            Section::Index
        } else {
            Section::Embeddings
        };
        (m, nbits)
    }

    /// PQ sub-quantizers and bits per code, from the index or else the embeddings.
    pub fn pq(&self, emb: &Embeddings) -> (f64, f64) {
        let m = self.pq_m.or(emb.pq_m).unwrap_or(0.0);
        let nbits = match (self.pq_nbits, self.pq_m) {
            (Some(b), _) => b,
            (None, Some(_)) => 8.0,
            (None, None) => emb.pq_nbits,
        };
        (m, nbits)
    }
}

pub const FIELDS: &[Field<Index>] = fields!(Index {
    kind: Choice(IndexKind::NAMES), false, "flat, ivf_flat, ivf_sq8, ivf_pq, hnsw or diskann (default hnsw)";
    hnsw_m: Q(Kind::Integer), false, "HNSW links per node M (default 32)";
    nlist: Q(Kind::Integer), false, "IVF lists (default 4·√N, rounded to a power of two)";
    pq_m: Q(Kind::Integer), false, "PQ bytes per vector for ivf_pq and diskann";
    pq_nbits: Q(Kind::Integer), false, "bits per PQ code (default 8)";
    degree: Q(Kind::Integer), false, "DiskANN graph degree R (default 64)";
    node_memory: Q(Kind::Size), false, "RAM of one index node";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of node memory (default 0.7)";
    node_disk: Q(Kind::Size), false, "SSD of one index node (diskann)";
    per_replica_qps: Q(Kind::Rate), false, "queries per second one full copy of the index serves";
    shards: Q(Kind::Integer), false, "a fixed shard count, instead of the one memory needs";
    shard_fast_probability: Q(Kind::Fraction), false, "chance one shard answers in time, for the fan-out tail (default 0.99)";
    id_bytes: Q(Kind::Size), true, "bytes of the id an IVF list keeps beside each code (default 8 B: Faiss's int64)";
});

pub const ROW: Row<Index> = Row {
    section: Section::Index,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.index, |s| &mut s.index),
    check,
};

fn check(f: &mut Findings) {
    let Some(ix) = &f.s.index else { return };
    let at = |key| Section::Index.at(key);
    let section = Section::Index.path();
    check_nbits(f, Section::Index, ix.pq_nbits);
    let Some(e) = &f.s.embeddings else {
        let embeddings = Section::Embeddings.path();
        f.add(
            section,
            "[index] needs an [embeddings] section to know the vectors",
            &[&[(&embeddings, "dim", "256")]],
            "",
        );
        return;
    };
    if ix.node_memory.value == 0.0 {
        f.add(
            at("node_memory"),
            "[index] has no node_memory",
            &[&[(&section, "node_memory", "\"256 GiB\"")]],
            "",
        );
    }
    if matches!(ix.kind, IndexKind::IvfPq | IndexKind::DiskAnn) {
        match ix.pq_m.or(e.pq_m) {
            None => f.add(
                at("pq_m"),
                format!(
                    "kind = \"{}\" needs pq_m",
                    IndexKind::NAMES[ix.kind as usize]
                ),
                &[&[(&section, "pq_m", "64")]],
                "(sub-quantizers; bytes per vector at 8 bits)",
            ),
            Some(m) if ix.kind == IndexKind::IvfPq => check_divides(f, Section::Index, m, e.dim),
            _ => {}
        }
    }
    if f.s.requests().is_some()
        && ix.per_replica_qps.is_none()
        && f.s.stages.iter().any(|st| st.index)
    {
        f.add(
            at("per_replica_qps"),
            "an index stage serves traffic but [index] has no per_replica_qps",
            &[&[(&section, "per_replica_qps", "2000")]],
            "(queries/s one full copy of the index serves)",
        );
    }
    if ix.hnsw_m < 2.0 && ix.kind == IndexKind::Hnsw {
        f.say(
            at("hnsw_m"),
            format!("hnsw_m = {} is below 2", ix.hnsw_m),
            "write 16 or 32, the usual choices",
        );
    }
}

//! `[embeddings]`: the vectors stored, their dimension and encoding.

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Choice, FieldKind::Quantity as Q, Section, fields,
};
use crate::scenario::validate::Findings;
use crate::units::Kind;

/// How each component of a stored vector is encoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dtype {
    #[default]
    F32,
    F16,
    /// bfloat16: two bytes, f32's exponent with 7 bits of mantissa.
    Bf16,
    Int8,
    Binary,
    /// Product quantisation: `pq_m` codes of `pq_nbits` bits.
    Pq,
}

impl Dtype {
    pub const NAMES: &'static [&'static str] = &["f32", "f16", "bf16", "int8", "binary", "pq"];
    pub const ALL: [Dtype; 6] = [
        Dtype::F32,
        Dtype::F16,
        Dtype::Bf16,
        Dtype::Int8,
        Dtype::Binary,
        Dtype::Pq,
    ];
}

#[derive(Clone, Debug)]
pub struct Embeddings {
    /// Defaults to the first corpus's items.
    pub vectors: Option<Count>,
    pub dim: f64,
    pub dtype: Dtype,
    pub pq_m: Option<f64>,
    pub pq_nbits: f64,
}

impl Default for Embeddings {
    fn default() -> Self {
        Embeddings {
            vectors: None,
            dim: 0.0,
            dtype: Dtype::F32,
            pq_m: None,
            pq_nbits: 8.0,
        }
    }
}

pub const FIELDS: &[Field<Embeddings>] = fields!(Embeddings {
    vectors: Q(Kind::Count), false, "vectors stored (default: the first corpus's items)";
    dim: Q(Kind::Integer), false, "dimensions per vector";
    dtype: Choice(Dtype::NAMES), false, "component encoding: f32, f16, bf16, int8, binary or pq (default f32)";
    pq_m: Q(Kind::Integer), false, "PQ sub-quantizers (bytes per vector at 8 bits), with dtype = \"pq\"";
    pq_nbits: Q(Kind::Integer), false, "bits per PQ code (default 8)";
});

pub const ROW: Row<Embeddings> = Row {
    section: Section::Embeddings,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.embeddings, |s| &mut s.embeddings),
    check,
};

/// Faiss codes are at most 16 bits: `[embeddings]` and `[index]` both check their `pq_nbits`.
pub(crate) fn check_nbits(f: &mut Findings, section: Section, nbits: Option<f64>) {
    if let Some(b) = nbits.filter(|&b| b > 16.0) {
        f.say(
            section.at("pq_nbits"),
            format!("pq_nbits = {b} is more than 16"),
            "Faiss codes are at most 16 bits; 8 is the usual choice",
        );
    }
}

/// `pq_m` must divide `dim` for Faiss's product quantiser.
pub(crate) fn check_divides(f: &mut Findings, section: Section, m: f64, dim: f64) {
    if dim > 0.0 && dim % m != 0.0 {
        f.say(
            section.at("pq_m"),
            format!("pq_m = {m} does not divide dim = {dim}"),
            "Faiss needs dim to be a multiple of pq_m: pick a divisor such as 8, 16, 32 or 64",
        );
    }
}

fn check(f: &mut Findings) {
    let Some(e) = &f.s.embeddings else { return };
    let section = Section::Embeddings.path();
    if e.dim == 0.0 {
        f.add(
            Section::Embeddings.at("dim"),
            "[embeddings] has no dim",
            &[&[(&section, "dim", "256")]],
            "",
        );
    }
    if e.vectors.is_none() && f.s.corpora.is_empty() {
        f.add(
            Section::Embeddings.at("vectors"),
            "[embeddings] has no vectors and there is no corpus to take them from",
            &[&[(&section, "vectors", "\"10B\"")]],
            "",
        );
    }
    if e.dtype == Dtype::Pq {
        match e.pq_m {
            None => f.add(
                Section::Embeddings.at("pq_m"),
                "dtype = \"pq\" needs pq_m",
                &[&[(&section, "pq_m", "64")]],
                "(sub-quantizers; bytes per vector at 8 bits)",
            ),
            Some(m) => check_divides(f, Section::Embeddings, m, e.dim),
        }
    }
    check_nbits(f, Section::Embeddings, Some(e.pq_nbits));
}

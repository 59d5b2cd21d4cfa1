//! `[[embedding_table]]`: one embedding table of a recommendation model, and the optimizer
//! state kept beside its weights.

use crate::scenario::Count;
use crate::scenario::path::SectionPath;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Choice, FieldKind::Quantity as Q, FieldKind::Text, Section, fields,
};
use crate::scenario::validate::Findings;
use crate::units::Kind;

/// How an embedding table's weights are stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WeightDtype {
    #[default]
    F32,
    F16,
    /// bfloat16, the usual training dtype: two bytes like f16.
    Bf16,
    Int8,
}

impl WeightDtype {
    pub const NAMES: &'static [&'static str] = &["f32", "f16", "bf16", "int8"];
    pub const ALL: [WeightDtype; 4] = [
        WeightDtype::F32,
        WeightDtype::F16,
        WeightDtype::Bf16,
        WeightDtype::Int8,
    ];

    pub fn bytes(self) -> f64 {
        match self {
            WeightDtype::F32 => 4.0,
            WeightDtype::F16 | WeightDtype::Bf16 => 2.0,
            WeightDtype::Int8 => 1.0,
        }
    }
}

/// The optimizer, which decides the state kept beside each table's weights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Optimizer {
    Sgd,
    Adagrad,
    RowwiseAdagrad,
    /// The default: the largest state, so a table sized with it fits with any other.
    #[default]
    Adam,
}

impl Optimizer {
    pub const NAMES: &'static [&'static str] = &["sgd", "adagrad", "rowwise_adagrad", "adam"];
    pub const ALL: [Optimizer; 4] = [
        Optimizer::Sgd,
        Optimizer::Adagrad,
        Optimizer::RowwiseAdagrad,
        Optimizer::Adam,
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Copies of the weights kept as state (TorchRec's multiplier): SGD 0, Adagrad 1, Adam 2
    /// (m and v); row-wise Adagrad keeps one f32 per row instead, see [`Optimizer::row_bytes`].
    pub fn slots(self) -> f64 {
        match self {
            Optimizer::Sgd | Optimizer::RowwiseAdagrad => 0.0,
            Optimizer::Adagrad => 1.0,
            Optimizer::Adam => 2.0,
        }
    }

    /// Bytes of state per row beside the slots.
    pub fn row_bytes(self) -> f64 {
        if self == Optimizer::RowwiseAdagrad {
            4.0
        } else {
            0.0
        }
    }
}

/// One embedding table of a recommendation model (`[[embedding_table]]`).
#[derive(Clone, Debug)]
pub struct EmbeddingTable {
    pub name: String,
    pub rows: Count,
    pub dim: f64,
    pub dtype: WeightDtype,
    pub optimizer: Optimizer,
}

impl Default for EmbeddingTable {
    fn default() -> Self {
        EmbeddingTable {
            name: String::new(),
            rows: Count(0.0),
            dim: 0.0,
            dtype: WeightDtype::F32,
            optimizer: Optimizer::Adam,
        }
    }
}

pub const FIELDS: &[Field<EmbeddingTable>] = fields!(EmbeddingTable {
    name: Text, false, "the table's name, used in output ids (embedding_tables.<name>)";
    rows: Q(Kind::Count), false, "rows: one per user, item or id";
    dim: Q(Kind::Integer), false, "dimensions per row";
    dtype: Choice(WeightDtype::NAMES), false, "weight encoding: f32, f16, bf16 or int8 (default f32)";
    optimizer: Choice(Optimizer::NAMES), false, "sgd, adagrad, rowwise_adagrad or adam: the state kept per row (default adam)";
});

pub const ROW: Row<EmbeddingTable> = Row {
    section: Section::EmbeddingTable,
    fields: FIELDS,
    holder: Holder::List(
        |s| &s.embedding_tables,
        |s| &mut s.embedding_tables,
        |c| &c.name,
        |c, name| c.name = name.to_string(),
    ),
    check,
};

/// Output ids a table name must not shadow (`embedding_tables.<name>`).
const TABLE_OUTPUTS: [&str; 2] = ["memory", "devices"];

fn check(f: &mut Findings) {
    for tb in &f.s.embedding_tables {
        let entry = SectionPath::new(Section::EmbeddingTable, Some(&tb.name));
        if TABLE_OUTPUTS.contains(&tb.name.as_str()) {
            f.say(
                entry.input("name"),
                format!(
                    "a table cannot be named \"{}\": embedding_tables.{} is another output",
                    tb.name, tb.name
                ),
                "name it after what its rows are, such as \"users\" or \"ads\"",
            );
        }
        if tb.rows.0 == 0.0 || tb.dim == 0.0 {
            f.add(
                entry.clone(),
                format!("the embedding table \"{}\" needs rows and dim", tb.name),
                &[&[(&entry, "rows", "\"1B\""), (&entry, "dim", "128")]],
                "",
            );
        }
    }
}

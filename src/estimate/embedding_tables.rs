//! Embedding-table memory of a recommendation model: weights plus optimizer state per table,
//! and the accelerators that hold them (TorchRec's planner multipliers).

use super::{Bracket, Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{EmbeddingTable, Scenario};
use crate::units::Kind;
use std::fmt;

/// All tables together.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TablesEstimate {
    pub memory: f64,
    /// Accelerators the tables need, where the device memory is known.
    pub devices: Option<f64>,
}

/// Bytes of one table: rows × dim × dtype bytes × (1 + optimizer slots) + rows × state per row.
pub fn table_bytes(tb: &EmbeddingTable) -> f64 {
    let weights = tb.rows.0 * tb.dim * tb.dtype.bytes();
    weights * (1.0 + tb.optimizer.slots()) + tb.rows.0 * tb.optimizer.row_bytes()
}

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) -> f64 {
    t.output(
        Out::new(Section::EmbeddingTables, &[name]),
        label,
        kind,
        value,
    )
}

/// All the tables' memory.
const MEMORY: Out<'static> = Out::new(Section::EmbeddingTables, &["memory"]);

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    e.table_bytes.clear();
    if s.embedding_tables.is_empty() {
        e.tables = None;
        return;
    }
    let mut memory = 0.0;
    for tb in &s.embedding_tables {
        let bytes = table(tb, t);
        memory += bytes;
        e.table_bytes.push(bytes);
    }
    for tb in &s.embedding_tables {
        t.reads(Out::new(Section::EmbeddingTables, &[&tb.name]));
    }
    t.step(memory, Kind::Size, |w| {
        w.t("sum over ")
            .n(s.embedding_tables.len() as f64)
            .t(" tables")
            .op(Op::Equals)
            .q(memory, Kind::Size);
    });
    let device = s
        .training
        .as_ref()
        .and_then(|tr| Some((tr, super::training::device_memory(tr)?)));
    if device.is_none() {
        t.step(memory, Kind::Size, |w| {
            w.t(if s.training.is_some() {
                "devices not sized: [training] gives device_flops but no device_memory (or a named device) to hold the tables"
            } else {
                "devices not sized: there is no [training] and so no accelerator to hold the tables; a [training] with device = \"A100\" (or device_memory) sizes them"
            });
        });
    }
    let memory = put(
        t,
        "memory",
        format_args!("Embedding tables, all"),
        Kind::Size,
        memory,
    );

    let devices = device.map(|(tr, per_device)| {
        t.uses(In::of(S::Training, "memory_headroom"));
        if tr.device_memory.is_some() {
            t.uses(In::of(S::Training, "device_memory"));
        } else {
            t.uses(In::of(S::Training, "device"));
        }
        let usable = per_device * tr.memory_headroom;
        let devices = (memory / usable).ceil();
        t.step(devices, Kind::Count, |w| {
            w.bracket(Bracket::CeilOpen)
                .q(memory, Kind::Size)
                .of(MEMORY)
                .op(Op::Divide)
                .t("(")
                .q(per_device, Kind::Size)
                .op(Op::Times)
                .q(tr.memory_headroom, Kind::Fraction)
                .t(" usable")
                .op(Op::Equals)
                .q(usable, Kind::Size)
                .t(")")
                .bracket(Bracket::CeilClose)
                .op(Op::Equals)
                .n(devices)
                .t(" devices");
        });
        put(
            t,
            "devices",
            format_args!("Devices for the tables"),
            Kind::Integer,
            devices,
        )
    });
    e.tables = Some(TablesEstimate { memory, devices });
}

/// One table's weights and optimizer state, an output.
fn table<T: Trace>(tb: &EmbeddingTable, t: &mut T) -> f64 {
    for key in ["rows", "dim", "dtype", "optimizer"] {
        t.uses(In::entry(S::EmbeddingTable, &tb.name, key));
    }
    let b = tb.dtype.bytes();
    let weights = tb.rows.0 * tb.dim * b;
    t.step(weights, Kind::Size, |w| {
        w.t("weights: ")
            .q(tb.rows.0, Kind::Count)
            .t(" rows")
            .op(Op::Times)
            .n(tb.dim)
            .t(" dims")
            .op(Op::Times)
            .n(b)
            .t(" B (")
            .t(crate::scenario::WeightDtype::NAMES[tb.dtype as usize])
            .t(")")
            .op(Op::Equals)
            .q(weights, Kind::Size);
    });
    let bytes = table_bytes(tb);
    let optimizer = tb.optimizer.name();
    if tb.optimizer.row_bytes() > 0.0 {
        t.step(bytes, Kind::Size, |w| {
            w.t("+ ")
                .t(optimizer)
                .t(": one f32 per row, ")
                .q(tb.rows.0, Kind::Count)
                .t(" rows")
                .op(Op::Times)
                .t("4 B")
                .op(Op::Equals)
                .q(bytes, Kind::Size);
        });
    } else {
        t.step(bytes, Kind::Size, |w| {
            w.t("× (1")
                .op(Op::Plus)
                .n(tb.optimizer.slots())
                .t(" ")
                .t(optimizer)
                .t(" state copies)")
                .op(Op::Equals)
                .q(bytes, Kind::Size);
        });
    }

    put(
        t,
        &tb.name,
        format_args!("Embedding table {}", tb.name),
        Kind::Size,
        bytes,
    )
}

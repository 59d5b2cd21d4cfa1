//! Embedding-table memory of a recommendation model: weights plus optimizer state per table,
//! and the accelerators that hold them (TorchRec's planner multipliers).

use super::{Estimate, Section, Trace};
use crate::scenario::{EmbeddingTable, Scenario};
use crate::units::Kind;
use crate::units::format::{Grouped, Human};
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

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) {
    t.output(
        Section::EmbeddingTables,
        format_args!("{name}"),
        label,
        kind,
        value,
    );
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    e.table_bytes.clear();
    if s.embedding_tables.is_empty() {
        e.tables = None;
        return;
    }
    let mut memory = 0.0;
    for tb in &s.embedding_tables {
        for key in ["rows", "dim", "dtype", "optimizer"] {
            t.uses(format_args!("embedding_table.{}.{key}", tb.name));
        }
        let b = tb.dtype.bytes();
        let weights = tb.rows.0 * tb.dim * b;
        t.step(
            weights,
            Kind::Size,
            format_args!(
                "weights: {} rows × {} dims × {} B ({}) = {}",
                Human::new(tb.rows.0, Kind::Count),
                Grouped(tb.dim),
                Grouped(b),
                crate::scenario::WeightDtype::NAMES[tb.dtype as usize],
                Human::new(weights, Kind::Size)
            ),
        );
        let bytes = table_bytes(tb);
        let optimizer = tb.optimizer.name();
        if tb.optimizer.row_bytes() > 0.0 {
            t.step(
                bytes,
                Kind::Size,
                format_args!(
                    "+ {optimizer}: one f32 per row, {} rows × 4 B = {}",
                    Human::new(tb.rows.0, Kind::Count),
                    Human::new(bytes, Kind::Size)
                ),
            );
        } else {
            t.step(
                bytes,
                Kind::Size,
                format_args!(
                    "× (1 + {} {optimizer} state copies) = {}",
                    Grouped(tb.optimizer.slots()),
                    Human::new(bytes, Kind::Size)
                ),
            );
        }
        put(
            t,
            &tb.name,
            format_args!("Embedding table {}", tb.name),
            Kind::Size,
            bytes,
        );
        memory += bytes;
        e.table_bytes.push(bytes);
    }
    t.inherit(|id| id.starts_with("embedding_tables."));
    t.step(
        memory,
        Kind::Size,
        format_args!(
            "sum over {} tables = {}",
            Grouped(s.embedding_tables.len() as f64),
            Human::new(memory, Kind::Size)
        ),
    );
    put(
        t,
        "memory",
        format_args!("Embedding tables, all"),
        Kind::Size,
        memory,
    );

    let device = s
        .training
        .as_ref()
        .and_then(|tr| Some((tr, super::training::device_memory(tr)?)));
    let devices = device.map(|(tr, per_device)| {
        t.inherit(|id| id == "embedding_tables.memory");
        t.uses(format_args!("training.memory_headroom"));
        if tr.device_memory.is_some() {
            t.uses(format_args!("training.device_memory"));
        } else {
            t.uses(format_args!("training.device"));
        }
        let usable = per_device * tr.memory_headroom;
        let devices = (memory / usable).ceil();
        t.step(
            devices,
            Kind::Count,
            format_args!(
                "⌈{} ÷ ({} × {} usable = {})⌉ = {} devices",
                Human::new(memory, Kind::Size),
                Human::new(per_device, Kind::Size),
                Human::new(tr.memory_headroom, Kind::Fraction),
                Human::new(usable, Kind::Size),
                Grouped(devices)
            ),
        );
        put(
            t,
            "devices",
            format_args!("Devices for the tables"),
            Kind::Count,
            devices,
        );
        devices
    });
    e.tables = Some(TablesEstimate { memory, devices });
}

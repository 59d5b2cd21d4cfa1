//! What-if analyses on top of the estimate, each a loop over the same pure function:
//! [`montecarlo`] carries ranged inputs through joint samples to p5/p50/p95 and finds what drives
//! each output, [`sweep`] steps one or two inputs across a span, and [`compare`] sets two
//! scenarios side by side.
//!
//! All of them read outputs by position, in the order [`estimate::explain`] gives ids in: ids and
//! working are computed once, numbers many times, by [`estimate::values_into`] or, for a Monte
//! Carlo sample, by the parts of the estimate its ranges reach ([`estimate::run_parts`]).
//!
//! [`estimate::values_into`]: crate::estimate::values_into
//! [`estimate::explain`]: crate::estimate::explain
//! [`estimate::run_parts`]: crate::estimate::run_parts

pub mod compare;
pub mod montecarlo;
pub mod sweep;

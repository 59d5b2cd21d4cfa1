//! What-if analyses on top of the estimate, each a loop over the same pure function:
//! [`montecarlo`] carries ranged inputs through joint samples to p5/p50/p95 and finds what drives
//! each output, [`sweep`] steps one or two inputs across a span, and [`compare`] sets two
//! scenarios side by side.
//!
//! All of them read outputs by position through [`estimate::values_into`], whose order is the
//! order [`estimate::explain`] gives ids in: ids and working are computed once, numbers many times.
//!
//! [`estimate::values_into`]: crate::estimate::values_into
//! [`estimate::explain`]: crate::estimate::explain

pub mod compare;
pub mod montecarlo;
pub mod sweep;

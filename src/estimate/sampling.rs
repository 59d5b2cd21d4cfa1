//! Negative downsampling: the examples kept a day, the positives' share of them, and a score
//! recalibrated to the true base rate (He et al., ADKDD 2014, §6.3).

use super::{Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Sampling, Scenario};
use crate::units::Kind;
use crate::units::format::Sig;
use std::fmt;

/// What downsampling leaves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SamplingEstimate {
    /// N·r + N·(1 − r)·w.
    pub examples_per_day: f64,
    /// r ÷ (r + (1 − r)·w).
    pub positive_share: f64,
    /// p′ ÷ (p′ + (1 − p′) ÷ w).
    pub recalibrated: f64,
}

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::Sampling, &[name]), label, kind, value)
}

/// The inputs, as the working names them.
const EXAMPLES: In<'static> = In::of(S::Sampling, "examples_per_day");
const RATE: In<'static> = In::of(S::Sampling, "positive_rate");
const KEEP: In<'static> = In::of(S::Sampling, "negative_keep_rate");
const RAW: In<'static> = In::of(S::Sampling, "raw_prediction");

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(sa) = &s.sampling else {
        e.sampling = None;
        return;
    };
    let kept = kept(sa, t);
    let share = share(sa, t);
    let q = recalibrated(sa, t);
    e.sampling = Some(SamplingEstimate {
        examples_per_day: kept,
        positive_share: share,
        recalibrated: q,
    });
}

/// Positives, the negatives kept, and the examples left a day (an output).
fn kept<T: Trace>(sa: &Sampling, t: &mut T) -> f64 {
    let (n, r, keep) = (
        sa.examples_per_day.0,
        sa.positive_rate,
        sa.negative_keep_rate,
    );
    let positives = n * r;
    let negatives = n * (1.0 - r) * keep;
    let kept = positives + negatives;
    t.uses(In::of(S::Sampling, "examples_per_day"));
    t.uses(In::of(S::Sampling, "positive_rate"));
    t.uses(In::of(S::Sampling, "negative_keep_rate"));
    t.step(positives, Kind::Count, |w| {
        w.t("positives: ")
            .q(n, Kind::Count)
            .of(EXAMPLES)
            .t(" examples/day")
            .op(Op::Times)
            .sig(r)
            .of(RATE)
            .op(Op::Equals)
            .q(positives, Kind::Count);
    });
    t.step(negatives, Kind::Count, |w| {
        w.t("negatives kept: ")
            .q(n, Kind::Count)
            .op(Op::Times)
            .t("(1")
            .op(Op::Minus)
            .sig(r)
            .t(")")
            .op(Op::Times)
            .t("keep rate ")
            .sig(keep)
            .of(KEEP)
            .op(Op::Equals)
            .q(negatives, Kind::Count);
    });
    t.step(kept, Kind::Count, |w| {
        w.q(positives, Kind::Count)
            .op(Op::Plus)
            .q(negatives, Kind::Count)
            .op(Op::Equals)
            .q(kept, Kind::Count)
            .t(" a day, ")
            .q(kept / n, Kind::Fraction)
            .t(" of the raw examples");
    });

    put(
        t,
        "examples_per_day",
        format_args!("Examples kept a day"),
        Kind::Count,
        kept,
    )
}

/// The positives' share after downsampling (an output).
fn share<T: Trace>(sa: &Sampling, t: &mut T) -> f64 {
    let (r, keep) = (sa.positive_rate, sa.negative_keep_rate);
    let share = r / (r + (1.0 - r) * keep);
    t.uses(In::of(S::Sampling, "positive_rate"));
    t.uses(In::of(S::Sampling, "negative_keep_rate"));
    t.step(share, Kind::Fraction, |w| {
        w.t("r")
            .op(Op::Divide)
            .t("(r")
            .op(Op::Plus)
            .t("(1")
            .op(Op::Minus)
            .t("r)")
            .op(Op::Times)
            .t("w)")
            .op(Op::Equals)
            .sig(r)
            .op(Op::Divide)
            .t("(")
            .sig(r)
            .op(Op::Plus)
            .sig(1.0 - r)
            .op(Op::Times)
            .sig(keep)
            .of(KEEP)
            .t(")")
            .op(Op::Equals)
            .q(share, Kind::Fraction);
    });

    put(
        t,
        "positive_share",
        format_args!("Positive share after sampling"),
        Kind::Fraction,
        share,
    )
}

/// A score of the downsampled model recalibrated to the true base rate (an output).
fn recalibrated<T: Trace>(sa: &Sampling, t: &mut T) -> f64 {
    let keep = sa.negative_keep_rate;
    let p = sa.raw_prediction;
    let q = p / (p + (1.0 - p) / keep);
    t.uses(In::of(S::Sampling, "raw_prediction"));
    t.uses(In::of(S::Sampling, "negative_keep_rate"));
    t.step(q, Kind::Fraction, |w| {
        w.t("q")
            .op(Op::Equals)
            .t("p′")
            .op(Op::Divide)
            .t("(p′")
            .op(Op::Plus)
            .t("(1")
            .op(Op::Minus)
            .t("p′)")
            .op(Op::Divide)
            .t("w)")
            .op(Op::Equals)
            .sig(p)
            .of(RAW)
            .op(Op::Divide)
            .t("(")
            .sig(p)
            .op(Op::Plus)
            .sig(1.0 - p)
            .op(Op::Divide)
            .sig(keep)
            .of(KEEP)
            .t(")")
            .op(Op::Equals)
            .q(q, Kind::Fraction)
            .t(" (He et al. 2014: undo the downsampling)");
    });

    put(
        t,
        "recalibrated",
        format_args!("Score {} recalibrated", Sig(p)),
        Kind::Fraction,
        q,
    )
}

//! Negative downsampling: the examples kept a day, the positives' share of them, and a score
//! recalibrated to the true base rate (He et al., ADKDD 2014, §6.3).

use super::{Estimate, Section, Trace};
use crate::scenario::Scenario;
use crate::units::Kind;
use crate::units::format::{Human, Sig};
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

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) {
    t.output(
        Section::Sampling,
        format_args!("{name}"),
        label,
        kind,
        value,
    );
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(sa) = &s.sampling else {
        e.sampling = None;
        return;
    };
    let (n, r, w) = (
        sa.examples_per_day.0,
        sa.positive_rate,
        sa.negative_keep_rate,
    );
    let positives = n * r;
    let negatives = n * (1.0 - r) * w;
    let kept = positives + negatives;
    t.uses(format_args!("sampling.examples_per_day"));
    t.uses(format_args!("sampling.positive_rate"));
    t.uses(format_args!("sampling.negative_keep_rate"));
    t.step(
        positives,
        Kind::Count,
        format_args!(
            "positives: {} examples/day × {} = {}",
            Human::new(n, Kind::Count),
            Sig(r),
            Human::new(positives, Kind::Count)
        ),
    );
    t.step(
        negatives,
        Kind::Count,
        format_args!(
            "negatives kept: {} × (1 − {}) × keep rate {} = {}",
            Human::new(n, Kind::Count),
            Sig(r),
            Sig(w),
            Human::new(negatives, Kind::Count)
        ),
    );
    t.step(
        kept,
        Kind::Count,
        format_args!(
            "{} + {} = {} a day, {} of the raw examples",
            Human::new(positives, Kind::Count),
            Human::new(negatives, Kind::Count),
            Human::new(kept, Kind::Count),
            Human::new(kept / n, Kind::Fraction)
        ),
    );
    put(
        t,
        "examples_per_day",
        format_args!("Examples kept a day"),
        Kind::Count,
        kept,
    );

    let share = r / (r + (1.0 - r) * w);
    t.uses(format_args!("sampling.positive_rate"));
    t.uses(format_args!("sampling.negative_keep_rate"));
    t.step(
        share,
        Kind::Fraction,
        format_args!(
            "r ÷ (r + (1 − r) × w) = {} ÷ ({} + {} × {}) = {}",
            Sig(r),
            Sig(r),
            Sig(1.0 - r),
            Sig(w),
            Human::new(share, Kind::Fraction)
        ),
    );
    put(
        t,
        "positive_share",
        format_args!("Positive share after sampling"),
        Kind::Fraction,
        share,
    );

    let p = sa.raw_prediction;
    let q = p / (p + (1.0 - p) / w);
    t.uses(format_args!("sampling.raw_prediction"));
    t.uses(format_args!("sampling.negative_keep_rate"));
    t.step(
        q,
        Kind::Fraction,
        format_args!(
            "q = p′ ÷ (p′ + (1 − p′) ÷ w) = {} ÷ ({} + {} ÷ {}) = {} (He et al. 2014: undo the downsampling)",
            Sig(p),
            Sig(p),
            Sig(1.0 - p),
            Sig(w),
            Human::new(q, Kind::Fraction)
        ),
    );
    put(
        t,
        "recalibrated",
        format_args!("Score {} recalibrated", Sig(p)),
        Kind::Fraction,
        q,
    );

    e.sampling = Some(SamplingEstimate {
        examples_per_day: kept,
        positive_share: share,
        recalibrated: q,
    });
}

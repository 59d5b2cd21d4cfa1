//! `[experiment]`: an online A/B test on a proportion or on a mean.

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Choice, FieldKind::Quantity as Q, Section, fields,
};
use crate::scenario::validate::Findings;
use crate::units::Kind;
use crate::units::format::Grouped;

/// The most arms an experiment may have: past this a test is no A/B test, and the sample size and
/// duration run to numbers that mean nothing (1e300 arms once gave 2e300 days).
pub const MAX_ARMS: f64 = 1_000.0;

/// How α is shared among the comparisons of more than two arms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Correction {
    /// Each treatment is tested against the control at α.
    #[default]
    None,
    /// Each of the arms − 1 comparisons is tested at α ÷ (arms − 1), keeping the chance of any
    /// false positive at most α.
    Bonferroni,
}

impl Correction {
    pub const NAMES: &'static [&'static str] = &["none", "bonferroni"];
    pub const ALL: [Correction; 2] = [Correction::None, Correction::Bonferroni];
}

/// An online A/B test on a proportion or on a mean.
#[derive(Clone, Debug)]
pub struct Experiment {
    pub baseline_rate: Option<f64>,
    pub baseline_mean: Option<f64>,
    pub stddev: Option<f64>,
    pub mde_relative: Option<f64>,
    pub mde_absolute: Option<f64>,
    /// Two-sided.
    pub alpha: f64,
    pub power: f64,
    pub arms: f64,
    /// Multiple-comparison correction over the arms − 1 comparisons with the control.
    pub correction: Correction,
    /// Default: traffic.dau.
    pub eligible_daily_users: Option<Count>,
    pub allocation: f64,
    pub cuped_correlation: f64,
}

impl Default for Experiment {
    fn default() -> Self {
        Experiment {
            baseline_rate: None,
            baseline_mean: None,
            stddev: None,
            mde_relative: None,
            mde_absolute: None,
            alpha: 0.05,
            power: 0.8,
            arms: 2.0,
            correction: Correction::None,
            eligible_daily_users: None,
            allocation: 1.0,
            cuped_correlation: 0.0,
        }
    }
}

pub const FIELDS: &[Field<Experiment>] = fields!(Experiment {
    baseline_rate: Q(Kind::Fraction), true, "the control's rate of a proportion metric (CTR, conversion)";
    baseline_mean: Q(Kind::Number), false, "the control's mean of a continuous metric, with stddev (any unit)";
    stddev: Q(Kind::Number), false, "standard deviation of the continuous metric per user (the mean's unit)";
    mde_relative: Q(Kind::Fraction), false, "smallest effect worth detecting, relative to the baseline (0.05 = 5%)";
    mde_absolute: Q(Kind::Number), false, "smallest effect worth detecting, in the metric's unit, instead of mde_relative";
    alpha: Q(Kind::Fraction), true, "false-positive rate, two-sided (default 0.05)";
    power: Q(Kind::Fraction), true, "chance to detect the effect when it is there (default 0.8)";
    arms: Q(Kind::Integer), false, "arms including control (default 2)";
    correction: Choice(Correction::NAMES), false, "multiple-comparison correction with more than two arms: none or bonferroni (α ÷ (arms − 1) per comparison; default none)";
    eligible_daily_users: Q(Kind::Count), false, "users a day who could enter the test (default traffic.dau)";
    allocation: Q(Kind::Fraction), false, "share of eligible users in the test (default 1)";
    cuped_correlation: Q(Kind::Fraction), true, "pre-period correlation ρ for CUPED: variance × (1 − ρ²) (default 0)";
});

pub const ROW: Row<Experiment> = Row {
    section: Section::Experiment,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.experiment, |s| &mut s.experiment),
    check,
};

fn check(f: &mut Findings) {
    let Some(x) = &f.s.experiment else { return };
    baseline(f, x);
    effect(f, x);
    let at = |key| Section::Experiment.at(key);
    f.open_unit(at("alpha"), x.alpha, "0.05");
    f.open_unit(at("power"), x.power, "0.8");
    if x.cuped_correlation >= 1.0 {
        f.say(
            at("cuped_correlation"),
            "a CUPED correlation of 1 would remove all variance",
            "write the pre-period correlation, such as 0.7 for engagement or 0.3 for ad clicks, or 0 for no CUPED",
        );
    }
    if x.arms < 2.0 {
        f.say(
            at("arms"),
            format!("an experiment needs at least 2 arms, not {}", x.arms),
            "write 2 for control and one treatment",
        );
    } else if x.arms > MAX_ARMS {
        f.say(
            at("arms"),
            format!(
                "{} arms is more than napkin sizes an experiment for (at most {})",
                Grouped(x.arms),
                Grouped(MAX_ARMS)
            ),
            "write the arms of one test, control included, such as 2 or 4",
        );
    }
    // Without eligible_daily_users or traffic.dau the sample size stands alone: the report says
    // the duration needs them.
}

/// The metric: a proportion (baseline_rate) or a mean (baseline_mean with stddev).
fn baseline(f: &mut Findings, x: &Experiment) {
    let at = |key| Section::Experiment.at(key);
    let section = Section::Experiment.path();
    let proportion = x.baseline_rate.is_some();
    let continuous = x.baseline_mean.is_some() || x.stddev.is_some();
    match (proportion, continuous) {
        (true, true) => f.say(
            at("baseline_rate"),
            "[experiment] gives both baseline_rate and a continuous metric (baseline_mean, stddev)",
            "keep baseline_rate for a proportion, or baseline_mean with stddev for a mean",
        ),
        (false, false) => f.add(
            section.clone(),
            "[experiment] has no baseline",
            &[
                &[(&section, "baseline_rate", "0.05")],
                &[
                    (&section, "baseline_mean", "30"),
                    (&section, "stddev", "60"),
                ],
            ],
            "",
        ),
        (false, true) => {
            if x.stddev.is_none() {
                f.add(
                    at("stddev"),
                    "baseline_mean is given without stddev",
                    &[&[(&section, "stddev", "60")]],
                    "(standard deviation per user, in the mean's unit)",
                );
            }
            if x.baseline_mean.is_none() && x.mde_relative.is_some() {
                f.add(
                    at("baseline_mean"),
                    "a relative MDE on a continuous metric needs baseline_mean",
                    &[&[(&section, "baseline_mean", "30")]],
                    "",
                );
            }
        }
        (true, false) => {}
    }
    if let Some(p) = x.baseline_rate {
        f.open_unit(at("baseline_rate"), p, "0.05 for 5%");
    }
}

/// The minimum detectable effect: relative or absolute, and a treated rate below 1.
fn effect(f: &mut Findings, x: &Experiment) {
    let at = |key| Section::Experiment.at(key);
    let section = Section::Experiment.path();
    match (x.mde_relative, x.mde_absolute) {
        (Some(_), Some(_)) => f.say_or_unset(
            at("mde_absolute"),
            "[experiment] gives both mde_relative and mde_absolute",
            "keep one: mde_relative = 0.05 (5% of the baseline) or mde_absolute = 0.0025 (in the metric's unit)",
            at("mde_absolute"),
        ),
        (None, None) => f.add(
            at("mde_relative"),
            "[experiment] has no minimum detectable effect",
            &[
                &[(&section, "mde_relative", "0.05")],
                &[(&section, "mde_absolute", "0.0025")],
            ],
            "",
        ),
        _ => {}
    }
    if let (Some(p), Some(m)) = (x.baseline_rate, x.mde_relative.or(x.mde_absolute)) {
        let treated = if x.mde_relative.is_some() {
            p * (1.0 + m)
        } else {
            p + m
        };
        if p > 0.0 && p < 1.0 && treated >= 1.0 {
            f.say(
                at("mde_relative"),
                format!("the treated rate {treated} would reach 1"),
                "write a smaller effect: the baseline plus the MDE must stay below 1",
            );
        }
    }
}

//! `[sampling]`: class imbalance in the training data, negative downsampling and recalibration.

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::Kind;

/// Class imbalance in the training data: negative downsampling and recalibration.
#[derive(Clone, Debug)]
pub struct Sampling {
    pub examples_per_day: Count,
    pub positive_rate: f64,
    pub negative_keep_rate: f64,
    pub raw_prediction: f64,
}

impl Default for Sampling {
    fn default() -> Self {
        Sampling {
            examples_per_day: Count(0.0),
            positive_rate: 0.0,
            negative_keep_rate: 1.0,
            raw_prediction: 0.5,
        }
    }
}

pub const FIELDS: &[Field<Sampling>] = fields!(Sampling {
    examples_per_day: Q(Kind::Count), false, "raw labelled examples a day (impressions, transactions, mails)";
    positive_rate: Q(Kind::Fraction), true, "share of positives (clicks, fraud, spam), between 0 and 1";
    negative_keep_rate: Q(Kind::Fraction), true, "share of negatives kept (default 1: no downsampling)";
    raw_prediction: Q(Kind::Fraction), true, "a score of the downsampled model to recalibrate (default 0.5)";
});

pub const ROW: Row<Sampling> = Row {
    section: Section::Sampling,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.sampling, |s| &mut s.sampling),
    check,
};

fn check(f: &mut Findings) {
    let Some(sa) = &f.s.sampling else { return };
    let at = |key| Section::Sampling.at(key);
    let section = Section::Sampling.path();
    if sa.examples_per_day.0 == 0.0 {
        f.add(
            at("examples_per_day"),
            "[sampling] has no examples_per_day",
            &[&[(&section, "examples_per_day", "\"1B\"")]],
            "(raw labelled examples a day)",
        );
    }
    let positive_rate = at("positive_rate");
    if f.s.provenance.raw.contains_key(&positive_rate) || sa.positive_rate != 0.0 {
        f.open_unit(positive_rate, sa.positive_rate, "0.01 for a 1% CTR");
    } else {
        f.add(
            positive_rate,
            "[sampling] has no positive_rate",
            &[&[(&section, "positive_rate", "0.01")]],
            "(the share of positives: clicks, frauds, spam)",
        );
    }
    if sa.negative_keep_rate == 0.0 {
        f.say(
            at("negative_keep_rate"),
            "a negative_keep_rate of 0 keeps no negatives: the model could not learn",
            "write the share of negatives kept, such as 0.025 (Facebook's, He et al. 2014), or 1 for no downsampling",
        );
    }
    f.open_unit(at("raw_prediction"), sa.raw_prediction, "0.5");
}

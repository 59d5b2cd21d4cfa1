//! `[labelling]`: human labels, a batch with a deadline or a stream of items a day.

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::Kind;
use uom::si::f64::Time;

/// Human labels: a batch with a deadline, or a stream of items per day.
#[derive(Clone, Debug)]
pub struct Labelling {
    pub items: Option<Count>,
    pub items_per_day: Option<Count>,
    pub deadline: Option<Time>,
    pub labels_per_item: f64,
    /// Seconds one label takes.
    pub seconds_per_label: f64,
    pub productive_hours: f64,
    /// Dollars per label.
    pub price_per_label: Option<f64>,
}

impl Default for Labelling {
    fn default() -> Self {
        Labelling {
            items: None,
            items_per_day: None,
            deadline: None,
            labels_per_item: 1.0,
            seconds_per_label: 0.0,
            productive_hours: 6.0,
            price_per_label: None,
        }
    }
}

pub const FIELDS: &[Field<Labelling>] = fields!(Labelling {
    items: Q(Kind::Count), false, "items to label in a batch, with deadline";
    items_per_day: Q(Kind::Count), false, "items to label a day, for a stream, instead of items";
    deadline: Q(Kind::Duration), true, "time to label the batch in, such as \"30 d\"";
    labels_per_item: Q(Kind::Factor), false, "labels per item: boxes per image, or raters for consensus (default 1)";
    seconds_per_label: Q(Kind::Number), false, "seconds one label takes";
    productive_hours: Q(Kind::Number), false, "hours an annotator labels a day (default 6)";
    price_per_label: Q(Kind::Money), false, "dollars per label, for the cost";
});

pub const ROW: Row<Labelling> = Row {
    section: Section::Labelling,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.labelling, |s| &mut s.labelling),
    check,
};

fn check(f: &mut Findings) {
    let Some(l) = &f.s.labelling else { return };
    let at = |key| Section::Labelling.at(key);
    let section = Section::Labelling.path();
    match (l.items.is_some(), l.items_per_day.is_some()) {
        (true, true) => f.say(
            at("items_per_day"),
            "[labelling] gives both items (a batch) and items_per_day (a stream)",
            "keep one: items with a deadline, or items_per_day",
        ),
        (false, false) => f.add(
            section.clone(),
            "[labelling] gives no items",
            &[
                &[
                    (&section, "items", "\"1M\""),
                    (&section, "deadline", "\"30 d\""),
                ],
                &[(&section, "items_per_day", "\"10k\"")],
            ],
            "",
        ),
        (true, false) => match l.deadline {
            None => f.add(
                at("deadline"),
                "a batch of items needs a deadline",
                &[&[(&section, "deadline", "\"30 d\"")]],
                "",
            ),
            Some(d) if d.value == 0.0 => f.say(
                at("deadline"),
                "a deadline of 0 leaves no time to label",
                "write the time the batch must be labelled in, such as \"30 d\"",
            ),
            _ => {}
        },
        (false, true) => {}
    }
    if l.seconds_per_label == 0.0 {
        f.add(
            at("seconds_per_label"),
            "[labelling] has no seconds_per_label",
            &[&[(&section, "seconds_per_label", "35")]],
            "(35 s a bounding box, Papadopoulos et al. 2017)",
        );
    }
    if l.productive_hours > 24.0 {
        f.say(
            at("productive_hours"),
            format!(
                "{} productive hours a day is more than a day",
                l.productive_hours
            ),
            "write the hours an annotator labels a day, such as 6",
        );
    }
}

//! Human labelling: the annotators a deadline or a stream needs, and the cost.

use super::{Bracket, Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Labelling, Scenario};
use crate::units::{Kind, SECONDS_PER_DAY};
use std::fmt;
use uom::si::time::second;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabellingEstimate {
    pub labels_per_day: f64,
    pub annotators: f64,
    /// Dollars: for the batch, or per day for a stream.
    pub cost: Option<f64>,
}

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::Labelling, &[name]), label, kind, value)
}

/// Labels a day, tracing how.
fn labels_per_day<T: Trace>(l: &Labelling, t: &mut T) -> f64 {
    t.uses(In::of(S::Labelling, "labels_per_item"));
    match (l.items, l.items_per_day, l.deadline) {
        (Some(items), _, Some(deadline)) => {
            t.uses(In::of(S::Labelling, "items"));
            t.uses(In::of(S::Labelling, "deadline"));
            let days = deadline.get::<second>() / SECONDS_PER_DAY;
            let per_day = items.0 * l.labels_per_item / days;
            t.step(per_day, Kind::Count, |w| {
                w.q(items.0, Kind::Count)
                    .t(" items")
                    .op(Op::Times)
                    .sig(l.labels_per_item)
                    .t(" labels each")
                    .op(Op::Divide)
                    .sig(days)
                    .t(" days")
                    .op(Op::Equals)
                    .q(per_day, Kind::Count)
                    .t(" labels a day");
            });
            per_day
        }
        (None, Some(items), _) => {
            t.uses(In::of(S::Labelling, "items_per_day"));
            let per_day = items.0 * l.labels_per_item;
            t.step(per_day, Kind::Count, |w| {
                w.q(items.0, Kind::Count)
                    .t(" items a day")
                    .op(Op::Times)
                    .sig(l.labels_per_item)
                    .t(" labels each")
                    .op(Op::Equals)
                    .q(per_day, Kind::Count)
                    .t(" labels a day");
            });
            per_day
        }
        _ => 0.0,
    }
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(l) = &s.labelling else {
        e.labelling = None;
        return;
    };
    let per_day = labels_per_day(l, t);
    t.uses(In::of(S::Labelling, "seconds_per_label"));
    t.uses(In::of(S::Labelling, "productive_hours"));
    let work = per_day * l.seconds_per_label;
    let shift = l.productive_hours * 3600.0;
    let annotators = (work / shift).ceil();
    t.step(annotators, Kind::Count, |w| {
        w.bracket(Bracket::CeilOpen)
            .q(per_day, Kind::Count)
            .t(" labels")
            .op(Op::Times)
            .sig(l.seconds_per_label)
            .t(" s")
            .op(Op::Divide)
            .t("(")
            .sig(l.productive_hours)
            .t(" h")
            .op(Op::Times)
            .t("3,600 s")
            .op(Op::Equals)
            .n(shift)
            .t(" s an annotator-day)")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(annotators)
            .t(" annotators");
    });
    let annotators = put(
        t,
        "annotators",
        format_args!("Annotators"),
        Kind::Integer,
        annotators,
    );

    let cost = l.price_per_label.map(|price| {
        t.uses(In::of(S::Labelling, "price_per_label"));
        t.uses(In::of(S::Labelling, "labels_per_item"));
        let (items, per) = match (l.items, l.items_per_day) {
            (Some(items), _) => {
                t.uses(In::of(S::Labelling, "items"));
                (items.0, "")
            }
            (None, Some(items)) => {
                t.uses(In::of(S::Labelling, "items_per_day"));
                (items.0, " a day")
            }
            _ => (0.0, ""),
        };
        let cost = items * l.labels_per_item * price;
        t.step(cost, Kind::Money, |w| {
            w.q(items, Kind::Count)
                .t(" items")
                .op(Op::Times)
                .sig(l.labels_per_item)
                .t(" labels")
                .op(Op::Times)
                .q(price, Kind::Money)
                .t(" a label")
                .op(Op::Equals)
                .q(cost, Kind::Money)
                .t(per);
        });
        let label = if l.items.is_some() {
            "Labelling cost"
        } else {
            "Labelling cost a day"
        };
        put(t, "cost", format_args!("{label}"), Kind::Money, cost)
    });
    e.labelling = Some(LabellingEstimate {
        labels_per_day: per_day,
        annotators,
        cost,
    });
}

//! Human labelling: the annotators a deadline or a stream needs, and the cost.

use super::{Estimate, Section, Trace};
use crate::scenario::{Labelling, Scenario};
use crate::units::format::{Grouped, Human, Sig};
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

fn put<T: Trace>(t: &mut T, name: &str, label: fmt::Arguments<'_>, kind: Kind, value: f64) {
    t.output(
        Section::Labelling,
        format_args!("{name}"),
        label,
        kind,
        value,
    );
}

/// Labels a day, tracing how.
fn labels_per_day<T: Trace>(l: &Labelling, t: &mut T) -> f64 {
    t.uses(format_args!("labelling.labels_per_item"));
    match (l.items, l.items_per_day, l.deadline) {
        (Some(items), _, Some(deadline)) => {
            t.uses(format_args!("labelling.items"));
            t.uses(format_args!("labelling.deadline"));
            let days = deadline.get::<second>() / SECONDS_PER_DAY;
            let per_day = items.0 * l.labels_per_item / days;
            t.step(
                per_day,
                Kind::Count,
                format_args!(
                    "{} items × {} labels each ÷ {} days = {} labels a day",
                    Human::new(items.0, Kind::Count),
                    Sig(l.labels_per_item),
                    Sig(days),
                    Human::new(per_day, Kind::Count)
                ),
            );
            per_day
        }
        (None, Some(items), _) => {
            t.uses(format_args!("labelling.items_per_day"));
            let per_day = items.0 * l.labels_per_item;
            t.step(
                per_day,
                Kind::Count,
                format_args!(
                    "{} items a day × {} labels each = {} labels a day",
                    Human::new(items.0, Kind::Count),
                    Sig(l.labels_per_item),
                    Human::new(per_day, Kind::Count)
                ),
            );
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
    t.uses(format_args!("labelling.seconds_per_label"));
    t.uses(format_args!("labelling.productive_hours"));
    let work = per_day * l.seconds_per_label;
    let shift = l.productive_hours * 3600.0;
    let annotators = (work / shift).ceil();
    t.step(
        annotators,
        Kind::Count,
        format_args!(
            "⌈{} labels × {} s ÷ ({} h × 3,600 s = {} s an annotator-day)⌉ = {} annotators",
            Human::new(per_day, Kind::Count),
            Sig(l.seconds_per_label),
            Sig(l.productive_hours),
            Grouped(shift),
            Grouped(annotators)
        ),
    );
    put(
        t,
        "annotators",
        format_args!("Annotators"),
        Kind::Count,
        annotators,
    );

    let cost = l.price_per_label.map(|price| {
        t.uses(format_args!("labelling.price_per_label"));
        t.uses(format_args!("labelling.labels_per_item"));
        let (items, per) = match (l.items, l.items_per_day) {
            (Some(items), _) => {
                t.uses(format_args!("labelling.items"));
                (items.0, "")
            }
            (None, Some(items)) => {
                t.uses(format_args!("labelling.items_per_day"));
                (items.0, " a day")
            }
            _ => (0.0, ""),
        };
        let cost = items * l.labels_per_item * price;
        t.step(
            cost,
            Kind::Money,
            format_args!(
                "{} items × {} labels × {} a label = {}{per}",
                Human::new(items, Kind::Count),
                Sig(l.labels_per_item),
                Human::new(price, Kind::Money),
                Human::new(cost, Kind::Money)
            ),
        );
        let label = if l.items.is_some() {
            "Labelling cost"
        } else {
            "Labelling cost a day"
        };
        put(t, "cost", format_args!("{label}"), Kind::Money, cost);
        cost
    });
    e.labelling = Some(LabellingEstimate {
        labels_per_day: per_day,
        annotators,
        cost,
    });
}

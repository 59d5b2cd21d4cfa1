//! `[traffic]`: online requests, as DAU × requests per user or a QPS, and their peak.

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::{self, Kind};
use uom::si::f64::{Frequency, Information};

/// Online traffic: either DAU × requests per user per day, or a QPS given directly.
#[derive(Clone, Debug)]
pub struct Traffic {
    pub dau: Option<Count>,
    pub requests_per_user_per_day: Option<f64>,
    pub qps: Option<Frequency>,
    pub peak_factor: f64,
    pub request_size: Information,
    pub response_size: Information,
}

impl Traffic {
    /// Whether the section gives a request rate (qps, or dau with requests per user), not only
    /// a peak factor for uploads, or daily users alone (for an experiment's eligible users).
    pub fn has_requests(&self) -> bool {
        self.qps.is_some() || (self.dau.is_some() && self.requests_per_user_per_day.is_some())
    }
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic {
            dau: None,
            requests_per_user_per_day: None,
            qps: None,
            peak_factor: 2.0,
            request_size: units::bytes(0.0),
            response_size: units::bytes(0.0),
        }
    }
}

pub const FIELDS: &[Field<Traffic>] = fields!(Traffic {
    dau: Q(Kind::Count), false, "daily active users";
    requests_per_user_per_day: Q(Kind::Count), false, "requests one user makes a day";
    qps: Q(Kind::Rate), false, "average requests per second, instead of dau × requests_per_user_per_day";
    peak_factor: Q(Kind::Factor), false, "peak ÷ average traffic (default 2, Xu's convention)";
    request_size: Q(Kind::Size), true, "bytes a request carries in (default 0)";
    response_size: Q(Kind::Size), true, "bytes a response carries out (default 0)";
});

pub const ROW: Row<Traffic> = Row {
    section: Section::Traffic,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.traffic, |s| &mut s.traffic),
    check,
};

/// Whether `[traffic]` gives any key but peak_factor, in the file or by an override.
fn gives_more_than_peak_factor(f: &Findings) -> bool {
    f.s.provenance
        .written()
        .any(|path| path.section == Section::Traffic && path.key != "peak_factor")
}

fn check(f: &mut Findings) {
    let Some(t) = &f.s.traffic else { return };
    let at = |key| Section::Traffic.at(key);
    let section = Section::Traffic.path();
    match (
        t.dau.is_some() || t.requests_per_user_per_day.is_some(),
        t.qps.is_some(),
    ) {
        (true, true) => f.say_or_unset(
            at("qps"),
            "traffic is given both as qps and as dau × requests_per_user_per_day",
            "keep one: remove qps, or remove dau and requests_per_user_per_day",
            at("qps"),
        ),
        // A [traffic] that gives only peak_factor sets how much uploads peak, no requests.
        (false, false) if !gives_more_than_peak_factor(f) => {}
        (false, false) => f.add(
            section.clone(),
            "[traffic] gives neither qps nor dau",
            &[
                &[
                    (&section, "dau", "\"100M\""),
                    (&section, "requests_per_user_per_day", "5"),
                ],
                &[(&section, "qps", "\"10k/s\"")],
            ],
            "",
        ),
        (true, false) => {
            if t.dau.is_none() {
                f.add(
                    at("dau"),
                    "requests_per_user_per_day is given without dau",
                    &[&[(&section, "dau", "\"100M\"")]],
                    "",
                );
            }
            // dau alone is the daily users (an experiment's eligible users, logs per user): the
            // report says the QPS needs requests_per_user_per_day. What needs a rate says so.
        }
        (false, true) => {}
    }
    if t.peak_factor < 1.0 {
        let problem = format!(
            "the peak factor {} is below 1: the peak cannot be below the average",
            t.peak_factor
        );
        f.say(at("peak_factor"), problem, "write 2 (Xu's default) or more");
    }
}

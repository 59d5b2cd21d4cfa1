//! `[logging]` and `[[log]]`: event logs kept as training data.

use crate::scenario::path::SectionPath;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, FieldKind::Text, Section, fields};
use crate::scenario::validate::Findings;
use crate::scenario::{Count, Scenario};
use crate::units::{self, Kind, SECONDS_PER_DAY};
use uom::si::f64::{Information, Time};

/// Event logs kept as training data: `[logging]`, or one `[[log]]` entry.
#[derive(Clone, Debug)]
pub struct Logging {
    /// Empty for `[logging]`; the entry's name for `[[log]]`.
    pub name: String,
    pub events_per_user_per_day: Option<Count>,
    /// Events per day directly, instead of DAU × events per user.
    pub events_per_day: Option<Count>,
    pub event_size: Information,
    pub retention: Time,
}

impl Default for Logging {
    fn default() -> Self {
        Logging {
            name: String::new(),
            events_per_user_per_day: None,
            events_per_day: None,
            event_size: units::bytes(0.0),
            retention: units::seconds(90.0 * SECONDS_PER_DAY),
        }
    }
}

impl Logging {
    /// The section it is written in: `logging`, or `log.<name>`.
    pub fn section(&self) -> SectionPath {
        if self.name.is_empty() {
            SectionPath::new(Section::Logging, None)
        } else {
            SectionPath::new(Section::Log, Some(&self.name))
        }
    }

    /// All log streams of a scenario: `[logging]` first, then each `[[log]]`.
    pub fn all(s: &Scenario) -> impl Iterator<Item = &Logging> {
        s.logging.iter().chain(s.logs.iter())
    }
}

pub const FIELDS: &[Field<Logging>] = fields!(Logging {
    name: Text, false, "[[log]] only: the stream's name, used in output ids (storage.log.<name>)";
    events_per_user_per_day: Q(Kind::Count), false, "logged events per user per day";
    events_per_day: Q(Kind::Count), false, "logged events per day, instead of per user";
    event_size: Q(Kind::Size), false, "bytes per logged event";
    retention: Q(Kind::Duration), false, "how long logs are kept (default 90 d)";
});

pub const ROW: Row<Logging> = Row {
    section: Section::Logging,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.logging, |s| &mut s.logging),
    check: |f| {
        if let Some(l) = &f.s.logging {
            check(f, l)
        }
    },
};

pub const LOG_ROW: Row<Logging> = Row {
    section: Section::Log,
    fields: FIELDS,
    holder: Holder::List(
        |s| &s.logs,
        |s| &mut s.logs,
        |c| &c.name,
        |c, name| c.name = name.to_string(),
    ),
    check: |f| {
        for l in &f.s.logs {
            check(f, l)
        }
    },
};

fn check(f: &mut Findings, l: &Logging) {
    let p = l.section();
    match (
        l.events_per_user_per_day.is_some(),
        l.events_per_day.is_some(),
    ) {
        (true, true) => f.say(
            p.input("events_per_day"),
            "the log gives both events_per_day and events_per_user_per_day",
            "keep one of them",
        ),
        (false, false) => f.add(
            p.clone(),
            "the log gives no event count",
            &[
                &[(&p, "events_per_user_per_day", "50")],
                &[(&p, "events_per_day", "\"10B\"")],
            ],
            "",
        ),
        (true, false) if f.s.traffic.as_ref().and_then(|t| t.dau).is_none() => f.say(
            p.input("events_per_user_per_day"),
            "events per user need traffic.dau",
            "add dau to [traffic], or write events_per_day instead",
        ),
        _ => {}
    }
    if l.event_size.value == 0.0 {
        f.add(
            p.input("event_size"),
            "the log has no event_size",
            &[&[(&p, "event_size", "\"500 B\"")]],
            "",
        );
    }
}

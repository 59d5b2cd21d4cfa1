//! `[[corpus]]`: a stored collection (videos, images, listings), its growth and retention.

use crate::scenario::Count;
use crate::scenario::path::SectionPath;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Bool, FieldKind::Quantity as Q, FieldKind::Text, Section, fields,
};
use crate::scenario::validate::Findings;
use crate::units::{self, Kind};
use uom::si::f64::{Information, Time};

/// A stored collection (videos, images, listings).
#[derive(Clone, Debug)]
pub struct Corpus {
    pub name: String,
    pub items: Count,
    pub item_size: Information,
    pub new_items_per_day: Count,
    pub replication: f64,
    pub retention: Option<Time>,
    /// New items arrive over the network (ingress); false for what the system writes itself.
    pub uploaded: bool,
}

impl Default for Corpus {
    fn default() -> Self {
        Corpus {
            name: String::new(),
            items: Count(0.0),
            item_size: units::bytes(0.0),
            new_items_per_day: Count(0.0),
            replication: 1.0,
            retention: None,
            uploaded: true,
        }
    }
}

pub const FIELDS: &[Field<Corpus>] = fields!(Corpus {
    name: Text, false, "the collection's name, used in output ids (storage.<name>)";
    items: Q(Kind::Count), true, "items stored today";
    item_size: Q(Kind::Size), false, "bytes per item";
    new_items_per_day: Q(Kind::Count), true, "items added per day (default 0)";
    replication: Q(Kind::Factor), false, "copies kept of each item (default 1)";
    retention: Q(Kind::Duration), false, "how long new items are kept: growth is counted over it (default: no growth counted)";
    uploaded: Bool, false, "new items arrive from outside and count as ingress (default true); false for what the system writes from data it already has: derived copies, embeddings, training sets, or stored requests already counted as request ingress";
});

pub const ROW: Row<Corpus> = Row {
    section: Section::Corpus,
    fields: FIELDS,
    holder: Holder::List(
        |s| &s.corpora,
        |s| &mut s.corpora,
        |c| &c.name,
        |c, name| c.name = name.to_string(),
    ),
    check,
};

/// Output ids a corpus name must not shadow (`storage.<name>`).
const RESERVED: [&str; 8] = [
    "embeddings",
    "logs",
    "log",
    "total",
    "growth_per_day",
    "graph",
    "text_index",
    "retained_growth",
];

fn check(f: &mut Findings) {
    for c in &f.s.corpora {
        let corpus = SectionPath::new(Section::Corpus, Some(&c.name));
        if RESERVED.contains(&c.name.as_str()) {
            f.say(
                corpus.input("name"),
                format!(
                    "a corpus cannot be named \"{}\": storage.{} is another output",
                    c.name, c.name
                ),
                "give it the name of what it stores, such as \"videos\" or \"images\"",
            );
        }
        if c.item_size.value == 0.0 {
            f.add(
                corpus.input("item_size"),
                format!("the corpus \"{}\" has no item_size", c.name),
                &[&[(&corpus, "item_size", "\"1 KB\"")]],
                "(bytes one item takes, such as \"50 MB\" for a video)",
            );
        }
        if c.replication < 1.0 {
            f.say(
                corpus.input("replication"),
                format!("replication {} is below 1", c.replication),
                "write 1 for a single copy, 3 for triple replication",
            );
        }
    }
}

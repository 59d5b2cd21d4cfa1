//! `[text_index]`: an inverted text index (Elasticsearch, Lucene).

use crate::scenario::Count;
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{Field, FieldKind::Quantity as Q, Section, fields};
use crate::scenario::validate::Findings;
use crate::units::{self, Kind};
use uom::si::f64::Information;

/// An inverted text index (Elasticsearch, Lucene): one posting per term occurrence kept.
#[derive(Clone, Debug)]
pub struct TextIndex {
    pub documents: Count,
    pub terms_per_document: Count,
    pub bytes_per_posting: Information,
    pub replication: f64,
}

impl Default for TextIndex {
    fn default() -> Self {
        TextIndex {
            documents: Count(0.0),
            terms_per_document: Count(0.0),
            bytes_per_posting: units::bytes(4.0),
            replication: 1.0,
        }
    }
}

pub const FIELDS: &[Field<TextIndex>] = fields!(TextIndex {
    documents: Q(Kind::Count), false, "documents indexed";
    terms_per_document: Q(Kind::Count), false, "distinct terms indexed per document";
    bytes_per_posting: Q(Kind::Size), false, "bytes per posting after compression (default 4 B)";
    replication: Q(Kind::Factor), false, "copies of the index (default 1)";
});

pub const ROW: Row<TextIndex> = Row {
    section: Section::TextIndex,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.text_index, |s| &mut s.text_index),
    check,
};

fn check(f: &mut Findings) {
    let Some(ti) = &f.s.text_index else { return };
    if ti.documents.0 == 0.0 || ti.terms_per_document.0 == 0.0 {
        let section = Section::TextIndex.path();
        f.add(
            section.clone(),
            "[text_index] needs documents and terms_per_document",
            &[&[
                (&section, "documents", "\"1B\""),
                (&section, "terms_per_document", "200"),
            ]],
            "",
        );
    }
}

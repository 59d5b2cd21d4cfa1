//! Two scenarios side by side: every output of either, its value in each and the ratio.
//!
//! [`rows`] pairs two [`Report`]s output by output, by id, in the order `calc` lists them (by
//! section; within a section, `a`'s outputs first, then those only `b` has). [`Ratio`] writes
//! b ÷ a as the text and Markdown reports show it ("×3.0").

use crate::estimate::Section;
use crate::report::Report;
use crate::units::{Human, Kind};
use std::fmt;

/// One output of either scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub label: String,
    pub section: Section,
    pub kind: Kind,
    /// Its value in `a`, in base units; `None` when `a` has no such output.
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// Whether the readable reports print it for either scenario ([`Report::shown`]).
    pub shown: bool,
}

impl Row {
    /// b ÷ a; `None` when either is missing, when a is 0, or when the quotient is not finite.
    pub fn ratio(&self) -> Option<f64> {
        match (self.a, self.b) {
            (Some(a), Some(b)) if a != 0.0 => Some(b / a).filter(|r| r.is_finite()),
            _ => None,
        }
    }

    /// Whether the two values differ (an output only one side has differs).
    pub fn changed(&self) -> bool {
        self.a != self.b
    }
}

/// Every output of `a` or `b`, paired by id.
pub fn rows(a: &Report, b: &Report) -> Vec<Row> {
    let mut rows = Vec::with_capacity(a.outputs.len().max(b.outputs.len()));
    for section in Section::ALL {
        for (o, &shown) in a.outputs.iter().zip(&a.shown) {
            if o.section != section {
                continue;
            }
            let other = b.outputs.iter().position(|p| p.id == o.id);
            rows.push(Row {
                id: o.id.clone(),
                label: o.label.clone(),
                section,
                kind: o.kind,
                a: Some(o.value),
                b: other.map(|i| b.outputs[i].value),
                shown: shown || other.is_some_and(|i| b.shown[i]),
            });
        }
        for (o, &shown) in b.outputs.iter().zip(&b.shown) {
            if o.section == section && a.output(&o.id).is_none() {
                rows.push(Row {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    section,
                    kind: o.kind,
                    a: None,
                    b: Some(o.value),
                    shown,
                });
            }
        }
    }
    rows
}

/// A ratio as napkin writes it: "×3.0", "×0.5", "×1.04", "×12.5", "×1,230"; three significant
/// figures, and a decimal kept below 10 so that an unchanged value reads "×1.0".
pub struct Ratio(pub f64);

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A factor is written "3×": the number alone, then the sign in front.
        let factor = Human::new(self.0, Kind::Factor).to_string();
        let number = factor.trim_end_matches('×');
        let decimal = if self.0 < 10.0 && !number.contains('.') {
            ".0"
        } else {
            ""
        };
        write!(f, "×{number}{decimal}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Style;

    fn report(text: &str) -> Report {
        Report::build(
            &crate::scenario::load_str(text, "t.toml").unwrap(),
            Style::Decimal,
        )
        .unwrap()
    }

    #[test]
    fn ratios_are_b_over_a_and_missing_sides_are_none() {
        let a = report(
            "[meta]\nid = \"a\"\ntitle = \"A\"\n[traffic]\ndau = \"100M\"\nrequests_per_user_per_day = 10\n",
        );
        let b = report(
            "[meta]\nid = \"b\"\ntitle = \"B\"\n[traffic]\ndau = \"300M\"\nrequests_per_user_per_day = 10\n\
             [embeddings]\nvectors = \"1M\"\ndim = 128\n",
        );
        let rows = rows(&a, &b);
        let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
        // 100M × 10 ÷ 86,400 = 11,574/s against 300M × 10 ÷ 86,400 = 34,722/s: ×3.
        let qps = row("traffic.avg_qps");
        assert!((qps.a.unwrap() - 1e9 / 86_400.0).abs() < 1e-9);
        assert!((qps.ratio().unwrap() - 3.0).abs() < 1e-12);
        assert!(qps.changed());
        // Embeddings only in b: 1M × 128 × 4 B = 512 MB; no ratio.
        let emb = row("storage.embeddings");
        assert_eq!((emb.a, emb.b), (None, Some(5.12e8)));
        assert_eq!(emb.ratio(), None);
        // Both in section order: traffic before storage.
        let first_storage = rows.iter().position(|r| r.section == Section::Storage);
        let last_traffic = rows.iter().rposition(|r| r.section == Section::Traffic);
        assert!(last_traffic < first_storage);
    }

    #[test]
    fn an_output_of_one_side_only_has_none_on_the_other() {
        let a = report("[meta]\nid = \"a\"\ntitle = \"A\"\n[traffic]\nqps = \"1k/s\"\n");
        let b = report(
            "[meta]\nid = \"b\"\ntitle = \"B\"\n[traffic]\nqps = \"1k/s\"\n\
             [embeddings]\nvectors = \"1M\"\ndim = 128\n[index]\nkind = \"flat\"\nnode_memory = \"1 GB\"\n",
        );
        let rows = rows(&a, &b);
        let memory = rows.iter().find(|r| r.id == "index.memory").unwrap();
        // 1M × 128 × 4 B = 512 MB, only in b.
        assert_eq!((memory.a, memory.b), (None, Some(5.12e8)));
        assert!(memory.changed());
        let qps = rows.iter().find(|r| r.id == "traffic.avg_qps").unwrap();
        assert_eq!(qps.ratio(), Some(1.0));
        assert!(!qps.changed());
    }

    #[test]
    fn ratios_read_with_three_figures() {
        let r = |x: f64| Ratio(x).to_string();
        assert_eq!(r(3.0), "×3.0");
        assert_eq!(r(1.0), "×1.0");
        assert_eq!(r(0.5), "×0.5");
        assert_eq!(r(1.04), "×1.04");
        assert_eq!(r(12.5), "×12.5");
        assert_eq!(r(1234.0), "×1,230");
        assert_eq!(r(1.0 / 3.0), "×0.333");
    }
}

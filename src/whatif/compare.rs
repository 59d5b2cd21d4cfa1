//! Two scenarios side by side: every output of either, its value in each and the ratio.
//!
//! [`rows`] pairs two estimates' outputs by id, in the order `calc` lists them (by section;
//! within a section, `a`'s outputs first, then those only `b` has).

use crate::estimate::{Output, OutputId, Section};
use crate::units::Kind;

/// One output of either scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: OutputId,
    pub label: String,
    pub section: Section,
    pub kind: Kind,
    /// Its value in `a`, in base units; `None` when `a` has no such output.
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// Whether a readable report prints it for either scenario.
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

/// One scenario's outputs, and for each whether a readable report prints it.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub outputs: &'a [Output],
    pub shown: &'a [bool],
}

/// Every output of `a` or `b`, paired by id.
pub fn rows(a: Side<'_>, b: Side<'_>) -> Vec<Row> {
    let mut rows = Vec::with_capacity(a.outputs.len().max(b.outputs.len()));
    let shown = |side: Side<'_>, i: usize| side.shown.get(i).copied().unwrap_or(true);
    for section in Section::ALL {
        for (i, o) in a.outputs.iter().enumerate() {
            if o.section() != section {
                continue;
            }
            let other = b.outputs.iter().position(|p| p.id == o.id);
            rows.push(Row {
                id: o.id.clone(),
                label: o.label.clone(),
                section,
                kind: o.kind,
                a: Some(o.value),
                b: other.map(|j| b.outputs[j].value),
                shown: shown(a, i) || other.is_some_and(|j| shown(b, j)),
            });
        }
        for (j, o) in b.outputs.iter().enumerate() {
            if o.section() == section && !a.outputs.iter().any(|p| p.id == o.id) {
                rows.push(Row {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    section,
                    kind: o.kind,
                    a: None,
                    b: Some(o.value),
                    shown: shown(b, j),
                });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs(text: &str) -> Vec<Output> {
        crate::estimate::explain(&crate::scenario::load_str(text, "t.toml").unwrap()).1
    }

    fn side(o: &[Output]) -> Side<'_> {
        Side {
            outputs: o,
            shown: &[],
        }
    }

    #[test]
    fn ratios_are_b_over_a_and_missing_sides_are_none() {
        let a = outputs(
            "[meta]\nid = \"a\"\ntitle = \"A\"\n[traffic]\ndau = \"100M\"\nrequests_per_user_per_day = 10\n",
        );
        let b = outputs(
            "[meta]\nid = \"b\"\ntitle = \"B\"\n[traffic]\ndau = \"300M\"\nrequests_per_user_per_day = 10\n\
             [embeddings]\nvectors = \"1M\"\ndim = 128\n",
        );
        let rows = rows(side(&a), side(&b));
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
        let a = outputs("[meta]\nid = \"a\"\ntitle = \"A\"\n[traffic]\nqps = \"1k/s\"\n");
        let b = outputs(
            "[meta]\nid = \"b\"\ntitle = \"B\"\n[traffic]\nqps = \"1k/s\"\n\
             [embeddings]\nvectors = \"1M\"\ndim = 128\n[index]\nkind = \"flat\"\nnode_memory = \"1 GB\"\n",
        );
        let rows = rows(side(&a), side(&b));
        let memory = rows.iter().find(|r| r.id == "index.memory").unwrap();
        // 1M × 128 × 4 B = 512 MB, only in b.
        assert_eq!((memory.a, memory.b), (None, Some(5.12e8)));
        assert!(memory.changed());
        let qps = rows.iter().find(|r| r.id == "traffic.avg_qps").unwrap();
        assert_eq!(qps.ratio(), Some(1.0));
        assert!(!qps.changed());
    }
}

//! What the samples of a run must compute, found once from the graph the estimate records at the
//! medians: the parts of the estimate a ranged input reaches, and among their outputs those that
//! vary. Every other output is the same in every sample: its value at the medians.

use crate::estimate::{Estimate, OutputId, Part, Parts, Recorder};
use crate::scenario::{InputPath, Scenario};

/// An output a range reaches: one column of samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Column {
    /// Its position among every output (the spreads' order).
    pub output: usize,
    /// Its position among the outputs a sample gives ([`Plan::live`]).
    pub at: usize,
    /// The range it reads, when it reads one alone (its index among the ranged inputs).
    pub alone: Option<usize>,
}

/// The outputs at the medians and what a sample recomputes of them.
#[derive(Default)]
pub(super) struct Plan {
    /// Every output's id at the medians, in the order computed.
    pub ids: Vec<OutputId>,
    /// Every output's value at the medians (given values included).
    pub medians: Vec<f64>,
    /// The parts a sample runs: those with an output some range reaches, or that leave for the
    /// next parts something worked out from a ranged input.
    pub parts: Parts,
    /// The outputs those parts give at the medians, by position among every output, in order:
    /// what a sample gives when its outputs are the medians' (most samples).
    pub live: Vec<usize>,
    /// The section of each of them (its number), to tell a sample whose outputs differ.
    pub layout: Vec<u8>,
    /// The outputs a range reaches, in order.
    pub columns: Vec<Column>,
    /// The first output no range reaches that is not a finite number: every sample gives it.
    pub broken: Option<usize>,
}

impl Plan {
    /// Plans the samples of `s` (every ranged field at its median) whose ranged inputs are
    /// `ranged`; leaves the whole estimate at the medians in `e`, for a sample to start from.
    pub fn new(
        s: &Scenario,
        givens: &crate::estimate::Givens,
        ranged: &[&InputPath],
        e: &mut Estimate,
    ) -> Plan {
        let mut rec = Recorder::graph(givens);
        let mut plan = Plan::default();
        let mut start = 0;
        for &part in Part::ALL {
            part.run(s, e, &mut rec);
            let outputs = &rec.outputs[start..];
            let reached = |i: usize| outputs[i].inputs.iter().any(|p| ranged.contains(&p));
            // What the part read after its last output, it left in the estimate for the next.
            let leaves = rec.pending().iter().any(|p| ranged.contains(&p));
            if leaves || (0..outputs.len()).any(reached) {
                plan.parts.insert(part);
                for (i, o) in outputs.iter().enumerate() {
                    if reached(i) {
                        let mut read = (0..ranged.len()).filter(|&r| o.inputs.contains(ranged[r]));
                        let alone = match (read.next(), read.next()) {
                            (Some(r), None) => Some(r),
                            _ => None,
                        };
                        plan.columns.push(Column {
                            output: start + i,
                            at: plan.live.len(),
                            alone,
                        });
                    }
                    plan.live.push(start + i);
                    plan.layout.push(o.section() as u8);
                }
            }
            start = rec.outputs.len();
        }
        for o in rec.outputs {
            plan.ids.push(o.id);
            plan.medians.push(o.value);
        }
        let mut varying = plan.columns.iter().map(|c| c.output).peekable();
        plan.broken = (0..plan.medians.len()).find(|&i| {
            if varying.peek() == Some(&i) {
                varying.next();
                return false;
            }
            !plan.medians[i].is_finite()
        });
        plan
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::path::p;

    fn preset(id: &str) -> Scenario {
        crate::presets::builtin()
            .into_iter()
            .find(|p| p.id == id)
            .unwrap()
            .load()
            .unwrap()
    }

    #[test]
    fn a_range_reaches_the_outputs_that_read_it_and_their_parts() {
        let s = preset("twitter");
        let mut e = Estimate::default();
        let path = p("corpus.media.item_size");
        let plan = Plan::new(&s, &[], &[&path], &mut e);
        let id = |i: usize| plan.ids[i].to_string();
        let varying: Vec<String> = plan.columns.iter().map(|c| id(c.output)).collect();
        // Media's size makes its storage, every storage total, and the ingress that carries it.
        assert_eq!(
            varying,
            [
                "storage.media",
                "storage.media.growth_per_day",
                "storage.media.retained_growth",
                "storage.growth_per_day",
                "storage.total",
                "bandwidth.ingress"
            ]
        );
        assert_eq!(
            plan.parts.iter().collect::<Vec<_>>(),
            [Part::Storage, Part::Bandwidth]
        );
        // A sample gives the outputs of those parts, egress included, which it does not read.
        let live: Vec<String> = plan.live.iter().map(|&i| id(i)).collect();
        assert!(live.contains(&"bandwidth.egress".to_string()));
        assert!(!live.iter().any(|o| o.starts_with("traffic.")));
        assert_eq!(plan.medians.len(), crate::estimate::explain(&s).1.len());
        assert_eq!(plan.broken, None);
        assert_eq!(e, crate::estimate::estimate(&s));
    }
}

//! The estimate as a list of parts, each one function that computes a family of outputs from the
//! scenario and the results of the parts before it (in [`Estimate`]).
//!
//! A part joins the estimate by one line of the table below, which makes the whole estimate
//! ([`run`]) and the estimate of chosen parts ([`run_parts`]). Running only some parts is for a
//! caller that changes a few inputs many times (a Monte Carlo sample): the parts no changed input
//! reaches (by the graph a [`Recorder`](super::Recorder) keeps) give what they gave before, so
//! their results, left in the [`Estimate`] by an earlier whole run, stand.

use super::{Estimate, Trace};
use super::{
    bandwidth, cache, diffusion, embedding_tables, experiment, feature_store, fleet, index,
    labelling, latency, llm, sampling, storage, traffic, training,
};
use crate::scenario::Scenario;

macro_rules! parts {
    ($($part:ident => $estimate:path,)+) => {
        /// A part of the estimate, in the order the parts run.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Part {
            $($part,)+
        }

        impl Part {
            /// Every part, in the order they run.
            pub const ALL: &'static [Part] = &[$(Part::$part,)+];

            /// Runs this part alone.
            pub fn run<T: Trace>(self, s: &Scenario, e: &mut Estimate, t: &mut T) {
                match self {
                    $(Part::$part => $estimate(s, e, t),)+
                }
            }
        }

        /// Computes every output of `s` into `e`, telling `t` each step and output.
        pub fn run<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
            $($estimate(s, e, t);)+
        }

        /// Runs the parts in `parts`, in their order; the others' results in `e` stay as they are.
        pub fn run_parts<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T, parts: Parts) {
            $(if parts.contains(Part::$part) {
                $estimate(s, e, t);
            })+
        }
    };
}

parts! {
    Traffic => traffic::estimate,
    // Generated outputs join the storage totals.
    Diffusion => diffusion::estimate,
    Storage => storage::estimate,
    IndexSize => index::size,
    IndexPlacement => index::placement,
    IndexEngines => index::on_engines,
    Fleet => fleet::estimate,
    Bandwidth => bandwidth::estimate,
    LatencyPath => latency::path,
    LatencyFanout => latency::fanout,
    Llm => llm::estimate,
    Accelerators => fleet::accelerators,
    Sampling => sampling::estimate,
    Training => training::estimate,
    EmbeddingTables => embedding_tables::estimate,
    FeatureStore => feature_store::estimate,
    ExperimentQuantiles => experiment::quantiles,
    ExperimentSample => experiment::sample,
    ExperimentDuration => experiment::duration,
    Labelling => labelling::estimate,
    CacheHits => cache::hits,
    CacheLoad => cache::load,
}

// A set of parts is one bit each.
const _: () = assert!(Part::ALL.len() <= 64);

/// A set of parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts(u64);

impl Parts {
    /// No part.
    pub const NONE: Parts = Parts(0);

    pub fn contains(self, part: Part) -> bool {
        self.0 & (1 << part as u32) != 0
    }

    pub fn insert(&mut self, part: Part) {
        self.0 |= 1 << part as u32;
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The parts in the set, in the order they run.
    pub fn iter(self) -> impl Iterator<Item = Part> {
        Part::ALL.iter().copied().filter(move |&p| self.contains(p))
    }
}

impl FromIterator<Part> for Parts {
    fn from_iter<I: IntoIterator<Item = Part>>(parts: I) -> Parts {
        let mut set = Parts::NONE;
        for p in parts {
            set.insert(p);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{Recorder, Values};

    #[test]
    fn the_parts_one_by_one_are_the_whole_estimate() {
        for p in crate::presets::builtin() {
            let s = p.load().unwrap();
            let (whole_e, whole) = crate::estimate::explain(&s);
            let mut e = Estimate::default();
            let mut rec = Recorder::default();
            for part in Part::ALL {
                part.run(&s, &mut e, &mut rec);
            }
            assert_eq!(rec.outputs, whole, "{}", p.id);
            assert_eq!(e, whole_e, "{}", p.id);
        }
    }

    #[test]
    fn chosen_parts_run_in_order_and_the_others_not_at_all() {
        let s = crate::presets::builtin()
            .into_iter()
            .find(|p| p.id == "video-recommendation")
            .unwrap()
            .load()
            .unwrap();
        let mut e = Estimate::default();
        let (mut values, mut sections) = (Vec::new(), Vec::new());
        let parts: Parts = [Part::Traffic, Part::CacheHits, Part::CacheLoad]
            .into_iter()
            .collect();
        let mut t = Values {
            values: &mut values,
            sections: Some(&mut sections),
            givens: &[],
        };
        run_parts(&s, &mut e, &mut t, parts);
        use crate::estimate::Section;
        // Average and peak QPS, then the cache's hit ratio, backend QPS and memory.
        assert_eq!(
            sections,
            [
                Section::Traffic,
                Section::Traffic,
                Section::Cache,
                Section::Cache,
                Section::Cache
            ]
        );
        assert!(e.index.is_none() && e.stages.is_empty());
        assert_eq!(
            parts.iter().collect::<Vec<_>>(),
            [Part::Traffic, Part::CacheHits, Part::CacheLoad]
        );
        assert!(Parts::NONE.is_empty() && !parts.is_empty());
    }
}

//! The estimate: a pure function from a [`Scenario`] to every output napkin computes.
//!
//! [`estimate`] is the fast path (no text, no allocation once the buffers exist when called
//! through [`estimate_into`]); [`explain`] runs the very same code with a [`Recorder`] and returns
//! each output with its derivation. One module per family of outputs, in the order they print:
//! [`traffic`], [`storage`], [`bandwidth`], [`index`] (with [`engines`], the index as each vector
//! engine sizes it), [`fleet`], [`latency`], the generative side ([`llm`], [`diffusion`], and
//! their accelerators in the fleet's totals), then the ML side: [`sampling`], [`training`],
//! [`embedding_tables`], [`feature_store`], [`experiment`], [`labelling`], [`cache`]; each is
//! a [`Part`] of [`parts`], where a new one joins. [`warnings`](mod@warnings) reads a finished
//! estimate.

pub mod bandwidth;
pub mod cache;
pub mod diffusion;
pub mod embedding_tables;
pub mod engines;
pub mod experiment;
pub mod feature_store;
pub mod fleet;
pub mod given;
pub mod id;
pub mod index;
pub mod labelling;
pub mod latency;
pub mod llm;
pub mod math;
pub mod parts;
pub mod sampling;
pub mod step;
pub mod storage;
pub mod trace;
pub mod traffic;
pub mod training;
pub mod warnings;

use crate::scenario::Scenario;
use uom::si::f64::{Frequency, Information, InformationRate, Time};

pub use id::{In, Out, OutputId, Section};
pub use parts::{Part, Parts, run, run_parts};
pub use step::{Bracket, Dep, Line, Op, Piece, Shown, Step};
pub use trace::{Givens, Output, Recorder, Silent, Trace, Values};
pub use warnings::{Warning, warnings};

/// Storage of one corpus.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CorpusEstimate {
    /// items × item size × replication.
    pub at_rest: Information,
    pub growth_per_day: Information,
    /// Growth per day × retention (zero without a retention).
    pub retained_growth: Information,
}

/// The vector index, one full copy and its placement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndexEstimate {
    pub vectors: f64,
    /// RAM per vector, without per-index constants (centroids, codebooks).
    pub bytes_per_vector: f64,
    /// One full copy in RAM, with its overheads.
    pub memory: Information,
    /// One full copy on SSD (DiskANN), else zero.
    pub disk: Information,
    pub shards: f64,
    pub replicas: f64,
    pub nodes: f64,
    /// One full copy in RAM as each engine sizes it, by `Engine as usize`
    /// ([`engines::Engine`]); None where the engine documents no such index.
    pub engines: engines::EngineSizes,
}

/// One stage's fleet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageEstimate {
    /// Items per second the stage must handle, over all regions.
    pub load: f64,
    /// Items per second one server sustains (zero for an index stage).
    pub per_server: f64,
    pub servers: f64,
    /// Requests in flight at peak (Little's law).
    pub concurrency: f64,
    /// Bytes per second sent to and from the index shards (index stages).
    pub fanout: InformationRate,
    /// When an online stage starts and finishes on the request's path, in seconds (after the
    /// overhead; a parallel stage starts with its partner). Zero for batch stages.
    pub start: f64,
    pub finish: f64,
}

/// Every number napkin computes for a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub avg_qps: Frequency,
    pub peak_qps: Frequency,
    pub corpora: Vec<CorpusEstimate>,
    pub embeddings: Information,
    pub logs_per_day: Information,
    pub logs: Information,
    pub growth_per_day: Information,
    pub storage_total: Information,
    pub ingress: InformationRate,
    pub egress: InformationRate,
    pub index: Option<IndexEstimate>,
    pub stages: Vec<StageEstimate>,
    pub total_servers: f64,
    pub latency_total: Time,
    /// latency total ÷ budget, where the scenario has a budget.
    pub budget_used: Option<f64>,
    /// Share of requests that wait on at least one slow shard.
    pub fanout_slow: Option<f64>,
    pub sampling: Option<sampling::SamplingEstimate>,
    pub training: Option<training::TrainingEstimate>,
    /// Bytes of each `[[embedding_table]]`, in file order.
    pub table_bytes: Vec<f64>,
    pub tables: Option<embedding_tables::TablesEstimate>,
    pub feature_store: Option<feature_store::FeatureStoreEstimate>,
    pub experiment: Option<experiment::ExperimentEstimate>,
    pub labelling: Option<labelling::LabellingEstimate>,
    pub cache: Option<cache::CacheEstimate>,
    pub llm: Option<llm::LlmEstimate>,
    pub diffusion: Option<diffusion::DiffusionEstimate>,
    /// Accelerators of `[llm]` and `[diffusion]` together (0 without either).
    pub total_devices: f64,
}

impl Default for Estimate {
    fn default() -> Self {
        let zero_b = crate::units::bytes(0.0);
        let zero_r = crate::units::bytes_per_second(0.0);
        let zero_q = crate::units::per_second(0.0);
        Estimate {
            avg_qps: zero_q,
            peak_qps: zero_q,
            corpora: Vec::new(),
            embeddings: zero_b,
            logs_per_day: zero_b,
            logs: zero_b,
            growth_per_day: zero_b,
            storage_total: zero_b,
            ingress: zero_r,
            egress: zero_r,
            index: None,
            stages: Vec::new(),
            total_servers: 0.0,
            latency_total: crate::units::seconds(0.0),
            budget_used: None,
            fanout_slow: None,
            sampling: None,
            training: None,
            table_bytes: Vec::new(),
            tables: None,
            feature_store: None,
            experiment: None,
            labelling: None,
            cache: None,
            llm: None,
            diffusion: None,
            total_devices: 0.0,
        }
    }
}

/// Computes every output of `s`.
pub fn estimate(s: &Scenario) -> Estimate {
    let mut e = Estimate::default();
    estimate_into(s, &mut e);
    e
}

/// Computes every output of `s` into `e`, reusing its buffers: no allocation once `e` has held
/// an estimate of a scenario with as many corpora, stages and embedding tables.
pub fn estimate_into(s: &Scenario, e: &mut Estimate) {
    run(s, e, &mut Silent);
}

/// Computes every output of `s` into `e` and writes each output's value into `values` (cleared
/// first), in the order [`explain`] lists them; no allocation once both have held as much.
pub fn values_into(s: &Scenario, e: &mut Estimate, values: &mut Vec<f64>) {
    values.clear();
    run(
        s,
        e,
        &mut Values {
            values,
            sections: None,
            givens: &[],
        },
    );
}

/// Computes every output of `s` with its derivation.
pub fn explain(s: &Scenario) -> (Estimate, Vec<Output>) {
    explain_given(s, &[])
}

/// Computes every output of `s` with its derivation, each output in `givens` taking its given
/// value: what reads it is worked out from that value, what it reads is as before.
pub fn explain_given(s: &Scenario, givens: &Givens) -> (Estimate, Vec<Output>) {
    let mut e = Estimate::default();
    let mut rec = Recorder::with_givens(givens);
    run(s, &mut e, &mut rec);
    (e, rec.outputs)
}

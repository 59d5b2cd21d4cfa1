//! The scenario: a case study's inputs, typed.
//!
//! A scenario is read from TOML by [`load`], changed by `--set` through [`overrides`], checked by
//! [`validate`], and described field by field in [`schema`], the one table that drives reading,
//! overriding, editing in the TUI and the README's key list. [`provenance`] records where each
//! input came from (the book, a public source, arithmetic on those, an assumption).

pub mod diagnostic;
pub mod edit;
pub mod load;
pub mod ml;
pub mod overrides;
pub mod provenance;
pub mod schema;
pub mod validate;

use crate::units::Interval;
use uom::si::f64::{Frequency, Information, Time};

pub use diagnostic::{Diagnostic, ScenarioError};
pub use load::load_str;
pub use ml::{
    Cache, EmbeddingTable, Experiment, FeatureStore, Labelling, Optimizer, Sampling, Training,
    WeightDtype,
};
pub use provenance::{Provenance, Source, SourceKind};

/// A plain count of things: users, requests, vectors, items. Kept apart from bare `f64` so a
/// count cannot be passed where a factor or fraction is meant.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Count(pub f64);

/// A whole scenario.
#[derive(Clone, Debug, Default)]
pub struct Scenario {
    pub meta: Meta,
    pub traffic: Option<Traffic>,
    pub corpora: Vec<Corpus>,
    pub embeddings: Option<Embeddings>,
    pub index: Option<Index>,
    pub stages: Vec<Stage>,
    pub serving: Serving,
    pub logging: Option<Logging>,
    /// Further named log streams (`[[log]]`), such as impressions and clicks.
    pub logs: Vec<Logging>,
    pub graph: Option<Graph>,
    pub text_index: Option<TextIndex>,
    pub training: Option<Training>,
    /// Recommendation-model tables (`[[embedding_table]]`).
    pub embedding_tables: Vec<EmbeddingTable>,
    pub sampling: Option<Sampling>,
    pub feature_store: Option<FeatureStore>,
    pub experiment: Option<Experiment>,
    pub labelling: Option<Labelling>,
    pub cache: Option<Cache>,
    /// Where each input came from, by field path ("traffic.dau", "stage.ranking.latency").
    pub provenance: Provenance,
    /// The inputs written as ranges (`lo..hi`), in the order they were read. Each such field
    /// holds its range's median, so every other reader sees one plain value.
    pub ranges: Vec<RangeInput>,
}

/// An input written as a range.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeInput {
    /// Its field path, as `--set` takes it ("traffic.dau").
    pub path: String,
    pub interval: Interval,
}

impl Scenario {
    /// The traffic that sends online requests: `[traffic]` with a rate. `None` without
    /// `[traffic]`, and when it gives only a peak factor (which uploads still peak by).
    pub fn requests(&self) -> Option<&Traffic> {
        self.traffic.as_ref().filter(|t| t.has_requests())
    }

    /// Whether any corpus receives uploads: new items a day that arrive from outside.
    pub fn has_uploads(&self) -> bool {
        self.corpora
            .iter()
            .any(|c| c.uploaded && c.new_items_per_day.0 > 0.0)
    }

    /// The range written for the input at `path`, if it is one.
    pub fn range(&self, path: &str) -> Option<&Interval> {
        self.ranges
            .iter()
            .find(|r| r.path == path)
            .map(|r| &r.interval)
    }

    /// Records that the input at `path` is the range `interval` (or, with `None`, a plain value
    /// again). The field itself is set by the caller.
    pub fn set_range(&mut self, path: &str, interval: Option<Interval>) {
        self.ranges.retain(|r| r.path != path);
        if let Some(interval) = interval {
            self.ranges.push(RangeInput {
                path: path.to_string(),
                interval,
            });
        }
    }

    /// How much uploads and traffic peak above their average: `[traffic]`'s factor, or the
    /// default (2, Xu's convention) when there is no `[traffic]`.
    pub fn peak_factor(&self) -> f64 {
        self.traffic
            .as_ref()
            .map_or(Traffic::default().peak_factor, |t| t.peak_factor)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub chapter: Option<Count>,
    pub summary: String,
    pub sources: Vec<String>,
    /// Warning ids the preset expects, each explained by a comment in the file.
    pub expected_warnings: Vec<String>,
}

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
    /// a peak factor for uploads.
    pub fn has_requests(&self) -> bool {
        self.qps.is_some() || self.dau.is_some() || self.requests_per_user_per_day.is_some()
    }
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic {
            dau: None,
            requests_per_user_per_day: None,
            qps: None,
            peak_factor: 2.0,
            request_size: crate::units::bytes(0.0),
            response_size: crate::units::bytes(0.0),
        }
    }
}

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
            item_size: crate::units::bytes(0.0),
            new_items_per_day: Count(0.0),
            replication: 1.0,
            retention: None,
            uploaded: true,
        }
    }
}

/// How each component of a stored vector is encoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dtype {
    #[default]
    F32,
    F16,
    Int8,
    Binary,
    /// Product quantisation: `pq_m` codes of `pq_nbits` bits.
    Pq,
}

impl Dtype {
    pub const NAMES: &'static [&'static str] = &["f32", "f16", "int8", "binary", "pq"];
    pub const ALL: [Dtype; 5] = [
        Dtype::F32,
        Dtype::F16,
        Dtype::Int8,
        Dtype::Binary,
        Dtype::Pq,
    ];
}

#[derive(Clone, Debug)]
pub struct Embeddings {
    /// Defaults to the first corpus's items.
    pub vectors: Option<Count>,
    pub dim: f64,
    pub dtype: Dtype,
    pub pq_m: Option<f64>,
    pub pq_nbits: f64,
}

impl Default for Embeddings {
    fn default() -> Self {
        Embeddings {
            vectors: None,
            dim: 0.0,
            dtype: Dtype::F32,
            pq_m: None,
            pq_nbits: 8.0,
        }
    }
}

/// Vector index structures whose memory napkin sizes, as Faiss and DiskANN lay them out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IndexKind {
    Flat,
    IvfFlat,
    IvfSq8,
    IvfPq,
    #[default]
    Hnsw,
    DiskAnn,
}

impl IndexKind {
    pub const NAMES: &'static [&'static str] =
        &["flat", "ivf_flat", "ivf_sq8", "ivf_pq", "hnsw", "diskann"];
    pub const ALL: [IndexKind; 6] = [
        IndexKind::Flat,
        IndexKind::IvfFlat,
        IndexKind::IvfSq8,
        IndexKind::IvfPq,
        IndexKind::Hnsw,
        IndexKind::DiskAnn,
    ];
}

#[derive(Clone, Debug)]
pub struct Index {
    pub kind: IndexKind,
    pub hnsw_m: f64,
    pub nlist: Option<f64>,
    pub pq_m: Option<f64>,
    /// Bits per PQ code; without it, 8 (or the embeddings' when their `pq_m` is used).
    pub pq_nbits: Option<f64>,
    /// DiskANN graph degree R.
    pub degree: f64,
    pub node_memory: Information,
    pub memory_headroom: f64,
    pub node_disk: Option<Information>,
    pub per_replica_qps: Option<Frequency>,
    /// A fixed shard count, instead of the one memory needs.
    pub shards: Option<f64>,
    /// Probability that one shard answers within its latency (0.99 = its p99).
    pub shard_fast_probability: f64,
}

impl Default for Index {
    fn default() -> Self {
        Index {
            kind: IndexKind::Hnsw,
            hnsw_m: 32.0,
            nlist: None,
            pq_m: None,
            pq_nbits: None,
            degree: 64.0,
            node_memory: crate::units::bytes(0.0),
            memory_headroom: 0.7,
            node_disk: None,
            per_replica_qps: None,
            shards: None,
            shard_fast_probability: 0.99,
        }
    }
}

/// Whether a stage answers requests or works through a daily volume.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Online,
    Batch,
}

impl Mode {
    pub const NAMES: &'static [&'static str] = &["online", "batch"];
}

/// One stage of the serving funnel, or a batch job.
#[derive(Clone, Debug)]
pub struct Stage {
    pub name: String,
    pub mode: Mode,
    /// The stage queries the sharded vector index; its servers are the index nodes.
    pub index: bool,
    pub items_per_request: Count,
    pub items_per_day: Option<Count>,
    pub window: Time,
    /// Batch: how often a run starts; a run processes items_per_day × every ÷ 1 d.
    pub every: Time,
    pub per_server_throughput: Option<Frequency>,
    pub flops_per_item: Option<Count>,
    pub device_flops: Option<Frequency>,
    pub efficiency: f64,
    pub devices_per_server: f64,
    pub latency: Time,
    pub utilization: Option<f64>,
    pub hardware: String,
    /// Runs at the same time as this earlier online stage: the slower of the two counts.
    pub parallel_with: Option<String>,
    /// A corpus the stage keeps in RAM (a feature store, a key-value store): its servers are at
    /// least enough to hold it.
    pub holds: Option<String>,
    /// RAM of one server, with `holds`.
    pub node_memory: Option<Information>,
    /// Usable fraction of `node_memory`.
    pub memory_headroom: f64,
}

impl Default for Stage {
    fn default() -> Self {
        Stage {
            name: String::new(),
            mode: Mode::Online,
            index: false,
            items_per_request: Count(1.0),
            items_per_day: None,
            window: crate::units::seconds(crate::units::SECONDS_PER_DAY),
            every: crate::units::seconds(crate::units::SECONDS_PER_DAY),
            per_server_throughput: None,
            flops_per_item: None,
            device_flops: None,
            efficiency: 0.5,
            devices_per_server: 1.0,
            latency: crate::units::seconds(0.0),
            utilization: None,
            hardware: String::new(),
            parallel_with: None,
            holds: None,
            node_memory: None,
            memory_headroom: 0.7,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Serving {
    pub latency_budget: Option<Time>,
    pub target_utilization: f64,
    /// N+k: spare servers per stage and region.
    pub redundancy: f64,
    pub regions: f64,
    /// Size each region to carry the load of a failed one: peak ÷ (regions − 1) per region.
    pub region_failover: bool,
    /// Latency outside the stages (network hops, serialisation), added to the total.
    pub overhead: Time,
}

impl Default for Serving {
    fn default() -> Self {
        Serving {
            latency_budget: None,
            target_utilization: 0.6,
            redundancy: 0.0,
            regions: 1.0,
            region_failover: false,
            overhead: crate::units::seconds(0.0),
        }
    }
}

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
            event_size: crate::units::bytes(0.0),
            retention: crate::units::seconds(90.0 * crate::units::SECONDS_PER_DAY),
        }
    }
}

impl Logging {
    /// The field path prefix: `logging` or `log.<name>`.
    pub fn prefix(&self) -> String {
        if self.name.is_empty() {
            "logging".to_string()
        } else {
            format!("log.{}", self.name)
        }
    }

    /// All log streams of a scenario: `[logging]` first, then each `[[log]]`.
    pub fn all(s: &Scenario) -> impl Iterator<Item = &Logging> {
        s.logging.iter().chain(s.logs.iter())
    }
}

/// A social or interaction graph stored as adjacency lists.
#[derive(Clone, Debug)]
pub struct Graph {
    pub nodes: Count,
    /// Average connections per node; each undirected edge appears in both nodes' lists.
    pub avg_degree: Count,
    pub bytes_per_edge: Information,
}

impl Default for Graph {
    fn default() -> Self {
        Graph {
            nodes: Count(0.0),
            avg_degree: Count(0.0),
            bytes_per_edge: crate::units::bytes(8.0),
        }
    }
}

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
            bytes_per_posting: crate::units::bytes(4.0),
            replication: 1.0,
        }
    }
}

impl Index {
    /// Where the PQ parameters come from: ("index" or "embeddings") for m and for nbits.
    pub fn pq_sources(&self) -> (&'static str, &'static str) {
        let m = if self.pq_m.is_some() {
            "index"
        } else {
            "embeddings"
        };
        let nbits = if self.pq_nbits.is_some() || self.pq_m.is_some() {
            "index"
        } else {
            "embeddings"
        };
        (m, nbits)
    }

    /// PQ sub-quantizers and bits per code, from the index or else the embeddings.
    pub fn pq(&self, emb: &Embeddings) -> (f64, f64) {
        let m = self.pq_m.or(emb.pq_m).unwrap_or(0.0);
        let nbits = match (self.pq_nbits, self.pq_m) {
            (Some(b), _) => b,
            (None, Some(_)) => 8.0,
            (None, None) => emb.pq_nbits,
        };
        (m, nbits)
    }
}

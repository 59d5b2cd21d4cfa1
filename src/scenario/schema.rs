//! Every input a scenario file may hold: its key, kind, whether zero is allowed, and what it
//! means. One table per section drives the file reader, `--set`, the TUI form and the README.

use super::{
    Cache, Corpus, Count, Dtype, EmbeddingTable, Embeddings, Experiment, FeatureStore, Graph,
    Index, IndexKind, Labelling, Logging, Mode, Optimizer, Sampling, Serving, Stage, TextIndex,
    Traffic, Training, WeightDtype,
};
use crate::units::{self, Kind};
use uom::si::f64::{Frequency, Information, Time};
use uom::si::frequency::hertz;
use uom::si::information::byte;
use uom::si::time::second;

/// How a field's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A number read by [`units::parse()`].
    Quantity(Kind),
    /// Free text.
    Text,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    Bool,
}

impl FieldKind {
    pub fn describe(self) -> String {
        match self {
            FieldKind::Quantity(k) => k.describe().to_string(),
            FieldKind::Text => "a string".to_string(),
            FieldKind::Choice(names) => format!("one of {}", names.join(", ")),
            FieldKind::Bool => "true or false".to_string(),
        }
    }
}

/// A field's value, with numbers in the kind's base unit.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Num(f64),
    /// A quantity written `lo..hi`: the field holds its median; [`Scenario::ranges`] keeps the
    /// interval.
    ///
    /// [`Scenario::ranges`]: super::Scenario::ranges
    Range(units::Interval),
    Text(String),
    Bool(bool),
}

/// One input of a section `S`.
pub struct Field<S> {
    pub key: &'static str,
    pub kind: FieldKind,
    /// Whether 0 is a meaningful value (no new items per day, no spare servers).
    pub zero_ok: bool,
    pub doc: &'static str,
    pub get: fn(&S) -> Option<Value>,
    pub set: fn(&mut S, Value),
    /// Back to the section's default (unset, for an optional input).
    pub clear: fn(&mut S),
}

/// A typed slot in a section that reads and writes a [`Value`].
pub trait Slot: Sized {
    fn get_value(&self) -> Option<Value>;
    /// The slot's value for `v`, or `None` when `v` is of another type.
    fn from_value(v: Value) -> Option<Self>;
    fn set_value(&mut self, v: Value) {
        if let Some(x) = Self::from_value(v) {
            *self = x;
        }
    }
}

macro_rules! numeric_slot {
    ($t:ty, $to:expr, $from:expr) => {
        impl Slot for $t {
            fn get_value(&self) -> Option<Value> {
                let to: fn(&$t) -> f64 = $to;
                Some(Value::Num(to(self)))
            }
            fn from_value(v: Value) -> Option<Self> {
                let from: fn(f64) -> $t = $from;
                match v {
                    Value::Num(x) => Some(from(x)),
                    Value::Range(r) => Some(from(r.median())),
                    _ => None,
                }
            }
        }
    };
}

numeric_slot!(f64, |s| *s, |x| x);
numeric_slot!(Count, |s| s.0, Count);
numeric_slot!(Information, |s| s.get::<byte>(), units::bytes);
numeric_slot!(Time, |s| s.get::<second>(), units::seconds);
numeric_slot!(Frequency, |s| s.get::<hertz>(), units::per_second);

impl Slot for String {
    fn get_value(&self) -> Option<Value> {
        Some(Value::Text(self.clone()))
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

impl Slot for bool {
    fn get_value(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
}

impl<T: Slot> Slot for Option<T> {
    fn get_value(&self) -> Option<Value> {
        self.as_ref().and_then(Slot::get_value)
    }
    fn from_value(v: Value) -> Option<Self> {
        Some(T::from_value(v))
    }
}

/// A closed set of words stored as an enum.
macro_rules! choice_slot {
    ($t:ty, $names:expr, $all:expr) => {
        impl Slot for $t {
            fn get_value(&self) -> Option<Value> {
                let i = $all.iter().position(|x| x == self)?;
                Some(Value::Text($names[i].to_string()))
            }
            fn from_value(v: Value) -> Option<Self> {
                match v {
                    Value::Text(t) => $names.iter().position(|n| *n == t).map(|i| $all[i]),
                    _ => None,
                }
            }
        }
    };
}

choice_slot!(Dtype, Dtype::NAMES, Dtype::ALL);
choice_slot!(IndexKind, IndexKind::NAMES, IndexKind::ALL);
choice_slot!(Mode, Mode::NAMES, [Mode::Online, Mode::Batch]);
choice_slot!(WeightDtype, WeightDtype::NAMES, WeightDtype::ALL);
choice_slot!(Optimizer, Optimizer::NAMES, Optimizer::ALL);

/// Declares a section's field table: `key: kind, zero_ok, "doc";`.
macro_rules! fields {
    ($S:ty { $($key:ident : $kind:expr, $zero:expr, $doc:literal;)* }) => {
        &[$(Field::<$S> {
            key: stringify!($key),
            kind: $kind,
            zero_ok: $zero,
            doc: $doc,
            get: |s| Slot::get_value(&s.$key),
            set: |s, v| Slot::set_value(&mut s.$key, v),
            clear: |s| s.$key = <$S>::default().$key,
        }),*]
    };
}

use FieldKind::{Bool, Choice, Quantity as Q, Text};

pub const TRAFFIC: &[Field<Traffic>] = fields!(Traffic {
    dau: Q(Kind::Count), false, "daily active users";
    requests_per_user_per_day: Q(Kind::Count), false, "requests one user makes a day";
    qps: Q(Kind::Rate), false, "average requests per second, instead of dau × requests_per_user_per_day";
    peak_factor: Q(Kind::Factor), false, "peak ÷ average traffic (default 2, Xu's convention)";
    request_size: Q(Kind::Size), true, "bytes a request carries in (default 0)";
    response_size: Q(Kind::Size), true, "bytes a response carries out (default 0)";
});

pub const CORPUS: &[Field<Corpus>] = fields!(Corpus {
    name: Text, false, "the collection's name, used in output ids (storage.<name>)";
    items: Q(Kind::Count), true, "items stored today";
    item_size: Q(Kind::Size), false, "bytes per item";
    new_items_per_day: Q(Kind::Count), true, "items added per day (default 0)";
    replication: Q(Kind::Factor), false, "copies kept of each item (default 1)";
    retention: Q(Kind::Duration), false, "how long new items are kept: growth is counted over it (default: no growth counted)";
    uploaded: Bool, false, "new items arrive from outside and count as ingress (default true); false for what the system writes from data it already has: derived copies, embeddings, training sets, or stored requests already counted as request ingress";
});

pub const EMBEDDINGS: &[Field<Embeddings>] = fields!(Embeddings {
    vectors: Q(Kind::Count), false, "vectors stored (default: the first corpus's items)";
    dim: Q(Kind::Integer), false, "dimensions per vector";
    dtype: Choice(Dtype::NAMES), false, "component encoding: f32, f16, int8, binary or pq (default f32)";
    pq_m: Q(Kind::Integer), false, "PQ sub-quantizers (bytes per vector at 8 bits), with dtype = \"pq\"";
    pq_nbits: Q(Kind::Integer), false, "bits per PQ code (default 8)";
});

pub const INDEX: &[Field<Index>] = fields!(Index {
    kind: Choice(IndexKind::NAMES), false, "flat, ivf_flat, ivf_sq8, ivf_pq, hnsw or diskann (default hnsw)";
    hnsw_m: Q(Kind::Integer), false, "HNSW links per node M (default 32)";
    nlist: Q(Kind::Integer), false, "IVF lists (default 4·√N, rounded to a power of two)";
    pq_m: Q(Kind::Integer), false, "PQ bytes per vector for ivf_pq and diskann";
    pq_nbits: Q(Kind::Integer), false, "bits per PQ code (default 8)";
    degree: Q(Kind::Integer), false, "DiskANN graph degree R (default 64)";
    node_memory: Q(Kind::Size), false, "RAM of one index node";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of node memory (default 0.7)";
    node_disk: Q(Kind::Size), false, "SSD of one index node (diskann)";
    per_replica_qps: Q(Kind::Rate), false, "queries per second one full copy of the index serves";
    shards: Q(Kind::Integer), false, "a fixed shard count, instead of the one memory needs";
    shard_fast_probability: Q(Kind::Fraction), false, "chance one shard answers in time, for the fan-out tail (default 0.99)";
});

pub const STAGE: &[Field<Stage>] = fields!(Stage {
    name: Text, false, "the stage's name, used in output ids (fleet.<name>.servers)";
    mode: Choice(Mode::NAMES), false, "online (per request) or batch (a daily volume in a window); default online";
    index: Bool, false, "the stage queries the sharded vector index: its servers are the index nodes";
    items_per_request: Q(Kind::Count), false, "items scored per request (default 1); for an index stage, the top-k each shard returns";
    items_per_day: Q(Kind::Count), false, "batch: items to process per day";
    window: Q(Kind::Duration), false, "batch: time in which a run must finish (default 1 d)";
    every: Q(Kind::Duration), false, "batch: how often a run starts; a run takes items_per_day × every ÷ 1 d (default 1 d)";
    per_server_throughput: Q(Kind::Rate), false, "items per second one server sustains";
    flops_per_item: Q(Kind::Count), false, "FLOPs per item, instead of per_server_throughput";
    device_flops: Q(Kind::Rate), false, "peak FLOP/s of one accelerator, with flops_per_item";
    efficiency: Q(Kind::Fraction), false, "fraction of peak FLOP/s achieved (default 0.5)";
    devices_per_server: Q(Kind::Integer), false, "accelerators per server (default 1)";
    latency: Q(Kind::Duration), true, "time the stage takes per request";
    utilization: Q(Kind::Fraction), false, "target utilisation of this stage (default serving.target_utilization)";
    hardware: Text, true, "what a server is, for the reader";
    parallel_with: Text, false, "an earlier online stage this one runs beside: the slower of the two counts toward latency";
    holds: Text, false, "a corpus the stage keeps in RAM (a feature store, a key-value store): at least enough servers to hold all its copies, in every region (a batch stage: once)";
    node_memory: Q(Kind::Size), false, "RAM of one server, with holds";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of node_memory, with holds (default 0.7)";
});

pub const SERVING: &[Field<Serving>] = fields!(Serving {
    latency_budget: Q(Kind::Duration), false, "end-to-end latency allowed per request";
    target_utilization: Q(Kind::Fraction), false, "fraction of capacity used at peak (default 0.6)";
    redundancy: Q(Kind::Count), true, "N+k: spare servers per stage and region (default 0)";
    regions: Q(Kind::Integer), false, "regions serving traffic (default 1)";
    region_failover: Bool, false, "size each region to absorb a failed one: peak ÷ (regions − 1) (default false)";
    overhead: Q(Kind::Duration), true, "latency outside the stages: network, serialisation (default 0)";
});

pub const LOGGING: &[Field<Logging>] = fields!(Logging {
    name: Text, false, "[[log]] only: the stream's name, used in output ids (storage.log.<name>)";
    events_per_user_per_day: Q(Kind::Count), false, "logged events per user per day";
    events_per_day: Q(Kind::Count), false, "logged events per day, instead of per user";
    event_size: Q(Kind::Size), false, "bytes per logged event";
    retention: Q(Kind::Duration), false, "how long logs are kept (default 90 d)";
});

pub const GRAPH: &[Field<Graph>] = fields!(Graph {
    nodes: Q(Kind::Count), false, "nodes (users) in the graph";
    avg_degree: Q(Kind::Count), false, "average connections per node";
    bytes_per_edge: Q(Kind::Size), false, "bytes per adjacency-list entry (default 8 B: a 64-bit id)";
});

pub const TEXT_INDEX: &[Field<TextIndex>] = fields!(TextIndex {
    documents: Q(Kind::Count), false, "documents indexed";
    terms_per_document: Q(Kind::Count), false, "distinct terms indexed per document";
    bytes_per_posting: Q(Kind::Size), false, "bytes per posting after compression (default 4 B)";
    replication: Q(Kind::Factor), false, "copies of the index (default 1)";
});

pub const TRAINING: &[Field<Training>] = fields!(Training {
    params: Q(Kind::Count), false, "dense parameters: 6 × params FLOPs per example (forward 2, backward 4)";
    flops_per_example: Q(Kind::Count), false, "training FLOPs per example, instead of params";
    examples: Q(Kind::Count), false, "examples per run; or examples_per_day with window (default: [sampling]'s kept examples per day × window)";
    examples_per_day: Q(Kind::Count), false, "new examples a day; a run trains on examples_per_day × window";
    window: Q(Kind::Duration), false, "the data one run trains on, with examples per day (default 1 d)";
    epochs: Q(Kind::Factor), false, "passes over the examples (default 1)";
    device: Text, false, "a named accelerator (napkin's reference tab lists them: T4, A10G, L4, L40S, V100, A100, A100-40GB, H100, H100-PCIe); fills device_flops and device_memory";
    device_flops: Q(Kind::Rate), false, "peak FLOP/s of one accelerator (default: the named device's BF16, or FP16 where it has no BF16)";
    device_memory: Q(Kind::Size), false, "memory of one accelerator (default: the named device's)";
    efficiency: Q(Kind::Fraction), false, "model FLOPs utilisation, MFU (default 0.4; 0.1–0.3 for recommendation models)";
    devices: Q(Kind::Integer), false, "accelerators used at once (default 1)";
    price_per_device_hour: Q(Kind::Money), false, "dollars per accelerator-hour, for the cost";
    retrain_every: Q(Kind::Duration), false, "how often the model is retrained, for the cost per month (30 d)";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of device memory for the embedding tables (default 0.8)";
});

pub const EMBEDDING_TABLE: &[Field<EmbeddingTable>] = fields!(EmbeddingTable {
    name: Text, false, "the table's name, used in output ids (embedding_tables.<name>)";
    rows: Q(Kind::Count), false, "rows: one per user, item or id";
    dim: Q(Kind::Integer), false, "dimensions per row";
    dtype: Choice(WeightDtype::NAMES), false, "weight encoding: f32, f16 or int8 (default f32)";
    optimizer: Choice(Optimizer::NAMES), false, "sgd, adagrad, rowwise_adagrad or adam: the state kept per row (default adam)";
});

pub const SAMPLING: &[Field<Sampling>] = fields!(Sampling {
    examples_per_day: Q(Kind::Count), false, "raw labelled examples a day (impressions, transactions, mails)";
    positive_rate: Q(Kind::Fraction), true, "share of positives (clicks, fraud, spam), between 0 and 1";
    negative_keep_rate: Q(Kind::Fraction), true, "share of negatives kept (default 1: no downsampling)";
    raw_prediction: Q(Kind::Fraction), true, "a score of the downsampled model to recalibrate (default 0.5)";
});

pub const FEATURE_STORE: &[Field<FeatureStore>] = fields!(FeatureStore {
    entities: Q(Kind::Count), false, "entities with features online (users, items)";
    features_per_entity: Q(Kind::Count), false, "feature values per entity";
    feature_size: Q(Kind::Size), false, "stored bytes per feature value, field included (default 13 B, Feast's Redis layout)";
    entity_overhead: Q(Kind::Size), true, "bytes per entity key beside its features (default 140 B: Redis per-key overhead, key and timestamp)";
    entities_per_request: Q(Kind::Count), false, "entities looked up per request, e.g. 1 user + 500 candidates = 501 (default 1)";
    feature_views: Q(Kind::Factor), false, "lookups per entity per request (default 1)";
    replication: Q(Kind::Factor), false, "copies of the store (default 1)";
    node_memory: Q(Kind::Size), false, "RAM of one store node";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of node memory (default 0.7)";
    per_node_ops: Q(Kind::Rate), false, "lookups per second one node serves (default 150k/s, redis-benchmark unpipelined)";
});

pub const EXPERIMENT: &[Field<Experiment>] = fields!(Experiment {
    baseline_rate: Q(Kind::Fraction), true, "the control's rate of a proportion metric (CTR, conversion)";
    baseline_mean: Q(Kind::Factor), false, "the control's mean of a continuous metric, with stddev (any unit)";
    stddev: Q(Kind::Factor), false, "standard deviation of the continuous metric per user (the mean's unit)";
    mde_relative: Q(Kind::Fraction), false, "smallest effect worth detecting, relative to the baseline (0.05 = 5%)";
    mde_absolute: Q(Kind::Factor), false, "smallest effect worth detecting, in the metric's unit, instead of mde_relative";
    alpha: Q(Kind::Fraction), true, "false-positive rate, two-sided (default 0.05)";
    power: Q(Kind::Fraction), true, "chance to detect the effect when it is there (default 0.8)";
    arms: Q(Kind::Integer), false, "arms including control (default 2)";
    eligible_daily_users: Q(Kind::Count), false, "users a day who could enter the test (default traffic.dau)";
    allocation: Q(Kind::Fraction), false, "share of eligible users in the test (default 1)";
    cuped_correlation: Q(Kind::Fraction), true, "pre-period correlation ρ for CUPED: variance × (1 − ρ²) (default 0)";
});

pub const LABELLING: &[Field<Labelling>] = fields!(Labelling {
    items: Q(Kind::Count), false, "items to label in a batch, with deadline";
    items_per_day: Q(Kind::Count), false, "items to label a day, for a stream, instead of items";
    deadline: Q(Kind::Duration), true, "time to label the batch in, such as \"30 d\"";
    labels_per_item: Q(Kind::Factor), false, "labels per item: boxes per image, or raters for consensus (default 1)";
    seconds_per_label: Q(Kind::Factor), false, "seconds one label takes";
    productive_hours: Q(Kind::Factor), false, "hours an annotator labels a day (default 6)";
    price_per_label: Q(Kind::Money), false, "dollars per label, for the cost";
});

pub const CACHE: &[Field<Cache>] = fields!(Cache {
    items: Q(Kind::Count), false, "distinct items requested (default: the first corpus's items)";
    cached_items: Q(Kind::Count), false, "the most popular items kept in the cache";
    zipf_s: Q(Kind::Factor), false, "Zipf popularity exponent s (default 1; 0.6–1.2 is typical)";
    item_size: Q(Kind::Size), false, "bytes per cached item";
});

/// A section of the file, as the reader and `--set` see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Meta,
    Traffic,
    Corpus,
    Embeddings,
    Index,
    Stage,
    Serving,
    Logging,
    Log,
    Graph,
    TextIndex,
    Training,
    EmbeddingTable,
    Sampling,
    FeatureStore,
    Experiment,
    Labelling,
    Cache,
}

impl Section {
    pub const ALL: [Section; 18] = [
        Section::Meta,
        Section::Traffic,
        Section::Corpus,
        Section::Embeddings,
        Section::Index,
        Section::Stage,
        Section::Serving,
        Section::Logging,
        Section::Log,
        Section::Graph,
        Section::TextIndex,
        Section::Training,
        Section::EmbeddingTable,
        Section::Sampling,
        Section::FeatureStore,
        Section::Experiment,
        Section::Labelling,
        Section::Cache,
    ];

    /// The TOML key: `[traffic]`, `[[corpus]]`, `[[stage]]`.
    pub fn key(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Traffic => "traffic",
            Section::Corpus => "corpus",
            Section::Embeddings => "embeddings",
            Section::Index => "index",
            Section::Stage => "stage",
            Section::Serving => "serving",
            Section::Logging => "logging",
            Section::Log => "log",
            Section::Graph => "graph",
            Section::TextIndex => "text_index",
            Section::Training => "training",
            Section::EmbeddingTable => "embedding_table",
            Section::Sampling => "sampling",
            Section::FeatureStore => "feature_store",
            Section::Experiment => "experiment",
            Section::Labelling => "labelling",
            Section::Cache => "cache",
        }
    }

    /// Whether the section is a list of named entries (`[[corpus]]`, `[[stage]]`).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Section::Corpus | Section::Stage | Section::Log | Section::EmbeddingTable
        )
    }

    /// The keys and docs of the section's fields, for listings and suggestions.
    pub fn keys(self) -> Vec<(&'static str, FieldKind, &'static str)> {
        fn list<S>(fields: &[Field<S>]) -> Vec<(&'static str, FieldKind, &'static str)> {
            fields.iter().map(|f| (f.key, f.kind, f.doc)).collect()
        }
        match self {
            Section::Meta => META_KEYS.iter().map(|&(k, _, d)| (k, Text, d)).collect(),
            Section::Traffic => list(TRAFFIC),
            Section::Corpus => list(CORPUS),
            Section::Embeddings => list(EMBEDDINGS),
            Section::Index => list(INDEX),
            Section::Stage => list(STAGE),
            Section::Serving => list(SERVING),
            Section::Logging | Section::Log => list(LOGGING),
            Section::Graph => list(GRAPH),
            Section::TextIndex => list(TEXT_INDEX),
            Section::Training => list(TRAINING),
            Section::EmbeddingTable => list(EMBEDDING_TABLE),
            Section::Sampling => list(SAMPLING),
            Section::FeatureStore => list(FEATURE_STORE),
            Section::Experiment => list(EXPERIMENT),
            Section::Labelling => list(LABELLING),
            Section::Cache => list(CACHE),
        }
    }
}

/// `[meta]` keys: descriptive, not inputs.
/// (key, how it is written, meaning).
#[rustfmt::skip]
pub const META_KEYS: &[(&str, &str, &str)] = &[
    ("id", "text", "kebab-case id, unique among presets; a user preset's file is named after it"),
    ("title", "text", "the case study's title"),
    ("chapter", "whole number", "the book's chapter, where it has one"),
    ("summary", "text", "one line"),
    ("sources", "list of text", "the sources behind the numbers"),
    ("expected_warnings", "list of text", "warning ids the scenario expects (explain each in a comment); presets are tested against it"),
];

/// Reads `text` as a value of `kind` (the same rules as a file's string values).
pub fn parse_value(text: &str, kind: FieldKind, zero_ok: bool) -> Result<Value, (String, String)> {
    let text = text.trim();
    match kind {
        FieldKind::Quantity(k) => match units::parse_range(text, k) {
            Some(Ok(r)) if r.lo == 0.0 && !zero_ok => Err((
                format!("the low end of \"{text}\" must be more than 0"),
                "write a positive low end".into(),
            )),
            // A range of one value is that value.
            Some(Ok(r)) if r.lo == r.hi => Ok(Value::Num(r.lo)),
            Some(Ok(r)) => Ok(Value::Range(r)),
            Some(Err(e)) => Err((e.problem, e.hint)),
            None => match units::parse(text, k) {
                Ok(x) if x == 0.0 && !zero_ok => Err((
                    "must be more than 0".into(),
                    "write a positive value".into(),
                )),
                Ok(x) => Ok(Value::Num(x)),
                Err(e) => Err((e.problem, e.hint)),
            },
        },
        FieldKind::Text => Ok(Value::Text(text.trim_matches('"').to_string())),
        FieldKind::Choice(names) if names.contains(&text) => Ok(Value::Text(text.to_string())),
        FieldKind::Choice(names) => Err((
            format!("\"{text}\" is not one of {}", names.join(", ")),
            super::diagnostic::suggest(text, names),
        )),
        FieldKind::Bool => match text {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err((
                format!("\"{text}\" is not true or false"),
                "write true or false".into(),
            )),
        },
    }
}

/// The key reference of every section as Markdown, for the README (a test keeps them equal).
pub fn markdown_reference() -> String {
    let mut out = String::new();
    for section in Section::ALL {
        let header = if section.is_list() {
            format!("[[{}]]", section.key())
        } else {
            format!("[{}]", section.key())
        };
        out.push_str(&format!(
            "\n**`{header}`**\n\n| key | kind | meaning |\n|---|---|---|\n"
        ));
        for (key, kind, doc) in section.keys() {
            let meta_kind = META_KEYS
                .iter()
                .find(|m| section == Section::Meta && m.0 == key)
                .map(|m| m.1);
            let kind = match kind {
                _ if meta_kind.is_some() => meta_kind.unwrap_or_default().to_string(),
                FieldKind::Quantity(k) => k.name().to_string(),
                FieldKind::Text => "text".to_string(),
                FieldKind::Choice(_) => "choice".to_string(),
                FieldKind::Bool => "bool".to_string(),
            };
            out.push_str(&format!(
                "| `{key}` | {kind} | {} |\n",
                doc.replace('|', "\\|")
            ));
        }
    }
    out
}

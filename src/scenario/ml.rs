//! The ML sections of a scenario: training, embedding tables, sampling, the feature store, an
//! A/B test, labelling and a cache.

use super::Count;
use crate::units::{self, SECONDS_PER_DAY};
use uom::si::f64::{Frequency, Information, Time};

/// One model's training: from scratch, or re-trained on a schedule.
#[derive(Clone, Debug)]
pub struct Training {
    /// Dense parameters: 6 × params FLOPs per example (forward 2, backward 4).
    pub params: Option<Count>,
    /// FLOPs per example, instead of params.
    pub flops_per_example: Option<Count>,
    /// Examples per run; or examples_per_day × window; or `[sampling]`'s kept examples × window.
    pub examples: Option<Count>,
    pub examples_per_day: Option<Count>,
    /// The data one run trains on, with examples per day (default 1 d).
    pub window: Time,
    pub epochs: f64,
    /// A named accelerator ([`crate::accelerators`]).
    pub device: Option<String>,
    pub device_flops: Option<Frequency>,
    pub device_memory: Option<Information>,
    /// Model FLOPs utilisation.
    pub efficiency: f64,
    pub devices: f64,
    /// Dollars per device-hour.
    pub price_per_device_hour: Option<f64>,
    pub retrain_every: Option<Time>,
    /// Usable fraction of device memory for the embedding tables.
    pub memory_headroom: f64,
}

impl Default for Training {
    fn default() -> Self {
        Training {
            params: None,
            flops_per_example: None,
            examples: None,
            examples_per_day: None,
            window: units::seconds(SECONDS_PER_DAY),
            epochs: 1.0,
            device: None,
            device_flops: None,
            device_memory: None,
            efficiency: 0.4,
            devices: 1.0,
            price_per_device_hour: None,
            retrain_every: None,
            memory_headroom: 0.8,
        }
    }
}

/// How an embedding table's weights are stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WeightDtype {
    #[default]
    F32,
    F16,
    Int8,
}

impl WeightDtype {
    pub const NAMES: &'static [&'static str] = &["f32", "f16", "int8"];
    pub const ALL: [WeightDtype; 3] = [WeightDtype::F32, WeightDtype::F16, WeightDtype::Int8];

    pub fn bytes(self) -> f64 {
        match self {
            WeightDtype::F32 => 4.0,
            WeightDtype::F16 => 2.0,
            WeightDtype::Int8 => 1.0,
        }
    }
}

/// The optimizer, which decides the state kept beside each table's weights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Optimizer {
    Sgd,
    Adagrad,
    RowwiseAdagrad,
    /// The default: the largest state, so a table sized with it fits with any other.
    #[default]
    Adam,
}

impl Optimizer {
    pub const NAMES: &'static [&'static str] = &["sgd", "adagrad", "rowwise_adagrad", "adam"];
    pub const ALL: [Optimizer; 4] = [
        Optimizer::Sgd,
        Optimizer::Adagrad,
        Optimizer::RowwiseAdagrad,
        Optimizer::Adam,
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Copies of the weights kept as state (TorchRec's multiplier): SGD 0, Adagrad 1, Adam 2
    /// (m and v); row-wise Adagrad keeps one f32 per row instead, see [`Optimizer::row_bytes`].
    pub fn slots(self) -> f64 {
        match self {
            Optimizer::Sgd | Optimizer::RowwiseAdagrad => 0.0,
            Optimizer::Adagrad => 1.0,
            Optimizer::Adam => 2.0,
        }
    }

    /// Bytes of state per row beside the slots.
    pub fn row_bytes(self) -> f64 {
        if self == Optimizer::RowwiseAdagrad {
            4.0
        } else {
            0.0
        }
    }
}

/// One embedding table of a recommendation model (`[[embedding_table]]`).
#[derive(Clone, Debug)]
pub struct EmbeddingTable {
    pub name: String,
    pub rows: Count,
    pub dim: f64,
    pub dtype: WeightDtype,
    pub optimizer: Optimizer,
}

impl Default for EmbeddingTable {
    fn default() -> Self {
        EmbeddingTable {
            name: String::new(),
            rows: Count(0.0),
            dim: 0.0,
            dtype: WeightDtype::F32,
            optimizer: Optimizer::Adam,
        }
    }
}

/// Class imbalance in the training data: negative downsampling and recalibration.
#[derive(Clone, Debug)]
pub struct Sampling {
    pub examples_per_day: Count,
    pub positive_rate: f64,
    pub negative_keep_rate: f64,
    pub raw_prediction: f64,
}

impl Default for Sampling {
    fn default() -> Self {
        Sampling {
            examples_per_day: Count(0.0),
            positive_rate: 0.0,
            negative_keep_rate: 1.0,
            raw_prediction: 0.5,
        }
    }
}

/// An online feature store (Redis-like): one hash per entity.
#[derive(Clone, Debug)]
pub struct FeatureStore {
    pub entities: Count,
    pub features_per_entity: Count,
    pub feature_size: Information,
    pub entity_overhead: Information,
    pub entities_per_request: Count,
    pub feature_views: f64,
    pub replication: f64,
    pub node_memory: Information,
    pub memory_headroom: f64,
    pub per_node_ops: Frequency,
}

impl Default for FeatureStore {
    fn default() -> Self {
        FeatureStore {
            entities: Count(0.0),
            features_per_entity: Count(0.0),
            feature_size: units::bytes(13.0),
            entity_overhead: units::bytes(140.0),
            entities_per_request: Count(1.0),
            feature_views: 1.0,
            replication: 1.0,
            node_memory: units::bytes(0.0),
            memory_headroom: 0.7,
            per_node_ops: units::per_second(150e3),
        }
    }
}

/// An online A/B test on a proportion or on a mean.
#[derive(Clone, Debug)]
pub struct Experiment {
    pub baseline_rate: Option<f64>,
    pub baseline_mean: Option<f64>,
    pub stddev: Option<f64>,
    pub mde_relative: Option<f64>,
    pub mde_absolute: Option<f64>,
    /// Two-sided.
    pub alpha: f64,
    pub power: f64,
    pub arms: f64,
    /// Default: traffic.dau.
    pub eligible_daily_users: Option<Count>,
    pub allocation: f64,
    pub cuped_correlation: f64,
}

impl Default for Experiment {
    fn default() -> Self {
        Experiment {
            baseline_rate: None,
            baseline_mean: None,
            stddev: None,
            mde_relative: None,
            mde_absolute: None,
            alpha: 0.05,
            power: 0.8,
            arms: 2.0,
            eligible_daily_users: None,
            allocation: 1.0,
            cuped_correlation: 0.0,
        }
    }
}

/// Human labels: a batch with a deadline, or a stream of items per day.
#[derive(Clone, Debug)]
pub struct Labelling {
    pub items: Option<Count>,
    pub items_per_day: Option<Count>,
    pub deadline: Option<Time>,
    pub labels_per_item: f64,
    /// Seconds one label takes.
    pub seconds_per_label: f64,
    pub productive_hours: f64,
    /// Dollars per label.
    pub price_per_label: Option<f64>,
}

impl Default for Labelling {
    fn default() -> Self {
        Labelling {
            items: None,
            items_per_day: None,
            deadline: None,
            labels_per_item: 1.0,
            seconds_per_label: 0.0,
            productive_hours: 6.0,
            price_per_label: None,
        }
    }
}

/// A cache of the most popular items in front of a stage or store (Zipf popularity).
#[derive(Clone, Debug)]
pub struct Cache {
    /// Default: the first corpus's items.
    pub items: Option<Count>,
    pub cached_items: Count,
    pub zipf_s: f64,
    pub item_size: Information,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            items: None,
            cached_items: Count(0.0),
            zipf_s: 1.0,
            item_size: units::bytes(0.0),
        }
    }
}

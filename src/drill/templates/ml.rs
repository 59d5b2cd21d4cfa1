//! The templates of the ML side: sampling, training, embedding tables, the feature store,
//! experiments, labels and caches.

use super::Assume::Says;
use super::{Assume, NOTHING, PEAK, Template, ml};

/// The ML side, asked after the serving side.
pub(super) const ML: &[Template] = &[
    ml(
        "ml.sampling_examples",
        "sampling.examples_per_day",
        "How many training examples a day are left after negative downsampling?",
        Says("Keep every positive; keep negatives at the keep rate."),
    ),
    ml(
        "ml.sampling_share",
        "sampling.positive_share",
        "What share of the downsampled training set is positive?",
        NOTHING,
    ),
    ml(
        "ml.sampling_recalibrated",
        "sampling.recalibrated",
        "What is the raw score recalibrated to the true base rate?",
        Says("q = p′ ÷ (p′ + (1 − p′) ÷ w) (He et al. 2014)."),
    ),
    ml(
        "ml.training_flops",
        "training.flops",
        "How many FLOPs does one training run take?",
        Assume::Flops,
    ),
    ml(
        "ml.training_device_time",
        "training.device_time",
        "How many accelerator-hours does one training run take?",
        Says("Peak FLOP/s × MFU is the rate achieved."),
    ),
    ml(
        "ml.training_wall_time",
        "training.wall_time",
        "How long does one training run take on all its devices?",
        Says("The devices work in parallel at the same MFU."),
    ),
    ml(
        "ml.training_cost",
        "training.cost",
        "What does one training run cost?",
        Says("Pay for busy device-hours only."),
    ),
    ml(
        "ml.training_cost_per_month",
        "training.cost_per_month",
        "What does retraining cost a month?",
        Says("A month is 30 days; busy device-hours only."),
    ),
    ml(
        "ml.embedding_table",
        "embedding_tables.*",
        "How much memory does the {} embedding table need in training?",
        Says("Weights plus the optimizer's state."),
    ),
    ml(
        "ml.embedding_memory",
        "embedding_tables.memory",
        "How much memory do all the embedding tables need in training?",
        Says("Weights plus the optimizer's state."),
    ),
    ml(
        "ml.embedding_devices",
        "embedding_tables.devices",
        "How many accelerators does it take to hold the embedding tables?",
        Says("Only the usable share of each device's memory; round up."),
    ),
    ml(
        "ml.feature_memory",
        "feature_store.memory",
        "How much memory does one copy of the online feature store take?",
        Says("Per entity: key overhead plus every feature's stored bytes."),
    ),
    ml(
        "ml.feature_lookups",
        "feature_store.lookups",
        "How many feature lookups a second does serving make at peak?",
        PEAK,
    ),
    ml(
        "ml.feature_nodes",
        "feature_store.nodes",
        "How many feature store nodes are needed for memory and lookups?",
        Says("Replicas serve reads: take the larger of the two counts."),
    ),
    ml(
        "ml.experiment_sample",
        "experiment.sample_size_per_arm",
        "How many users does each arm of the A/B test need?",
        Says("Two-sided z-test; (z_α/2 + z_β)² ≈ 7.85 at α = 0.05 and 80% power."),
    ),
    ml(
        "ml.experiment_duration",
        "experiment.duration",
        "How long must the A/B test run to fill every arm?",
        Says(
            "Every arm fills from the allocated eligible users a day; give the time before any rounding up to whole weeks.",
        ),
    ),
    ml(
        "ml.labelling_annotators",
        "labelling.annotators",
        "How many annotators does the labelling need?",
        Says("Round up to whole people."),
    ),
    ml(
        "ml.labelling_cost",
        "labelling.cost",
        "What does the labelling cost?",
        NOTHING,
    ),
    ml(
        "ml.cache_hit_ratio",
        "cache.hit_ratio",
        "What share of requests does the cache of the most popular items serve?",
        Says("Zipf popularity: hit = H(k, s) ÷ H(N, s); for s = 1, H(n) ≈ ln n + 0.577."),
    ),
    ml(
        "ml.cache_backend",
        "cache.backend_qps",
        "How many requests a second reach the backend behind the cache at peak?",
        PEAK,
    ),
    ml(
        "ml.cache_memory",
        "cache.memory",
        "How much memory does the cache take?",
        Says("Decimal units."),
    ),
];

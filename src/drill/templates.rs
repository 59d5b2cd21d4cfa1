//! The kinds of question, as data: which output each asks about, when it fits a scenario, and how
//! it is phrased. [`super::question`] turns a template and a scenario into a question; a question
//! states every input its output depends on (the estimate's trace lists them).

use super::skill::Skill;
use crate::estimate::OutputId;
use crate::scenario::{Dtype, IndexKind, Mode, Scenario, Stage};

/// A kind of question.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    pub id: &'static str,
    pub skill: Skill,
    /// The output id asked about, with `*` for a corpus, stage or log name.
    pub output: &'static str,
    /// What the scenario must have for the question to fit.
    pub when: When,
    /// Inputs set (path, value) before the question is drawn: the case studies' own index is
    /// never flat, so the flat-index question asks what a flat index of their vectors would need.
    pub sets: &'static [(&'static str, &'static str)],
    /// The question; `{}` is the name `*` matched.
    pub ask: &'static str,
    /// What the answer may assume that the inputs do not say.
    pub assume: Assume,
    /// An input (with `*` for the matched name) the question states as a range, a 90%
    /// interval around its value; the question then asks for the output's p50.
    pub range: Option<&'static str>,
}

/// What a scenario must have for a template to fit it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Always,
    /// `*` names a corpus (not "total", "logs" or another storage output).
    Corpus,
    /// Traffic is given as daily active users.
    DauTraffic,
    /// Traffic is given as a rate.
    RateTraffic,
    /// The index is one of these kinds.
    Index(&'static [IndexKind]),
    /// The embeddings are floats or int8.
    RawEmbeddings,
    /// The embeddings are binary or PQ codes.
    CompressedEmbeddings,
    /// `*` names an online stage sized by one server's throughput.
    CpuStage,
    /// `*` names an online stage sized by FLOPs.
    GpuStage,
    /// `*` names a batch stage.
    BatchStage,
    /// `*` names an online stage.
    OnlineStage,
    /// The shard count is worked out, not given.
    ComputedShards,
    /// There is a latency budget.
    LatencyBudget,
}

/// What the answer may assume.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assume {
    Says(&'static str),
    /// How uploads arrive, if there are any: with the traffic peak, or at their daily average.
    Uploads,
    /// How a run's FLOPs are counted: 6 per parameter per example for a dense model given its
    /// parameters, or the FLOPs per example given.
    Flops,
}

impl Assume {
    /// The hint as it fits `s`: never one the question's own numbers contradict.
    pub fn text(self, s: &Scenario) -> &'static str {
        match self {
            Assume::Says(text) => text,
            Assume::Uploads => match (s.requests(), s.has_uploads()) {
                (_, false) => "",
                (None, true) => {
                    "There is no online traffic: uploads peak at napkin's default factor of 2 over their daily average."
                }
                (Some(_), true) => "Uploads peak with traffic.",
            },
            Assume::Flops => match s.training.as_ref().and_then(|t| t.params) {
                Some(_) => {
                    "Dense model: 6 FLOPs per parameter per example (2 forward, 4 backward)."
                }
                None => "The FLOPs per example given × examples × epochs.",
            },
        }
    }
}

impl When {
    /// Whether `s` has what the template needs, `name` being what `*` matched.
    pub fn fits(self, s: &Scenario, name: &str) -> bool {
        let stage = || s.stages.iter().find(|st| st.name == name);
        let online = |more: fn(&Stage) -> bool| {
            stage().is_some_and(|st| st.mode == Mode::Online && more(st))
        };
        let raw = || {
            s.embeddings
                .as_ref()
                .is_some_and(|e| matches!(e.dtype, Dtype::F32 | Dtype::F16 | Dtype::Int8))
        };
        match self {
            When::Always => true,
            When::Corpus => s.corpora.iter().any(|c| c.name == name),
            When::DauTraffic => s.traffic.as_ref().is_some_and(|t| t.dau.is_some()),
            When::RateTraffic => s.traffic.as_ref().is_some_and(|t| t.qps.is_some()),
            When::Index(kinds) => s.index.as_ref().is_some_and(|i| kinds.contains(&i.kind)),
            When::RawEmbeddings => raw(),
            When::CompressedEmbeddings => s.embeddings.is_some() && !raw(),
            When::CpuStage => online(|st| !st.index && st.per_server_throughput.is_some()),
            When::GpuStage => online(|st| !st.index && st.flops_per_item.is_some()),
            When::BatchStage => stage().is_some_and(|st| st.mode == Mode::Batch),
            When::OnlineStage => online(|_| true),
            When::ComputedShards => s.index.as_ref().is_some_and(|i| i.shards.is_none()),
            When::LatencyBudget => s.serving.latency_budget.is_some(),
        }
    }
}

impl Template {
    /// The name `*` stands for when output `id` is the one this template asks about ("" for a
    /// template without `*`), or None.
    pub fn names<'a>(&self, id: &'a OutputId) -> Option<&'a str> {
        let pattern = self
            .output
            .strip_prefix(id.section.key())?
            .strip_prefix('.')?;
        match pattern.split_once('*') {
            None => (pattern == id.name).then_some(""),
            Some((pre, post)) => {
                let name = id.name.strip_prefix(pre)?.strip_suffix(post)?;
                (!name.is_empty() && !name.contains('.')).then_some(name)
            }
        }
    }
}

const DAY: Assume = Assume::Says("A day has 86,400 s (≈10^5).");
const PEAK: Assume = Assume::Says("Size for peak traffic.");
const CEIL: Assume = Assume::Says("Round up to whole machines.");
const IN_SERIES: Assume = Assume::Says("The stages run one after another.");
const NOTHING: Assume = Assume::Says("");
const RANGE: Assume = Assume::Says(
    "A range is lognormal with the ends as its p5 and p95: its median is √(low × high), and a product's median is the product of the medians.",
);
const IVF: &[IndexKind] = &[IndexKind::IvfFlat, IndexKind::IvfSq8, IndexKind::IvfPq];

/// A template that sets no input.
const fn t(
    id: &'static str,
    skill: Skill,
    output: &'static str,
    when: When,
    ask: &'static str,
    assume: Assume,
) -> Template {
    Template {
        id,
        skill,
        output,
        when,
        sets: &[],
        ask,
        assume,
        range: None,
    }
}

/// "How much RAM does one copy of this index need on <engine>?", with the engine's overheads.
const fn engine(
    id: &'static str,
    output: &'static str,
    ask: &'static str,
    overheads: &'static str,
) -> Template {
    Template {
        id,
        skill: Skill::Memory,
        output,
        when: When::Always,
        sets: &[],
        ask,
        assume: Assume::Says(overheads),
        range: None,
    }
}

/// A template on the ML side (its slips are in [`super::slips`]).
const fn ml(id: &'static str, output: &'static str, ask: &'static str, assume: Assume) -> Template {
    Template {
        id,
        skill: Skill::Ml,
        output,
        when: When::Always,
        sets: &[],
        ask,
        assume,
        range: None,
    }
}

use Assume::Says;
use Skill::*;

/// Every question template: the software and ML side's below, then the generative side's
/// ([`super::genai::TEMPLATES`]).
pub const TEMPLATES: &[Template] =
    &join::<{ BASE.len() + super::genai::TEMPLATES.len() }>(BASE, super::genai::TEMPLATES);

/// `a` then `b`, as one array (a constant, so the list stays a `&'static` slice).
const fn join<const N: usize>(a: &[Template], b: &[Template]) -> [Template; N] {
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}

/// The software and ML side's templates.
const BASE: &[Template] = &[
    t(
        "qps.average",
        Qps,
        "traffic.avg_qps",
        When::DauTraffic,
        "What is the average QPS?",
        DAY,
    ),
    t(
        "qps.peak",
        Qps,
        "traffic.peak_qps",
        When::DauTraffic,
        "What is the peak QPS?",
        DAY,
    ),
    t(
        "qps.peak_from_rate",
        Qps,
        "traffic.peak_qps",
        When::RateTraffic,
        "What is the peak rate per second?",
        DAY,
    ),
    t(
        "storage.corpus",
        Storage,
        "storage.*",
        When::Corpus,
        "How much storage do the {} take today, with every copy?",
        Says("Decimal units: 1 KB = 10^3 B."),
    ),
    t(
        "storage.corpus_growth",
        Storage,
        "storage.*.growth_per_day",
        When::Corpus,
        "How much storage do new {} add per day, with every copy?",
        Says("Decimal units."),
    ),
    t(
        "storage.corpus_retained",
        Storage,
        "storage.*.retained_growth",
        When::Corpus,
        "How much storage do new {} add over their retention?",
        Says("A year is 365 days."),
    ),
    t(
        "storage.embeddings_raw",
        Storage,
        "storage.embeddings",
        When::RawEmbeddings,
        "How much space do the raw embeddings take?",
        Says("f32 is 4 bytes a dimension, f16 2, int8 1."),
    ),
    t(
        "storage.embeddings_compressed",
        Storage,
        "storage.embeddings",
        When::CompressedEmbeddings,
        "How much space do the compressed embeddings take?",
        Says("Binary is 1 bit a dimension; PQ is m codes of nbits bits."),
    ),
    t(
        "storage.logs",
        Storage,
        "storage.logs",
        When::Always,
        "How much log (training) data is kept?",
        Says("Keep each day's logs for the whole retention."),
    ),
    t(
        "storage.log_stream",
        Storage,
        "storage.log.*",
        When::Always,
        "How much {} log data is kept over its retention?",
        NOTHING,
    ),
    t(
        "storage.graph",
        Storage,
        "storage.graph",
        When::Always,
        "How much space do the graph's adjacency lists take?",
        Says("Each connection is listed under both of its ends."),
    ),
    t(
        "storage.friends_of_friends",
        Storage,
        "graph.friends_of_friends",
        When::Always,
        "How many friends-of-friends candidates does one user have, before removing duplicates?",
        NOTHING,
    ),
    t(
        "storage.text_index",
        Storage,
        "storage.text_index",
        When::Always,
        "How large is the inverted text index?",
        Says("One posting per term per document."),
    ),
    t(
        "storage.growth",
        Storage,
        "storage.growth_per_day",
        When::Always,
        "How much storage is added per day in all, logs included?",
        NOTHING,
    ),
    t(
        "storage.total",
        Storage,
        "storage.total",
        When::Always,
        "What is the total storage at the end of the retention period?",
        Says("Corpora with their growth over retention, embeddings, logs, graph and text index."),
    ),
    t(
        "bandwidth.ingress",
        Bandwidth,
        "bandwidth.ingress",
        When::Always,
        "What is the ingress bandwidth at peak?",
        Assume::Uploads,
    ),
    t(
        "bandwidth.egress",
        Bandwidth,
        "bandwidth.egress",
        When::Always,
        "What is the egress bandwidth at peak?",
        PEAK,
    ),
    t(
        "bandwidth.fanout",
        Bandwidth,
        "bandwidth.*.fanout",
        When::Always,
        "How much bandwidth flows between {} and the index shards at peak?",
        Says(
            "Each shard gets the query, encoded as the vectors are stored (f32 for PQ), and returns k results of 12 bytes (id + score).",
        ),
    ),
    t(
        "memory.bytes_hnsw",
        Memory,
        "index.bytes_per_vector",
        When::Index(&[IndexKind::Hnsw]),
        "How many bytes does each vector take in the HNSW index?",
        Says("Faiss: data + 8·M bytes of level-0 links + 4·M/(M−1) upper links + 12 bytes."),
    ),
    t(
        "memory.bytes_ivf",
        Memory,
        "index.bytes_per_vector",
        When::Index(IVF),
        "How many bytes does each vector take in the IVF index?",
        Says("Faiss stores an 8-byte list id with each code."),
    ),
    t(
        "memory.hnsw",
        Memory,
        "index.memory",
        When::Index(&[IndexKind::Hnsw]),
        "How much RAM does one copy of the HNSW index need?",
        Says("Faiss: data + 8·M + 4·M/(M−1) + 12 bytes a vector."),
    ),
    t(
        "memory.ivf",
        Memory,
        "index.memory",
        When::Index(IVF),
        "How much RAM does one copy of the IVF index need?",
        Says(
            "Codes + the list ids, plus centroids (4·d bytes per list; d/8 for binary) and any codebook.",
        ),
    ),
    Template {
        sets: &[("index.kind", "flat")],
        ..t(
            "memory.flat",
            Memory,
            "index.memory",
            When::Index(&[IndexKind::Flat]),
            "How much RAM does a flat index of these vectors need?",
            Says("The vectors alone."),
        )
    },
    engine(
        "memory.engine_hnswlib",
        "index.engine.hnswlib",
        "How much RAM does one copy of this index need on hnswlib?",
        "hnswlib allocates per vector a level-0 block (2·M links of 4 bytes + a 4-byte count + the vector + an 8-byte label), upper-level lists for 1 in M, a pointer, a level, a 40-byte mutex, a 2-byte visited mark, and about 40 bytes of label map.",
    ),
    engine(
        "memory.engine_milvus",
        "index.engine.milvus",
        "How much RAM does one copy of this index need on Milvus?",
        "Milvus's sizing tool: the index (HNSW (1 + 2M/d) × the float32 vectors; IVF adds 4·d bytes a list; SQ8 a quarter of the vectors), plus two 1,024 MiB segments loading, all × 1.15 for loading overhead (DiskANN: the vectors ÷ 4 × 1.15; IVF_PQ: the docs' codes + a 2-byte cluster id + centroids).",
    ),
    engine(
        "memory.engine_qdrant",
        "index.engine.qdrant",
        "How much RAM does one copy of this index need on Qdrant?",
        "Qdrant's capacity-planning page: (the vectors + the HNSW graph, points × m × 2 × 4 B × 1.2, + a 52-byte id tracker a point) × 1.2 for headroom.",
    ),
    engine(
        "memory.engine_weaviate",
        "index.engine.weaviate",
        "How much RAM does one copy of this index need on Weaviate?",
        "Weaviate's docs: each vector (or its compressed code) plus 10 bytes a connection × maxConnections (= M), without garbage collection; their rule of thumb is twice the vectors.",
    ),
    engine(
        "memory.engine_opensearch",
        "index.engine.opensearch",
        "How much RAM does one copy of this index need on OpenSearch?",
        "OpenSearch's k-NN docs: 1.1 × (the vector's bytes + 8·m) a vector for HNSW, 1.1 × (the vectors + 4·nlist·d) for IVF: 10% overhead; the PQ forms count each of 300 segments' codebooks.",
    ),
    engine(
        "memory.engine_elasticsearch",
        "index.engine.elasticsearch",
        "How much RAM does one copy of this index need on Elasticsearch?",
        "Elasticsearch quantises float vectors by default: bbq_hnsw from 384 dimensions (about d/8 + 14 bytes a vector), int8_hnsw below (d + 16), plus 4·m bytes of HNSW graph a vector, in the filesystem cache outside the Java heap.",
    ),
    engine(
        "memory.engine_pgvector",
        "index.engine.pgvector",
        "How much RAM does one copy of this index need on pgvector?",
        "pgvector's pages: an element tuple (a 72-byte header + the value with its 8-byte header) and its 2·m neighbour slots of 6 bytes, each MAXALIGNed, packed into 8 KiB pages (8,160 bytes usable) whole.",
    ),
    t(
        "memory.diskann_ram",
        Memory,
        "index.memory",
        When::Index(&[IndexKind::DiskAnn]),
        "How much RAM does the DiskANN index keep (its PQ codes)?",
        Says("RAM holds the PQ codes and pivots; full vectors live on SSD."),
    ),
    t(
        "memory.diskann_ssd",
        Memory,
        "index.disk",
        When::Index(&[IndexKind::DiskAnn]),
        "How much SSD does the DiskANN graph need?",
        Says("A node is (R+1)·4 bytes of links plus the vector, packed into 4 KiB sectors."),
    ),
    t(
        "shards.count",
        Shards,
        "index.shards",
        When::ComputedShards,
        "How many shards does the index need?",
        Says("Only the usable fraction of a node's RAM holds index."),
    ),
    t(
        "shards.replicas",
        Shards,
        "index.replicas",
        When::Always,
        "How many replicas of the index does each region need?",
        Says("Size for peak QPS at the target utilisation, plus the spares."),
    ),
    t(
        "servers.index_nodes",
        Servers,
        "index.nodes",
        When::Always,
        "How many index servers are there in all?",
        Says("Shards × replicas × regions."),
    ),
    t(
        "servers.online",
        Servers,
        "fleet.*.servers",
        When::CpuStage,
        "How many servers does the {} stage need?",
        Says("Size for peak, at the target utilisation, spares per region, times regions."),
    ),
    t(
        "servers.gpu",
        Servers,
        "fleet.*.servers",
        When::GpuStage,
        "How many GPU servers does the {} stage need?",
        Says("Throughput = FLOP/s × efficiency × devices ÷ FLOPs per item."),
    ),
    t(
        "servers.batch",
        Servers,
        "fleet.*.servers",
        When::BatchStage,
        "How many servers does the {} batch job need to finish in its window?",
        Says("A run takes items per day × its interval ÷ 1 day."),
    ),
    t(
        "servers.in_flight",
        Servers,
        "fleet.*.concurrency",
        When::OnlineStage,
        "How many requests are in flight in the {} stage at peak?",
        Says("Little's law: concurrency = arrival rate × latency."),
    ),
    t(
        "servers.total",
        Servers,
        "fleet.total_servers",
        When::Always,
        "How many servers are there in all stages?",
        CEIL,
    ),
    t(
        "latency.total",
        Latency,
        "latency.total",
        When::Always,
        "What is the latency of the online path?",
        IN_SERIES,
    ),
    t(
        "latency.budget",
        Latency,
        "latency.budget_used",
        When::LatencyBudget,
        "What fraction of the latency budget does the online path use?",
        IN_SERIES,
    ),
    t(
        "latency.fanout_tail",
        Latency,
        "latency.fanout_slow_fraction",
        When::Always,
        "What share of requests wait on at least one slow shard?",
        Says("P(all N shards fast) = q^N."),
    ),
    // The ML side, after the software outputs.
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
    // Ranges: one input stated as a 90% interval, the answer the output's median.
    Template {
        range: Some("traffic.dau"),
        ..t(
            "qps.peak_range",
            Qps,
            "traffic.peak_qps",
            When::DauTraffic,
            "The daily users are a 90% range. What is the median (p50) peak QPS?",
            RANGE,
        )
    },
    Template {
        range: Some("corpus.*.item_size"),
        ..t(
            "storage.corpus_range",
            Storage,
            "storage.*",
            When::Corpus,
            "The item size is a 90% range. What is the median (p50) storage the {} take today, with every copy?",
            RANGE,
        )
    },
    Template {
        range: Some("stage.*.per_server_throughput"),
        ..t(
            "servers.stage_range",
            Servers,
            "fleet.*.servers",
            When::CpuStage,
            "One server's throughput is a 90% range. What is the median (p50) number of {} servers at peak?",
            RANGE,
        )
    },
];

#[cfg(test)]
mod tests {

    fn id(text: &str) -> OutputId {
        text.parse().unwrap()
    }

    use super::*;

    fn template(id: &str) -> &'static Template {
        TEMPLATES.iter().find(|t| t.id == id).unwrap()
    }

    #[test]
    fn output_patterns_name_one_thing() {
        let corpus = template("storage.corpus");
        assert_eq!(corpus.names(&id("storage.videos")), Some("videos"));
        assert_eq!(corpus.names(&id("storage.videos.growth_per_day")), None);
        assert_eq!(corpus.names(&id("storage.x.y")), None);
        let growth = template("storage.corpus_growth");
        assert_eq!(
            growth.names(&id("storage.videos.growth_per_day")),
            Some("videos")
        );
        assert_eq!(
            template("qps.peak").names(&id("traffic.peak_qps")),
            Some("")
        );
        assert_eq!(template("qps.peak").names(&id("traffic.avg_qps")), None);
    }

    #[test]
    fn there_are_at_least_thirty_templates_over_every_skill() {
        assert!(TEMPLATES.len() >= 30, "{}", TEMPLATES.len());
        for skill in Skill::ALL {
            assert!(TEMPLATES.iter().any(|t| t.skill == skill), "{skill:?}");
        }
        let mut ids: Vec<&str> = TEMPLATES.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TEMPLATES.len(), "template ids are unique");
    }

    #[test]
    fn each_template_asks_about_its_skill_and_has_a_question_mark() {
        for t in TEMPLATES {
            assert!(
                t.id.starts_with(t.skill.id()),
                "{} under {:?}",
                t.id,
                t.skill
            );
            assert!(t.ask.ends_with('?'), "{}", t.id);
            assert_eq!(t.ask.contains("{}"), t.output.contains('*'), "{}", t.id);
        }
    }
}

//! Questions drawn from the presets: pick a case and one of its outputs, move the inputs that
//! output depends on around the preset's values, and state them as an interviewer would.

use crate::estimate::{self, Step};
use crate::presets::Preset;
use crate::report::Report;
use crate::scenario::schema::FieldKind;
use crate::scenario::{IndexKind, Mode, Scenario, overrides};
use crate::units::Kind;
use crate::units::format::{Human, Style};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// What a question exercises; progress is tracked per skill.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Skill {
    Qps,
    Storage,
    Bandwidth,
    Memory,
    Shards,
    Servers,
    Latency,
}

impl Skill {
    pub const ALL: [Skill; 7] = [
        Skill::Qps,
        Skill::Storage,
        Skill::Bandwidth,
        Skill::Memory,
        Skill::Shards,
        Skill::Servers,
        Skill::Latency,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Skill::Qps => "QPS",
            Skill::Storage => "storage",
            Skill::Bandwidth => "bandwidth",
            Skill::Memory => "index memory",
            Skill::Shards => "shards",
            Skill::Servers => "servers",
            Skill::Latency => "latency",
        }
    }
}

/// A kind of question: which outputs it asks about and how.
pub struct Template {
    pub id: &'static str,
    pub skill: Skill,
    /// The output id, with `*` for a corpus, stage or log name.
    pub pattern: &'static str,
    /// Whether it fits the scenario (and the `*` name).
    pub when: fn(&Scenario, &str) -> bool,
    /// The question; `{}` is the name `*` matched.
    pub ask: &'static str,
    /// What the answer may assume that the inputs do not say.
    pub assume: &'static str,
}

fn always(_: &Scenario, _: &str) -> bool {
    true
}
/// `*` names a corpus (not "total", "logs" or another storage output).
fn corpus(s: &Scenario, name: &str) -> bool {
    s.corpora.iter().any(|c| c.name == name)
}
fn by_dau(s: &Scenario, _: &str) -> bool {
    s.traffic.as_ref().is_some_and(|t| t.dau.is_some())
}
fn by_qps(s: &Scenario, _: &str) -> bool {
    s.traffic.as_ref().is_some_and(|t| t.qps.is_some())
}
fn index_is(s: &Scenario, kinds: &[IndexKind]) -> bool {
    s.index.as_ref().is_some_and(|i| kinds.contains(&i.kind))
}
fn hnsw(s: &Scenario, _: &str) -> bool {
    index_is(s, &[IndexKind::Hnsw])
}
fn ivf(s: &Scenario, _: &str) -> bool {
    index_is(
        s,
        &[IndexKind::IvfFlat, IndexKind::IvfSq8, IndexKind::IvfPq],
    )
}
fn flat(s: &Scenario, _: &str) -> bool {
    index_is(s, &[IndexKind::Flat])
}
fn diskann(s: &Scenario, _: &str) -> bool {
    index_is(s, &[IndexKind::DiskAnn])
}
fn raw_floats(s: &Scenario, _: &str) -> bool {
    s.embeddings.as_ref().is_some_and(|e| {
        matches!(
            e.dtype,
            crate::scenario::Dtype::F32
                | crate::scenario::Dtype::F16
                | crate::scenario::Dtype::Int8
        )
    })
}
fn compressed(s: &Scenario, n: &str) -> bool {
    s.embeddings.is_some() && !raw_floats(s, n)
}
fn stage<'a>(s: &'a Scenario, name: &str) -> Option<&'a crate::scenario::Stage> {
    s.stages.iter().find(|st| st.name == name)
}
fn online_cpu(s: &Scenario, n: &str) -> bool {
    stage(s, n).is_some_and(|st| {
        st.mode == Mode::Online && !st.index && st.per_server_throughput.is_some()
    })
}
fn online_gpu(s: &Scenario, n: &str) -> bool {
    stage(s, n)
        .is_some_and(|st| st.mode == Mode::Online && !st.index && st.flops_per_item.is_some())
}
fn batch(s: &Scenario, n: &str) -> bool {
    stage(s, n).is_some_and(|st| st.mode == Mode::Batch)
}
fn online(s: &Scenario, n: &str) -> bool {
    stage(s, n).is_some_and(|st| st.mode == Mode::Online)
}
fn computed_shards(s: &Scenario, _: &str) -> bool {
    s.index.as_ref().is_some_and(|i| i.shards.is_none())
}
fn with_budget(s: &Scenario, _: &str) -> bool {
    s.serving.latency_budget.is_some()
}

const DAY: &str = "A day has 86,400 s (≈10^5).";
const PEAK: &str = "Size for peak traffic.";
const CEIL: &str = "Round up to whole machines.";

macro_rules! t {
    ($id:literal, $skill:ident, $pattern:literal, $when:expr, $ask:literal, $assume:expr) => {
        Template {
            id: $id,
            skill: Skill::$skill,
            pattern: $pattern,
            when: $when,
            ask: $ask,
            assume: $assume,
        }
    };
}

/// Every question template.
pub const TEMPLATES: &[Template] = &[
    t!(
        "qps.average",
        Qps,
        "traffic.avg_qps",
        by_dau,
        "What is the average QPS?",
        DAY
    ),
    t!(
        "qps.peak",
        Qps,
        "traffic.peak_qps",
        by_dau,
        "What is the peak QPS?",
        DAY
    ),
    t!(
        "qps.peak_from_rate",
        Qps,
        "traffic.peak_qps",
        by_qps,
        "What is the peak rate per second?",
        DAY
    ),
    t!(
        "storage.corpus",
        Storage,
        "storage.*",
        corpus,
        "How much storage do the {} take today, with every copy?",
        "Decimal units: 1 KB = 10^3 B."
    ),
    t!(
        "storage.corpus_growth",
        Storage,
        "storage.*.growth_per_day",
        corpus,
        "How much storage do new {} add per day, with every copy?",
        "Decimal units."
    ),
    t!(
        "storage.corpus_retained",
        Storage,
        "storage.*.retained_growth",
        corpus,
        "How much storage do new {} add over their retention?",
        "A year is 365 days."
    ),
    t!(
        "storage.embeddings_raw",
        Storage,
        "storage.embeddings",
        raw_floats,
        "How much space do the raw embeddings take?",
        "f32 is 4 bytes a dimension, f16 2, int8 1."
    ),
    t!(
        "storage.embeddings_compressed",
        Storage,
        "storage.embeddings",
        compressed,
        "How much space do the compressed embeddings take?",
        "Binary is 1 bit a dimension; PQ is m codes of nbits bits."
    ),
    t!(
        "storage.logs",
        Storage,
        "storage.logs",
        always,
        "How much log (training) data is kept?",
        "Keep each day's logs for the whole retention."
    ),
    t!(
        "storage.log_stream",
        Storage,
        "storage.log.*",
        always,
        "How much {} log data is kept over its retention?",
        ""
    ),
    t!(
        "storage.graph",
        Storage,
        "storage.graph",
        always,
        "How much space do the graph's adjacency lists take?",
        "Each connection is listed under both of its ends."
    ),
    t!(
        "storage.friends_of_friends",
        Storage,
        "graph.friends_of_friends",
        always,
        "How many friends-of-friends candidates does one user have, before removing duplicates?",
        ""
    ),
    t!(
        "storage.text_index",
        Storage,
        "storage.text_index",
        always,
        "How large is the inverted text index?",
        "One posting per term per document."
    ),
    t!(
        "storage.growth",
        Storage,
        "storage.growth_per_day",
        always,
        "How much storage is added per day in all, logs included?",
        ""
    ),
    t!(
        "storage.total",
        Storage,
        "storage.total",
        always,
        "What is the total storage at the end of the retention period?",
        "Corpora with their growth over retention, embeddings, logs, graph and text index."
    ),
    t!(
        "bandwidth.ingress",
        Bandwidth,
        "bandwidth.ingress",
        always,
        "What is the ingress bandwidth at peak?",
        "Uploads peak with traffic."
    ),
    t!(
        "bandwidth.egress",
        Bandwidth,
        "bandwidth.egress",
        always,
        "What is the egress bandwidth at peak?",
        PEAK
    ),
    t!(
        "bandwidth.fanout",
        Bandwidth,
        "bandwidth.*.fanout",
        always,
        "How much bandwidth flows between {} and the index shards at peak?",
        "Each shard gets the query, encoded as the vectors are stored (f32 for PQ), and returns k results of 12 bytes (id + score)."
    ),
    t!(
        "memory.bytes_hnsw",
        Memory,
        "index.bytes_per_vector",
        hnsw,
        "How many bytes does each vector take in the HNSW index?",
        "Faiss: data + 8·M bytes of level-0 links + 4·M/(M−1) upper links + 12 bytes."
    ),
    t!(
        "memory.bytes_ivf",
        Memory,
        "index.bytes_per_vector",
        ivf,
        "How many bytes does each vector take in the IVF index?",
        "Faiss stores an 8-byte list id with each code."
    ),
    t!(
        "memory.hnsw",
        Memory,
        "index.memory",
        hnsw,
        "How much RAM does one copy of the HNSW index need?",
        "Faiss: data + 8·M + 4·M/(M−1) + 12 bytes a vector."
    ),
    t!(
        "memory.ivf",
        Memory,
        "index.memory",
        ivf,
        "How much RAM does one copy of the IVF index need?",
        "Codes + 8-byte ids, plus centroids (4·d bytes per list; d/8 for binary) and any codebook."
    ),
    t!(
        "memory.flat",
        Memory,
        "index.memory",
        flat,
        "How much RAM does a flat index of these vectors need?",
        "The vectors alone."
    ),
    t!(
        "memory.diskann_ram",
        Memory,
        "index.memory",
        diskann,
        "How much RAM does the DiskANN index keep (its PQ codes)?",
        "RAM holds the PQ codes and pivots; full vectors live on SSD."
    ),
    t!(
        "memory.diskann_ssd",
        Memory,
        "index.disk",
        diskann,
        "How much SSD does the DiskANN graph need?",
        "A node is (R+1)·4 bytes of links plus the vector, packed into 4 KiB sectors."
    ),
    t!(
        "shards.count",
        Shards,
        "index.shards",
        computed_shards,
        "How many shards does the index need?",
        "Only the usable fraction of a node's RAM holds index."
    ),
    t!(
        "shards.replicas",
        Shards,
        "index.replicas",
        always,
        "How many replicas of the index does each region need?",
        "Size for peak QPS at the target utilisation, plus the spares."
    ),
    t!(
        "servers.index_nodes",
        Servers,
        "index.nodes",
        always,
        "How many index servers are there in all?",
        "Shards × replicas × regions."
    ),
    t!(
        "servers.online",
        Servers,
        "fleet.*.servers",
        online_cpu,
        "How many servers does the {} stage need?",
        "Size for peak, at the target utilisation, spares per region, times regions."
    ),
    t!(
        "servers.gpu",
        Servers,
        "fleet.*.servers",
        online_gpu,
        "How many GPU servers does the {} stage need?",
        "Throughput = FLOP/s × efficiency × devices ÷ FLOPs per item."
    ),
    t!(
        "servers.batch",
        Servers,
        "fleet.*.servers",
        batch,
        "How many servers does the {} batch job need to finish in its window?",
        "A run takes items per day × its interval ÷ 1 day."
    ),
    t!(
        "servers.in_flight",
        Servers,
        "fleet.*.concurrency",
        online,
        "How many requests are in flight in the {} stage at peak?",
        "Little's law: concurrency = arrival rate × latency."
    ),
    t!(
        "servers.total",
        Servers,
        "fleet.total_servers",
        always,
        "How many servers are there in all stages?",
        CEIL
    ),
    t!(
        "latency.total",
        Latency,
        "latency.total",
        always,
        "What is the latency of the online path?",
        "The stages run one after another."
    ),
    t!(
        "latency.budget",
        Latency,
        "latency.budget_used",
        with_budget,
        "What fraction of the latency budget does the online path use?",
        "The stages run one after another."
    ),
    t!(
        "latency.fanout_tail",
        Latency,
        "latency.fanout_slow_fraction",
        always,
        "What share of requests wait on at least one slow shard?",
        "P(all N shards fast) = q^N."
    ),
];

/// The name `*` stands for when `id` fits `pattern`.
fn fit<'a>(pattern: &str, id: &'a str) -> Option<&'a str> {
    match pattern.split_once('*') {
        None => (pattern == id).then_some(""),
        Some((pre, post)) => {
            let name = id.strip_prefix(pre)?.strip_suffix(post)?;
            (!name.is_empty() && !name.contains('.')).then_some(name)
        }
    }
}

/// A question, ready to ask.
#[derive(Clone, Debug)]
pub struct Question {
    /// [`generate`] with this seed (and the same presets and filter) asks this question again.
    pub seed: u64,
    pub case: String,
    pub case_title: String,
    pub template: &'static str,
    pub skill: Skill,
    pub output: String,
    pub prompt: String,
    pub truth: f64,
    pub kind: Kind,
    pub steps: Vec<Step>,
    /// The scenario the question was drawn from, its inputs moved.
    pub scenario: Scenario,
    /// The input paths the question states.
    pub stated: Vec<String>,
}

/// Which questions a session may ask.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub case: Option<String>,
    pub skill: Option<Skill>,
    pub template: Option<String>,
}

/// A round number near `x`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k.
fn nice(x: f64) -> f64 {
    let e = x.log10().floor();
    let m = x / 10f64.powf(e);
    let steps: [f64; 10] = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0];
    let best = steps
        .iter()
        .copied()
        .min_by(|a, b| (a.ln() - m.ln()).abs().total_cmp(&(b.ln() - m.ln()).abs()))
        .unwrap_or(1.0);
    best * 10f64.powf(e)
}

/// Moves one input around its preset value: counts, sizes and rates by up to 3× either way,
/// dimensions and links among the usual choices; the rest stay.
fn perturb(rng: &mut ChaCha8Rng, s: &mut Scenario, path: &str) {
    let Some((crate::scenario::schema::Value::Num(v), FieldKind::Quantity(kind))) =
        overrides::get(s, path)
    else {
        return;
    };
    let key = path.rsplit('.').next().unwrap_or(path);
    let text = match (kind, key) {
        (Kind::Integer, "dim") => {
            [64.0, 128.0, 256.0, 384.0, 512.0, 768.0, 1024.0][rng.random_range(0..7)].to_string()
        }
        (Kind::Integer, "hnsw_m") => {
            [8.0, 16.0, 24.0, 32.0, 48.0][rng.random_range(0..5)].to_string()
        }
        (Kind::Count | Kind::Size | Kind::Rate | Kind::DataRate, _)
            if v > 0.0 && !matches!(key, "items_per_request" | "redundancy" | "regions") =>
        {
            let factor = (rng.random_range(-1.0..1.0) * 3f64.ln()).exp();
            Human::new(nice(v * factor), kind).to_string()
        }
        (Kind::Count, "items_per_request") if v >= 10.0 => Human::new(
            nice(v * (rng.random_range(-1.0..1.0) * 2f64.ln()).exp()),
            kind,
        )
        .to_string(),
        (Kind::Duration, "latency") if v > 0.0 => Human::new(
            nice(v * (rng.random_range(-1.0..1.0) * 2f64.ln()).exp()),
            kind,
        )
        .to_string(),
        _ => return,
    };
    let mut trial = s.clone();
    if overrides::set(&mut trial, path, &text).is_ok()
        && crate::scenario::validate::validate(&trial).is_empty()
    {
        *s = trial;
    }
}

/// How an input is said aloud: "500M daily active users", "ranking: one server handles 50k/s".
fn phrase(path: &str, shown: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let (owner, key) = match parts.as_slice() {
        [_, name, key] => (Some(*name), *key),
        [_, key] => (None, *key),
        _ => (None, path),
    };
    let said = match key {
        "dau" => format!("{shown} daily active users"),
        "requests_per_user_per_day" if shown == "1" => "1 request per user per day".to_string(),
        "requests_per_user_per_day" => format!("{shown} requests per user per day"),
        "qps" => format!("{shown} on average"),
        "peak_factor" => format!(
            "peak traffic is {}× the average",
            shown.trim_end_matches('×')
        ),
        "request_size" => format!("requests of {shown}"),
        "response_size" => format!("responses of {shown}"),
        "items" => format!("{shown} items stored"),
        "item_size" => format!("{shown} per item"),
        "new_items_per_day" => format!("{shown} new items a day"),
        "replication" => match shown.trim_end_matches('×') {
            "1" => "1 copy of each".to_string(),
            n => format!("{n} copies of each"),
        },
        "retention" => format!("kept for {shown}"),
        "vectors" => format!("{shown} vectors"),
        "dim" => format!("{shown} dimensions"),
        "dtype" => format!("stored as {shown}"),
        "pq_m" => format!("PQ with m = {shown}"),
        "pq_nbits" => format!("{shown} bits per PQ code"),
        "kind" => format!("index kind {shown}"),
        "hnsw_m" => format!("M = {shown}"),
        "nlist" => format!("{shown} IVF lists"),
        "degree" => format!("graph degree R = {shown}"),
        "node_memory" => format!("{shown} of RAM per node"),
        "memory_headroom" => format!("{shown} of it usable"),
        "node_disk" => format!("{shown} of SSD per node"),
        "per_replica_qps" => format!("one index replica serves {shown}"),
        "shards" => format!("{shown} shards"),
        "shard_fast_probability" => format!("each shard answers in time {shown} of the time"),
        "index" => "it queries the sharded index".to_string(),
        "holds" => format!("it keeps {shown} in RAM"),
        // Only a corpus marked false is among an output's inputs (the default is the rule).
        "uploaded" if shown == "false" => {
            "stored from data already inside, not uploaded".to_string()
        }
        "uploaded" => String::new(),
        "items_per_request" if shown == "1" => "1 item per request".to_string(),
        "items_per_request" => format!("{shown} items per request"),
        "items_per_day" => format!("{shown} items a day"),
        "window" => format!("a {shown} window"),
        "every" => format!("a run every {shown}"),
        "per_server_throughput" => format!("one server handles {shown}"),
        "flops_per_item" => format!("{shown} FLOPs per item"),
        "device_flops" => format!("a device peaks at {} FLOP/s", shown.trim_end_matches("/s")),
        "efficiency" => format!("{shown} efficiency"),
        "devices_per_server" => format!("{shown} devices per server"),
        "latency" => format!("takes {shown}"),
        "utilization" => format!("target utilisation {shown}"),
        "latency_budget" => format!("a {shown} latency budget"),
        "target_utilization" => format!("target utilisation {shown}"),
        "redundancy" => format!("N+{shown} spares"),
        "regions" if shown == "1" => "1 region".to_string(),
        "regions" => format!("{shown} regions"),
        "region_failover" if shown == "true" => {
            "each region can take over a failed one's traffic".to_string()
        }
        "region_failover" => String::new(),
        "overhead" => format!("{shown} of network overhead"),
        "events_per_user_per_day" => format!("{shown} logged events per user per day"),
        "events_per_day" => format!("{shown} events a day"),
        "event_size" => format!("{shown} per event"),
        "nodes" => format!("{shown} users in the graph"),
        "avg_degree" => format!("{shown} connections each"),
        "bytes_per_edge" => format!("{shown} per adjacency entry"),
        "documents" => format!("{shown} documents"),
        "terms_per_document" => format!("{shown} terms each"),
        "bytes_per_posting" => format!("{shown} per posting"),
        other => format!("{other} = {shown}"),
    };
    match owner {
        _ if said.is_empty() => said,
        Some(name) => format!("{name}: {said}"),
        None => said,
    }
}

/// Candidate (template, output id, name) pairs a scenario offers.
fn offers(
    s: &Scenario,
    report: &Report,
    filter: &Filter,
) -> Vec<(&'static Template, String, String)> {
    let mut out = Vec::new();
    for o in report
        .outputs
        .iter()
        .filter(|o| o.value > 0.0 && o.value.is_finite())
    {
        for t in TEMPLATES {
            if filter.skill.is_some_and(|k| k != t.skill)
                || filter.template.as_deref().is_some_and(|id| id != t.id)
            {
                continue;
            }
            if let Some(name) = fit(t.pattern, &o.id)
                && (t.when)(s, name)
            {
                out.push((t, o.id.clone(), name.to_string()));
            }
        }
    }
    out
}

/// Draws the question for `seed` from `presets` within `filter`, or None if nothing fits.
pub fn generate(seed: u64, presets: &[Preset], filter: &Filter) -> Option<Question> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let cases: Vec<(&Preset, Scenario)> = presets
        .iter()
        .filter(|p| filter.case.as_deref().is_none_or(|c| c == p.id))
        .filter_map(|p| p.load().ok().map(|s| (p, s)))
        .collect();
    let mut choices = Vec::new();
    for (p, s) in &cases {
        let Ok(report) = Report::build(s, Style::Decimal) else {
            continue;
        };
        for (t, id, name) in offers(s, &report, filter) {
            choices.push((*p, s, t, id, name));
        }
    }
    // Try the choices in a seeded order until one makes a question.
    while !choices.is_empty() {
        let (preset, base, template, output, name) =
            choices.swap_remove(rng.random_range(0..choices.len()));
        if let Some(q) = build(seed, &mut rng, preset, base, template, &output, &name) {
            return Some(q);
        }
    }
    None
}

/// Moves the inputs of `output` around their preset values and states the question.
/// What an ingress question must say beyond its inputs: how uploads peak, if there are any.
fn ingress_hint(s: &Scenario) -> &'static str {
    let uploads = s
        .corpora
        .iter()
        .any(|c| c.uploaded && c.new_items_per_day.0 > 0.0);
    match (&s.traffic, uploads) {
        (_, false) => "",
        (None, true) => "There is no online traffic: uploads arrive at their daily average.",
        (Some(_), true) => "Uploads peak with traffic.",
    }
}

fn build(
    seed: u64,
    rng: &mut ChaCha8Rng,
    preset: &Preset,
    base: &Scenario,
    template: &'static Template,
    output: &str,
    name: &str,
) -> Option<Question> {
    let mut s = base.clone();
    let (_, outs) = estimate::explain(&s);
    let mut used = outs
        .iter()
        .find(|o| o.id == output)
        .map(|o| o.inputs.clone())
        .unwrap_or_default();
    if used.is_empty() {
        return None;
    }
    // State them in the file's order: traffic first, serving last.
    let order = overrides::paths(&s);
    used.sort_by_key(|p| order.iter().position(|q| q == p).unwrap_or(usize::MAX));
    for path in &used {
        perturb(rng, &mut s, path);
    }
    let report = Report::build(&s, Style::Decimal).ok()?;
    let target = report.output(output)?;
    if !(target.value > 0.0 && target.value.is_finite()) {
        return None;
    }
    let said: Vec<String> = used
        .iter()
        .filter_map(|path| report.input(path).map(|i| phrase(path, &i.display)))
        .filter(|p| !p.is_empty())
        .collect();
    let ask = template.ask.replace("{}", name);
    let mut prompt = format!("{}: {}. {ask}", s.meta.title, said.join(", "));
    let assume = match template.id {
        "bandwidth.ingress" => ingress_hint(&s),
        _ => template.assume,
    };
    if !assume.is_empty() {
        prompt.push(' ');
        prompt.push_str(assume);
    }
    if used.iter().any(|p| p.ends_with(".holds")) {
        prompt.push_str(" A stage that keeps data in RAM needs, in each region, at least enough servers to hold all its copies.");
    }
    Some(Question {
        seed,
        case: preset.id.clone(),
        case_title: s.meta.title.clone(),
        template: template.id,
        skill: template.skill,
        output: output.to_string(),
        prompt,
        truth: target.value,
        kind: target.kind,
        steps: target.steps.clone(),
        stated: used,
        scenario: s,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_numbers() {
        assert_eq!(nice(1.16e5), 1e5);
        assert_eq!(nice(2.8e3), 3e3);
        assert_eq!(nice(7.0), 8.0);
        // 0.42 is nearer 0.4 than 0.5 on a log scale (ln 1.05 < ln 1.19).
        assert_eq!(nice(0.42), 0.4);
    }

    #[test]
    fn patterns_fit_named_outputs_only() {
        assert_eq!(fit("storage.*", "storage.videos"), Some("videos"));
        assert_eq!(fit("storage.*", "storage.videos.growth_per_day"), None);
        assert_eq!(
            fit("storage.*.growth_per_day", "storage.videos.growth_per_day"),
            Some("videos")
        );
        assert_eq!(fit("traffic.peak_qps", "traffic.peak_qps"), Some(""));
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
}

//! How a question says its inputs aloud: "500M daily active users", "ranking: one server handles
//! 50k/s".

use crate::scenario::InputPath;

/// How an input is said aloud: "500M daily active users", "ranking: one server handles 50k/s".
pub fn phrase(path: &InputPath, shown: &str) -> String {
    let said = clause(path, shown);
    match path.entry.as_deref() {
        _ if said.is_empty() => said,
        Some(name) => format!("{name}: {said}"),
        None => said,
    }
}

/// Inputs said aloud in one sentence, one clause a fact: those of one corpus or stage after
/// its name once ("videos: 10B items stored, 50 MB per item, 3 copies of each"), the groups
/// apart by semicolons.
pub fn sentence(inputs: &[(&InputPath, String)]) -> String {
    let mut groups: Vec<(Option<&str>, Vec<String>)> = Vec::new();
    for (path, shown) in inputs {
        let clause = clause(path, shown);
        if clause.is_empty() {
            continue;
        }
        let owner = path.entry.as_deref();
        match groups.last_mut() {
            Some((o, clauses)) if *o == owner => clauses.push(clause),
            _ => groups.push((owner, vec![clause])),
        }
    }
    groups
        .into_iter()
        .map(|(owner, clauses)| match owner {
            Some(name) => format!("{name}: {}", clauses.join(", ")),
            None => clauses.join(", "),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "1 epoch", "3 epochs": `shown` (a count, maybe written "3×") and its noun.
fn count(shown: &str, one: &str, many: &str) -> String {
    let n = shown.trim_end_matches('×');
    if n == "1" {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What an input says, without the corpus or stage it belongs to: the generative sections'
/// own phrases first.
fn clause(path: &InputPath, shown: &str) -> String {
    super::genai::phrase(path, shown).unwrap_or_else(|| said(path.key, shown))
}

/// What an input of the other sections says, by its key.
fn said(key: &str, shown: &str) -> String {
    match key {
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
        "items" if shown == "0" => "nothing stored yet".to_string(),
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
        "id_bytes" => format!("{shown} ids beside the codes in each list"),
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
        other => ml(other, shown),
    }
}

/// How an input of the ML sections is said aloud.
fn ml(key: &str, shown: &str) -> String {
    match key {
        "params" => format!("{shown} dense parameters"),
        "flops_per_example" => format!("{shown} training FLOPs per example"),
        "examples" => format!("{shown} examples a run"),
        "examples_per_day" => format!("{shown} examples a day"),
        "epochs" => count(shown, "epoch", "epochs"),
        "device" => device(shown),
        "device_memory" => format!("{shown} of memory per device"),
        "devices" => format!("{shown} devices at once"),
        "price_per_device_hour" => format!("{shown} per device-hour"),
        "retrain_every" => format!("retrained every {shown}"),
        "rows" => format!("{shown} rows"),
        "optimizer" => format!("trained with {shown}"),
        "positive_rate" => format!("{shown} of examples are positive"),
        "negative_keep_rate" => format!("negatives kept at {shown}"),
        "raw_prediction" => format!("the model scores {shown}"),
        "entities" => format!("{shown} entities"),
        "features_per_entity" => format!("{shown} features each"),
        "feature_size" => format!("{shown} per feature"),
        "entity_overhead" => format!("{shown} of overhead per entity"),
        "entities_per_request" => format!("{shown} entities per request"),
        "feature_views" => format!("{shown} lookups per entity"),
        "per_node_ops" => format!("one node serves {shown}"),
        "baseline_rate" => format!("a baseline rate of {shown}"),
        "baseline_mean" => format!("a baseline mean of {shown}"),
        "stddev" => format!("a standard deviation of {shown}"),
        "mde_relative" => format!("a relative MDE of {shown}"),
        "mde_absolute" => format!("an absolute MDE of {shown}"),
        "alpha" => format!("α = {shown} two-sided"),
        "power" => format!("power {shown}"),
        "arms" => format!("{shown} arms"),
        "eligible_daily_users" => format!("{shown} eligible users a day"),
        "allocation" => format!("{shown} of them allocated"),
        "cuped_correlation" if shown == "0%" || shown == "0" => "no CUPED".to_string(),
        "cuped_correlation" => format!("CUPED with ρ = {shown}"),
        "deadline" => format!("a {shown} deadline"),
        "labels_per_item" => format!("{} per item", count(shown, "label", "labels")),
        "seconds_per_label" => format!("{shown} s a label"),
        "productive_hours" => format!("{shown} productive hours a day"),
        "price_per_label" => format!("{shown} a label"),
        "cached_items" => format!("the top {shown} items cached"),
        "zipf_s" => format!("Zipf s = {shown}"),
        other => format!("{other} = {shown}"),
    }
}

/// "on A100 accelerators (312 TFLOP/s dense BF16, 80 GB each)": a named device with the figures
/// the question needs.
fn device(name: &str) -> String {
    use crate::units::{Human, Kind};
    let Some(a) = crate::accelerators::find(name) else {
        return format!("on {name} accelerators");
    };
    let memory = Human::new(a.memory.value, Kind::Size);
    match a.training_flops() {
        Some((f, precision)) => format!(
            "on {name} accelerators ({}/s dense {precision}, {memory} each)",
            Human::new(f.value, Kind::Flop)
        ),
        None => format!("on {name} accelerators ({memory} each)"),
    }
}

pub use crate::units::format::plural;

#[cfg(test)]
mod tests {
    use super::phrase;

    fn p(text: &str) -> crate::scenario::InputPath {
        text.parse().unwrap()
    }

    #[test]
    fn inputs_are_said_as_an_interviewer_would() {
        assert_eq!(phrase(&p("traffic.dau"), "500M"), "500M daily active users");
        assert_eq!(
            phrase(&p("stage.ranking.per_server_throughput"), "50k/s"),
            "ranking: one server handles 50k/s"
        );
        assert_eq!(
            phrase(&p("traffic.peak_factor"), "2×"),
            "peak traffic is 2× the average"
        );
        // A corpus uploaded as usual says nothing, not even its name.
        assert_eq!(phrase(&p("corpus.videos.uploaded"), "true"), "");
    }
}

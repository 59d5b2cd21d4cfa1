//! The whole chain of working behind an output: the steps of the outputs it builds on (average →
//! peak → per region → per server → servers), then its own. Which output builds on which is data,
//! [`BUILDS_ON`], so a new section's outputs join by adding rows.

use crate::estimate::{Output, Step};

/// (output, the outputs it builds on). `*` stands for a corpus, stage or log name; in a
/// prerequisite it is the name the output matched, or, when the output has none, every name.
pub const BUILDS_ON: &[(&str, &[&str])] = &[
    ("traffic.peak_qps", &["traffic.avg_qps"]),
    ("storage.*.retained_growth", &["storage.*.growth_per_day"]),
    ("bandwidth.ingress", &["traffic.peak_qps"]),
    ("bandwidth.egress", &["traffic.peak_qps"]),
    ("bandwidth.*.fanout", &["traffic.peak_qps", "index.shards"]),
    ("index.memory", &["index.bytes_per_vector"]),
    ("index.shards", &["index.memory"]),
    ("index.replicas", &["traffic.peak_qps"]),
    ("index.nodes", &["index.shards", "index.replicas"]),
    ("fleet.*.servers", &["traffic.peak_qps"]),
    ("fleet.*.concurrency", &["traffic.peak_qps"]),
    ("fleet.total_servers", &["fleet.*.servers"]),
    ("latency.budget_used", &["latency.total"]),
    ("latency.fanout_slow_fraction", &["index.shards"]),
];

/// What `*` in `pattern` matched in `id` ("" for a pattern without `*`), or None.
fn matches<'a>(pattern: &str, id: &'a str) -> Option<&'a str> {
    match pattern.split_once('*') {
        None => (pattern == id).then_some(""),
        Some((pre, post)) => {
            let name = id.strip_prefix(pre)?.strip_suffix(post)?;
            (!name.is_empty() && !name.contains('.')).then_some(name)
        }
    }
}

/// The ids of the outputs `id` builds on directly, among `outputs`, in their order.
pub fn prerequisites<'a>(outputs: &'a [Output], id: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    for (pattern, needs) in BUILDS_ON {
        let Some(name) = matches(pattern, id) else {
            continue;
        };
        for need in *needs {
            let need = need.replacen('*', name, usize::from(!name.is_empty()));
            for o in outputs {
                let hit = if need.contains('*') {
                    matches(&need, &o.id).is_some()
                } else {
                    o.id == need
                };
                // An index stage's servers are the index nodes: its own line says so.
                if hit && o.id != id && !found.contains(&o.id.as_str()) {
                    found.push(o.id.as_str());
                }
            }
        }
    }
    found
}

/// Every output `id` builds on, directly or not, earliest first (prerequisites before what uses
/// them), without `id` itself.
pub fn ancestors<'a>(outputs: &'a [Output], id: &str) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    fn visit<'a>(outputs: &'a [Output], id: &str, out: &mut Vec<&'a str>, depth: usize) {
        if depth > 8 {
            return;
        }
        for p in prerequisites(outputs, id) {
            if !out.contains(&p) {
                visit(outputs, p, out, depth + 1);
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    visit(outputs, id, &mut out, 0);
    out
}

/// The whole working of `id`: its ancestors' steps, then its own, each line once.
pub fn chain(outputs: &[Output], id: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let ids = ancestors(outputs, id).into_iter().chain([id]);
    for oid in ids {
        let Some(o) = outputs.iter().find(|o| o.id == oid) else {
            continue;
        };
        for s in &o.steps {
            if !steps.iter().any(|t| t.text == s.text) {
                steps.push(s.clone());
            }
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs() -> Vec<Output> {
        let p = crate::presets::builtin();
        let s = p
            .iter()
            .find(|p| p.id == "video-recommendation")
            .unwrap()
            .load()
            .unwrap();
        crate::estimate::explain(&s).1
    }

    #[test]
    fn servers_show_average_peak_region_server_and_total() {
        let o = outputs();
        let texts: Vec<String> = chain(&o, "fleet.ranking.servers")
            .into_iter()
            .map(|s| s.text)
            .collect();
        // 1B × 5 = 5B a day; ÷ 86,400 = 57.9k/s; × 2 = 116k/s; ÷ 3 regions; × 1k items;
        // ÷ (50k × 0.6); + 1 spare × 3 regions.
        assert_eq!(texts.len(), 7, "{texts:#?}");
        assert!(texts[0].starts_with("1B DAU × 5"), "{texts:#?}");
        assert!(texts[1].contains("86,400"), "{texts:#?}");
        assert!(texts[2].contains("peak factor 2"), "{texts:#?}");
        assert!(texts[3].contains("per region"), "{texts:#?}");
        assert!(texts[6].contains("3 regions = 3,864 servers"), "{texts:#?}");
    }

    #[test]
    fn index_nodes_build_on_shards_and_replicas() {
        let o = outputs();
        let a = ancestors(&o, "index.nodes");
        assert!(
            a.contains(&"index.memory") && a.contains(&"traffic.peak_qps"),
            "{a:?}"
        );
        // Prerequisites come before what uses them.
        let pos = |id: &str| a.iter().position(|x| *x == id).unwrap();
        assert!(pos("index.bytes_per_vector") < pos("index.memory"));
        assert!(pos("traffic.avg_qps") < pos("traffic.peak_qps"));
    }
}

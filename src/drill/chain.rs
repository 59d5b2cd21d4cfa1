//! The whole chain of working behind an output: the steps of the outputs it reads (average →
//! peak → per region → per server → servers), then its own. Which output reads which is the
//! estimate's dependency graph ([`Output::depends_on`]).

use crate::estimate::{Dep, Output, OutputId, Step};

/// The outputs `id` reads directly, among `outputs`, in the order it names them.
pub fn prerequisites<'a>(outputs: &'a [Output], id: &OutputId) -> Vec<&'a OutputId> {
    let Some(o) = outputs.iter().find(|o| o.id == *id) else {
        return Vec::new();
    };
    o.depends_on
        .iter()
        .filter_map(|d| match d {
            Dep::Output(p) => outputs.iter().find(|o| o.id == *p).map(|o| &o.id),
            Dep::Input(_) => None,
        })
        .collect()
}

/// Every output `id` builds on, directly or not, earliest first (prerequisites before what uses
/// them), without `id` itself.
pub fn ancestors<'a>(outputs: &'a [Output], id: &OutputId) -> Vec<&'a OutputId> {
    let mut out: Vec<&OutputId> = Vec::new();
    fn visit<'a>(outputs: &'a [Output], id: &OutputId, out: &mut Vec<&'a OutputId>, depth: usize) {
        if depth > 16 {
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

/// The outputs in `stops` that `id` reads through no other output of `stops`: walking back from
/// `id` along what each output reads, a path ends at the first output of `stops` it meets.
/// With a walk's answers as `stops`, these are the answers the step's working starts from.
pub fn frontier<'a>(outputs: &[Output], id: &OutputId, stops: &'a [OutputId]) -> Vec<&'a OutputId> {
    let mut reached: Vec<&OutputId> = Vec::new();
    let mut seen: Vec<&OutputId> = Vec::new();
    let mut todo: Vec<&OutputId> = prerequisites(outputs, id);
    while let Some(next) = todo.pop() {
        if seen.contains(&next) {
            continue;
        }
        seen.push(next);
        match stops.iter().find(|s| *s == next) {
            Some(stop) => reached.push(stop),
            None => todo.extend(prerequisites(outputs, next)),
        }
    }
    stops.iter().filter(|s| reached.contains(s)).collect()
}

/// The whole working of `id`: its ancestors' steps, then its own, each line once.
pub fn chain(outputs: &[Output], id: &OutputId) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let ids = ancestors(outputs, id).into_iter().chain([id]);
    for oid in ids {
        let Some(o) = outputs.iter().find(|o| o.id == *oid) else {
            continue;
        };
        for s in &o.steps {
            if !steps.contains(s) {
                steps.push(s.clone());
            }
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::working::text;
    use crate::units::format::Style;

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

    fn id(text: &str) -> OutputId {
        text.parse().unwrap()
    }

    #[test]
    fn servers_show_average_peak_region_server_and_total() {
        let o = outputs();
        let texts: Vec<String> = chain(&o, &id("fleet.ranking.servers"))
            .iter()
            .map(|s| text(s, Style::Decimal))
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
        let a = ancestors(&o, &id("index.nodes"));
        assert!(
            a.contains(&&id("index.memory")) && a.contains(&&id("traffic.peak_qps")),
            "{a:?}"
        );
        // Prerequisites come before what uses them.
        let pos = |x: &str| a.iter().position(|y| **y == x).unwrap();
        assert!(pos("index.bytes_per_vector") < pos("index.memory"));
        assert!(pos("traffic.avg_qps") < pos("traffic.peak_qps"));
    }
}

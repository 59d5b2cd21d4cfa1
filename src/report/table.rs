//! The presets side by side: the README's table, written by the program so it cannot drift.

use super::Report;
use crate::scenario::Scenario;
use crate::scenario::diagnostic::OneLine;
use crate::units::format::Style;
use std::fmt::Write;

/// A Markdown table of each scenario's headline numbers: chapter, title, peak QPS, total storage,
/// index memory and servers, then the ML side: training time a run, embedding tables, examples
/// kept a day, feature store nodes, A/B test days, annotators and cache hit ratio; then the
/// generative side: accelerators for `[llm]` and `[diffusion]`, and the cost of a million tokens.
pub fn presets_table(scenarios: &[Scenario]) -> String {
    let mut out = String::from(
        "| ch | preset | title | peak QPS | total storage | index memory | servers | training run | embedding tables | kept examples/day | feature nodes | A/B test | annotators | cache hits | gen. accelerators | $/M tokens |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut sorted: Vec<&Scenario> = scenarios.iter().collect();
    sorted.sort_by(|a, b| {
        let ch = |s: &Scenario| s.meta.chapter.map_or(f64::MAX, |c| c.0);
        ch(a)
            .total_cmp(&ch(b))
            .then_with(|| a.meta.id.cmp(&b.meta.id))
    });
    for s in sorted {
        let Ok(r) = Report::build(s, Style::Decimal) else {
            continue;
        };
        let value = |id: &str| {
            r.output(id)
                .map_or_else(|| "–".to_string(), |o| r.human(o.value, o.kind))
        };
        let chapter = s.meta.chapter.map_or_else(String::new, |c| c.0.to_string());
        let _ = writeln!(
            out,
            "| {chapter} | `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            OneLine(&s.meta.id),
            super::markdown::cell(&s.meta.title),
            value("traffic.peak_qps"),
            value("storage.total"),
            value("index.memory"),
            value("fleet.total_servers"),
            value("training.wall_time"),
            value("embedding_tables.memory"),
            value("sampling.examples_per_day"),
            value("feature_store.nodes"),
            value("experiment.duration"),
            value("labelling.annotators"),
            value("cache.hit_ratio"),
            value("fleet.total_devices"),
            value("llm.cost_per_million_tokens"),
        );
    }
    out
}

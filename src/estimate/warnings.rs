//! Sanity warnings: what a reviewer would flag in the estimate.

use super::Estimate;
use crate::scenario::Scenario;
use crate::units::Kind;
use crate::units::format::{Human, Style, plural};
use uom::si::information::byte;

/// Utilisation above this leaves no room for bursts: M/M/1 response time is service ÷ (1 − ρ).
pub const HIGH_UTILIZATION: f64 = 0.8;
/// A fan-out where more than this share of requests wait on a slow shard gets a warning.
pub const SLOW_FANOUT: f64 = 0.25;

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// Stable id ("latency.over_budget").
    pub id: &'static str,
    /// The input or stage it is about ("stage.ranking"), or empty.
    pub subject: String,
    pub message: String,
}

/// Everything in `e` that a reviewer would question.
pub fn warnings(s: &Scenario, e: &Estimate, style: Style) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |id, subject: String, message: String| {
        out.push(Warning {
            id,
            subject,
            message,
        })
    };

    if let (Some(used), Some(budget)) = (e.budget_used, s.serving.latency_budget)
        && used > 1.0
    {
        warn(
            "latency.over_budget",
            "serving.latency_budget".into(),
            format!(
                "the online stages take {}, {} of the {} budget",
                Human::styled(
                    e.latency_total.get::<uom::si::time::second>(),
                    Kind::Duration,
                    style
                ),
                Human::styled(used, Kind::Fraction, style),
                Human::styled(budget.get::<uom::si::time::second>(), Kind::Duration, style)
            ),
        );
    }
    let util = s.serving.target_utilization;
    if util > HIGH_UTILIZATION {
        warn(
            "serving.high_utilization",
            "serving.target_utilization".into(),
            format!(
                "target utilisation {} leaves little headroom: queueing delay grows as 1/(1 − ρ); 0.5–0.7 is usual",
                Human::styled(util, Kind::Fraction, style)
            ),
        );
    }
    stages(s, e, style, &mut warn);
    index(s, e, style, &mut warn);
    ml(s, e, style, &mut warn);
    llm(s, e, style, &mut warn);
    if let Some(slow) = e.fanout_slow.filter(|&x| x > SLOW_FANOUT) {
        warn(
            "latency.fanout_tail",
            "index.shards".into(),
            format!(
                "{} of requests wait on at least one slow shard: hedge requests, or use fewer, larger shards",
                Human::styled(slow, Kind::Fraction, style)
            ),
        );
    }
    out
}

/// Each stage: its own utilisation, overlapping batch runs, memory that sizes nothing, a
/// single server.
fn stages(
    s: &Scenario,
    e: &Estimate,
    style: Style,
    warn: &mut impl FnMut(&'static str, String, String),
) {
    for (st, est) in s.stages.iter().zip(&e.stages) {
        if let Some(u) = st.utilization.filter(|&u| u > HIGH_UTILIZATION) {
            warn(
                "serving.high_utilization",
                format!("stage.{}", st.name),
                format!(
                    "stage {} runs at {} utilisation, above {}",
                    st.name,
                    Human::styled(u, Kind::Fraction, style),
                    Human::styled(HIGH_UTILIZATION, Kind::Fraction, style)
                ),
            );
        }
        if st.mode == crate::scenario::Mode::Batch && st.window > st.every {
            warn(
                "fleet.window_exceeds_interval",
                format!("stage.{}", st.name),
                format!(
                    "stage {} runs every {} but has a {} window: runs overlap",
                    st.name,
                    Human::styled(
                        st.every.get::<uom::si::time::second>(),
                        Kind::Duration,
                        style
                    ),
                    Human::styled(
                        st.window.get::<uom::si::time::second>(),
                        Kind::Duration,
                        style
                    )
                ),
            );
        }
        if st.holds.is_none() && st.node_memory.is_some() {
            warn(
                "fleet.memory_unused",
                format!("stage.{}.node_memory", st.name),
                format!(
                    "stage {} gives node_memory but holds no corpus: the memory sizes nothing; add holds = \"<corpus>\" or remove node_memory",
                    st.name
                ),
            );
        }
        if est.servers < 2.0 {
            warn(
                "fleet.no_redundancy",
                format!("stage.{}", st.name),
                format!(
                    "stage {} has {} server: one failure stops it; set serving.redundancy = 1 for N+1",
                    st.name, est.servers
                ),
            );
        }
    }
}

/// The index: a shard larger than a node's usable memory or SSD.
fn index(
    s: &Scenario,
    e: &Estimate,
    style: Style,
    warn: &mut impl FnMut(&'static str, String, String),
) {
    if let (Some(ix), Some(est)) = (&s.index, &e.index) {
        let shard = est.memory.get::<byte>() / est.shards;
        let usable = ix.node_memory.get::<byte>() * ix.memory_headroom;
        if shard > usable {
            warn(
                "index.shard_too_big",
                "index.shards".into(),
                format!(
                    "each of {} shards needs {} of RAM but a node has {} usable ({} × {}): raise shards to {}",
                    est.shards,
                    Human::styled(shard, Kind::Size, style),
                    Human::styled(usable, Kind::Size, style),
                    Human::styled(ix.node_memory.get::<byte>(), Kind::Size, style),
                    ix.memory_headroom,
                    (est.memory.get::<byte>() / usable).ceil()
                ),
            );
        }
        if let Some(disk) = ix.node_disk {
            let per = est.disk.get::<byte>() / est.shards;
            if per > disk.get::<byte>() {
                warn(
                    "index.shard_too_big",
                    "index.node_disk".into(),
                    format!(
                        "each shard needs {} of SSD but a node has {}",
                        Human::styled(per, Kind::Size, style),
                        Human::styled(disk.get::<byte>(), Kind::Size, style)
                    ),
                );
            }
        }
    }
}

/// The ML sections: training slower than its schedule, tables that need more devices than the
/// training has, more than two arms uncorrected, an experiment longer than four weeks, a cache smaller than a day's hot set.
fn ml(
    s: &Scenario,
    e: &Estimate,
    style: Style,
    warn: &mut impl FnMut(&'static str, String, String),
) {
    let dur = |x: f64| Human::styled(x, Kind::Duration, style);
    if let (Some(tr), Some(est)) = (&s.training, &e.training)
        && let Some(every) = tr.retrain_every.map(|t| t.get::<uom::si::time::second>())
        && est.wall_time > every
    {
        warn(
            "training.slower_than_schedule",
            "training.retrain_every".into(),
            {
                let at_once = (est.wall_time / every).ceil();
                format!(
                    "a run takes {} on {} but one starts every {}: {} runs overlap, {} at once (the cost per month already counts every run's device-hours); add devices or retrain less often",
                    dur(est.wall_time),
                    plural(tr.devices, "device", "devices"),
                    dur(every),
                    crate::units::format::Sig(at_once),
                    plural(at_once * tr.devices, "device", "devices"),
                )
            },
        );
    }
    if let (Some(tr), Some(needed)) = (&s.training, e.tables.and_then(|t| t.devices))
        && needed > tr.devices
    {
        warn(
            "embedding_tables.more_devices",
            "training.devices".into(),
            format!(
                "the embedding tables need {needed} devices but training uses {}: raise devices, use f16 or row-wise Adagrad, or hash the ids",
                plural(tr.devices, "device", "devices")
            ),
        );
    }
    if let Some(x) = &s.experiment
        && x.arms > 2.0
        && x.correction == crate::scenario::Correction::None
    {
        let comparisons = x.arms - 1.0;
        let family = 1.0 - (1.0 - x.alpha).powf(comparisons);
        warn(
            "experiment.multiple_comparisons",
            "experiment.correction".into(),
            format!(
                "{} arms make {} comparisons with the control, each at α = {}: the chance of at least one false positive is 1 − (1 − α)^{} = {}; set correction = \"bonferroni\" to test each at α ÷ {}",
                crate::units::format::Sig(x.arms),
                crate::units::format::Sig(comparisons),
                crate::units::format::Sig(x.alpha),
                crate::units::format::Sig(comparisons),
                Human::styled(family, Kind::Fraction, style),
                crate::units::format::Sig(comparisons),
            ),
        );
    }
    if let Some(x) = &e.experiment
        && x.days > super::experiment::LONG_EXPERIMENT_DAYS
    {
        warn(
            "experiment.too_long",
            "experiment.allocation".into(),
            format!(
                "the experiment needs {} days, more than four weeks: novelty effects and cookie churn bias long tests; raise the allocation, use CUPED, or test a larger effect",
                crate::units::format::Sig(x.days)
            ),
        );
    }
    if let (Some(c), Some(est)) = (&s.cache, &e.cache)
        && let hot_set = est.hot_set(c, e)
        && c.cached_items.0 < hot_set
    {
        warn(
            "cache.smaller_than_hot_set",
            "cache.cached_items".into(),
            format!(
                "the cache holds {} items but {} are requested at least once a day (Zipf s = {}): the daily churn passes through it; the hit ratio assumes it keeps the top items",
                Human::styled(c.cached_items.0, Kind::Count, style),
                Human::styled(hot_set, Kind::Count, style),
                crate::units::format::Sig(c.zipf_s)
            ),
        );
    }
}

/// A batch capped this far below what memory holds gets a warning.
pub const CAPPED_BATCH: f64 = 2.0;

/// `[llm]`: time to first token or per output token over its target, a batch capped far below
/// what memory holds, a replica whose KV cache holds fewer than eight sequences.
fn llm(
    s: &Scenario,
    e: &Estimate,
    style: Style,
    warn: &mut impl FnMut(&'static str, String, String),
) {
    let (Some(l), Some(est)) = (&s.llm, &e.llm) else {
        return;
    };
    let dur = |x: f64| Human::styled(x, Kind::Duration, style);
    let seconds = |t: uom::si::f64::Time| t.get::<uom::si::time::second>();
    if let Some(target) = l.ttft_target.map(seconds)
        && est.ttft > target
    {
        warn(
            "llm.ttft_over_target",
            "llm.ttft_target".into(),
            format!(
                "the first token takes {} (prefill of the prompt), over the {} target: split prefill over more devices (tensor_parallel), shorten the prompt, or a faster device",
                dur(est.ttft),
                dur(target)
            ),
        );
    }
    if let Some(target) = l.tpot_target.map(seconds)
        && est.tpot > target
    {
        let remedy = if super::llm::memory_bound(est) {
            "decode is memory-bound: cap the batch (max_batch), store weights or KV cache in fewer bytes, or more bandwidth"
        } else {
            "decode is compute-bound at this batch: cap the batch (max_batch) or add devices a replica"
        };
        warn(
            "llm.tpot_over_target",
            "llm.tpot_target".into(),
            format!(
                "each output token takes {} at a batch of {}, over the {} target: {remedy}",
                dur(est.tpot),
                crate::units::format::Grouped(est.batch),
                dur(target)
            ),
        );
    }
    // A cap the latency target needs is a choice, not waste.
    let needed = l
        .tpot_target
        .map(seconds)
        .is_some_and(|target| est.tpot_uncapped > target);
    if let Some(cap) = l.max_batch
        && est.batch_by_memory >= CAPPED_BATCH * cap
        && !needed
    {
        warn(
            "llm.batch_capped",
            "llm.max_batch".into(),
            format!(
                "max_batch = {} caps a replica at {} sequences where its memory holds {} (at {} a token, within any target): the replica idles most of its KV cache; raise max_batch or use fewer devices a replica",
                crate::units::format::Grouped(cap),
                crate::units::format::Grouped(cap),
                crate::units::format::Grouped(est.batch_by_memory),
                dur(est.tpot_uncapped)
            ),
        );
    }
    if est.batch_by_memory < super::llm::FEW_SEQUENCES {
        warn(
            "llm.few_sequences",
            "llm.tensor_parallel".into(),
            format!(
                "a replica's KV cache holds only {} (each request's takes {}): the weights fill its memory and decode reads them for very few tokens; add devices a replica (tensor_parallel), a smaller kv_dtype, or shorter contexts",
                plural(est.batch_by_memory, "sequence", "sequences"),
                Human::styled(est.kv_per_request, Kind::Size, style)
            ),
        );
    }
}

//! What a scenario asks that its inputs cannot answer: an output of a part the scenario has
//! (an experiment's duration, a cache's backend load, the QPS of a `[traffic]` that gives daily
//! users alone) that needs an input of another part. The readable reports leave its value out
//! and say what it needs, so a section given alone gives what it can.

use crate::estimate::Output;
use crate::scenario::Scenario;

/// What a request rate is given by.
const A_RATE: &str =
    "a request rate: traffic.qps, or traffic.dau with traffic.requests_per_user_per_day";

/// What `o` needs that `s` does not give, or `None` when `o` is estimated (or belongs to a part
/// `s` does not have, which needs no saying).
pub fn needs(s: &Scenario, o: &Output) -> Option<&'static str> {
    let daily_users = s.traffic.as_ref().is_some_and(|t| t.dau.is_some());
    match o.id.to_string().as_str() {
        "traffic.avg_qps" | "traffic.peak_qps" if daily_users && s.requests().is_none() => {
            Some("traffic.requests_per_user_per_day beside traffic.dau (or traffic.qps instead)")
        }
        "cache.backend_qps" | "feature_store.lookups" if s.requests().is_none() => Some(A_RATE),
        // Bandwidth of nothing: traffic with no rate, or no size for a request or a response
        // (and nothing uploaded).
        "bandwidth.ingress" | "bandwidth.egress"
            if o.value == 0.0 && s.traffic.is_some() && s.requests().is_none() =>
        {
            Some(A_RATE)
        }
        "bandwidth.ingress" if o.value == 0.0 && no_size(s, |t| t.request_size) => {
            Some("traffic.request_size (or a corpus's new_items_per_day and item_size)")
        }
        "bandwidth.egress" if o.value == 0.0 && no_size(s, |t| t.response_size) => {
            Some("traffic.response_size")
        }
        "feature_store.nodes"
            if s.feature_store
                .as_ref()
                .is_some_and(|f| f.node_memory.value == 0.0) =>
        {
            Some("feature_store.node_memory")
        }
        "experiment.duration"
            if s.experiment
                .as_ref()
                .is_some_and(|x| x.eligible_daily_users.is_none())
                && !daily_users =>
        {
            Some("experiment.eligible_daily_users (or traffic.dau)")
        }
        "llm.peak_requests_per_second"
        | "llm.tokens_per_day"
        | "llm.replicas"
        | "llm.devices"
        | "llm.cost_per_day"
        | "llm.cost_per_million_tokens"
            if no_llm_requests(s) =>
        {
            Some(LLM_REQUESTS)
        }
        // The fleet's totals are the LLM's alone when nothing else adds to them.
        "fleet.total_devices" | "fleet.accelerator_cost_per_day"
            if no_llm_requests(s) && s.diffusion.is_none() =>
        {
            Some(LLM_REQUESTS)
        }
        _ => None,
    }
}

/// Whether the scenario's traffic gives no size for `size` (a request's or a response's).
fn no_size(
    s: &Scenario,
    size: impl Fn(&crate::scenario::Traffic) -> uom::si::f64::Information,
) -> bool {
    // Without [traffic], bandwidth is a part the scenario does not have.
    s.traffic
        .as_ref()
        .is_some_and(|t| size(t).get::<uom::si::information::byte>() == 0.0)
}

/// What an LLM's fleet is sized on.
const LLM_REQUESTS: &str = "llm.requests_per_day (or a request rate in [traffic])";

/// Whether `[llm]` is there with no requests a day to serve.
fn no_llm_requests(s: &Scenario) -> bool {
    s.llm
        .as_ref()
        .is_some_and(|l| l.requests_per_day.is_none() && s.requests().is_none())
}

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
        "experiment.duration"
            if s.experiment
                .as_ref()
                .is_some_and(|x| x.eligible_daily_users.is_none())
                && !daily_users =>
        {
            Some("experiment.eligible_daily_users (or traffic.dau)")
        }
        _ => None,
    }
}

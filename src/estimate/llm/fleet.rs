//! A replica's throughput, the replicas and devices for the peak, the time to a whole answer,
//! and what the fleet costs, from the times and the batch worked out in [`super`].

use super::{LlmEstimate, out, put, tokens};
use crate::estimate::{Bracket, In, Op, Trace};
use crate::scenario::Llm;
use crate::scenario::schema::Section as S;
use crate::units::Kind;

/// Throughput, replicas, devices, response time and cost, from the times and the batch.
pub(super) fn fleet<T: Trace>(l: &Llm, est: &mut LlmEstimate, t: &mut T) {
    let (_, output) = tokens(l);
    let (batch, tpot, ttft) = (est.batch, est.tpot, est.ttft);
    t.reads(out(&["batch"]));
    t.reads(out(&["time_per_output_token"]));
    let per_second = batch / tpot;
    t.step(per_second, Kind::Rate, |w| {
        w.n(batch)
            .t(" sequences")
            .op(Op::Divide)
            .q(tpot, Kind::Duration)
            .t(" a step")
            .op(Op::Equals)
            .q(per_second, Kind::Rate)
            .t(" output tokens a replica (continuous batching)");
    });
    est.tokens_per_second = put(
        t,
        "output_tokens_per_second",
        format_args!("Output tokens a second a replica"),
        Kind::Rate,
        per_second,
    );

    t.reads(out(&["time_to_first_token"]));
    t.reads(out(&["time_per_output_token"]));
    t.reads(out(&["batch"]));
    t.uses(In::of(S::Llm, "output_tokens"));
    let share = output * tpot / batch;
    let per_request = ttft + share;
    let rps = 1.0 / per_request;
    t.step(rps, Kind::Rate, |w| {
        w.t("1")
            .op(Op::Divide)
            .t("(")
            .q(ttft, Kind::Duration)
            .t(" prefill")
            .op(Op::Plus)
            .n(output)
            .t(" tokens")
            .op(Op::Times)
            .q(tpot, Kind::Duration)
            .op(Op::Divide)
            .n(batch)
            .t(" sequences)")
            .op(Op::Equals)
            .t("1")
            .op(Op::Divide)
            .q(per_request, Kind::Duration)
            .op(Op::Equals)
            .q(rps, Kind::Rate)
            .t(" requests a replica");
    });
    let rps = put(
        t,
        "requests_per_second_per_replica",
        format_args!("Requests a second a replica"),
        Kind::Rate,
        rps,
    );

    t.reads(out(&["peak_requests_per_second"]));
    t.reads(out(&["requests_per_second_per_replica"]));
    let replicas = (est.peak_rps / rps).ceil();
    t.step(replicas, Kind::Count, |w| {
        w.bracket(Bracket::CeilOpen)
            .q(est.peak_rps, Kind::Rate)
            .of(out(&["peak_requests_per_second"]))
            .t(" at peak")
            .op(Op::Divide)
            .q(rps, Kind::Rate)
            .of(out(&["requests_per_second_per_replica"]))
            .t(" a replica")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(replicas)
            .t(" replicas");
    });
    est.rps_per_replica = rps;
    est.replicas = put(
        t,
        "replicas",
        format_args!("LLM replicas at peak"),
        Kind::Integer,
        replicas,
    );

    t.reads(out(&["replicas"]));
    t.uses(In::of(S::Llm, "tensor_parallel"));
    let devices = est.replicas * l.tensor_parallel;
    t.step(devices, Kind::Count, |w| {
        w.n(est.replicas)
            .of(out(&["replicas"]))
            .t(" replicas")
            .op(Op::Times)
            .n(l.tensor_parallel)
            .t(" devices each")
            .op(Op::Equals)
            .n(devices)
            .t(" devices");
    });
    est.devices = put(
        t,
        "devices",
        format_args!("LLM accelerators"),
        Kind::Integer,
        devices,
    );
    response_and_cost(l, est, t);
}

/// What a user waits for a whole answer, and what the fleet costs.
fn response_and_cost<T: Trace>(l: &Llm, est: &mut LlmEstimate, t: &mut T) {
    let (_, output) = tokens(l);
    t.reads(out(&["time_to_first_token"]));
    t.reads(out(&["time_per_output_token"]));
    t.uses(In::of(S::Llm, "output_tokens"));
    let response = est.ttft + output * est.tpot;
    t.step(response, Kind::Duration, |w| {
        w.q(est.ttft, Kind::Duration)
            .t(" first token")
            .op(Op::Plus)
            .n(output)
            .t(" tokens")
            .op(Op::Times)
            .q(est.tpot, Kind::Duration)
            .op(Op::Equals)
            .q(response, Kind::Duration);
    });
    est.response_time = put(
        t,
        "response_time",
        format_args!("Time to a whole response"),
        Kind::Duration,
        response,
    );
    let Some(price) = l.price_per_device_hour else {
        return;
    };
    t.reads(out(&["devices"]));
    t.uses(In::of(S::Llm, "price_per_device_hour"));
    let per_day = est.devices * 24.0 * price;
    t.step(per_day, Kind::Money, |w| {
        w.n(est.devices)
            .of(out(&["devices"]))
            .t(" devices")
            .op(Op::Times)
            .t("24 h")
            .op(Op::Times)
            .q(price, Kind::Money)
            .t("/device-hour")
            .op(Op::Equals)
            .q(per_day, Kind::Money)
            .t(" a day (held for the peak all day)");
    });
    let per_day = put(
        t,
        "cost_per_day",
        format_args!("LLM fleet cost a day"),
        Kind::Money,
        per_day,
    );
    t.reads(out(&["cost_per_day"]));
    t.reads(out(&["tokens_per_day"]));
    if est.tokens_per_day == 0.0 {
        // No requests a day: no fleet to pay for, and no tokens to share its cost.
        t.step(0.0, Kind::Money, |w| {
            w.t(
                "no requests a day (llm.requests_per_day, or [traffic]): no tokens to share a cost",
            );
        });
        est.cost_per_day = Some(per_day);
        est.cost_per_million = Some(put(
            t,
            "cost_per_million_tokens",
            format_args!("Cost a million tokens"),
            Kind::Money,
            0.0,
        ));
        return;
    }
    let per_million = per_day / est.tokens_per_day * 1e6;
    t.step(per_million, Kind::Money, |w| {
        w.q(per_day, Kind::Money)
            .of(out(&["cost_per_day"]))
            .op(Op::Divide)
            .q(est.tokens_per_day, Kind::Count)
            .of(out(&["tokens_per_day"]))
            .t(" tokens")
            .op(Op::Times)
            .t("10^6")
            .op(Op::Equals)
            .q(per_million, Kind::Money)
            .t(" a million tokens");
    });
    est.cost_per_day = Some(per_day);
    est.cost_per_million = Some(put(
        t,
        "cost_per_million_tokens",
        format_args!("Cost a million tokens"),
        Kind::Money,
        per_million,
    ));
}

//! Serving a language model: the weights and KV cache in accelerator memory, the sequences a
//! replica decodes at once, prefill (compute-bound) and decode (memory-bound until the batch is
//! large), replicas and devices for the peak, and the cost per million tokens.
//!
//! Sources: 2 × N FLOPs a token (Kaplan et al. 2020, §2.1); the KV cache 2 × layers × kv_heads ×
//! head_dim × bytes a token (kipply, "Transformer Inference Arithmetic", 2022; grouped-query
//! attention, Ainslie et al. 2023); decode reads every weight once a step and each sequence's
//! cache (Pope et al. 2022, "Efficiently Scaling Transformer Inference"); continuous batching
//! (Yu et al., Orca, 2022) makes a replica's throughput batch ÷ TPOT.

mod fleet;

use super::{Bracket, Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::sections::llm::Figures;
use crate::scenario::{Llm, Scenario};
use crate::units::{Kind, SECONDS_PER_DAY};
use std::fmt;
use uom::si::frequency::hertz;

/// Below this many sequences a replica's KV cache holds, a warning: most of the memory is weights.
pub const FEW_SEQUENCES: f64 = 8.0;

/// One model's serving fleet.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LlmEstimate {
    pub peak_rps: f64,
    pub tokens_per_day: f64,
    /// Bytes of all the weights.
    pub weights: f64,
    pub kv_per_token: f64,
    pub kv_per_request: f64,
    pub devices_for_weights: f64,
    /// Sequences memory holds on a replica, before `max_batch`.
    pub batch_by_memory: f64,
    /// The time per output token at `batch_by_memory`: what lifting the cap would cost.
    pub tpot_uncapped: f64,
    pub batch: f64,
    /// Usable bytes of one device.
    pub usable: f64,
    /// Seconds.
    pub ttft: f64,
    pub tpot: f64,
    /// One decode step's time reading memory, and computing.
    pub memory_time: f64,
    pub compute_time: f64,
    /// One decode step's bytes read and FLOPs, at the batch.
    pub step_bytes: f64,
    pub step_flops: f64,
    pub tokens_per_second: f64,
    pub rps_per_replica: f64,
    pub replicas: f64,
    pub devices: f64,
    pub response_time: f64,
    pub cost_per_day: Option<f64>,
    pub cost_per_million: Option<f64>,
}

fn put<T: Trace>(
    t: &mut T,
    name: &'static str,
    label: fmt::Arguments<'_>,
    kind: Kind,
    value: f64,
) -> f64 {
    t.output(Out::new(Section::Llm, &[name]), label, kind, value)
}

/// The output `name` of `[llm]`.
const fn out(name: &'static [&'static str]) -> Out<'static> {
    Out::new(Section::Llm, name)
}

/// The input a figure comes from: given, or the named model (or device).
fn from<'a>(given: bool, key: &'static str, named: &'static str) -> In<'a> {
    In::of(S::Llm, if given { key } else { named })
}

/// Peak requests a second, from requests a day (given, or `[traffic]`'s average × 86,400).
fn peak_rps<T: Trace>(s: &Scenario, e: &Estimate, l: &Llm, t: &mut T) -> (f64, f64) {
    let avg_qps = e.avg_qps.get::<hertz>();
    let per_day = l.requests_per_day(s, avg_qps);
    let peak = l.peak(s);
    if l.requests_per_day.is_some() {
        t.uses(In::of(S::Llm, "requests_per_day"));
    } else {
        t.reads(super::traffic::AVG_QPS);
        t.step(per_day, Kind::Count, |w| {
            w.q(avg_qps, Kind::Rate)
                .of(super::traffic::AVG_QPS)
                .t(" average ([traffic])")
                .op(Op::Times)
                .n(SECONDS_PER_DAY)
                .t(" s")
                .op(Op::Equals)
                .q(per_day, Kind::Count)
                .t(" requests a day");
        });
    }
    if l.peak_factor.is_some() {
        t.uses(In::of(S::Llm, "peak_factor"));
    } else if s.traffic.is_some() {
        t.uses(In::of(S::Traffic, "peak_factor"));
    }
    let rps = per_day / SECONDS_PER_DAY * peak;
    t.step(rps, Kind::Rate, |w| {
        w.q(per_day, Kind::Count)
            .t(" requests/day")
            .op(Op::Divide)
            .n(SECONDS_PER_DAY)
            .t(" s")
            .op(Op::Times)
            .sig(peak)
            .t(" peak factor")
            .op(Op::Equals)
            .q(rps, Kind::Rate)
            .t(" at peak");
    });
    let rps = put(
        t,
        "peak_requests_per_second",
        format_args!("LLM requests a second at peak"),
        Kind::Rate,
        rps,
    );
    (per_day, rps)
}

/// Tokens a day, in and out.
fn tokens_per_day<T: Trace>(l: &Llm, per_day: f64, t: &mut T) -> f64 {
    let (prompt, output) = tokens(l);
    t.uses(In::of(S::Llm, "prompt_tokens"));
    t.uses(In::of(S::Llm, "output_tokens"));
    if l.requests_per_day.is_some() {
        t.uses(In::of(S::Llm, "requests_per_day"));
    } else {
        t.reads(super::traffic::AVG_QPS);
    }
    let total = per_day * (prompt + output);
    t.step(total, Kind::Count, |w| {
        w.q(per_day, Kind::Count)
            .t(" requests/day")
            .op(Op::Times)
            .t("(")
            .n(prompt)
            .t(" prompt")
            .op(Op::Plus)
            .n(output)
            .t(" output tokens)")
            .op(Op::Equals)
            .q(total, Kind::Count)
            .t(" tokens a day");
    });
    put(
        t,
        "tokens_per_day",
        format_args!("LLM tokens a day"),
        Kind::Count,
        total,
    )
}

/// (prompt tokens, output tokens) a request.
fn tokens(l: &Llm) -> (f64, f64) {
    (
        l.prompt_tokens.map_or(0.0, |c| c.0),
        l.output_tokens.map_or(0.0, |c| c.0),
    )
}

/// The weights, and the KV cache a token and a request.
fn memory_outputs<T: Trace>(l: &Llm, f: &Figures, t: &mut T) -> (f64, f64, f64) {
    let given = l.params.is_some();
    t.uses(from(given, "params", "model"));
    t.uses(In::of(S::Llm, "dtype"));
    if let (Some(m), false) = (f.model, given) {
        t.step(f.params, Kind::Count, |w| {
            w.show(m.name)
                .t(" (model table): ")
                .q(f.params, Kind::Count)
                .t(" parameters, ")
                .n(f.layers)
                .t(" layers, ")
                .n(f.kv_heads)
                .t(" KV heads × ")
                .n(f.head_dim)
                .t(" dims");
        });
    }
    let bytes = l.dtype.bytes();
    let weights = f.params * bytes;
    t.step(weights, Kind::Size, |w| {
        w.q(f.params, Kind::Count)
            .t(" params")
            .op(Op::Times)
            .sig(bytes)
            .t(" B (")
            .t(l.dtype.name())
            .t(")")
            .op(Op::Equals)
            .q(weights, Kind::Size);
    });
    let weights = put(
        t,
        "weights_memory",
        format_args!("Weights in memory"),
        Kind::Size,
        weights,
    );

    for (given, key) in [
        (l.layers.is_some(), "layers"),
        (l.kv_heads.is_some(), "kv_heads"),
        (l.head_dim.is_some(), "head_dim"),
    ] {
        t.uses(from(given, key, "model"));
    }
    t.uses(In::of(
        S::Llm,
        if l.kv_dtype.is_some() {
            "kv_dtype"
        } else {
            "dtype"
        },
    ));
    let kv = l.kv_precision();
    let per_token = 2.0 * f.layers * f.kv_heads * f.head_dim * kv.bytes();
    t.step(per_token, Kind::Size, |w| {
        w.t("2 (K and V)")
            .op(Op::Times)
            .n(f.layers)
            .t(" layers")
            .op(Op::Times)
            .n(f.kv_heads)
            .t(" KV heads")
            .op(Op::Times)
            .n(f.head_dim)
            .t(" dims")
            .op(Op::Times)
            .sig(kv.bytes())
            .t(" B (")
            .t(kv.name())
            .t(")")
            .op(Op::Equals)
            .q(per_token, Kind::Size);
    });
    let per_token = put(
        t,
        "kv_cache_per_token",
        format_args!("KV cache a token"),
        Kind::Size,
        per_token,
    );

    t.reads(out(&["kv_cache_per_token"]));
    t.uses(In::of(S::Llm, "prompt_tokens"));
    t.uses(In::of(S::Llm, "output_tokens"));
    let (prompt, output) = tokens(l);
    let per_request = per_token * (prompt + output);
    t.step(per_request, Kind::Size, |w| {
        w.q(per_token, Kind::Size)
            .of(out(&["kv_cache_per_token"]))
            .op(Op::Times)
            .t("(")
            .n(prompt)
            .op(Op::Plus)
            .n(output)
            .t(" tokens)")
            .op(Op::Equals)
            .q(per_request, Kind::Size);
    });
    let per_request = put(
        t,
        "kv_cache_per_request",
        format_args!("KV cache a request"),
        Kind::Size,
        per_request,
    );
    (weights, per_token, per_request)
}

/// The device's figures, said once where the fleet's working starts.
fn device_step<T: Trace>(l: &Llm, f: &Figures, t: &mut T) {
    for (given, key) in [
        (l.device_memory.is_some(), "device_memory"),
        (l.device_bandwidth.is_some(), "device_bandwidth"),
        (l.device_flops.is_some(), "device_flops"),
    ] {
        t.uses(from(given, key, "device"));
    }
    if let Some(d) = f.device {
        t.step(f.device_memory, Kind::Size, |w| {
            w.t(d.name)
                .t(" (accelerator table): ")
                .q(f.device_memory, Kind::Size)
                .t(", ")
                .q(f.device_bandwidth, Kind::DataRate)
                .t(", ")
                .q(f.device_flops, Kind::Flop)
                .t("/s dense ")
                .t(if f.precision.is_empty() {
                    "(given)"
                } else {
                    f.precision
                });
        });
    }
}

/// Devices the weights need, and the sequences a replica holds.
fn replica_memory<T: Trace>(l: &Llm, f: &Figures, sizes: (f64, f64), t: &mut T) -> (f64, f64, f64) {
    let (weights, per_request) = sizes;
    let usable = f.device_memory * l.memory_headroom;
    t.reads(out(&["weights_memory"]));
    device_step(l, f, t);
    t.uses(In::of(S::Llm, "memory_headroom"));
    let for_weights = (weights / usable).ceil();
    t.step(for_weights, Kind::Count, |w| {
        w.bracket(Bracket::CeilOpen)
            .q(weights, Kind::Size)
            .of(out(&["weights_memory"]))
            .op(Op::Divide)
            .t("(")
            .q(f.device_memory, Kind::Size)
            .op(Op::Times)
            .q(l.memory_headroom, Kind::Fraction)
            .t(" usable)")
            .bracket(Bracket::CeilClose)
            .op(Op::Equals)
            .n(for_weights)
            .t(" devices");
    });
    put(
        t,
        "devices_for_weights",
        format_args!("Devices the weights need"),
        Kind::Integer,
        for_weights,
    );

    t.reads(out(&["weights_memory"]));
    t.reads(out(&["kv_cache_per_request"]));
    device_step(l, f, t);
    t.uses(In::of(S::Llm, "memory_headroom"));
    t.uses(In::of(S::Llm, "tensor_parallel"));
    let tp = l.tensor_parallel;
    let free = tp * usable - weights;
    let by_memory = (free / per_request).floor().max(0.0);
    t.step(by_memory, Kind::Count, |w| {
        w.bracket(Bracket::FloorOpen)
            .t("(")
            .n(tp)
            .t(" devices")
            .op(Op::Times)
            .q(usable, Kind::Size)
            .t(" usable")
            .op(Op::Minus)
            .q(weights, Kind::Size)
            .t(" weights)")
            .op(Op::Divide)
            .q(per_request, Kind::Size)
            .of(out(&["kv_cache_per_request"]))
            .t(" a request")
            .bracket(Bracket::FloorClose)
            .op(Op::Equals)
            .n(by_memory)
            .t(" sequences fit");
    });
    let batch = match l.max_batch {
        Some(cap) if cap < by_memory => {
            t.uses(In::of(S::Llm, "max_batch"));
            t.step(cap, Kind::Count, |w| {
                w.t("capped at max_batch = ")
                    .n(cap)
                    .of(In::of(S::Llm, "max_batch"))
                    .t(" sequences");
            });
            cap
        }
        _ => by_memory,
    };
    let batch = put(
        t,
        "batch",
        format_args!("Sequences a replica decodes at once"),
        Kind::Integer,
        batch,
    );
    (usable, by_memory, batch)
}

/// Time to first token: the prompt's prefill on an idle replica, compute-bound.
fn ttft<T: Trace>(l: &Llm, f: &Figures, t: &mut T) -> f64 {
    let (prompt, _) = tokens(l);
    let tp = l.tensor_parallel;
    let active = f.active_params;
    let flops = 2.0 * active * prompt;
    let rate = tp * f.device_flops * l.mfu;
    let time = flops / rate;
    uses_active(l, t);
    t.uses(In::of(S::Llm, "prompt_tokens"));
    t.uses(from(l.device_flops.is_some(), "device_flops", "device"));
    t.uses(In::of(S::Llm, "tensor_parallel"));
    t.uses(In::of(S::Llm, "mfu"));
    t.step(flops, Kind::Flop, |w| {
        w.t("prefill: 2")
            .op(Op::Times)
            .q(active, Kind::Count)
            .t(if active < f.params {
                " active params (a mixture of experts: memory holds all, a token computes with these)"
            } else {
                " params"
            })
            .op(Op::Times)
            .n(prompt)
            .t(" prompt tokens")
            .op(Op::Equals)
            .q(flops, Kind::Flop)
            .t(" (attention FLOPs left out: small next to 2N at a few thousand tokens)");
    });
    t.step(time, Kind::Duration, |w| {
        w.q(flops, Kind::Flop)
            .op(Op::Divide)
            .t("(")
            .n(tp)
            .t(" devices")
            .op(Op::Times)
            .q(f.device_flops, Kind::Flop)
            .t("/s")
            .op(Op::Times)
            .q(l.mfu, Kind::Fraction)
            .t(" MFU)")
            .op(Op::Equals)
            .q(time, Kind::Duration)
            .t(" on an idle replica, no queueing");
    });
    put(
        t,
        "time_to_first_token",
        format_args!("Time to first token"),
        Kind::Duration,
        time,
    )
}

fn uses_active<T: Trace>(l: &Llm, t: &mut T) {
    let key = match (l.active_params.is_some(), l.params.is_some()) {
        (true, _) => "active_params",
        (false, true) => "params",
        (false, false) => "model",
    };
    t.uses(In::of(S::Llm, key));
}

/// Time per output token: one decode step at full batch, the longer of reading memory (the
/// weights once, each sequence's KV cache at its average length) and computing.
fn tpot<T: Trace>(l: &Llm, f: &Figures, sizes: (f64, f64, f64), t: &mut T) -> (f64, f64, f64) {
    let (weights, per_token, batch) = sizes;
    let (prompt, output) = tokens(l);
    let tp = l.tensor_parallel;
    t.reads(out(&["weights_memory"]));
    t.reads(out(&["kv_cache_per_token"]));
    t.reads(out(&["batch"]));
    t.uses(from(
        l.device_bandwidth.is_some(),
        "device_bandwidth",
        "device",
    ));
    t.uses(from(l.device_flops.is_some(), "device_flops", "device"));
    t.uses(In::of(S::Llm, "mbu"));
    t.uses(In::of(S::Llm, "mfu"));
    uses_active(l, t);
    t.uses(In::of(S::Llm, "prompt_tokens"));
    t.uses(In::of(S::Llm, "output_tokens"));
    t.uses(In::of(S::Llm, "tensor_parallel"));
    let average = prompt + output / 2.0;
    let kv = batch * per_token * average;
    let read = weights + kv;
    t.step(read, Kind::Size, |w| {
        w.t("a decode step reads every weight once, ")
            .q(weights, Kind::Size)
            .of(out(&["weights_memory"]))
            .op(Op::Plus)
            .n(batch)
            .of(out(&["batch"]))
            .t(" sequences")
            .op(Op::Times)
            .q(per_token, Kind::Size)
            .of(out(&["kv_cache_per_token"]))
            .op(Op::Times)
            .t("(")
            .n(prompt)
            .op(Op::Plus)
            .sig(output)
            .t(" ÷ 2 tokens on average)")
            .op(Op::Equals)
            .q(read, Kind::Size);
    });
    let memory_time = read / (tp * f.device_bandwidth * l.mbu);
    t.step(memory_time, Kind::Duration, |w| {
        w.t("memory time: ")
            .q(read, Kind::Size)
            .op(Op::Divide)
            .t("(")
            .n(tp)
            .op(Op::Times)
            .q(f.device_bandwidth, Kind::DataRate)
            .op(Op::Times)
            .q(l.mbu, Kind::Fraction)
            .t(" MBU)")
            .op(Op::Equals)
            .q(memory_time, Kind::Duration);
    });
    let flops = 2.0 * f.active_params * batch;
    let compute_time = flops / (tp * f.device_flops * l.mfu);
    t.step(compute_time, Kind::Duration, |w| {
        w.t("compute time: 2")
            .op(Op::Times)
            .q(f.active_params, Kind::Count)
            .t(" params")
            .op(Op::Times)
            .n(batch)
            .t(" sequences")
            .op(Op::Equals)
            .q(flops, Kind::Flop)
            .op(Op::Divide)
            .t("(")
            .n(tp)
            .op(Op::Times)
            .q(f.device_flops, Kind::Flop)
            .t("/s")
            .op(Op::Times)
            .q(l.mfu, Kind::Fraction)
            .t(" MFU)")
            .op(Op::Equals)
            .q(compute_time, Kind::Duration);
    });
    let step = memory_time.max(compute_time);
    let memory_bound = memory_time >= compute_time;
    t.step(step, Kind::Duration, |w| {
        if memory_bound {
            w.t("memory-bound: reading ")
                .q(read, Kind::Size)
                .t(" takes longer than ")
                .q(flops, Kind::Flop)
                .t(" of arithmetic (")
                .q(memory_time, Kind::Duration)
                .t(" > ")
                .q(compute_time, Kind::Duration)
                .t("); a step takes ")
                .q(step, Kind::Duration);
        } else {
            w.t("compute-bound: ")
                .n(batch)
                .t(" sequences' ")
                .q(flops, Kind::Flop)
                .t(" take longer than reading ")
                .q(read, Kind::Size)
                .t(" (")
                .q(compute_time, Kind::Duration)
                .t(" > ")
                .q(memory_time, Kind::Duration)
                .t("); a step takes ")
                .q(step, Kind::Duration);
        }
    });
    let step = put(
        t,
        "time_per_output_token",
        format_args!("Time per output token"),
        Kind::Duration,
        step,
    );
    (step, memory_time, compute_time)
}

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let Some(l) = &s.llm else {
        e.llm = None;
        return;
    };
    let f = l.figures();
    let (per_day, peak_rps) = peak_rps(s, e, l, t);
    let tokens_per_day = tokens_per_day(l, per_day, t);
    let (weights, per_token, per_request) = memory_outputs(l, &f, t);
    let (usable, by_memory, batch) = replica_memory(l, &f, (weights, per_request), t);
    let ttft = ttft(l, &f, t);
    let (tpot, memory_time, compute_time) = tpot(l, &f, (weights, per_token, batch), t);
    let tpot_uncapped = step_time(l, &f, (weights, per_token, by_memory));
    let (prompt, output) = tokens(l);
    let mut est = LlmEstimate {
        peak_rps,
        tokens_per_day,
        weights,
        kv_per_token: per_token,
        kv_per_request: per_request,
        devices_for_weights: (weights / usable).ceil(),
        batch_by_memory: by_memory,
        tpot_uncapped,
        batch,
        usable,
        ttft,
        tpot,
        memory_time,
        compute_time,
        step_bytes: weights + batch * per_token * (prompt + output / 2.0),
        step_flops: 2.0 * f.active_params * batch,
        ..LlmEstimate::default()
    };
    fleet::fleet(l, &mut est, t);
    e.llm = Some(est);
}

/// One decode step at `batch` sequences, untraced: the longer of reading and computing.
fn step_time(l: &Llm, f: &Figures, sizes: (f64, f64, f64)) -> f64 {
    let (weights, per_token, batch) = sizes;
    let (prompt, output) = tokens(l);
    let tp = l.tensor_parallel;
    let read = weights + batch * per_token * (prompt + output / 2.0);
    let memory = read / (tp * f.device_bandwidth * l.mbu);
    let compute = 2.0 * f.active_params * batch / (tp * f.device_flops * l.mfu);
    memory.max(compute)
}

/// Whether decode is memory-bound at the estimate's batch.
pub fn memory_bound(est: &LlmEstimate) -> bool {
    est.memory_time >= est.compute_time
}

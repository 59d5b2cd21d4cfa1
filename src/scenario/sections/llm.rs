//! `[llm]`: serving an autoregressive (decoder-only) transformer: its weights and KV cache in
//! accelerator memory, prefill and decode, replicas for the peak and the cost per token.

use crate::accelerators::{self, Accelerator};
use crate::models::{self, Model};
use crate::scenario::diagnostic::{Subject, suggest_or};
use crate::scenario::registry::{Holder, Row};
use crate::scenario::schema::{
    Field, FieldKind::Choice, FieldKind::Quantity as Q, FieldKind::Text, Section, fields,
};
use crate::scenario::validate::Findings;
use crate::scenario::{Count, InputPath, Named, Scenario, SectionPath};
use crate::units::format::{Grouped, Human, Sig};
use crate::units::{Kind, SECONDS_PER_DAY};
use uom::si::f64::{Frequency, Information, Time};
use uom::si::frequency::hertz;
use uom::si::information::byte;

/// How weights or KV-cache entries are stored, and their bytes a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precision {
    F32,
    #[default]
    F16,
    Bf16,
    Fp8,
    Int8,
    Int4,
}

impl Precision {
    pub const NAMES: &'static [&'static str] = &["f32", "f16", "bf16", "fp8", "int8", "int4"];
    pub const ALL: [Precision; 6] = [
        Precision::F32,
        Precision::F16,
        Precision::Bf16,
        Precision::Fp8,
        Precision::Int8,
        Precision::Int4,
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Bytes a value: f32 4, f16/bf16 2, fp8/int8 1, int4 0.5.
    pub fn bytes(self) -> f64 {
        match self {
            Precision::F32 => 4.0,
            Precision::F16 | Precision::Bf16 => 2.0,
            Precision::Fp8 | Precision::Int8 => 1.0,
            Precision::Int4 => 0.5,
        }
    }
}

/// One model served for chat, completion or generation.
#[derive(Clone, Debug)]
pub struct Llm {
    /// A named model of [`crate::models`]: fills params, layers, kv_heads and head_dim.
    pub model: Option<Named<Model>>,
    pub params: Option<Count>,
    pub active_params: Option<Count>,
    pub layers: Option<f64>,
    pub kv_heads: Option<f64>,
    pub head_dim: Option<f64>,
    pub dtype: Precision,
    pub kv_dtype: Option<Precision>,
    pub requests_per_day: Option<Count>,
    pub peak_factor: Option<f64>,
    pub prompt_tokens: Option<Count>,
    pub output_tokens: Option<Count>,
    pub device: Option<Named<Accelerator>>,
    pub device_memory: Option<Information>,
    /// Bytes a second.
    pub device_bandwidth: Option<f64>,
    pub device_flops: Option<Frequency>,
    pub tensor_parallel: f64,
    pub memory_headroom: f64,
    pub mfu: f64,
    pub mbu: f64,
    pub max_batch: Option<f64>,
    pub price_per_device_hour: Option<f64>,
    pub ttft_target: Option<Time>,
    pub tpot_target: Option<Time>,
}

impl Default for Llm {
    fn default() -> Self {
        Llm {
            model: None,
            params: None,
            active_params: None,
            layers: None,
            kv_heads: None,
            head_dim: None,
            dtype: Precision::F16,
            kv_dtype: None,
            requests_per_day: None,
            peak_factor: None,
            prompt_tokens: None,
            output_tokens: None,
            device: None,
            device_memory: None,
            device_bandwidth: None,
            device_flops: None,
            tensor_parallel: 1.0,
            memory_headroom: 0.9,
            mfu: 0.5,
            mbu: 0.6,
            max_batch: None,
            price_per_device_hour: None,
            ttft_target: None,
            tpot_target: None,
        }
    }
}

pub const FIELDS: &[Field<Llm>] = fields!(Llm {
    model: Text, false, "a named model (napkin's reference tab lists them: llama-3.1-8b, llama-3.1-70b, llama-3.1-405b, mistral-7b, mixtral-8x7b, qwen2.5-7b, qwen2.5-72b, gpt-3-175b); fills params, active_params, layers, kv_heads and head_dim, each of which may be given instead";
    params: Q(Kind::Count), false, "every parameter: the weights held in memory";
    active_params: Q(Kind::Count), false, "parameters used per token, for a mixture of experts: FLOPs are 2 × active_params a token (default params)";
    layers: Q(Kind::Integer), false, "transformer layers";
    kv_heads: Q(Kind::Integer), false, "key/value heads (fewer than the attention heads with GQA or MQA; as many with MHA)";
    head_dim: Q(Kind::Integer), false, "dimensions of one attention head";
    dtype: Choice(Precision::NAMES), false, "how the weights are stored: f32 4 B, f16/bf16 2 B, fp8/int8 1 B, int4 0.5 B (default f16)";
    kv_dtype: Choice(Precision::NAMES), false, "how KV-cache entries are stored (default: dtype)";
    requests_per_day: Q(Kind::Count), false, "requests a day (default: [traffic]'s average QPS × 86,400)";
    peak_factor: Q(Kind::Factor), false, "peak ÷ average requests (default: [traffic]'s, else 2)";
    prompt_tokens: Q(Kind::Count), false, "input tokens a request: system prompt, history and retrieved context";
    output_tokens: Q(Kind::Count), false, "tokens generated a request";
    device: Text, false, "a named accelerator (napkin's reference tab lists them: H100, H200, B200, A100, L4, MI300X, TPU v5e, …); fills device_memory, device_bandwidth and device_flops";
    device_memory: Q(Kind::Size), false, "memory of one accelerator (default: the named device's)";
    device_bandwidth: Q(Kind::DataRate), false, "memory bandwidth of one accelerator (default: the named device's)";
    device_flops: Q(Kind::Rate), false, "peak dense 16-bit FLOP/s of one accelerator (default: the named device's BF16, or FP16 where it has no BF16)";
    tensor_parallel: Q(Kind::Integer), false, "accelerators a replica spreads one copy of the weights over (default 1)";
    memory_headroom: Q(Kind::Fraction), false, "usable fraction of each accelerator's memory (default 0.9, vLLM's gpu_memory_utilization)";
    mfu: Q(Kind::Fraction), false, "share of peak FLOP/s reached in prefill and compute-bound decode (default 0.5)";
    mbu: Q(Kind::Fraction), false, "share of peak memory bandwidth reached in decode (default 0.6)";
    max_batch: Q(Kind::Integer), false, "the serving engine's cap on sequences decoded at once (vLLM's max_num_seqs); default: as many as memory holds";
    price_per_device_hour: Q(Kind::Money), false, "dollars per accelerator-hour, for the cost";
    ttft_target: Q(Kind::Duration), false, "warn when the time to first token is above it";
    tpot_target: Q(Kind::Duration), false, "warn when the time per output token is above it";
});

pub const ROW: Row<Llm> = Row {
    section: Section::Llm,
    fields: FIELDS,
    holder: Holder::Optional(|s| &s.llm, |s| &mut s.llm),
    check,
};

/// The figures `[llm]` is sized with: each given, else its named model's or device's; 0 where
/// neither gives it (the checks say so before any estimate).
#[derive(Clone, Copy, Debug, Default)]
pub struct Figures {
    pub model: Option<&'static Model>,
    pub device: Option<&'static Accelerator>,
    pub params: f64,
    /// Parameters a token's FLOPs are worked from.
    pub active_params: f64,
    pub layers: f64,
    pub kv_heads: f64,
    pub head_dim: f64,
    /// Bytes of one device.
    pub device_memory: f64,
    /// Bytes a second of one device.
    pub device_bandwidth: f64,
    /// Peak FLOP/s of one device.
    pub device_flops: f64,
    /// The device's precision for `device_flops` ("BF16"), when it comes from the table.
    pub precision: &'static str,
}

impl Llm {
    /// Its figures, each model and device looked up once.
    pub fn figures(&self) -> Figures {
        let model = self.model.as_ref().and_then(Named::found);
        let device = self.device.as_ref().and_then(Named::found);
        let from_model =
            |given: Option<f64>, of: fn(&Model) -> f64| given.or(model.map(of)).unwrap_or(0.0);
        let params = from_model(self.params.map(|c| c.0), |m| m.params.value);
        // A model's active parameters hold only while its parameters do.
        let active = match (self.active_params, self.params, model) {
            (Some(a), _, _) => a.0,
            (None, None, Some(m)) => m.flops_params().value,
            _ => params,
        };
        let (flops, precision) = match (self.device_flops, device.and_then(|d| d.training_flops()))
        {
            (Some(f), _) => (f.get::<hertz>(), ""),
            (None, Some((f, p))) => (f.value, p),
            (None, None) => (0.0, ""),
        };
        Figures {
            model,
            device,
            params,
            active_params: active,
            layers: from_model(self.layers, |m| m.layers.value),
            kv_heads: from_model(self.kv_heads, |m| m.kv_heads.value),
            head_dim: from_model(self.head_dim, |m| m.head_dim.value),
            device_memory: self
                .device_memory
                .map(|m| m.get::<byte>())
                .or(device.map(|d| d.memory.value))
                .unwrap_or(0.0),
            device_bandwidth: self
                .device_bandwidth
                .or(device.map(|d| d.memory_bandwidth.value))
                .unwrap_or(0.0),
            device_flops: flops,
            precision,
        }
    }

    /// The precision of the KV cache.
    pub fn kv_precision(&self) -> Precision {
        self.kv_dtype.unwrap_or(self.dtype)
    }

    /// Requests a day: given, or `[traffic]`'s average QPS × 86,400 (0 without either).
    pub fn requests_per_day(&self, s: &Scenario, avg_qps: f64) -> f64 {
        match self.requests_per_day {
            Some(r) => r.0,
            None if s.requests().is_some() => avg_qps * SECONDS_PER_DAY,
            None => 0.0,
        }
    }

    /// Peak ÷ average: given, else `[traffic]`'s, else 2.
    pub fn peak(&self, s: &Scenario) -> f64 {
        self.peak_factor.unwrap_or_else(|| s.peak_factor())
    }
}

/// The sizes a replica's memory is worked from: (weights bytes, one request's KV-cache bytes,
/// usable bytes a device).
pub fn memory(l: &Llm, f: &Figures) -> (f64, f64, f64) {
    let weights = f.params * l.dtype.bytes();
    let per_token = 2.0 * f.layers * f.kv_heads * f.head_dim * l.kv_precision().bytes();
    let tokens = l.prompt_tokens.map_or(0.0, |c| c.0) + l.output_tokens.map_or(0.0, |c| c.0);
    (
        weights,
        per_token * tokens,
        f.device_memory * l.memory_headroom,
    )
}

fn check(f: &mut Findings) {
    let s = f.s;
    let Some(l) = &s.llm else { return };
    let at = |key| Section::Llm.at(key);
    let section = Section::Llm.path();
    let figures = l.figures();
    if let Some(name) = l.model.as_ref().map(Named::name)
        && figures.model.is_none()
    {
        let known = models::names();
        let hint = format!(
            "{} Known: {}; or remove model and give params, layers, kv_heads and head_dim",
            suggest_or(name, known.iter().copied(), ""),
            known.join(", ")
        );
        f.say_or_unset(
            at("model"),
            format!("\"{name}\" is not a known model"),
            hint.trim_start(),
            at("model"),
        );
        return;
    }
    let mut missing: Vec<(&SectionPath, &'static str, &'static str)> = Vec::new();
    if figures.model.is_none() {
        for (given, key, example) in [
            (l.params.is_some(), "params", "\"70B\""),
            (l.layers.is_some(), "layers", "80"),
            (l.kv_heads.is_some(), "kv_heads", "8"),
            (l.head_dim.is_some(), "head_dim", "128"),
        ] {
            if !given {
                missing.push((&section, key, example));
            }
        }
    }
    for (given, key, example) in [
        (l.prompt_tokens.is_some(), "prompt_tokens", "1500"),
        (l.output_tokens.is_some(), "output_tokens", "300"),
    ] {
        if !given {
            missing.push((&section, key, example));
        }
    }
    // Without requests_per_day or [traffic] a replica is sized alone: the report says the fleet
    // needs them.
    if !missing.is_empty() {
        let keys: Vec<&str> = missing.iter().map(|(_, key, _)| *key).collect();
        let subject = match keys[..] {
            [key] => Subject::Input(at(key)),
            _ => Subject::Section(section.clone()),
        };
        let hint = if figures.model.is_none() && l.params.is_none() {
            "or name a model: model = \"llama-3.1-70b\" fills params, layers, kv_heads and head_dim"
        } else {
            ""
        };
        f.add(
            subject,
            format!("[llm] needs {}", keys.join(", ")),
            &[&missing],
            hint,
        );
    }
    device(f, l, &figures);
    if let (Some(a), p) = (l.active_params, figures.params)
        && p > 0.0
        && a.0 > p
    {
        f.say(
            at("active_params"),
            format!(
                "active_params {} is more than the {} parameters in all",
                Human::new(a.0, Kind::Count),
                Human::new(p, Kind::Count)
            ),
            "write active_params at most params: a token passes through some of the weights, never more than all",
        );
    }
    if missing.is_empty() && figures.device_memory > 0.0 {
        fits(f, l, &figures);
    }
}

/// The device: a known name, or the three figures it would give.
fn device(f: &mut Findings, l: &Llm, figures: &Figures) {
    let at = |key| Section::Llm.at(key);
    let section = Section::Llm.path();
    match l.device.as_ref().map(Named::name) {
        Some(name) if figures.device.is_none() => {
            let known = accelerators::names();
            let hint = format!(
                "{} Known: {}; or remove device and give device_memory, device_bandwidth and device_flops",
                suggest_or(name, known.iter().copied(), ""),
                known.join(", ")
            );
            f.say(
                at("device"),
                format!("\"{name}\" is not a known accelerator"),
                hint.trim_start(),
            );
        }
        None => {
            let missing: Vec<(&SectionPath, &'static str, &'static str)> = [
                (l.device_memory.is_some(), "device_memory", "\"80 GB\""),
                (
                    l.device_bandwidth.is_some(),
                    "device_bandwidth",
                    "\"3.35 TB/s\"",
                ),
                (l.device_flops.is_some(), "device_flops", "\"989T/s\""),
            ]
            .into_iter()
            .filter(|(given, ..)| !given)
            .map(|(_, key, value)| (&section, key, value))
            .collect();
            if !missing.is_empty() {
                f.add(
                    at("device"),
                    "[llm] names no device and does not give all of its figures",
                    &[&[(&section, "device", "\"H100\"")], &missing],
                    "",
                );
            }
        }
        _ => {}
    }
}

/// A replica's memory must hold the weights and at least one request's KV cache.
fn fits(f: &mut Findings, l: &Llm, figures: &Figures) {
    let (weights, per_request, usable) = memory(l, figures);
    let replica = l.tensor_parallel * usable;
    if replica - weights >= per_request {
        return;
    }
    let for_weights = (weights / usable).ceil();
    let with_one = ((weights + per_request) / usable).ceil();
    let size = |x: f64| Human::new(x, Kind::Size).to_string();
    let what = match figures.model {
        Some(m) if l.params.is_none() => m.name.to_string(),
        _ => format!("{} parameters", Human::new(figures.params, Kind::Count)),
    };
    let device = l
        .device
        .as_ref()
        .map_or_else(|| size(figures.device_memory), |d| d.name().to_string());
    let problem = format!(
        "the weights do not fit: {what} in {} take {} (+ {} of KV cache for one request of {} tokens), but a replica of {} × {device} has {} usable ({} × {})",
        l.dtype.name(),
        size(weights),
        size(per_request),
        Grouped(l.prompt_tokens.map_or(0.0, |c| c.0) + l.output_tokens.map_or(0.0, |c| c.0)),
        Grouped(l.tensor_parallel),
        size(replica),
        size(figures.device_memory),
        Sig(l.memory_headroom),
    );
    let hint = format!(
        "the weights alone need {} devices (devices_for_weights = ⌈{} ÷ {} usable⌉), {} with one request's KV cache: set tensor_parallel = {} or more, store the weights in fewer bytes (dtype = \"fp8\" or \"int4\"), or name a device with more memory",
        Grouped(for_weights),
        size(weights),
        size(usable),
        Grouped(with_one),
        Grouped(with_one),
    );
    // Where the file says how the replica is built: its tensor parallelism, else what sizes
    // the weights.
    let written = |key: &'static str| {
        let path: InputPath = Section::Llm.at(key);
        f.s.provenance.written().any(|p| *p == path)
    };
    let key = ["tensor_parallel", "dtype", "model", "params", "device"]
        .into_iter()
        .find(|k| written(k))
        .unwrap_or("tensor_parallel");
    f.say(Section::Llm.at(key), problem, hint);
}

//! The generative side's drills: question templates for every `[llm]` and `[diffusion]` output
//! (joined to [`super::templates::TEMPLATES`]), how their inputs are said aloud, and the slips an
//! answer about them may match (named in [`super::slips`]).

use super::question::Question;
use super::skill::Skill;
use super::slips::SlipKind;
use super::templates::{Assume, Template, When};
use crate::estimate::Section;
use crate::scenario::schema::Section as S;
use crate::scenario::{InputPath, Precision};
use crate::units::format::Sig;

const fn t(
    id: &'static str,
    skill: Skill,
    output: &'static str,
    ask: &'static str,
    assume: &'static str,
) -> Template {
    Template {
        id,
        skill,
        output,
        when: When::Always,
        sets: &[],
        ask,
        assume: Assume::Says(assume),
        range: None,
    }
}

const PEAK_DAY: &str = "A day has 86,400 s (≈10^5); size for the peak.";
const BYTES: &str = "Bytes a value: f32 4, f16/bf16 2, fp8/int8 1, int4 0.5.";

/// The generative side's templates, in interview order.
pub const TEMPLATES: &[Template] = &[
    t(
        "llm.requests",
        Skill::Llm,
        "llm.peak_requests_per_second",
        "How many requests a second reach the model at peak?",
        PEAK_DAY,
    ),
    t(
        "llm.tokens_per_day",
        Skill::Llm,
        "llm.tokens_per_day",
        "How many tokens a day does the model read and write?",
        "Count the prompt and the output tokens of every request.",
    ),
    t(
        "llm.weights",
        Skill::Llm,
        "llm.weights_memory",
        "How much memory do the model's weights take?",
        BYTES,
    ),
    t(
        "llm.kv_per_token",
        Skill::Llm,
        "llm.kv_cache_per_token",
        "How many bytes of KV cache does one token keep?",
        "Keys and values, for every layer and every KV head.",
    ),
    t(
        "llm.kv_per_request",
        Skill::Llm,
        "llm.kv_cache_per_request",
        "How much KV cache does one request hold at its longest?",
        "Its prompt and all its output tokens.",
    ),
    t(
        "llm.devices_for_weights",
        Skill::Llm,
        "llm.devices_for_weights",
        "How many accelerators do the weights alone need?",
        "Only the usable share of each device's memory; round up.",
    ),
    t(
        "llm.batch",
        Skill::Llm,
        "llm.batch",
        "How many sequences can one replica decode at once?",
        "The memory left after the weights ÷ one request's KV cache, rounded down; the engine's cap wins.",
    ),
    t(
        "llm.ttft",
        Skill::Llm,
        "llm.time_to_first_token",
        "What is the time to first token on an idle replica?",
        "Prefill is compute-bound: 2 × params FLOPs a prompt token, at the achieved FLOP/s.",
    ),
    t(
        "llm.tpot",
        Skill::Llm,
        "llm.time_per_output_token",
        "What is the time per output token at full batch?",
        "A decode step reads every weight once and each sequence's KV cache at its average length; it takes the longer of reading and computing.",
    ),
    t(
        "llm.tokens_per_second",
        Skill::Llm,
        "llm.output_tokens_per_second",
        "How many output tokens a second does one replica produce?",
        "Continuous batching: every step yields a token for each sequence.",
    ),
    t(
        "llm.requests_per_replica",
        Skill::Llm,
        "llm.requests_per_second_per_replica",
        "How many requests a second can one replica serve?",
        "A request costs its prefill and its share of the decode steps.",
    ),
    t(
        "llm.replicas",
        Skill::Llm,
        "llm.replicas",
        "How many replicas does the peak need?",
        "Round up to whole replicas.",
    ),
    t(
        "llm.devices",
        Skill::Llm,
        "llm.devices",
        "How many accelerators does the LLM fleet need?",
        "Every replica spreads its weights over its tensor-parallel devices.",
    ),
    t(
        "llm.response_time",
        Skill::Llm,
        "llm.response_time",
        "How long does a user wait for the whole answer?",
        "The first token, then every further token one decode step apart.",
    ),
    t(
        "llm.cost_per_day",
        Skill::Llm,
        "llm.cost_per_day",
        "What does the LLM fleet cost a day?",
        "The fleet is sized for the peak and held all day.",
    ),
    t(
        "llm.cost_per_million",
        Skill::Llm,
        "llm.cost_per_million_tokens",
        "What does a million tokens cost?",
        "The fleet's cost a day ÷ the tokens read and written a day.",
    ),
    t(
        "diffusion.flops",
        Skill::Diffusion,
        "diffusion.flops_per_output",
        "How many FLOPs does one output take?",
        "Every denoising step is one pass of the network.",
    ),
    t(
        "diffusion.time",
        Skill::Diffusion,
        "diffusion.time_per_output",
        "How long does one output take on one accelerator?",
        "At the achieved share of peak FLOP/s.",
    ),
    t(
        "diffusion.devices",
        Skill::Diffusion,
        "diffusion.devices",
        "How many accelerators does generation need at peak?",
        PEAK_DAY,
    ),
    t(
        "diffusion.cost",
        Skill::Diffusion,
        "diffusion.cost_per_output",
        "What does one output cost in accelerator time?",
        "Busy device time only.",
    ),
    t(
        "diffusion.cost_per_day",
        Skill::Diffusion,
        "diffusion.cost_per_day",
        "What does the generation fleet cost a day?",
        "The fleet is sized for the peak and held all day.",
    ),
    t(
        "diffusion.storage_per_day",
        Skill::Diffusion,
        "diffusion.storage_per_day",
        "How much do a day's outputs take to store?",
        "Decimal units.",
    ),
    t(
        "diffusion.storage",
        Skill::Diffusion,
        "diffusion.storage",
        "How much do the outputs take over their retention?",
        "Decimal units.",
    ),
    t(
        "servers.accelerators",
        Skill::Servers,
        "fleet.total_devices",
        "How many accelerators do the generative fleets need in all?",
        "LLM replicas' devices plus the diffusion devices.",
    ),
    t(
        "servers.accelerator_cost",
        Skill::Servers,
        "fleet.accelerator_cost_per_day",
        "What do the generative fleets cost a day in all?",
        "Each fleet held all day at its price.",
    ),
    t(
        "ml.training_tokens",
        Skill::Ml,
        "training.tokens",
        "How many tokens does the language model train on?",
        "Compute-optimal (Chinchilla): about 20 tokens a parameter.",
    ),
];

/// How an input of `[llm]` or `[diffusion]` is said aloud; `None` for other sections.
pub fn phrase(path: &InputPath, shown: &str) -> Option<String> {
    let said = match (path.section, path.key) {
        (S::Llm, "model") => match crate::models::find(shown) {
            Some(m) => model(m),
            None => format!("the model is {shown}"),
        },
        (S::Llm, "params") => format!("{shown} parameters"),
        (S::Llm, "active_params") => format!("{shown} of them active a token"),
        (S::Llm, "layers") => format!("{shown} layers"),
        (S::Llm, "kv_heads") => format!("{shown} KV heads"),
        (S::Llm, "head_dim") => format!("{shown} dimensions a head"),
        (S::Llm, "dtype") => format!("weights in {shown}"),
        (S::Llm, "kv_dtype") => format!("KV cache in {shown}"),
        (S::Llm, "requests_per_day") => format!("{shown} requests a day"),
        (S::Llm | S::Diffusion, "peak_factor") => {
            format!("the peak is {}× the average", shown.trim_end_matches('×'))
        }
        (S::Llm, "prompt_tokens") => format!("{shown} prompt tokens"),
        (S::Llm, "output_tokens") => format!("{shown} output tokens"),
        (S::Llm | S::Diffusion, "device") => match crate::accelerators::find(shown) {
            Some(a) => device(a),
            None => format!("on {shown} accelerators"),
        },
        (S::Llm, "device_memory") => format!("{shown} of memory a device"),
        (S::Llm, "device_bandwidth") => format!("{shown} of memory bandwidth a device"),
        (S::Llm | S::Diffusion, "device_flops") => {
            format!("a device peaks at {} FLOP/s", shown.trim_end_matches("/s"))
        }
        (S::Llm, "tensor_parallel") => format!("{shown} devices a replica"),
        (S::Llm, "memory_headroom") => format!("{shown} of each device's memory usable"),
        (S::Llm | S::Diffusion, "mfu") => format!("{shown} MFU"),
        (S::Llm, "mbu") => format!("{shown} MBU"),
        (S::Llm, "max_batch") => format!("at most {shown} sequences a batch"),
        (S::Llm | S::Diffusion, "price_per_device_hour") => format!("{shown} a device-hour"),
        (S::Diffusion, "outputs_per_day") => format!("{shown} outputs a day"),
        (S::Diffusion, "steps") => format!("{shown} denoising steps"),
        (S::Diffusion, "flops_per_step") => format!("{shown} FLOPs a step"),
        (S::Diffusion, "output_size") => format!("{shown} an output"),
        (S::Diffusion, "retention") => format!("kept for {shown}"),
        (S::Training, "tokens") => format!("{shown} training tokens"),
        (S::Training, "compute_optimal") if shown == "true" => {
            "trained compute-optimally".to_string()
        }
        (S::Training, "compute_optimal") => String::new(),
        (S::Llm | S::Diffusion, other) => format!("{other} = {shown}"),
        _ => return None,
    };
    Some(said)
}

/// A named model said with the figures a question needs: "the model is llama-3.1-70b (70.6B
/// parameters, 80 layers, 8 KV heads of 128 dimensions)", and its active parameters when fewer.
fn model(m: &crate::models::Model) -> String {
    let count = |x: f64| crate::units::Human::new(x, crate::units::Kind::Count).to_string();
    let active = match &m.active_params {
        Some(a) => format!(", {} active a token", count(a.value)),
        None => String::new(),
    };
    format!(
        "the model is {} ({} parameters{active}, {} layers, {} KV heads of {} dimensions)",
        m.name,
        count(m.params.value),
        Sig(m.layers.value),
        Sig(m.kv_heads.value),
        Sig(m.head_dim.value)
    )
}

/// A named device said with its figures: "on H100 accelerators (80 GB at 3.35 TB/s, 989 TFLOP/s
/// dense BF16)".
fn device(a: &crate::accelerators::Accelerator) -> String {
    use crate::units::{Human, Kind};
    let flops = a.training_flops().map_or(String::new(), |(f, p)| {
        format!(", {}/s dense {p}", Human::new(f.value, Kind::Flop))
    });
    format!(
        "on {} accelerators ({} at {}{flops})",
        a.name,
        Human::new(a.memory.value, Kind::Size),
        Human::new(a.memory_bandwidth.value, Kind::DataRate)
    )
}

/// A mistake that reruns the question with inputs set: its kind, what it says, the inputs.
pub type Rerun = (SlipKind, String, Vec<(String, String)>);

/// The generative side's mistakes that misread an input: attention heads for KV heads, total for
/// active parameters, no peak factor.
pub fn rerun_slips(q: &Question, out: &mut Vec<Rerun>) {
    let Some(l) = &q.scenario.llm else {
        return;
    };
    if q.output.section != Section::Llm {
        return;
    }
    let f = l.figures();
    if let Some(m) = f.model
        && l.kv_heads.is_none()
        && m.heads.value > f.kv_heads
    {
        out.push((
            SlipKind::AttentionHeads,
            format!(
                "counted attention heads instead of KV heads: {} has {} query heads but only {} key/value heads (grouped-query attention); the KV cache keeps the KV heads",
                m.name,
                Sig(m.heads.value),
                Sig(f.kv_heads)
            ),
            vec![("llm.kv_heads".into(), m.heads.value.to_string())],
        ));
    }
    if f.active_params < f.params {
        out.push((
            SlipKind::TotalParams,
            format!(
                "used total instead of active parameters: a mixture of experts holds all {} in memory but a token passes through {}; FLOPs come from the active ones",
                crate::units::Human::new(f.params, crate::units::Kind::Count),
                crate::units::Human::new(f.active_params, crate::units::Kind::Count)
            ),
            vec![("llm.active_params".into(), f.params.to_string())],
        ));
    }
    let peak = l.peak(&q.scenario);
    if peak > 1.0 {
        out.push((
            SlipKind::PeakFactor,
            format!(
                "forgot the peak factor: the average × {} is the peak",
                Sig(peak)
            ),
            vec![("llm.peak_factor".into(), "1".into())],
        ));
    }
}

/// The generative side's mistakes a fixed factor off the truth: (kind, why, factor).
pub fn factor_slips(q: &Question, out: &mut Vec<(SlipKind, String, f64)>) {
    let Some(l) = &q.scenario.llm else {
        return;
    };
    let id = q.output.name.as_str();
    if q.output.section != Section::Llm {
        return;
    }
    if matches!(id, "kv_cache_per_token" | "kv_cache_per_request") {
        out.push((
            SlipKind::KeysAndValues,
            "forgot the 2 (K and V): the cache keeps a key and a value for every layer and KV head"
                .into(),
            0.5,
        ));
    }
    let bytes = |p: Precision| p.bytes();
    let on_dtype = match id {
        "weights_memory" => Some(bytes(l.dtype)),
        "kv_cache_per_token" | "kv_cache_per_request" => Some(bytes(l.kv_precision())),
        _ => None,
    };
    if let Some(b) = on_dtype {
        out.push((
            SlipKind::DtypeBits,
            format!(
                "bits for bytes on the dtype: {} is {} bits = {} bytes a value, not {}",
                l.dtype.name(),
                Sig(b * 8.0),
                Sig(b),
                Sig(b * 8.0)
            ),
            8.0,
        ));
    }
}

/// What decode would take if it read only the KV cache: the slip of forgetting that every step
/// reads the weights. `None` when the question is not the time per output token.
pub fn without_weights(q: &Question) -> Option<(SlipKind, String, f64)> {
    let l = q.scenario.llm.as_ref()?;
    if q.output != "llm.time_per_output_token" {
        return None;
    }
    let e = crate::estimate::estimate(&q.scenario);
    let est = e.llm?;
    let f = l.figures();
    let (prompt, output) = (
        l.prompt_tokens.map_or(0.0, |c| c.0),
        l.output_tokens.map_or(0.0, |c| c.0),
    );
    let kv = est.batch * est.kv_per_token * (prompt + output / 2.0);
    let memory = kv / (l.tensor_parallel * f.device_bandwidth * l.mbu);
    let mistaken = memory.max(est.compute_time);
    (mistaken < q.truth).then(|| {
        (
            SlipKind::WeightsEveryStep,
            "forgot that decode reads the weights every step: each step streams all the weights from memory, then each sequence's KV cache".into(),
            mistaken,
        )
    })
}

//! The generative side worked by hand: every expected number is worked out in the comment beside
//! it, from the formulas of `[llm]`, `[diffusion]` and language-model training.

use crate::common;

use napkin::estimate::{self, Output, Step};
use napkin::scenario::{Scenario, load_str};

/// Within 10^-9 of the hand-worked value.
fn close9(actual: f64, expected: f64) {
    common::close(actual, expected, 1e-9);
}

fn scenario(toml: &str) -> Scenario {
    load_str(toml, "test.toml").unwrap_or_else(|e| panic!("{e}"))
}

fn outputs(toml: &str) -> Vec<Output> {
    estimate::explain(&scenario(toml)).1
}

fn output<'a>(outs: &'a [Output], id: &str) -> &'a Output {
    outs.iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no output {id}"))
}

fn value(outs: &[Output], id: &str) -> f64 {
    output(outs, id).value
}

/// The working of `id` as plain text, a line a step.
fn working(outs: &[Output], id: &str) -> String {
    output(outs, id)
        .steps
        .iter()
        .map(|s: &Step| {
            napkin::report::working::text(s, napkin::units::format::Style::Decimal) + "\n"
        })
        .collect()
}

const META: &str = "[meta]\nid = \"t\"\ntitle = \"T\"\n";

/// A 10B-parameter model on one 80 GB device of 2 TB/s and `flops`, 1,000 prompt and 200 output
/// tokens, 86.4M requests a day at a peak of 2, with `more` added to `[llm]`.
fn ten_b(flops: &str, more: &str) -> Vec<Output> {
    outputs(&format!(
        "{META}[llm]\nparams = \"10B\"\nlayers = 40\nkv_heads = 8\nhead_dim = 128\ndtype = \"f16\"\n\
         requests_per_day = \"86.4M\"\npeak_factor = 2\nprompt_tokens = 1000\noutput_tokens = 200\n\
         device_memory = \"80 GB\"\ndevice_bandwidth = \"2 TB/s\"\ndevice_flops = \"{flops}\"\n\
         memory_headroom = 0.9\nmfu = 0.5\nmbu = 0.5\n{more}"
    ))
}

#[test]
fn a_memory_bound_decode_at_a_capped_batch() {
    let o = ten_b(
        "1000T/s",
        "max_batch = 16\nprice_per_device_hour = \"$2\"\n",
    );
    // 86.4M requests ÷ 86,400 s = 1,000/s × 2 = 2,000/s at peak.
    close9(value(&o, "llm.peak_requests_per_second"), 2_000.0);
    // 86.4M × (1,000 + 200) = 1.0368e11 tokens a day.
    close9(value(&o, "llm.tokens_per_day"), 1.0368e11);
    // 10B × 2 B (f16) = 2e10 B = 20 GB.
    close9(value(&o, "llm.weights_memory"), 2e10);
    // 2 (K and V) × 40 layers × 8 KV heads × 128 dims × 2 B = 163,840 B a token.
    close9(value(&o, "llm.kv_cache_per_token"), 163_840.0);
    // × (1,000 + 200) tokens = 196,608,000 B a request.
    close9(value(&o, "llm.kv_cache_per_request"), 196_608_000.0);
    // ⌈20 GB ÷ (80 GB × 0.9 = 72 GB)⌉ = ⌈0.28⌉ = 1 device.
    close9(value(&o, "llm.devices_for_weights"), 1.0);
    // ⌊(72 GB − 20 GB) ÷ 196.608 MB⌋ = ⌊264.48⌋ = 264 fit, capped at max_batch 16.
    close9(value(&o, "llm.batch"), 16.0);
    // Prefill: 2 × 10B × 1,000 = 2e13 FLOP ÷ (1 × 1e15 × 0.5) = 0.04 s.
    close9(value(&o, "llm.time_to_first_token"), 0.04);
    // Decode memory: (2e10 + 16 × 163,840 × (1,000 + 200 ÷ 2)) = 2e10 + 2,883,584,000
    // = 22,883,584,000 B ÷ (2e12 × 0.5) = 0.022883584 s; compute: 2 × 10B × 16 = 3.2e11 FLOP
    // ÷ 5e14 = 0.00064 s. Memory-bound: TPOT = 0.022883584 s.
    close9(value(&o, "llm.time_per_output_token"), 0.022_883_584);
    let w = working(&o, "llm.time_per_output_token");
    assert!(w.contains("memory-bound"), "{w}");
    // 16 ÷ 0.022883584 s = 699.19… tokens a second.
    close9(
        value(&o, "llm.output_tokens_per_second"),
        16.0 / 0.022_883_584,
    );
    // 1 ÷ (0.04 + 200 × 0.022883584 ÷ 16 = 0.2860448) = 1 ÷ 0.3260448 = 3.06706…/s.
    close9(
        value(&o, "llm.requests_per_second_per_replica"),
        1.0 / 0.326_044_8,
    );
    // ⌈2,000 × 0.3260448 = 652.0896⌉ = 653 replicas of 1 device.
    close9(value(&o, "llm.replicas"), 653.0);
    close9(value(&o, "llm.devices"), 653.0);
    // 0.04 + 200 × 0.022883584 = 0.04 + 4.5767168 = 4.6167168 s.
    close9(value(&o, "llm.response_time"), 4.616_716_8);
    // 653 × 24 h × $2 = $31,344 a day ÷ 1.0368e11 tokens × 10^6 = $0.30231481….
    close9(value(&o, "llm.cost_per_day"), 31_344.0);
    close9(
        value(&o, "llm.cost_per_million_tokens"),
        31_344.0 / 103_680.0,
    );
    // The generative accelerators join the fleet's totals, and their cost.
    close9(value(&o, "fleet.total_devices"), 653.0);
    close9(value(&o, "fleet.accelerator_cost_per_day"), 31_344.0);
    // 264 sequences fit, 16 allowed: capped at less than half of what memory holds.
    let s = scenario(&format!(
        "{META}[llm]\nparams = \"10B\"\nlayers = 40\nkv_heads = 8\nhead_dim = 128\n\
         requests_per_day = \"86.4M\"\nprompt_tokens = 1000\noutput_tokens = 200\n\
         device_memory = \"80 GB\"\ndevice_bandwidth = \"2 TB/s\"\ndevice_flops = \"1000T/s\"\n\
         max_batch = 16\n"
    ));
    let e = estimate::estimate(&s);
    let ids: Vec<&str> = estimate::warnings(&s, &e, napkin::units::Style::Decimal)
        .iter()
        .map(|w| w.id)
        .collect();
    assert_eq!(ids, ["llm.batch_capped"]);
}

#[test]
fn a_compute_bound_decode_on_a_slow_device() {
    let o = ten_b("100T/s", "");
    // 264 sequences (no cap). Memory: 2e10 + 264 × 163,840 × 1,100 = 2e10 + 47,579,136,000
    // = 67,579,136,000 B ÷ 1e12 B/s = 0.067579136 s; compute: 2 × 10B × 264 = 5.28e12 FLOP
    // ÷ (1e14 × 0.5) = 0.1056 s. Compute-bound: TPOT = 0.1056 s.
    close9(value(&o, "llm.batch"), 264.0);
    close9(value(&o, "llm.time_per_output_token"), 0.1056);
    let w = working(&o, "llm.time_per_output_token");
    assert!(w.contains("compute-bound"), "{w}");
    // Prefill: 2e13 FLOP ÷ 5e13 = 0.4 s.
    close9(value(&o, "llm.time_to_first_token"), 0.4);
    // Without a price there is no cost, in [llm] or in the fleet.
    assert!(!o.iter().any(|x| x.id == "llm.cost_per_day"));
    assert!(!o.iter().any(|x| x.id == "fleet.accelerator_cost_per_day"));
}

#[test]
fn a_mixture_of_experts_holds_all_its_weights_and_computes_with_the_active_ones() {
    let o = outputs(&format!(
        "{META}[llm]\nmodel = \"mixtral-8x7b\"\nrequests_per_day = \"1M\"\nprompt_tokens = 1000\n\
         output_tokens = 100\ndevice = \"H100\"\ntensor_parallel = 2\n"
    ));
    // Memory from all 46,702,792,704 parameters × 2 B = 93,405,585,408 B.
    close9(value(&o, "llm.weights_memory"), 93_405_585_408.0);
    // 2 × 32 layers × 8 KV heads × 128 dims × 2 B = 131,072 B = 128 KiB a token.
    close9(value(&o, "llm.kv_cache_per_token"), 131_072.0);
    // Prefill from the 12,879,925,248 active: 2 × 12,879,925,248 × 1,000 = 2.5759850496e13 FLOP
    // ÷ (2 × 989e12 × 0.5 = 9.89e14) = 0.026046360…s.
    close9(
        value(&o, "llm.time_to_first_token"),
        2.575_985_049_6e13 / 9.89e14,
    );
    let w = working(&o, "llm.time_to_first_token");
    assert!(w.contains("a mixture of experts"), "{w}");
    // ⌊(2 × 72 GB − 93.4 GB) ÷ (131,072 × 1,100 = 144,179,200 B)⌋ = ⌊50,594,414,592 ÷
    // 144,179,200⌋ = ⌊350.91⌋ = 350 sequences.
    close9(value(&o, "llm.batch"), 350.0);
    // Decode computes with the active parameters too: 2 × 12,879,925,248 × 350 ÷ 9.89e14.
    let memory = (93_405_585_408.0 + 350.0 * 131_072.0 * 1_050.0) / (2.0 * 3.35e12 * 0.6);
    let compute = 2.0 * 12_879_925_248.0 * 350.0 / 9.89e14;
    assert!(memory > compute);
    close9(value(&o, "llm.time_per_output_token"), memory);
}

#[test]
fn the_model_table_fills_the_figures_and_a_given_one_wins() {
    // llama-3.1-70b: 80 layers × 8 KV heads × 128 dims × 2 × 2 B = 327,680 B a token.
    let o = outputs(&format!(
        "{META}[llm]\nmodel = \"Llama-3.1-70B\"\nrequests_per_day = \"1M\"\nprompt_tokens = 100\n\
         output_tokens = 100\ndevice = \"H200\"\ntensor_parallel = 2\n"
    ));
    close9(value(&o, "llm.kv_cache_per_token"), 327_680.0);
    // 70,553,706,496 × 2 B = 141,107,412,992 B on one 141 GB H200 × 0.9 = 126.9 GB: 2 devices.
    close9(value(&o, "llm.devices_for_weights"), 2.0);
    // fp8 weights and KV cache halve both: 70,553,706,496 B, 163,840 B a token.
    let o = outputs(&format!(
        "{META}[llm]\nmodel = \"llama-3.1-70b\"\ndtype = \"fp8\"\nkv_heads = 4\nrequests_per_day = \"1M\"\n\
         prompt_tokens = 100\noutput_tokens = 100\ndevice = \"H200\"\n"
    ));
    close9(value(&o, "llm.weights_memory"), 70_553_706_496.0);
    // kv_heads given as 4: 2 × 80 × 4 × 128 × 1 B = 81,920 B.
    close9(value(&o, "llm.kv_cache_per_token"), 81_920.0);
    // int4 is half a byte: 70,553,706,496 × 0.5 = 35,276,853,248 B.
    let o = outputs(&format!(
        "{META}[llm]\nmodel = \"llama-3.1-70b\"\ndtype = \"int4\"\nkv_dtype = \"f16\"\n\
         requests_per_day = \"1M\"\nprompt_tokens = 100\noutput_tokens = 100\ndevice = \"H200\"\n"
    ));
    close9(value(&o, "llm.weights_memory"), 35_276_853_248.0);
    close9(value(&o, "llm.kv_cache_per_token"), 327_680.0);
}

#[test]
fn requests_come_from_traffic_when_llm_gives_none() {
    let o = outputs(&format!(
        "{META}[traffic]\nqps = \"1k/s\"\npeak_factor = 3\n[llm]\nmodel = \"llama-3.1-8b\"\n\
         prompt_tokens = 500\noutput_tokens = 500\ndevice = \"L4\"\n"
    ));
    // 1,000/s × 86,400 = 86.4M a day ÷ 86,400 × 3 (traffic's peak) = 3,000/s.
    close9(value(&o, "llm.peak_requests_per_second"), 3_000.0);
    // 86.4M × 1,000 tokens = 8.64e10.
    close9(value(&o, "llm.tokens_per_day"), 8.64e10);
}

#[test]
fn a_model_that_does_not_fit_names_the_devices_it_needs() {
    let text = format!(
        "{META}[llm]\nmodel = \"llama-3.1-405b\"\nrequests_per_day = \"1M\"\nprompt_tokens = 1000\n\
         output_tokens = 200\ndevice = \"H100\"\ntensor_parallel = 8\n"
    );
    let problems = load_str(&text, "test.toml").unwrap_err().0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    let d = &problems[0];
    // 405,853,388,800 × 2 B = 811.7 GB > 8 × 80 GB × 0.9 = 576 GB usable. The weights need
    // ⌈811,706,777,600 ÷ 72e9⌉ = ⌈11.27⌉ = 12 devices; one request's KV cache (2 × 126 × 8 × 128
    // × 2 B = 516,096 B × 1,200 = 619,315,200 B) keeps it at ⌈11.29⌉ = 12.
    assert!(
        d.problem.contains("the weights do not fit"),
        "{}",
        d.problem
    );
    assert!(d.problem.contains("812 GB"), "{}", d.problem);
    assert!(
        d.hint.contains("the weights alone need 12 devices"),
        "{}",
        d.hint
    );
    assert!(
        d.hint.contains("12 with one request's KV cache"),
        "{}",
        d.hint
    );
    assert!(d.hint.contains("set tensor_parallel = 12"), "{}", d.hint);
    // It points at the input that builds the replica.
    assert_eq!(d.subject.to_string(), "llm.tensor_parallel");
    assert!(
        d.location.to_string().contains("test.toml:10:"),
        "{}",
        d.location
    );
}

#[test]
fn diffusion_devices_cost_and_storage() {
    let o = outputs(&format!(
        "{META}[diffusion]\noutputs_per_day = \"8.64M\"\npeak_factor = 2\nsteps = 50\n\
         flops_per_step = \"5T\"\ndevice_flops = \"1000T/s\"\nmfu = 0.4\nprice_per_device_hour = \"$3\"\n\
         output_size = \"1.5 MB\"\nretention = \"30 d\"\n"
    ));
    // 50 steps × 5e12 = 2.5e14 FLOP an output.
    close9(value(&o, "diffusion.flops_per_output"), 2.5e14);
    // 2.5e14 ÷ (1e15 × 0.4) = 0.625 s on one device.
    close9(value(&o, "diffusion.time_per_output"), 0.625);
    // ⌈8.64M ÷ 86,400 = 100/s × 2 × 0.625 s⌉ = ⌈125⌉ = 125 devices.
    close9(value(&o, "diffusion.devices"), 125.0);
    // 0.625 s × $3 ÷ 3,600 = $0.000520833….
    close9(
        value(&o, "diffusion.cost_per_output"),
        0.625 * 3.0 / 3_600.0,
    );
    // 8.64M × 1.5 MB = 1.296e13 B a day; × 30 days = 3.888e14 B.
    close9(value(&o, "diffusion.storage_per_day"), 1.296e13);
    close9(value(&o, "diffusion.storage"), 3.888e14);
    // 125 × 24 × $3 = $9,000 a day; the fleet counts them.
    close9(value(&o, "diffusion.cost_per_day"), 9_000.0);
    close9(value(&o, "fleet.total_devices"), 125.0);
    close9(value(&o, "fleet.accelerator_cost_per_day"), 9_000.0);
}

#[test]
fn both_generative_fleets_add_up() {
    let o = outputs(&format!(
        "{META}[llm]\nparams = \"10B\"\nlayers = 40\nkv_heads = 8\nhead_dim = 128\n\
         requests_per_day = \"86.4M\"\npeak_factor = 2\nprompt_tokens = 1000\noutput_tokens = 200\n\
         device_memory = \"80 GB\"\ndevice_bandwidth = \"2 TB/s\"\ndevice_flops = \"1000T/s\"\n\
         mbu = 0.5\nmax_batch = 16\nprice_per_device_hour = \"$2\"\n\
         [diffusion]\noutputs_per_day = \"8.64M\"\npeak_factor = 2\nsteps = 50\nflops_per_step = \"5T\"\n\
         device_flops = \"1000T/s\"\nmfu = 0.4\n"
    ));
    // 653 LLM devices (as above) + 125 diffusion devices = 778; only the LLM is priced: $31,344.
    close9(value(&o, "fleet.total_devices"), 778.0);
    close9(value(&o, "fleet.accelerator_cost_per_day"), 31_344.0);
}

#[test]
fn language_model_training_on_tokens_or_compute_optimal() {
    // Chinchilla: 1B params × 20 tokens a parameter = 2e10 tokens; 6 × 1e9 × 2e10 = 1.2e20 FLOPs.
    let o = outputs(&format!(
        "{META}[training]\nparams = \"1B\"\ncompute_optimal = true\ndevice = \"H100\"\n"
    ));
    close9(value(&o, "training.tokens"), 2e10);
    close9(value(&o, "training.flops"), 1.2e20);
    // Llama 3.1 8B on 15T tokens: 6 × 8e9 × 1.5e13 = 7.2e23 FLOPs; ÷ (989e12 × 0.4) = 1.82e9 s.
    let o = outputs(&format!(
        "{META}[training]\nparams = \"8B\"\ntokens = \"15T\"\ndevice = \"H100\"\n"
    ));
    close9(value(&o, "training.tokens"), 1.5e13);
    close9(value(&o, "training.flops"), 7.2e23);
    close9(value(&o, "training.device_time"), 7.2e23 / (989e12 * 0.4));
    // A model trained on examples has no tokens output.
    let o = outputs(&format!(
        "{META}[training]\nparams = \"1B\"\nexamples = \"1B\"\ndevice = \"H100\"\n"
    ));
    assert!(!o.iter().any(|x| x.id == "training.tokens"));
}

#[test]
fn the_fast_path_and_the_explained_path_agree_on_the_generative_side() {
    let s = scenario(&format!(
        "{META}[llm]\nmodel = \"qwen2.5-72b\"\nrequests_per_day = \"10M\"\nprompt_tokens = 2000\n\
         output_tokens = 400\ndevice = \"TPU v6e\"\ntensor_parallel = 8\nprice_per_device_hour = \"$2.70\"\n\
         [diffusion]\noutputs_per_day = \"1M\"\nsteps = 30\nflops_per_step = \"2T\"\ndevice = \"B200\"\n"
    ));
    let (explained, outs) = estimate::explain(&s);
    assert_eq!(estimate::estimate(&s), explained);
    let mut e = estimate::Estimate::default();
    let mut values = Vec::new();
    estimate::values_into(&s, &mut e, &mut values);
    let shown: Vec<f64> = outs.iter().map(|o| o.value).collect();
    assert_eq!(values, shown);
    assert!(outs.iter().all(|o| o.value.is_finite()));
}

/// The drills name the generative side's slips.
mod slips {
    use super::{META, output, outputs, scenario};
    use napkin::drill::question::{Filter, Question, generate};
    use napkin::drill::skill::Skill;
    use napkin::drill::slips::{SlipKind, named};

    /// A question on output `id` of the scenario `body` (after `[meta]`).
    fn question(body: &str, id: &str) -> Question {
        let text = format!("{META}{body}");
        let o = output(&outputs(&text), id).clone();
        Question {
            seed: 0,
            case: "t".into(),
            case_title: "T".into(),
            template: "test",
            skill: Skill::Llm,
            output: o.id.clone(),
            prompt: String::new(),
            truth: o.value,
            kind: o.kind,
            steps: o.steps,
            scenario: scenario(&text),
            stated: Vec::new(),
            review: false,
        }
    }

    fn kind(q: &Question, v: f64) -> Option<SlipKind> {
        named(q, v).map(|s| s.kind)
    }

    const LLAMA: &str = "[llm]\nmodel = \"llama-3.1-70b\"\nrequests_per_day = \"100M\"\nprompt_tokens = 1000\noutput_tokens = 200\ndevice = \"H100\"\ntensor_parallel = 8\n";

    #[test]
    fn forgetting_the_2_of_k_and_v_is_named() {
        // 2 × 80 × 8 × 128 × 2 B = 327,680 B; K alone is 163,840 B.
        let q = question(LLAMA, "llm.kv_cache_per_token");
        assert_eq!(q.truth, 327_680.0);
        assert_eq!(kind(&q, 163_840.0), Some(SlipKind::KeysAndValues));
        assert_eq!(kind(&q, 327_680.0), None);
        // Per request too: 327,680 × 1,200 = 393,216,000 B; half is 196,608,000.
        let q = question(LLAMA, "llm.kv_cache_per_request");
        assert_eq!(kind(&q, 196_608_000.0), Some(SlipKind::KeysAndValues));
    }

    #[test]
    fn attention_heads_for_kv_heads_is_named() {
        // Mistral 7B: 32 query heads, 8 KV heads. With 32: 2 × 32 × 32 × 128 × 2 B = 524,288 B,
        // four times the 131,072 B of the 8 KV heads.
        let q = question(
            "[llm]\nmodel = \"mistral-7b\"\nrequests_per_day = \"1M\"\nprompt_tokens = 1000\noutput_tokens = 200\ndevice = \"L4\"\n",
            "llm.kv_cache_per_token",
        );
        assert_eq!(q.truth, 131_072.0);
        assert_eq!(kind(&q, 524_288.0), Some(SlipKind::AttentionHeads));
    }

    #[test]
    fn bits_for_bytes_on_the_dtype_is_named() {
        // 70,553,706,496 params × 2 B = 141.1 GB; 16 "bytes" a value gives 8 × that.
        let q = question(LLAMA, "llm.weights_memory");
        let s = named(&q, q.truth * 8.0).unwrap();
        assert_eq!(s.kind, SlipKind::DtypeBits);
        assert!(
            s.text.contains("bf16") || s.text.contains("f16"),
            "{}",
            s.text
        );
    }

    #[test]
    fn total_for_active_parameters_is_named() {
        // Mixtral's prefill from 46.7B instead of 12.9B: the TTFT × 46,702,792,704 ÷
        // 12,879,925,248 = × 3.626.
        let q = question(
            "[llm]\nmodel = \"mixtral-8x7b\"\nrequests_per_day = \"1M\"\nprompt_tokens = 1000\noutput_tokens = 100\ndevice = \"H100\"\ntensor_parallel = 2\n",
            "llm.time_to_first_token",
        );
        let wrong = q.truth * 46_702_792_704.0 / 12_879_925_248.0;
        assert_eq!(kind(&q, wrong), Some(SlipKind::TotalParams));
    }

    #[test]
    fn forgetting_the_weights_every_decode_step_is_named() {
        // A small batch: max_batch 8. Memory read a step: 141.1 GB of weights + 8 × 327,680 ×
        // (1,000 + 100) = 2.88 GB of KV cache; without the weights only the 2.88 GB, far faster.
        let body = format!("{LLAMA}max_batch = 8\n");
        let q = question(&body, "llm.time_per_output_token");
        let kv: f64 = 8.0 * 327_680.0 * 1_100.0;
        let memory = kv / (8.0 * 3.35e12 * 0.6);
        let compute = 2.0 * 70_553_706_496.0 * 8.0 / (8.0 * 989e12 * 0.5);
        let wrong = memory.max(compute);
        assert_eq!(kind(&q, wrong), Some(SlipKind::WeightsEveryStep));
    }

    #[test]
    fn forgetting_the_peak_is_named_for_the_llm() {
        // 100M ÷ 86,400 × 2 = 2,314.8/s; the average is half.
        let q = question(LLAMA, "llm.peak_requests_per_second");
        assert_eq!(kind(&q, q.truth / 2.0), Some(SlipKind::PeakFactor));
    }

    #[test]
    fn every_generative_template_draws_a_question_from_a_preset() {
        let presets = napkin::presets::builtin();
        for t in napkin::drill::genai::TEMPLATES {
            let filter = Filter {
                template: Some(t.id.into()),
                ..Default::default()
            };
            let q = generate(3, &presets, &filter);
            assert!(q.is_some(), "no preset fits {}", t.id);
            let q = q.unwrap();
            assert!(
                q.truth.is_finite() && q.truth > 0.0,
                "{}: {}",
                t.id,
                q.truth
            );
        }
    }
}

#[test]
fn per_day_for_per_second_is_named_on_the_llm_side() {
    use napkin::drill::skill::Skill;
    use napkin::drill::slips::{SlipKind, named};
    // 86.4M requests a day at a peak of 2 is 2,000/s; 2,000 × 86,400 is the day's count, not a rate.
    let text = format!(
        "{META}[llm]\nmodel = \"llama-3.1-8b\"\nrequests_per_day = \"86.4M\"\npeak_factor = 2\n\
         prompt_tokens = 100\noutput_tokens = 100\ndevice = \"L4\"\n"
    );
    let o = output(&outputs(&text), "llm.peak_requests_per_second").clone();
    assert_eq!(o.value, 2_000.0);
    let q = napkin::drill::question::Question {
        seed: 0,
        case: "t".into(),
        case_title: "T".into(),
        template: "test",
        skill: Skill::Llm,
        output: o.id.clone(),
        prompt: String::new(),
        truth: o.value,
        kind: o.kind,
        steps: o.steps,
        scenario: scenario(&text),
        stated: Vec::new(),
        review: false,
    };
    assert_eq!(
        named(&q, 2_000.0 * 86_400.0).map(|s| s.kind),
        Some(SlipKind::PerDay)
    );
}

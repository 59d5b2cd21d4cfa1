//! The ML side's pictures as data, for whichever panel draws bar charts: a training run against
//! its retrain interval, and the embedding tables against the memory of the training devices;
//! and the accelerator table's rows for the reference tab.

use crate::accelerators;
use crate::estimate::training::device_memory;
use crate::report::Report;
use crate::scenario::Scenario;
use crate::units::Kind;
use crate::units::format::Human;
use uom::si::time::second;

/// One bar: its label, value (bars of a chart share a unit) and the value as shown.
pub type Bar = (String, f64, String);

/// The ML charts that `s` has: (title, bars).
pub fn charts(r: &Report, s: &Scenario) -> Vec<(String, Vec<Bar>)> {
    let mut out = Vec::new();
    let duration = |x: f64| Human::new(x, Kind::Duration).to_string();
    if let (Some(tr), Some(run)) = (&s.training, r.output("training.wall_time")) {
        let mut bars = vec![("one run".to_string(), run.value, duration(run.value))];
        if let Some(every) = tr.retrain_every.map(|t| t.get::<second>()) {
            bars.push(("retrain every".to_string(), every, duration(every)));
        }
        out.push(("Training run vs retrain interval".to_string(), bars));
    }
    if !s.embedding_tables.is_empty() {
        let size = |x: f64| r.human(x, Kind::Size);
        let mut bars: Vec<Bar> = s
            .embedding_tables
            .iter()
            .filter_map(|t| {
                let o = r.output(&format!("embedding_tables.{}", t.name))?;
                Some((t.name.clone(), o.value, size(o.value)))
            })
            .collect();
        if let Some(tr) = &s.training
            && let Some(per_device) = device_memory(tr)
        {
            let usable = per_device * tr.memory_headroom * tr.devices;
            bars.push((format!("{} devices", tr.devices), usable, size(usable)));
        }
        out.push(("Embedding tables vs device memory".to_string(), bars));
    }
    llm_charts(r, s, &mut out);
    out
}

/// `[llm]`'s pictures: a device's memory (weights and the KV cache of a full batch against what is
/// usable), and the roofline of a decode step (its FLOPs a byte read against the device's ridge,
/// where compute and memory take as long), with the step's two times.
fn llm_charts(r: &Report, s: &Scenario, out: &mut Vec<(String, Vec<Bar>)>) {
    let (Some(l), Some(e)) = (&s.llm, &r.estimate.llm) else {
        return;
    };
    let size = |x: f64| r.human(x, Kind::Size);
    let tp = l.tensor_parallel;
    let weights = e.weights / tp;
    let kv = e.batch * e.kv_per_request / tp;
    out.push((
        "Memory per device: weights vs KV cache".to_string(),
        vec![
            ("weights".to_string(), weights, size(weights)),
            (format!("KV cache, {} seq", e.batch), kv, size(kv)),
            ("usable".to_string(), e.usable, size(e.usable)),
        ],
    ));
    let f = l.figures();
    let ridge = f.device_flops * l.mfu / (f.device_bandwidth * l.mbu);
    let intensity = e.step_flops / e.step_bytes;
    let per_byte = |x: f64| format!("{} FLOP/B", crate::units::format::Sig(x));
    let bound = if crate::estimate::llm::memory_bound(e) {
        "memory-bound"
    } else {
        "compute-bound"
    };
    out.push((
        format!("Decode roofline: {bound}"),
        vec![
            ("decode step".to_string(), intensity, per_byte(intensity)),
            ("device ridge".to_string(), ridge, per_byte(ridge)),
        ],
    ));
    let ms = |x: f64| Human::new(x, Kind::Duration).to_string();
    out.push((
        "Decode step: reading vs computing".to_string(),
        vec![
            (
                "reading memory".to_string(),
                e.memory_time,
                ms(e.memory_time),
            ),
            ("computing".to_string(), e.compute_time, ms(e.compute_time)),
        ],
    ));
}

/// The accelerator table for the reference tab: a header and one line a device (name, training
/// FLOP/s and precision, memory, bandwidth).
pub fn accelerator_lines() -> (String, Vec<String>) {
    let header = format!(
        "{:<10} {:>14} {:>7} {:>10}",
        "device", "train FLOP/s", "memory", "bandwidth"
    );
    let lines = accelerators::all()
        .iter()
        .map(|a| {
            let (flops, precision) = a.training_flops().map_or((String::new(), ""), |(f, p)| {
                (Human::new(f.value, Kind::Rate).to_string(), p)
            });
            format!(
                "{:<10} {:>9} {:<4} {:>7} {:>10}",
                a.name,
                flops,
                precision,
                Human::new(a.memory.value, Kind::Size).to_string(),
                Human::new(a.memory_bandwidth.value, Kind::DataRate).to_string()
            )
        })
        .collect();
    (header, lines)
}

/// The model table for the reference tab: a header and one line a model (name, all and active
/// parameters, layers, KV heads × head dimension).
pub fn model_lines() -> (String, Vec<String>) {
    let header = format!(
        "{:<14} {:>6} {:>6} {:>6} {:>7}",
        "model", "params", "active", "layers", "KV h×d"
    );
    let count = |x: f64| Human::new(x, Kind::Count).to_string();
    let lines = crate::models::all()
        .iter()
        .map(|m| {
            format!(
                "{:<14} {:>6} {:>6} {:>6} {:>7}",
                m.name,
                count(m.params.value),
                count(m.flops_params().value),
                m.layers.value,
                format!("{}×{}", m.kv_heads.value, m.head_dim.value)
            )
        })
        .collect();
    (header, lines)
}

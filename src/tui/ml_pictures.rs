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
    out
}

/// The accelerator table for the reference tab: a header and one line a device (name, training
/// FLOP/s and precision, memory, bandwidth).
pub fn accelerator_lines() -> (String, Vec<String>) {
    let header = format!(
        "{:<10} {:>13} {:>7} {:>10}",
        "device", "train FLOP/s", "memory", "bandwidth"
    );
    let lines = accelerators::all()
        .iter()
        .map(|a| {
            let (flops, precision) = a.training_flops().map_or((String::new(), ""), |(f, p)| {
                (Human::new(f.value, Kind::Rate).to_string(), p)
            });
            format!(
                "{:<10} {:>8} {:<4} {:>7} {:>10}",
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

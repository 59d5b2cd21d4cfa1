//! `calc --tornado <output id>`: what drives one output. Each ranged input's swing (the output
//! with that input at its p5 and at its p95, every other range at its median) as a bar on one
//! scale, widest first, with the output at the medians marked.

use super::json::Layout;
use super::markdown::cell;
use super::{Report, Spread};
use crate::estimate::Output;
use crate::whatif::montecarlo::Swing;
use serde::Serialize;
use std::fmt::Write;

/// Columns of the widest bar.
const BAR: usize = 40;

/// Why a report cannot draw the bars of an output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The report has no output `id`; the closest ids, best first.
    Output { id: String, near: Vec<String> },
    /// The scenario has no ranges, so nothing drives any output's spread.
    Ranges,
}

/// The output `id` of a report with ranges, and its spread.
pub fn find<'r>(r: &'r Report, id: &str) -> Result<(&'r Output, &'r Spread), Missing> {
    let Some(i) = r.outputs.iter().position(|o| o.id == id) else {
        let ids: Vec<String> = r.outputs.iter().map(|o| o.id.to_string()).collect();
        let near = crate::scenario::diagnostic::nearest(id, ids.iter().map(String::as_str))
            .into_iter()
            .map(str::to_string)
            .collect();
        return Err(Missing::Output {
            id: id.to_string(),
            near,
        });
    };
    match r.spread(i) {
        Some(spread) => Ok((&r.outputs[i], spread)),
        None => Err(Missing::Ranges),
    }
}

/// The bars as text.
pub fn text(r: &Report, o: &Output, spread: &Spread) -> String {
    let Some(ranges) = &r.ranges else {
        return String::new();
    };
    let human = |v: f64| r.human(v, o.kind);
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", o.label, o.id);
    let _ = writeln!(
        out,
        "  at the medians {}; p50 {} [{} – {}] over {} samples (seed {})\n",
        human(o.value),
        human(spread.p50),
        human(spread.p5),
        human(spread.p95),
        crate::units::format::Grouped(ranges.options.samples as f64),
        ranges.options.seed
    );
    let _ = writeln!(
        out,
        "  each range from its p5 to its p95, the others at their medians; widest first:\n"
    );
    let names: Vec<(String, String)> = spread
        .sensitivity
        .iter()
        .map(|s| {
            let input = &ranges.inputs[s.input];
            let iv = input.interval;
            let written = format!("{}..{}", r.human(iv.lo, iv.kind), r.human(iv.hi, iv.kind));
            (input.path.to_string(), written)
        })
        .collect();
    let name_width = names.iter().map(|n| n.0.chars().count()).max().unwrap_or(0);
    let range_width = names.iter().map(|n| n.1.chars().count()).max().unwrap_or(0);
    let bars = bars(o.value, &spread.sensitivity, BAR);
    for ((s, (path, written)), bar) in spread.sensitivity.iter().zip(&names).zip(bars) {
        let _ = writeln!(
            out,
            "  {path:<name_width$}  {written:<range_width$}  {bar}  {} → {}",
            human(s.low),
            human(s.high)
        );
    }
    out
}

/// The bar of each swing, `cols` cells wide, on one scale from the lowest end to the highest:
/// `█` from the output at one end of the input to the output at the other, `│` at `value` (the
/// output with every range at its median).
pub fn bars(value: f64, swings: &[Swing], cols: usize) -> Vec<String> {
    let (mut min, mut max) = (value, value);
    for s in swings {
        min = min.min(s.low.min(s.high));
        max = max.max(s.low.max(s.high));
    }
    let column = |v: f64| -> usize {
        if max > min {
            (((v - min) / (max - min)) * (cols.max(1) - 1) as f64).round() as usize
        } else {
            cols / 2
        }
    };
    let median = column(value);
    swings
        .iter()
        .map(|s| {
            let (a, b) = (column(s.low.min(s.high)), column(s.low.max(s.high)));
            (0..cols)
                .map(|c| match c {
                    c if c == median => '│',
                    c if (a..=b).contains(&c) => '█',
                    _ => ' ',
                })
                .collect()
        })
        .collect()
}

#[derive(Serialize)]
struct TornadoJson<'a> {
    output: &'a crate::estimate::OutputId,
    label: &'a str,
    unit: &'static str,
    value: f64,
    p5: f64,
    p50: f64,
    p95: f64,
    samples: usize,
    seed: u64,
    sensitivity: Vec<BarJson<'a>>,
}

#[derive(Serialize)]
struct BarJson<'a> {
    input: &'a crate::scenario::InputPath,
    /// The input's p5 and p95, in its base unit.
    input_low: f64,
    input_high: f64,
    /// The output with the input at its p5 and at its p95.
    low: f64,
    high: f64,
}

/// The bars as one JSON object.
pub fn json(r: &Report, o: &Output, spread: &Spread, layout: Layout) -> String {
    let Some(ranges) = &r.ranges else {
        return String::new();
    };
    let doc = TornadoJson {
        output: &o.id,
        label: &o.label,
        unit: o.kind.base_unit(),
        value: o.value,
        p5: spread.p5,
        p50: spread.p50,
        p95: spread.p95,
        samples: ranges.options.samples,
        seed: ranges.options.seed,
        sensitivity: spread
            .sensitivity
            .iter()
            .map(|s| {
                let input = &ranges.inputs[s.input];
                BarJson {
                    input: &input.path,
                    input_low: input.interval.lo,
                    input_high: input.interval.hi,
                    low: s.low,
                    high: s.high,
                }
            })
            .collect(),
    };
    super::json_out::to_string(&doc, layout) + "\n"
}

/// The bars as a Markdown table.
pub fn markdown(r: &Report, o: &Output, spread: &Spread) -> String {
    let Some(ranges) = &r.ranges else {
        return String::new();
    };
    let human = |v: f64| r.human(v, o.kind);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## What drives {} (`{}`)\n\nAt the medians {}; p50 {}, p5 {}, p95 {} over {} samples (seed {}).\n",
        cell(&o.label),
        o.id,
        human(o.value),
        human(spread.p50),
        human(spread.p5),
        human(spread.p95),
        crate::units::format::Grouped(ranges.options.samples as f64),
        ranges.options.seed
    );
    let _ = writeln!(out, "| Input | Range | At its p5 | At its p95 | Swing |");
    let _ = writeln!(out, "|---|---|---:|---:|---:|");
    for s in &spread.sensitivity {
        let input = &ranges.inputs[s.input];
        let iv = input.interval;
        let _ = writeln!(
            out,
            "| `{}` | {}..{} | {} | {} | {} |",
            input.path,
            r.human(iv.lo, iv.kind),
            r.human(iv.hi, iv.kind),
            human(s.low),
            human(s.high),
            human(s.width())
        );
    }
    out
}

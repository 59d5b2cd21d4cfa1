//! A whole case study in interview order: traffic (average, then peak), storage, bandwidth, the
//! index, the fleet, latency. Each step is a [`Question`] on the scenario's own numbers (the ones
//! `napkin calc` shows), stating only the inputs no earlier step stated. The order is data,
//! [`ORDER`]: a list of template ids, so a new section's templates join by adding theirs.

use super::chain;
use super::coach::{self, Attempt};
use super::history::Record;
use super::question::{Question, perturb};
use super::session;
use super::templates::TEMPLATES;
use crate::estimate::{Output, OutputId};
use crate::report::Report;
use crate::scenario::{InputPath, Scenario, overrides, validate};
use crate::units::format::{Human, Sig, Style};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;
use std::io::BufRead;
use std::path::PathBuf;

/// The templates a walk asks, in interview order. Templates that fit no output of a case study
/// are passed over; within a template, outputs come in the report's order.
pub const ORDER: &[&str] = &[
    "qps.average",
    "qps.peak",
    "qps.peak_from_rate",
    "storage.corpus",
    "storage.corpus_growth",
    "storage.embeddings_raw",
    "storage.embeddings_compressed",
    "storage.logs",
    "storage.graph",
    "storage.text_index",
    "storage.total",
    "bandwidth.ingress",
    "bandwidth.egress",
    "memory.hnsw",
    "memory.ivf",
    "memory.diskann_ram",
    "shards.count",
    "shards.replicas",
    "servers.index_nodes",
    "servers.online",
    "servers.gpu",
    "servers.batch",
    "servers.total",
    "latency.total",
    "latency.budget",
    // The generative side: requests, tokens a day, weights, KV cache, batch, TTFT, TPOT,
    // replicas, devices, cost per million tokens; then diffusion.
    "llm.requests",
    "llm.tokens_per_day",
    "llm.weights",
    "llm.kv_per_token",
    "llm.kv_per_request",
    "llm.batch",
    "llm.ttft",
    "llm.tpot",
    "llm.replicas",
    "llm.devices",
    "llm.cost_per_million",
    "diffusion.flops",
    "diffusion.time",
    "diffusion.devices",
    "diffusion.cost",
    "diffusion.storage",
    // The ML side, after the software.
    "ml.sampling_examples",
    "ml.sampling_recalibrated",
    "ml.training_tokens",
    "ml.training_flops",
    "ml.training_device_time",
    "ml.training_wall_time",
    "ml.training_cost",
    "ml.embedding_memory",
    "ml.embedding_devices",
    "ml.feature_memory",
    "ml.feature_lookups",
    "ml.feature_nodes",
    "ml.experiment_sample",
    "ml.experiment_duration",
    "ml.labelling_annotators",
    "ml.labelling_cost",
    "ml.cache_hit_ratio",
    "ml.cache_backend",
];

/// A case study's steps, ready to ask.
pub struct Walk {
    pub case: String,
    pub title: String,
    pub steps: Vec<Question>,
    /// Every output of the scenario, for the working and the earlier answers' notes.
    pub outputs: Vec<Output>,
}

/// Moves every countable input of `s` around its value (up to 3× either way, rounded to napkin
/// numbers), seeded, for repeat practice on new numbers.
pub fn vary(s: &mut Scenario, seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for path in overrides::paths(s) {
        perturb(&mut rng, s, &path);
    }
    debug_assert!(validate::validate(s).is_empty());
}

/// The walk of scenario `s` (preset or file `case`).
pub fn build(case: &str, s: &Scenario) -> Result<Walk, String> {
    let report = Report::build(s, Style::Decimal).map_err(|e| e.to_string())?;
    let mut stated: Vec<InputPath> = Vec::new();
    let mut steps: Vec<Question> = Vec::new();
    let (_, explained) = crate::estimate::explain(s);
    for id in ORDER {
        let Some(t) = TEMPLATES.iter().find(|t| t.id == *id && t.sets.is_empty()) else {
            continue;
        };
        for o in &report.outputs {
            let Some(name) = t.names(&o.id) else { continue };
            if !(t.when.fits(s, name) && o.value > 0.0 && o.value.is_finite())
                || steps.iter().any(|q| q.output == o.id)
            {
                continue;
            }
            let mut used = explained
                .iter()
                .find(|e| e.id == o.id)
                .map(|e| e.inputs.clone())
                .unwrap_or_default();
            let order = overrides::paths(s);
            used.sort_by_key(|p| order.iter().position(|q| q == p).unwrap_or(usize::MAX));
            let fresh: Vec<InputPath> = used.into_iter().filter(|p| !stated.contains(p)).collect();
            let said: Vec<String> = fresh
                .iter()
                .filter_map(|p| {
                    report
                        .input(p)
                        .map(|i| super::phrase::phrase(p, &i.display))
                })
                .filter(|p| !p.is_empty())
                .collect();
            let mut prompt = if said.is_empty() {
                String::from("From your earlier numbers:")
            } else {
                format!("{}.", capitalise(&said.join(", ")))
            };
            prompt.push(' ');
            prompt.push_str(&t.ask.replace("{}", name));
            let assume = match t.assume {
                super::templates::Assume::Says(text) => text,
                super::templates::Assume::Uploads => "",
            };
            if !assume.is_empty() {
                prompt.push(' ');
                prompt.push_str(assume);
            }
            stated.extend(fresh.iter().cloned());
            steps.push(Question {
                seed: 0,
                case: case.to_string(),
                case_title: s.meta.title.clone(),
                template: t.id,
                skill: t.skill,
                output: o.id.clone(),
                prompt,
                truth: o.value,
                kind: o.kind,
                steps: chain::chain(&report.outputs, &o.id),
                scenario: s.clone(),
                stated: fresh,
            });
        }
    }
    if steps.is_empty() {
        return Err(format!(
            "the case study `{case}` has no output a walk asks about"
        ));
    }
    Ok(Walk {
        case: case.to_string(),
        title: s.meta.title.clone(),
        steps,
        outputs: report.outputs,
    })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// When `value` (answering step `q`) is off, but follows from the candidate's own earlier answer
/// to an output it builds on, a note saying so. `earlier` gives the value answered per output id.
pub fn consistent(
    walk: &Walk,
    q: &Question,
    value: f64,
    earlier: &dyn Fn(&OutputId) -> Option<f64>,
) -> Option<String> {
    let off = |a: f64, b: f64| (a / b).log10().abs();
    if off(value, q.truth) <= 0.1 {
        return None;
    }
    // The nearest earlier answer on the chain.
    let ancestors = chain::ancestors(&walk.outputs, &q.output);
    let (id, yours) = ancestors
        .iter()
        .rev()
        .find_map(|id| earlier(id).map(|v| (*id, v)))?;
    let o = walk.outputs.iter().find(|o| o.id == *id)?;
    let ratio = yours / o.value;
    if off(yours, o.value) <= 0.1 || off(value, q.truth * ratio) > 0.05 {
        return None;
    }
    let label = lower_first(&o.label);
    Some(format!(
        "Consistent with your {} {label}; the {label} itself was off (napkin: {}).",
        Human::new(yours, o.kind),
        Human::new(o.value, o.kind)
    ))
}

/// One row of the summary: a step and what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub yours: Option<String>,
    pub napkin: String,
    pub e: Option<f64>,
    pub points: Option<f64>,
}

/// "exact", "1.3× high", "4× low".
pub fn factor_off(e: f64) -> String {
    if coach::is_exact(e) {
        "exact".into()
    } else if e.abs() < coach::CLOSE {
        "within 1%".into()
    } else {
        format!(
            "{}× {}",
            Sig(10f64.powf(e.abs())),
            if e > 0.0 { "high" } else { "low" }
        )
    }
}

/// The summary table and the total.
pub fn summary(rows: &[Row]) -> String {
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>14}  {:>14}  {:>11}  {:>5}",
        "Step", "You", "napkin", "Factor off", "Score"
    );
    let mut total = 0.0;
    for r in rows {
        let points = r.points.map_or("—".to_string(), |p| format!("{p:.0}"));
        total += r.points.unwrap_or(0.0);
        let _ = writeln!(
            out,
            "{:<width$}  {:>14}  {:>14}  {:>11}  {:>5}",
            r.label,
            r.yours.as_deref().unwrap_or("skipped"),
            r.napkin,
            r.e.map_or("—".to_string(), factor_off),
            points
        );
    }
    let most = 100.0 * rows.len() as f64;
    let _ = writeln!(
        out,
        "Total: {total:.0} of {most:.0} points ({:.0}%) over {}.",
        if most > 0.0 {
            100.0 * total / most
        } else {
            0.0
        },
        super::phrase::plural(rows.len() as f64, "step", "steps")
    );
    out
}

/// Walks `walk` in plain text: each step's question, the answer read with its units, the
/// feedback, then the summary. Each judged answer is kept in `history` (when given), marked with
/// the walk's start. Returns the summary's rows.
pub fn run(
    walk: &Walk,
    history: Option<&PathBuf>,
    input: &mut dyn BufRead,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Vec<Row>> {
    // Milliseconds, so that two walks in one second stay apart.
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let n = walk.steps.len();
    writeln!(
        out,
        "{} ({}): {} in interview order.\n{}\n",
        walk.title,
        walk.case,
        super::phrase::plural(n as f64, "step", "steps"),
        session::ANSWER_HELP
    )?;
    let mut answered: Vec<(OutputId, f64)> = Vec::new();
    let mut rows = Vec::new();
    let opts = session::Options {
        history: history.cloned(),
        ..session::Options::default()
    };
    let mut unsaved = 0;
    for (i, q) in walk.steps.iter().enumerate() {
        let label = walk
            .outputs
            .iter()
            .find(|o| o.id == q.output)
            .map_or_else(|| q.output.to_string(), |o| o.label.clone());
        writeln!(out, "Step {}/{n} [{}] {label}", i + 1, q.skill.name())?;
        writeln!(out, "{}", q.prompt)?;
        let mut row = Row {
            label,
            yours: None,
            napkin: Human::new(q.truth, q.kind).to_string(),
            e: None,
            points: None,
        };
        match session::ask(q, input, out)? {
            None => {
                writeln!(out, "\nStopped after {} of {n}.\n", rows.len())?;
                break;
            }
            Some(Attempt::Judged(j)) => {
                let note = j.outcome.scored.and_then(|v| {
                    consistent(walk, q, v, &|id| {
                        answered.iter().find(|(a, _)| a == id).map(|(_, v)| *v)
                    })
                });
                // Kept before its feedback is shown, as in a session.
                let record = Record {
                    walk: Some(started),
                    ..session::record(q, &j.text, &j.outcome)
                };
                session::keep(&opts, &record, &mut unsaved, err)?;
                write!(out, "{}", coach::render(q, &j, note.as_deref()))?;
                if let Some(v) = j.outcome.scored {
                    answered.push((q.output.clone(), v));
                }
                row.yours = Some(j.text.clone());
                row.e = j.outcome.score.map(|s| s.e);
                row.points = j.outcome.score.map(|s| s.points);
            }
            Some(Attempt::Reveal) => row.yours = Some("revealed".into()),
            Some(_) => {}
        }
        rows.push(row);
        writeln!(out)?;
    }
    write!(out, "{}", summary(&rows))?;
    if unsaved > 0 {
        writeln!(
            out,
            "{} not saved (see the warnings).",
            super::phrase::plural(unsaved as f64, "answer was", "answers were")
        )?;
    } else if history.is_some() {
        writeln!(out, "`napkin stats` shows your progress per case study.")?;
    }
    Ok(rows)
}

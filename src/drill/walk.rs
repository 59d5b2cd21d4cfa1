//! A whole case study in interview order: traffic (average, then peak), storage, bandwidth, the
//! index, the fleet, latency. Each step is a [`Question`] on the scenario's own numbers (the ones
//! `napkin calc` shows), stating only the inputs no earlier step stated. The order is data,
//! [`ORDER`]: a list of template ids, so a new section's templates join by adding theirs.

use super::chain;
use super::coach::{self, Attempt};
use super::history::{Mode, Record};
use super::question::{Question, perturb};
pub use super::scorecard::{Row, factor_off, summary};
use super::session;
use super::templates::TEMPLATES;
use crate::estimate::{Output, OutputId};
use crate::report::Report;
use crate::scenario::{InputPath, Scenario, overrides, validate};
use crate::units::format::{Human, Style};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
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
            let inputs: Vec<(&InputPath, String)> = fresh
                .iter()
                .filter_map(|p| Some((p, median_said(s, p, &report.input(p)?.display))))
                .collect();
            let said = super::phrase::sentence(&inputs);
            let mut prompt = if said.is_empty() {
                String::from("From your earlier numbers:")
            } else {
                format!("{}.", capitalise(&said))
            };
            prompt.push(' ');
            prompt.push_str(&t.ask.replace("{}", name));
            let assume = t.assume.text(s);
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
                review: false,
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

/// An input as the walk states it: a range is worked at its median √(lo × hi), and says so.
fn median_said(s: &Scenario, path: &InputPath, shown: &str) -> String {
    match s.range(path) {
        Some(r) => format!(
            "{shown} (the median √(lo × hi) of {}..{})",
            Human::new(r.lo, r.kind),
            Human::new(r.hi, r.kind)
        ),
        None => shown.to_string(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Walk {
    /// Reads `line` in answer to step `q`, judged against napkin's number and against what the
    /// earlier answers `answered` give.
    pub fn attempt(&self, q: &Question, line: &str, answered: &[(OutputId, f64)]) -> Attempt {
        coach::attempt_after(q, line, &self.outputs, answered)
    }

    /// The summary row of step `q`, not yet answered.
    pub fn row(&self, q: &Question) -> Row {
        let label = self
            .outputs
            .iter()
            .find(|o| o.id == q.output)
            .map_or_else(|| q.output.to_string(), |o| o.label.clone());
        Row::new(label, Human::new(q.truth, q.kind).to_string())
    }
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
        let mut row = walk.row(q);
        writeln!(out, "Step {}/{n} [{}] {}", i + 1, q.skill.name(), row.label)?;
        writeln!(out, "{}", q.prompt)?;
        let judge = |line: &str| walk.attempt(q, line, &answered);
        match session::ask_with(q, input, out, &judge, session::AGAIN)? {
            None => {
                writeln!(out, "\nStopped after {} of {n}.\n", rows.len())?;
                break;
            }
            Some(Attempt::Judged(j)) => {
                // Kept before its feedback is shown, as in a session.
                let record = Record {
                    walk: Some(started),
                    mode: Mode::Walk,
                    ..session::record(q, &j)
                };
                session::keep(&opts, &record, &mut unsaved, err)?;
                write!(out, "{}", coach::render(q, &j))?;
                if let Some(v) = j.outcome.scored {
                    answered.push((q.output.clone(), v));
                }
                row.judged(&j);
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

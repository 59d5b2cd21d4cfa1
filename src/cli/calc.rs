//! `napkin calc`: estimate a scenario and print it.

use super::Format;
use super::words;
use crate::presets;
use crate::report::{Report, engines, json, markdown, text, tornado};
use crate::scenario::{self, Location, Origin, Scenario, ScenarioError, SectionPath, overrides};
use crate::units::format::Style;
use crate::whatif::montecarlo;
use std::io::{Read, Write};
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct CalcArgs {
    /// A preset id (`napkin presets list`), a path to a scenario file, or - for standard input;
    /// left out, the estimate starts from nothing and --set gives every input.
    #[arg(required_unless_present_any = ["set", "list_inputs"], add = clap_complete::engine::ArgValueCompleter::new(super::complete::scenario))]
    pub scenario: Option<String>,
    /// Override an input: section.key=value (repeatable), e.g. traffic.dau=200M or stage.ranking.latency=50ms.
    #[arg(long = "set", value_name = "PATH=VALUE", value_parser = assignment)]
    pub set: Vec<String>,
    /// Give an output a value and work out everything that reads it from there (repeatable),
    /// e.g. index.memory=320GB: the shards and nodes follow, what it reads stays.
    #[arg(long = "given", value_name = "OUTPUT_ID=VALUE")]
    pub given: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Write sizes in binary units (GiB) instead of decimal (GB).
    #[arg(long)]
    pub binary: bool,
    /// Text format: values only, without the working and the inputs.
    #[arg(long)]
    pub brief: bool,
    /// List every input path --set accepts for this scenario, with its value and source (in
    /// --format); without a scenario or --set, every input of every section, as `napkin inputs`.
    #[arg(long, conflicts_with_all = ["brief", "given"])]
    pub list_inputs: bool,
    /// Only the index memory by engine (Faiss, hnswlib, Milvus, Qdrant, Weaviate, OpenSearch,
    /// Elasticsearch, pgvector), smallest first, with the ratio to Faiss and the shards each needs.
    #[arg(long, conflicts_with_all = ["list_inputs", "brief"])]
    pub engines: bool,
    /// With ranges (inputs written lo..hi): how many joint samples to draw, 1 to 1,000,000.
    #[arg(long, value_name = "N", default_value_t = montecarlo::DEFAULT_SAMPLES as u32, allow_negative_numbers = true,
          value_parser = super::numbers::whole::<u32>(1, montecarlo::MAX_SAMPLES as i64))]
    pub samples: u32,
    /// With ranges: the seed of the samples; the same seed gives the same percentiles.
    #[arg(long, value_name = "N", default_value_t = montecarlo::DEFAULT_SEED, allow_negative_numbers = true,
          value_parser = super::numbers::seed)]
    pub seed: u64,
    /// With ranges: what drives one output, as bars (a tornado chart), widest first; e.g.
    /// --tornado traffic.peak_qps.
    #[arg(long, value_name = "OUTPUT_ID", conflicts_with_all = ["list_inputs", "engines"])]
    pub tornado: Option<String>,
}

/// Checks a `--set` argument's shape (clap reports a bad one as a usage error, exit 2).
fn assignment(arg: &str) -> Result<String, String> {
    match arg.split_once('=') {
        Some((path, _)) if path.contains('.') => Ok(arg.to_string()),
        _ => Err(format!(
            "`{arg}` is not section.key=value; write, for example, --set traffic.dau=200M (an empty value unsets an input)"
        )),
    }
}

/// Reads the scenario named by `arg` (a file or a preset id) with the text it was read from.
pub fn resolve_with_text(arg: &str) -> Result<(String, Scenario), ScenarioError> {
    let path = Path::new(arg);
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(one_error(
                arg,
                "is a directory".into(),
                "give a scenario file (.toml) or a preset id",
            ));
        }
        Ok(m) if m.is_file() => {
            let text = std::fs::read_to_string(path).map_err(|e| read_error(arg, &e))?;
            let s = scenario::load_str(&text, arg)?;
            return Ok((text, s));
        }
        Ok(_) => {
            return Err(one_error(
                arg,
                "is not a regular file (a device, a pipe or a socket)".into(),
                "give a scenario file (.toml); to read a pipe, give - and redirect it: napkin calc - < my.toml",
            ));
        }
        // The name is there, but following it fails: a link to nothing, or a loop of links.
        Err(e) if std::fs::symlink_metadata(path).is_ok() => {
            let problem = if e.kind() == std::io::ErrorKind::NotFound {
                "is a link to a file that does not exist".to_string()
            } else {
                format!("cannot be opened: {e}")
            };
            return Err(one_error(
                arg,
                problem,
                "point the link at a scenario file, or give the file itself",
            ));
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(one_error(
                arg,
                format!("cannot be opened: {e}"),
                "check the path and its permissions",
            ));
        }
        Err(_) => {}
    }
    if arg.contains('/') || arg.ends_with(".toml") {
        return Err(one_error(
            arg,
            "no such file".into(),
            "check the path, or give a preset id from `napkin presets list`",
        ));
    }
    let p = presets::find(arg, presets::user_dir().as_deref())?;
    let s = p.load()?;
    Ok((p.text, s))
}

/// Reads the scenario named by `arg`: "-" is standard input, an existing path a file, anything
/// else a preset id.
pub fn resolve(arg: &str) -> Result<Scenario, ScenarioError> {
    if arg == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| {
            one_error(
                "<stdin>",
                format!("cannot read standard input: {e}"),
                "pipe a scenario file in, such as `napkin calc - < my.toml`",
            )
        })?;
        return scenario::load_str(&text, Origin::Stdin);
    }
    resolve_with_text(arg).map(|(_, s)| s)
}

/// Why a scenario file could not be read, and what to do.
fn read_error(arg: &str, e: &std::io::Error) -> ScenarioError {
    if e.kind() == std::io::ErrorKind::InvalidData {
        one_error(
            arg,
            "is not UTF-8 text".into(),
            "a scenario is a TOML file saved as UTF-8",
        )
    } else {
        one_error(
            arg,
            format!("cannot read the file: {e}"),
            "check the path and its permissions",
        )
    }
}

fn one_error(location: &str, problem: String, hint: &str) -> ScenarioError {
    let origin = if location == "<stdin>" {
        Origin::Stdin
    } else {
        Origin::File(location.to_string())
    };
    ScenarioError(vec![scenario::Diagnostic {
        location: Location::Text { origin, at: None },
        problem,
        hint: hint.to_string(),
        ..Default::default()
    }])
}

/// The scenario `napkin calc --set …` starts from: no sections but the serving defaults, which
/// `--set` fills in (`--set embeddings.vectors=10B --set embeddings.dim=256`).
fn from_scratch() -> Scenario {
    let mut s = Scenario::default();
    s.meta.id = "scratch".into();
    s.meta.title = "From --set".into();
    s.provenance.origin = Origin::Arguments;
    s
}

/// The RAM of one index node a quick question assumes when it gives none: a large
/// memory-optimised server, in round decimal units as an interviewer would say it
/// (`--set index.node_memory=…` changes it). Shown as a default.
const DEFAULT_NODE_MEMORY: f64 = 256e9;

/// Applies every `--set` and validates the result.
///
/// A section `--set` adds is not in any file, so its problems point at the `--set` that added it
/// and say what to `--set`; an [index] it adds, or that a quick question (no scenario, only `--set`)
/// needs to answer "does it fit in RAM?", starts as a flat index on nodes of
/// [`DEFAULT_NODE_MEMORY`], marked as defaults. The error is worded for the command line.
pub fn apply_overrides(s: &mut Scenario, sets: &[String], quick: bool) -> Result<(), String> {
    let flagged: Vec<(&str, &str)> = sets.iter().map(|a| ("--set", a.as_str())).collect();
    apply_flagged(s, &flagged, quick)
}

/// [`apply_overrides`] with each override's flag (`--set`, `compare`'s `--set-a`), which the
/// errors name.
pub fn apply_flagged(s: &mut Scenario, sets: &[(&str, &str)], quick: bool) -> Result<(), String> {
    let had = present_sections(s);
    let mut errors = Vec::new();
    for &(flag, arg) in sets {
        let Some((path, value)) = overrides::split_assignment(arg) else {
            errors.push(words::no_equals(flag, arg));
            continue;
        };
        if let Err(mut d) = overrides::set(s, path, value) {
            if flag != "--set" {
                d.location = Location::Argument(flag.to_string());
            }
            errors.push(words::diagnostic(&d, true));
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    if quick && s.embeddings.is_some() && s.index.is_none() {
        s.index = Some(scenario::Index {
            kind: scenario::IndexKind::Flat,
            ..Default::default()
        });
    }
    let index = scenario::schema::Section::Index.path();
    if let Some(ix) = s.index.as_mut().filter(|_| !had.contains(&index))
        && ix.node_memory.value == 0.0
    {
        ix.node_memory = crate::units::bytes(DEFAULT_NODE_MEMORY);
    }
    let mut errors = scenario::validate::validate(s);
    for d in &mut errors {
        // A problem with an overridden input names the flag that gave it.
        let flag = d.subject.input().and_then(|p| {
            sets.iter()
                .find(|(_, a)| overrides::split_assignment(a).is_some_and(|(q, _)| *p == q))
        });
        if let (Location::Override, Some(&(flag, _))) = (&d.location, flag)
            && flag != "--set"
        {
            d.location = Location::Argument(flag.to_string());
        }
    }
    let now = present_sections(s);
    let mut via_set = vec![false; errors.len()];
    for (d, via_set) in errors.iter_mut().zip(&mut via_set) {
        let Some(section) = d.subject.section() else {
            continue;
        };
        // A section, or a list section's entry (`corpus.images`): each is added whole.
        let section = if section.section.is_list() {
            section
        } else {
            SectionPath::new(section.section, None)
        };
        if had.contains(&section) || !now.contains(&section) {
            continue;
        }
        *via_set = true;
        if d.subject
            .input()
            .is_none_or(|p| s.provenance.source(p).is_none())
        {
            // The user never wrote this key: name the `--set` that brought its section in.
            let key = section.to_string();
            let added_by = sets.iter().find(|(_, a)| {
                a.strip_prefix(key.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
            });
            d.location = added_by.map_or(Location::Override, |(flag, a)| {
                Location::Argument(format!("{flag} {a}"))
            });
            d.subject = scenario::Subject::Scenario;
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = errors
        .iter_mut()
        .zip(via_set)
        .map(|(d, via_set)| {
            let moved = sets
                .first()
                .is_some_and(|&(flag, _)| words::at_flag_on_preset(d, flag));
            words::diagnostic(d, via_set || moved || d.location == Location::Override)
        })
        .collect();
    Err(lines.join("\n"))
}

/// The sections `s` has, and the entries of its list sections (`corpus.videos`).
fn present_sections(s: &Scenario) -> Vec<SectionPath> {
    scenario::registry::ROWS
        .iter()
        .flat_map(|r| r.entries(s))
        .collect()
}

/// The values `--given` gives, read against the estimate's outputs.
fn givens(s: &Scenario, args: &[String]) -> Result<Vec<(crate::estimate::OutputId, f64)>, String> {
    if args.is_empty() {
        return Ok(Vec::new());
    }
    let (_, outputs) = crate::estimate::explain(s);
    let mut givens = Vec::with_capacity(args.len());
    let mut errors = Vec::new();
    for arg in args {
        match crate::estimate::given::parse(&outputs, arg) {
            Ok((id, value)) => {
                givens.retain(|(g, _)| *g != id);
                givens.push((id, value));
            }
            Err(e) => errors.push(words::given(arg, &e)),
        }
    }
    if errors.is_empty() {
        Ok(givens)
    } else {
        Err(errors.join("\n"))
    }
}

pub fn run(args: &CalcArgs, host: super::Host, out: &mut dyn Write) -> Result<(), String> {
    if args.list_inputs && args.scenario.is_none() && args.set.is_empty() {
        return super::inputs::catalogue(None, args.format, host, out);
    }
    let mut s = match &args.scenario {
        Some(arg) => resolve(arg).map_err(|e| words::error(&e))?,
        None => from_scratch(),
    };
    apply_overrides(&mut s, &args.set, args.scenario.is_none())?;
    let style = if args.binary {
        Style::Binary
    } else {
        Style::Decimal
    };
    if args.list_inputs {
        return super::inputs::values(&s, style, args.format, host, out);
    }
    let givens = givens(&s, &args.given)?;
    let mut report = Report::build_given(&s, style, &givens)
        .map_err(|e| format!("error: {}", words::evaluation(&e)))?;
    let options = montecarlo::Options {
        samples: args.samples as usize,
        seed: args.seed,
    };
    report
        .sample(&s, &mut montecarlo::MonteCarlo::default(), options)
        .map_err(|e| format!("error: {}", words::evaluation(&e)))?;
    let layout = if host.stdout_is_terminal {
        json::Layout::Pretty
    } else {
        json::Layout::Compact
    };
    if args.engines {
        let c =
            engines::Comparison::new(&s, &report).map_err(|e| words::no_index(&report.id, &e))?;
        let rendered = match args.format {
            Format::Text => engines::text(&c),
            Format::Json => engines::json(&c, layout) + "\n",
            Format::Markdown => engines::markdown(&c),
        };
        return super::write_doc(out, &rendered).map_err(|e| e.to_string());
    }
    if let Some(id) = &args.tornado {
        let (o, spread) = tornado::find(&report, id).map_err(|m| words::tornado(&m))?;
        let rendered = match args.format {
            Format::Text => tornado::text(&report, o, spread),
            Format::Json => tornado::json(&report, o, spread, layout),
            Format::Markdown => tornado::markdown(&report, o, spread),
        };
        return super::write_doc(out, &rendered).map_err(|e| e.to_string());
    }
    let rendered = match args.format {
        Format::Json => {
            // Streamed: the JSON of a large scenario is never built as one string.
            let written = json::write(&report, layout, out)
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| e.to_string());
            if host.exits_after {
                std::mem::forget((s, report));
            }
            return written;
        }
        Format::Text => text::render(
            &report,
            if args.brief {
                text::Detail::Brief
            } else {
                text::Detail::Full
            },
        ),
        Format::Markdown => markdown::render(&report),
    };
    let written = super::write_doc(out, &rendered).map_err(|e| e.to_string());
    if host.exits_after {
        // Freeing the scenario and the report allocation by allocation would cost more than
        // the estimate itself; the process's exit frees them at once.
        std::mem::forget((s, report, rendered));
    }
    written
}

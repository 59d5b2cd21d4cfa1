//! `napkin sweep`: the estimate with one input (or two, a grid) stepped across a span, and where
//! an output crosses a threshold.

use super::calc;
use super::sweep_out::{self, View};
use super::words;
use crate::report::Report;
use crate::scenario::schema::FieldKind;
use crate::scenario::{Diagnostic, InputPath, Location, Scenario, overrides, registry};
use crate::units::{self, Style};
use crate::whatif::sweep::{Axis, Condition, MAX_ROWS, MAX_STEPS, Spacing, Sweep, Sweeper};
use std::io::Write;

#[derive(clap::Args, Debug)]
pub struct SweepArgs {
    /// A preset id (`napkin presets list`), a path to a scenario file, or - for standard input.
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(super::complete::scenario))]
    pub scenario: String,
    /// An input and the span to step it across, ends read in the input's kind:
    /// traffic.dau=100M..1B, stage.ranking.latency=30ms..80ms. Twice for a grid.
    #[arg(long = "vary", value_name = "PATH=LO..HI", required = true, value_parser = span)]
    pub vary: Vec<String>,
    /// Values each input takes, both ends included (2 to 1,000; with two --vary at most 100).
    #[arg(long, default_value_t = 5, allow_negative_numbers = true, value_parser = super::numbers::whole::<u16>(2, MAX_STEPS as i64))]
    pub steps: u16,
    /// Space the values by equal ratios (100M, 200M, 400M) instead of equal differences.
    #[arg(long)]
    pub log: bool,
    /// An output to show, by id, or a section for all of its outputs (fleet); repeatable.
    /// Without it JSON and CSV have every output, text and Markdown the headline outputs that move.
    #[arg(long = "output", value_name = "ID")]
    pub output: Vec<String>,
    /// A threshold to find along the first --vary: "<output id> <op> <value>" with >, >=, < or
    /// <=, the value in the output's kind ("index.shards > 1", "storage.total >= 1 PB").
    /// Reports the smallest value at which it holds, bisected between the steps.
    #[arg(long, value_name = "CONDITION", value_parser = condition)]
    pub until: Option<String>,
    /// Override an input first: section.key=value (repeatable), as for calc.
    #[arg(long = "set", value_name = "PATH=VALUE", value_parser = assignment)]
    pub set: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: SweepFormat,
    /// Text and Markdown: sizes in binary units (GiB) instead of decimal (GB).
    #[arg(long)]
    pub binary: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SweepFormat {
    #[default]
    Text,
    Json,
    Csv,
    Markdown,
}

/// Checks a `--set` argument's shape (clap reports a bad one as a usage error, exit 2).
pub(super) fn assignment(arg: &str) -> Result<String, String> {
    match arg.split_once('=') {
        Some((path, _)) if path.contains('.') => Ok(arg.to_string()),
        _ => Err(format!(
            "`{arg}` is not section.key=value; write, for example, --set traffic.dau=200M"
        )),
    }
}

/// Checks a `--vary` argument's shape: `section.key=lo..hi`.
fn span(arg: &str) -> Result<String, String> {
    match arg.split_once('=') {
        Some((path, span)) if path.contains('.') && span.contains("..") => Ok(arg.to_string()),
        Some((path, _)) if path.contains('.') => Err(format!(
            "`{arg}` has no span; write both ends, low first: --vary {}=<lo>..<hi>, such as traffic.dau=100M..1B",
            path.trim()
        )),
        _ => Err(format!(
            "`{arg}` is not section.key=lo..hi; write, for example, --vary traffic.dau=100M..1B"
        )),
    }
}

/// Checks a `--until` argument's shape: an output id, an operator and a value.
fn condition(arg: &str) -> Result<String, String> {
    match Condition::split(arg) {
        Some(_) => Ok(arg.to_string()),
        None => Err(format!(
            "`{arg}` is not a condition; write \"<output id> <op> <value>\" with >, >=, < or <=, such as \"index.shards > 1\""
        )),
    }
}

/// What clap cannot check: how many inputs, and how many points. A message here is a usage
/// error (exit 2).
pub fn check(args: &SweepArgs) -> Result<(), String> {
    match args.vary.len() {
        0..=1 => Ok(()),
        2 if usize::from(args.steps).pow(2) <= MAX_ROWS => Ok(()),
        2 => Err(format!(
            "a grid of {0} × {0} steps is {1} points, over {MAX_ROWS}; with two --vary take --steps 100 or fewer",
            args.steps,
            usize::from(args.steps).pow(2)
        )),
        n => Err(format!(
            "--vary is given {n} times; a sweep steps one input, or two for a grid"
        )),
    }
}

/// An error as calc writes one, located at `place` unless it names a place of its own; a place
/// in a built-in preset, which the user has no file of, is `place` on the preset.
fn located(mut d: Diagnostic, place: &str) -> String {
    if matches!(d.location, Location::Program | Location::Override) {
        d.location = Location::Argument(place.to_string());
    }
    let moved = words::at_flag_on_preset(&mut d, place);
    words::diagnostic(&d, moved)
}

/// The axis `--vary arg` asks for, read by the input's kind; a section the scenario lacks is
/// added, as `--set` adds it.
fn axis(s: &mut Scenario, arg: &str, steps: usize, spacing: Spacing) -> Result<Axis, Diagnostic> {
    let (path, text) = arg.split_once('=').unwrap_or((arg, ""));
    let (path, text) = (path.trim(), text.trim());
    let path = overrides::parse_path(s, path)?;
    if overrides::resolve(s, &path).is_none() {
        // A choice of a section the scenario lacks: said as for one it has, not as a bad choice.
        if let Some(kind) = schema_kind(&path).filter(|k| !matches!(k, FieldKind::Quantity(_))) {
            return Err(crate::whatif::sweep::not_a_quantity(&path, kind));
        }
        // An input of a section the scenario does not have: `--set`'s reading adds the section.
        overrides::set_path(s, &path, text)?;
    }
    let kind = match overrides::resolve(s, &path).map(|at| at.kind) {
        Some(FieldKind::Quantity(kind)) => kind,
        // Not a quantity, or not there: the axis says why.
        _ => return Axis::new(s, &path, (0.0, 0.0), steps, spacing),
    };
    // Both ends as a file reads them: units of the kind, low end first, 0 where it means nothing.
    overrides::set_path(s, &path, text)?;
    s.set_range(&path, None);
    let (lo, hi) = match units::parse_range(text, kind) {
        Some(Ok(span)) => (span.lo, span.hi),
        _ => (f64::NAN, f64::NAN),
    };
    Axis::new(s, &path, (lo, hi), steps, spacing)
}

/// The kind of the input at `path` by the schema alone, whether or not the scenario has its
/// section (`stage.ranking.mode` → a choice).
fn schema_kind(path: &InputPath) -> Option<FieldKind> {
    registry::row(path.section)
        .field_named(path.key)
        .map(|(_, f)| f.kind)
}

/// The columns `--output` names: an id, or a section's key for all of its outputs, in the order
/// given; `None` without `--output`.
fn picked(asked: &[String], sweeper: &Sweeper) -> Result<Option<Vec<usize>>, String> {
    if asked.is_empty() {
        return Ok(None);
    }
    let columns = sweeper.columns();
    let mut picked = Vec::new();
    for id in asked {
        let id = id.trim();
        let prefix = format!("{id}.");
        let found: Vec<usize> = match columns.iter().position(|c| c.id == id) {
            Some(i) => vec![i],
            None => (0..columns.len())
                .filter(|&i| columns[i].id.to_string().starts_with(&prefix))
                .collect(),
        };
        if found.is_empty() {
            let ids: Vec<String> = columns.iter().map(|c| c.id.to_string()).collect();
            let hint = crate::scenario::diagnostic::suggest_or(
                id,
                ids.iter().map(String::as_str),
                "`napkin sweep … --format csv` lists every output id in its header",
            );
            return Err(located(
                Diagnostic {
                    subject: crate::scenario::Subject::Named(id.to_string()),
                    problem: format!("no output `{id}` in this scenario"),
                    hint,
                    ..Default::default()
                },
                "--output",
            ));
        }
        for i in found {
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
    }
    Ok(Some(picked))
}

/// Outputs worth a column for people when none is asked for: the headline outputs, then any
/// other, among those the sweep moves (the threshold's output first).
const HEADLINES: [&str; 22] = [
    "traffic.peak_qps",
    "storage.total",
    "index.memory",
    "index.shards",
    "index.nodes",
    "fleet.total_servers",
    "latency.total",
    "latency.budget_used",
    "training.wall_time",
    "training.cost",
    "embedding_tables.memory",
    "embedding_tables.devices",
    "feature_store.nodes",
    "experiment.duration",
    "labelling.annotators",
    "cache.hit_ratio",
    "cache.backend_qps",
    "llm.time_per_output_token",
    "llm.response_time",
    "llm.devices",
    "llm.cost_per_million_tokens",
    "diffusion.devices",
];

/// At most this many output columns in text and Markdown unless `--output` asks for more.
pub const DEFAULT_COLUMNS: usize = 5;

/// The columns text and Markdown show without `--output`, in section order, and how many
/// outputs the sweep moves in all.
fn readable_columns(sweep: &Sweep, until: Option<&Condition>) -> (Vec<usize>, usize) {
    let moving: Vec<usize> = (0..sweep.columns.len())
        .filter(|&c| sweep.moves(c))
        .collect();
    let headline = |c: &usize| HEADLINES.iter().any(|h| sweep.columns[*c].id == *h);
    let mut pick: Vec<usize> = until
        .and_then(|u| sweep.column(&u.output))
        .into_iter()
        .collect();
    let candidates: Vec<usize> = if moving.is_empty() {
        // Nothing moves: the headline values, the same on every row.
        (0..sweep.columns.len()).filter(headline).collect()
    } else {
        let (first, rest): (Vec<usize>, Vec<usize>) = moving.iter().partition(|c| headline(c));
        first.into_iter().chain(rest).collect()
    };
    for c in candidates {
        if pick.len() >= DEFAULT_COLUMNS {
            break;
        }
        if !pick.contains(&c) {
            pick.push(c);
        }
    }
    pick.sort_unstable();
    (pick, moving.len())
}

pub fn run(args: &SweepArgs, host: super::Host, out: &mut dyn Write) -> Result<(), String> {
    let mut s = calc::resolve(&args.scenario).map_err(|e| words::error(&e))?;
    calc::apply_overrides(&mut s, &args.set, false)?;
    // The scenario as given must estimate; if not, calc's error says which input.
    Report::build(&s, Style::Decimal).map_err(|e| format!("error: {}", words::evaluation(&e)))?;
    let (id, title) = (s.meta.id.clone(), s.meta.title.clone());
    let spacing = if args.log {
        Spacing::Log
    } else {
        Spacing::Linear
    };
    // The inputs before --vary: a section it adds is to be completed with --set.
    let before = overrides::paths(&s);
    let mut axes = Vec::with_capacity(args.vary.len());
    for arg in &args.vary {
        let a = axis(&mut s, arg, usize::from(args.steps), spacing)
            .map_err(|d| located(d, &format!("--vary {arg}")))?;
        axes.push(a);
    }
    // Ranges in the scenario stay at their medians: a sweep steps plain values.
    let held: Vec<String> = s
        .ranges
        .iter()
        .filter(|r| !axes.iter().any(|a| a.path == r.path))
        .map(|r| {
            let iv = r.interval;
            format!(
                "{} = {}",
                r.path,
                crate::units::Human::new(iv.median(), iv.kind)
            )
        })
        .collect();
    let mut sweeper = Sweeper::new(s, axes).map_err(|d| located(d, "--vary"))?;
    sweeper.validate_corners().map_err(|mut d| {
        // A problem with a swept input is the span's; any other stays where it was written.
        let input = d.subject.input().cloned();
        let swept = sweeper
            .axes()
            .iter()
            .position(|a| input.as_ref() == Some(&a.path));
        // A section --vary added: the problem's input was not there before.
        let section = d.subject.section().map(|p| p.section);
        let added = input.filter(|p| !before.contains(p)).and_then(|_| {
            args.vary.iter().find(|v| {
                section.is_some_and(|sec| {
                    v.trim_start()
                        .strip_prefix(sec.key())
                        .is_some_and(|rest| rest.starts_with('.'))
                })
            })
        });
        if let Some(arg) = swept.and_then(|k| args.vary.get(k)) {
            d.location = Location::Argument(format!("--vary {arg}"));
        } else if let Some(arg) = added {
            d.location = Location::Argument(format!("--vary {arg}"));
            return words::diagnostic(&d, true);
        }
        located(d, "--vary")
    })?;
    let condition = match &args.until {
        Some(text) => {
            Some(Condition::parse(text, sweeper.columns()).map_err(|d| located(d, "--until"))?)
        }
        None => None,
    };
    let asked = picked(&args.output, &sweeper)?;
    let sweep = sweeper.run().map_err(|d| located(d, "--vary"))?;
    let until = match &condition {
        Some(c) => Some(
            sweeper
                .until(&sweep, c)
                .map_err(|d| located(d, "--until"))?,
        ),
        None => None,
    };
    let readable = matches!(args.format, SweepFormat::Text | SweepFormat::Markdown);
    let (columns, moving) = match asked {
        Some(columns) => (columns, None),
        None if readable => {
            let (columns, moving) = readable_columns(&sweep, condition.as_ref());
            (columns, Some(moving))
        }
        None => ((0..sweep.columns.len()).collect(), None),
    };
    let view = View {
        id: &id,
        title: &title,
        sweep: &sweep,
        columns: &columns,
        moving,
        until: until.as_ref(),
        held: &held,
        style: if args.binary {
            Style::Binary
        } else {
            Style::Decimal
        },
    };
    let readable = |write: fn(&View) -> String| write(&view);
    let written = match args.format {
        SweepFormat::Text => super::write_doc(out, &readable(sweep_out::text)),
        SweepFormat::Markdown => super::write_doc(out, &readable(sweep_out::markdown)),
        SweepFormat::Csv => super::write_doc(out, &sweep_out::csv(&view)),
        SweepFormat::Json => sweep_out::json(&view, host.stdout_is_terminal, out),
    };
    written.map_err(|e| e.to_string())
}

//! `napkin compare`: two scenarios side by side, every output with its value in each and b ÷ a.

use super::Format;
use super::calc;
use super::words;
use crate::report::Report;
use crate::report::markdown::cell;
use crate::report::ratio::Ratio;
use crate::scenario::Location;
use crate::scenario::diagnostic::OneLine;
use crate::units::{Human, Style};
use crate::whatif::compare::{self, Row};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Scenario a: a preset id, a path to a scenario file, or - for standard input.
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(super::complete::scenario))]
    pub a: String,
    /// Scenario b, compared with a (ratios are b ÷ a); the same as a to see what --set-b changes.
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(super::complete::scenario))]
    pub b: String,
    /// Override an input in both scenarios: section.key=value (repeatable), before --set-a and --set-b.
    #[arg(long = "set", value_name = "PATH=VALUE", value_parser = super::sweep::assignment)]
    pub set: Vec<String>,
    /// Override an input in scenario a only (repeatable).
    #[arg(long = "set-a", value_name = "PATH=VALUE", value_parser = super::sweep::assignment)]
    pub set_a: Vec<String>,
    /// Override an input in scenario b only (repeatable), such as traffic.dau=600M.
    #[arg(long = "set-b", value_name = "PATH=VALUE", value_parser = super::sweep::assignment)]
    pub set_b: Vec<String>,
    /// Only the outputs whose values differ.
    #[arg(long)]
    pub changed: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Text and Markdown: sizes in binary units (GiB) instead of decimal (GB).
    #[arg(long)]
    pub binary: bool,
}

/// What clap cannot check; a message here is a usage error (exit 2).
pub fn check(args: &CompareArgs) -> Result<(), String> {
    if args.a == "-" && args.b == "-" {
        return Err(
            "only one scenario can come from standard input; give the other as a file or a preset id"
                .into(),
        );
    }
    Ok(())
}

/// One side: its report and the overrides it was given, as typed.
struct Side {
    report: Report,
    sets: Vec<String>,
}

/// Reads, overrides and estimates one side; errors from its own overrides name `--set-a` or
/// `--set-b`.
fn side(name: &'static str, arg: &str, both: &[String], own: &[String]) -> Result<Side, String> {
    let flag = format!("--set-{name}");
    let mut s = calc::resolve(arg).map_err(|e| words::error(&e))?;
    let sets: Vec<(&str, &str)> = both
        .iter()
        .map(|a| ("--set", a.as_str()))
        .chain(own.iter().map(|a| (flag.as_str(), a.as_str())))
        .collect();
    calc::apply_flagged(&mut s, &sets, false)?;
    let report = Report::build(&s, Style::Decimal).map_err(|mut e| {
        if let Some(c) = &mut e.culprit
            && c.location == Location::Override
            && own
                .iter()
                .any(|a| path_of(a) == Some(c.path.to_string().as_str()))
        {
            c.location = Location::Argument(flag.clone());
        }
        format!(
            "error: scenario {name} ({}): {}",
            s.meta.id,
            words::evaluation(&e)
        )
    })?;
    let mut shown: Vec<String> = both.iter().map(|a| format!("--set {a}")).collect();
    shown.extend(own.iter().map(|a| format!("{flag} {a}")));
    Ok(Side {
        report,
        sets: shown,
    })
}

/// The path of an override, "traffic.dau" in "traffic.dau=600M".
fn path_of(arg: &str) -> Option<&str> {
    arg.split_once('=').map(|(p, _)| p.trim())
}

pub fn run(args: &CompareArgs, host: super::Host, out: &mut dyn Write) -> Result<(), String> {
    let a = side("a", &args.a, &args.set, &args.set_a)?;
    let b = side("b", &args.b, &args.set, &args.set_b)?;
    let mut rows = compare::rows(a.report.side(), b.report.side());
    if args.changed {
        rows.retain(Row::changed);
    }
    let style = if args.binary {
        Style::Binary
    } else {
        Style::Decimal
    };
    let written = match args.format {
        Format::Text => {
            let rendered = text(&a, &b, &rows, style);
            super::write_doc(out, &rendered)
        }
        Format::Markdown => {
            let table = markdown(&a, &b, &rows, style);
            super::write_doc(out, &table)
        }
        Format::Json => json(&a, &b, &rows, host.stdout_is_terminal, out),
    };
    written.map_err(|e| e.to_string())
}

/// "Video Recommendation System  (video-recommendation; --set-b traffic.dau=600M)".
fn describe(side: &Side) -> String {
    let r = &side.report;
    let mut id = r.id.clone();
    for s in &side.sets {
        id.push_str(if id == r.id { "; " } else { ", " });
        id.push_str(s);
    }
    format!("{}  ({})", OneLine(&r.title), OneLine(&id))
}

/// A value in napkin's units, or "–" where the side has no such output.
fn value(x: Option<f64>, row: &Row, style: Style) -> String {
    x.map_or_else(
        || "–".into(),
        |x| Human::styled(x, row.kind, style).to_string(),
    )
}

fn ratio(row: &Row) -> String {
    row.ratio()
        .map_or_else(|| "–".into(), |r| Ratio(r).to_string())
}

/// Sections of aligned rows, as calc's text: the label, a, b, and b ÷ a.
fn text(a: &Side, b: &Side, rows: &[Row], style: Style) -> String {
    let mut out = format!("a  {}\nb  {}\n", describe(a), describe(b));
    let shown: Vec<&Row> = rows.iter().filter(|r| r.shown).collect();
    if shown.is_empty() {
        out.push_str("\nNo output differs.\n");
        return out;
    }
    let label = shown
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0)
        .max(20);
    let cells: Vec<[String; 3]> = shown
        .iter()
        .map(|r| [value(r.a, r, style), value(r.b, r, style), ratio(r)])
        .collect();
    let width = |i: usize, min: usize| {
        cells
            .iter()
            .map(|c| c[i].chars().count())
            .max()
            .unwrap_or(0)
            .max(min)
    };
    let (wa, wb, wr) = (width(0, 10), width(1, 10), width(2, 5));
    let _ = writeln!(
        out,
        "\n  {:label$}  {:>wa$}  {:>wb$}  {:>wr$}",
        "", "a", "b", "b ÷ a"
    );
    let mut section = None;
    for (r, [va, vb, vr]) in shown.iter().zip(&cells) {
        if section != Some(r.section) {
            let _ = writeln!(out, "\n{}", r.section.title().to_uppercase());
            section = Some(r.section);
        }
        let pad = label - r.label.chars().count();
        let _ = writeln!(
            out,
            "  {}{}  {va:>wa$}  {vb:>wb$}  {vr:>wr$}",
            r.label,
            " ".repeat(pad)
        );
    }
    out
}

/// One table: section, output, a, b, b ÷ a.
fn markdown(a: &Side, b: &Side, rows: &[Row], style: Style) -> String {
    let mut out = format!(
        "## {} vs {}\n\n- a: {}\n- b: {}\n\n",
        cell(&a.report.title),
        cell(&b.report.title),
        cell(&describe(a)),
        cell(&describe(b))
    );
    out.push_str("| Section | Output | a | b | b ÷ a |\n|---|---|---:|---:|---:|\n");
    for r in rows.iter().filter(|r| r.shown) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            r.section.title(),
            cell(&r.label),
            value(r.a, r, style),
            value(r.b, r, style),
            ratio(r)
        );
    }
    out
}

#[derive(Serialize)]
struct Document<'a> {
    a: SideJson<'a>,
    b: SideJson<'a>,
    rows: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct SideJson<'a> {
    id: &'a str,
    title: &'a str,
    /// The overrides this side was given, as typed with their flags.
    set: &'a [String],
}

#[derive(Serialize)]
struct RowJson<'a> {
    id: &'a crate::estimate::OutputId,
    label: &'a str,
    unit: &'a str,
    a: Option<f64>,
    b: Option<f64>,
    ratio: Option<f64>,
}

/// `{ "a": { id, title, set }, "b": { … }, "rows": [ { id, label, unit, a, b, ratio } ] }`, every
/// output of either side, null where a side has none (and for the ratio when a is 0).
fn json(
    a: &Side,
    b: &Side,
    rows: &[Row],
    pretty: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    fn side(s: &Side) -> SideJson<'_> {
        SideJson {
            id: &s.report.id,
            title: &s.report.title,
            set: &s.sets,
        }
    }
    let doc = Document {
        a: side(a),
        b: side(b),
        rows: rows
            .iter()
            .map(|r| RowJson {
                id: &r.id,
                label: &r.label,
                unit: r.kind.base_unit(),
                a: r.a,
                b: r.b,
                ratio: r.ratio(),
            })
            .collect(),
    };
    let mut out = std::io::BufWriter::new(out);
    crate::report::json_out::write(&mut out, &doc, crate::cli::sweep_out::layout(pretty))?;
    out.write_all(b"\n")?;
    out.flush()
}

//! A sweep written out: a table for people (text, Markdown, values in napkin's units), CSV and
//! JSON for scripts (base units, every output unless `--output` chose).

use crate::report::markdown::cell;
use crate::scenario::InputPath;
use crate::scenario::diagnostic::OneLine;
use crate::units::Style;
use crate::whatif::sweep::{Axis, Crossing, Spacing, Sweep, Until, shown_in};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt::Write as _;
use std::io::{self, Write};

/// What to write: the sweep, the columns chosen (indices into [`Sweep::columns`]) and the
/// threshold found, if one was asked for.
pub struct View<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub sweep: &'a Sweep,
    pub columns: &'a [usize],
    /// When the columns were chosen for people: how many outputs the sweep moves in all.
    pub moving: Option<usize>,
    pub until: Option<&'a Until>,
    /// The scenario's other ranges, each held at its median ("traffic.dau = 1B").
    pub held: &'a [String],
    /// How text and Markdown write sizes.
    pub style: Style,
}

/// "traffic.dau from 100M to 1B, 5 steps" (", by equal ratios" with log spacing).
fn describe(a: &Axis, style: Style) -> String {
    let shown = |x, k| shown_in(x, k, style);
    let ratios = if a.spacing == Spacing::Log {
        ", by equal ratios"
    } else {
        ""
    };
    format!(
        "{} from {} to {}, {} steps{ratios}",
        a.path,
        shown(a.span.lo, a.kind()),
        shown(a.span.hi, a.kind()),
        a.steps
    )
}

/// The cells of the table for people: the header, then each row, values in napkin's units.
fn cells(v: &View) -> Vec<Vec<String>> {
    let s = v.sweep;
    let shown = |x, k| shown_in(x, k, v.style);
    let mut rows = Vec::with_capacity(s.len() + 1);
    let header = s
        .axes
        .iter()
        .map(|a| a.path.to_string())
        .chain(v.columns.iter().map(|&c| s.columns[c].id.to_string()))
        .collect();
    rows.push(header);
    for r in 0..s.len() {
        let inputs = s.axes.iter().zip(s.inputs(r));
        let outputs = v.columns.iter().map(|&c| (&s.columns[c], s.outputs(r)[c]));
        let row = inputs
            .map(|(a, &x)| shown(x, a.kind()))
            .chain(outputs.map(|(col, x)| x.map_or_else(|| "–".into(), |x| shown(x, col.kind))))
            .collect();
        rows.push(row);
    }
    rows
}

/// Below the table: how the columns were chosen, when they were.
fn note(v: &View) -> Option<String> {
    let moving = v.moving?;
    let s = v.sweep;
    let shown = v.columns.iter().filter(|&&c| s.moves(c)).count();
    if moving == 0 {
        Some("No output changes across the span.".into())
    } else if moving > shown {
        Some(format!(
            "{shown} of the {moving} outputs that change; --output ID shows others, --format csv or json every output."
        ))
    } else {
        None
    }
}

/// The threshold found, in words: one line for one input, a line for each value of the others
/// in a grid.
fn until_lines(v: &View) -> Vec<String> {
    let Some(u) = v.until else {
        return Vec::new();
    };
    let s = v.sweep;
    let shown = |x, k| shown_in(x, k, v.style);
    let c = &u.condition;
    let condition = format!("{} {} {}", c.output, c.op.symbol(), shown(c.value, c.kind));
    let first = &s.axes[0];
    let at = |x: f64| shown(x, first.kind());
    let found = |x: &Crossing| match (x.first, x.between, x.reached) {
        (Some(f), Some((below, above)), _) => format!(
            "from {} = {} (bisected between the steps {} and {})",
            first.path,
            at(f),
            at(below),
            at(above)
        ),
        (Some(f), None, _) => format!("already at {} = {}, the low end", first.path, at(f)),
        (None, _, Some((lo, hi))) => {
            let runs = if lo == hi {
                format!("stays at {}", shown(lo, c.kind))
            } else {
                format!("runs from {} to {}", shown(lo, c.kind), shown(hi, c.kind))
            };
            format!(
                "nowhere from {} = {} to {}: {} {runs}",
                first.path,
                at(first.span.lo),
                at(first.span.hi),
                c.output
            )
        }
        (None, _, None) => format!("nowhere: {} is not computed in this span", c.output),
    };
    if s.axes.len() == 1 {
        return u
            .crossings
            .iter()
            .map(|x| format!("{condition} {}", found(x)))
            .collect();
    }
    let mut lines = vec![format!("{condition}, along {}:", first.path)];
    for x in &u.crossings {
        let others: Vec<String> = s.axes[1..]
            .iter()
            .zip(&x.others)
            .map(|(a, &y)| format!("{} = {}", a.path, shown(y, a.kind())))
            .collect();
        lines.push(format!("  at {}: {}", others.join(", "), found(x)));
    }
    lines
}

/// What is swept: "traffic.dau from 100M to 1B, 5 steps × …".
fn swept(v: &View) -> String {
    let axes: Vec<String> = v.sweep.axes.iter().map(|a| describe(a, v.style)).collect();
    let mut text = axes.join(" × ");
    if !v.held.is_empty() {
        let _ = write!(
            text,
            "; the scenario's other ranges at their medians: {}",
            v.held.join(", ")
        );
    }
    text
}

/// A table with aligned, right-justified columns.
pub fn text(v: &View) -> String {
    let mut out = format!(
        "{}  ({})\n{}\n\n",
        OneLine(v.title),
        OneLine(v.id),
        swept(v)
    );
    let rows = cells(v);
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (i, (text, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let _ = write!(line, "{text:>w$}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if let Some(note) = note(v) {
        let _ = writeln!(out, "\n{note}");
    }
    let until = until_lines(v);
    if !until.is_empty() {
        out.push('\n');
        for line in until {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

/// A Markdown table, the threshold below it.
pub fn markdown(v: &View) -> String {
    let mut out = format!(
        "## {} (`{}`)\n\n{}\n\n",
        cell(v.title),
        v.id,
        cell(&swept(v))
    );
    let rows = cells(v);
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
        if i == 0 {
            let _ = writeln!(out, "|{}", "---:|".repeat(row.len()));
        }
    }
    if let Some(note) = note(v) {
        let _ = writeln!(out, "\n{note}");
    }
    let until = until_lines(v);
    if !until.is_empty() {
        out.push('\n');
        for line in until {
            // A grid's lines, one for each value of the other input, make a list.
            match line.strip_prefix("  ") {
                Some(item) => {
                    let _ = writeln!(out, "- {}", cell(item));
                }
                None => {
                    let _ = writeln!(out, "{}\n", cell(&line));
                }
            }
        }
    }
    out
}

/// A number in base units as CSV writes it: whole numbers in full, others as Rust writes an
/// f64 (the shortest text that reads back the same).
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x:?}")
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A header of ids (the inputs', then the outputs'), then one line a row in base units; a
/// missing output is an empty field.
pub fn csv(v: &View) -> String {
    let s = v.sweep;
    let mut out = String::new();
    let header: Vec<String> = s
        .axes
        .iter()
        .map(|a| field(&a.path.to_string()))
        .chain(
            v.columns
                .iter()
                .map(|&c| field(&s.columns[c].id.to_string())),
        )
        .collect();
    let _ = writeln!(out, "{}", header.join(","));
    for r in 0..s.len() {
        let row: Vec<String> = s
            .inputs(r)
            .iter()
            .map(|&x| number(x))
            .chain(
                v.columns
                    .iter()
                    .map(|&c| s.outputs(r)[c].map_or_else(String::new, number)),
            )
            .collect();
        let _ = writeln!(out, "{}", row.join(","));
    }
    out
}

/// Indented for a terminal, one line for a pipe.
pub fn layout(pretty: bool) -> crate::report::json_out::Layout {
    use crate::report::json_out::Layout;
    if pretty {
        Layout::Pretty
    } else {
        Layout::Compact
    }
}

/// The JSON document, indented for a terminal.
pub fn json(v: &View, pretty: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    crate::report::json_out::write(&mut out, &Document(v), layout(pretty))?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `{ "scenario", "vary", "steps", "spacing", "units", "rows", "until" }`.
struct Document<'a>(&'a View<'a>);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        let s = v.sweep;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("scenario", &Scenario(v))?;
        let vary: Vec<&InputPath> = s.axes.iter().map(|a| &a.path).collect();
        m.serialize_entry("vary", &vary)?;
        m.serialize_entry("steps", &s.axes.first().map_or(0, |a| a.steps))?;
        let log = s.axes.first().is_some_and(|a| a.spacing == Spacing::Log);
        m.serialize_entry("spacing", if log { "log" } else { "linear" })?;
        m.serialize_entry("units", &Units(v))?;
        m.serialize_entry("rows", &Rows(v))?;
        if let Some(u) = v.until {
            m.serialize_entry("until", &UntilJson(v, u))?;
        }
        m.end()
    }
}

struct Scenario<'a>(&'a View<'a>);

impl Serialize for Scenario<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(Some(2))?;
        m.serialize_entry("id", self.0.id)?;
        m.serialize_entry("title", self.0.title)?;
        m.end()
    }
}

/// The base unit of each input and output, by id.
struct Units<'a>(&'a View<'a>);

impl Serialize for Units<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = self.0.sweep;
        let mut m = ser.serialize_map(None)?;
        for a in &s.axes {
            m.serialize_entry(&a.path, a.kind().base_unit())?;
        }
        for &c in self.0.columns {
            m.serialize_entry(&s.columns[c].id, s.columns[c].kind.base_unit())?;
        }
        m.end()
    }
}

struct Rows<'a>(&'a View<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = self.0.sweep;
        let mut seq = ser.serialize_seq(Some(s.len()))?;
        for r in 0..s.len() {
            seq.serialize_element(&Row(self.0, r))?;
        }
        seq.end()
    }
}

/// `{ "inputs": { path: value }, "outputs": { id: value or null } }`.
struct Row<'a>(&'a View<'a>, usize);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(Some(2))?;
        m.serialize_entry("inputs", &Inputs(self.0, self.1))?;
        m.serialize_entry("outputs", &Outputs(self.0, self.1))?;
        m.end()
    }
}

struct Inputs<'a>(&'a View<'a>, usize);

impl Serialize for Inputs<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = self.0.sweep;
        let mut m = ser.serialize_map(Some(s.axes.len()))?;
        for (a, x) in s.axes.iter().zip(s.inputs(self.1)) {
            m.serialize_entry(&a.path, x)?;
        }
        m.end()
    }
}

struct Outputs<'a>(&'a View<'a>, usize);

impl Serialize for Outputs<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = self.0.sweep;
        let values = s.outputs(self.1);
        let mut m = ser.serialize_map(Some(self.0.columns.len()))?;
        for &c in self.0.columns {
            m.serialize_entry(&s.columns[c].id, &values[c])?;
        }
        m.end()
    }
}

/// `{ "output", "op", "value", "first", "between" }`: for one input, `first` is `{ path: value }`
/// or null and `between` the two steps bisected between, or null; for a grid each is a list,
/// one entry a value of the other input, `first` then `{ other: value, path: value or null }`.
struct UntilJson<'a>(&'a View<'a>, &'a Until);

impl Serialize for UntilJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let (axes, u) = (&self.0.sweep.axes, self.1);
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("output", &u.condition.output)?;
        m.serialize_entry("op", u.condition.op.symbol())?;
        m.serialize_entry("value", &u.condition.value)?;
        if axes.len() == 1 {
            let x = u.crossings.first();
            let first = x.and_then(|x| x.first).map(|f| First(axes, &[], Some(f)));
            m.serialize_entry("first", &first)?;
            m.serialize_entry("between", &x.and_then(|x| x.between))?;
        } else {
            let firsts: Vec<First> = u
                .crossings
                .iter()
                .map(|x| First(axes, &x.others, x.first))
                .collect();
            m.serialize_entry("first", &firsts)?;
            let between: Vec<Option<(f64, f64)>> = u.crossings.iter().map(|x| x.between).collect();
            m.serialize_entry("between", &between)?;
        }
        m.end()
    }
}

/// The point where a condition starts to hold: the other axes' values, then the first axis's.
struct First<'a>(&'a [Axis], &'a [f64], Option<f64>);

impl Serialize for First<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let First(axes, others, first) = self;
        let mut m = ser.serialize_map(Some(axes.len()))?;
        for (a, y) in axes[1..].iter().zip(*others) {
            m.serialize_entry(&a.path, y)?;
        }
        m.serialize_entry(&axes[0].path, first)?;
        m.end()
    }
}

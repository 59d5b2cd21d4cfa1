//! An estimate made readable: each output with its display and napkin values, its derivation
//! and the sources of its inputs; the warnings. [`text`], [`json`] and [`markdown`] write it.

pub mod json;
pub mod markdown;
pub mod table;
pub mod text;

use crate::estimate::{self, Estimate, Output, Warning};
use crate::scenario::overrides;
use crate::scenario::schema::{FieldKind, Value};
use crate::scenario::{Scenario, Source};
use crate::units::Kind;
use crate::units::format::{Human, Style};

/// The families of outputs, in the order reports print them.
pub const SECTIONS: [(&str, &str); 14] = [
    ("traffic", "Traffic"),
    ("storage", "Storage"),
    ("graph", "Graph"),
    ("bandwidth", "Bandwidth"),
    ("index", "Vector index"),
    ("fleet", "Fleet"),
    ("latency", "Latency"),
    ("sampling", "Sampling"),
    ("training", "Training"),
    ("embedding_tables", "Embedding tables"),
    ("feature_store", "Feature store"),
    ("experiment", "Experiment"),
    ("labelling", "Labelling"),
    ("cache", "Cache"),
];

/// One input as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct InputLine {
    pub path: String,
    pub display: String,
    pub source: Option<Source>,
    /// Written in the file or set on the command line (else a default).
    pub given: bool,
}

impl InputLine {
    /// "book: …", "assumption: …", "unmarked" (given with no source) or "default".
    pub fn source_label(&self) -> String {
        match (&self.source, self.given) {
            (Some(s), _) => s.to_string(),
            (None, true) => "unmarked".to_string(),
            (None, false) => "default".to_string(),
        }
    }
}

/// Everything a front end needs to show an estimate.
#[derive(Clone, Debug)]
pub struct Report {
    pub id: String,
    pub title: String,
    pub chapter: Option<u32>,
    pub estimate: Estimate,
    /// In section order.
    pub outputs: Vec<Output>,
    pub warnings: Vec<Warning>,
    pub inputs: Vec<InputLine>,
    pub style: Style,
}

/// An output that came out NaN or infinite: inputs too large to compute with.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationError {
    pub output: String,
    pub message: String,
}

impl std::fmt::Display for EvaluationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.output, self.message)
    }
}

impl std::error::Error for EvaluationError {}

/// Writes a field's value as a person would type it.
pub fn show_value(value: &Value, kind: FieldKind, style: Style) -> String {
    match (value, kind) {
        (Value::Num(x), FieldKind::Quantity(k)) => Human::styled(*x, k, style).to_string(),
        (Value::Num(x), _) => x.to_string(),
        (Value::Text(t), _) => t.clone(),
        (Value::Bool(b), _) => b.to_string(),
    }
}

impl Report {
    /// Estimates `s` with its derivation; fails if any output is not a finite number.
    pub fn build(s: &Scenario, style: Style) -> Result<Report, EvaluationError> {
        // The steps and warnings write sizes as the report does.
        let (estimate, mut outputs) =
            crate::units::format::in_style(style, || estimate::explain(s));
        if let Some(bad) = outputs.iter().find(|o| !o.value.is_finite()) {
            return Err(EvaluationError {
                output: bad.id.clone(),
                message: "the result is too large to compute with; check the inputs it uses for a value far too large, or a throughput or size far too small".into(),
            });
        }
        let rank = |o: &Output| {
            SECTIONS
                .iter()
                .position(|(p, _)| o.id.split('.').next() == Some(p))
                .unwrap_or(SECTIONS.len())
        };
        outputs.sort_by_cached_key(rank);
        // The inputs worth listing: those written in the file or changed, and defaults an output read.
        let read: rustc_hash::FxHashSet<&str> = outputs
            .iter()
            .flat_map(|o| o.inputs.iter().map(String::as_str))
            .collect();
        let mut inputs = Vec::new();
        overrides::for_each_path(s, |path| {
            // Written in the file or set (the text as written is kept for both), or unset.
            let raw = s.provenance.raw.get(path);
            let source = s.provenance.source(path);
            let given = raw.is_some() || source.is_some();
            if !given && !read.contains(path) {
                return;
            }
            // As written where it was written, so it can be pasted back unchanged.
            let display = match raw {
                Some(raw) => raw.clone(),
                None => match overrides::get(s, path) {
                    Some((value, kind)) => show_value(&value, kind, style),
                    None => return,
                },
            };
            inputs.push(InputLine {
                path: path.to_string(),
                display,
                source: source.cloned(),
                given,
            });
        });
        let warnings = crate::units::format::in_style(style, || estimate::warnings(s, &estimate));
        Ok(Report {
            id: s.meta.id.clone(),
            title: s.meta.title.clone(),
            chapter: s.meta.chapter.map(|c| c.0 as u32),
            estimate,
            outputs,
            warnings,
            inputs,
            style,
        })
    }

    /// The output with `id`.
    pub fn output(&self, id: &str) -> Option<&Output> {
        self.outputs.iter().find(|o| o.id == id)
    }

    /// A value written for people in this report's style.
    pub fn human(&self, value: f64, kind: Kind) -> String {
        Human::styled(value, kind, self.style).to_string()
    }

    /// The napkin rounding of a value as this report writes it (see
    /// [`crate::units::format::napkin_as_shown`]).
    pub fn napkin(&self, value: f64, kind: Kind) -> f64 {
        crate::units::format::napkin_as_shown(value, kind, self.style)
    }

    /// The input line for `path`, if the scenario has it.
    pub fn input(&self, path: &str) -> Option<&InputLine> {
        self.inputs.iter().find(|i| i.path == path)
    }
}

//! An estimate made readable: each output with its display and napkin values, its derivation
//! and the sources of its inputs; the warnings. [`text`], [`json`] and [`markdown`] write it;
//! [`engines`] writes the index memory by engine (`calc --engines`).

pub mod engines;
pub mod inputs;
pub mod json;
pub mod json_out;
pub mod markdown;
pub mod missing;
pub mod ratio;
pub mod table;
pub mod text;
pub mod tornado;
pub mod working;

use crate::estimate::{self, Estimate, Output, OutputId, Section, Warning};
use crate::scenario::overrides;
use crate::scenario::schema::{FieldKind, Value};
use crate::scenario::{InputPath, Location, RangeInput, Subject};
use crate::scenario::{Scenario, Source};
use crate::units::Kind;
use crate::units::format::{Grouped, Human, Style};
use crate::whatif::montecarlo::{MonteCarlo, Options, SampleError, Spread};
use std::fmt::Write as _;

/// One input as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct InputLine {
    pub path: InputPath,
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
    /// In section order ([`Section::ALL`]).
    pub outputs: Vec<Output>,
    pub warnings: Vec<Warning>,
    pub inputs: Vec<InputLine>,
    pub style: Style,
    /// For each of `outputs`, whether the readable reports print it: an output of a part the
    /// scenario does not have (traffic without `[traffic]`, logs without a log) is left out of
    /// text and Markdown, though JSON, the stable contract, keeps every output.
    pub shown: Vec<bool>,
    /// The percentiles and swings of every output, once [`Report::sample`] has run on a
    /// scenario with ranges.
    pub ranges: Option<Ranges>,
    /// For each of `outputs`, its place in the order the estimate computes outputs (which
    /// [`estimate::values_into`] and so the Monte Carlo keep).
    computed_at: Vec<usize>,
    /// The values given for outputs (`--given`), which samples hold too.
    pub givens: Vec<(OutputId, f64)>,
    /// For each of `outputs`, what it needs when the scenario cannot estimate it.
    needs: Vec<Option<&'static str>>,
}

/// What sampling the ranged inputs found (see [`crate::whatif::montecarlo`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Ranges {
    pub options: Options,
    /// The ranged inputs, in the scenario's order: a [`Swing`](crate::whatif::montecarlo::Swing)'s `input` indexes this.
    pub inputs: Vec<RangeInput>,
    /// For each of [`Report::outputs`], its percentiles and swings.
    pub spreads: Vec<Spread>,
}

/// An output that came out NaN or infinite: inputs too large to compute with.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationError {
    pub output: String,
    pub message: String,
    /// The input most likely to blame, the one furthest from 1 of those the output reads:
    /// where it is written, its path and its value as written.
    pub culprit: Option<Culprit>,
}

/// The input an [`EvaluationError`] blames.
#[derive(Clone, Debug, PartialEq)]
pub struct Culprit {
    pub location: Location,
    pub path: InputPath,
    /// Its value as written.
    pub value: String,
}

impl std::fmt::Display for EvaluationError {
    /// `where: path: value makes output too large to compute with` and a `help:` line; the
    /// faces word the location their own way ([`EvaluationError::with_location`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_location(f, |l| l.to_string())
    }
}

impl EvaluationError {
    /// Writes the error with its culprit's location worded by `location` (an empty word where
    /// the place goes without saying: a file's path alone).
    pub fn with_location(
        &self,
        f: &mut impl std::fmt::Write,
        location: impl Fn(&Location) -> String,
    ) -> std::fmt::Result {
        match &self.culprit {
            Some(c) => {
                let place = match &c.location {
                    Location::Text { at: None, .. } => String::new(),
                    other => location(other),
                };
                if !place.is_empty() {
                    write!(f, "{place}: ")?;
                }
                write!(
                    f,
                    "{}: {} makes {} too large to compute with\n  help: {}",
                    c.path, c.value, self.output, self.message
                )
            }
            None => write!(f, "{}: {}", self.output, self.message),
        }
    }
}

impl std::error::Error for EvaluationError {}

/// Writes a field's value as a person would type it.
pub fn show_value(value: &Value, kind: FieldKind, style: Style) -> String {
    match (value, kind) {
        (Value::Num(x), FieldKind::Quantity(k)) => Human::styled(*x, k, style).to_string(),
        (Value::Num(x), _) => x.to_string(),
        (Value::Range(r), _) => format!(
            "{}..{}",
            Human::styled(r.lo, r.kind, style),
            Human::styled(r.hi, r.kind, style)
        ),
        (Value::Text(t), _) => t.clone(),
        (Value::Bool(b), _) => b.to_string(),
    }
}

/// An input's value as napkin shows it (the report's inputs, `--list-inputs`, the drill's
/// questions): as written, so it can be pasted back; but a bare number of a count or a fraction
/// as napkin writes that kind ("2,097,152", "70%"), which reads back the same; and a default as
/// napkin writes it. None for an optional input that is unset.
pub fn input_text(s: &Scenario, path: &InputPath, style: Style) -> Option<String> {
    let Some(raw) = s.provenance.raw.get(path) else {
        return overrides::get(s, path).map(|(value, kind)| show_value(&value, kind, style));
    };
    if raw.trim().parse::<f64>().is_err() {
        return Some(raw.clone());
    }
    let Some((Value::Num(x), FieldKind::Quantity(kind))) = overrides::get(s, path) else {
        return Some(raw.clone());
    };
    let shown = match kind {
        Kind::Count | Kind::Integer if x.fract() == 0.0 => Some(Grouped(x).to_string()),
        Kind::Fraction => Some(Human::styled(x, kind, style).to_string()),
        _ => None,
    };
    // Only when it reads back as the very number written.
    match shown {
        Some(shown) if crate::units::parse(&shown, kind) == Ok(x) => Some(shown),
        _ => Some(raw.clone()),
    }
}

/// Of the inputs `o` reads, the one furthest from 1 in orders of magnitude: the likeliest to
/// have made it overflow.
fn culprit(s: &Scenario, o: &Output, style: Style) -> Option<Culprit> {
    let magnitude = |path: &InputPath| match overrides::get(s, path) {
        Some((Value::Num(x), _)) if x != 0.0 => x.abs().log10().abs(),
        _ => 0.0,
    };
    // The first of equals: the input read first is the nearer cause.
    let path = o
        .inputs
        .iter()
        .rev()
        .max_by(|a, b| magnitude(a).total_cmp(&magnitude(b)))?;
    let location = s.provenance.locate(&Subject::Input(path.clone()));
    let value = input_text(s, path, style)?;
    Some(Culprit {
        location,
        path: path.clone(),
        value,
    })
}

/// Whether `o` belongs to a part `s` has: a scenario without `[traffic]` has no QPS to print,
/// one without stages no fleet, one without logs no log storage.
fn applies(s: &Scenario, o: &Output) -> bool {
    if missing::needs(s, o).is_some() {
        return false;
    }
    let has_logs = crate::scenario::Logging::all(s).next().is_some();
    // Generated outputs join the storage when they are kept (an output size given).
    let kept = s
        .diffusion
        .as_ref()
        .is_some_and(|d| d.output_size.is_some());
    let uploads = s.has_uploads();
    match o.section() {
        Section::Traffic => s.requests().is_some(),
        Section::Bandwidth => s.requests().is_some() || (uploads && o.id != "bandwidth.egress"),
        Section::Fleet => match o.id.name.as_str() {
            "total_devices" | "accelerator_cost_per_day" => true,
            _ => !s.stages.is_empty(),
        },
        Section::Latency => s
            .stages
            .iter()
            .any(|st| st.mode == crate::scenario::Mode::Online),
        Section::Storage => match o.id.name.as_str() {
            "logs" => has_logs,
            "growth_per_day" => has_logs || !s.corpora.is_empty() || kept,
            "total" => {
                has_logs
                    || !s.corpora.is_empty()
                    || s.embeddings.is_some()
                    || s.graph.is_some()
                    || s.text_index.is_some()
                    || kept
            }
            _ => true,
        },
        // A load needs a request rate: without one the section's other working says so instead.
        Section::Cache | Section::FeatureStore
            if matches!(o.id.name.as_str(), "backend_qps" | "lookups") =>
        {
            s.requests().is_some()
        }
        Section::Index => {
            o.id != "index.disk"
                || s.index
                    .as_ref()
                    .is_some_and(|ix| ix.kind == crate::scenario::IndexKind::DiskAnn)
        }
        _ => true,
    }
}

impl Report {
    /// Estimates `s` with its derivation; fails if any output is not a finite number.
    pub fn build(s: &Scenario, style: Style) -> Result<Report, EvaluationError> {
        Report::build_given(s, style, &[])
    }

    /// [`Report::build`] with values given for some outputs ([`estimate::explain_given`]).
    pub fn build_given(
        s: &Scenario,
        style: Style,
        givens: &estimate::Givens,
    ) -> Result<Report, EvaluationError> {
        let (estimate, mut outputs) = estimate::explain_given(s, givens);
        if let Some(bad) = outputs.iter().find(|o| !o.value.is_finite()) {
            return Err(EvaluationError {
                output: bad.id.to_string(),
                message: "the result is too large to compute with; check the inputs it uses for a value far too large, or a throughput or size far too small".into(),
                culprit: culprit(s, bad, style),
            });
        }
        // In section order; within a section, as computed.
        let mut computed_at: Vec<usize> = (0..outputs.len()).collect();
        computed_at.sort_by_key(|&i| outputs[i].section());
        outputs.sort_by_key(|o| o.section());
        // The inputs worth listing: those written in the file or changed, and defaults an output read.
        let mut read = rustc_hash::FxHashSet::with_capacity_and_hasher(
            outputs.iter().map(|o| o.inputs.len()).sum(),
            Default::default(),
        );
        read.extend(outputs.iter().flat_map(|o| o.inputs.iter()));
        let mut inputs = Vec::new();
        overrides::for_each_input(s, |path, _| {
            // Written in the file or set, or unset.
            let source = s.provenance.source(path);
            let given = s.provenance.raw.contains_key(path) || source.is_some();
            if !given && !read.contains(path) {
                return;
            }
            let Some(display) = input_text(s, path, style) else {
                return;
            };
            inputs.push(InputLine {
                path: path.clone(),
                display,
                source: source.cloned(),
                given,
            });
        });
        let shown = outputs.iter().map(|o| applies(s, o)).collect();
        let needs = outputs.iter().map(|o| missing::needs(s, o)).collect();
        let warnings = estimate::warnings(s, &estimate, style);
        Ok(Report {
            id: s.meta.id.clone(),
            title: s.meta.title.clone(),
            chapter: s.meta.chapter.map(|c| c.0 as u32),
            estimate,
            outputs,
            warnings,
            inputs,
            style,
            shown,
            ranges: None,
            computed_at,
            givens: givens.to_vec(),
            needs,
        })
    }

    /// Samples the ranged inputs of `s` (the scenario this report was built from) and gives
    /// every output its percentiles and swings; does nothing when `s` has no ranges.
    pub fn sample(
        &mut self,
        s: &Scenario,
        mc: &mut MonteCarlo,
        options: Options,
    ) -> Result<(), EvaluationError> {
        let Some(result) = mc.run_given(s, options, &self.givens) else {
            self.ranges = None;
            return Ok(());
        };
        let u = result.map_err(|e| self.sample_error(s, e))?;
        let spreads = self
            .computed_at
            .iter()
            .map(|&i| u.spreads.get(i).cloned())
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default();
        self.ranges = Some(Ranges {
            options: u.options,
            inputs: s.ranges.clone(),
            spreads,
        });
        Ok(())
    }

    /// A sample too large to compute with, told as the input whose range reached it.
    fn sample_error(&self, s: &Scenario, e: SampleError) -> EvaluationError {
        let output = self
            .computed_at
            .iter()
            .position(|&i| i == e.output)
            .map_or_else(String::new, |i| self.outputs[i].id.to_string());
        let Some(input) = e.input else {
            return EvaluationError {
                output,
                message:
                    "some samples of the ranges are too large to compute with; narrow the ranges"
                        .into(),
                culprit: None,
            };
        };
        let range = s.range(&input);
        EvaluationError {
            output,
            message: format!(
                "some samples of the ranges are too large to compute with (one of {} = {}); narrow that range",
                input,
                range.map_or_else(String::new, |r| Human::styled(e.value, r.kind, self.style)
                    .to_string()),
            ),
            culprit: range.map(|_| Culprit {
                location: s.provenance.locate(&Subject::Input(input.clone())),
                value: input_text(s, &input, self.style).unwrap_or_default(),
                path: input,
            }),
        }
    }

    /// Where `outputs[i]` comes in the order the estimate computes outputs: its index in what
    /// [`estimate::values_into`] writes.
    pub fn computed_at(&self, i: usize) -> Option<usize> {
        self.computed_at.get(i).copied()
    }

    /// The percentiles and swings of `outputs[i]`, when the report has ranges.
    pub fn spread(&self, i: usize) -> Option<&Spread> {
        self.ranges.as_ref().and_then(|r| r.spreads.get(i))
    }

    /// The outputs of `section`, in the order computed.
    pub fn section(&self, section: Section) -> impl Iterator<Item = &Output> {
        self.outputs.iter().filter(move |o| o.section() == section)
    }

    /// The outputs of `section` the readable reports print (see [`Report::shown`]).
    pub fn shown_in(&self, section: Section) -> impl Iterator<Item = &Output> {
        self.outputs
            .iter()
            .zip(&self.shown)
            .filter(move |(o, shown)| **shown && o.section() == section)
            .map(|(o, _)| o)
    }

    /// The outputs of parts the scenario has that it cannot estimate, each with what it needs
    /// ([`missing::needs`]).
    pub fn not_estimated(&self) -> impl Iterator<Item = (&Output, &'static str)> {
        self.outputs
            .iter()
            .zip(&self.needs)
            .filter_map(|(o, n)| n.map(|n| (o, n)))
    }

    /// The output with `id`.
    /// The outputs and which are printed, to compare with another report's.
    pub fn side(&self) -> crate::whatif::compare::Side<'_> {
        crate::whatif::compare::Side {
            outputs: &self.outputs,
            shown: &self.shown,
        }
    }

    pub fn output<Q: ?Sized>(&self, id: &Q) -> Option<&Output>
    where
        OutputId: PartialEq<Q>,
    {
        self.outputs.iter().find(|o| o.id == *id)
    }

    /// A value written for people in this report's style.
    pub fn human(&self, value: f64, kind: Kind) -> String {
        // Room for most values ("57.9k/s", "750 TB/day"), so writing one rarely grows the string.
        let mut text = String::with_capacity(16);
        let _ = write!(text, "{}", Human::styled(value, kind, self.style));
        text
    }

    /// The napkin rounding of a value as this report writes it (see
    /// [`crate::units::format::napkin_as_shown`]).
    pub fn napkin(&self, value: f64, kind: Kind) -> f64 {
        crate::units::format::napkin_as_shown(value, kind, self.style)
    }

    /// The input line for `path`, if the scenario has it.
    pub fn input(&self, path: &InputPath) -> Option<&InputLine> {
        self.inputs.iter().find(|i| i.path == *path)
    }
}

#[cfg(test)]
mod tests {
    use super::{Report, input_text};
    use crate::estimate::Section;
    use crate::scenario::path::p;
    use crate::units::Style;

    #[test]
    fn outputs_come_in_section_order_with_the_section_first_in_their_id() {
        for preset in crate::presets::builtin() {
            let r = Report::build(&preset.load().unwrap(), Style::Decimal).unwrap();
            for o in &r.outputs {
                assert!(
                    o.id.to_string()
                        .starts_with(&format!("{}.", o.section().key())),
                    "{}",
                    o.id
                );
            }
            assert!(
                r.outputs
                    .windows(2)
                    .all(|w| w[0].section() <= w[1].section())
            );
            let sections: usize = Section::ALL.iter().map(|&s| r.section(s).count()).sum();
            assert_eq!(sections, r.outputs.len(), "{}", preset.id);
        }
        // The social graph's friends of friends is computed with storage but printed on its own.
        let pymk = crate::presets::builtin()
            .iter()
            .find(|p| p.id == "people-you-may-know")
            .unwrap()
            .load()
            .unwrap();
        let r = Report::build(&pymk, Style::Decimal).unwrap();
        let fof = r.output("graph.friends_of_friends").unwrap();
        assert_eq!(fof.section(), Section::Graph);
        assert_eq!(fof.section().title(), "Graph");
    }

    #[test]
    fn inputs_show_as_written_unless_napkin_writes_the_same_number_more_plainly() {
        let s = crate::scenario::load_str(
            "[meta]\nid = \"t\"\ntitle = \"T\"\n[embeddings]\nvectors = 2000000\ndim = 256\n\
             [index]\nkind = \"ivf_flat\"\nnlist = 2097152\nnode_memory = \"256 GiB\"\nmemory_headroom = 0.123456\n\
             [serving]\ntarget_utilization = 0.6\nregions = 1_000\n",
            "t.toml",
        )
        .unwrap();
        let shown = |path: &str| input_text(&s, &p(path), Style::Decimal).unwrap();
        assert_eq!(shown("index.nlist"), "2,097,152");
        assert_eq!(shown("embeddings.vectors"), "2,000,000");
        assert_eq!(shown("serving.target_utilization"), "60%");
        // 12.3% would not read back as 0.123456: as written.
        assert_eq!(shown("index.memory_headroom"), "0.123456");
        // Written with separators already: as written.
        assert_eq!(shown("serving.regions"), "1_000");
        assert_eq!(shown("index.kind"), "ivf_flat");
        // Defaults as napkin writes them; an unset optional input has no text.
        assert_eq!(shown("serving.overhead"), "0 s");
        assert_eq!(
            input_text(&s, &p("serving.latency_budget"), Style::Decimal),
            None
        );
    }
}

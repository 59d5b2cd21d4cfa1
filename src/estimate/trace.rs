//! Show your work: the estimate records each step through a [`Trace`].
//!
//! The same code computes the numbers and says how. With [`Silent`] every call compiles away, so
//! the fast path (Monte Carlo, sweeps, every keystroke) pays nothing for the explanation; with
//! [`Recorder`] each output keeps its steps and the inputs it read.

use crate::scenario::InputPath;
use crate::units::Kind;
use std::fmt::{self, Write};

/// Receives the steps of each output as the estimate computes them.
pub trait Trace {
    /// One line of working: the arithmetic as text, and its result.
    fn step(&mut self, value: f64, kind: Kind, text: fmt::Arguments<'_>);
    /// An input the current output depends on, by field path.
    fn uses(&mut self, path: fmt::Arguments<'_>);
    /// The current output also depends on the inputs of every earlier output `from` accepts
    /// (a total on its parts).
    fn inherit(&mut self, from: fn(&str) -> bool);
    /// The current output's working starts with that of the earlier output `id`: its steps and
    /// the inputs they read, as computing them again would record them, without writing them
    /// again.
    fn repeat(&mut self, id: fmt::Arguments<'_>);
    /// Closes the current output, `section.name`: the steps and inputs since the last one
    /// belong to it.
    fn output(
        &mut self,
        section: Section,
        name: fmt::Arguments<'_>,
        label: fmt::Arguments<'_>,
        kind: Kind,
        value: f64,
    );
}

/// The family an output belongs to: the first part of its id, and a heading in the reports,
/// which print the sections in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Traffic,
    Storage,
    Graph,
    Bandwidth,
    Index,
    Fleet,
    Latency,
    Sampling,
    Training,
    EmbeddingTables,
    FeatureStore,
    Experiment,
    Labelling,
    Cache,
}

impl Section {
    /// Every section, in the order reports print them.
    pub const ALL: [Section; 14] = [
        Section::Traffic,
        Section::Storage,
        Section::Graph,
        Section::Bandwidth,
        Section::Index,
        Section::Fleet,
        Section::Latency,
        Section::Sampling,
        Section::Training,
        Section::EmbeddingTables,
        Section::FeatureStore,
        Section::Experiment,
        Section::Labelling,
        Section::Cache,
    ];

    /// The first part of the ids of its outputs ("storage" in "storage.total").
    pub fn key(self) -> &'static str {
        match self {
            Section::Traffic => "traffic",
            Section::Storage => "storage",
            Section::Graph => "graph",
            Section::Bandwidth => "bandwidth",
            Section::Index => "index",
            Section::Fleet => "fleet",
            Section::Latency => "latency",
            Section::Sampling => "sampling",
            Section::Training => "training",
            Section::EmbeddingTables => "embedding_tables",
            Section::FeatureStore => "feature_store",
            Section::Experiment => "experiment",
            Section::Labelling => "labelling",
            Section::Cache => "cache",
        }
    }

    /// The heading reports print over its outputs.
    pub fn title(self) -> &'static str {
        match self {
            Section::Traffic => "Traffic",
            Section::Storage => "Storage",
            Section::Graph => "Graph",
            Section::Bandwidth => "Bandwidth",
            Section::Index => "Vector index",
            Section::Fleet => "Fleet",
            Section::Latency => "Latency",
            Section::Sampling => "Sampling",
            Section::Training => "Training",
            Section::EmbeddingTables => "Embedding tables",
            Section::FeatureStore => "Feature store",
            Section::Experiment => "Experiment",
            Section::Labelling => "Labelling",
            Section::Cache => "Cache",
        }
    }
}

/// Records nothing: the estimate's fast path.
pub struct Silent;

impl Trace for Silent {
    #[inline(always)]
    fn step(&mut self, _: f64, _: Kind, _: fmt::Arguments<'_>) {}
    #[inline(always)]
    fn uses(&mut self, _: fmt::Arguments<'_>) {}
    #[inline(always)]
    fn inherit(&mut self, _: fn(&str) -> bool) {}
    #[inline(always)]
    fn repeat(&mut self, _: fmt::Arguments<'_>) {}
    #[inline(always)]
    fn output(
        &mut self,
        _: Section,
        _: fmt::Arguments<'_>,
        _: fmt::Arguments<'_>,
        _: Kind,
        _: f64,
    ) {
    }
}

/// Keeps each output's value (and, when given a list for them, its section) and nothing else, in
/// the order computed (the order of [`Recorder::outputs`]): the path for Monte Carlo samples and
/// sweep steps, which need every output but no working. The sections tell one sample's outputs
/// from another's.
pub struct Values<'a> {
    pub values: &'a mut Vec<f64>,
    pub sections: Option<&'a mut Vec<Section>>,
}

impl Trace for Values<'_> {
    #[inline(always)]
    fn step(&mut self, _: f64, _: Kind, _: fmt::Arguments<'_>) {}
    #[inline(always)]
    fn uses(&mut self, _: fmt::Arguments<'_>) {}
    #[inline(always)]
    fn inherit(&mut self, _: fn(&str) -> bool) {}
    #[inline(always)]
    fn repeat(&mut self, _: fmt::Arguments<'_>) {}
    #[inline(always)]
    fn output(
        &mut self,
        section: Section,
        _: fmt::Arguments<'_>,
        _: fmt::Arguments<'_>,
        _: Kind,
        value: f64,
    ) {
        self.values.push(value);
        if let Some(sections) = &mut self.sections {
            sections.push(section);
        }
    }
}

/// Plurals written after a count, and the singular each becomes after exactly "1 ".
const ONES: [(&str, &str); 12] = [
    ("copies", "copy"),
    ("servers", "server"),
    ("regions", "region"),
    ("replicas", "replica"),
    ("shards", "shard"),
    ("stages", "stage"),
    ("log streams", "log stream"),
    ("items per request", "item per request"),
    ("devices", "device"),
    ("nodes", "node"),
    ("epochs", "epoch"),
    ("arms", "arm"),
];

/// "1 copies" → "1 copy": the working is written once with plurals, and a count of exactly one
/// is made singular here, where the text is kept.
fn singular(mut text: String) -> String {
    let mut from = 0;
    while let Some(i) = text.as_bytes()[from..]
        .windows(2)
        .position(|w| w == b"1 ")
        .map(|i| i + from)
    {
        from = i + 2;
        // A whole one: not the last digit of 11, 2.1 or 1,001.
        let before = text[..i].bytes().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == b'.' || c == b',') {
            continue;
        }
        let rest = &text[i + 2..];
        let plural = ONES.iter().find(|(plural, _)| {
            rest.starts_with(plural)
                && rest[plural.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        if let Some((plural, one)) = plural {
            text.replace_range(i + 2..i + 2 + plural.len(), one);
            from = i + 2 + one.len();
        }
    }
    text
}

/// One line of a derivation.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub text: String,
    pub value: f64,
    pub kind: Kind,
}

/// One output with its derivation.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// Stable dotted id ("traffic.peak_qps", "fleet.ranking.servers"), its section's key first.
    pub id: String,
    pub section: Section,
    pub label: String,
    pub kind: Kind,
    /// In the kind's base unit.
    pub value: f64,
    pub steps: Vec<Step>,
    /// The inputs this output read, directly or through earlier outputs.
    pub inputs: Vec<InputPath>,
}

/// Keeps every output with its steps, in the order computed.
#[derive(Default)]
pub struct Recorder {
    steps: Vec<Step>,
    inputs: Vec<InputPath>,
    scratch: String,
    pub outputs: Vec<Output>,
}

impl Trace for Recorder {
    fn step(&mut self, value: f64, kind: Kind, text: fmt::Arguments<'_>) {
        // Room for a typical line of working, so writing it rarely grows the string.
        let mut line = String::with_capacity(128);
        let _ = line.write_fmt(text);
        self.steps.push(Step {
            text: singular(line),
            value,
            kind,
        });
    }
    fn uses(&mut self, path: fmt::Arguments<'_>) {
        // Most paths are plain text; the rest are written into a reused buffer, so a path
        // already listed costs no allocation.
        let p = match path.as_str() {
            Some(p) => p,
            None => {
                self.scratch.clear();
                let _ = self.scratch.write_fmt(path);
                &self.scratch
            }
        };
        if !self.inputs.iter().any(|i| *i == p)
            && let Ok(path) = p.parse()
        {
            self.inputs.push(path);
        }
    }
    fn inherit(&mut self, from: fn(&str) -> bool) {
        for o in self.outputs.iter().filter(|o| from(&o.id)) {
            for i in &o.inputs {
                if !self.inputs.contains(i) {
                    self.inputs.push(i.clone());
                }
            }
        }
    }
    fn repeat(&mut self, id: fmt::Arguments<'_>) {
        let id = match id.as_str() {
            Some(id) => id,
            None => {
                self.scratch.clear();
                let _ = self.scratch.write_fmt(id);
                &self.scratch
            }
        };
        let Some(o) = self.outputs.iter().rev().find(|o| o.id == id) else {
            return;
        };
        self.steps.extend_from_slice(&o.steps);
        for i in &o.inputs {
            if !self.inputs.contains(i) {
                self.inputs.push(i.clone());
            }
        }
    }
    fn output(
        &mut self,
        section: Section,
        name: fmt::Arguments<'_>,
        label: fmt::Arguments<'_>,
        kind: Kind,
        value: f64,
    ) {
        // Room for most ids, so writing one rarely grows the string.
        let mut id = String::with_capacity(48);
        id.push_str(section.key());
        id.push('.');
        let _ = id.write_fmt(name);
        self.outputs.push(Output {
            id,
            section,
            label: label.to_string(),
            kind,
            value,
            steps: std::mem::take(&mut self.steps),
            inputs: std::mem::take(&mut self.inputs),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{Recorder, Section, Trace, singular};
    use crate::units::Kind;

    #[test]
    fn a_repeated_output_brings_its_steps_and_inputs_once() {
        let mut r = Recorder::default();
        r.uses(format_args!("traffic.dau"));
        r.step(2.0, Kind::Count, format_args!("x = 2"));
        r.output(
            Section::Traffic,
            format_args!("x"),
            format_args!("X"),
            Kind::Count,
            2.0,
        );
        r.uses(format_args!("traffic.peak_factor"));
        r.repeat(format_args!("traffic.{}", "x"));
        r.uses(format_args!("traffic.dau"));
        r.step(4.0, Kind::Count, format_args!("2 × 2 = 4"));
        r.output(
            Section::Traffic,
            format_args!("y"),
            format_args!("Y"),
            Kind::Count,
            4.0,
        );
        let y = &r.outputs[1];
        let steps: Vec<&str> = y.steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(steps, ["x = 2", "2 × 2 = 4"]);
        let inputs: Vec<String> = y.inputs.iter().map(ToString::to_string).collect();
        assert_eq!(inputs, ["traffic.peak_factor", "traffic.dau"]);
        // An output not computed yet brings nothing.
        r.repeat(format_args!("traffic.z"));
        r.output(
            Section::Traffic,
            format_args!("z"),
            format_args!("Z"),
            Kind::Count,
            0.0,
        );
        assert!(r.outputs[2].steps.is_empty() && r.outputs[2].inputs.is_empty());
    }

    #[test]
    fn a_count_of_one_is_singular() {
        assert_eq!(
            singular("10B items × 50 MB × 1 copies = 500 PB".into()),
            "10B items × 50 MB × 1 copy = 500 PB"
        );
        assert_eq!(
            singular("(12 + 1 spare) × 1 regions = 13 servers".into()),
            "(12 + 1 spare) × 1 region = 13 servers"
        );
        assert_eq!(
            singular("11 servers, 2.1 servers, 1 serversX".into()),
            "11 servers, 2.1 servers, 1 serversX"
        );
        assert_eq!(
            singular("sum over 1 stages = 1 servers".into()),
            "sum over 1 stage = 1 server"
        );
    }
}

//! Show your work: the estimate records each step through a [`Trace`].
//!
//! The same code computes the numbers and says how. With [`Silent`] every call compiles away, so
//! the fast path (Monte Carlo, sweeps, every keystroke) pays nothing for the explanation; with
//! [`Recorder`] each output keeps its steps (as data: see [`super::step`]), the inputs and
//! earlier outputs it reads directly, and every input it depends on.
//!
//! Every output passes through [`Trace::output`], which hands back the value the formulas go on
//! with: the one computed, or one given for that output ([`Givens`]), so that everything
//! downstream of a given value is worked out again from it and nothing upstream changes.

use super::id::{In, Out, OutputId, Section};
use super::step::{Dep, Line, Step};
use crate::scenario::InputPath;
use crate::units::Kind;
use std::fmt;

/// Receives the steps of each output as the estimate computes them. A trace that keeps no
/// working (values only) implements [`Trace::output`] alone: the others do nothing unless
/// implemented.
pub trait Trace {
    /// One line of working with its result; `line` writes its pieces, and runs only when the
    /// working is kept.
    #[inline(always)]
    fn step(&mut self, _value: f64, _kind: Kind, _line: impl FnOnce(&mut Line)) {}
    /// An input the current output reads directly.
    #[inline(always)]
    fn uses(&mut self, _input: In<'_>) {}
    /// An earlier output the current output reads directly.
    #[inline(always)]
    fn reads(&mut self, _output: Out<'_>) {}
    /// The current output reads the earlier output `output`, and its working starts with that
    /// output's steps (without writing them again).
    #[inline(always)]
    fn repeat(&mut self, _output: Out<'_>) {}
    /// Closes the current output: the steps and reads since the last one belong to it. Returns
    /// the value the estimate goes on with: `value`, or the one given for the output.
    fn output(&mut self, id: Out<'_>, label: fmt::Arguments<'_>, kind: Kind, value: f64) -> f64;
}

/// Values given for outputs (`calc --given index.memory=320GB`): each replaces what the estimate
/// computes for its output.
pub type Givens = [(OutputId, f64)];

/// The given value for `id`, if there is one.
pub(crate) fn given(givens: &Givens, id: Out<'_>) -> Option<f64> {
    givens.iter().find(|(g, _)| id.is(g)).map(|&(_, v)| v)
}

/// Records nothing: the estimate's fast path.
pub struct Silent;

impl Trace for Silent {
    #[inline(always)]
    fn output(&mut self, _: Out<'_>, _: fmt::Arguments<'_>, _: Kind, value: f64) -> f64 {
        value
    }
}

/// Keeps each output's value (and, when given a list for them, its section) and nothing else, in
/// the order computed (the order of [`Recorder::outputs`]): the path for sweep steps and the
/// pictures' trial estimates, which need every output but no working (a Monte Carlo sample has
/// a trace of its own, which keeps only what its plan needs). The sections tell one estimate's
/// outputs from another's.
pub struct Values<'a> {
    pub values: &'a mut Vec<f64>,
    pub sections: Option<&'a mut Vec<Section>>,
    /// Values given for outputs (empty for none).
    pub givens: &'a Givens,
}

impl Trace for Values<'_> {
    #[inline(always)]
    fn output(&mut self, id: Out<'_>, _: fmt::Arguments<'_>, _: Kind, value: f64) -> f64 {
        let value = if self.givens.is_empty() {
            value
        } else {
            given(self.givens, id).unwrap_or(value)
        };
        self.values.push(value);
        if let Some(sections) = &mut self.sections {
            sections.push(id.section);
        }
        value
    }
}

/// One output with its derivation.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// Stable dotted id ("traffic.peak_qps", "fleet.ranking.servers"), its section first.
    pub id: OutputId,
    pub label: String,
    pub kind: Kind,
    /// In the kind's base unit.
    pub value: f64,
    pub steps: Vec<Step>,
    /// Every input this output depends on, directly or through earlier outputs.
    pub inputs: Vec<InputPath>,
    /// The inputs and earlier outputs it reads directly.
    pub depends_on: Vec<Dep>,
    /// For a value given in place of the estimate's (`--given`), what the estimate computed.
    pub computed: Option<f64>,
}

impl Output {
    pub fn section(&self) -> Section {
        self.id.section
    }
}

/// Keeps every output with its steps and what it reads, in the order computed.
#[derive(Default)]
pub struct Recorder<'g> {
    steps: Vec<Step>,
    inputs: Vec<InputPath>,
    deps: Vec<Dep>,
    /// Values given for outputs.
    pub givens: &'g Givens,
    pub outputs: Vec<Output>,
    /// Keeps the graph alone: no steps, no labels.
    graph_only: bool,
}

impl<'g> Recorder<'g> {
    /// A recorder that gives the outputs in `givens` their given values.
    pub fn with_givens(givens: &'g Givens) -> Recorder<'g> {
        Recorder {
            givens,
            ..Default::default()
        }
    }

    /// A recorder that keeps each output's id, value and what it reads, without its working or
    /// label: the graph, at a fraction of the cost (a Monte Carlo run's plan).
    pub fn graph(givens: &'g Givens) -> Recorder<'g> {
        Recorder {
            givens,
            graph_only: true,
            ..Default::default()
        }
    }

    /// The inputs read since the last output, which the next output will count as its own: what
    /// a part of the estimate that ends without an output has worked out from.
    pub fn pending(&self) -> &[InputPath] {
        &self.inputs
    }

    fn add_input(&mut self, path: InputPath) {
        if !self.inputs.contains(&path) {
            self.inputs.push(path);
        }
    }

    fn add_dep(&mut self, dep: Dep) {
        if !self.deps.contains(&dep) {
            self.deps.push(dep);
        }
    }

    /// The earlier output `id`, the last of that id.
    fn earlier(&self, id: Out<'_>) -> Option<usize> {
        self.outputs.iter().rposition(|o| id.is(&o.id))
    }

    /// Reads the earlier output at `i`: a dependency, and its inputs.
    fn read_at(&mut self, i: usize) {
        let o = &self.outputs[i];
        let (id, inputs) = (o.id.clone(), o.inputs.clone());
        self.add_dep(Dep::Output(id));
        for path in inputs {
            self.add_input(path);
        }
    }
}

impl Trace for Recorder<'_> {
    fn step(&mut self, value: f64, kind: Kind, line: impl FnOnce(&mut Line)) {
        let mut l = Line {
            deps_only: self.graph_only,
            ..Line::default()
        };
        line(&mut l);
        for dep in std::mem::take(&mut l.named) {
            match &dep {
                Dep::Input(p) => self.add_input(p.clone()),
                Dep::Output(id) => {
                    if let Some(i) = self.outputs.iter().rposition(|o| o.id == *id) {
                        self.read_at(i);
                        continue;
                    }
                }
            }
            self.add_dep(dep);
        }
        if self.graph_only {
            return;
        }
        self.steps.push(Step {
            pieces: l.pieces,
            value,
            kind,
        });
    }

    fn uses(&mut self, input: In<'_>) {
        if !self.inputs.iter().any(|p| input.is(p)) {
            self.inputs.push(input.to_path());
        }
        if !self
            .deps
            .iter()
            .any(|d| matches!(d, Dep::Input(p) if input.is(p)))
        {
            self.deps.push(Dep::Input(input.to_path()));
        }
    }

    fn reads(&mut self, output: Out<'_>) {
        if let Some(i) = self.earlier(output) {
            self.read_at(i);
        }
    }

    fn repeat(&mut self, output: Out<'_>) {
        let Some(i) = self.earlier(output) else {
            return;
        };
        self.steps.extend_from_slice(&self.outputs[i].steps);
        self.read_at(i);
    }

    fn output(&mut self, id: Out<'_>, label: fmt::Arguments<'_>, kind: Kind, value: f64) -> f64 {
        let given = given(self.givens, id);
        let mut steps = std::mem::take(&mut self.steps);
        if let (Some(g), false) = (given, self.graph_only) {
            steps = vec![Step {
                pieces: vec![
                    super::step::Piece::Text("given: ".into()),
                    super::step::Piece::Num {
                        value: g,
                        shown: super::step::Shown::Quantity(kind),
                        from: None,
                    },
                    super::step::Piece::Text(" (worked out from its inputs: ".into()),
                    super::step::Piece::Num {
                        value,
                        shown: super::step::Shown::Quantity(kind),
                        from: None,
                    },
                    super::step::Piece::Text(")".into()),
                ],
                value: g,
                kind,
            }];
        }
        self.outputs.push(Output {
            id: id.to_id(),
            label: if self.graph_only {
                String::new()
            } else {
                label.to_string()
            },
            kind,
            value: given.unwrap_or(value),
            steps,
            inputs: std::mem::take(&mut self.inputs),
            depends_on: std::mem::take(&mut self.deps),
            computed: given.map(|_| value),
        });
        given.unwrap_or(value)
    }
}

#[cfg(test)]
mod tests {
    use super::{Out, Recorder, Section, Trace};
    use crate::estimate::id::In;
    use crate::scenario::schema::Section as S;
    use crate::units::Kind;

    #[test]
    fn the_graph_alone_is_the_recorded_graph_without_working() {
        for p in crate::presets::builtin() {
            let s = p.load().unwrap();
            let givens = [("traffic.peak_qps".parse().unwrap(), 1e5)];
            let (_, full) = crate::estimate::explain_given(&s, &givens);
            let mut graph = Recorder::graph(&givens);
            crate::estimate::run(&s, &mut crate::estimate::Estimate::default(), &mut graph);
            assert_eq!(graph.outputs.len(), full.len(), "{}", p.id);
            for (g, f) in graph.outputs.iter().zip(&full) {
                assert_eq!(
                    (
                        &g.id,
                        g.value.to_bits(),
                        &g.inputs,
                        &g.depends_on,
                        g.computed
                    ),
                    (
                        &f.id,
                        f.value.to_bits(),
                        &f.inputs,
                        &f.depends_on,
                        f.computed
                    ),
                    "{}",
                    p.id
                );
                assert!(g.steps.is_empty() && g.label.is_empty());
            }
            assert!(full.iter().any(|f| !f.steps.is_empty()), "{}", p.id);
        }
    }

    #[test]
    fn a_repeated_output_brings_its_steps_and_inputs_once_and_is_read_directly() {
        let mut r = Recorder::default();
        r.uses(In::of(S::Traffic, "dau"));
        r.step(2.0, Kind::Count, |w| {
            w.t("x = 2");
        });
        let x = Out::new(Section::Traffic, &["x"]);
        r.output(x, format_args!("X"), Kind::Count, 2.0);
        r.uses(In::of(S::Traffic, "peak_factor"));
        r.repeat(x);
        r.uses(In::of(S::Traffic, "dau"));
        r.step(4.0, Kind::Count, |w| {
            w.t("2 × 2 = 4");
        });
        r.output(
            Out::new(Section::Traffic, &["y"]),
            format_args!("Y"),
            Kind::Count,
            4.0,
        );
        let y = &r.outputs[1];
        assert_eq!(y.steps.len(), 2);
        let inputs: Vec<String> = y.inputs.iter().map(ToString::to_string).collect();
        assert_eq!(inputs, ["traffic.peak_factor", "traffic.dau"]);
        let deps: Vec<String> = y.depends_on.iter().map(ToString::to_string).collect();
        assert_eq!(deps, ["traffic.peak_factor", "traffic.x", "traffic.dau"]);
        // An output not computed yet brings nothing.
        r.repeat(Out::new(Section::Traffic, &["z"]));
        r.output(
            Out::new(Section::Traffic, &["z"]),
            format_args!("Z"),
            Kind::Count,
            0.0,
        );
        assert!(r.outputs[2].steps.is_empty() && r.outputs[2].inputs.is_empty());
    }

    #[test]
    fn a_given_value_replaces_the_computed_one_and_says_so() {
        let givens = [("traffic.x".parse().unwrap(), 5.0)];
        let mut r = Recorder::with_givens(&givens);
        let x = r.output(
            Out::new(Section::Traffic, &["x"]),
            format_args!("X"),
            Kind::Count,
            2.0,
        );
        assert_eq!(x, 5.0);
        assert_eq!(r.outputs[0].value, 5.0);
        assert_eq!(r.outputs[0].computed, Some(2.0));
        let y = r.output(
            Out::new(Section::Traffic, &["y"]),
            format_args!("Y"),
            Kind::Count,
            2.0,
        );
        assert_eq!((y, r.outputs[1].computed), (2.0, None));
    }
}

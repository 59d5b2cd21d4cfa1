//! Guess mode on the estimate tab: every result is hidden until you estimate it. An estimate is
//! judged as a walk's step is ([`coach::attempt_after`]): against napkin's number and against
//! what your earlier guesses give; a unit error asks again without revealing; a judged answer,
//! `?` or `G` reveals the output with its feedback. Each judged guess is kept in the drill
//! history (mode `guess`), so `napkin stats` counts it.

use super::workbench::Workbench;
use crate::drill::chain;
use crate::drill::coach::{self, Attempt};
use crate::drill::feedback::Line;
use crate::drill::history::{self, Mode, Record};
use crate::drill::question::{Question, Skill};
use crate::drill::session;
use crate::estimate::OutputId;
use crate::estimate::Section;
use std::collections::BTreeMap;
use std::path::Path;

/// What guess mode keeps while it is on.
#[derive(Clone, Debug, Default)]
pub struct Guess {
    /// Revealed outputs by id: the feedback on the estimate (or the reveal), and its points.
    pub revealed: BTreeMap<OutputId, Revealed>,
    /// The estimate being typed for the selected output, while the answer field is open.
    pub answer: Option<String>,
    /// Why the last estimate was not judged (asked again), or why it was not saved.
    pub error: Option<String>,
    /// The guesses judged so far: later ones are judged against what these give.
    pub answered: Vec<(OutputId, f64)>,
}

/// A revealed output.
#[derive(Clone, Debug)]
pub struct Revealed {
    pub lines: Vec<Line>,
    /// The score of the estimate; None when revealed unscored.
    pub points: Option<f64>,
}

impl Guess {
    /// Whether output `id` shows its value.
    pub fn shows(&self, id: &OutputId) -> bool {
        self.revealed.contains_key(id)
    }

    /// Whether any output is still hidden in `w`'s estimate.
    pub fn any_hidden(&self, w: &Workbench) -> bool {
        w.report.outputs.iter().any(|o| !self.shows(&o.id))
    }

    /// Judges the typed estimate for the selected output: reveals it when judged (or on `?`),
    /// closes the field on an empty line, asks again on a unit error or an unreadable answer.
    /// A judged guess is appended to `history` (when there is one) before it is shown.
    pub fn enter(&mut self, w: &Workbench, history: Option<&Path>) {
        let Some(text) = self.answer.clone() else {
            return;
        };
        let Some(q) = question(w, w.selected_output) else {
            self.answer = None;
            return;
        };
        match coach::attempt_after(&q, &text, &w.report.outputs, &self.answered) {
            Attempt::Skip => self.answer = None,
            Attempt::Retry(why) => self.error = Some(why),
            Attempt::Reveal => self.reveal(q.output.clone(), coach::reveal_lines(&q), None),
            Attempt::Judged(j) => {
                let record = Record {
                    mode: Mode::Guess,
                    ..session::record(&q, &j)
                };
                let unsaved = history.and_then(|path| history::append(path, &record).err());
                let points = j.outcome.score.map(|s| s.points);
                if let Some(v) = j.outcome.scored {
                    self.answered.push((q.output.clone(), v));
                }
                self.reveal(q.output.clone(), coach::lines(&q, &j), points);
                self.error = unsaved.map(|e| format!("could not save this guess: {e}"));
            }
        }
    }

    fn reveal(&mut self, id: OutputId, lines: Vec<Line>, points: Option<f64>) {
        self.revealed.insert(id, Revealed { lines, points });
        self.answer = None;
        self.error = None;
    }

    /// Reveals every output still hidden, unscored.
    pub fn reveal_all(&mut self, w: &Workbench) {
        for i in 0..w.report.outputs.len() {
            if let Some(q) = question(w, i)
                && !self.shows(&q.output)
            {
                let lines = coach::reveal_lines(&q);
                self.revealed.insert(
                    q.output.clone(),
                    Revealed {
                        lines,
                        points: None,
                    },
                );
            }
        }
        self.answer = None;
        self.error = None;
    }

    /// Changes the estimate being typed.
    pub fn edit(&mut self, change: impl FnOnce(&mut String)) {
        if let Some(a) = &mut self.answer {
            change(a);
            self.error = None;
        }
    }
}

/// Output `i` of `w`'s estimate as a drill question on the scenario as edited, with the whole
/// chain of working behind it.
fn question(w: &Workbench, i: usize) -> Option<Question> {
    let o = w.report.outputs.get(i)?;
    Some(Question {
        seed: 0,
        case: w.base.meta.id.clone(),
        case_title: w.base.meta.title.clone(),
        template: "guess",
        skill: skill(o.section()),
        output: o.id.clone(),
        prompt: o.label.clone(),
        truth: o.value,
        kind: o.kind,
        steps: chain::chain(&w.report.outputs, &o.id),
        scenario: w.current.clone(),
        stated: Vec::new(),
        review: false,
    })
}

/// The drill skill an output's section exercises.
fn skill(section: Section) -> Skill {
    match section {
        Section::Traffic => Skill::Qps,
        Section::Storage | Section::Graph => Skill::Storage,
        Section::Bandwidth => Skill::Bandwidth,
        Section::Index => Skill::Memory,
        Section::Fleet => Skill::Servers,
        Section::Latency => Skill::Latency,
        Section::Llm => Skill::Llm,
        Section::Diffusion => Skill::Diffusion,
        _ => Skill::Ml,
    }
}

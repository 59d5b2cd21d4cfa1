//! The drill screen's state: a question, the answer being typed, the feedback, recent scores.

use crate::drill::feedback;
use crate::drill::history;
use crate::drill::question::Question;
use crate::drill::session::{self, Options};
use crate::presets::Preset;

/// Questions drawn at a time; more follow as they are used up.
const BATCH: usize = 10;
/// Scores the sparkline shows.
pub const RECENT: usize = 40;

pub struct DrillState {
    pub opts: Options,
    pub presets: Vec<Preset>,
    pub questions: Vec<Question>,
    pub index: usize,
    pub answer: String,
    /// The feedback on the current question, once answered.
    pub feedback: Option<String>,
    /// Why the answer could not be read.
    pub error: Option<String>,
    /// Points of recent scored answers, oldest first.
    pub recent: Vec<f64>,
    seed: u64,
    batches: u64,
}

impl DrillState {
    pub fn new(opts: Options, presets: Vec<Preset>) -> DrillState {
        let seed = opts.seed.unwrap_or_else(|| history::now() as u64);
        let mut recent: Vec<f64> = opts
            .history
            .as_deref()
            .map(|p| history::read(p).0.iter().filter_map(|r| r.points).collect())
            .unwrap_or_default();
        let keep = recent.len().saturating_sub(RECENT);
        recent.drain(..keep);
        let batch = Options {
            count: BATCH,
            ..opts.clone()
        };
        let (questions, _) = session::questions(&batch, &presets, seed, &mut std::io::sink());
        DrillState {
            opts,
            presets,
            questions,
            index: 0,
            answer: String::new(),
            feedback: None,
            error: None,
            recent,
            seed,
            batches: 1,
        }
    }

    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.index)
    }

    /// Enter: score the answer, or move on once the feedback has been read.
    pub fn enter(&mut self) {
        if self.feedback.is_some() {
            self.next();
            return;
        }
        let Some(q) = self.question() else { return };
        match feedback::assess(q, &self.answer) {
            Ok(o) => {
                let text = feedback::render(q, &self.answer, &o);
                if let Some(path) = &self.opts.history
                    && let Err(e) = history::append(path, &session::record(q, &self.answer, &o))
                {
                    self.error = Some(format!("could not save this answer: {e}"));
                }
                if let Some(s) = o.score {
                    self.recent.push(s.points);
                    let keep = self.recent.len().saturating_sub(RECENT);
                    self.recent.drain(..keep);
                }
                self.feedback = Some(text);
                if self
                    .error
                    .as_ref()
                    .is_some_and(|e| !e.starts_with("could not save"))
                {
                    self.error = None;
                }
            }
            Err(why) => self.error = Some(why),
        }
    }

    fn next(&mut self) {
        self.index += 1;
        self.answer.clear();
        self.feedback = None;
        self.error = None;
        if self.index >= self.questions.len() {
            let batch = Options {
                count: BATCH,
                seed: Some(self.seed.wrapping_add(self.batches)),
                ..self.opts.clone()
            };
            self.batches += 1;
            let (more, _) = session::questions(
                &batch,
                &self.presets,
                self.seed.wrapping_add(self.batches),
                &mut std::io::sink(),
            );
            self.questions.extend(more);
        }
    }

    /// Changes the answer being typed (not once it is scored).
    pub fn edit(&mut self, change: impl FnOnce(&mut String)) {
        if self.feedback.is_none() {
            change(&mut self.answer);
            self.error = None;
        }
    }
}

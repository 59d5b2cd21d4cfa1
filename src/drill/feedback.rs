//! Judging an answer: its score, and the step of the derivation it matches best (where it went
//! astray); and the lines feedback is written in, each tagged with what it is ([`coach`] writes
//! them).
//!
//! [`coach`]: super::coach

use super::answer::{self, Answer};
use super::question::Question;
use super::score::{self, IntervalScore, Score};

/// The confidence an interval answer states.
pub const CONFIDENCE: f64 = 0.9;

/// What became of one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub answer: Option<Answer>,
    /// The value scored: the answer, or what a unit slip suggests it meant; for an interval,
    /// its geometric middle.
    pub scored: Option<f64>,
    pub score: Option<Score>,
    pub interval: Option<IntervalScore>,
    pub unit_error: Option<String>,
    /// The derivation step (from 0) the answer matches best, when that is not the last.
    pub slip_step: Option<usize>,
    /// The answer in another time unit, read in the question's: said in the feedback.
    pub converted: Option<String>,
}

/// The share of the points a unit slip keeps: a number right in the wrong unit is half right.
pub const UNIT_SLIP_SHARE: f64 = 0.5;

/// Reads and scores `text` as an answer to `q`.
pub fn assess(q: &Question, text: &str) -> Result<Outcome, String> {
    let reading = answer::read(text, q.kind)?;
    let mut unit_error = reading.unit_error;
    let (scored, interval) = match reading.answer {
        None => (None, None),
        Some(Answer::Single(v)) => match answer::slip(text, v, q.truth) {
            Some((why, meant)) => {
                unit_error = Some(why);
                (Some(meant), None)
            }
            None => (Some(v), None),
        },
        Some(Answer::Interval(lo, hi)) => (
            (Some((lo * hi).sqrt())),
            Some(score::interval(lo, hi, q.truth, CONFIDENCE)),
        ),
    };
    // A unit slip never scores full points.
    let slipped = unit_error.is_some();
    let score = scored.map(|v| {
        let mut s = score::score(v, q.truth);
        if slipped {
            s.points *= UNIT_SLIP_SHARE;
        }
        s
    });
    let slip_step = scored.and_then(|v| best_step(q, v));
    Ok(Outcome {
        answer: reading.answer,
        scored,
        score,
        interval,
        unit_error,
        slip_step,
        converted: reading.converted,
    })
}

/// How near a step's value an answer must be to match it: 5%, so that a sum missing a term is
/// not taken for the term.
const STEP_MATCH: f64 = 0.02;

/// The step whose value `v` is closest to, when that is an earlier step and matches it (within
/// [`STEP_MATCH`]) while the final answer is off.
fn best_step(q: &Question, v: f64) -> Option<usize> {
    let last = q.steps.len().checked_sub(1)?;
    let (i, e) = q
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.value > 0.0)
        .map(|(i, s)| (i, (v / s.value).log10().abs()))
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    let final_e = (v / q.truth).log10().abs();
    (i != last && e < final_e && e <= STEP_MATCH && final_e > 0.1).then_some(i)
}

/// What a line of feedback is, so each face can style it without reading its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A unit the answer got wrong: "Unit error: …".
    UnitError,
    /// The verdict on the answer: "You: … points."
    You,
    /// The true answer and its napkin value: "Answer: …".
    Answer,
    /// The heading of the working: "Working:".
    Working,
    /// One step of the working; `matched` when the answer matches it.
    Step { matched: bool },
    /// Where the answer went astray: "Slip: …", "Likely slip: …".
    Slip,
    /// A remark: a harmless convention the answer used, the answer following from an earlier
    /// one, an answer revealed and not scored.
    Note,
    /// Big numbers in words: "In words: …".
    Words,
}

/// One line of feedback: its kind and its text (without a line break).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub kind: LineKind,
    pub text: String,
}

impl Line {
    pub fn new(kind: LineKind, text: String) -> Line {
        Line { kind, text }
    }
}

/// Feedback lines as plain text, one a line.
pub fn plain(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

//! Judging an answer and explaining the truth: the score, the derivation step by step, the step
//! the answer matches best (where it went astray), and big numbers in words.

use super::answer::{self, Answer};
use super::question::Question;
use super::score::{self, IntervalScore, Score, in_words};
use crate::units::Kind;
use crate::units::format::Human;

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
}

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
    let score = scored.map(|v| score::score(v, q.truth));
    let slip_step = scored.and_then(|v| best_step(q, v));
    Ok(Outcome {
        answer: reading.answer,
        scored,
        score,
        interval,
        unit_error,
        slip_step,
    })
}

/// The step whose value `v` is closest to, when that is an earlier step and on target for it
/// (within 0.1 dex) while the final answer is not.
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
    (i != last && e < final_e && e <= 0.1 && final_e > 0.1).then_some(i)
}

fn sci(x: f64) -> String {
    if x.abs() >= 1e4 || (x != 0.0 && x.abs() < 1e-2) {
        format!("{x:.2e}")
    } else {
        format!("{}", crate::units::format::Sig(x))
    }
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
    /// One step of the derivation; `matched` when the answer matches it.
    Step { matched: bool },
    /// Where the answer likely went astray: "Likely slip: …".
    Slip,
    /// Big numbers in words: "In words: …".
    Words,
}

/// One line of feedback: its kind and its text (without a line break).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub kind: LineKind,
    pub text: String,
}

/// The feedback for `q` and `outcome` as plain text: [`lines`], one a line.
pub fn render(q: &Question, text: &str, outcome: &Outcome) -> String {
    let mut out = String::new();
    for line in lines(q, text, outcome) {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

/// The feedback for `q` and `outcome`, line by line with what each line is.
pub fn lines(q: &Question, text: &str, outcome: &Outcome) -> Vec<Line> {
    let mut out = Vec::new();
    let mut push = |kind: LineKind, text: String| out.push(Line { kind, text });
    let human = |x: f64| Human::new(x, q.kind).to_string();
    if let Some(e) = &outcome.unit_error {
        push(LineKind::UnitError, format!("Unit error: {e}."));
    }
    let verdict = match (outcome.score, outcome.interval) {
        (Some(s), None) => {
            let dir = if s.e >= 0.0 { "high" } else { "low" };
            let times = 10f64.powf(s.e.abs());
            format!(
                "You: {} → {:.2} dex {dir} ({}× {}): {}. {:.0} points.",
                text.trim(),
                s.e.abs(),
                crate::units::format::Sig(times),
                if s.e >= 0.0 { "over" } else { "under" },
                s.band.describe(),
                s.points
            )
        }
        (_, Some(i)) => format!(
            "You: {} (90% interval) → {}. Interval score {:.2} = width {:.2} + miss penalty {:.2} (lower is better).",
            text.trim(),
            if i.hit {
                "the truth is inside"
            } else {
                "the truth is outside"
            },
            i.total,
            i.width,
            i.penalty
        ),
        (None, None) => format!("You: {} → not scored: fix the unit first.", text.trim()),
    };
    push(LineKind::You, verdict);
    push(
        LineKind::Answer,
        format!(
            "Answer: {} ({}), napkin ≈ {}",
            human(q.truth),
            sci(q.truth),
            human(crate::units::format::napkin_as_shown(
                q.truth,
                q.kind,
                crate::units::format::Style::Decimal
            ))
        ),
    );
    for (i, s) in q.steps.iter().enumerate() {
        let matched = outcome.slip_step == Some(i);
        let marker = if matched {
            "  ← your answer matches this step"
        } else {
            ""
        };
        push(
            LineKind::Step { matched },
            format!("  {}  {}{marker}", i + 1, s.text),
        );
    }
    if let Some(i) = outcome.slip_step {
        push(
            LineKind::Slip,
            format!(
                "Likely slip: after step {}: your answer matches it, so the steps after it are where it went astray.",
                i + 1
            ),
        );
    } else if outcome.score.is_some_and(|s| s.e.abs() > 0.3) {
        push(
            LineKind::Slip,
            "Likely slip: no step matches your answer; check each input and unit against the steps."
                .to_string(),
        );
    }
    let mut words = Vec::new();
    if q.kind != Kind::Fraction {
        if let Some(w) = in_words(q.truth) {
            words.push(format!("{} = {w}", sci(q.truth)));
        }
        if let Some(v) = outcome.scored
            && let Some(w) = in_words(v)
        {
            words.push(format!("yours {} = {w}", sci(v)));
        }
    }
    if !words.is_empty() {
        push(LineKind::Words, format!("In words: {}", words.join("; ")));
    }
    out
}

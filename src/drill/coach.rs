//! Feedback that teaches, for the plain session and the case walk: the verdict ("exact" when it
//! is), the answer once, the whole chain of working, the slip named when the answer matches a
//! known mistake, and a note when the answer follows from the candidate's own earlier (wrong)
//! answer. An answer of the wrong dimension is not judged: it is asked again. Each line is a
//! [`Line`] tagged with its kind: the plain session prints their text, the screen styles them.

use super::answer::Answer;
use super::feedback::{self, Line, LineKind, Outcome};
use super::follow::{self, Follow};
use super::question::Question;
use super::score::in_words;
use super::slips::{self, Slip};
use crate::scenario::diagnostic::Printable;
use crate::units::Kind;
use crate::units::format::{Human, Sig, Style, napkin_as_shown};
use std::fmt::Write;

/// What a line of input to a question asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Attempt {
    /// An empty line: move on without the answer.
    Skip,
    /// `?`: show the answer and the working, unscored.
    Reveal,
    /// The answer could not be judged (unreadable, or of another dimension): ask again, without
    /// the answer; the text says why.
    Retry(String),
    /// A judged answer.
    Judged(Box<Judged>),
}

/// A judged answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    pub text: String,
    pub outcome: Outcome,
    /// The known mistake the answer matches.
    pub slip: Option<Slip>,
    /// In a walk, the answer judged against what the candidate's earlier answers give, when an
    /// earlier answer it builds on is not napkin's.
    pub follow: Option<Follow>,
}

/// The longest answer read, in characters: a longer line is no estimate, and is not echoed back.
pub const MAX_ANSWER: usize = 200;

/// Why a line too long to be an answer is not read, with its length in `unit`s (characters,
/// bytes).
pub fn too_long(length: usize, unit: &str) -> String {
    format!(
        "That line is {} {unit} long, too long for an answer (at most {MAX_ANSWER} characters): write a number with its unit, such as \"40k/s\", or an interval, such as \"50k..200k\".",
        crate::units::format::Grouped(length as f64)
    )
}

/// Reads a line typed in answer to `q`. What the line says is echoed with its control characters
/// escaped, and not at all past [`MAX_ANSWER`] characters.
pub fn attempt(q: &Question, line: &str) -> Attempt {
    attempt_after(q, line, &[], &[])
}

/// Reads a line typed in answer to step `q` of a walk, after the earlier answers `answered`
/// (output id and value): the step is judged against napkin's number and against what those
/// answers give (the estimate worked again with them given); `outputs` are napkin's.
pub fn attempt_after(
    q: &Question,
    line: &str,
    outputs: &[crate::estimate::Output],
    answered: &[(crate::estimate::OutputId, f64)],
) -> Attempt {
    let text = line.trim();
    if text.is_empty() {
        return Attempt::Skip;
    }
    if text == "?" {
        return Attempt::Reveal;
    }
    let chars = text.chars().count();
    if chars > MAX_ANSWER {
        return Attempt::Retry(too_long(chars, "characters"));
    }
    match feedback::assess(q, text) {
        Err(why) => Attempt::Retry(Printable(&format!("Could not read that: {why}.")).to_string()),
        Ok(o) if o.scored.is_none() => Attempt::Retry(
            Printable(&format!(
                "Unit error: {}.",
                o.unit_error
                    .as_deref()
                    .unwrap_or("this is not the unit asked for")
            ))
            .to_string(),
        ),
        Ok(o) => {
            let givens = follow::givens(outputs, &q.output, answered);
            let follow = o
                .scored
                .and_then(|v| follow::follow(q, outputs, &givens, v));
            // A convention slip answer.rs named (bits for bytes, GB for GiB) is already said; an
            // answer that follows from the earlier ones has no slip of its own.
            let slip = match (&o.answer, &o.unit_error) {
                _ if follow.as_ref().is_some_and(|f| f.follows) => None,
                (Some(Answer::Single(v)), None) => slips::named_given(q, *v, &givens),
                _ => None,
            };
            Attempt::Judged(Box::new(Judged {
                text: text.to_string(),
                outcome: o,
                slip,
                follow,
            }))
        }
    }
}

/// `x` in scientific notation when that says more than the human form (≥ 10^4 or < 10^-2).
fn sci(x: f64) -> Option<String> {
    (x.abs() >= 1e4 || (x != 0.0 && x.abs() < 1e-2)).then(|| format!("{x:.2e}"))
}

/// "Answer: 531", "Answer: 116k/s (1.16e5), napkin ≈ 100k/s": each number once.
pub fn answer_line(q: &Question) -> String {
    let human = Human::new(q.truth, q.kind).to_string();
    let mut line = format!("Answer: {human}");
    if let Some(s) = sci(q.truth).filter(|_| q.kind != Kind::Fraction) {
        let _ = write!(line, " ({s})");
    }
    let napkin = Human::new(napkin_as_shown(q.truth, q.kind, Style::Decimal), q.kind).to_string();
    if napkin != human {
        let _ = write!(line, ", napkin ≈ {napkin}");
    }
    line
}

/// The whole chain of working, numbered, with the step the answer matches marked.
fn working(q: &Question, matched: Option<usize>) -> Vec<Line> {
    let mut out = vec![Line::new(LineKind::Working, "Working:".to_string())];
    for (i, s) in q.steps.iter().enumerate() {
        let matched = matched == Some(i);
        let marker = if matched {
            "  ← your answer matches this step"
        } else {
            ""
        };
        out.push(Line::new(
            LineKind::Step { matched },
            format!(
                "  {}  {}{marker}",
                i + 1,
                crate::report::working::text(s, crate::units::format::Style::Decimal)
            ),
        ));
    }
    out
}

/// |e| below this (0.4%): the answer is the truth to the precision anyone writes.
const EXACT: f64 = 1e-4 / std::f64::consts::LN_10;
/// |e| below this: within 1%.
pub const CLOSE: f64 = 0.0043;

/// Whether an answer e = log10(answer ÷ truth) off is exact: within 0.01%.
pub fn is_exact(e: f64) -> bool {
    e.abs() < EXACT
}

/// The verdict on a single answer: "exact", or how far off and which way.
fn verdict(text: &str, o: &Outcome) -> String {
    let text = Printable(text);
    let halved = if o.unit_error.is_some() {
        " (halved for the unit slip)"
    } else {
        ""
    };
    match (o.score, o.interval) {
        (Some(s), None) if s.e.abs() == super::score::ZERO_MISS => format!(
            "You: {text} → a miss: the answer is {}0. 0 points.",
            if s.e < 0.0 { "not " } else { "" }
        ),
        (Some(s), None) if is_exact(s.e) => {
            format!("You: {text} → exact. {:.0} points{halved}.", s.points)
        }
        (Some(s), None) if s.e.abs() < CLOSE => format!(
            "You: {text} → within 1% of the answer: {}. {:.0} points{halved}.",
            s.band.describe(),
            s.points
        ),
        (Some(s), None) => {
            let times = 10f64.powf(s.e.abs());
            format!(
                "You: {text} → {:.2} dex {} ({}× {}): {}. {:.0} points{halved}.",
                s.e.abs(),
                if s.e >= 0.0 { "high" } else { "low" },
                Sig(times),
                if s.e >= 0.0 { "over" } else { "under" },
                s.band.describe(),
                s.points
            )
        }
        (_, Some(i)) => format!(
            "You: {text} (90% interval) → the truth is {}. Interval score {:.2} = width {:.2} + miss penalty {:.2} (lower is better).",
            if i.hit { "inside" } else { "outside" },
            i.total,
            i.width,
            i.penalty
        ),
        (None, None) => format!("You: {text} → not scored."),
    }
}

/// The feedback on a judged answer as plain text.
pub fn render(q: &Question, j: &Judged) -> String {
    feedback::plain(&lines(q, j))
}

/// The feedback on a judged answer, line by line with what each line is.
pub fn lines(q: &Question, j: &Judged) -> Vec<Line> {
    let o = &j.outcome;
    let mut out = Vec::new();
    if let Some(e) = &o.unit_error {
        out.push(Line::new(LineKind::UnitError, format!("Unit error: {e}.")));
    }
    if let Some(c) = &o.converted {
        out.push(Line::new(
            LineKind::Note,
            Printable(&format!("Read as asked: {c}.")).to_string(),
        ));
    }
    out.push(Line::new(LineKind::You, verdict(&j.text, o)));
    out.push(Line::new(LineKind::Answer, answer_line(q)));
    let carried = j.follow.is_some();
    out.extend(working(
        q,
        o.slip_step.filter(|_| j.slip.is_none() && !carried),
    ));
    let slip = match (&j.slip, o.slip_step) {
        (Some(s), _) if s.kind.is_fine() => Some(Line::new(LineKind::Note, format!("Note: {}.", s.text))),
        (Some(s), _) => Some(Line::new(LineKind::Slip, slip_text(s))),
        (None, _) if carried => None,
        (None, Some(i)) => Some(Line::new(
            LineKind::Slip,
            format!(
                "Likely slip: after step {}: your answer matches it, so the steps after it are where it went astray.",
                i + 1
            ),
        )),
        (None, None) if o.score.is_some_and(|s| s.e.abs() > 0.3) => Some(Line::new(
            LineKind::Slip,
            "Likely slip: no step matches your answer; check each input and unit against the steps.".to_string(),
        )),
        _ => None,
    };
    // What the earlier answers give comes before the slip made from them.
    if let Some(f) = &j.follow {
        out.push(Line::new(LineKind::Note, f.note(q.kind)));
    }
    out.extend(slip);
    let mut words = Vec::new();
    if q.kind != Kind::Fraction {
        if let Some(w) = in_words(q.truth) {
            words.push(format!("{:.2e} = {w}", q.truth));
        }
        if let Some(v) = o.scored
            && let Some(w) = in_words(v)
        {
            words.push(format!("yours {v:.2e} = {w}"));
        }
    }
    if !words.is_empty() {
        out.push(Line::new(
            LineKind::Words,
            format!("In words: {}", words.join("; ")),
        ));
    }
    out
}

/// "Slip: forgot the peak factor: … (in Peak QPS: 57.9k/s average × peak factor 2 = 116k/s)."
fn slip_text(s: &Slip) -> String {
    match &s.step {
        Some(step) => format!("Slip: {} (the step: {step}).", s.text),
        None => format!("Slip: {}.", s.text),
    }
}

/// The answer and the working, for `?`, as plain text.
pub fn reveal(q: &Question) -> String {
    feedback::plain(&reveal_lines(q))
}

/// The answer and the working, for `?`, line by line.
pub fn reveal_lines(q: &Question) -> Vec<Line> {
    let mut out = vec![
        Line::new(LineKind::Note, "Revealed (not scored).".to_string()),
        Line::new(LineKind::Answer, answer_line(q)),
    ];
    out.extend(working(q, None));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn plurals_agree() {
        assert_eq!(super::super::phrase::plural(1.0, "day", "days"), "1 day");
        assert_eq!(super::super::phrase::plural(3.0, "day", "days"), "3 days");
    }
}

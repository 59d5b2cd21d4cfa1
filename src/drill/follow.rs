//! Error carried forward: a step of a walk judged against what the candidate's own earlier
//! answers give. The estimate is worked again with those answers given for the outputs the step
//! builds on (the `--given` re-evaluation), so "2 shards × 13 replicas × 3 regions = 78 nodes"
//! follows from a replica count of 13 even though napkin's is 14, and a replica count of 1 does
//! not follow from a peak of 1.2k/s when ⌈1.2k ÷ 3k⌉ + 1 spare is 2.

use super::chain;
use super::question::Question;
use super::score::{self, Score};
use crate::estimate::{self, Output, OutputId};
use crate::report::working;
use crate::units::Kind;
use crate::units::format::{Human, Style};

/// An earlier answer the step builds on that is not napkin's number.
#[derive(Clone, Debug, PartialEq)]
pub struct Off {
    /// The output's label, lower case: "index replicas per region".
    pub label: String,
    pub yours: String,
    pub napkin: String,
}

/// What the candidate's earlier answers give for a step, and whether the answer follows.
#[derive(Clone, Debug, PartialEq)]
pub struct Follow {
    /// The step's output worked from the earlier answers.
    pub value: f64,
    /// Its own working from them: "2 shards × 13 replicas × 3 regions = 78 nodes".
    pub line: String,
    /// The earlier answers it builds on that differ from napkin's.
    pub off: Vec<Off>,
    /// Whether the answer is what the earlier answers give.
    pub follows: bool,
    /// The answer scored against what the earlier answers give: the method's score.
    pub method: Score,
}

/// |log10(a ÷ b)| within which an answer follows from the earlier ones: 2.3%, about the
/// rounding of a number written to two or three figures.
const FOLLOWS: f64 = 0.01;
/// An earlier answer within this of napkin's (0.5%) is napkin's number.
const SAME: f64 = 0.002;

fn dex(a: f64, b: f64) -> f64 {
    (a.log10() - b.log10()).abs()
}

/// The earlier answers `answered` that the working of output `id` starts from: those it builds
/// on (directly or not) through no other earlier answer, among napkin's `outputs`. An answer
/// shadowed by a later one (the index memory, once the shards are answered, for the nodes)
/// changes nothing.
pub fn givens(
    outputs: &[Output],
    id: &OutputId,
    answered: &[(OutputId, f64)],
) -> Vec<(OutputId, f64)> {
    let answered: Vec<(OutputId, f64)> = answered
        .iter()
        .filter(|(_, v)| *v > 0.0 && v.is_finite())
        .cloned()
        .collect();
    let ids: Vec<OutputId> = answered.iter().map(|(a, _)| a.clone()).collect();
    let reached = chain::frontier(outputs, id, &ids);
    answered
        .into_iter()
        .filter(|(a, _)| reached.contains(&a))
        .collect()
}

/// Whether `answer` is `worked`: within [`FOLLOWS`], and for a head count the same whole number.
fn agrees(answer: f64, worked: f64, kind: Kind) -> bool {
    if kind == Kind::Integer {
        return answer.round() == worked.round();
    }
    dex(answer, worked) <= FOLLOWS
}

/// The step `q` judged against the earlier answers `givens` (those it builds on, from
/// [`givens`]), given `answer`: None when no earlier answer it builds on differs from napkin's,
/// for then napkin's number is the one to follow.
pub fn follow(
    q: &Question,
    outputs: &[Output],
    givens: &[(OutputId, f64)],
    answer: f64,
) -> Option<Follow> {
    let off: Vec<Off> = givens
        .iter()
        .filter_map(|(id, yours)| {
            let o = outputs.iter().find(|o| o.id == *id)?;
            (dex(*yours, o.value) > SAME).then(|| Off {
                label: lower_first(&o.label),
                yours: Human::new(*yours, o.kind).to_string(),
                napkin: Human::new(o.value, o.kind).to_string(),
            })
        })
        .collect();
    if off.is_empty() || !(answer > 0.0 && answer.is_finite()) {
        return None;
    }
    let (_, worked) = estimate::explain_given(&q.scenario, givens);
    let o = worked.iter().find(|o| o.id == q.output)?;
    if !(o.value > 0.0 && o.value.is_finite()) {
        return None;
    }
    // The output's own steps: not those it repeats from the outputs it reads.
    let before: Vec<&crate::estimate::Step> = worked
        .iter()
        .take_while(|w| w.id != q.output)
        .flat_map(|w| &w.steps)
        .collect();
    let line = o
        .steps
        .iter()
        .filter(|s| !before.contains(s))
        .map(|s| working::text(s, Style::Decimal))
        .collect::<Vec<_>>()
        .join("; ");
    Some(Follow {
        value: o.value,
        line,
        off,
        follows: agrees(answer, o.value, q.kind),
        method: score::score(answer, o.value),
    })
}

impl Follow {
    /// The earlier answers that differ, as a clause: "your index replicas per region of 13
    /// (napkin 14)".
    pub fn because(&self) -> String {
        let parts: Vec<String> = self
            .off
            .iter()
            .map(|o| format!("your {} of {} (napkin {})", o.label, o.yours, o.napkin))
            .collect();
        match parts.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [first @ .., last] => format!("{} and {last}", first.join(", ")),
        }
    }

    /// The note the feedback gives: the step follows from the earlier answers, or what they
    /// would give.
    pub fn note(&self, kind: Kind) -> String {
        if self.follows {
            format!(
                "Follows from your numbers: {}. It differs from napkin's because of {}.",
                self.line,
                self.because()
            )
        } else {
            format!(
                "Your numbers give {}: {} (from {}).",
                Human::new(self.value, kind),
                self.line,
                self.because()
            )
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

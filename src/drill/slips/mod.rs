//! Naming the slip by recomputation: a known mistake is a variant of the working (an input
//! dropped or changed, a factor left out of a step, a unit read wrongly), and an answer matches
//! it when the variant, worked out, gives the answer. The estimate is run again with the input
//! changed (so ceilings and sums come out as the candidate's would), with the candidate's
//! earlier answers given in a walk, and the slip is named with the step it changes.
//!
//! Variants that change the working: the peak factor, the replication, the regions (the
//! "× regions" of the step), the N+k spares, the memory headroom, the IVF list ids, the
//! embedding dtype's bytes, the optimizer state (or Adam for row-wise Adagrad), the arms, CUPED,
//! the downsampling, the network overhead, relative vs absolute MDE, the consensus labels, the
//! ×3 of forward + backward. Unit slips put the answer a fixed factor off: per day vs per
//! second, bits for bytes, GB vs GiB, a k/M/B slip, and 10^5 s for a day (a shortcut, not a
//! mistake). The generative side's (in [`super::genai`]): the 2 of K and V, attention heads
//! for KV heads, bits for bytes on the dtype, total for active parameters, the weights a decode
//! step reads.

use super::question::Question;
use crate::estimate::{self, Dep, Op, Output, OutputId, Piece};
use crate::report::working;
use crate::scenario::{InputPath, overrides};
use crate::units::format::Style;

mod kind;
mod mistakes;

pub use kind::SlipKind;
use mistakes::{factors, generative, generative_factors, ml, serving};

/// A slip an answer matches.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    pub kind: SlipKind,
    /// What went wrong and how to put it right.
    pub text: String,
    /// What the mistake gives.
    pub value: f64,
    /// The step the mistake changes, with its output's label: "Peak QPS: 57.9k/s average × peak
    /// factor 2 = 116k/s".
    pub step: Option<String>,
}

/// How a mistake changes the working.
enum Change {
    /// Inputs set to other values, the estimate worked out again.
    Set(Vec<(InputPath, String)>),
    /// The question's own last step without its "× input" (or "÷ input").
    Drop(InputPath),
    /// The answer a fixed factor off what the working gives.
    Factor(f64),
    /// The value the mistaken working gives, worked out by its own rule.
    Value(f64),
}

struct Mistake {
    kind: SlipKind,
    text: String,
    change: Change,
}

/// |log10(a ÷ b)|.
fn dex(a: f64, b: f64) -> f64 {
    (a.log10() - b.log10()).abs()
}

/// How close an answer must be to a mistake's value (dex): about 5% for a re-run, 2% for a factor.
const RERUN_TOLERANCE: f64 = 0.02;
const FACTOR_TOLERANCE: f64 = 0.009;

fn path(text: &str) -> InputPath {
    text.parse().expect("a path napkin writes itself")
}

fn set(pairs: &[(String, &str)]) -> Change {
    Change::Set(
        pairs
            .iter()
            .map(|(p, v)| (path(p), v.to_string()))
            .collect(),
    )
}

/// What the question's working is, as the estimate gives it with `givens`: every output.
fn worked(q: &Question, givens: &[(OutputId, f64)]) -> Vec<Output> {
    estimate::explain_given(&q.scenario, givens).1
}

/// The output itself and every output it builds on that is not given, as worked.
fn chain<'a>(outputs: &'a [Output], id: &OutputId, givens: &[(OutputId, f64)]) -> Vec<&'a Output> {
    let mut out: Vec<&Output> = super::chain::ancestors(outputs, id)
        .into_iter()
        .filter(|a| !givens.iter().any(|(g, _)| g == *a))
        .filter_map(|a| outputs.iter().find(|o| o.id == *a))
        .collect();
    out.extend(outputs.iter().find(|o| o.id == *id));
    out
}

/// "Peak QPS: 57.9k/s average × peak factor 2 = 116k/s": the first step of `chain` that names
/// one of `inputs`, with its output's label.
fn changed_step(chain: &[&Output], inputs: &[InputPath]) -> Option<String> {
    chain.iter().find_map(|o| {
        let step = o.steps.iter().rev().find(|s| {
            s.deps()
                .any(|d| matches!(d, Dep::Input(p) if inputs.contains(p)))
        })?;
        Some(format!(
            "{}: {}",
            o.label,
            working::text(step, Style::Decimal)
        ))
    })
}

/// What `change` gives for `q`'s output, from `base` (what the working gives) and the outputs
/// as worked with `givens`; and the step it changes.
fn apply(
    q: &Question,
    change: &Change,
    base: f64,
    chain: &[&Output],
    givens: &[(OutputId, f64)],
) -> Option<(f64, Option<String>)> {
    match change {
        Change::Factor(f) => Some((base * f, None)),
        Change::Value(v) => Some((*v, None)),
        Change::Drop(input) => {
            // The output's own last step multiplies (or divides) by the input.
            let own = chain.last()?;
            let last = own.steps.last()?;
            let at = last.pieces.iter().position(
                |p| matches!(p, Piece::Num { from: Some(Dep::Input(p)), .. } if p == input),
            )?;
            let (Some(Piece::Op(op)), Piece::Num { value, .. }) =
                (at.checked_sub(1).map(|i| &last.pieces[i]), &last.pieces[at])
            else {
                return None;
            };
            let v = match op {
                Op::Times if *value > 0.0 => base / value,
                Op::Divide => base * value,
                _ => return None,
            };
            Some((
                v,
                Some(format!(
                    "{}: {}",
                    own.label,
                    working::text(last, Style::Decimal)
                )),
            ))
        }
        Change::Set(sets) => {
            let mut s = q.scenario.clone();
            for (p, value) in sets {
                overrides::set_path(&mut s, p, value).ok()?;
            }
            let v = estimate::explain_given(&s, givens)
                .1
                .into_iter()
                .find(|o| o.id == q.output)?
                .value;
            let inputs: Vec<InputPath> = sets.iter().map(|(p, _)| p.clone()).collect();
            (v.is_finite() && v > 0.0).then(|| (v, changed_step(chain, &inputs)))
        }
    }
}

/// The slip `value` matches, if any: it must be nearer what the mistake gives than the truth.
pub fn named(q: &Question, value: f64) -> Option<Slip> {
    named_given(q, value, &[])
}

/// The slip `value` matches, with the candidate's earlier answers `givens` (outputs the
/// question's output builds on) taken as the working's: the mistake is judged against what
/// those numbers give. Changes of the working are tried first, then unit slips; the closest
/// match wins.
pub fn named_given(q: &Question, value: f64, givens: &[(OutputId, f64)]) -> Option<Slip> {
    if !(value > 0.0 && value.is_finite() && q.truth > 0.0) {
        return None;
    }
    let outputs = worked(q, givens);
    let base = outputs.iter().find(|o| o.id == q.output)?.value;
    if !(base > 0.0 && base.is_finite()) {
        return None;
    }
    let chain = chain(&outputs, &q.output, givens);
    let off = dex(value, base);
    let mut working_changes = Vec::new();
    serving(q, &mut working_changes);
    ml(q, &mut working_changes);
    generative(q, &mut working_changes);
    // The generative side's own factors first: at a tie they say more than the general ones.
    let mut units: Vec<Mistake> = generative_factors(q)
        .into_iter()
        .map(|(kind, text, f)| Mistake {
            kind,
            text,
            change: Change::Factor(f),
        })
        .collect();
    factors(q, &chain, &mut units);
    for (mistakes, tolerance) in [
        (working_changes, RERUN_TOLERANCE),
        (units, FACTOR_TOLERANCE),
    ] {
        let mut best: Option<(f64, Slip)> = None;
        for m in mistakes {
            let Some((mistaken, step)) = apply(q, &m.change, base, &chain, givens) else {
                continue;
            };
            let d = dex(value, mistaken);
            // Nearer the mistake than halfway from it to the working's value: a mistake that
            // changes little needs an answer that matches it closely.
            if d > tolerance || d >= off || d >= dex(mistaken, base) / 2.0 {
                continue;
            }
            if best.as_ref().is_none_or(|(b, _)| d < *b) {
                best = Some((
                    d,
                    Slip {
                        kind: m.kind,
                        text: m.text,
                        value: mistaken,
                        step,
                    },
                ));
            }
        }
        if let Some((_, slip)) = best {
            return Some(slip);
        }
    }
    None
}

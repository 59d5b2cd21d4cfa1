//! Show your work: the estimate records each step through a [`Trace`].
//!
//! The same code computes the numbers and says how. With [`Silent`] every call compiles away, so
//! the fast path (Monte Carlo, sweeps, every keystroke) pays nothing for the explanation; with
//! [`Recorder`] each output keeps its steps and the inputs it read.

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
    /// Closes the current output: the steps and inputs since the last one belong to it.
    fn output(&mut self, id: fmt::Arguments<'_>, label: fmt::Arguments<'_>, kind: Kind, value: f64);
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
    fn output(&mut self, _: fmt::Arguments<'_>, _: fmt::Arguments<'_>, _: Kind, _: f64) {}
}

/// "1 <plural>" and the singular it becomes.
const ONES: [(&str, &str); 10] = [
    ("1 copies", "copy"),
    ("1 servers", "server"),
    ("1 regions", "region"),
    ("1 replicas", "replica"),
    ("1 shards", "shard"),
    ("1 stages", "stage"),
    ("1 log streams", "log stream"),
    ("1 items per request", "item per request"),
    ("1 devices", "device"),
    ("1 nodes", "node"),
];

/// "1 copies" → "1 copy": the working is written once with plurals, and a count of exactly one
/// is made singular here, where the text is kept.
fn singular(mut text: String) -> String {
    if !text.contains("1 ") {
        return text;
    }
    for (pattern, one) in ONES {
        let mut from = 0;
        while let Some(i) = text[from..].find(pattern).map(|i| i + from) {
            let before = text[..i].chars().next_back();
            let after = text[i + pattern.len()..].chars().next();
            let whole_one = before.is_none_or(|c| !(c.is_ascii_digit() || c == '.' || c == ','));
            let whole_word = after.is_none_or(|c| !c.is_alphanumeric());
            if whole_one && whole_word {
                text.replace_range(i + 2..i + pattern.len(), one);
                from = i + 2 + one.len();
            } else {
                from = i + pattern.len();
            }
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
    /// Stable dotted id ("traffic.peak_qps", "fleet.ranking.servers").
    pub id: String,
    pub label: String,
    pub kind: Kind,
    /// In the kind's base unit.
    pub value: f64,
    pub steps: Vec<Step>,
    /// Field paths of the inputs this output read, directly or through earlier outputs.
    pub inputs: Vec<String>,
}

/// Keeps every output with its steps, in the order computed.
#[derive(Default)]
pub struct Recorder {
    steps: Vec<Step>,
    inputs: Vec<String>,
    pub outputs: Vec<Output>,
}

impl Trace for Recorder {
    fn step(&mut self, value: f64, kind: Kind, text: fmt::Arguments<'_>) {
        self.steps.push(Step {
            text: singular(text.to_string()),
            value,
            kind,
        });
    }
    fn uses(&mut self, path: fmt::Arguments<'_>) {
        let mut p = String::new();
        let _ = p.write_fmt(path);
        if !self.inputs.contains(&p) {
            self.inputs.push(p);
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
    fn output(
        &mut self,
        id: fmt::Arguments<'_>,
        label: fmt::Arguments<'_>,
        kind: Kind,
        value: f64,
    ) {
        self.outputs.push(Output {
            id: id.to_string(),
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
    use super::singular;

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

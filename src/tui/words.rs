//! The screen's wording of problems: an input is typed into its field of the form, so a problem
//! is said beside the field, with inputs to add as lines of the scenario's file.

use crate::report::EvaluationError;
use crate::scenario::diagnostic::{Diagnostic, Printable};
use crate::scenario::{Location, Origin};

/// A problem with a field, said beside it: what is wrong, then what to write instead.
pub fn field_error(d: &Diagnostic) -> String {
    let help = d.help();
    let text = if help.is_empty() {
        d.problem.clone()
    } else {
        format!("{}; {help}", d.problem)
    };
    Printable(&text).to_string()
}

/// Where a value stands, as the screen says it: in the form (an edited field) or in the file.
pub fn location(l: &Location) -> String {
    match l {
        // On the screen an input is typed into its field: the field goes without saying.
        Location::Override | Location::Given | Location::Program => String::new(),
        Location::Text {
            origin: Origin::Preset(id),
            at: Some(p),
        } => format!("preset {id}, line {}", p.line),
        other => other.to_string(),
    }
}

/// An output too large to compute with, said on the screen.
pub fn evaluation(e: &EvaluationError) -> String {
    let mut out = String::new();
    let _ = e.with_location(&mut out, location);
    Printable(&out).to_string()
}

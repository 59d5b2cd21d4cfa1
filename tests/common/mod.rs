//! Helpers the test files share.

#![allow(dead_code)]

use napkin::estimate::OutputId;
use napkin::scenario::InputPath;

/// The input path `text`, which the test knows to be one.
pub fn p(text: &str) -> InputPath {
    text.parse()
        .unwrap_or_else(|e| panic!("{text} is not an input path: {e}"))
}

/// The output id `text`, which the test knows to be one.
pub fn id(text: &str) -> OutputId {
    text.parse()
        .unwrap_or_else(|e| panic!("{text} is not an output id: {e}"))
}

/// A line of working as the text report writes it.
pub fn text(step: &napkin::estimate::Step) -> String {
    napkin::report::working::text(step, napkin::units::Style::Decimal)
}

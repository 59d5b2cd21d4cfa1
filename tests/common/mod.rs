//! Helpers the test files share.

#![allow(dead_code)]

use napkin::scenario::InputPath;

/// The input path `text`, which the test knows to be one.
pub fn p(text: &str) -> InputPath {
    text.parse()
        .unwrap_or_else(|e| panic!("{text} is not an input path: {e}"))
}

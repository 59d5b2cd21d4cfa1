//! One or two inputs stepped across a span, and the thresholds an output crosses.

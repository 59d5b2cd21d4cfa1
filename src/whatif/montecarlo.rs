//! Ranged inputs carried through joint samples to percentiles, and what drives each output.

//! Two scenarios side by side: every output of either, its value in each and the ratio.

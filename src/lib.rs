//! napkin: back-of-the-envelope capacity estimation for machine-learning system design.
//!
//! # Map
//! - [`units`]: reading ("500M", "2 KiB", "40 ms") and writing ("116k/s", "1.02 TB") quantities,
//!   and the napkin rounding. Nothing else parses or formats a quantity.
//! - [`scenario`]: the typed inputs of a case study, read from TOML with located errors,
//!   changed by overrides, with the source of every input. Inputs are named by typed paths
//!   ([`scenario::InputPath`]); each input section is one row of [`scenario::registry`].
//! - [`accelerators`]: named GPUs (`device = "H100"`), peak FLOP/s, memory and bandwidth, each
//!   with its public source; the data is `src/accelerators.toml`, compiled in.
//! - [`models`]: named language models (`model = "llama-3.1-70b"`), all and active parameters,
//!   layers, attention and key/value heads, head dimension, each with its public source; the data
//!   is `src/models.toml`, compiled in.
//! - [`estimate`]: the pure function from a scenario to every output, each with its
//!   [`OutputId`](estimate::OutputId), what it reads ([`depends_on`](estimate::Output::depends_on))
//!   and, when asked, its derivation as data ([`estimate::Step`]); values given for outputs;
//!   the sanity warnings.
//! - [`whatif`]: loops over the estimate: Monte Carlo over ranged inputs (p5/p50/p95 and what
//!   drives each output), sweeps of one or two inputs, and comparisons of two scenarios.
//! - [`report`]: an estimate as text, JSON (the stable contract, written by serde_json) or
//!   Markdown, with the working written out ([`report::working`]) and the what-if results;
//!   [`report::input_text`] is how every face shows an input's value.
//! - [`presets`]: the built-in case studies, compiled in, and the user's own.
//! - [`drill`]: practice questions drawn from the presets, scoring, feedback and progress.
//! - [`cli`]: the `napkin` command line, which words every problem for the command line. The
//!   binary (`src/main.rs`) only starts it.
//! - [`tui`]: the interactive screen (ratatui): one module per screen, each with its state in an
//!   `app::Screen` variant; keys in `app`, the key table in `keymap`.
//! - [`reference`](mod@reference): latency numbers, powers of two and availability nines for the reference tab.
//!
//! The engine ([`units`], [`scenario`], [`accelerators`], [`models`], [`estimate`], [`whatif`])
//! knows no terminal and writes no command-line words: it returns typed errors and hints, and the CLI and
//! the TUI, faces over it, word them.

#![forbid(unsafe_code)]

pub mod accelerators;
pub mod cli;
pub mod drill;
pub mod estimate;
pub mod models;
pub mod presets;
pub mod reference;
pub mod report;
pub mod scenario;
pub mod tui;
pub mod units;
pub mod whatif;

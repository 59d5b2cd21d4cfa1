//! Every integration test, in one crate: one build and one link instead of one per file, and
//! one run whose tests share the machine's cores. Each file is a module; `common` holds what they
//! share.

mod catalogue;
mod cli;
mod coach;
mod common;
mod drill;
mod engine;
mod escapes;
mod genai;
mod genai_alloc;
mod graph;
mod practice;
mod preset_numbers;
mod presets;
mod ranges;
mod samples;
mod scenario_files;
mod scripts;
mod structure;
mod tui;
mod tui_tmux;
mod whatif;

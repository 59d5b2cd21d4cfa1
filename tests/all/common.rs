//! Helpers the test files share: the `napkin` command as a user runs it, JSON lookups, number
//! comparisons, and typed paths and ids written as text.

#![allow(dead_code)]

use assert_cmd::Command;
use napkin::estimate::{Output, OutputId, Step};
use napkin::scenario::InputPath;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A configuration directory with no user presets, shared by every test of the run: the
/// machine's own presets never reach a test.
fn empty_config() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-config");
    std::fs::create_dir_all(&dir).expect("the test's temporary directory");
    dir
}

/// The `napkin` binary with no user presets and no colour.
pub fn napkin() -> Command {
    let mut cmd = Command::cargo_bin("napkin").expect("the binary builds");
    cmd.env("XDG_CONFIG_HOME", empty_config())
        .env("NO_COLOR", "1");
    cmd
}

/// The `napkin` binary with its data (the drill history) and configuration under `dir`.
pub fn napkin_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("napkin").expect("the binary builds");
    cmd.env("XDG_DATA_HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir)
        .env("NO_COLOR", "1");
    cmd
}

/// What `napkin ARGS` prints, read as JSON; the run must succeed.
pub fn json(args: &[&str]) -> Value {
    let out = napkin().args(args).output().expect("napkin runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// The output `id` of a `calc --format json` document.
pub fn output<'v>(doc: &'v Value, id: &str) -> &'v Value {
    doc["outputs"]
        .as_array()
        .expect("an outputs list")
        .iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("no output {id}"))
}

/// The number at `key` of a JSON object.
pub fn num(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("{key} in {v}"))
}

/// Asserts `got` is within a relative `tolerance` of `want` (or within it of 0 when `want` is 0).
pub fn close(got: f64, want: f64, tolerance: f64) {
    let off = if want == 0.0 {
        got.abs()
    } else {
        (got / want - 1.0).abs()
    };
    assert!(
        off <= tolerance,
        "{got} is not within {tolerance} of {want}"
    );
}

/// The value of output `id` among `outputs`.
pub fn value(outputs: &[Output], id: &str) -> f64 {
    outputs
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no output {id}"))
        .value
}

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
pub fn text(step: &Step) -> String {
    napkin::report::working::text(step, napkin::units::Style::Decimal)
}

/// The `napkin` binary with its configuration (the user's presets) under `dir`.
pub fn napkin_config(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("napkin").expect("the binary builds");
    cmd.env("XDG_CONFIG_HOME", dir)
        .env("HOME", dir)
        .env("NO_COLOR", "1");
    cmd
}

//! `napkin sweep` and `napkin compare` as a user runs them: the numbers at each step worked out
//! by hand, thresholds, the formats, errors and exit codes.

use crate::common;
use common::{json, napkin};

use predicates::prelude::*;
use serde_json::Value;

fn close(got: &Value, expected: f64) -> bool {
    let got = got.as_f64().unwrap_or(f64::NAN);
    (got - expected).abs() <= expected.abs() * 1e-12
}

/// Flat f32 vectors of 256 dimensions, 4 B each: 1,024 B a vector. Nodes of 100 GB at 50%
/// headroom hold 50 GB, so one shard holds 50e9 ÷ 1,024 = 48,828,125 vectors.
const FLAT: &str = "[meta]\nid = \"flat\"\ntitle = \"Flat index\"\n\
    [embeddings]\nvectors = \"10M\"\ndim = 256\ndtype = \"f32\"\n\
    [index]\nkind = \"flat\"\nnode_memory = \"100 GB\"\nmemory_headroom = 0.5\n";

fn flat_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flat.toml");
    std::fs::write(&path, FLAT).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

#[test]
fn a_sweep_steps_evenly_with_both_ends() {
    let v = json(&[
        "sweep",
        "video-recommendation",
        "--vary",
        "traffic.dau=100M..400M",
        "--steps",
        "3",
        "--output",
        "traffic.avg_qps",
        "--output",
        "traffic.peak_qps",
        "--format",
        "json",
    ]);
    assert_eq!(v["vary"], serde_json::json!(["traffic.dau"]));
    assert_eq!(v["spacing"], "linear");
    assert_eq!(v["units"]["traffic.avg_qps"], "1/s");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    // 100M, 100M + (400M − 100M) ÷ 2 = 250M, 400M. Average QPS = DAU × 5 requests a day ÷ 86,400 s:
    // 5e8 ÷ 86,400 = 5,787.04/s; 1.25e9 ÷ 86,400 = 14,467.6/s; 2e9 ÷ 86,400 = 23,148.1/s.
    // Peak is twice that (peak factor 2).
    for (row, dau) in rows.iter().zip([1e8, 2.5e8, 4e8]) {
        assert_eq!(row["inputs"]["traffic.dau"], dau);
        let avg = dau * 5.0 / 86_400.0;
        assert!(close(&row["outputs"]["traffic.avg_qps"], avg), "{row}");
        assert!(
            close(&row["outputs"]["traffic.peak_qps"], 2.0 * avg),
            "{row}"
        );
        // Only the outputs asked for.
        assert_eq!(row["outputs"].as_object().unwrap().len(), 2);
    }
}

#[test]
fn log_steps_keep_equal_ratios() {
    let v = json(&[
        "sweep",
        "video-recommendation",
        "--vary",
        "traffic.dau=100M..400M",
        "--steps",
        "3",
        "--log",
        "--output",
        "traffic.avg_qps",
        "--format",
        "json",
    ]);
    assert_eq!(v["spacing"], "log");
    let rows = v["rows"].as_array().unwrap();
    // 100M × (400M ÷ 100M)^(1/2) = 100M × 2 = 200M: 100M, 200M, 400M.
    for (row, dau) in rows.iter().zip([1e8, 2e8, 4e8]) {
        assert!(close(&row["inputs"]["traffic.dau"], dau), "{row}");
    }
    // 200M × 5 ÷ 86,400 = 1e9 ÷ 86,400 = 11,574.07/s.
    assert!(close(
        &rows[1]["outputs"]["traffic.avg_qps"],
        1e9 / 86_400.0
    ));
}

#[test]
fn two_inputs_make_a_grid() {
    let v = json(&[
        "sweep",
        "video-recommendation",
        "--vary",
        "traffic.dau=100M..400M",
        "--vary",
        "stage.ranking.latency=30ms..80ms",
        "--steps",
        "3",
        "--output",
        "latency.total",
        "--format",
        "json",
    ]);
    let rows = v["rows"].as_array().unwrap();
    // 3 × 3 points, the first --vary slowest.
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[1]["inputs"]["traffic.dau"], 1e8);
    assert!(close(&rows[1]["inputs"]["stage.ranking.latency"], 0.055));
    assert_eq!(rows[3]["inputs"]["traffic.dau"], 2.5e8);
    assert!(close(&rows[3]["inputs"]["stage.ranking.latency"], 0.03));
    // Latency on the request's path: candidates 30 ms + ranking + re-ranking 10 ms + 20 ms
    // overhead: 30 + 55 + 10 + 20 = 115 ms with ranking at 55 ms; 140 ms at 80 ms.
    assert!(close(&rows[1]["outputs"]["latency.total"], 0.115));
    assert!(close(&rows[8]["outputs"]["latency.total"], 0.14));
    // In text, both inputs are columns in napkin's units.
    napkin()
        .args([
            "sweep",
            "video-recommendation",
            "--vary",
            "traffic.dau=100M..400M",
            "--vary",
            "stage.ranking.latency=30ms..80ms",
            "--steps",
            "3",
            "--output",
            "latency.total",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "traffic.dau from 100M to 400M, 3 steps × stage.ranking.latency from 30 ms to 80 ms, 3 steps",
        ))
        .stdout(predicate::str::is_match(r"\n\s+250M\s+55 ms\s+115 ms\n").unwrap());
}

#[test]
fn until_finds_the_crossing_between_the_steps() {
    let (_dir, flat) = flat_file();
    // 10M, 20M, …, 100M vectors: 40M × 1,024 B = 40.96 GB fits in 50 GB, 50M × 1,024 B = 51.2 GB
    // does not. Bisected, the second shard comes at 50e9 ÷ 1,024 = 48,828,125 vectors: "48.8M".
    napkin()
        .args([
            "sweep",
            &flat,
            "--vary",
            "embeddings.vectors=10M..100M",
            "--steps",
            "10",
            "--until",
            "index.shards > 1",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "index.shards > 1 from embeddings.vectors = 48.8M (bisected between the steps 40M and 50M)",
        ));
    let v = json(&[
        "sweep",
        &flat,
        "--vary",
        "embeddings.vectors=10M..100M",
        "--steps",
        "10",
        "--until",
        "index.shards > 1",
        "--format",
        "json",
    ]);
    let first = v["until"]["first"]["embeddings.vectors"].as_f64().unwrap();
    assert!(first > 48_828_125.0 && first < 48_828_125.001, "{first}");
    assert_eq!(v["until"]["between"], serde_json::json!([4e7, 5e7]));
    assert_eq!(v["until"]["op"], ">");
    assert_eq!(v["until"]["value"], 1.0);
}

#[test]
fn until_reads_the_threshold_in_the_outputs_kind_and_says_when_it_never_holds() {
    let (_dir, flat) = flat_file();
    // Raw vectors at rest: n × 1,024 B ≥ 80 GB from n = 8e10 ÷ 1,024 = 78,125,000.
    let v = json(&[
        "sweep",
        &flat,
        "--vary",
        "embeddings.vectors=10M..100M",
        "--steps",
        "10",
        "--until",
        "storage.embeddings >= 80 GB",
        "--format",
        "json",
    ]);
    assert_eq!(v["until"]["value"], 8e10);
    let first = v["until"]["first"]["embeddings.vectors"].as_f64().unwrap();
    assert!((first - 78_125_000.0).abs() < 1e-3, "{first}");
    // ⌈100M × 1,024 B ÷ 50 GB⌉ = ⌈2.048⌉ = 3 shards at most: never 4.
    napkin()
        .args([
            "sweep",
            &flat,
            "--vary",
            "embeddings.vectors=10M..100M",
            "--until",
            "index.shards >= 4",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "index.shards >= 4 nowhere from embeddings.vectors = 10M to 100M: index.shards runs from 1 to 3",
        ));
    let v = json(&[
        "sweep",
        &flat,
        "--vary",
        "embeddings.vectors=10M..100M",
        "--until",
        "index.shards >= 4",
        "--format",
        "json",
    ]);
    assert!(v["until"]["first"].is_null());
    // A whole-number input is bisected to whole numbers: 10M × dim × 4 B > 50 GB from
    // dim > 50e9 ÷ 4e7 = 1,250, so 1,251.
    let v = json(&[
        "sweep",
        &flat,
        "--vary",
        "embeddings.dim=1000..2000",
        "--steps",
        "3",
        "--until",
        "index.shards > 1",
        "--format",
        "json",
    ]);
    assert_eq!(v["until"]["first"]["embeddings.dim"], 1251.0);
}

#[test]
fn csv_has_a_header_of_ids_and_base_units() {
    let out = napkin()
        .args([
            "sweep",
            "video-recommendation",
            "--vary",
            "traffic.dau=100M..400M",
            "--steps",
            "3",
            "--output",
            "traffic.avg_qps",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "traffic.dau,traffic.avg_qps");
    assert_eq!(lines.len(), 4);
    // 400M × 5 ÷ 86,400 = 23,148.15/s.
    let (dau, qps) = lines[3].split_once(',').unwrap();
    assert_eq!(dau, "400000000");
    assert!((qps.parse::<f64>().unwrap() - 2e9 / 86_400.0).abs() < 1e-9);
    // Without --output, CSV has every output.
    let (_dir, flat) = flat_file();
    napkin()
        .args([
            "sweep",
            &flat,
            "--vary",
            "embeddings.vectors=10M..20M",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("embeddings.vectors,"))
        .stdout(predicate::str::contains(",index.memory,"))
        .stdout(predicate::str::contains(",index.shards,"));
}

#[test]
fn text_and_markdown_show_outputs_that_move_in_napkins_units() {
    let (_dir, flat) = flat_file();
    // 10M × 1,024 B = 10.2 GB, 20M × 1,024 B = 20.5 GB.
    napkin()
        .args([
            "sweep",
            &flat,
            "--vary",
            "embeddings.vectors=10M..20M",
            "--steps",
            "2",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Flat index  (flat)"))
        .stdout(predicate::str::contains(
            "embeddings.vectors from 10M to 20M, 2 steps",
        ))
        .stdout(predicate::str::contains("index.memory"))
        .stdout(predicate::str::contains("10.2 GB"))
        .stdout(predicate::str::contains("20.5 GB"));
    napkin()
        .args([
            "sweep",
            &flat,
            "--vary",
            "embeddings.vectors=10M..20M",
            "--steps",
            "2",
            "--output",
            "index.memory",
            "--format",
            "markdown",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| embeddings.vectors | index.memory |",
        ))
        .stdout(predicate::str::contains("|---:|---:|"))
        .stdout(predicate::str::contains("| 20M | 20.5 GB |"));
}

#[test]
fn binary_sizes_for_people() {
    // 128 GiB + (1,024 GiB − 128 GiB) ÷ 2 = 576 GiB. One copy of the video index is
    // 10B × 40 B + 536,870,912 B + 262,144 B = 400,537,133,056 B; at 128 GiB × 0.7 =
    // 96,207,267,430 B usable that is ⌈4.16⌉ = 5 shards, at 576 GiB × 0.7 = 432.9 GB one.
    napkin()
        .args([
            "sweep",
            "video-recommendation",
            "--vary",
            "index.node_memory=128GiB..1TiB",
            "--steps",
            "3",
            "--output",
            "index.shards",
            "--binary",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "index.node_memory from 128 GiB to 1 TiB, 3 steps",
        ))
        .stdout(
            predicate::str::is_match(r"\n\s+128 GiB\s+5\n\s+576 GiB\s+1\n\s+1 TiB\s+1\n").unwrap(),
        );
}

#[test]
fn compare_gives_each_value_and_the_ratio() {
    // Tripling DAU triples what traffic drives and leaves the stored videos alone.
    let v = json(&[
        "compare",
        "video-recommendation",
        "video-recommendation",
        "--set-b",
        "traffic.dau=3B",
        "--format",
        "json",
    ]);
    assert_eq!(v["a"]["id"], "video-recommendation");
    assert_eq!(v["b"]["title"], "Video Recommendation System");
    assert_eq!(v["b"]["set"], serde_json::json!(["--set-b traffic.dau=3B"]));
    let row = |id: &str| {
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no row {id}"))
            .clone()
    };
    // 1B × 5 ÷ 86,400 = 57,870.4/s against 3B × 5 ÷ 86,400 = 173,611/s: ×3.
    let qps = row("traffic.avg_qps");
    assert!(close(&qps["a"], 5e9 / 86_400.0));
    assert!(close(&qps["b"], 1.5e10 / 86_400.0));
    assert!(close(&qps["ratio"], 3.0));
    // Logs: DAU × 50 events × 500 B × 90 d = 2.25 PB at 1B, 6.75 PB at 3B: ×3.
    let logs = row("storage.logs");
    assert!(close(&logs["a"], 2.25e15));
    assert!(close(&logs["ratio"], 3.0));
    // The videos: 10B × 50 MB × 3 copies = 1.5 EB either way: ×1.
    let videos = row("storage.videos");
    assert_eq!(
        (videos["a"].as_f64(), videos["b"].as_f64()),
        (Some(1.5e18), Some(1.5e18))
    );
    assert_eq!(videos["ratio"], 1.0);
    napkin()
        .args([
            "compare",
            "video-recommendation",
            "video-recommendation",
            "--set-b",
            "traffic.dau=3B",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "b  Video Recommendation System  (video-recommendation; --set-b traffic.dau=3B)",
        ))
        .stdout(predicate::str::contains("TRAFFIC"))
        .stdout(predicate::str::is_match(r"Average QPS\s+57.9k/s\s+174k/s\s+×3.0\n").unwrap())
        .stdout(predicate::str::is_match(r"Storage: videos\s+1.5 EB\s+1.5 EB\s+×1.0\n").unwrap());
}

#[test]
fn compare_has_null_where_one_side_has_no_such_output() {
    let v = json(&[
        "compare",
        "twitter",
        "video-recommendation",
        "--format",
        "json",
    ]);
    let row = |id: &str| {
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no row {id}"))
            .clone()
    };
    // Twitter has no index. The video index: 10B × (32 B PQ code + 8 B id) = 400 GB, + 524,288
    // lists × 256 × 4 B = 536,870,912 B of centroids + 256 × 256 × 4 B = 262,144 B of codebooks.
    let memory = row("index.memory");
    assert!(memory["a"].is_null());
    assert_eq!(memory["b"], 4e11 + 536_870_912.0 + 262_144.0);
    assert!(memory["ratio"].is_null());
    // Twitter's media corpus is not in the video scenario.
    let media = row("storage.media");
    assert!(media["b"].is_null() && media["ratio"].is_null());
    // Twitter keeps no logs: a is 0, so no ratio.
    let logs = row("storage.logs");
    assert_eq!(logs["a"], 0.0);
    assert!(logs["ratio"].is_null());
    // Text writes "–" for what is missing.
    napkin()
        .args(["compare", "twitter", "video-recommendation"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"Index memory \(one copy\)\s+–\s+401 GB\s+–\n").unwrap());
}

#[test]
fn compare_changed_keeps_only_what_differs_and_set_applies_to_both() {
    // Twitter: 150M DAU × 2 requests ÷ 86,400 s = 3,472/s; --set gives both 300M (6,944/s), and
    // --set-a 600M wins on a (13,889/s): b ÷ a = 0.5.
    let v = json(&[
        "compare",
        "twitter",
        "twitter",
        "--set",
        "traffic.dau=300M",
        "--set-a",
        "traffic.dau=600M",
        "--changed",
        "--format",
        "json",
    ]);
    let rows = v["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["a"] != r["b"]), "{rows:?}");
    let qps = rows.iter().find(|r| r["id"] == "traffic.avg_qps").unwrap();
    assert!(close(&qps["a"], 1.2e9 / 86_400.0));
    assert!(close(&qps["ratio"], 0.5));
    // The media stored does not depend on DAU: not listed.
    assert!(!rows.iter().any(|r| r["id"] == "storage.media"));
    napkin()
        .args([
            "compare",
            "twitter",
            "twitter",
            "--format",
            "markdown",
            "--set-b",
            "traffic.dau=300M",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| Section | Output | a | b | b ÷ a |",
        ))
        .stdout(predicate::str::contains(
            "| Traffic | Average QPS | 3.47k/s | 6.94k/s | ×2.0 |",
        ));
}

#[test]
fn sweep_errors_say_where_and_what_to_write() {
    let run = |args: &[&str]| {
        let mut all = vec!["sweep", "video-recommendation"];
        all.extend_from_slice(args);
        napkin().args(all).assert()
    };
    run(&["--vary", "traffic.dua=100M..1B"])
        .code(1)
        .stderr(predicate::str::contains("--vary traffic.dua=100M..1B"))
        .stderr(predicate::str::contains("unknown input `traffic.dua`"))
        .stderr(predicate::str::contains("`traffic.dau`"));
    run(&["--vary", "index.kind=1..2"])
        .code(1)
        .stderr(predicate::str::contains("not a quantity"))
        .stderr(predicate::str::contains("napkin compare"));
    run(&["--vary", "corpus.videos.new_items_per_day=0..5M", "--log"])
        .code(1)
        .stderr(predicate::str::contains("no ratio leads away from 0"))
        .stderr(predicate::str::contains("start the span above 0"));
    run(&["--vary", "traffic.dau=100M..5GB"])
        .code(1)
        .stderr(predicate::str::contains(
            "is a size, but this field takes a count",
        ));
    run(&["--vary", "traffic.dau=1B..100M"])
        .code(1)
        .stderr(predicate::str::contains("runs from high to low"));
    run(&[
        "--vary",
        "traffic.dau=100M..1B",
        "--output",
        "traffic.peek_qps",
    ])
    .code(1)
    .stderr(predicate::str::contains("--output: traffic.peek_qps"))
    .stderr(predicate::str::contains("`traffic.peak_qps`"));
    run(&[
        "--vary",
        "traffic.dau=100M..1B",
        "--until",
        "traffic.peek_qps > 1",
    ])
    .code(1)
    .stderr(predicate::str::contains("--until"))
    .stderr(predicate::str::contains("`traffic.peak_qps`"));
    run(&[
        "--vary",
        "traffic.dau=100M..1B",
        "--until",
        "storage.total > 2 ms",
    ])
    .code(1)
    .stderr(predicate::str::contains("is a duration"));
    // A cache larger than the 10B videos it caches is refused at the span's high end.
    run(&["--vary", "cache.cached_items=1M..20B"])
        .code(1)
        .stderr(predicate::str::contains("at cache.cached_items = 20B"));
    // Usage errors, exit 2.
    run(&["--vary", "traffic.dau=100M"])
        .code(2)
        .stderr(predicate::str::contains("has no span"));
    run(&["--vary", "traffic.dau=100M..1B", "--steps", "1001"]).code(2);
    run(&["--vary", "traffic.dau=100M..1B", "--steps", "1"]).code(2);
    run(&[
        "--vary",
        "traffic.dau=100M..1B",
        "--vary",
        "stage.ranking.latency=30ms..80ms",
        "--steps",
        "101",
    ])
    .code(2)
    .stderr(predicate::str::contains("10201 points"));
    run(&[
        "--vary",
        "traffic.dau=100M..1B",
        "--vary",
        "stage.ranking.latency=30ms..80ms",
        "--vary",
        "traffic.peak_factor=1..3",
    ])
    .code(2)
    .stderr(predicate::str::contains("one input, or two for a grid"));
    run(&[
        "--vary",
        "traffic.dau=100M..1B",
        "--until",
        "traffic.peak_qps",
    ])
    .code(2)
    .stderr(predicate::str::contains("is not a condition"));
    napkin()
        .args(["sweep", "video-recommendation"])
        .assert()
        .code(2);
    napkin()
        .args(["sweep", "twiter", "--vary", "traffic.dau=1M..2M"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`twitter`"));
}

#[test]
fn an_overflow_in_the_span_is_an_error_never_inf() {
    // Logs: DAU × 50 × 500 B × 90 d = DAU × 2.25e6 B, past f64's 1.8e308 at 1e305 DAU.
    napkin()
        .args([
            "sweep",
            "video-recommendation",
            "--vary",
            "traffic.dau=1e300..1e305",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "too large to compute with at traffic.dau = ",
        ));
}

#[test]
fn compare_errors_name_the_side() {
    napkin()
        .args(["compare", "twitter", "twitter", "--set-b", "traffic.dua=5M"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--set-b: traffic.dua: unknown input",
        ));
    napkin()
        .args([
            "compare",
            "twitter",
            "twitter",
            "--set-a",
            "traffic.dau=1e300",
            "--set-a",
            "traffic.requests_per_user_per_day=1e300",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "scenario a (twitter): --set-a: traffic.dau: 1e300 makes traffic.avg_qps too large",
        ));
    napkin()
        .args(["compare", "-", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "only one scenario can come from standard input",
        ));
    napkin().args(["compare", "twitter"]).assert().code(2);
}

#[test]
fn both_commands_have_manual_pages() {
    napkin()
        .args(["man", "sweep"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\\-\\-vary"))
        .stdout(predicate::str::contains("\\-\\-until"));
    napkin()
        .args(["man", "compare"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\\-\\-set\\-b"));
}

//! Ranged inputs (`lo..hi`) through `napkin calc`: percentiles worked out by hand, what drives
//! each output, reproducible seeds, and the errors a bad range gets.

use crate::common;
use common::{close, json, napkin, num, output};

use predicates::prelude::*;

const TWO_RANGES: [&str; 7] = [
    "calc",
    "--set",
    "traffic.dau=100M..400M",
    "--set",
    "traffic.requests_per_user_per_day=2..8",
    "--format",
    "json",
];

#[test]
fn a_product_of_two_ranges_has_the_lognormal_percentiles_worked_by_hand() {
    let doc = json(&TWO_RANGES);
    let q = output(&doc, "traffic.avg_qps");
    // Both ranges span a factor 4 between p5 and p95, ±1.6449 σ: log-σ = ln 4 ÷ 3.2897 = 0.42141.
    // avg QPS = DAU × requests ÷ 86,400 s is lognormal with log-σ √(0.42141² + 0.42141²) = 0.59597.
    // Median: √(1e8 × 4e8) × √(2 × 8) ÷ 86,400 = 2e8 × 4 ÷ 86,400 = 9,259.26/s (the value too).
    // p95: 9,259.26 × e^(1.6449 × 0.59597) = 9,259.26 × e^0.98030 = 9,259.26 × 2.6653 = 24,679/s.
    // p5: 9,259.26 ÷ 2.6653 = 3,474.0/s.
    close(num(q, "value"), 9_259.259, 1e-6);
    close(num(q, "p50"), 9_259.26, 0.02);
    close(num(q, "p95"), 24_679.0, 0.04);
    close(num(q, "p5"), 3_474.0, 0.04);
}

#[test]
fn multiplying_the_ends_of_the_ranges_would_be_far_off() {
    let doc = json(&TWO_RANGES);
    let q = output(&doc, "traffic.avg_qps");
    // Interval arithmetic: 1e8 × 2 ÷ 86,400 = 2,314.8/s and 4e8 × 8 ÷ 86,400 = 37,037/s. The two
    // ranges rarely sit at the same end at once, so the true p5 and p95 (3,474 and 24,679, above)
    // lie well inside: more than 30% from those ends.
    let (p5, p95) = (num(q, "p5"), num(q, "p95"));
    assert!(p5 > 2_314.8 * 1.3, "p5 {p5}");
    assert!(p95 < 37_037.0 / 1.3, "p95 {p95}");
}

#[test]
fn the_sensitivity_lists_each_range_at_its_ends_widest_first() {
    let doc = json(&[
        "calc",
        "--set",
        "traffic.dau=100M..400M",
        "--set",
        "traffic.requests_per_user_per_day=4..6",
        "--format",
        "json",
    ]);
    let sens = output(&doc, "traffic.avg_qps")["sensitivity"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(sens.len(), 2);
    // DAU at 100M and 400M, requests at their median √(4 × 6) = 4.8990:
    // 1e8 × 4.899 ÷ 86,400 = 5,670/s and 4e8 × 4.899 ÷ 86,400 = 22,680/s.
    assert_eq!(sens[0]["input"], "traffic.dau");
    close(num(&sens[0], "low"), 5_670.0, 1e-3);
    close(num(&sens[0], "high"), 22_680.0, 1e-3);
    // Requests at 4 and 6, DAU at √(1e8 × 4e8) = 2e8: 8e8 ÷ 86,400 = 9,259/s and 1.2e9 ÷ 86,400
    // = 13,889/s: a narrower swing, so second.
    assert_eq!(sens[1]["input"], "traffic.requests_per_user_per_day");
    close(num(&sens[1], "low"), 9_259.26, 1e-4);
    close(num(&sens[1], "high"), 13_888.9, 1e-4);
    // How the ranges were read.
    let ranges = &doc["ranges"];
    assert_eq!(ranges["samples"], 10_000);
    assert_eq!(ranges["inputs"][0]["path"], "traffic.dau");
    assert_eq!(ranges["inputs"][0]["median"], 2e8);
    assert_eq!(ranges["inputs"][0]["distribution"], "lognormal");
}

#[test]
fn whole_number_outputs_stay_whole_in_every_percentile() {
    let doc = json(&[
        "calc",
        "video-recommendation",
        "--set",
        "traffic.dau=500M..2B",
        "--set",
        "stage.ranking.per_server_throughput=20k/s..100k/s",
        "--format",
        "json",
    ]);
    for id in [
        "fleet.ranking.servers",
        "index.replicas",
        "fleet.total_servers",
    ] {
        let o = output(&doc, id);
        for key in ["p5", "p50", "p95"] {
            let x = num(o, key);
            assert_eq!(x.fract(), 0.0, "{id} {key} = {x}");
        }
        assert!(num(o, "p5") < num(o, "p95"), "{id} moves with the ranges");
    }
    // An output no range reaches keeps one value: 10B videos × 50 MB × 3 copies = 1.5 EB.
    let videos = output(&doc, "storage.videos");
    for key in ["p5", "p50", "p95"] {
        assert_eq!(num(videos, key), 1.5e18);
    }
}

#[test]
fn a_range_from_zero_is_a_normal_centred_between_its_ends() {
    let doc = json(&[
        "calc",
        "video-recommendation",
        "--set",
        "corpus.videos.new_items_per_day=0..10M",
        "--format",
        "json",
    ]);
    assert_eq!(doc["ranges"]["inputs"][0]["distribution"], "normal");
    // The median (0 + 10M) ÷ 2 = 5M a day: 5M × 50 MB × 3 copies = 7.5e14 B a day, as before.
    let growth = output(&doc, "storage.videos.growth_per_day");
    assert_eq!(num(growth, "value"), 7.5e14);
    // σ = 10M ÷ 3.2897 = 3.04M: p95 ≈ 5M + 1.6449 × 3.04M = 10M, so 1.5e15 B a day.
    close(num(growth, "p95"), 1.5e15, 0.05);
}

#[test]
fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
    let p95 = |seed: &str| {
        let mut args = TWO_RANGES.to_vec();
        args.extend(["--seed", seed, "--samples", "2000"]);
        num(output(&json(&args), "traffic.avg_qps"), "p95")
    };
    assert_eq!(p95("7"), p95("7"));
    assert_ne!(p95("7"), p95("8"));
}

#[test]
fn text_shows_p50_and_the_interval_beside_each_value_and_lists_the_ranges() {
    napkin()
        .args([
            "calc",
            "video-recommendation",
            "--set",
            "traffic.dau=500M..2B",
        ])
        .assert()
        .success()
        // The value at the median, 1B DAU × 5 ÷ 86,400 = 57.9k/s, then p50 [p5 – p95].
        .stdout(
            predicate::str::is_match(
                r"Average QPS +57\.9k/s +≈ 60k/s +5\d(\.\d)?k/s \[2\d(\.\d)?k/s – 11\dk/s\]",
            )
            .unwrap(),
        )
        .stdout(predicate::str::contains("driven by traffic.dau"))
        .stdout(predicate::str::contains(
            "RANGES  p50 [p5 – p95] over 10,000 samples, seed 2026",
        ))
        .stdout(predicate::str::contains(
            "traffic.dau  500M..2B  lognormal, median 1B",
        ));
}

#[test]
fn markdown_adds_percentile_columns() {
    napkin()
        .args([
            "calc",
            "twitter",
            "--set",
            "traffic.dau=100M..200M",
            "--format",
            "markdown",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| Section | Output | Value | Napkin | p5 | p50 | p95 | Working |",
        ))
        .stdout(predicate::str::contains("**Ranges**"));
}

#[test]
fn the_tornado_draws_each_range_widest_first() {
    let out = napkin()
        .args([
            "calc",
            "video-recommendation",
            "--set",
            "traffic.dau=500M..2B",
            "--set",
            "stage.ranking.per_server_throughput=20k/s..100k/s",
            "--tornado",
            "fleet.ranking.servers",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let throughput = text.find("stage.ranking.per_server_throughput").unwrap();
    let dau = text.find("traffic.dau").unwrap();
    // Servers ∝ DAU ÷ throughput. DAU 500M..2B around 1B moves them ×0.5 to ×2; throughput
    // 20k..100k around √(2e9) = 44.7k moves them ×2.24 to ×0.447: the wider swing, listed first.
    assert!(throughput < dau, "{text}");
    assert!(text.contains('█'), "{text}");

    let doc = json(&[
        "calc",
        "video-recommendation",
        "--set",
        "traffic.dau=500M..2B",
        "--tornado",
        "traffic.peak_qps",
        "--format",
        "json",
    ]);
    // Peak = DAU × 5 ÷ 86,400 × 2: 500M → 57,870/s, 2B → 231,481/s.
    assert_eq!(doc["output"], "traffic.peak_qps");
    close(num(&doc["sensitivity"][0], "low"), 57_870.4, 1e-5);
    close(num(&doc["sensitivity"][0], "high"), 231_481.5, 1e-5);
}

#[test]
fn the_tornado_says_what_is_missing() {
    napkin()
        .args(["calc", "twitter", "--tornado", "traffic.peak_qps"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no ranges"))
        .stderr(predicate::str::contains("--set traffic.dau=100M..400M"));
    napkin()
        .args([
            "calc",
            "twitter",
            "--set",
            "traffic.dau=100M..200M",
            "--tornado",
            "traffic.peak_qp",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `traffic.peak_qps`"));
}

#[test]
fn bad_ranges_are_located_errors_that_say_what_to_write() {
    let cases: [(&str, &[&str]); 6] = [
        ("traffic.dau=400M..100M", &["high to low", "\"100M..400M\""]),
        // An exponent is not a unit: the hint turns the range round.
        ("traffic.dau=1e300..1", &["high to low", "\"1..1e300\""]),
        ("traffic.dau=..400M", &["no low end", "low end first"]),
        ("stage.ranking.latency=30ms..2GB", &["high end", "size"]),
        (
            "serving.target_utilization=0.5..1.5",
            &["high end", "more than 1"],
        ),
        ("embeddings.dim=0..512", &["low end", "at least 1"]),
    ];
    for (set, words) in cases {
        let mut assert = napkin()
            .args(["calc", "video-recommendation", "--set", set])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(set.split('=').next().unwrap()));
        for w in words {
            assert = assert.stderr(predicate::str::contains(*w));
        }
    }
    // A range in a file is located by line and column.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.toml");
    std::fs::write(
        &file,
        "[meta]\nid = \"s\"\ntitle = \"S\"\n[traffic]\ndau = \"400M..100M\"\nrequests_per_user_per_day = 5\n",
    )
    .unwrap();
    napkin()
        .args(["calc", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("s.toml:5:7"))
        .stderr(predicate::str::contains("runs from high to low"));
    // An end that breaks a rule of the scenario, with the other inputs as they are.
    napkin()
        .args([
            "calc",
            "video-recommendation",
            "--set",
            "index.pq_nbits=8..20",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "at the high end of the range index.pq_nbits = 8..20",
        ));
    // A rule broken at the ranges' medians names the median nobody wrote: √(64 × 512) = 181.02,
    // a whole 181 dimensions, which 32 PQ sub-quantizers do not divide.
    napkin()
        .args([
            "calc",
            "video-recommendation",
            "--set",
            "embeddings.dim=64..512",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not divide dim = 181"))
        .stderr(predicate::str::contains(
            "with each range at its median: embeddings.dim = 181",
        ));
    // Samples are bounded.
    napkin()
        .args(["calc", "twitter", "--samples", "0"])
        .assert()
        .code(2);
}

#[test]
fn the_percentile_keys_follow_each_outputs_contract_keys_and_ranges_come_last() {
    let out = napkin()
        .args([
            "calc",
            "twitter",
            "--set",
            "traffic.dau=100M..200M",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    // One line in a pipe; each output's keys as before, then p5, p50, p95 and sensitivity.
    let peak = json.find("{\"id\":\"traffic.peak_qps\"").unwrap();
    let tail = &json[peak..];
    let order = [
        "\"steps\":[",
        "],\"inputs\":[",
        "],\"p5\":",
        ",\"p50\":",
        ",\"p95\":",
        ",\"sensitivity\":[{\"input\":\"traffic.dau\",\"low\":",
    ];
    let mut from = 0;
    for key in order {
        let at = tail[from..]
            .find(key)
            .unwrap_or_else(|| panic!("{key} in {tail}"));
        from += at + key.len();
    }
    // The top level: scenario, outputs, warnings, inputs, then ranges.
    let ranges = json
        .rfind(",\"ranges\":{\"samples\":10000,\"seed\":2026,\"inputs\":[")
        .unwrap();
    let warnings = json.find(",\"warnings\":[").unwrap();
    let inputs = warnings + json[warnings..].find(",\"inputs\":[{\"path\"").unwrap();
    assert!(inputs < ranges);
    assert!(
        json.trim_end()
            .ends_with("\"distribution\":\"lognormal\"}]}}"),
        "{json}"
    );
    // Without ranges none of these keys is written.
    let plain = napkin()
        .args(["calc", "twitter", "--format", "json"])
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains("\"p50\"") && !plain.contains("\"ranges\""));
}

#[test]
fn an_output_some_samples_do_not_give_leaves_the_others_in_their_places() {
    // A ranking latency of 0..80 ms is a normal (mean 40 ms, σ = 80 ÷ 3.29 = 24.3 ms) held at 0
    // below: about 5% of samples have no latency, and so no "in flight" for ranking.
    let doc = json(&[
        "calc",
        "video-recommendation",
        "--set",
        "stage.ranking.latency=0ms..80ms",
        "--format",
        "json",
    ]);
    // The stages run in series after 20 ms overhead: 20 + 30 + ranking + 10 ms, never below
    // 60 ms (ranking held at 0), and at the ranking's p95 of 80 ms, 140 ms.
    let total = output(&doc, "latency.total");
    assert!(num(total, "p5") >= 0.060 - 1e-12, "{total}");
    close(num(total, "p95"), 0.140, 0.02);
    // Re-ranking does not depend on the ranking latency: the same in every sample, 1.16k in
    // flight and 102 servers, as at the medians.
    for id in ["fleet.re_ranking.concurrency", "fleet.re_ranking.servers"] {
        let o = output(&doc, id);
        assert_eq!(num(o, "p5"), num(o, "value"), "{id}");
        assert_eq!(num(o, "p95"), num(o, "value"), "{id}");
    }
    // Ranking's in flight is 0 where its latency is: the p5 is small, never another output's.
    let ranking = output(&doc, "fleet.ranking.concurrency");
    assert!(num(ranking, "p5") < num(ranking, "p50"), "{ranking}");
}

#[test]
fn a_range_of_spare_servers_gives_whole_servers() {
    let doc = json(&[
        "calc",
        "twitter",
        "--set",
        "serving.redundancy=1..3",
        "--format",
        "json",
    ]);
    // 12 servers + 1 to 3 spare, rounded in each sample: 13 to 15, never 13.7.
    let o = output(&doc, "fleet.write_api.servers");
    for key in ["value", "p5", "p50", "p95"] {
        assert_eq!(num(o, key).fract(), 0.0, "{key} in {o}");
    }
    assert_eq!((num(o, "p5"), num(o, "p95")), (13.0, 15.0), "{o}");
    napkin()
        .args(["calc", "twitter", "--set", "serving.redundancy=1.5"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "not a whole number of spare servers",
        ))
        .stderr(predicate::str::contains("write 1 or 2"));
}

#[test]
fn a_range_of_percentages_stays_below_100_percent() {
    // Power 70%..90% is a logit-normal: no sample reaches 100%, where the sample size would be
    // infinite. It exits 0 with finite percentiles.
    let doc = json(&[
        "calc",
        "video-recommendation",
        "--set",
        "experiment.power=70%..90%",
        "--format",
        "json",
    ]);
    assert_eq!(doc["ranges"]["inputs"][0]["distribution"], "logit-normal");
    // n ∝ (z_α/2 + z_power)², z_0.975 = 1.95996: at power 0.9, z = 1.28155 and at 0.7,
    // z = 0.52440, so n(0.9) ÷ n(0.7) = (3.24151 ÷ 2.48436)² = 1.70245.
    let n = output(&doc, "experiment.sample_size_per_arm");
    let swing = &n["sensitivity"][0];
    close(num(swing, "high") / num(swing, "low"), 1.702_45, 1e-3);
    // n rises with power, so its p95 is n at the power's p95 (90%), give or take sampling.
    close(num(n, "p95"), num(swing, "high"), 0.03);
}

#[test]
fn a_sweep_says_which_ranges_it_holds_at_their_medians() {
    // √(30 ms × 80 ms) = √2,400 = 48.99 ms: "49 ms".
    napkin()
        .args([
            "sweep",
            "video-recommendation",
            "--vary",
            "traffic.dau=100M..1B",
            "--set",
            "stage.ranking.latency=30ms..80ms",
            "--steps",
            "3",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the scenario's other ranges at their medians: stage.ranking.latency = 49 ms",
        ));
}
